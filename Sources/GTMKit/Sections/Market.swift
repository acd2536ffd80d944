/// `market`, `channels` and `demand`: how big the market is, from the top down and the bottom
/// up, and how its sales spread over the weeks after launch.
extension Scenario {
    struct Market: Sendable {
        var population: Quantity
        var purchasesPerYear: Quantity
        var serviceable: Quantity
        var obtainable: Quantity
        var horizon: Period
    }

    struct Channel: Sendable {
        var name: String
        var reach: Quantity
        var conversion: Quantity
        /// Commission or referral fee, fulfilment per unit, returns, settlement delay and share of
        /// sales: given, or the defaults of the platform the name names (nil here).
        var fee: Double?
        var fulfillment: Double?
        var returns: Double?
        var settlement: Period?
        var share: Double?
    }

    struct Demand: Sendable {
        var p: Quantity
        var q: Quantity
        var launchBoost: Quantity
        var shape: DemandShape
        /// For `shape: decay`: sales halve every this long.
        var halfLife: Period?
        var events: [SalesEvent]
        /// Monthly seasonality, January to December, normalised to average 1; nil: none.
        var season: [Double]? = nil
        /// The season's end (`sell_by`): no sale after it, and the stock left is cleared at salvage; nil: none.
        var sellBy: CivilDate? = nil
        /// Price elasticity of demand (≤ 0); 0: price does not move demand.
        var elasticity: Quantity
        /// The price the market numbers assume: given, or `product.price` as the file writes it
        /// (before overrides and variants), filled in after decoding.
        var referencePrice: Double?
        /// The analogs' sales as read, and the line that names them; `AnalogModel` fits them.
        var analogSources: [AnalogSource] = []
        var analogsKey: InputRecord?
        /// The Bass fits to the analogs' sales, whose p and q the curve takes (`AnalogModel`).
        var analogs: [AnalogFit] = []
    }

    /// One `demand.analogs` file: its key (`demand.analogs[0]`), its path as written, its sales
    /// and its bytes (the fits' memo key).
    struct AnalogSource: Sendable {
        var key: String
        var path: String
        var series: SalesSeries
        var bytes: [UInt8]
    }

    /// One analog's sales and the Bass curve fitted to them.
    struct AnalogFit: Sendable, Equatable {
        var path: String
        var periods: Int
        var periodDays: Double
        var estimate: BassFit.Estimate
    }

    /// The curve's shape: Bass diffusion (a rise to a peak) or a launch that peaks at once and decays.
    enum DemandShape: String, Sendable, CaseIterable {
        case bass, decay
    }

    /// A sales event: a date and a lift, or a preset name whose date recurs each year.
    struct SalesEvent: Sendable {
        var name: String
        var date: CivilDate?
        var lift: Double
        /// The first day of a multi-day event (a presale wave); nil: the 6 days before `date`.
        var start: CivilDate? = nil
        /// The sales channels it lifts, by name; empty: every channel.
        var channels: [String] = []
    }
}

