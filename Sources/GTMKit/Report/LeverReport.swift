/// A lever's part of each report: its decision line, its Markdown section and its JSON object.
/// The renderers loop over `Plan.levers`; each lever's result type conforms in its own report
/// file (`KOLPlan` in MarkdownReport+KOL.swift, `AdsPlan` in AdsReport.swift).
protocol LeverReport: LeverResult {
    func decision(_ report: MarkdownReport) -> String
    func markdown(_ report: MarkdownReport) -> String
    func json(_ report: JSONReport) -> (key: String, value: JSONValue)
}

extension Plan {
    /// The levers' report parts, in the levers' order.
    var leverReports: [any LeverReport] { levers.compactMap { $0 as? any LeverReport } }
}

extension MarkdownReport {
    /// Return on ad spend: sales ÷ cost ("3.2×"); "—" when nothing is spent.
    func roas(sales: Double, cost: Double) -> String {
        guard cost > 0 else { return "—" }
        let ratio = NumberStyle.fixed(sales / cost, 1)
        return t("\(ratio)×", "\(ratio)倍")
    }

    /// The rule every marketing line is weighed by, in one sentence: against what a sale
    /// contributes, or a backer (the campaign's contribution per backer) when the buyers back it.
    func marketingRule(contribution: Double, backers: Bool) -> String {
        let worth = style.money(contribution)
        let what = backers ? t("a backer contributes (the campaign's contribution per backer, \(worth))", "每位支持者的众筹贡献（\(worth)）")
            : plan.scenario.product.repurchase != nil
            ? t("a first buyer brings over the horizon, repeats included (LTV, \(worth))", "首购买家在计划期内带来的边际贡献（含复购，LTV：\(worth)）")
            : t("a sale contributes (\(worth))", "单件边际贡献（\(worth)）")
        return t("""
            **The rule:** a line is worth its cost while its cost per buyer stays below what \(what); above it, each buyer it brings \
            loses money (flagged `cac_above_contribution`).
            """,
                 "**规则**：一条投放的每位买家成本低于\(what)才值得；高于它，每带来一位买家都在亏钱（见警告“获客成本高于单件边际贡献”）。")
    }
}
