/// `actuals` (or `--actuals CSV`): weekly sales since launch. The weeks sold replace the plan's
/// forecast for them; the rest is re-forecast by refitting the curve with the plan as a prior.
extension Scenario {
    struct Actuals: Sendable, Equatable {
        var path: String
        /// Units sold in each launch week (week 1 = launch week), complete weeks only.
        var weekly: [Double]
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
    /// What the actuals need from the rest of the scenario.
    struct ActualsContext {
        var launch: CivilDate?
        var asOf: CivilDate?
        var horizon: Period?
        /// A `demand` section, and a market size (`market` or `channels`) for it to spread.
        var hasDemand: Bool
        var hasSize: Bool
        /// `inventory.forecast`: the batch and reorders follow it, not the curve.
        var forecastMark: Mark?
    }

    /// The actual sales: weekly rows from launch day on, spread over launch weeks by their days
    /// (within the horizon); complete weeks only.
    mutating func actuals(_ context: ActualsContext) -> Scenario.Actuals? {
        guard let pair = root.pairs?.first(where: { $0.key == "actuals" }) else { return nil }
        guard case .scalar(let path) = pair.value.content else {
            report("`actuals` is one CSV path", at: pair.value.mark, hint: "write `actuals: sales-to-date.csv`")
            return nil
        }
        let node = pair.value
        inputs.append(InputRecord(path: "actuals", text: path, origin: node.origin.map { .override($0) }
                                    ?? .file(name: sources[node.mark.source]?.name ?? "", line: node.mark.line),
                                  isUncertain: false, mark: node.mark))
        // The re-forecast refits the plan's demand curve: it needs one, and a plan that sizes the
        // batch and the reorders on it.
        if !context.hasDemand || !context.hasSize {
            report("""
                `actuals` re-forecast the demand curve, but the scenario has \
                \(context.hasSize ? "no `demand` section" : "no market size (`market` or `channels`)")
                """,
                   at: pair.keyMark,
                   hint: context.hasSize ? "add `demand:` (an empty section takes the default curve)" : "add a `market` or `channels` section and `demand:`")
            return nil
        }
        if let forecast = context.forecastMark {
            report("with `inventory.forecast` the first batch and the reorders follow your forecast, not the sales: `actuals` cannot re-plan them",
                   at: forecast, hint: "remove `inventory.forecast` (the weeks sold and the re-forecast take its place), or remove `actuals`")
            return nil
        }
        guard let source = dataFiles[dataKey(node)], let file = sources[source], let launch = context.launch, let horizon = context.horizon else {
            if context.launch != nil, dataFiles[dataKey(node)] == nil {
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
        func at(_ row: SalesSeries.Row) -> Mark { Mark(source: source, line: row.line, column: 1) }
        guard series.periodDays == 7 || series.rows.count == 1 else {
            report("the actuals must be weekly (rows 7 days apart)", at: at(series.rows[1]), hint: "give one row per week since launch: date,units")
            return nil
        }
        let first = series.rows[0], last = series.rows[series.rows.count - 1]
        if first.date < launch {
            report("the actuals start on \(first.date), before the launch on \(launch)", at: at(first),
                   hint: "give sales from launch day on (pre-orders belong to the crowdfunding section)")
            return nil
        }
        if launch.days(to: first.date) >= 7 {
            report("the actuals start on \(first.date), \(launch.days(to: first.date) / 7) weeks after the launch on \(launch): the weeks before are missing",
                   at: at(first), hint: "give every week from launch day on; a week without sales is a row with 0")
            return nil
        }
        let horizonDays = horizon.days(from: launch)
        if let beyond = series.rows.first(where: { launch.days(to: $0.date) >= horizonDays }) {
            report("\(beyond.date) is after the horizon, which ends on \(launch.adding(days: horizonDays - 1))", at: at(beyond),
                   hint: "give the weeks within `market.horizon`, or lengthen it")
            return nil
        }
        if let asOf = context.asOf, let after = series.rows.first(where: { $0.date.adding(days: 6) >= asOf }) {
            report("the week of \(after.date) ends on or after the planning date (`scenario.as_of`, \(asOf)): sales not yet made",
                   at: at(after), hint: "give complete weeks before `scenario.as_of`, or move `as_of` to the day after the last week")
            return nil
        }
        // Each row's 7 days spread over the launch weeks they fall in, within the horizon.
        let covered = min(launch.days(to: last.date) + 7, horizonDays)
        let weeks = covered == horizonDays ? (horizonDays + 6) / 7 : covered / 7
        var weekly = [Double](repeating: 0, count: (horizonDays + 6) / 7)
        for row in series.rows {
            let start = launch.days(to: row.date)
            if start % 7 == 0, start + 7 <= horizonDays {
                weekly[start / 7] += row.units
            } else {
                for day in start..<min(start + 7, horizonDays) { weekly[day / 7] += row.units / 7 }
            }
        }
        return Scenario.Actuals(path: path, weekly: Array(weekly.prefix(weeks)))
    }
}
