/// Several percentiles of a large column in two passes, with their Monte Carlo error.
///
/// Pass one counts the values into 65,536 equal-width buckets between the column's minimum
/// and maximum; the cumulative counts say which buckets hold each needed rank. Pass two
/// gathers only those buckets' values, and sorting these few gives the exact order
/// statistics. The same order statistics give a distribution-free 95% interval for each
/// percentile, x₍k ± 1.96√(np(1−p))₎; half its width ÷ 1.96 is the standard error.
enum Quantiles {
    struct Estimate: Equatable {
        var value: Double
        /// Standard error of the estimate (from the 95% order-statistic interval).
        var standardError: Double
    }

    static let buckets = 65_536

    /// Type-7 percentiles `ps` of `column`, whose smallest and largest values are `low` and `high`.
    static func estimate(_ column: UnsafeMutableBufferPointer<Double>, _ ps: [Double],
                         low: Double? = nil, high: Double? = nil, threads: Int = 1) -> [Estimate] {
        let n = column.count
        guard n > 1 else { return ps.map { _ in Estimate(value: column.first ?? 0, standardError: 0) } }
        var minimum = low ?? .infinity
        var maximum = high ?? -.infinity
        if low == nil || high == nil {
            for value in column {
                minimum = min(minimum, value)
                maximum = max(maximum, value)
            }
        }
        // The ranks each percentile needs: its two type-7 neighbours and its interval's ends.
        struct Need { var h: Double; var lower: Int; var ciLow: Int; var ciHigh: Int; var first: Int; var last: Int }
        let needs = ps.map { p -> Need in
            let h = Double(n - 1) * p
            let lower = Int(h.rounded(.down))
            let spread = 1.96 * (Double(n) * p * (1 - p)).squareRoot()
            let ciLow = max(0, Int((h - spread).rounded(.down)))
            let ciHigh = min(n - 1, Int((h + spread).rounded(.up)))
            return Need(h: h, lower: lower, ciLow: ciLow, ciHigh: ciHigh,
                        first: min(lower, ciLow), last: max(min(lower + 1, n - 1), ciHigh))
        }
        // Type-7 interpolation between a need's neighbours, and its standard error from its
        // interval's ends, given the order statistic of each rank.
        func interpolate(_ need: Need, _ at: (Int) -> Double) -> Estimate {
            let low = at(need.lower)
            let fraction = need.h - Double(need.lower)
            let value = fraction > 0 && need.lower + 1 < n ? low + fraction * (at(need.lower + 1) - low) : low
            return Estimate(value: value, standardError: (at(need.ciHigh) - at(need.ciLow)) / (2 * 1.96))
        }
        let scale = Double(buckets) / (maximum - minimum)
        // No spread, or one too small to divide into buckets (subnormal): every value is the minimum's.
        guard maximum > minimum, scale.isFinite else { return ps.map { _ in Estimate(value: minimum, standardError: 0) } }
        // A small column is cheaper to select from than to count into 65,536 buckets: a copy's
        // needed order statistics, what sorting it gives.
        if n < buckets / 8 {
            let ranks = Set(needs.flatMap { [$0.lower, min($0.lower + 1, n - 1), $0.ciLow, $0.ciHigh] }).sorted()
            var copy = Array(column)
            let values = copy.withUnsafeMutableBufferPointer { BandRecorder.orderStatistics($0, ascending: ranks) }
            let statistics = Dictionary(uniqueKeysWithValues: zip(ranks, values))
            return needs.map { need in interpolate(need) { statistics[$0] ?? .nan } }
        }
        let origin = minimum
        let top = buckets - 1
        @inline(__always) func bucket(_ value: Double) -> Int {
            min(Int((value - origin) * scale), top)
        }
        // Pass one: counts per bucket, each thread over its own part (integer counts add up
        // the same in any order).
        let parts = n >= 200_000 ? max(1, min(threads, 8)) : 1
        let partCounts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: parts * buckets)
        defer { partCounts.deallocate() }
        partCounts.initialize(repeating: 0)
        let shared = SharedColumn(column: column, counts: partCounts)
        runParts(parts) { part in
            // Allocated above for parts × buckets ≥ 1 counts: never nil.
            let counts = shared.counts.baseAddress! + part * buckets
            for index in (part * n / parts)..<((part + 1) * n / parts) {
                counts[min(Int((shared.column[index] - origin) * scale), top)] &+= 1
            }
        }
        var counts = [Int32](repeating: 0, count: buckets)
        for part in 0..<parts {
            for b in 0..<buckets { counts[b] &+= partCounts[part * buckets + b] }
        }
        // Which buckets hold each need's ranks, and the rank where each such span starts.
        var wanted = [UInt8](repeating: 0, count: buckets)
        var spanStart: [Int] = []
        var cumulative = 0
        var bucketStart = [Int](repeating: 0, count: buckets)
        for b in 0..<buckets {
            bucketStart[b] = cumulative
            cumulative += Int(counts[b])
        }
        func bucketOf(rank: Int) -> Int {
            var lowB = 0
            var highB = top
            while lowB < highB {
                let mid = (lowB + highB + 1) / 2
                if bucketStart[mid] <= rank { lowB = mid } else { highB = mid - 1 }
            }
            return lowB
        }
        var spans: [(first: Int, last: Int)] = []
        for need in needs {
            let firstBucket = bucketOf(rank: need.first)
            let lastBucket = bucketOf(rank: need.last)
            spans.append((firstBucket, lastBucket))
            spanStart.append(bucketStart[firstBucket])
            for b in firstBucket...lastBucket { wanted[b] = 1 }
        }
        // Pass two: gather the wanted buckets' values, each thread from its own part; sorting
        // the union makes the result independent of the parts.
        let pieces = Gathered(parts: parts)
        wanted.withUnsafeBufferPointer { wanted in
            let mask = SharedMask(wanted: wanted)
            runParts(parts) { part in
                var found: [Double] = []
                for index in (part * n / parts)..<((part + 1) * n / parts) {
                    let value = shared.column[index]
                    if mask.wanted[min(Int((value - origin) * scale), top)] != 0 { found.append(value) }
                }
                pieces.store(found, at: part)
            }
        }
        var gathered = pieces.all
        gathered.sort()
        // Buckets are ordered by value, so a span's buckets sit together in the sorted gathered
        // values, from the first one at or above its first bucket: rank r is there at r − span start.
        return needs.enumerated().map { j, need in
            let lowerEdge = gathered.firstIndex { bucket($0) >= spans[j].first } ?? gathered.count
            return interpolate(need) { gathered[lowerEdge + $0 - spanStart[j]] }
        }
    }
}

/// A column and per-part counts, handed to worker threads that touch disjoint parts.
private struct SharedColumn: @unchecked Sendable {
    let column: UnsafeMutableBufferPointer<Double>
    let counts: UnsafeMutableBufferPointer<Int32>
}

private struct SharedMask: @unchecked Sendable {
    let wanted: UnsafeBufferPointer<UInt8>
}

/// Each part's gathered values, written once by the thread that owns the part.
private final class Gathered: @unchecked Sendable {
    private var parts: [[Double]]

    init(parts: Int) { self.parts = Array(repeating: [], count: parts) }

    func store(_ values: [Double], at part: Int) {
        parts.withUnsafeMutableBufferPointer { $0[part] = values }
    }

    var all: [Double] { parts.flatMap { $0 } }
}
