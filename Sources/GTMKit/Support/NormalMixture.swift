/// Demand over many simulated launches: in launch i it is normal with mean μᵢ and standard
/// deviation σᵢ (the forecast error around what that launch's inputs give), so over all of them
/// it is the mixture F(x) = (1/n) Σ Φ((x − μᵢ)/σᵢ). Working with F itself instead of one noisy
/// draw per launch takes the forecast error out of the Monte Carlo error: the decision moves only
/// with the spread of the inputs. With one launch (no uncertain input) F is one normal and its
/// quantile is the textbook newsvendor μ + zσ, exactly.
struct NormalMixture {
    let means: UnsafeBufferPointer<Double>
    let sds: UnsafeBufferPointer<Double>

    var count: Int { means.count }

    /// The mixture's mean: (1/n) Σ μᵢ.
    var mean: Double {
        var sum = 0.0
        for value in means { sum += value }
        return sum / Double(max(count, 1))
    }

    /// The mixture's standard deviation: √(mean of σᵢ² + variance of μᵢ).
    var sd: Double {
        let m = mean
        var sum = 0.0
        for i in 0..<count {
            let d = means[i] - m
            sum += sds[i] * sds[i] + d * d
        }
        return (sum / Double(max(count, 1))).squareRoot()
    }

    /// Threads to sum over (the sums are added in part order, so the result does not depend on them).
    var threads = 1

    /// F(x), its density f(x), the density's slope f′(x) and the variance of the terms
    /// Φ((x − μᵢ)/σᵢ) (for the Monte Carlo error).
    func distribution(at x: Double) -> (cdf: Double, density: Double, slope: Double, termVariance: Double) {
        let parts = count >= 50_000 ? max(1, min(threads, 8)) : 1
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * parts)
        defer { sums.deallocate() }
        let shared = MixtureSums(means: means, sds: sds, sums: sums)
        let n = count
        runParts(parts) { part in
            var sum = 0.0
            var squares = 0.0
            var density = 0.0
            var slope = 0.0
            // One launch's terms added to the sums, in launch order.
            @inline(__always) func add(_ term: Double, weight: Double, z: Double, inverse: Double) {
                sum += term
                squares += term * term
                density += weight
                slope -= z * weight * inverse
            }
            // One launch alone: Φ, and φ(z)/σ with its derivative in x, −z·φ(z)/σ².
            @inline(__always) func one(_ i: Int) {
                let sd = shared.sds[i]
                guard sd > 0 else {
                    let term: Double = x >= shared.means[i] ? 1 : 0
                    sum += term
                    squares += term * term
                    return
                }
                let inverse = 1 / sd
                let z = (x - shared.means[i]) * inverse
                let normal = Normal.tail(z)
                add(z < 0 ? normal.tail : 1 - normal.tail, weight: normal.density * inverse, z: z, inverse: inverse)
            }
            let end = (part + 1) * n / parts
            var i = part * n / parts
            // Two launches at a time where both have a spread and lie within 8σ of x (most do): the
            // same bits as one at a time, added in the same order.
            while i + 1 < end {
                let sd = SIMD2(shared.sds[i], shared.sds[i + 1])
                if sd[0] > 0, sd[1] > 0 {
                    let inverse = 1 / sd
                    let z = (x - SIMD2(shared.means[i], shared.means[i + 1])) * inverse
                    if let normal = Normal.tail(z) {
                        let term = (1 - normal.tail).replacing(with: normal.tail, where: z .< 0)
                        let weight = normal.density * inverse
                        add(term[0], weight: weight[0], z: z[0], inverse: inverse[0])
                        add(term[1], weight: weight[1], z: z[1], inverse: inverse[1])
                        i += 2
                        continue
                    }
                }
                one(i)
                one(i + 1)
                i += 2
            }
            if i < end { one(i) }
            shared.sums[4 * part] = sum
            shared.sums[4 * part + 1] = squares
            shared.sums[4 * part + 2] = density
            shared.sums[4 * part + 3] = slope
        }
        var sum = 0.0, squares = 0.0, density = 0.0, slope = 0.0
        for part in 0..<parts {
            sum += sums[4 * part]
            squares += sums[4 * part + 1]
            density += sums[4 * part + 2]
            slope += sums[4 * part + 3]
        }
        let total = Double(max(count, 1))
        let cdf = sum / total
        return (cdf, density / total, slope / total, max(0, squares / total - cdf * cdf))
    }

    /// The p-quantile of the mixture (never below 0: demand is not negative) and its Monte Carlo
    /// standard error, √(Var Φᵢ / n) ÷ f. Halley's method (Newton's with the density's slope: the
    /// error cubes at each step, so two or three passes over the launches settle it) from the
    /// normal with the mixture's mean and spread, kept inside a bracket that bisection narrows
    /// when a step would leave it. The error is taken where the last pass evaluated F, within a
    /// millionth of a unit of the quantile.
    func quantile(_ p: Double) -> (value: Double, standardError: Double) {
        guard count > 0, p > 0 else { return (0, 0) }
        var low = Double.infinity
        var high = -Double.infinity
        for i in 0..<count {
            low = min(low, means[i] - 12 * sds[i])
            high = max(high, means[i] + 12 * sds[i])
        }
        guard high > low else { return (max(0, low), 0) }
        let target = min(max(p, 1e-12), 1 - 1e-12)
        var x = min(max(mean + Normal.quantile(target) * sd, low), high)
        var density = 0.0, variance = 0.0
        for _ in 0..<200 {
            let point = distribution(at: x)
            (density, variance) = (point.density, point.termVariance)
            let miss = point.cdf - target
            if abs(miss) < 1e-13 { break }
            if miss < 0 { low = x } else { high = x }
            // Halley: x − 2Ff / (2f² − Ff′), Newton's x − F/f where the denominator is not positive.
            let curved = 2 * density * density - miss * point.slope
            let step = curved > 0 ? x - 2 * miss * density / curved : density > 0 ? x - miss / density : .nan
            let next = step > low && step < high ? step : (low + high) / 2
            // A millionth of a unit is far below what any order is rounded to.
            if abs(next - x) <= 1e-6 || high - low <= 1e-9 * max(1, abs(x)) {
                x = next
                break
            }
            x = next
        }
        let error = density > 0 ? (variance / Double(count)).squareRoot() / density : 0
        return (max(0, x), error)
    }
}

/// The columns and the partial sums a mixture's parts share across threads (each part writes its own).
private struct MixtureSums: @unchecked Sendable {
    let means: UnsafeBufferPointer<Double>
    let sds: UnsafeBufferPointer<Double>
    let sums: UnsafeMutableBufferPointer<Double>
}
