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

    /// The demand band for a curve of `weeks` weeks (nil when it is for another curve).
    func demand(weeks: Int) -> Band? {
        demand.flatMap { $0.p10.count == weeks ? $0 : nil }
    }

    /// The balance band for the report's `weeks` weeks: the last of the cash model's.
    func balance(lastWeeks weeks: Int) -> Band? {
        balance.flatMap { $0.p10.count >= weeks ? Band(p10: Array($0.p10.suffix(weeks)), p90: Array($0.p90.suffix(weeks))) : nil }
    }
}

/// Where the trials' weekly numbers go while the simulation runs: one row per trial, allocated
/// once, written by the worker that runs the trial (each trial by one worker).
final class BandRecorder: @unchecked Sendable {
    let count: Int
    let demandWeeks: Int
    let cashWeeks: Int
    /// The slot of the cash on hand (the balance is it plus the cumulative net flow).
    let onHand: Int?
    /// Whether the pass leaves the weekly demand curve to work out here (no cash flow reads it).
    let needsWeekly: Bool
    private let demand: UnsafeMutablePointer<Double>
    private let balance: UnsafeMutablePointer<Double>

    init(count: Int, demandWeeks: Int, cashWeeks: Int, onHand: Int?, needsWeekly: Bool) {
        self.count = count
        self.needsWeekly = needsWeekly
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
        if demandWeeks > 0, needsWeekly { model.demand.weekly(ws.registers, ws, kolRetail: model.demand.kolIsRetail(decisions.inPlan)) }
        let cumulative = ws.demandCumulative
        for week in 0..<demandWeeks { demand[trial * demandWeeks + week] = cumulative[week + 1] - cumulative[week] }
        let start = onHand.map { ws.registers[$0] } ?? 0
        for week in 0..<cashWeeks { balance[trial * cashWeeks + week] = start + ws.cashBalance[week] }
    }

    /// P10 and P90 per week over the recorded trials (type 7, as the other percentiles), each by
    /// selection in linear time rather than a sort: 116 weeks of 20,480 trials is 2.4M values.
    func bands() -> WeeklyBands {
        func band(_ rows: UnsafeMutablePointer<Double>, _ weeks: Int) -> WeeklyBands.Band? {
            guard weeks > 0, count > 1 else { return nil }
            var p10: [Double] = [], p90: [Double] = []
            var column = [Double](repeating: 0, count: count)
            column.withUnsafeMutableBufferPointer { column in
                for week in 0..<weeks {
                    for trial in 0..<count { column[trial] = rows[trial * weeks + week] }
                    p10.append(Self.percentile(column, 0.1))
                    p90.append(Self.percentile(column, 0.9))
                }
            }
            return WeeklyBands.Band(p10: p10, p90: p90)
        }
        return WeeklyBands(demand: band(demand, demandWeeks), balance: band(balance, cashWeeks), trials: count)
    }

    /// The type-7 percentile `p` of `values` (reordered in place): the order statistic at
    /// ⌊(n − 1)p⌋ by quickselect, the next one as the least value above it, interpolated.
    static func percentile(_ values: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
        let h = Double(values.count - 1) * p
        let k = Int(h.rounded(.down))
        var low = 0, high = values.count - 1
        while low < high {
            // Median of three as the pivot, then a three-way partition: [< pivot][= pivot][> pivot].
            let middle = low + (high - low) / 2
            let a = values[low], b = values[middle], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            var less = low, index = low, greater = high
            while index <= greater {
                if values[index] < pivot {
                    values.swapAt(index, less)
                    less += 1
                    index += 1
                } else if values[index] > pivot {
                    values.swapAt(index, greater)
                    greater -= 1
                } else {
                    index += 1
                }
            }
            if k < less { high = less - 1 } else if k > greater { low = greater + 1 } else { break }
        }
        let lower = values[k]
        let fraction = h - Double(k)
        guard fraction > 0, k + 1 < values.count else { return lower }
        var next = Double.infinity
        for index in (k + 1)..<values.count where values[index] < next { next = values[index] }
        return lower + fraction * (next - lower)
    }
}
