/// The CSV report, for a spreadsheet or a data frame: the JSON report's facts as tidy rows, one
/// fact a row, so that every weekly table, line and milestone pivots (RFC 4180: a header, CRLF
/// line ends, fields quoted where they hold a comma, a quote or a line break).
///
/// Columns are typed: `value`, `p10`, `p50`, `p90` hold numbers only (a yes/no is 1 or 0);
/// `date` and `end` ISO dates only; `text` text only. `table` names the JSON object or array the
/// row comes from (`inventory`, `cash.weeks`, `kol.lines`, `timeline`, `warnings`…), `item` the
/// array element (a week number, a name, a milestone id, a warning code) and `key` the fact. The
/// JSON stays the unrounded record; here numbers are rounded to two decimals (four significant
/// digits below 1), which no table of the report shows finer. Every row names its variant
/// (`base` for the scenario as written), so a pivot by variant keeps the base case.
package struct CSVReport {
    let plan: Plan
    let text: ReportText

    package init(_ plan: Plan) {
        self.plan = plan
        self.text = ReportText(plan)
    }

    static let header = ["variant", "table", "item", "key", "label", "value", "unit", "currency", "p10", "p50", "p90", "date", "end", "text"]
    /// The base case's name in the `variant` column.
    static let baseVariant = "base"
    /// A UTF-8 byte-order mark, written first with `--bom` so that Excel on Windows reads the zh labels.
    package static let byteOrderMark = "\u{FEFF}"

    /// One row of the table, by column.
    struct Row {
        var table = "", item = "", key = "", label = "", value = "", unit = "", currency = ""
        var p10 = "", p50 = "", p90 = "", date = "", end = "", text = ""
        /// Numbers as written by `number`; every other cell made inert.
        func line(variant: String) -> String {
            let text = [variant, table, item, key, label].map(CSVReport.inert) + [value, CSVReport.inert(unit), CSVReport.inert(currency)]
                + [p10, p50, p90] + [date, end, self.text].map(CSVReport.inert)
            return text.map(CSVReport.field).joined(separator: ",")
        }
    }

    package func render(comparison: Comparison? = nil, byteOrderMark: Bool = false) -> String {
        var lines = [Self.header.joined(separator: ",")]
        lines += rows().map { $0.line(variant: Self.baseVariant) }
        for variant in comparison?.variants ?? [] { lines += CSVReport(variant.plan).rows().map { $0.line(variant: variant.name) } }
        // What wrote it, as two rows of their own (gtm recognises its reports by the last).
        lines.append(Row(table: "gtm", key: "version", label: "gtm", unit: "text", text: GTM.version).line(variant: Self.baseVariant))
        lines.append(Self.fingerprintPrefix + plan.fingerprint)
        return (byteOrderMark ? Self.byteOrderMark : "") + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The last row up to the inputs' digest (`ReportSignature` reads it).
    static let fingerprintPrefix = "base,gtm,,fingerprint,inputs sha256,,text,,,,,,,"

    /// The JSON's parts left out: the schema and run metadata, the uncertainty (the `p10`–`p90`
    /// columns instead), the footer (the last rows), the variants (rows of their own).
    static let omitted: Set<String> = ["schema_version", "run", "uncertainty", "gtm", "variants"]

    /// Every fact of the JSON report but its run metadata, the uncertainty (it becomes the
    /// `p10`–`p90` columns), the inputs' text and the footer.
    func rows() -> [Row] {
        guard case .object(let pairs) = JSONReport(plan).object() else { return [] }
        let outputs = Dictionary(Output.all.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = []
        for (key, value) in pairs where !Self.omitted.contains(key) {
            switch value {
            case .array(let items):
                for (index, item) in items.enumerated() { element(item, index: index, table: key, outputs, into: &rows) }
            default:
                fields(value, table: key, template: Row(table: key), outputs, into: &rows)
            }
        }
        return rows
    }

    /// The fields of an object as rows under `template` (its table, item and dates); a nested
    /// object is a table of its own, an array's elements are items.
    func fields(_ value: JSONValue, table: String, template: Row, _ outputs: [String: Output], into rows: inout [Row]) {
        guard case .object(let pairs) = value else { return }
        for (key, value) in pairs {
            switch value {
            case .object:
                fields(value, table: table + "." + key, template: Row(table: table + "." + key, item: template.item), outputs, into: &rows)
            case .array(let items) where items.contains(where: { if case .object = $0 { true } else { false } }):
                for (index, item) in items.enumerated() { element(item, index: index, table: table + "." + key, outputs, into: &rows) }
            default:
                var row = template
                row.key = key
                guard fill(&row, with: value, output: template.item.isEmpty ? outputs[table + "." + key] : nil) else { continue }
                rows.append(row)
            }
        }
    }

    /// The row of a weekly table that carries the week's band.
    static let bandKeys = ["demand.weeks": "units", "cash.weeks": "balance"]

    /// Keys that name an array's element, that date it and that end it, in order of preference.
    static let itemKeys = ["id", "code", "week", "name", "path", "item", "input"]
    static let dateKeys = ["start", "date", "first_day", "first"]
    static let endKeys = ["end", "last_day", "last"]

    /// One element of an array: its name, label and dates on every row, its other fields as rows.
    func element(_ value: JSONValue, index: Int, table: String, _ outputs: [String: Output], into rows: inout [Row]) {
        guard case .object(var pairs) = value else {
            var row = Row(table: table, item: String(index + 1))
            if fill(&row, with: value, output: nil) { rows.append(row) }
            return
        }
        var template = Row(table: table, item: String(index + 1))
        func take(_ keys: [String]) -> JSONValue? {
            guard let at = pairs.firstIndex(where: { keys.contains($0.0) }) else { return nil }
            return pairs.remove(at: at).1
        }
        if let item = take(Self.itemKeys) { template.item = Self.plain(item) }
        if ["id", "code"].contains(where: { key in (value.objectPairs ?? []).contains { $0.0 == key } }), let name = take(["name"]) {
            template.label = Self.plain(name)
        }
        if let date = take(Self.dateKeys) { template.date = Self.plain(date) }
        if let end = take(Self.endKeys) { template.end = Self.plain(end) }
        // A week's P10–P90 band goes in the percentile columns of its main row (units, balance).
        let band = Self.bandKeys[table].flatMap { _ in take(["p10"]).flatMap { low in take(["p90"]).map { (low, $0) } } }
        let before = rows.count
        fields(.object(pairs), table: table, template: template, outputs, into: &rows)
        if let band, let key = Self.bandKeys[table], let index = rows[before...].firstIndex(where: { $0.key == key }) {
            rows[index].p10 = Self.plain(band.0)
            rows[index].p90 = Self.plain(band.1)
        }
        if rows.count == before { rows.append(template) }
    }

    /// Puts `value` in the column its type belongs to; false for a null (no row).
    func fill(_ row: inout Row, with value: JSONValue, output: Output?) -> Bool {
        switch value {
        case .null, .object: return false
        case .bool(let flag):
            row.value = flag ? "1" : "0"
            row.unit = "flag"
        case .integer(let number):
            row.value = String(number)
            row.unit = "count"
        case .number(let number):
            row.value = Self.number(number)
            row.unit = Self.units[row.table + "." + row.key] ?? Self.units[row.key] ?? "number"
        case .string(let string):
            if Self.isDate(string) { row.date = string; row.unit = "date" } else { row.text = string; row.unit = "text" }
        case .array(let items):
            guard !items.isEmpty else { return false }
            row.text = items.map(Self.plain).joined(separator: "; ")
            row.unit = "text"
        }
        if let output {
            row.label = output.label(text.language)
            row.unit = Self.unit(output.unit, default: row.unit)
            if let summary = plan.uncertainty?.summary(output), [.count, .unitsNeeded, .money, .share, .number].contains(output.unit) {
                (row.p10, row.p50, row.p90) = (Self.number(summary.p10), Self.number(summary.p50), Self.number(summary.p90))
            }
        }
        if row.unit == "money" { row.currency = plan.scenario.settings.currency }
        return true
    }

    /// The unit of a field outside the declared outputs, by key or by `table.key` where one key
    /// means two things (the cash on hand, the stock on hand): money rows carry the currency.
    static let units: [String: String] = {
        let money = ["balance", "in", "out", "cost", "price", "unit_cost", "fixed_costs", "received",
                     "paid", "cash.on_hand", "deposit", "discount_cost", "cost_per_buyer", "budget", "contribution", "value",
                     "reference_price", "reference_spend", "underage", "overage", "pledged", "fees", "net", "goal"]
        let count = ["units", "cumulative", "demand.components.baseline", "demand.components.events", "demand.components.kol",
                     "demand.components.ads", "demand.components.email", "demand.components.price", "demand.components.repeat",
                     "demand.components.season", "buyers", "on_hand", "sales", "serves",
                     "stock_at_arrival", "safety_stock", "backers", "newsvendor_units", "reach", "impressions", "clicks", "engagements"]
        let share = ["target_margin", "conversion", "returns", "fee", "share", "share_sd", "critical_ratio", "acceptance",
                     "engagement", "review_rate"]
        return Dictionary(uniqueKeysWithValues: money.map { ($0, "money") } + count.map { ($0, "count") } + share.map { ($0, "share") })
    }()

    static func unit(_ unit: Output.Unit, default fallback: String) -> String {
        switch unit {
        case .count, .unitsNeeded: "count"
        case .money: "money"
        case .share: "share"
        case .number: fallback == "count" ? "count" : "number"
        case .date: "date"
        case .flag: "flag"
        }
    }

    /// `YYYY-MM-DD`, as the JSON writes every date.
    static func isDate(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        return bytes.count == 10 && bytes.indices.allSatisfy { [4, 7].contains($0) ? bytes[$0] == UInt8(ascii: "-") : (48...57).contains(bytes[$0]) }
    }

    /// A scalar as text, for a name or a list.
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .string(let string): string
        case .integer(let number): String(number)
        case .number(let number): number.isFinite ? Self.number(number) : ""
        case .bool(let flag): flag ? "true" : "false"
        case .array(let items): items.map(plain).joined(separator: "; ")
        case .object, .null: ""
        }
    }

    /// Two decimals, or four significant digits below 1 (a share, a rate): the report's own
    /// precision at most, without a binary fraction's noise (`159.60000000000002` → `159.6`).
    /// Powers of ten by multiplication, not `log10`, so every machine rounds alike.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var scale = 100.0
        var magnitude = abs(value)
        while magnitude > 0, magnitude < 0.1, scale < 1e12 {
            magnitude *= 10
            scale *= 10
        }
        if abs(value) < 1 { scale *= 100 }
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return Format.shortest(rounded == 0 ? 0 : rounded)
    }

    /// Text a spreadsheet must not run as a formula: a cell that starts with `=`, `+`, `-`, `@`, a
    /// tab or a carriage return gets a leading `'` (OWASP, "CSV Injection"). Numbers are written
    /// by `number`, never through here, so a negative number stays a number.
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
