/// The base plan and each variant side by side, with the change against the base.
public struct Comparison {
    public var base: Plan
    public var variants: [(name: String, plan: Plan)]

    public init(base: Plan, variants: [(name: String, plan: Plan)]) {
        self.base = base
        self.variants = variants
    }

    /// A row of the table: a label and a number (or text) per plan.
    struct Row {
        var label: String
        var values: [Double?]
        var format: (Double) -> String
        var text: [String]? = nil
    }

    /// The comparison as a Markdown section (`## What if: the variants compared`).
    public func markdown() -> String {
        let report = MarkdownReport(base)
        let t = report.t
        let style = report.style
        let plans = [base] + variants.map(\.plan)
        var rows: [Row] = []
        let count = { (value: Double) in style.count(value) }
        func add(_ label: String, _ format: @escaping (Double) -> String = count, _ value: (Plan) -> Double?) {
            let values = plans.map(value)
            if values.contains(where: { $0 != nil }) { rows.append(Row(label: label, values: values, format: format)) }
        }
        add(t("SOM (units)", "SOM（件）")) { $0.market?.topDown?.somUnits }
        add(t("Channels, bottom-up (units)", "渠道自下而上（件）")) { $0.market?.bottomUpUnits }
        add(t("Launch-week sales", "首发周销量")) { $0.demand?.firstWeekUnits }
        add(t("Window demand (mean)", "覆盖期需求（均值）")) { $0.firstBatch?.mean }
        add(t("First batch (units)", "首批（件）")) { $0.firstBatch.map { Double($0.units) } }
        add(t("First batch cash", "首批资金"), style.money) { $0.firstBatch?.cash }
        add(t("Crowdfunding pledged", "众筹认筹额"), style.money) { $0.crowdfunding?.pledged }
        add(t("Crowdfunding net", "众筹净得"), style.money) { $0.crowdfunding?.net }
        add(t("Crowdfunding goal", "众筹目标"), style.money) { $0.crowdfunding?.goal }
        add(t("KOL cost", "KOL 费用"), style.money) { $0.kol?.cost }
        add(t("KOL buyers", "KOL 买家")) { $0.kol?.buyers }
        add(t("Seed-review testers", "内测人数")) { $0.seedReviews.map { Double($0.testers) } }
        add(t("Unit margin", "单件毛利"), style.money) { $0.economics.unitMargin }
        add(t("Break-even (units)", "盈亏平衡（件）")) { $0.economics.breakEvenUnits?.rounded(.up) }
        add(t("Warnings", "警告")) { Double($0.warnings.count) }
        if plans.contains(where: { $0.crowdfunding != nil }) {
            rows.insert(Row(label: t("Crowdfund?", "是否众筹"), values: plans.map { _ in nil }, format: count,
                            text: plans.map { plan in plan.crowdfunding.map { $0.recommended ? t("yes", "是") : t("no", "否") } ?? "—" }), at: 0)
        }
        var headers = [t("Output", "输出"), t("Base", "基准")]
        var alignments: [Markdown.Alignment] = [.left, .right]
        for variant in variants {
            headers += [Markdown.escape(variant.name), "Δ"]
            alignments += [.right, .right]
        }
        let table = rows.map { row -> [String] in
            if let text = row.text {
                return [row.label, text[0]] + variants.indices.flatMap { [text[$0 + 1], ""] }
            }
            var cells = [row.label, row.values[0].map(row.format) ?? "—"]
            for index in variants.indices {
                let value = row.values[index + 1]
                cells.append(value.map(row.format) ?? "—")
                cells.append(Self.change(from: row.values[0], to: value, style: style))
            }
            return cells
        }
        var parts = ["## " + t("What if: the variants compared", "假设情景对比")]
        parts.append(t("Each variant is the base scenario with the overrides below, planned with the same seed, so the differences come from the inputs alone.",
                       "每个情景都是在基准场景上应用下列覆盖，并使用相同随机种子，因此差异仅来自输入。"))
        parts.append(Markdown.table(headers, alignments, table))
        parts.append(variants.map { variant in
            "- **\(Markdown.escape(variant.name))**: " + variant.plan.overrides.filter { !$0.hasPrefix("--what-if") }.map { Markdown.code($0) }.joined(separator: ", ")
                + changedInputs(variant.plan)
        }.joined(separator: "\n"))
        return parts.joined(separator: "\n\n")
    }

    /// The inputs a variant changes, as `path: value`.
    func changedInputs(_ plan: Plan) -> String {
        let changed = plan.scenario.inputs.filter {
            if case .override = $0.origin { return true }
            return false
        }
        return changed.map { Markdown.code("\($0.path): \($0.text)") }.joined(separator: ", ")
    }

    /// "+12%", "−3.4%", "0", or "new" when the base has none.
    static func change(from base: Double?, to value: Double?, style: NumberStyle) -> String {
        guard let base, let value else { return "" }
        if base == value { return "0" }
        guard base != 0 else { return value > 0 ? "+∞" : "−∞" }
        let relative = (value - base) / abs(base)
        let text = style.percent(abs(relative))
        return (relative > 0 ? "+" : "−") + text
    }
}
