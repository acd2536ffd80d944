/// Sales by period read from a CSV file (`date,units`: a header, then one row per period, dates
/// `YYYY-MM-DD` in order, units ≥ 0; weekly or monthly; UTF-8, LF or CRLF; lines starting with
/// `#` are comments, e.g. the data's source). Read by gtm's own
/// reader: every error is located (`file:line:col`) with a hint, like the scenario's.
struct SalesSeries: Sendable, Equatable {
    struct Row: Sendable, Equatable {
        /// The period's first day.
        var date: CivilDate
        var units: Double
        /// Its line in the file (for errors about it).
        var line: Int
    }

    var rows: [Row]
    /// Days in a period: 7 (weekly) or about 30.44 (monthly).
    var periodDays: Double

    var total: Double { rows.reduce(0) { $0 + $1.units } }

    /// Period boundaries in years from the first period's start: t₀ = 0, t₁ … tₙ.
    var boundaries: [Double] {
        guard let first = rows.first?.date, let last = rows.last?.date else { return [] }
        var ends = rows.dropFirst().map { Double(first.days(to: $0.date)) / 365.25 }
        ends.append(Double(first.days(to: last)) / 365.25 + periodDays / 365.25)
        return [0] + ends
    }

    /// Parses `bytes`, whose diagnostics name source `source`. At most `Limits.items` rows.
    static func parse(_ bytes: [UInt8], source: Int) throws(ScenarioError.Located) -> SalesSeries {
        func fail(_ message: String, _ line: Int, _ column: Int, _ hint: String) -> ScenarioError.Located {
            ScenarioError.Located(Diagnostic(message, at: Mark(source: source, line: line, column: column), hint: hint))
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw fail("the file is not UTF-8 text", 1, 1, "save it as UTF-8 CSV")
        }
        // Excel's "CSV UTF-8" starts with a byte order mark.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // ("\r\n" is one Character in Swift: split on either line end.)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last?.isEmpty == true { lines.removeLast() }
        // Each line with its number, comments and blank lines left out.
        let numbered = lines.enumerated().filter {
            let trimmed = String($0.element).trimmingCharacters
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }.map { (number: $0.offset + 1, text: $0.element) }
        guard let (headerLine, header) = numbered.first else {
            throw fail("the file is empty", 1, 1, "write a header `date,units` and one row per period")
        }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters.lowercased() }
        guard names == ["date", "units"] else {
            throw fail("the header must be `date,units`, not `\(String(header).visible)`", headerLine, 1,
                       "the first line names the columns: date,units")
        }
        guard numbered.count - 1 <= Limits.items else {
            throw fail("more than \(Limits.items) rows", numbered[Limits.items + 1].number, 1, "give weekly or monthly totals")
        }
        var rows: [Row] = []
        for (number, line) in numbered.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw fail("a row has two fields, `date,units`; this one has \(fields.count)", number, 1,
                           "write e.g. `2026-03-02,1250`")
            }
            let dateText = String(fields[0]).trimmingCharacters, unitsText = String(fields[1]).trimmingCharacters
            let unitsColumn = fields[0].count + 2
            guard let date = CivilDate(iso: dateText) else {
                throw fail("`\(dateText.visible)` is not a date", number, 1, "write dates as YYYY-MM-DD, e.g. 2026-03-02")
            }
            let plain = unitsText.allSatisfy { character in character.isASCII && (character.isNumber || ".-+eE".contains(character)) }
            guard plain, let units = Double(unitsText), units.isFinite else {
                throw fail("`\(unitsText.visible)` is not a number of units", number, unitsColumn, "write the units sold as a plain number, e.g. 1250")
            }
            guard units >= 0 else {
                throw fail("units sold cannot be negative (\(Format.shortest(units)))", number, unitsColumn,
                           "returns are not sales: give the units sold in the period")
            }
            guard units <= Limits.magnitude else {
                throw fail("\(unitsText) units is more than gtm handles", number, unitsColumn, "give units, not a currency amount")
            }
            if let previous = rows.last, date <= previous.date {
                throw fail("dates must increase: \(date) comes after \(previous.date)", number, 1, "sort the rows by date, one per period")
            }
            rows.append(Row(date: date, units: units, line: number))
        }
        guard rows.count >= 1 else { throw fail("the file has no rows", headerLine + 1, 1, "add one row per period: date,units") }
        // The period: weekly (7 days apart), or monthly, quarterly or yearly (the same day every 1,
        // 3 or 12 months: category data is often yearly, as Bass 1969's series are).
        var period = 7.0
        if rows.count >= 2 {
            // Weekly when the first two rows are 7 days apart, else the months between them; the
            // first row that breaks the rhythm is the error.
            let weekly = rows[0].date.days(to: rows[1].date) == 7
            let step = [1, 3, 12].first { rows[0].date.adding(months: $0) == rows[1].date } ?? 1
            let broken = rows.indices.first { index in
                weekly ? rows[0].date.adding(days: 7 * index) != rows[index].date
                    : rows[0].date.adding(months: step * index) != rows[index].date
            }
            if let broken {
                throw fail(weekly ? "rows are weekly, so this one should be dated \(rows[0].date.adding(days: 7 * broken)), not \(rows[broken].date)"
                                  : """
                                      the periods must be weeks (7 days apart), months, quarters or years (the same day every 1, 3 or 12 \
                                      months): expected \(rows[0].date.adding(months: step * broken)), not \(rows[broken].date)
                                      """,
                           rows[broken].line, 1,
                           "give one row per week, month, quarter or year, with no gaps (a period without sales is a row with 0)")
            }
            period = weekly ? 7 : 365.25 / 12 * Double(step)
        }
        return SalesSeries(rows: rows, periodDays: period)
    }
}

extension ScenarioError {
    /// One located diagnostic, thrown by a reader of a data file.
    struct Located: Error, Sendable {
        var diagnostic: Diagnostic
        init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
    }
}

extension CivilDate {
    /// A date written `YYYY-MM-DD`.
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              Limits.years.contains(year) else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
