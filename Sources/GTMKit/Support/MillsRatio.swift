/// R(t) = (1 − Φ(t)) / φ(t), the Mills ratio of the standard normal, for t ≥ 0: the tail beyond
/// t is φ(t)·R(t), so Φ and φ together take one exponential. On [0, 8), sixteen polynomials of
/// degree 12 in s = t − (the middle of t's half-unit); from 8 on, R(t) = g(1/t²)/t with g of
/// degree 10 on [0, 1/64]. Each is the Chebyshev fit (mpmath's `chebyfit`, 50 digits) of the exact
/// R = √(π/2)·erfc(t/√2)·e^{t²/2}; the largest relative error of a fit is 1.3·10⁻¹⁷ and of the
/// computed R, rounding included, 3.6·10⁻¹⁶ (checked on 40,000 points against mpmath). gtm's own,
/// so the tail has the same bits on every machine.
enum MillsRatio {
    static let degree = 12

    /// R(t) for t ≥ 0 (+∞ gives 0; NaN gives NaN).
    @inline(__always)
    static func value(_ t: Double) -> Double {
        if t < 8 {
            let piece = Int(t * 2)
            let s = t - (Double(piece) * 0.5 + 0.25)
            let at = piece * (degree + 1)
            return estrin(s) { coefficients[at + $0] }
        }
        let u = 1 / (t * t)
        let at = 16 * (degree + 1)
        var g = coefficients[at]
        for j in 1...10 { g = g * u + coefficients[at + j] }
        return g / t
    }

    /// R(t) for two values in [0, 8) at once: each lane's piece by the same Estrin scheme as
    /// `value`, so the same bits.
    @inline(__always)
    static func near(_ t: SIMD2<Double>) -> SIMD2<Double> {
        let first = Int(t[0] * 2), second = Int(t[1] * 2)
        let s = t - (SIMD2(Double(first), Double(second)) * 0.5 + 0.25)
        let a = first * (degree + 1), b = second * (degree + 1)
        return estrin(s) { SIMD2(coefficients[a + $0], coefficients[b + $0]) }
    }

    /// A piece's polynomial at `s` by Estrin's scheme: pairs, then pairs of pairs, so the
    /// multiplications do not wait on one another as Horner's do (`c(12 − j)` is the coefficient of
    /// sʲ). One value or two lanes, the same arithmetic.
    @inline(__always)
    private static func estrin<V: EstrinValue>(_ s: V, _ c: (Int) -> V) -> V {
        let s2 = s * s, s4 = s2 * s2
        let p0 = c(12) + c(11) * s, p1 = c(10) + c(9) * s, p2 = c(8) + c(7) * s
        let p3 = c(6) + c(5) * s, p4 = c(4) + c(3) * s, p5 = c(2) + c(1) * s
        let low = (p0 + p1 * s2) + (p2 + p3 * s2) * s4
        let high = (p4 + p5 * s2) + c(0) * s4
        return low + high * (s4 * s4)
    }

