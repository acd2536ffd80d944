/// An uncertain input as the user wrote it. The base case uses its median;
/// Monte Carlo draws from it.
package enum Distribution: Sendable, Hashable {
    /// `a to b` or `lognormal(a, b)`: a lognormal whose 5th and 95th percentiles are a and b.
    case lognormal(low: Double, high: Double)
    /// `normal(m, sd)`: a mean and a standard deviation (not an interval).
    case normal(mean: Double, sd: Double)
    case uniform(low: Double, high: Double)
    case triangular(low: Double, mode: Double, high: Double)
    /// PERT: a beta on [low, high] with shape 4 around the mode.
    case pert(low: Double, mode: Double, high: Double)

    /// μ and σ of the underlying normal of a lognormal 90% interval.
    static func logParameters(low: Double, high: Double) -> (mu: Double, sigma: Double) {
        let lnLow = Math.log(low)
        let lnHigh = Math.log(high)
        return ((lnLow + lnHigh) / 2, (lnHigh - lnLow) / (2 * Normal.z95))
    }

    /// α and β of a PERT's beta distribution.
    static func pertShape(low: Double, mode: Double, high: Double) -> (alpha: Double, beta: Double) {
        let range = high - low
        return (1 + 4 * (mode - low) / range, 1 + 4 * (high - mode) / range)
    }

    /// The 50th percentile: the base-case value.
    var median: Double { quantile(0.5) }

    /// The p-th quantile, 0 < p < 1.
    func quantile(_ p: Double) -> Double {
        switch self {
        case .lognormal(let low, let high):
            let (mu, sigma) = Self.logParameters(low: low, high: high)
            return p == 0.5 ? (low * high).squareRoot() : Math.exp(mu + sigma * Normal.quantile(p))
        case .normal(let mean, let sd):
            return mean + sd * Normal.quantile(p)
        case .uniform(let low, let high):
            return low + p * (high - low)
        case .triangular(let low, let mode, let high):
            let range = high - low
            let split = (mode - low) / range
            if p < split {
                return low + (p * range * (mode - low)).squareRoot()
            }
            return high - ((1 - p) * range * (high - mode)).squareRoot()
        case .pert(let low, let mode, let high):
            let (alpha, beta) = Self.pertShape(low: low, mode: mode, high: high)
            if alpha == beta && p == 0.5 { return mode }
            return low + (high - low) * Beta.quantile(p, alpha, beta)
        }
    }

    /// The mean, for reports and tests.
    var mean: Double {
        switch self {
        case .lognormal(let low, let high):
            let (mu, sigma) = Self.logParameters(low: low, high: high)
            return Math.exp(mu + sigma * sigma / 2)
        case .normal(let mean, _):
            return mean
        case .uniform(let low, let high):
            return (low + high) / 2
        case .triangular(let low, let mode, let high):
            return (low + mode + high) / 3
        case .pert(let low, let mode, let high):
            return (low + 4 * mode + high) / 6
        }
    }
}

/// A number-like input (count, number, share or money): its base-case value and,
/// when uncertain, the distribution it is drawn from.
struct Quantity: Sendable, Hashable {
    /// The base case: the value itself, or the distribution's median.
    var value: Double
    var distribution: Distribution?
    /// Draws are clamped into these bounds (a normal share stays within 0–100%).
    var bounds: ClosedRange<Double>

    init(_ value: Double, distribution: Distribution? = nil, bounds: ClosedRange<Double> = -.infinity ... .infinity) {
        self.value = value
        self.distribution = distribution
        self.bounds = bounds
    }

    var isUncertain: Bool { distribution != nil }
}
