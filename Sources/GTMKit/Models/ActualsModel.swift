/// Re-planning on actual sales (see the Models article, "Learning from data"): the weeks sold replace the
/// plan's forecast for them, and the rest of the horizon is re-forecast by refitting the Bass
/// curve to the weeks sold with the plan's curve as the prior (a penalized, maximum a posteriori
/// fit: `ActualsModel.tau` and `noiseShare` make the plan weigh about as much as six weeks of
/// sales, so two weeks move the forecast a little and twelve a lot). Done once per plan, before
/// the simulation: not per trial.
struct ActualsReport: Sendable, Equatable {
    /// The CSV the actuals came from, as the scenario or `--actuals` names it.
    var path = ""
    /// The day after the last week sold: the first day of the re-forecast.
    var asOf = CivilDate(daysSinceEpoch: 0)
    /// Complete weeks sold.
    var weeks: Int
    var toDate: Double
    /// What the plan forecast for those weeks.
    var planToDate: Double
    /// The weeks sold plus the re-forecast of the rest.
    var reforecastHorizonUnits: Double
    /// The plan's weekly demand (the column beside the actuals and re-forecast).
    var planWeekly: [Double]
    /// The refit: the plan's curve moved by the weeks sold.
    var fit: BassFit.Estimate?
    var priorP: Double, priorQ: Double, priorM: Double
    /// The plan before the actuals (first batch and campaign as decided then): what changes now.
    var before = Before()

    struct Before: Sendable, Equatable {
        var horizonUnits: Double?
        /// Its orders after the first batch.
        var reorders: [Reorder] = []
        var peakNeed: Double?
        var ending: Double?
    }

    /// The plan before's first order from `asOf` on (what the next order was to be).
    var beforeNext: Reorder? { before.reorders.first { $0.date >= asOf } }
}

enum ActualsModel {
    /// Prior widths on ln m, ln p, ln q, and the noise of a week's sales as a share of the curve's
    /// on the log scale (promotions, stock, reviews: 35%). Early weeks' sales are about m·p·Δt,
    /// so their level is known from the plan to within √(τₘ² + τₚ²) = 14% and from each week to
    /// within 35%: the plan counts as `planWeeks` = 0.35² ÷ (0.1² + 0.1²) ≈ 6 weeks, and n weeks
    /// at k times the plan move the forecast to about k^(n ÷ (n + 6)) times it. q, the curve's
    /// later shape, is left freer.
    static let tau = (m: 0.1, p: 0.1, q: 0.3)
    static let noiseShare = 0.35
    static var planWeeks: Double { noiseShare * noiseShare / (tau.m * tau.m + tau.p * tau.p) }