extension Schema {
    static let marketFields: [Field] = [
        Field("market", .section, "Top-down market size: TAM, SAM, SOM.", zh: "自上而下的市场规模：TAM、SAM、SOM。"),
        Field("market.population", .value(.count), example: "12M", required: true, "Potential buyers in the target markets.",
              zh: "目标市场中的潜在买家数。"),
        Field("market.purchases_per_year", .value(.number), bounds: 0...1000, default: "1",
              "Units one buyer buys a year.", zh: "每位买家每年购买件数。"),
        Field("market.serviceable", .value(.share), example: "30%", required: true,
              "Share of TAM your channels and regions can serve (SAM).", zh: "渠道与地区可覆盖的 TAM 比例（SAM）。"),
        Field("market.obtainable", .value(.share), example: "1% to 2%", required: true,
              "Share of SAM you can win within the horizon (SOM).", zh: "在计划期内可赢得的 SAM 比例（SOM）。"),
        Field("market.horizon", .value(.period), bounds: 1...Double(Limits.durationDays), default: "12 months",
              "How far ahead the plan sells; SOM is scaled to it.", zh: "计划期：计划覆盖的销售时长；SOM 按此缩放。"),

        Field("channels", .list(itemKey: "name"), "Bottom-up size: one item per sales channel.",
              zh: "自下而上的规模：每个销售渠道一项。"),
        Field("channels[].name", .value(.text), example: "Tmall flagship store", required: true, "Channel name.", zh: "渠道名称。"),
        Field("channels[].reach", .value(.count), example: "1M", required: true, "People reached within the horizon.",
              zh: "计划期内触达的人数。"),
        Field("channels[].conversion", .value(.share), example: "1%", required: true, "Share of those reached who buy.",
              zh: "被触达者中购买的比例。"),
        Field("channels[].fee", .value(.share), example: "5%", uncertain: false, note: "by the platform its name names (Tmall, JD, Amazon…), else 0",
              "Commission or referral fee on each sale.", zh: "每笔销售的佣金或平台扣点。"),
        Field("channels[].fulfillment", .value(.money), example: "4", uncertain: false, note: "by platform, in its currency, else 0",
              "Pick, pack and ship, per unit sold.", zh: "每件拣货、包装、发货成本。"),
        Field("channels[].returns", .value(.share), example: "10%", uncertain: false, note: "10% for a named platform, else 0",
              "Share of units sold that come back (refunded and written off).", zh: "退货比例（退款并报废）。"),
        Field("channels[].settlement", .value(.period), example: "14 days", note: "by platform, else 0 days",
              "Sale to cash in your account.", zh: "从售出到回款的时间。"),
        Field("channels[].share", .value(.share), example: "100%", uncertain: false, note: "in proportion to the channels' buyers",
              "Share of retail sales through this channel, kept as given: at most 100% in all, and 100% when every channel gives one.",
              zh: "经此渠道的零售销量占比，按所填保留：合计不超过 100%；每个渠道都填写时合计须为 100%。"),

        Field("demand", .section, "How SOM is spread over time, and what the launch adds to it.", zh: "SOM 如何随时间分布，以及上市动作带来的增量。"),
        Field("demand.shape", .value(.choice(["bass", "decay"])), default: "bass",
              "The curve: `bass` (diffusion, p and q) or `decay` (sales highest at launch, halving every `half_life`).",
              zh: "曲线形状：`bass`（扩散，p 与 q）或 `decay`（上市即达峰，每 `half_life` 减半）。"),
        Field("demand.half_life", .value(.period), example: "8 weeks", bounds: 1...Double(Limits.durationDays), note: "required with `shape: decay`",
              "With `shape: decay`: how long sales take to halve.", zh: "`shape: decay` 时：销量减半所需时间。"),
        Field("demand.events", .list(itemKey: "name"), "Sales events and seasons (618, 双11, Black Friday): a week's sales multiplied.",
              zh: "大促与季节（618、双11、黑五）：该周销量乘以倍数。"),
        Field("demand.events[].name", .value(.text), example: "Black Friday", required: true,
              "The event's name; 618, 双11 and Black Friday are presets whose date recurs each year.",
              zh: "活动名称；618、双11、Black Friday 为预设，日期每年重复。"),
        Field("demand.events[].date", .value(.date), example: "2027-11-11", note: "a preset's date each year",
              "The event's last day; its week is the 7 days ending on it.", zh: "活动最后一天；活动周为截至该日的 7 天。"),
        Field("demand.events[].lift", .value(.number), example: "2.5", uncertain: false, bounds: 0...1000, note: "Black Friday: 2.6; others required",
              "Multiplier of that week's sales on the curve.", zh: "该周曲线销量的倍数。"),
        Field("demand.events[].start", .value(.date), example: "2027-10-20", note: "6 days before `date`",
              "First day of a multi-day event (双11's presale waves from late October): the lift applies from it to `date`.",
              zh: "多日活动的第一天（双11 自十月下旬起的预售波次）：倍数作用于该日至 `date`。"),
        Field("demand.events[].channels", .value(.text), example: "Tmall flagship store", note: "every channel",
              """
              The sales channels the event lifts (names from `channels`, a list or one name): the lift applies to their share of sales (Prime \
              Day lifts Amazon, not your own store).
              """,
              zh: "活动拉动的销售渠道（`channels` 中的名称，可列多个）：倍数只作用于这些渠道的销量占比（Prime Day 拉动亚马逊，不拉动自营店）。"),
        Field("demand.analogs", .value(.text), example: "analogs/desk-lamp-2023.csv",
              """
              CSV files of comparable products' sales (`date,units`, weekly, monthly, quarterly or yearly), a list or one path: p and q \
              are fitted to them (a range when they disagree).
              """,
              zh: "可比产品的历史销量 CSV（`date,units`，按周或按月），可为列表或单个路径：据此拟合 p 与 q（各文件结果不一时为区间）。"),
        Field("demand.season", .section,
              """
              Monthly seasonality: each month's sales relative to an average month (normalised so the 12 average 1; a month left out is \
              1), applied to the curve day by day.
              """,
              zh: "按月季节性：各月销量相对平均月份的倍数（归一化使 12 个月平均为 1；未写的月份为 1），逐日作用于曲线。"),
        Field("demand.season.jan", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "January's sales relative to an average month.", zh: "一月销量相对平均月份的倍数。"),
        Field("demand.season.feb", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "February's sales relative to an average month.", zh: "二月销量相对平均月份的倍数。"),
        Field("demand.season.mar", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "March's sales relative to an average month.", zh: "三月销量相对平均月份的倍数。"),
        Field("demand.season.apr", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "April's sales relative to an average month.", zh: "四月销量相对平均月份的倍数。"),
        Field("demand.season.may", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "May's sales relative to an average month.", zh: "五月销量相对平均月份的倍数。"),
        Field("demand.season.jun", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "June's sales relative to an average month.", zh: "六月销量相对平均月份的倍数。"),
        Field("demand.season.jul", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "July's sales relative to an average month.", zh: "七月销量相对平均月份的倍数。"),
        Field("demand.season.aug", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "August's sales relative to an average month.", zh: "八月销量相对平均月份的倍数。"),
        Field("demand.season.sep", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "September's sales relative to an average month.", zh: "九月销量相对平均月份的倍数。"),
        Field("demand.season.oct", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "October's sales relative to an average month.", zh: "十月销量相对平均月份的倍数。"),
        Field("demand.season.nov", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "November's sales relative to an average month.", zh: "十一月销量相对平均月份的倍数。"),
        Field("demand.season.dec", .value(.number), uncertain: false, bounds: 0...100, default: "1",
              "December's sales relative to an average month.", zh: "十二月销量相对平均月份的倍数。"),
        Field("demand.sell_by", .value(.date), example: "2027-10-31", note: "none: sales run to the horizon's end",
              """
              The season's end: no sale after it (demand and the horizon's sales stop that day), and the stock left is cleared at \
              `product.salvage` that day.
              """,
              zh: "销售季结束日：此后不再销售（需求与计划期销量在当天截止），剩余库存当天按 `product.salvage` 清仓。"),
        Field("demand.elasticity", .value(.number), bounds: -20...0, default: "0",
              "Price elasticity of demand (negative): demand × (price ÷ reference price)^elasticity.",
              zh: "需求价格弹性（负数）：需求 × (价格 ÷ 参考价)^弹性。"),
        Field("demand.reference_price", .value(.money), example: "399", uncertain: false, note: "`product.price` as the file writes it",
              "The price the market numbers assume.", zh: "市场数据所对应的价格。"),
        Field("demand.p", .value(.number), bounds: 0.000001...10, default: "0.03",
              "Bass innovation coefficient, per year.", zh: "Bass 创新系数（每年）。"),
        Field("demand.q", .value(.number), bounds: 0...30, default: "0.38",
              "Bass imitation coefficient, per year.", zh: "Bass 模仿系数（每年）。"),
        Field("demand.launch_boost", .value(.share), default: "0",
              "Share of SOM bought in launch week, on top of the curve's shape.", zh: "上市首周额外购买的 SOM 比例。"),
    ]
}

