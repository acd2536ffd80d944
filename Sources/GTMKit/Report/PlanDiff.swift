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

    /// One compared row: the output, both values as shown, and the relative change.
    typealias Change = (row: KeyOutput, old: String?, new: String?, change: String)

    /// The key outputs that differ, with the decisions flagged.
    func outputChanges(_ report: MarkdownReport) -> [Change] {
        KeyOutput.all(report).compactMap { row in
            let change = compare(row, report)
            return change.old == change.new ? nil : change
        }
    }

    func compare(_ row: KeyOutput, _ report: MarkdownReport) -> Change {
        (row, row.format(old, report.style), row.format(new, report.style), row.change(from: row.value(old), to: row.value(new), report.style))
    }

    /// What a reviewer reads first whether or not it moved: demand within the horizon, the peak
    /// funding need and the cash at the end of the horizon (those either plan has).
    static let headline: [Output] = [.horizonUnits, .peakNeed, .endingCash]

    func headlineRows(_ report: MarkdownReport) -> [Change] {
        Self.headline.compactMap { output in
            guard old[output] != nil || new[output] != nil else { return nil }
            return compare(KeyOutput(output: output, label: output.label(report.plan.scenario.settings.language)), report)
        }
    }

    /// Warnings that appear and go, by code: where one plan has more of a code than the other
    /// (two lines each costing more than they bring, then one), the surplus is named, the last of
    /// them; a warning whose numbers moved but which is still there is neither.
    var warningChanges: (new: [PlanWarning], gone: [PlanWarning]) {
        func surplus(_ these: [PlanWarning], over those: [PlanWarning]) -> [PlanWarning] {
            var left = Dictionary(those.map { ($0.code, 1) }, uniquingKeysWith: +)
            return these.filter { warning in
                let remaining = left[warning.code, default: 0]
                left[warning.code] = remaining - 1
                return remaining <= 0
            }
        }
        return (surplus(new.warnings, over: old.warnings), surplus(old.warnings, over: new.warnings))
    }

    package func markdown() -> String {
        let report = MarkdownReport(new)
        let t = report.t
        let outputs = outputChanges(report)
        let inputs = inputChanges
        let headers = [t("Previous", "之前"), t("New", "现在")]
        // The names as code: read the same raw and rendered (`HEAD~6:plan.txt`, no escapes).
        var parts = ["# " + t("Plan diff: ", "计划对比：") + Markdown.code(oldName) + " → " + Markdown.code(newName)]
        let moved = outputs.filter { $0.row.isDecision }
        let headline = Set(Self.headline.map(\.id))
        let others = outputs.filter { !$0.row.isDecision && !($0.row.output.map { headline.contains($0.id) } ?? false) }
        if moved.isEmpty {
            parts.append("**" + t("No decision changes.", "决策无变化。") + "** "
                + t("\(outputs.count) other output\(outputs.count == 1 ? "" : "s") changed.", "另有 \(outputs.count) 项输出变化。"))
        } else {
            parts.append("**" + t("\(moved.count) decision\(moved.count == 1 ? "" : "s") change", "\(moved.count) 项决策变化") + "**"
                + t(", \(outputs.count - moved.count) other output\(outputs.count - moved.count == 1 ? "" : "s") changed.",
                    "，另有 \(outputs.count - moved.count) 项输出变化。"))
        }
        func table(_ rows: [Change]) -> String {
            Markdown.table([t("Output", "输出")] + headers + [t("Change", "变化"), t("Relative", "相对")], [.left, .right, .right, .right, .right],
                           rows.map { change in
                               // A date's change is its days (already the Change column); a count of warnings has no relative.
                               [change.row.label, change.old ?? "—", change.new ?? "—", absolute(change.row, report.style),
                                change.row.output == nil || change.row.output?.unit == .date ? "" : change.change]
                           })
        }
        let headlineRows = headlineRows(report)
        if !headlineRows.isEmpty {
            parts.append("## " + t("Headline", "要点"))
            parts.append(table(headlineRows))
        }
        if !moved.isEmpty {
            parts.append("## " + t("Decisions that change", "变化的决策"))
            parts.append(table(moved))
        }
        parts.append("## " + t("Inputs that changed", "变化的输入"))
        if inputs.isEmpty {
            parts.append(t("None: the two scenarios read the same inputs (comments and layout may differ).", "无：两个场景的输入相同（注释与排版可能不同）。"))
        } else {
            parts.append(Markdown.table([t("Input", "输入")] + headers, [.left, .left, .left],
                                        inputs.map { [Markdown.code($0.path), $0.old.map(Markdown.code) ?? "—", $0.new.map(Markdown.code) ?? "—"] }))
        }
        parts.append("## " + t("Other key outputs that changed", "其他变化的关键输出"))
        parts.append(others.isEmpty ? t("None.", "无。") : table(others))
        let warnings = warningChanges
        if !warnings.new.isEmpty || !warnings.gone.isEmpty {
            parts.append("## " + t("Warnings", "警告"))
            let text = ReportText(new), oldText = ReportText(old)
            // The code in English, the Chinese title in Chinese (the JSON keeps the code).
            func name(_ warning: PlanWarning) -> String {
                text.language == .zh ? "**" + text.warningTitle(warning) + "**" : Markdown.code(warning.code)
            }
            parts.append((warnings.new.map { "- " + t("New", "新增") + " " + name($0) + t(": ", "：") + text.message($0) }
                + warnings.gone.map { "- " + t("Gone", "消除") + " " + name($0) + t(": ", "：") + oldText.message($0) })
                .joined(separator: "\n"))
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
        let headline = headlineRows(report).map { change -> JSONValue in
            .object([("key", .string(change.row.key)), ("label", .string(change.row.label)),
                     ("old", JSONValue.optional(change.row.value(old))), ("new", JSONValue.optional(change.row.value(new)))])
        }
        let warnings = warningChanges
        func list(_ items: [PlanWarning], _ text: ReportText) -> JSONValue {
            .array(items.map { .object([("code", .string($0.code)), ("message", .string(text.message($0)))]) })
        }
        return JSONValue.object([("old", .string(oldName)), ("new", .string(newName)), ("headline", .array(headline)), ("inputs", .array(inputs)),
                                 ("outputs", .array(outputs)),
                                 ("warnings", .object([("new", list(warnings.new, ReportText(new))), ("gone", list(warnings.gone, ReportText(old)))]))])
            .serialized() + "\n"
    }
}
