/// Standard normal draws by the ziggurat method (Marsaglia and Tsang 2000, with the
/// 256-layer tables and the exact tail of Doornik 2005). Tables are computed once from
/// closed forms, so the draws are the same on every machine with a correctly rounded libm.
package struct Ziggurat: @unchecked Sendable {
    static let layers = 256
    /// Right edge of the base layer.
    static let r = 3.6541528853610088
    /// Area of each layer.
    static let area = 0.00492867323399

    /// x_i, the layers' right edges (x_0 is the base's virtual edge v/f(r)); x_256 = 0.
    /// Plain pointers to tables that live as long as the program: no bounds checks in the hot path.
    let x: UnsafePointer<Double>
    /// f(x_i) = e^{−x_i²/2}.
    let f: UnsafePointer<Double>

    package static let shared = Ziggurat()

    init() {
        var x = [Double](repeating: 0, count: Self.layers + 1)
        var f = [Double](repeating: 0, count: Self.layers + 1)
        let r = Self.r
        let fr = Math.exp(-0.5 * r * r)
        x[0] = Self.area / fr
        x[1] = r
        f[0] = 1
        f[1] = fr
        for i in 2..<Self.layers {
            x[i] = (-2 * Math.log(Self.area / x[i - 1] + f[i - 1])).squareRoot()
            f[i] = Math.exp(-0.5 * x[i] * x[i])
        }
        x[Self.layers] = 0
        f[Self.layers] = 1
        let xTable = UnsafeMutablePointer<Double>.allocate(capacity: x.count)
        let fTable = UnsafeMutablePointer<Double>.allocate(capacity: f.count)
        xTable.initialize(from: x, count: x.count)
        fTable.initialize(from: f, count: f.count)
        self.x = UnsafePointer(xTable)
        self.f = UnsafePointer(fTable)
    }

    /// One standard normal draw. About 99% of draws take one 64-bit number and no transcendental.
    @inline(__always)
    package func next(_ rng: inout Xoshiro256) -> Double {
        while true {
            let bits = rng.next()
            let i = Int(bits & 0xFF)
            // A signed uniform in (−1, 1) from the top 53 bits.
            let u = Double(Int64(bitPattern: bits) >> 11) * 0x1.0p-52
            let candidate = u * x[i]
            if abs(candidate) < x[i + 1] { return candidate }
            // The rare path works on a copy: passing `rng` itself would keep the generator's
            // state in memory for every draw, not in registers.
            var state = rng
            let value = slow(i: i, u: u, candidate: candidate, &state)
            rng = state
            if let value { return value }
        }
    }

    /// The base layer's tail and the wedges of the other layers.
    @inline(never)
    func slow(i: Int, u: Double, candidate: Double, _ rng: inout Xoshiro256) -> Double? {
        if i == 0 {
            // Marsaglia's tail method beyond r.
            while true {
                let a = -Math.log(1 - rng.nextUnit()) / Self.r
                let b = -Math.log(1 - rng.nextUnit())
                if b + b > a * a { return u < 0 ? -(Self.r + a) : Self.r + a }
            }
        }
        let y = f[i] + rng.nextUnit() * (f[i + 1] - f[i])
        return y < Math.exp(-0.5 * candidate * candidate) ? candidate : nil
    }
}
