/// The Bass diffusion model in closed form (Bass 1969; see the Models article).
/// p and q are per year; t is in years.
package enum Bass {
    /// F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}): the share of eventual adopters by t.
    @inline(__always)
    package static func cumulative(_ t: Double, p: Double, q: Double) -> Double {
        guard t > 0 else { return 0 }
        return cumulative(decay: Math.exp(-(p + q) * t), p: p, q: q)
    }

    /// F(t) from e^{−(p+q)t} (`decay`), for t > 0.
    @inline(__always)
    static func cumulative(decay: Double, p: Double, q: Double) -> Double {
        cumulative(decay: decay, ratio: q / p)
    }

    /// The same with q/p given (`ratio`), for a loop over many t.
    @inline(__always)
    static func cumulative(decay: Double, ratio: Double) -> Double {
        (1 - decay) / (1 + ratio * decay)
    }

    /// f(t) = ((p+q)²/p)·e^{−(p+q)t} / (1 + (q/p)·e^{−(p+q)t})²: the rate of adoption at t.
    static func density(_ t: Double, p: Double, q: Double) -> Double {
        let decay = Math.exp(-(p + q) * t)
        let denominator = 1 + (q / p) * decay
        return (p + q) * (p + q) / p * decay / (denominator * denominator)
    }

    /// t* = ln(q/p)/(p+q), the peak of adoption; 0 when q ≤ p (sales fall from launch).
    static func peakTime(p: Double, q: Double) -> Double {
        q > p ? Math.log(q / p) / (p + q) : 0
    }
}
