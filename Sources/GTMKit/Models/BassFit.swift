/// Fitting the Bass curve (m, p, q) to sales by period (see the Models article, "Learning from data").
///
/// Nonlinear least squares on the period sales, as Srinivasan & Mason (1986): period i sells
/// m·(F(tᵢ) − F(tᵢ₋₁)) (form B), F the Bass cumulative share, t in years. Levenberg–Marquardt
/// in (ln m, ln p, ln q), from a grid of starting points; standard errors from s²(JᵀJ)⁻¹ (as R's
/// `summary.nls`). With a prior, a penalized (MAP) fit: each log parameter is pulled toward the
/// prior's by (φ − φ₀)/τ, so two weeks of data move the curve a little and twelve a lot
/// (Lenk & Rao 1990; Dalal, Ho & Sherman). Deterministic: no random starts.
package enum BassFit {
    /// What period i's fitted value is.
    package enum Form: Sendable {
        /// m·(F(tᵢ) − F(tᵢ₋₁)): the sales inside the period (Srinivasan & Mason 1986). gtm's fit.
        case periodSales
        /// m·f(tᵢ), the adoption rate at the period's end (Cowpertwait & Metcalfe §3.3.4), kept to
        /// reproduce their published fit.
        case density
    }

    package struct Estimate: Sendable, Equatable {
        package var m: Double, p: Double, q: Double
        /// Standard errors (nil for a fit with a prior, or without a degree of freedom).
        var seM: Double?, seP: Double?, seQ: Double?
        /// 1 − RSS ÷ total sum of squares around the mean.
        var r2: Double
        var rss: Double
        /// 95% ranges on the log scale: exp(ln θ ± t₀.₉₇₅,ₙ₋₃ · SE(θ)/θ).
        var mRange: ClosedRange<Double>?, pRange: ClosedRange<Double>?, qRange: ClosedRange<Double>?
        var fitted: [Double]
    }

    /// Why the data give no estimate.
    package enum Refusal: Error, Sendable, Equatable {
        case tooFewPeriods(Int)
        case noSales
        /// Sales still grow like an exponential: the market size is not identifiable yet.
        case stillExponential
        /// The least-squares estimate runs off to a boundary (m without limit, p to 0).
        case unbounded
        /// The best curve explains less than `minimumR2` of the periods' variation: no rise and
        /// fall to fit (R² given).
        case poorFit(Double)
    }

    package struct Prior: Sendable, Equatable {
        var m: Double, p: Double, q: Double
        /// Widths of the prior on ln m, ln p, ln q.
        var tau: (m: Double, p: Double, q: Double)
        /// The noise of one period's sales on the log scale (0.35: within ±35%), and the units
        /// added to both sides before the log (so a period without sales counts, finitely).
        var sigma: Double
        var floor: Double

        package static func == (a: Prior, b: Prior) -> Bool {
            a.m == b.m && a.p == b.p && a.q == b.q && a.tau == b.tau && a.sigma == b.sigma && a.floor == b.floor
        }
    }

    /// The fitted value of each period for (m, p, q) at boundaries `t` (t₀ … tₙ for form B; for
    /// the density form tᵢ is period i's end).
    static func model(_ m: Double, _ p: Double, _ q: Double, _ t: [Double], _ form: Form) -> [Double] {
        switch form {
        case .periodSales:
            return (1..<t.count).map { m * (Bass.cumulative(t[$0], p: p, q: q) - Bass.cumulative(t[$0 - 1], p: p, q: q)) }
        case .density:
            return t.dropFirst().map { m * Bass.density($0, p: p, q: q) }
        }
    }

    /// The smallest R² an analog's fit may have: below it the curve does not describe the sales.
    static let minimumR2 = 0.3

    /// The fit of `sales` (one value per period between consecutive `boundaries`).
    package static func fit(_ sales: [Double], boundaries t: [Double], form: Form = .periodSales,
                           prior: Prior? = nil) throws(Refusal) -> Estimate {
        precondition(t.count == sales.count + 1)
        let n = sales.count
        let total = sales.reduce(0, +)
        // With a prior, periods without sales are data too (they pull the curve down).
        guard total > 0 || prior != nil else { throw .noSales }
        if prior == nil {
            let positive = sales.filter { $0 > 0 }.count
            guard positive >= 4 else { throw .tooFewPeriods(positive) }
        }
        // Residuals: in units without a prior (least squares on period sales); with one, on the
        // log scale (a week at half the curve weighs as one at twice it), then the prior's
        // pseudo-residuals.
        func residuals(_ phi: [Double]) -> [Double] {
            let m = Math.exp(phi[0]), p = Math.exp(phi[1]), q = Math.exp(phi[2])
            let fitted = model(m, p, q, t, form)
            var r: [Double]
            if let prior {
                r = (0..<n).map { (Math.log(fitted[$0] + prior.floor) - Math.log(sales[$0] + prior.floor)) / prior.sigma }
            } else {
                r = (0..<n).map { fitted[$0] - sales[$0] }
            }
            if let prior {
                r += [(phi[0] - Math.log(prior.m)) / prior.tau.m, (phi[1] - Math.log(prior.p)) / prior.tau.p,
                      (phi[2] - Math.log(prior.q)) / prior.tau.q]
            }
            return r
        }
        func jacobian(_ phi: [Double], _ r0: [Double]) -> [[Double]] {
            (0..<3).map { j in
                var up = phi, down = phi
                let h = 1e-6
                up[j] += h
                down[j] -= h
                let a = residuals(up), b = residuals(down)
                return (0..<r0.count).map { (a[$0] - b[$0]) / (2 * h) }
            }
        }
        func sumOfSquares(_ r: [Double]) -> Double { r.reduce(0) { $0 + $1 * $1 } }
        // Starting points: the prior's, and a grid of p and q (per year) with m matching the
        // observed total; for each q of the grid its best p by error is descended (so curves
        // that peak within weeks and within years both get a start).
        var starts: [[Double]] = []
        if let prior { starts.append([Math.log(prior.m), Math.log(prior.p), Math.log(prior.q)]) }
        if total > 0 {
            let span = t.last ?? 1
            for q in [0.1, 0.4, 1.0, 3.0, 10.0, 30.0] {
                var best: (start: [Double], rss: Double)?
                for p in [0.001, 0.01, 0.05, 0.2, 1.0] {
                    let share = Bass.cumulative(span, p: p, q: q)
                    guard share > 0 else { continue }
                    let start = [Math.log(max(total, total / share)), Math.log(p), Math.log(q)]
                    let rss = sumOfSquares(residuals(start))
                    if rss.isFinite, best.map({ rss < $0.rss }) ?? true { best = (start, rss) }
                }
                if let best { starts.append(best.start) }
            }
        }
        var best: (phi: [Double], rss: Double)?
        for start in starts {
            var phi = start
            var r = residuals(phi)
            var rss = sumOfSquares(r)
            var lambda = 1e-3
            for _ in 0..<400 {
                let J = jacobian(phi, r)
                var A = [[Double]](repeating: [0, 0, 0], count: 3)
                var g = [0.0, 0, 0]
                for i in 0..<3 {
                    for k in 0..<3 { A[i][k] = (0..<r.count).reduce(0) { $0 + J[i][$1] * J[k][$1] } }
                    g[i] = (0..<r.count).reduce(0) { $0 + J[i][$1] * r[$1] }
                }
                var improved = false
                while lambda < 1e12 {
                    var damped = A
                    for i in 0..<3 { damped[i][i] += lambda * max(A[i][i], 1e-12) }
                    guard let step = solve(damped, g.map { -$0 }) else { lambda *= 10; continue }
                    var candidate = zip(phi, step).map { $0 + $1 }
                    candidate[0] = min(max(candidate[0], -20), 40)
                    candidate[1] = min(max(candidate[1], -30), 8)
                    candidate[2] = min(max(candidate[2], -30), 8)
                    let rc = residuals(candidate)
                    let rssC = sumOfSquares(rc)
                    if rssC.isFinite, rssC < rss {
                        let relative = (rss - rssC) / max(rss, 1e-300)
                        phi = candidate
                        r = rc
                        rss = rssC
                        lambda = max(lambda / 10, 1e-12)
                        improved = relative > 1e-15
                        break
                    }
                    lambda *= 10
                }
                if !improved { break }
            }
            if rss.isFinite, best.map({ rss < $0.rss }) ?? true { best = (phi, rss) }
        }
        guard let best else { throw .unbounded }
        let m = Math.exp(best.phi[0]), p = Math.exp(best.phi[1]), q = Math.exp(best.phi[2])
        let fitted = model(m, p, q, t, form)
        let rss = zip(fitted, sales).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let mean = total / Double(n)
        let tss = sales.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        var estimate = Estimate(m: m, p: p, q: q, seM: nil, seP: nil, seQ: nil, r2: tss > 0 ? 1 - rss / tss : 1, rss: rss,
                                mRange: nil, pRange: nil, qRange: nil, fitted: fitted)
        guard prior == nil else { return estimate }
        // Not better than an exponential b·e^{ct} through the same periods: still exponential
        // (checked first: the reason a user can act on).
        if let exponential = exponentialRSS(sales, t), rss >= exponential * 0.999 { throw .stillExponential }
        // An estimate that ran to a boundary does not exist (Marković & Jukić 2013).
        if m > 100 * total || p < 1e-6 || q < 1e-6 { throw .unbounded }
        if estimate.r2 < minimumR2 { throw .poorFit(estimate.r2) }
        // Standard errors: s² (JᵀJ)⁻¹ in log parameters, then θ·SE(ln θ).
        if n > 3 {
            let J = jacobian(best.phi, residuals(best.phi))
            var A = [[Double]](repeating: [0, 0, 0], count: 3)
            for i in 0..<3 { for k in 0..<3 { A[i][k] = (0..<n).reduce(0) { $0 + J[i][$1] * J[k][$1] } } }
            if let inverse = invert(A), (0..<3).allSatisfy({ inverse[$0][$0] >= 0 && inverse[$0][$0].isFinite }) {
                let s2 = rss / Double(n - 3)
                let se = (0..<3).map { (s2 * inverse[$0][$0]).squareRoot() }
                let tq = studentT975(n - 3)
                estimate.seM = m * se[0]
                estimate.seP = p * se[1]
                estimate.seQ = q * se[2]
                estimate.mRange = m * Math.exp(-tq * se[0])...m * Math.exp(tq * se[0])
                estimate.pRange = p * Math.exp(-tq * se[1])...p * Math.exp(tq * se[1])
                estimate.qRange = q * Math.exp(-tq * se[2])...q * Math.exp(tq * se[2])
            } else {
                throw .unbounded
            }
        }
        return estimate
    }

    /// RSS of the best exponential through the positive periods (least squares on ln sales,
    /// against each period's middle); nil with fewer than 3 positive periods.
    static func exponentialRSS(_ sales: [Double], _ t: [Double]) -> Double? {
        let points = sales.indices.filter { sales[$0] > 0 }.map { ((t[$0] + t[$0 + 1]) / 2, Math.log(sales[$0])) }
        guard points.count >= 3 else { return nil }
        let count = Double(points.count)
        let meanX = points.reduce(0) { $0 + $1.0 } / count, meanY = points.reduce(0) { $0 + $1.1 } / count
        let sxx = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
        guard sxx > 0 else { return nil }
        let slope = points.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) } / sxx
        let intercept = meanY - slope * meanX
        return sales.indices.reduce(0) { sum, i in
            let value = Math.exp(intercept + slope * (t[i] + t[i + 1]) / 2) - sales[i]
            return sum + value * value
        }
    }

    /// Student's t, 97.5th percentile, for `df` degrees of freedom (table to 30, then the normal's).
    static func studentT975(_ df: Int) -> Double {
        let table = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
                     2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        return df >= 1 && df <= 30 ? table[df - 1] : 1.96
    }

    /// A 3×3 system by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        var m = a.enumerated().map { $0.element + [b[$0.offset]] }
        for column in 0..<3 {
            guard let pivot = (column..<3).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }), abs(m[pivot][column]) > 1e-300 else { return nil }
            m.swapAt(column, pivot)
            for row in 0..<3 where row != column {
                let factor = m[row][column] / m[column][column]
                for k in column...3 { m[row][k] -= factor * m[column][k] }
            }
        }
        let x = (0..<3).map { m[$0][3] / m[$0][$0] }
        return x.allSatisfy(\.isFinite) ? x : nil
    }

    /// The inverse of a 3×3 matrix; nil when it is singular or badly conditioned.
    static func invert(_ a: [[Double]]) -> [[Double]]? {
        let columns = (0..<3).compactMap { j in solve(a, (0..<3).map { $0 == j ? 1 : 0 }) }
        guard columns.count == 3 else { return nil }
        let inverse = (0..<3).map { i in (0..<3).map { j in columns[j][i] } }
        // Conditioning: a tiny pivot shows as huge entries relative to the matrix's scale.
        let scale = a.flatMap { $0 }.map(abs).max() ?? 0, inverseScale = inverse.flatMap { $0 }.map(abs).max() ?? 0
        return scale * inverseScale < 1e14 ? inverse : nil
    }
}