extension ScenarioDecoder {
    /// The market section, or (absent) nil; its horizon's default also serves the channels' curve.
    mutating func market(_ section: Section) -> Scenario.Market? {
        let population = quantity("population", in: section)
        let purchases = quantity("purchases_per_year", in: section)
        let serviceable = quantity("serviceable", in: section)
        let obtainable = quantity("obtainable", in: section)
        let horizon = period("horizon", in: section)
        guard let population, let purchases, let serviceable, let obtainable, let horizon else { return nil }
        return .init(population: population, purchasesPerYear: purchases, serviceable: serviceable,
                     obtainable: obtainable, horizon: horizon)
    }

    /// Given shares are kept as written, so they must leave room for each other: at most 100% in
    /// all, and exactly 100% when every channel gives one (no channel takes the rest).
    mutating func checkChannelShares(_ channels: [Scenario.Channel], items: [Section]) {
        let given = channels.compactMap(\.share).reduce(0, +)
        guard let last = items.last(where: { marks["\($0.display).share"] != nil }) else { return }
        let shown = Format.shortest((given * 1000).rounded() / 10) + "%"
        if given > 1 + 1e-9 {
            report("the channels' shares add up to \(shown), more than 100%", at: marks["\(last.display).share"] ?? last.mark,
                   hint: "give shares that add up to 100% or less; channels without one share what is left, by their buyers")
        } else if channels.allSatisfy({ $0.share != nil }), channels.count == items.count, given < 1 - 1e-9 {
            report("every channel gives a share, and they add up to \(shown), not 100%", at: marks["\(last.display).share"] ?? last.mark,
                   hint: "make them add up to 100%, or leave one channel's share out so that it takes the rest")
        }
    }

