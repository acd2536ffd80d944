/// The key outputs compared across plans (`--compare`, `gtm diff`): the outputs the table marks
/// as compared, and the number of warnings.
struct KeyOutput {
    /// The output, or nil for the warnings row.
    var output: Output?
    var label: String

    /// A stable key for JSON: `inventory.first_batch_units`.
    var key: String { output?.path ?? "warnings" }
    /// The rows a diff lists first: what the team acts on (quantities, goals, money, dates).
    var isDecision: Bool {
        guard let output else { return false }
        return output.isDecision || [.poDate, .launchDate, .shipBy, .kolCost, .testers].contains(output)
    }

    /// The rows, labelled in `report`'s language.
    static func all(_ report: MarkdownReport) -> [KeyOutput] {
        let language = report.plan.scenario.settings.language
        return Output.all.filter(\.info.compared).map { KeyOutput(output: $0, label: $0.label(language)) }
            + [KeyOutput(output: nil, label: report.t("Warnings", "警告"))]
    }

    /// The number of a plan (days since the epoch for dates) as the report shows it (whole
    /// units, cents below 10,000, a tenth of a percent), or nil where the plan lacks it: changes
    /// are computed from the values a reader sees, so 89 → 88 is a change of −1.
    func value(_ plan: Plan) -> Double? {
        guard let output else { return Double(plan.warnings.count) }
        guard let value = plan[output], value.isFinite else { return plan[output] }
        switch output.unit {
        case .count: return value.rounded()
        case .unitsNeeded: return (value - 1e-9).rounded(.up)
        case .money: return abs(value) < 10_000 ? (value * 100).rounded() / 100 : value.rounded()
        case .share: return (value * 1000).rounded() / 1000
        case .number: return (value * 100).rounded() / 100
        case .date, .flag: return value
        }
    }

    /// The value of a plan as the report writes it.
    func format(_ plan: Plan, _ style: NumberStyle) -> String? {
        guard let value = value(plan) else { return nil }
        guard let output else { return style.count(value) }
        return style.format(value, output.unit, exact: output.isDecision)
    }

    /// "+12%", "−3.4%", "0"; for dates "+5 days"; for yes/no nothing.
    func change(from old: Double?, to new: Double?, _ style: NumberStyle) -> String {
        guard let old, let new, output?.unit != .flag else { return "" }
        if old == new { return output?.unit == .date ? "" : "0" }
        if output?.unit == .date {
            let days = Int(new - old)
            return (days > 0 ? "+" : NumberStyle.minus) + style.days(abs(days))
        }
        guard old != 0 else { return new > 0 ? "+∞" : NumberStyle.minus + "∞" }
        let relative = (new - old) / abs(old)
        return (relative > 0 ? "+" : NumberStyle.minus) + style.percent(abs(relative))
    }
}

extension NumberStyle {
    /// A value in an output's unit. `exact`: a quantity to act on (units to order, a goal, money
    /// to pay) in full digits in both languages, never as 1.07万.
    func format(_ value: Double, _ unit: Output.Unit, exact: Bool = false) -> String {
        // A percentile among the trials with no such value (a payback beyond the horizon).
        if !value.isFinite {
            return value.isNaN ? "—" : unit == .date ? (language == .zh ? "范围外" : "beyond") : (value > 0 ? "∞" : NumberStyle.minus + "∞")
        }
        switch unit {
        case .count: return exact ? exactCount(value) : count(value)
        case .unitsNeeded:
            let up = (value - 1e-9).rounded(.up)
            return exact ? exactCount(up) : count(up)
        case .money: return exact ? exactMoney(value) : money(value)
        case .share: return percent(value)
        case .number: return number(value)
        case .date: return date(CivilDate(daysSinceEpoch: Int(value)))
        case .flag: return value != 0 ? (language == .zh ? "是" : "yes") : (language == .zh ? "否" : "no")
        }
    }
}
