/// Two plans compared for a pull request: the decisions that moved first, then every input
/// that changed, then the key outputs with their absolute and relative change.
package struct PlanDiff {
    var old: Plan
    var new: Plan
    /// How the two are named (file names).
    var oldName: String
    var newName: String

    package init(old: Plan, new: Plan, oldName: String, newName: String) {
        self.old = old
        self.new = new
        self.oldName = oldName
        self.newName = newName
    }

    /// True when an input or a key output differs (`gtm diff --exit-code` exits 1).
    package var differs: Bool {
        !inputChanges.isEmpty || !outputChanges(MarkdownReport(new)).isEmpty
    }

    struct InputChange {
        var path: String
        var old: String?
        var new: String?
    }

    /// Inputs whose text differs, or that one side lacks; by path, in the new plan's order.
    var inputChanges: [InputChange] {
        let before = Dictionary(old.scenario.inputs.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.scenario.inputs.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
        var changes: [InputChange] = []
        for input in new.scenario.inputs where before[input.path] != input.text {
            changes.append(InputChange(path: input.path, old: before[input.path], new: input.text))
        }
        for input in old.scenario.inputs where after[input.path] == nil {
            changes.append(InputChange(path: input.path, old: input.text, new: nil))
        }
        return changes
    }

    /// The key outputs that differ, with the decisions flagged.
    func outputChanges(_ report: MarkdownReport) -> [(row: KeyOutput, old: String?, new: String?, change: String)] {
        KeyOutput.all(report).compactMap { row in
            let before = row.format(old, report.style)
            let after = row.format(new, report.style)
            guard before != after else { return nil }
            return (row, before, after, row.change(from: row.value(old), to: row.value(new), report.style))
        }
    }

    package func markdown() -> String {
        let report = MarkdownReport(new)
        let t = report.t
        let outputs = outputChanges(report)
        let inputs = inputChanges
        var parts = ["# " + t("Plan diff: ", "计划对比：") + Markdown.escape(oldName) + " → " + Markdown.escape(newName)]
        let moved = outputs.filter { $0.row.isDecision }
        if moved.isEmpty {
            parts.append("**" + t("No decision changes.", "决策无变化。") + "** "
                + t("\(outputs.count) other output\(outputs.count == 1 ? "" : "s") changed.", "另有 \(outputs.count) 项输出变化。"))
        } else {
            parts.append("**" + t("Decisions that change:", "变化的决策：") + "** " + moved.map { change in
                "\(change.row.label) \(change.old ?? "—") → \(change.new ?? "—")" + (change.change.isEmpty ? "" : " (\(change.change))")
            }.joined(separator: t("; ", "；")) + t(".", "。"))
        }
        parts.append("## " + t("Inputs that changed", "变化的输入"))
        if inputs.isEmpty {
            parts.append(t("None: the two scenarios read the same inputs (comments and layout may differ).", "无：两个场景的输入相同（注释与排版可能不同）。"))
        } else {
            parts.append(Markdown.table([t("Input", "输入"), Markdown.escape(oldName), Markdown.escape(newName)], [.left, .left, .left],
                                        inputs.map { [Markdown.code($0.path), $0.old.map(Markdown.code) ?? "—", $0.new.map(Markdown.code) ?? "—"] }))
        }
        parts.append("## " + t("Key outputs that changed", "变化的关键输出"))
        if outputs.isEmpty {
            parts.append(t("None.", "无。"))
        } else {
            parts.append(Markdown.table([t("Output", "输出"), Markdown.escape(oldName), Markdown.escape(newName), t("Change", "变化"), t("Relative", "相对")],
                                        [.left, .right, .right, .right, .right],
                                        outputs.map { change in
                                            [change.row.label, change.old ?? "—", change.new ?? "—", absolute(change.row, report.style), change.change]
                                        }))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// "+1,392" or "+¥12,000" or "+5 days".
    func absolute(_ row: KeyOutput, _ style: NumberStyle) -> String {
        guard let before = row.value(old), let after = row.value(new), row.output?.unit != .flag else { return "" }
        let delta = after - before
        if delta == 0 { return "0" }
        let sign = delta > 0 ? "+" : NumberStyle.minus
        switch row.output?.unit {
        case .money: return sign + style.money(abs(delta))
        case .date: return sign + style.days(Int(abs(delta)))
        case .share: return sign + style.percent(abs(delta))
        default: return sign + style.count(abs(delta))
        }
    }

    package func json() -> String {
        let report = MarkdownReport(new)
        let outputs = outputChanges(report).map { change -> JSONValue in
            .object([("key", .string(change.row.key)), ("label", .string(change.row.label)),
                     ("old", JSONValue.optional(change.row.value(old))), ("new", JSONValue.optional(change.row.value(new))),
                     ("old_text", change.old.map(JSONValue.string) ?? .null), ("new_text", change.new.map(JSONValue.string) ?? .null),
                     ("decision", .bool(change.row.isDecision))])
        }
        let inputs = inputChanges.map { change -> JSONValue in
            .object([("path", .string(change.path)), ("old", change.old.map(JSONValue.string) ?? .null),
                     ("new", change.new.map(JSONValue.string) ?? .null)])
        }
        return JSONValue.object([("old", .string(oldName)), ("new", .string(newName)), ("inputs", .array(inputs)),
                                 ("outputs", .array(outputs))]).serialized() + "\n"
    }
}
