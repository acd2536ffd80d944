/// Percentiles of trial outputs by selection, not sorting: O(n) per percentile.
enum Percentiles {
    /// The type-7 percentile (Hyndman and Fan 1996; R's default and numpy's "linear"):
    /// h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) on the sorted values.
    /// Reorders `values` (a partial sort). `values` must hold no NaN.
    static func type7(_ values: UnsafeMutableBufferPointer<Double>, _ p: Double, within range: Range<Int>? = nil) -> Double {
        let n = values.count
        guard n > 1 else { return values.first ?? 0 }
        let h = Double(n - 1) * p
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        let bounds = range ?? 0..<n
        select(values, lower, in: bounds)
        let low = values[lower]
        guard fraction > 0, lower + 1 < n else { return low }
        // The next order statistic is the smallest value right of `lower`.
        var next = Double.infinity
        for index in (lower + 1)..<bounds.upperBound where values[index] < next { next = values[index] }
        return low + fraction * (next - low)
    }

    /// P10, P50 and P90 with one selection over everything and two over the halves it leaves.
    static func tenFiftyNinety(_ values: UnsafeMutableBufferPointer<Double>) -> (Double, Double, Double) {
        let n = values.count
        let middle = type7(values, 0.5)
        let split = Int((Double(n - 1) * 0.5).rounded(.down))
        let p10 = type7(values, 0.1, within: 0..<(split + 1))
        let p90 = type7(values, 0.9, within: split..<n)
        return (p10, middle, p90)
    }

    /// Moves the k-th smallest of `range` to index k, smaller ones before it, larger after
    /// (Hoare partitioning with a median-of-three pivot; handles runs of equal values well).
    static func select(_ a: UnsafeMutableBufferPointer<Double>, _ k: Int, in range: Range<Int>) {
        var low = range.lowerBound
        var high = range.upperBound - 1
        while high > low {
            if high - low < 16 {
                insertionSort(a, low, high)
                return
            }
            let mid = low + (high - low) / 2
            if a[mid] < a[low] { a.swapAt(mid, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[mid] { a.swapAt(high, mid) }
            let pivot = a[mid]
            var i = low - 1
            var j = high + 1
            while true {
                repeat { i += 1 } while a[i] < pivot
                repeat { j -= 1 } while a[j] > pivot
                if i >= j { break }
                a.swapAt(i, j)
            }
            if k <= j { high = j } else { low = j + 1 }
        }
    }

    private static func insertionSort(_ a: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
        guard high > low else { return }
        for i in (low + 1)...high {
            let item = a[i]
            var j = i - 1
            while j >= low, a[j] > item {
                a[j + 1] = a[j]
                j -= 1
            }
            a[j + 1] = item
        }
    }

    /// The relative Monte Carlo error of the p-quantile `x`, estimated from the density near it:
    /// SE = √(p(1−p)/n) / f(x), with f(x) ≈ c / (2h·n) for the c values within h = 0.5% of x.
    /// Nil when x is 0 (no relative error).
    static func relativeError(_ values: UnsafeMutableBufferPointer<Double>, quantile x: Double, p: Double) -> Double? {
        guard x != 0 else { return nil }
        let h = 0.005 * abs(x)
        var count = 0
        for value in values where abs(value - x) <= h { count += 1 }
        let n = Double(values.count)
        guard count > 0 else { return .infinity }
        // SE/|x| = √(p(1−p)/n) · 2h·n / (c·|x|) = 0.01 · √(p(1−p)·n) / c.
        return 0.01 * (p * (1 - p) * n).squareRoot() / Double(count)
    }
}