    /// Highest power first: the sixteen pieces on [0, 8), then g. Constants laid out in the
    /// program's data (see `Exp.table`).
    static let coefficients: InlineArray<219, Double> = [
        // [0, 0.5)
        0x1.83eb09e613a79p-17, -0x1.63f2116dc5920p-15, 0x1.34eb21d49267fp-13, -0x1.04751a3a78f22p-11,
        0x1.a2bd9330837d1p-10, -0x1.3f36dfcb6fa9ap-8, 0x1.caa4664f8d819p-7, -0x1.33fa436aaeb3ep-5,
        0x1.7e7a952d0373dp-4, -0x1.b0c826f0a495cp-3, 0x1.b4939a0b16980p-2, -0x1.7b289075dc909p-1,
        0x1.09aedf1446de3p0,
        // [0.5, 1)
        0x1.29468d882e284p-19, -0x1.24fcc30cb8763p-17, 0x1.128ee92208c8fp-15, -0x1.f4b87a2f87074p-14,
        0x1.b51c75fdcf375p-12, -0x1.6ba250eab506bp-10, 0x1.1ebca67cf8fb6p-8, -0x1.a9b4c05f642eep-7,
        0x1.26df60f160659p-5, -0x1.78a4bc98294cap-4, 0x1.b41d27aa6f322p-3, -0x1.be067c520810cp-2,
        0x1.81510273fa9f7p-1,
        // [1, 1.5)
        0x1.fc738f4dba0fep-22, -0x1.0cef70dda7558p-19, 0x1.0fd03df6c881ap-17, -0x1.0bccaa652b67cp-15,
        0x1.fb2aa3fd2a921p-14, -0x1.cbc7bc8020875p-12, 0x1.8d43b98aa1b84p-10, -0x1.454c8a82377a2p-8,
        0x1.f542a1bb07e47p-7, -0x1.67f4a91ca43d0p-5, 0x1.db9a3a8f6a3fcp-4, -0x1.1b9bf1b78eabcp-2,
        0x1.282805b693bb5p-1,
        // [1.5, 2)
        0x1.e12856bfadb9dp-24, -0x1.10e269a0958e8p-21, 0x1.290a325c44622p-19, -0x1.3bc3307c10cf6p-17,
        0x1.43cee74fc7797p-15, -0x1.3f4a27cf34e7dp-13, 0x1.2d97e3655fb7bp-11, -0x1.0fa2e40b15c96p-9,
        0x1.cfe0721696a30p-8, -0x1.74b800712b220p-6, 0x1.17089cb7286ffp-4, -0x1.7fec894ab3810p-3,
        0x1.db73467cf148ep-2,
        // [2, 2.5)
        0x1.f3cbaa70be095p-26, -0x1.2f8984e0e8d94p-23, 0x1.633d4dca4f650p-21, -0x1.96c0e8a12e57fp-19,
        0x1.c2d62b55db8f5p-17, -0x1.e266c579bd9acp-15, 0x1.f0c4e2edaf5dfp-13, -0x1.ea7bb53525157p-11,
        0x1.ce2f6b0780855p-9, -0x1.9d4154d5006afp-7, 0x1.5c009a79b0500p-5, -0x1.113c96cc633dbp-3,
        0x1.8a6450445bb96p-2,
        // [2.5, 3)
        0x1.1ac14a044113fp-27, -0x1.6f3814df9729dp-25, 0x1.cd300ef810f70p-23, -0x1.1bd62fa1cbdfcp-20,
        0x1.53443469c2338p-18, -0x1.88e851cfe0c49p-16, 0x1.b7c1d1629b01dp-14, -0x1.da3ae34d5c49dp-12,
        0x1.eaf12aca7250ap-10, -0x1.e5b83473730c4p-8, 0x1.c8aaeec1fba46p-6, -0x1.95080dfb02918p-4,
        0x1.4f8ae774d1389p-2,
        // [3, 3.5)
        0x1.5a0203d8386b7p-29, -0x1.dfa759db96eeap-27, 0x1.428cc6b6fd2f1p-24, -0x1.a9e2f64b8295fp-22,
        0x1.11d166b355d99p-19, -0x1.564284466e9c6p-17, 0x1.9efebe26a026ep-15, -0x1.e6ec141d13b8bp-13,
        0x1.139fabd32549bp-10, -0x1.2c069ec020290p-8, 0x1.38ad4bf0e3711p-6, -0x1.364e0b77bed31p-4,
        0x1.233512cf6779ap-2,
        // [3.5, 4)
        0x1.c6e12de70a333p-31, -0x1.4fecc55234505p-28, 0x1.e2c72bef1d354p-26, -0x1.551e0d303cacdp-23,
        0x1.d6ac0629954bcp-21, -0x1.3c916cdb7b9eap-18, 0x1.9e73572406e8ep-16, -0x1.0785e094c645fp-13,
        0x1.44c322e24b057p-11, -0x1.82d0c6e2a87c3p-9, 0x1.bbd4832d10b3fp-7, -0x1.e89e6044bf3fap-5,
        0x1.00c785530ab11p-2,
        // [4, 4.5)
        0x1.3f42d1ee6b477p-32, -0x1.f572f7d216c0fp-30, 0x1.80303ec87cc0dp-27, -0x1.21d9dc98e5fa1p-24,
        0x1.ac07b31e04434p-22, -0x1.34e99639eaf38p-19, 0x1.b33a1c11c71e3p-17, -0x1.2ac9f7b8cf147p-14,
        0x1.8f117c77bcd19p-12, -0x1.02b0d8d47e0d5p-9, 0x1.44be15f0bd87ap-7, -0x1.898b1ff7a1028p-5,
        0x1.cabb94b532c3ap-3,
        // [4.5, 5)
        0x1.dbd4bd6687406p-34, -0x1.8c9ba17a4a2b8p-31, 0x1.43423c82432dap-28, -0x1.03cba6355e7edp-25,
        0x1.99876538d1967p-23, -0x1.3c39d2f2e8f79p-20, 0x1.dde6838f7b53ep-18, -0x1.60ed8438f8f4cp-15,
        0x1.fcb545ae97852p-13, -0x1.6530be0891d6cp-10, 0x1.e7c08a60001f3p-8, -0x1.4316e3f9cdbeap-5,
        0x1.9e27375ea4545p-3,
        // [5, 5.5)
        0x1.7691bdfa62f41p-35, -0x1.4ab5786df7ea9p-32, 0x1.1e1dbdcfb8b06p-29, -0x1.e8c0b01789731p-27,
        0x1.9a286e8281ad4p-24, -0x1.51e5bf20dd7b7p-21, 0x1.1103d324a1188p-18, -0x1.b03f46e84d614p-16,
        0x1.4eda3e1f54825p-13, -0x1.fb08549d6bbbfp-11, 0x1.7698bf4b39437p-8, -0x1.0d98a180bea11p-5,
        0x1.7941dfedadc79p-3,
        // [5.5, 6)
        0x1.3605fed8d9f1cp-36, -0x1.2160ef6b718c6p-33, 0x1.092b923dbdd23p-30, -0x1.e04c7446a066fp-28,
        0x1.ac1523df1d79bp-25, -0x1.773a09871b9cfp-22, 0x1.43345b3fd233cp-19, -0x1.1157fa9deb750p-16,
        0x1.c588495efcda3p-14, -0x1.70afb3e4f2cfep-11, 0x1.2556cde27e52fp-8, -0x1.c83d40d30c5abp-6,
        0x1.5a417375d8c66p-3,
        // [6, 6.5)
        0x1.0caa488451aefp-37, -0x1.089caff82643ap-34, 0x1.0046d1e801505p-31, -0x1.eb1948c5994b6p-29,
        0x1.cfc2626ae97b2p-26, -0x1.af5f7e5b699fdp-23, 0x1.8afae6f2382aep-20, -0x1.63c2763cfcfddp-17,
        0x1.3af772065c38fp-14, -0x1.11dc8251bbee3p-11, 0x1.d34779e0812b4p-9, -0x1.86bc836f0e882p-6,
        0x1.3fdd827dc763bp-3,
        // [6.5, 7)
        0x1.e5b11f50e24abp-39, -0x1.f7d19e2972958p-36, 0x1.0155425f78a6ep-32, -0x1.044ba27b8873ap-29,
        0x1.03d55daabc40ap-26, -0x1.ffad64493afc0p-24, 0x1.f0afa3f787c14p-21, -0x1.db0b294eef7acp-18,
        0x1.bf61e239cffc4p-15, -0x1.9e97761af24c2p-12, 0x1.79c5e9ca596ffp-9, -0x1.522e16cbfed20p-6,
        0x1.2925128a71ccbp-3,
        // [7, 7.5)
        0x1.c85803006579fp-40, -0x1.f1a9ca98a44f0p-37, 0x1.0b9483fc424ecp-33, -0x1.1d2646560f165p-30,
        0x1.2c3a1b59ceed2p-27, -0x1.382e1211a1a1dp-24, 0x1.407103c32d7d1p-21, -0x1.448b7561f22a1p-18,
        0x1.4428fabb104b9p-15, -0x1.3f2008652dbb4p-12, 0x1.3577974762766p-9, -0x1.2769e17d6f601p-6,
        0x1.1563b113e802cp-3,
        // [7.5, 8)
        0x1.bc508a3caabb8p-41, -0x1.fc84dbca5a06fp-38, 0x1.1f4794f1fcdcap-34, -0x1.41e5eb8d0b97cp-31,
        0x1.64ba2141c83e2p-28, -0x1.86d8ac34717dfp-25, 0x1.a7392af327707p-22, -0x1.c4bf14707da90p-19,
        0x1.de4677d3c5fd9p-16, -0x1.f2b331adf1a98p-13, 0x1.0080ffcedf3e0p-9, -0x1.042d2afa7bee1p-6,
        0x1.040fc9a11f089p-3,
        // g(u), t ≥ 8
        0x1.1399d1ee1beccp27, -0x1.42089d06b138ap24, 0x1.b59513ef499f2p20, -0x1.028b919a95b1fp17,
        0x1.442ac683dfd50p13, -0x1.d871bb04a9960p9, 0x1.a3ffa0ebf130cp6, -0x1.dffffe8af9b99p3,
        0x1.7ffffffe861a4p1, -0x1.ffffffffff69dp-1, 0x1.0000000000000p0,
    ]
}

/// What Estrin's scheme needs of a number: one value, or two lanes of them.
protocol EstrinValue {
    static func + (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
}

extension Double: EstrinValue {}
extension SIMD2: EstrinValue where Scalar == Double {}