    /// The re-forecast: the cumulative demand at every week end (`weekEnds`, days after launch)
    /// and the report. `planWeekly` is the plan's weekly demand; `p` and `q` its curve's.
    ///
    /// The plan's week k is its Bass base bₖ(θ₀) = m₀·ΔFₖ(p₀, q₀) (m₀ = `baseTotal`, the market's
    /// curve within the horizon, ÷ F(H)) times what the levers do to it (events, ads, KOL posts,
    /// price, the launch boost). The weeks sold are brought
    /// to the base's scale (yₖ = soldₖ · bₖ(θ₀) ÷ planₖ), the base refitted to them with θ₀ as the
    /// prior (`BassFit.Prior`), and each later week re-forecast as planₖ · bₖ(θ̂) ÷ bₖ(θ₀): the
    /// levers keep their effect, the base moves. Weeks sold exactly as planned leave the plan as it was.
    static func reforecast(actual: [Double], planWeekly: [Double], baseTotal: Double, weekEnds: [Double], p: Double, q: Double,
                           horizonYears: Double, horizonDays: Double) -> (cumulative: [Double], report: ActualsReport) {
        let weeks = min(actual.count, planWeekly.count)
        let observed = Array(actual.prefix(weeks))
        let toDate = observed.reduce(0, +)
        let planToDate = planWeekly.prefix(weeks).reduce(0, +)
        let planTotal = planWeekly.reduce(0, +)
        let q0 = max(q, 1e-6)
        // Days map onto Bass time as the demand model maps them: t = H·d/D years.
        let t = [0.0] + weekEnds.map { horizonYears * $0 / horizonDays }
        let whole = Bass.cumulative(horizonYears, p: p, q: q0)
        let priorM = whole > 0 ? baseTotal / whole : baseTotal
        func base(_ m: Double, _ p: Double, _ q: Double, _ week: Int) -> Double {
            m * (Bass.cumulative(t[week + 1], p: p, q: q) - Bass.cumulative(t[week], p: p, q: q))
        }
        let planBase = weekEnds.indices.map { base(priorM, p, q0, $0) }
        let scaled = (0..<weeks).map { k in planWeekly[k] > 0 && planBase[k] > 0 ? observed[k] * planBase[k] / planWeekly[k] : observed[k] }
        // On the log scale, a week without sales counted as 5% of an average planned week.
        let floor = max(0.5, 0.05 * planBase.prefix(weeks).reduce(0, +) / Double(max(weeks, 1)))
        var fit: BassFit.Estimate?
        if weeks > 0, planTotal > 0, priorM > 0 {
            fit = try? BassFit.fit(scaled, boundaries: Array(t.prefix(weeks + 1)),
                                   prior: BassFit.Prior(m: priorM, p: p, q: q0, tau: tau, sigma: noiseShare, floor: floor))
        }
        var cumulative = [0.0]
        var running = 0.0
        for week in weekEnds.indices {
            if week < weeks {
                running += observed[week]
            } else if let fit, planBase[week] > 0 {
                running += planWeekly[week] * base(fit.m, fit.p, fit.q, week) / planBase[week]
            } else {
                running += planWeekly[week]
            }
            cumulative.append(running)
        }
        let report = ActualsReport(weeks: weeks, toDate: toDate, planToDate: planToDate, reforecastHorizonUnits: running,
                                   planWeekly: planWeekly, fit: fit, priorP: p, priorQ: q, priorM: priorM)
        return (cumulative, report)
    }
}

extension ActualsModel {
    /// The section's outputs: the weeks sold, the re-forecast, and the next of `reorders` to place
    /// on or after the re-plan's first day.
    static func record(_ report: ActualsReport, reorders: [Reorder], into values: inout [Double]) {
        values[Output.actualWeeks.id] = Double(report.weeks)
        values[Output.actualToDate.id] = report.toDate
        values[Output.planToDate.id] = report.planToDate
        values[Output.reforecastHorizonUnits.id] = report.reforecastHorizonUnits
        let next = reorders.first { $0.date >= report.asOf }
        values[Output.nextReorderDate.id] = next.map { Double($0.date.daysSinceEpoch) } ?? .nan
        values[Output.nextReorderUnits.id] = next.map { Double($0.units) } ?? .nan
    }
}

// MARK: Outputs

extension Output.Section {
    /// Actual sales and the re-forecast (`ActualsModel`).
    static let actuals = Output.Section("actuals")
}

extension Output {
    static let actualWeeks = Output(450, .actuals, "weeks", "Weeks sold so far", "已售周数", .count)
    static let actualToDate = Output(451, .actuals, "to_date", "Units sold to date", "至今实际销量", .count, compared: true)
    static let planToDate = Output(452, .actuals, "plan_to_date", "The plan's forecast for those weeks", "计划对同期的预测", .count)
    static let reforecastHorizonUnits = Output(453, .actuals, "reforecast_horizon_units", "Re-forecast: demand within the horizon", "重新预测：计划期内需求",
                                               .count, compared: true)
    static let nextReorderDate = Output(454, .actuals, "next_reorder_date", "Next reorder to place, by", "下一次补货下单日", .date, compared: true)
    static let nextReorderUnits = Output(455, .actuals, "next_reorder_units", "Next reorder to place (units)", "下一次补货数量（件）", .count, compared: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let actualsOutputs: [Output] = [.actualWeeks, .actualToDate, .planToDate, .reforecastHorizonUnits, .nextReorderDate, .nextReorderUnits]
}
