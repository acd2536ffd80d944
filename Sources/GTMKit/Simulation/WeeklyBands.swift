import Dispatch

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
    /// The recorded columns and the results, handed to the workers (each writes its own weeks).
    private struct SharedRows: @unchecked Sendable {
        let rows: UnsafeMutablePointer<Double>
        let results: UnsafeMutableBufferPointer<Double>
    }

    let count: Int
    let demandWeeks: Int
    let cashWeeks: Int
    /// The slot of the cash on hand (the balance is it plus the cumulative net flow).
    let onHand: Int?
    /// The demand model when the pass leaves the weekly curve to work out here (no cash flow
    /// reads it), and whether KOL buyers are retail demand under the pass's decisions.
    let weekly: DemandModel?
    let kolRetail: Bool
    private let demand: UnsafeMutablePointer<Double>
    private let balance: UnsafeMutablePointer<Double>

    init(count: Int, demandWeeks: Int, cashWeeks: Int, onHand: Int?, weekly: DemandModel?, kolRetail: Bool) {
        self.count = count
        self.weekly = demandWeeks > 0 ? weekly : nil
        self.kolRetail = kolRetail
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

    /// Keeps trial `trial`'s weeks (the first `count` trials only), week by week in columns of
    /// `count` trials so that each week's percentiles read contiguous memory. The weekly curve is
    /// worked out here when the pass does not need it otherwise (a pass without the cash flow):
    /// the same `DemandModel.weekly` the cash flow and the report read.
    /// A trial's weeks go to a worker's `Stage` first, a row each; `flush` writes the stage's
    /// trials to the columns week by week, so that each write of a week fills whole cache lines
    /// (one trial's weeks are a column apart: a write each would touch a cache line each).
    @inline(__always)
    func record(_ trial: Int, _ ws: Workspace, _ stage: Stage) {
        guard trial < count else { return }
        if stage.filled == Stage.trials || trial != stage.first + stage.filled {
            flush(stage)
            stage.first = trial
        }
        weekly?.weekly(ws.registers, ws, kolRetail: kolRetail)
        let row = stage.rows + stage.filled * (demandWeeks + cashWeeks)
        let cumulative = ws.demandCumulative
        for week in 0..<demandWeeks { row[week] = cumulative[week + 1] - cumulative[week] }
        let start = onHand.map { ws.registers[$0] } ?? 0
        for week in 0..<cashWeeks { row[demandWeeks + week] = start + ws.cashBalance[week] }
        stage.filled += 1
    }

    /// Writes the stage's trials to the columns and empties it.
    func flush(_ stage: Stage) {
        let width = demandWeeks + cashWeeks
        for week in 0..<width {
            let column = week < demandWeeks ? demand + week * count : balance + (week - demandWeeks) * count
            for t in 0..<stage.filled { column[stage.first + t] = stage.rows[t * width + week] }
        }
        stage.filled = 0
    }

    /// A worker's last few consecutive trials' weeks, a row each (`record`).
    final class Stage {
        static let trials = 16
        let rows: UnsafeMutablePointer<Double>
        var first = 0
        var filled = 0

        init(_ recorder: BandRecorder) {
            rows = .allocate(capacity: max(1, Self.trials * (recorder.demandWeeks + recorder.cashWeeks)))
        }

        deinit { rows.deallocate() }
    }

    /// P10 and P90 per week over the recorded trials (type 7, as the other percentiles), exact, by
    /// `tails` (a sample brackets each order statistic, one pass keeps the values between, a
    /// selection among those). Weeks in parallel.
    func bands(threads: Int = 1) -> WeeklyBands {
        func band(_ rows: UnsafeMutablePointer<Double>, _ weeks: Int) -> WeeklyBands.Band? {
            guard weeks > 0, count > 1 else { return nil }
            let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * weeks)
            defer { results.deallocate() }
            let shared = SharedRows(rows: rows, results: results)
            let n = count
            let workers = max(1, min(threads, weeks))
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let scratch = TailScratch(count: n)
                for week in stride(from: worker, to: weeks, by: workers) {
                    // Each week's column is its own: a fallback selection reorders it in place.
                    let column = UnsafeMutableBufferPointer(start: shared.rows + week * n, count: n)
                    let (p10, p90) = Self.tails(column, scratch)
                    shared.results[2 * week] = p10
                    shared.results[2 * week + 1] = p90
                }
            }
            return WeeklyBands.Band(p10: (0..<weeks).map { results[2 * $0] }, p90: (0..<weeks).map { results[2 * $0 + 1] })
        }
        return WeeklyBands(demand: band(demand, demandWeeks), balance: band(balance, cashWeeks), trials: count)
    }

    /// A worker's buffers for `tails`, allocated once: the sample, and the values kept near each tail.
    final class TailScratch {
        static let sample = 256
        /// Sample ranks either side of the tail's: about 3.3 standard deviations of a sample rank
        /// near P10 (√(256 × 0.1 × 0.9) = 4.8), so the bracket almost never misses.
        static let margin = 16
        let sample: UnsafeMutableBufferPointer<Double>
        let low: UnsafeMutableBufferPointer<Double>
        let high: UnsafeMutableBufferPointer<Double>

        init(count: Int) {
            sample = .allocate(capacity: Self.sample)
            // The values a bracket of 2 × margin + 2 sample ranks holds, twice over: a bracket that
            // holds more falls back to the plain selection.
            let capacity = max(1, min(count, 2 * count * (2 * Self.margin + 2) / Self.sample + 64))
            // One slot more: the pass writes every value at the next free slot (or the last one)
            // and keeps it by counting it, without a branch.
            low = UnsafeMutableBufferPointer(start: .allocate(capacity: capacity + 1), count: capacity)
            high = UnsafeMutableBufferPointer(start: .allocate(capacity: capacity + 1), count: capacity)
        }

        deinit {
            sample.deallocate()
            low.deallocate()
            high.deallocate()
        }
    }

    /// The type-7 P10 and P90 of `values`, the same numbers `percentile` gives. A sample of 256 at a
    /// fixed stride brackets each tail's order statistics (its sample rank ± `margin`);
    /// one pass counts the values below each bracket and at its ends and keeps those inside; each
    /// tail is then selected among the kept values (a few percent of the column). When a bracket misses (its
    /// order statistics not inside, or too many values kept), the plain selection on the whole
    /// column: exact either way.
    static func tails(_ values: UnsafeMutableBufferPointer<Double>, _ scratch: TailScratch) -> (Double, Double) {
        let n = values.count, s = TailScratch.sample
        guard n >= 4 * s else { return (percentile(values, 0.1), percentile(values, 0.9, from: rank(n, 0.1) + 1)) }
        for i in 0..<s { scratch.sample[i] = values[i * n / s] }
        // The sample's order statistics at the brackets' ends.
        func ends(_ p: Double) -> (Int, Int) {
            let at = Double(s - 1) * p
            return (max(0, Int(at.rounded(.down)) - TailScratch.margin), min(s - 1, Int(at.rounded(.up)) + TailScratch.margin))
        }
        // Ascending: the P10's bracket ends below the P90's (ranks 9, 42, 213 and 246 of 256).
        let order = orderStatistics(scratch.sample, ascending: [ends(0.1).0, ends(0.1).1, ends(0.9).0, ends(0.9).1])
        let (lo1, hi1, lo2, hi2) = (order[0], order[1], order[2], order[3])
        let capacity = scratch.low.count
        // Per tail: the values below its bracket, those equal to its ends (a week's values often
        // pile up on one: the launches that sold out, a payment every launch makes), and those
        // strictly inside, kept. Branch-free (which side of a bracket a value falls is a coin
        // toss near it): each value is written at its tail's next free slot (the slot past the
        // end once the kept are too many) and kept by counting it.
        var below1 = 0, atLow1 = 0, atHigh1 = 0, kept1 = 0
        var below2 = 0, atLow2 = 0, atHigh2 = 0, kept2 = 0
        let low = scratch.low.baseAddress!, high = scratch.high.baseAddress!
        @inline(__always) func one(_ condition: Bool) -> Int { Int(unsafeBitCast(condition, to: UInt8.self)) }
        for value in values {
            below1 &+= one(value < lo1)
            atLow1 &+= one(value == lo1)
            atHigh1 &+= one(value == hi1)
            low[min(kept1, capacity)] = value
            kept1 &+= one(value > lo1) & one(value < hi1)
            below2 &+= one(value < lo2)
            atLow2 &+= one(value == lo2)
            atHigh2 &+= one(value == hi2)
            high[min(kept2, capacity)] = value
            kept2 &+= one(value > lo2) & one(value < hi2)
        }
        // A tail's percentile from its counts and kept values, or nil when the bracket missed its
        // order statistics (or kept too many values to hold).
        func tail(_ p: Double, _ kept: UnsafeMutableBufferPointer<Double>, bracket: (Double, Double), below: Int, atLow: Int,
                  atHigh: Int, count: Int) -> Double? {
            let h = Double(n - 1) * p, k = Int(h.rounded(.down))
            let needed = h > Double(k) && k + 1 < n ? k + 1 : k
            let inside = UnsafeMutableBufferPointer(rebasing: kept[0..<min(count, capacity)])
            // The order statistic at rank r, when the counts place it. A second selection among
            // the kept values starts past the first's rank (the values before it are no larger).
            var selected = 0
            func statistic(_ r: Int) -> Double? {
                var r = r - below
                guard r >= 0 else { return nil }
                if r < atLow { return bracket.0 }
                // A bracket of one value: its ties are counted once.
                guard bracket.0 < bracket.1 else { return nil }
                r -= atLow
                guard r < count else { return r - count < atHigh ? bracket.1 : nil }
                guard count <= capacity else { return nil }
                defer { selected = r + 1 }
                return select(inside, r, from: min(selected, r))
            }
            guard let lower = statistic(k) else { return nil }
            guard needed > k else { return lower }
            guard let next = statistic(needed) else { return nil }
            return lower + (h - Double(k)) * (next - lower)
        }
        let p10 = tail(0.1, scratch.low, bracket: (lo1, hi1), below: below1, atLow: atLow1, atHigh: atHigh1, count: kept1)
            ?? percentile(values, 0.1)
        let p90 = tail(0.9, scratch.high, bracket: (lo2, hi2), below: below2, atLow: atLow2, atHigh: atHigh2, count: kept2)
            ?? percentile(values, 0.9)
        return (p10, p90)
    }

    /// ⌊(n − 1)p⌋: the lower order statistic of a type-7 percentile.
    static func rank(_ n: Int, _ p: Double) -> Int { Int((Double(n - 1) * p).rounded(.down)) }

    /// The type-7 percentile `p` of `values` (reordered in place): the order statistic at
    /// ⌊(n − 1)p⌋ by quickselect, the next one as the least value above it, interpolated.
    /// `from`: the values before this index are known to be at most every value after them (an
    /// earlier selection's lower part), and the rank lies at or after it.
    static func percentile(_ values: UnsafeMutableBufferPointer<Double>, _ p: Double, from: Int = 0) -> Double {
        let h = Double(values.count - 1) * p
        let k = Int(h.rounded(.down))
        let lower = select(values, k, from: from)
        let fraction = h - Double(k)
        guard fraction > 0, k + 1 < values.count else { return lower }
        return lower + fraction * (least(values, above: k) - lower)
    }

    /// The order statistic at `k` (0-based) by quickselect, in place: afterwards every value before
    /// `k` is at most it and every value after at least it. `from` as in `percentile`.
    static func select(_ values: UnsafeMutableBufferPointer<Double>, _ k: Int, from: Int) -> Double {
        var low = min(from, k), high = values.count - 1
        while low < high {
            // Median of three as the pivot (a value at the first two positions is at least it, one
            // at the last two at most it: neither scan runs off the range, and the split below
            // leaves both parts shorter), then Hoare's partition: a value equal to the pivot stops
            // both scans and is swapped, so runs of equal values split evenly. Afterwards every
            // value in [low, j] is at most the pivot and every one in [j + 1, high] at least it.
            let middle = low + (high - low) / 2
            let a = values[low], b = values[middle], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            var i = low - 1, j = high + 1
            while true {
                repeat { i += 1 } while values[i] < pivot
                repeat { j -= 1 } while values[j] > pivot
                if i >= j { break }
                values.swapAt(i, j)
            }
            if k <= j { high = j } else { low = j + 1 }
        }
        return values[k]
    }

    /// The order statistics at `ranks` (0-based, ascending, distinct), selected in rank order in
    /// place: each selection leaves the ranks before it no larger than those after, so the next
    /// starts past it. The values sorting would put there.
    static func orderStatistics(_ values: UnsafeMutableBufferPointer<Double>, ascending ranks: [Int]) -> [Double] {
        var from = 0
        return ranks.map { rank in
            defer { from = rank + 1 }
            return select(values, rank, from: min(from, rank))
        }
    }

    /// The least value after index `k` (the next order statistic once `k`'s is in place).
    static func least(_ values: UnsafeMutableBufferPointer<Double>, above k: Int) -> Double {
        var next = Double.infinity
        for index in (k + 1)..<values.count where values[index] < next { next = values[index] }
        return next
    }
}
