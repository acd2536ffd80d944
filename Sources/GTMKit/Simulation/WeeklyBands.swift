/// The P10–P90 band of the weekly demand and the weekly cash balance: what the charts shade
/// around the plan's line. Percentiles over the simulation's trials, up to `WeeklyBands.trials`
/// (every trial at the default settings, so a week's band and the tables' P10–P90 are of the
/// same draws; a longer run's first 20,480, the same for a seed on every machine: a P10's
/// standard error near 0.2 percentile points, √(0.1 × 0.9 / 20,480)).
package struct WeeklyBands: Sendable, Equatable {
    package struct Band: Sendable, Equatable {
        package var p10: [Double]
        package var p90: [Double]
    }

    /// Weekly units, week by week of the demand curve.
    package var demand: Band?
    /// The cash balance at each week's end, every week of the cash model (the report shows
    /// those from the first payment: the last `flow.weeks.count`).
    package var balance: Band?
    package var trials: Int

    static let trials = 20_480
}

/// Where the trials' weekly numbers go while the simulation runs: one row per trial, allocated
/// once, written by the worker that runs the trial (each trial by one worker).
final class BandRecorder: @unchecked Sendable {
    let count: Int
    let demandWeeks: Int
    let cashWeeks: Int
    /// The slot of the cash on hand (the balance is it plus the cumulative net flow).
    let onHand: Int?
    private let demand: UnsafeMutablePointer<Double>
    private let balance: UnsafeMutablePointer<Double>

    init(count: Int, demandWeeks: Int, cashWeeks: Int, onHand: Int?) {
        self.count = count
        self.demandWeeks = demandWeeks
        self.cashWeeks = cashWeeks
        self.onHand = onHand
        demand = .allocate(capacity: max(1, count * demandWeeks))
        balance = .allocate(capacity: max(1, count * cashWeeks))
    }

    deinit {
        demand.deallocate()
        balance.deallocate()
    }

    /// Keeps trial `trial`'s weeks (the first `count` trials only). The weekly curve is worked
    /// out here when the pass does not need it otherwise (a pass without the cash flow): the
    /// same `DemandModel.weekly` the cash flow and the report read.
    @inline(__always)
    func record(_ trial: Int, _ ws: Workspace, _ model: PlanModel, _ decisions: Decisions) {
        guard trial < count else { return }
        if demandWeeks > 0 { model.demand.weekly(ws.registers, ws, kolRetail: model.demand.kolIsRetail(decisions.inPlan)) }
        let cumulative = ws.demandCumulative
        for week in 0..<demandWeeks { demand[trial * demandWeeks + week] = cumulative[week + 1] - cumulative[week] }
        let start = onHand.map { ws.registers[$0] } ?? 0
        for week in 0..<cashWeeks { balance[trial * cashWeeks + week] = start + ws.cashBalance[week] }
    }

    /// P10 and P90 per week over the recorded trials (type 7, as the other percentiles).
    func bands() -> WeeklyBands {
        func band(_ rows: UnsafeMutablePointer<Double>, _ weeks: Int) -> WeeklyBands.Band? {
            guard weeks > 0, count > 1 else { return nil }
            var p10: [Double] = [], p90: [Double] = []
            var column = [Double](repeating: 0, count: count)
            for week in 0..<weeks {
                for trial in 0..<count { column[trial] = rows[trial * weeks + week] }
                column.sort()
                p10.append(Self.percentile(column, 0.1))
                p90.append(Self.percentile(column, 0.9))
            }
            return WeeklyBands.Band(p10: p10, p90: p90)
        }
        return WeeklyBands(demand: band(demand, demandWeeks), balance: band(balance, cashWeeks), trials: count)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        return lower + 1 < sorted.count ? sorted[lower] + (h - Double(lower)) * (sorted[lower + 1] - sorted[lower]) : sorted[lower]
    }
}
