/// Paid media in the reports: each flight's budget, what it buys, and the buyers it brings.
extension AdsPlan: LeverReport {
    func decision(_ report: MarkdownReport) -> String { report.adsDecision(flights) }
    func markdown(_ report: MarkdownReport) -> String { report.adsSection(flights) }

    func json(_ report: JSONReport) -> (key: String, value: JSONValue) {
        ("ads", report.section(.ads, extra: [
            ("flights", .array(flights.map {
                .object([("name", .string($0.name)), ("platform", .string($0.platform)), ("start", .string($0.start.description)),
                         ("end", .string($0.end.adding(days: -1).description)), ("budget", .number($0.budget)), ("impressions", .number($0.impressions)),
                         ("clicks", .number($0.clicks)), ("buyers", .number($0.buyers)),
                         ("cost_per_buyer", $0.buyers > 0 ? .number($0.costPerBuyer) : .null),
                         ("roas", $0.budget > 0 ? .number($0.buyers * report.plan.scenario.product.price.value / $0.budget) : .null),
                         ("reference_spend", $0.reference.isFinite ? .number($0.reference) : .null)])
            })),
        ]))
    }
}

extension MarkdownReport {
    func adsDecision(_ flights: [AdsPlan.Flight]) -> String {
        let first = flights.map(\.start).min().map(style.longDate) ?? ""
        return t("""
            **Ads:** \(style.exactMoney(plan[.adsCost] ?? 0)) over \(flights.count) flight\(flights.count == 1 ? "" : "s") from \(first), bringing \
            about \(value(.adsBuyers)) buyers.
            """,
                 "**广告**：\(style.exactMoney(plan[.adsCost] ?? 0))，共 \(flights.count) 次投放，自 \(first) 起，预计带来约 \(value(.adsBuyers)) 位买家。")
    }

    /// A flight's platform as the report names it (the JSON keeps the scenario's key).
    func adPlatformName(_ key: String) -> String {
        switch Scenario.AdPlatform(rawValue: key) {
        case .douyinQianchuan: return t("Douyin Qianchuan (巨量千川)", "巨量千川")
        case .xiaohongshuJuguang: return t("Xiaohongshu Juguang (聚光)", "小红书聚光")
        case .meta: return "Meta"
        case .google: return "Google"
        case .amazonPPC: return t("Amazon Sponsored Products", "亚马逊站内广告")
        case .other, nil: return t("other", "其他")
        }
    }

    func adsSection(_ flights: [AdsPlan.Flight]) -> String {
        var parts = ["## " + t("Paid media", "广告投放")] + pastSectionNote
        parts.append(t("""
            Each flight's budget buys impressions at its CPM (or clicks at its CPC), and clicks × conversion buyers at the spend where those \
            rates hold: the spend that buys 50 buyers a week (an ad set out of Meta's learning phase). Above it returns diminish: buyers grow \
            as spend^0.72, so doubling a budget brings 1.65 times the buyers, not twice (Saxifrage 2020); below it the rates hold and are no \
            better (an ad set still learning is no cheaper per buyer). Buyers arrive evenly over the flight's days (those before launch buy \
            on launch day). Rates a flight leaves out are \
            its platform's published averages for a new brand's cold traffic (sources in gtm's Models article): replace them with your own campaigns' \
            numbers.
            """,
                       """
                       每次投放的预算按 CPM 购买曝光（或按 CPC 购买点击）；点击 × 转化率在费率成立的花费下即为买家：即每周带来 50 位买家的花费（Meta 广告组\
                       走出学习期的量）。高于该花费时回报递减：买家随花费的 0.72 次方增长，预算翻倍买家为 1.65 倍而非 2 倍（Saxifrage 2020）；低于该花费时按费率计算，并不更便宜（仍在学习期的广告组每位买家并不更便宜）。\
                       买家在投放期内均匀到来（上市前到来的在上市日购买）。未给出的费率取平台对新品牌冷启动流量的公开平均值（来源见 gtm 文档 Models 一文）：请换成您自己投放的数据。
                       """) + t(" ", "") + marketingRule(contribution: plan.retailBuyerWorth, backers: false))
        let price = plan.scenario.product.price.value
        let rows = flights.map { flight -> [String] in
            return [Markdown.escape(flight.name), adPlatformName(flight.platform), style.date(flight.start) + " – " + style.date(flight.end.adding(days: -1)),
                    style.money(flight.budget), (flight.perClick ? "CPC " : "CPM ") + style.money(flight.price),
                    style.count(flight.impressions), style.count(flight.clicks), style.number(flight.buyers),
                    flight.buyers > 0 ? style.money(flight.costPerBuyer) : "—", roas(sales: flight.buyers * price, cost: flight.budget)]
        }
        let buyers = plan[.adsBuyers] ?? 0, cost = plan[.adsCost] ?? 0
        let total = ["**" + t("Total", "合计") + "**", "", "", "**" + value(.adsCost) + "**", "", value(.adsImpressions), value(.adsClicks),
                     "**" + value(.adsBuyers) + "**", buyers > 0 ? style.money(cost / buyers) : "—", roas(sales: buyers * price, cost: cost)]
        parts.append(Markdown.table([t("Flight", "投放"), t("Platform", "平台"), t("Runs", "时间"), t("Budget", "预算"), t("Price", "价格"),
                                     t("Impressions", "曝光"), t("Clicks", "点击"), t("Buyers", "买家"), t("Per buyer", "每位买家"), "ROAS"],
                                    [.left, .left, .left, .right, .right, .right, .right, .right, .right, .right], rows + [total]))
        return parts.joined(separator: "\n\n")
    }
}

extension Plan {
    /// The ad flights, when the scenario has an `ads` section.
    var ads: AdsPlan? { lever(AdsPlan.self) }
}
