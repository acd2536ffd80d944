/// e^x computed by gtm itself: the same bits on every machine (no platform libm), in a
/// short, branch-free body.
///
/// x = (64m + j)·ln2/64 + r with |r| ≤ ln2/128 (Cody–Waite, ln2/64 split in two parts);
/// e^x = 2^m · 2^{j/64} · e^r, with 2^{j/64} from a table of correctly rounded constants
/// (computed with mpmath at 60 digits) and e^r by its Taylor series to degree 5 (truncation
/// below 4·10⁻¹⁷). Within 1 ulp of the correctly rounded result (tested against the C library).
package enum Exp {
    /// e^x for −708 ≤ x ≤ 708, without a branch.
    @inline(__always)
    package static func core(_ x: Double) -> Double {
        let inv = 0x1.71547652b82fep+6           // 64/ln2
        let ln2Hi = 0x1.62e42fe000000p-7         // ln2/64, low 24 bits zero: k·hi is exact
        let ln2Lo = 0x1.f473de6af278fp-36        // ln2/64 − hi
        // Round x·64/ln2 to the nearest integer k with the 1.5·2⁵² shifter; k's bits are then
        // the low bits of `shifted`, which give the table index and the power of two.
        let shifter = 6755399441055744.0
        let shifted = x * inv + shifter
        let k = shifted - shifter
        let r = (x - k * ln2Hi) - k * ln2Lo
        let bits = shifted.bitPattern
        let index = Int(bits & 63)
        let power = (Int64(bitPattern: bits &<< 12) >> 18) &+ 1023
        // e^r − 1, kept apart from the 1 so that t·e^r = t + t·(e^r − 1) rounds once at the end.
        let q = r * (1 + r * (0.5 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120)))))
        let t = table[index]
        return (t + t * q) * Double(bitPattern: UInt64(bitPattern: power) << 52)
    }

    /// e^x for two lanes at once (−708 ≤ x ≤ 708): the same arithmetic as `core`, lane by
    /// lane, so both give the same bits; packed instructions do the work of two.
    @inline(__always)
    static func core(_ x: SIMD2<Double>) -> SIMD2<Double> {
        let inv = SIMD2<Double>(repeating: 0x1.71547652b82fep+6)
        let shifter = SIMD2<Double>(repeating: 6755399441055744.0)
        let shifted = x * inv + shifter
        let k = shifted - shifter
        let r = (x - k * 0x1.62e42fe000000p-7) - k * 0x1.f473de6af278fp-36
        let bits = unsafeBitCast(shifted, to: SIMD2<UInt64>.self)
        let power = (unsafeBitCast(bits &<< 12, to: SIMD2<Int64>.self) &>> 18) &+ 1023
        var q = r * (1.0 / 120) + (1.0 / 24)
        q = q * r + (1.0 / 6)
        q = q * r + 0.5
        q = q * r + 1
        q = q * r
        let t = SIMD2<Double>(table[Int(bits[0] & 63)], table[Int(bits[1] & 63)])
        let scale = unsafeBitCast(unsafeBitCast(power, to: SIMD2<UInt64>.self) &<< 52, to: SIMD2<Double>.self)
        return (t + t * q) * scale
    }

    /// 2^{j/64} for j = 0…63, correctly rounded. A fixed-size array of constants is laid out in
    /// the program's data: reading it costs a load, not the call a lazily made global costs (which
    /// makes a loop keep its values in memory around it).
    static let table: InlineArray<64, Double> = [
        0x1.0000000000000p0, 0x1.02c9a3e778061p0, 0x1.059b0d3158574p0, 0x1.0874518759bc8p0,
        0x1.0b5586cf9890fp0, 0x1.0e3ec32d3d1a2p0, 0x1.11301d0125b51p0, 0x1.1429aaea92de0p0,
        0x1.172b83c7d517bp0, 0x1.1a35beb6fcb75p0, 0x1.1d4873168b9aap0, 0x1.2063b88628cd6p0,
        0x1.2387a6e756238p0, 0x1.26b4565e27cddp0, 0x1.29e9df51fdee1p0, 0x1.2d285a6e4030bp0,
        0x1.306fe0a31b715p0, 0x1.33c08b26416ffp0, 0x1.371a7373aa9cbp0, 0x1.3a7db34e59ff7p0,
        0x1.3dea64c123422p0, 0x1.4160a21f72e2ap0, 0x1.44e086061892dp0, 0x1.486a2b5c13cd0p0,
        0x1.4bfdad5362a27p0, 0x1.4f9b2769d2ca7p0, 0x1.5342b569d4f82p0, 0x1.56f4736b527dap0,
        0x1.5ab07dd485429p0, 0x1.5e76f15ad2148p0, 0x1.6247eb03a5585p0, 0x1.6623882552225p0,
        0x1.6a09e667f3bcdp0, 0x1.6dfb23c651a2fp0, 0x1.71f75e8ec5f74p0, 0x1.75feb564267c9p0,
        0x1.7a11473eb0187p0, 0x1.7e2f336cf4e62p0, 0x1.82589994cce13p0, 0x1.868d99b4492edp0,
        0x1.8ace5422aa0dbp0, 0x1.8f1ae99157736p0, 0x1.93737b0cdc5e5p0, 0x1.97d829fde4e50p0,
        0x1.9c49182a3f090p0, 0x1.a0c667b5de565p0, 0x1.a5503b23e255dp0, 0x1.a9e6b5579fdbfp0,
        0x1.ae89f995ad3adp0, 0x1.b33a2b84f15fbp0, 0x1.b7f76f2fb5e47p0, 0x1.bcc1e904bc1d2p0,
        0x1.c199bdd85529cp0, 0x1.c67f12e57d14bp0, 0x1.cb720dcef9069p0, 0x1.d072d4a07897cp0,
        0x1.d5818dcfba487p0, 0x1.da9e603db3285p0, 0x1.dfc97337b9b5fp0, 0x1.e502ee78b3ff6p0,
        0x1.ea4afa2a490dap0, 0x1.efa1bee615a27p0, 0x1.f50765b6e4540p0, 0x1.fa7c1819e90d8p0,
    ]
}
