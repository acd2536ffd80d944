/// The key outputs compared across plans (`--compare`, `gtm diff`), in one list.
struct KeyOutput {
    enum Kind { case count, money, date, text }

    /// A stable key for JSON: `inventory.first_batch_units`.
    var key: String
    var label: String
    var kind: Kind
    /// The number of a plan (days since the epoch for dates), or nil where the plan lacks it.
    var value: (Plan) -> Double?
    /// For `.text` rows: the text of a plan.
    var text: ((Plan) -> String?)? = nil

    /// The list, labelled in `report`'s language.
    static func all(_ report: MarkdownReport) -> [KeyOutput] {
        let t = report.t
        let days = { (date: CivilDate?) in date.map { Double($0.daysSinceEpoch) } }
        return [
            KeyOutput(key: "inventory.first_batch_units", label: t("First batch (units)", "首批（件）"), kind: .count) { $0.firstBatch.map { Double($0.units) } },
            KeyOutput(key: "inventory.po_date", label: t("Purchase order by", "最晚下单日"), kind: .date) { days($0.firstBatch?.poDate) },
            KeyOutput(key: "inventory.cash", label: t("First batch cash", "首批资金"), kind: .money) { $0.firstBatch?.cash },
            KeyOutput(key: "crowdfunding.recommended", label: t("Crowdfund?", "是否众筹"), kind: .text, value: { _ in nil },
                      text: { plan in plan.crowdfunding.map { $0.recommended ? t("yes", "是") : t("no", "否") } }),
            KeyOutput(key: "crowdfunding.goal", label: t("Crowdfunding goal", "众筹目标"), kind: .money) { $0.crowdfunding?.goal },
            KeyOutput(key: "crowdfunding.pledged", label: t("Crowdfunding pledged", "众筹认筹额"), kind: .money) { $0.crowdfunding?.pledged },
            KeyOutput(key: "crowdfunding.net", label: t("Crowdfunding net", "众筹净得"), kind: .money) { $0.crowdfunding?.net },
            KeyOutput(key: "kol.cost", label: t("KOL cost", "KOL 费用"), kind: .money) { $0.kol?.cost },
            KeyOutput(key: "kol.buyers", label: t("KOL buyers", "KOL 买家"), kind: .count) { $0.kol?.buyers },
            KeyOutput(key: "seed_reviews.testers", label: t("Seed-review testers", "内测人数"), kind: .count) { $0.seedReviews.map { Double($0.testers) } },
            KeyOutput(key: "seed_reviews.ship_by", label: t("Testers' units ship by", "内测产品寄出"), kind: .date) { days($0.seedReviews?.shipBy) },
            KeyOutput(key: "launch.date", label: t("Launch", "上市日"), kind: .date) { Double($0.scenario.launch.date.daysSinceEpoch) },
            KeyOutput(key: "market.som_units", label: t("SOM (units)", "SOM（件）"), kind: .count) { $0.market?.topDown?.somUnits },
            KeyOutput(key: "market.bottom_up_units", label: t("Channels, bottom-up (units)", "渠道自下而上（件）"), kind: .count) { $0.market?.bottomUpUnits },
            KeyOutput(key: "demand.first_week_units", label: t("Launch-week sales", "首发周销量"), kind: .count) { $0.demand?.firstWeekUnits },
            KeyOutput(key: "inventory.window_demand_mean", label: t("Window demand (mean)", "覆盖期需求（均值）"), kind: .count) { $0.firstBatch?.mean },
            KeyOutput(key: "economics.unit_margin", label: t("Unit margin", "单件毛利"), kind: .money) { $0.economics.unitMargin },
            KeyOutput(key: "economics.break_even_units", label: t("Break-even (units)", "盈亏平衡（件）"), kind: .count) { $0.economics.breakEvenUnits?.rounded(.up) },
            KeyOutput(key: "warnings", label: t("Warnings", "警告"), kind: .count) { Double($0.warnings.count) },
        ]
    }

    /// The value of a plan as the report writes it.
    func format(_ plan: Plan, _ style: NumberStyle) -> String? {
        if let text { return text(plan) }
        guard let number = value(plan) else { return nil }
        switch kind {
        case .count: return style.count(number)
        case .money: return style.money(number)
        case .date: return style.date(CivilDate(daysSinceEpoch: Int(number)))
        case .text: return nil
        }
    }

    /// "+12%", "−3.4%", "0"; for dates "+5 days".
    func change(from old: Double?, to new: Double?, _ style: NumberStyle) -> String {
        guard let old, let new else { return "" }
        if old == new { return "0" }
        if kind == .date {
            let days = Int(new - old)
            return (days > 0 ? "+" : "−") + style.days(abs(days))
        }
        guard old != 0 else { return new > 0 ? "+∞" : "−∞" }
        let relative = (new - old) / abs(old)
        return (relative > 0 ? "+" : "−") + style.percent(abs(relative))
    }
}
