/// `actuals` (or `--actuals CSV`): weekly sales since launch. The weeks sold replace the plan's
/// forecast for them; the rest is re-forecast by refitting the curve with the plan as a prior.
extension Scenario {
    public struct Actuals: Sendable, Equatable {
        public var path: String
        /// Units sold in each launch week (week 1 = launch week), complete weeks only.
        public var weekly: [Double]
    }
}

extension Schema {
    static let actualsFields: [Field] = [
        Field("actuals", .value(.text), example: "sales-to-date.csv",
              "CSV of weekly sales since launch (`date,units`): the weeks sold replace the forecast, the rest is re-forecast (same as --actuals).",
              zh: "上市以来的周销量 CSV（`date,units`）：已售周替换预测，其余重新预测（同 --actuals）。"),
    ]
}

extension ScenarioDecoder {
    /// The actual sales: weekly rows from launch day on, spread over launch weeks by their days.
    mutating func actuals(launch: CivilDate?) -> Scenario.Actuals? {
        guard let pair = root.pairs?.first(where: { $0.key == "actuals" }) else { return nil }
        guard case .scalar(let path) = pair.value.content else {
            report("`actuals` is one CSV path", at: pair.value.mark, hint: "write `actuals: sales-to-date.csv`")
            return nil
        }
        let node = pair.value
        inputs.append(InputRecord(path: "actuals", text: path, origin: node.origin.map { .override($0) }
                                    ?? .file(name: sources[node.mark.source]?.name ?? "", line: node.mark.line),
                                  isUncertain: false, mark: node.mark))
        guard let source = dataFiles[path], let file = sources[source], let launch else {
            if launch != nil {
                report("the actuals `\(path.visible)` were not read", at: node.mark, hint: "gtm plan reads the file relative to the scenario's folder")
            }
            return nil
        }
        let series: SalesSeries
        do {
            series = try SalesSeries.parse(file.bytes, source: source)
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
        guard series.periodDays == 7 || series.rows.count == 1 else {
            report("the actuals must be weekly (rows 7 days apart)", at: Mark(source: source, line: 2, column: 1),
                   hint: "give one row per week since launch: date,units")
            return nil
        }
        if let first = series.rows.first, first.date < launch {
            report("the actuals start on \(first.date), before the launch on \(launch)", at: Mark(source: source, line: 2, column: 1),
                   hint: "give sales from launch day on (pre-orders belong to the crowdfunding section)")
            return nil
        }
        // Each row's 7 days spread over the launch weeks they fall in; complete weeks only.
        let end = launch.days(to: series.rows.last!.date) + 7
        var weekly = [Double](repeating: 0, count: end / 7 + 1)
        for row in series.rows {
            let start = launch.days(to: row.date)
            if start % 7 == 0 {
                weekly[start / 7] += row.units
            } else {
                for day in start..<(start + 7) { weekly[day / 7] += row.units / 7 }
            }
        }
        return Scenario.Actuals(path: path, weekly: Array(weekly.prefix(end / 7)))
    }
}
