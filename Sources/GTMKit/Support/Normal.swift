/// The standard normal distribution: density, distribution, its exact inverse and the loss function.
enum Normal {
    /// z of a 90% interval's ends: Φ⁻¹(0.95).
    static let z95 = 1.6448536269514727

    /// φ(z), to a few ulp for every z: e^{−z²/2} = e^{−h²/2}·e^δ with h the first 26 bits of |z|
    /// (so h² is exact) and δ = −ℓ(h + |z|)/2, ℓ = |z| − h (|δ| < 5·10⁻⁵ wherever φ is a normal
    /// double) by its series: one exponential, without the error of rounding z² in the exponent.
    @inline(__always)
    static func density(_ z: Double) -> Double {
        let t = abs(z)
        guard t < 39 else { return t.isNaN ? .nan : 0 }
        let head = Double(bitPattern: t.bitPattern & 0xFFFF_FFFF_F800_0000)
        let delta = -0.5 * ((t - head) * (head + t))
        return 0.3989422804014327 * Math.exp(-0.5 * head * head) * (1 + delta * (1 + delta * (0.5 + delta / 6)))
    }

    /// Φ(−|z|), the tail beyond |z| (= 1 − Φ(|z|)), as φ(z)·R(|z|) with R the Mills ratio, and φ(z):
    /// both from one exponential.
    @inline(__always)
    static func tail(_ z: Double) -> (tail: Double, density: Double) {
        let density = density(z)
        return (density * MillsRatio.value(abs(z)), density)
    }

    /// `tail` for two values at once, where both |z| < 8 (the Mills ratio's pieces) — nil
    /// otherwise: the same arithmetic lane by lane (`Exp.core` and `MillsRatio.near` in two lanes),
    /// so the same bits as `tail` on each; packed instructions do the work of two.
    @inline(__always)
    static func tail(_ z: SIMD2<Double>) -> (tail: SIMD2<Double>, density: SIMD2<Double>)? {
        let bits = unsafeBitCast(z, to: SIMD2<UInt64>.self)
        let t = unsafeBitCast(bits & 0x7FFF_FFFF_FFFF_FFFF, to: SIMD2<Double>.self)
        guard t[0] < 8, t[1] < 8 else { return nil }
        let head = unsafeBitCast(bits & 0x7FFF_FFFF_F800_0000, to: SIMD2<Double>.self)
        let delta: SIMD2<Double> = -0.5 * ((t - head) * (head + t))
        let series: SIMD2<Double> = 1 + delta * (1 + delta * (0.5 + delta / 6))
        let exponent: SIMD2<Double> = -0.5 * head * head
        let density: SIMD2<Double> = 0.3989422804014327 * Exp.core(exponent) * series
        return (density * MillsRatio.near(t), density)
    }

    /// Φ(z), the cumulative distribution: the tail, or one minus it above zero.
    static func cdf(_ z: Double) -> Double {
        let tail = tail(z).tail
        return z < 0 ? tail : 1 - tail
    }

    /// L(z) = φ(z) − z·(1 − Φ(z)): expected shortfall of a standard normal beyond z. The upper
    /// tail 1 − Φ(z) is the tail itself above zero, not a difference that loses its digits for large z.
    static func loss(_ z: Double) -> Double {
        let (tail, density) = tail(z)
        return max(0, density - z * (z < 0 ? 1 - tail : tail))
    }

    /// Φ⁻¹(p), exact to about 16 digits: Wichura's algorithm AS241 (PPND16),
    /// Applied Statistics 37(3), 1988. p must lie strictly between 0 and 1.
    static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "Normal.quantile needs 0 < p < 1")
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((5226.495278852854561 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
            return q * num / den
        }
        var r = q < 0 ? p : 1 - p
        r = (-Math.log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
            let den = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1.0)
            value = num / den
        } else {
            r -= 5
            let num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
            let den = (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1.0)
            value = num / den
        }
        return q < 0 ? -value : value
    }
}