    mutating func channel(_ section: Section) -> Scenario.Channel? {
        let name = text("name", in: section)
        let reach = quantity("reach", in: section)
        let conversion = quantity("conversion", in: section)
        let fee = quantity("fee", in: section)?.value
        let fulfillment = quantity("fulfillment", in: section)?.value
        let returns = quantity("returns", in: section)?.value
        let settlement = period("settlement", in: section)
        let share = quantity("share", in: section)?.value
        guard let name, let reach, let conversion else { return nil }
        return .init(name: name, reach: reach, conversion: conversion, fee: fee, fulfillment: fulfillment, returns: returns,
                     settlement: settlement, share: share)
    }

    /// The demand section; read from an absent section it gives the curve's defaults.
    mutating func demand(_ section: Section) -> Scenario.Demand? {
        let analogs = analogSources(section)
        let p = quantity("p", in: section)
        let q = quantity("q", in: section)
        var analogsKey: InputRecord?
        if !analogs.isEmpty, let pair = section.node.pairs?.first(where: { $0.key == "analogs" }) {
            // Written in the file beside the analogs, p and q contradict them; an override (`--set
            // demand.p=…`, a variant, a tornado row's check) asks what if, and wins over the fit.
            if section.node.pairs?.contains(where: { ($0.key == "p" || $0.key == "q") && $0.value.origin == nil }) == true {
                report("`demand` gives both `p`/`q` and `analogs`: the analogs' fit sets p and q", at: pair.keyMark,
                       hint: "remove `p` and `q`, or remove `analogs` (to try a value, `--set demand.p=…` overrides the fit)")
            }
            // Where the fitted p and q are listed from: the line that names the analogs.
            analogsKey = InputRecord(path: "demand.analogs", text: "", origin: pair.value.origin.map { .override($0) }
                                        ?? .file(name: sources[pair.keyMark.source]?.name ?? "", line: pair.keyMark.line),
                                     isUncertain: false, mark: pair.keyMark)
        }
        let boost = quantity("launch_boost", in: section)
        let shape = text("shape", in: section).flatMap(Scenario.DemandShape.init(rawValue:))
        let halfLife = period("half_life", in: section)
        if shape == .decay, halfLife == nil {
            report("`shape: decay` needs `half_life`: how long sales take to halve", at: marks["demand.shape"] ?? section.mark,
                   hint: "add `half_life: 8 weeks` (or your analog's), or write `shape: bass`")
        }
        var events: [Scenario.SalesEvent] = []
        var eventsValid = true
        for item in list("events", in: section) ?? [] {
            let name = text("name", in: item)
            let date = date("date", in: item)
            let lift = quantity("lift", in: item)?.value
            guard let name else {
                eventsValid = false
                continue
            }
            let preset = SalesEvents.preset(named: name)
            if date == nil, preset == nil {
                report("`\(item.display)` needs a `date`: `\(name)` is not one of the presets (618, 双11, Black Friday)",
                       at: item.mark, hint: "add `date: YYYY-MM-DD`, the event's last day")
                eventsValid = false
            }
            guard let lift = lift ?? preset?.lift else {
                report("`\(item.display)` needs a `lift`: no published figure gives this event's lift for a brand's week",
                       at: item.mark, hint: "add `lift: 2.5` (that week's sales ÷ an ordinary week's, from your store's history)")
                eventsValid = false
                continue
            }
            var event = Scenario.SalesEvent(name: name, date: date, lift: lift, start: self.date("start", in: item))
            if let start = event.start, let last = date ?? preset.map({ $0.day(start.year) }), start > last {
                report("`\(item.display).start` (\(start)) is after the event's last day (\(last))", at: item.mark,
                       hint: "`start` is the first day of the event and `date` its last")
                eventsValid = false
            }
            event.channels = eventChannels(item)
            events.append(event)
        }
        var season: [Double]?
        if let months = self.section("season", in: section) {
            let given = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map {
                quantity($0, in: months)?.value ?? 1
            }
            let total = given.reduce(0, +)
            if total > 0 {
                season = given.map { $0 * 12 / total }
            } else {
                report("`\(months.display)` gives every month 0: no month sells", at: months.mark,
                       hint: "give each month its sales relative to an average month, e.g. `jul: 2.5`, `dec: 0.3`")
            }
        }
        let elasticity = quantity("elasticity", in: section)
        let reference = quantity("reference_price", in: section)?.value
        guard let p, let q, let boost, let shape, let elasticity, eventsValid, shape == .bass || halfLife != nil else { return nil }
        return .init(p: p, q: q, launchBoost: boost, shape: shape, halfLife: halfLife, events: events, season: season,
                     sellBy: date("sell_by", in: section), elasticity: elasticity, referencePrice: reference, analogSources: analogs,
                     analogsKey: analogsKey)
    }

