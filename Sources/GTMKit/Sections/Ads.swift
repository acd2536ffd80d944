/// `ads`: paid media flights (广告投入), each a budget spent over dated days.
extension Scenario {
    struct AdFlight: Sendable {
        var name: String
        var platform: AdPlatform
        var budget: Quantity
        /// The flight's first day; the flight runs `duration` from it.
        var start: CivilDate
        var duration: Period
        var cpm: Quantity?
        var cpc: Quantity?
        var clickRate: Quantity?
        var conversion: Quantity?
    }

    enum AdPlatform: String, Sendable, CaseIterable {
        case douyinQianchuan = "douyin_qianchuan"
        case xiaohongshuJuguang = "xiaohongshu_juguang"
        case meta, google
        case amazonPPC = "amazon_ppc"
        case other
    }
}

extension Schema {
    static let adsFields: [Field] = [
        Field("ads", .list(itemKey: "name"), "Paid media flights: budget, price of attention, click-through and conversion.",
              zh: "广告投放：预算、流量价格、点击率与转化率。"),
        Field("ads[].name", .value(.text), example: "Qianchuan launch push", required: true, "Flight name.", zh: "投放名称。"),
        Field("ads[].platform", .value(.choice(Scenario.AdPlatform.allCases.map(\.rawValue))), default: "other",
              "douyin_qianchuan (巨量千川), xiaohongshu_juguang (聚光), meta, google, amazon_ppc, or other: the defaults below come from it.",
              zh: "平台：巨量千川、小红书聚光、Meta、Google、亚马逊广告或 other；缺省费率按平台取值。"),
        Field("ads[].budget", .value(.money), example: "50k", required: true, "What the flight spends.", zh: "该次投放的预算。"),
        Field("ads[].start", .value(.date), example: "2027-03-01", note: "the flight ends at launch",
              "The flight's first day.", zh: "投放开始日。"),
        Field("ads[].duration", .value(.period), bounds: 1...Double(Limits.durationDays), default: "2 weeks",
              "How long the flight runs.", zh: "投放持续时间。"),
        Field("ads[].cpm", .value(.money), example: "30", note: "per platform, in its currency",
              "Cost per 1,000 impressions.", zh: "千次曝光成本（CPM）。"),
        Field("ads[].cpc", .value(.money), example: "1.72", note: "per platform, in its currency",
              "Cost per click (instead of CPM).", zh: "单次点击成本（CPC，替代 CPM）。"),
        Field("ads[].click_rate", .value(.share), example: "1%", note: "per platform", "Impressions that become clicks.",
              zh: "曝光到点击的比例（CTR）。"),
        Field("ads[].conversion", .value(.share), example: "3%", note: "per platform", "Clicks that become buyers.",
              zh: "点击到购买的转化率。"),
    ]
}

extension ScenarioDecoder {
    /// The flights of `ads`, each checked for the rates its platform does not publish.
    mutating func ads(_ items: [Section], launch: CivilDate?) -> [Scenario.AdFlight]? {
        var flights: [Scenario.AdFlight] = []
        var valid = true
        for item in items {
            let name = text("name", in: item)
            let platform = text("platform", in: item).flatMap(Scenario.AdPlatform.init(rawValue:))
            let budget = quantity("budget", in: item)
            let start = date("start", in: item)
            let duration = period("duration", in: item)
            let cpm = quantity("cpm", in: item)
            let cpc = quantity("cpc", in: item)
            let click = quantity("click_rate", in: item)
            let conversion = quantity("conversion", in: item)
            guard let name, let platform, let budget, let duration, let launch else {
                valid = false
                continue
            }
            let defaults = AdDefaults.of(platform)
            var missing: [String] = []
            if cpm == nil, cpc == nil, defaults.price(in: currency) == nil {
                missing.append(defaults.priceCurrency == nil ? "`cpm` or `cpc`"
                               : "`cpm` or `cpc` in \(currency) (the platform's published price is in \(defaults.priceCurrency!))")
            }
            if click == nil, defaults.clickRate == nil, cpc == nil || cpm != nil { missing.append("`click_rate`") }
            if conversion == nil, defaults.conversion == nil { missing.append("`conversion`") }
            if !missing.isEmpty {
                report("""
                    `\(item.display)` needs \(missing.joined(separator: ", ")): \
                    \(platform == .other ? "`other` has no published rates" : "no published figure for \(platform.rawValue)")
                    """,
                       at: item.mark, hint: "add them from your own campaigns (`gtm explain ads`)")
                valid = false
                continue
            }
            flights.append(Scenario.AdFlight(name: name, platform: platform, budget: budget,
                                             start: start ?? duration.before(launch), duration: duration,
                                             cpm: cpm, cpc: cpc, clickRate: click, conversion: conversion))
        }
        return valid ? flights : nil
    }
}
