/// The CSV report, for a spreadsheet: tidy, one row per output the plan has (RFC 4180: a header,
/// CRLF line ends, fields quoted where they hold a comma, a quote or a line break). Values are
/// unrounded as in the JSON; dates `YYYY-MM-DD`; yes/no as `true`/`false`. With `--compare`,
/// each variant's rows follow the base case's, named in the `variant` column.
package struct CSVReport {
    let plan: Plan
    let text: ReportText

    package init(_ plan: Plan) {
        self.plan = plan
        self.text = ReportText(plan)
    }

    static let header = ["section", "key", "label", "value", "unit", "currency", "p10", "p50", "p90", "variant"]

    package func render(comparison: Comparison? = nil) -> String {
        var lines = [Self.header.map(Self.field).joined(separator: ",")]
        lines += rows(variant: "")
        for variant in comparison?.variants ?? [] { lines += CSVReport(variant.plan).rows(variant: variant.name) }
        // What wrote it, as two rows of their own (gtm recognises its reports by the second).
        lines.append(["gtm", "version", "gtm", GTM.version, "text", "", "", "", "", ""].map(Self.field).joined(separator: ","))
        lines.append(["gtm", "fingerprint", "inputs sha256", plan.fingerprint, "text", "", "", "", "", ""].map(Self.field).joined(separator: ","))
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One line per output with a value.
    func rows(variant: String) -> [String] {
        Output.all.compactMap { output -> String? in
            guard let value = plan[output] else { return nil }
            let summary = plan.uncertainty?.summary(output)
            let unit: String
            switch output.unit {
            case .count, .unitsNeeded: unit = "count"
            case .money: unit = "money"
            case .share: unit = "share"
            case .number: unit = "number"
            case .date: unit = "date"
            case .flag: unit = "flag"
            }
            let fields = [output.section.name, output.info.key, Self.inert(output.label(text.language)), cell(value, output), unit,
                          output.unit == .money ? plan.scenario.settings.currency : "",
                          summary.map { cell($0.p10, output) } ?? "", summary.map { cell($0.p50, output) } ?? "",
                          summary.map { cell($0.p90, output) } ?? "", Self.inert(variant)]
            return fields.map(Self.field).joined(separator: ",")
        }
    }

    /// A value as the JSON writes it: the shortest digits that read back the same, a date, a flag.
    func cell(_ value: Double, _ output: Output) -> String {
        guard value.isFinite else { return "" }
        switch output.unit {
        case .date: return CivilDate(daysSinceEpoch: Int(value)).description
        case .flag: return value != 0 ? "true" : "false"
        default: return Format.shortest(value)
        }
    }

    /// Text a spreadsheet must not run as a formula: a cell that starts with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return gets a leading `'` (OWASP, "CSV Injection"). Numbers are written
    /// by `cell`, never through here, so a negative number stays a number.
    static func inert(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// RFC 4180: a field with a comma, a double quote or a line break is quoted, its quotes doubled.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
