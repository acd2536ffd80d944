/// The base plan and each variant side by side, with the change against the base.
package struct Comparison {
    var base: Plan
    var variants: [(name: String, plan: Plan)]

    package init(base: Plan, variants: [(name: String, plan: Plan)]) {
        self.base = base
        self.variants = variants
    }

    /// The comparison as a Markdown section (`## What if: the variants compared`).
    func markdown() -> String {
        let report = MarkdownReport(base)
        let t = report.t
        let plans = [base] + variants.map(\.plan)
        var headers = [t("Output", "输出"), t("Base", "基准")]
        var alignments: [Markdown.Alignment] = [.left, .right]
        for variant in variants {
            headers += [Markdown.escape(variant.name), "Δ"]
            alignments += [.right, .right]
        }
        var table: [[String]] = []
        // Rows that some variant changes (an unchanged row says nothing a reader can use).
        for row in KeyOutput.all(report) where plans.contains(where: { row.format($0, report.style) != nil })
            && variants.contains(where: { row.format($0.plan, report.style) != row.format(base, report.style) }) {
            var cells = [row.label, row.format(base, report.style) ?? "—"]
            for variant in variants {
                cells.append(row.format(variant.plan, report.style) ?? "—")
                cells.append(row.output?.unit == .flag ? "" : row.change(from: row.value(base), to: row.value(variant.plan), report.style))
            }
            table.append(cells)
        }
        var parts = ["## " + t("What if: the variants compared", "假设情景对比")]
        parts.append(t("Each variant is the base scenario with the overrides below, planned with the same seed, so the differences come from the inputs alone.",
                       "每个情景都是在基准场景上应用下列覆盖，并使用相同随机种子，因此差异仅来自输入。"))
        parts.append(Markdown.table(headers, alignments, table))
        parts.append(variants.map { variant in
            "- **\(Markdown.escape(variant.name))**: " + changedInputs(variant.plan)
        }.joined(separator: "\n"))
        return parts.joined(separator: "\n\n")
    }

    /// The inputs a variant changes, as `path: value`.
    func changedInputs(_ plan: Plan) -> String {
        let changed = plan.scenario.inputs.filter {
            if case .override(let source) = $0.origin { return source.hasPrefix("what_if ") }
            return false
        }
        return changed.map { Markdown.code("\($0.path): \($0.text)") }.joined(separator: ", ")
    }

}
