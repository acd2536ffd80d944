/// A distribution with its parameters worked out once, ready to draw from in a hot loop.
package struct Sampler: Sendable {
    enum Form: Sendable {
        case lognormal(mu: Double, sigma: Double)
        case normal(mean: Double, sd: Double)
        case uniform(low: Double, width: Double)
        case triangular(low: Double, mode: Double, high: Double, split: Double)
        /// low + width × Beta(α, β), the beta drawn as G(α) / (G(α) + G(β)).
        case pert(low: Double, width: Double, alpha: Gamma, beta: Gamma)
    }

    let form: Form
    let low: Double
    let high: Double

    package init(_ distribution: Distribution, bounds: ClosedRange<Double>) {
        low = bounds.lowerBound
        high = bounds.upperBound
        switch distribution {
        case .lognormal(let a, let b):
            let (mu, sigma) = Distribution.logParameters(low: a, high: b)
            form = .lognormal(mu: mu, sigma: sigma)
        case .normal(let mean, let sd):
            form = .normal(mean: mean, sd: sd)
        case .uniform(let a, let b):
            form = .uniform(low: a, width: b - a)
        case .triangular(let a, let mode, let b):
            form = .triangular(low: a, mode: mode, high: b, split: (mode - a) / (b - a))
        case .pert(let a, let mode, let b):
            let (alpha, beta) = Distribution.pertShape(low: a, mode: mode, high: b)
            form = .pert(low: a, width: b - a, alpha: Gamma(shape: alpha), beta: Gamma(shape: beta))
        }
    }

    /// `count` draws into `buffer`, kept within the key's bounds. Each form runs its own loop,
    /// so the lognormal's exponentials go through a tight, vectorisable one.
    @inline(__always)
    package func fill(_ buffer: UnsafeMutablePointer<Double>, count: Int, _ generator: inout Xoshiro256, _ normal: Ziggurat) {
        // A local copy lets the generator's state live in registers through the loops.
        var rng = generator
        defer { generator = rng }
        switch form {
        case .lognormal(let mu, let sigma):
            for j in 0..<count { buffer[j] = normal.next(&rng) }
            if abs(mu) + 40 * sigma < 700 {
                // No draw can leave exp's range (a normal draw never exceeds 40 in magnitude):
                // straight-line code the compiler pairs into packed instructions.
                var j = 0
                while j + 1 < count {
                    let value = Exp.core(mu + sigma * SIMD2(buffer[j], buffer[j + 1]))
                    // Kept within the bounds lane by lane, as every other form's draw is.
                    buffer[j] = min(max(value[0], low), high)
                    buffer[j + 1] = min(max(value[1], low), high)
                    j += 2
                }
                if j < count { buffer[j] = min(max(Exp.core(mu + sigma * buffer[j]), low), high) }
            } else {
                for j in 0..<count { buffer[j] = min(max(Math.exp(mu + sigma * buffer[j]), low), high) }
            }
        case .normal(let mean, let sd):
            for j in 0..<count { buffer[j] = min(max(mean + sd * normal.next(&rng), low), high) }
        default:
            for j in 0..<count { buffer[j] = draw(&rng, normal) }
        }
    }

    /// One draw, kept within the key's bounds.
    @inline(__always)
    func draw(_ rng: inout Xoshiro256, _ normal: Ziggurat) -> Double {
        let value: Double
        switch form {
        case .lognormal(let mu, let sigma):
            value = Math.exp(mu + sigma * normal.next(&rng))
        case .normal(let mean, let sd):
            value = mean + sd * normal.next(&rng)
        case .uniform(let low, let width):
            value = low + width * rng.nextUnit()
        case .triangular(let low, let mode, let high, let split):
            let u = rng.nextUnit()
            value = u < split ? low + (u * (high - low) * (mode - low)).squareRoot()
                : high - ((1 - u) * (high - low) * (high - mode)).squareRoot()
        case .pert(let low, let width, let alpha, let beta):
            let a = alpha.draw(&rng, normal)
            let b = beta.draw(&rng, normal)
            value = low + width * (a / (a + b))
        }
        return min(max(value, low), high)
    }
}

/// Gamma(shape, 1) draws by Marsaglia and Tsang (2000); shapes below 1 are boosted by U^{1/shape}.
struct Gamma: Sendable {
    let shape: Double
    let d: Double
    let c: Double

    init(shape: Double) {
        self.shape = shape
        let boosted = shape < 1 ? shape + 1 : shape
        d = boosted - 1.0 / 3
        c = 1 / (9 * d).squareRoot()
    }

    func draw(_ rng: inout Xoshiro256, _ normal: Ziggurat) -> Double {
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal.next(&rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = rng.nextUnit()
            if u < 1 - 0.0331 * x * x * x * x || Math.log(max(u, .leastNonzeroMagnitude)) < 0.5 * x * x + d * (1 - v + Math.log(v)) {
                let value = d * v
                if shape < 1 { return value * Math.pow(max(rng.nextUnit(), .leastNonzeroMagnitude), 1 / shape) }
                return value
            }
        }
    }
}

extension Sampler {
    /// For the benchmark target: `count` draws into a fresh buffer, in chunks as the engine does.
    package static func benchmarkFill(_ distribution: Distribution, count: Int) -> Double {
        let sampler = Sampler(distribution, bounds: 0...1e15)
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: 2048)
        defer { buffer.deallocate() }
        var rng = Xoshiro256(seed: 1)
        var sum = 0.0
        var done = 0
        while done < count {
            let n = min(2048, count - done)
            sampler.fill(buffer, count: n, &rng, Ziggurat.shared)
            sum += buffer[0]
            done += n
        }
        return sum
    }

    /// For the benchmark target: `count` standard normal draws.
    package static func benchmarkNormals(count: Int) -> Double {
        var rng = Xoshiro256(seed: 1)
        var sum = 0.0
        for _ in 0..<count { sum += Ziggurat.shared.next(&rng) }
        return sum
    }
}