    /// The nodes of a key written as one value or as a list of them; nil (and `message` reported)
    /// when it is neither.
    mutating func oneOrList(_ pair: Pair, message: String, hint: String) -> [Node]? {
        switch pair.value.content {
        case .scalar: return [pair.value]
        case .sequence(let items): return items
        default:
            report(message, at: pair.value.mark, hint: hint)
            return nil
        }
    }

    /// An event's `channels`: one name or a list of them, each a channel of the `channels` section.
    mutating func eventChannels(_ item: Section) -> [String] {
        guard let pair = item.node.pairs?.first(where: { $0.key == "channels" }) else { return [] }
        guard let nodes = oneOrList(pair, message: "`\(item.display).channels` is a list of channel names",
                                    hint: "write `channels:` then `  - Tmall` lines") else { return [] }
        let known = (root["channels"]?.items ?? []).compactMap { $0["name"]?.scalar }
        var names: [String] = []
        for node in nodes {
            guard case .scalar(let name) = node.content else {
                report("each channel is a name", at: node.mark, hint: "write `- Tmall`")
                continue
            }
            guard known.contains(name) else {
                report("`\(name.visible)` is not a channel of the scenario", at: node.mark,
                       hint: known.isEmpty ? "an event lifts channels named in the `channels` section; add them there, or leave `channels` out"
                                           : "the channels are: \(known.joined(separator: ", "))")
                continue
            }
            names.append(name)
        }
        inputs.append(InputRecord(path: "\(item.display).channels", text: names.joined(separator: ", "),
                                  origin: pair.value.origin.map { .override($0) }
                                      ?? .file(name: sources[pair.value.mark.source]?.name ?? "", line: pair.value.mark.line),
                                  isUncertain: false, mark: pair.value.mark))
        return names
    }

    /// Each `demand.analogs` file read (`AnalogModel` fits them); a file that cannot be read is an
    /// error located in it, or at its path with the reason.
    mutating func analogSources(_ section: Section) -> [Scenario.AnalogSource] {
        guard let pair = section.node.pairs?.first(where: { $0.key == "analogs" }),
              let nodes = oneOrList(pair, message: "`analogs` is a list of CSV paths",
                                    hint: "write `analogs:` then `  - past-product.csv` lines") else { return [] }
        var sourcesRead: [Scenario.AnalogSource] = []
        if nodes.count > Limits.analogs {
            report("more than \(Limits.analogs) analogs", at: nodes[Limits.analogs].mark,
                   hint: "keep the most comparable launches: a handful is the usual practice")
            return []
        }
        for (index, node) in nodes.enumerated() {
            guard case .scalar(let path) = node.content else {
                report("each analog is a CSV path", at: node.mark, hint: "write `- past-product.csv`")
                continue
            }
            inputs.append(InputRecord(path: "demand.analogs[\(index)]", text: path, origin: node.origin.map { .override($0) }
                                        ?? .file(name: sources[node.mark.source]?.name ?? "", line: node.mark.line),
                                      isUncertain: false, mark: node.mark))
            guard let source = dataFiles[dataKey(node)], let file = sources[source] else {
                report("the analog `\(path.visible)` was not read", at: node.mark,
                       hint: "gtm plan reads the file relative to the scenario's folder; check the path")
                continue
            }
            let series: SalesSeries
            do {
                series = try SalesSeries.parse(file.bytes, source: source)
            } catch {
                diagnostics.append(error.diagnostic)
                continue
            }
            guard series.rows.count <= Limits.analogPeriods else {
                report("`\(path.visible)` has \(series.rows.count) periods; an analog has at most \(Limits.analogPeriods)", at: node.mark,
                       hint: series.periodDays == 7 ? "give monthly totals, or the first years after its launch" : "give the first years after its launch")
                continue
            }
            sourcesRead.append(Scenario.AnalogSource(key: "demand.analogs[\(index)]", path: path, series: series, bytes: file.bytes))
        }
        return sourcesRead
    }
}
