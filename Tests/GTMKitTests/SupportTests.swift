import Testing
@testable import GTMKit

@Suite struct NormalTests {
    // Φ⁻¹(p) to 25 digits, computed with mpmath at 50 digits (reference values beside
    // Wichura's AS241 paper); AS241 is good to about 1e-16 relative.
    @Test(arguments: [
        (0.8, 0.8416212335729142051787061), (0.9, 1.281551565544600466965103), (0.95, 1.644853626951472714863849),
        (0.975, 1.959963984540054235524594), (0.999, 3.090232306167813541540400), (0.25, -0.674489750196081743202227),
        (1e-10, -6.361340902404056204695376), (1e-300, -37.04709629936119923722296),
    ])
    func quantileMatchesReference(p: Double, expected: Double) {
        #expect(abs(Normal.quantile(p) - expected) <= 1e-14 * max(1, abs(expected)))
    }

    @Test func quantileIsSymmetric() {
        for p in [0.01, 0.2, 0.4, 0.49] {
            #expect(abs(Normal.quantile(p) + Normal.quantile(1 - p)) < 1e-14)
        }
        #expect(Normal.quantile(0.5) == 0)
    }

    @Test func cdfAndLoss() {
        // Φ(0.84) = 0.7995458067 and L(0.84) = 0.1119622885, L(2) = 0.00849070262
        // (standard normal tables; Cachon & Terwiesch's loss table gives L(2.0) = 0.0085).
        #expect(abs(Normal.cdf(0.84) - 0.7995458067) < 1e-10)
        #expect(abs(Normal.loss(0.84) - 0.1119622885) < 1e-10)
        #expect(abs(Normal.loss(2) - 0.00849070262) < 1e-11)
        #expect(abs(Normal.cdf(Normal.quantile(0.8)) - 0.8) < 1e-15)
    }

    /// Φ(z) and φ(z) against mpmath (40 digits, `ncdf` and `npdf` at the double nearest each z)
    /// from the far lower tail, where only the relative error means anything, to the upper half,
    /// where Φ is one minus a tail: gtm's own tail (Mills ratio) and density keep 15 digits.
    @Test(arguments: [
        (-37.5, 4.6053530095819548438e-308, 1.7282337322841052208e-306), (-20.0, 2.7536241186062336951e-89, 5.5209483621597631896e-88),
        (-8.5, 9.4795348222033183542e-18, 8.1662356316695500394e-17), (-3.0, 0.0013498980316300945267, 0.0044318484119380071756),
        (-1.0, 0.15865525393145705141, 0.2419707245191433498), (-0.3, 0.38208857781104736693, 0.38138781546052408688),
        (0.0, 0.5, 0.39894228040143267794), (0.3, 0.61791142218895263307, 0.38138781546052408688),
        (1.0, 0.84134474606854294859, 0.2419707245191433498), (2.5, 0.99379033467422386483, 0.017528300493568537362),
        (7.9, 0.99999999999999860548, 1.1187956214351804888e-14), (8.0, 0.9999999999999993779, 5.052271083536892288e-15),
        (12.0, 1.0, 2.146383735663060345e-32),
    ])
    func cdfAndDensityToFifteenDigits(z: Double, cdf: Double, density: Double) {
        #expect(abs(Normal.cdf(z) / cdf - 1) < 1e-15)
        #expect(abs(Normal.density(z) / density - 1) < 1e-15)
    }

    /// Two values at once give each one's bits alone (the mixture adds them in the same order, so
    /// its sums are the same), and no answer when either lies beyond the Mills ratio's pieces.
    @Test func twoLanesGiveTheSameBitsAsOne() {
        var rng = Xoshiro256(seed: 11)
        for _ in 0..<20_000 {
            let z = SIMD2((rng.nextUnit() - 0.5) * 16, (rng.nextUnit() - 0.5) * 16)
            guard let pair = Normal.tail(z) else {
                #expect(abs(z[0]) >= 8 || abs(z[1]) >= 8)
                continue
            }
            for lane in 0..<2 {
                let one = Normal.tail(z[lane])
                #expect(pair.tail[lane].bitPattern == one.tail.bitPattern && pair.density[lane].bitPattern == one.density.bitPattern)
            }
        }
        #expect(Normal.tail(SIMD2(1, 8.5)) == nil)
    }

    /// The ends: Φ(±∞) = 1 and 0, φ(±∞) = 0, and a value that is not a number stays one.
    @Test func infinitiesAndNaN() {
        #expect(Normal.cdf(.infinity) == 1 && Normal.cdf(-.infinity) == 0)
        #expect(Normal.density(.infinity) == 0 && Normal.density(-50) == 0)
        #expect(Normal.cdf(.nan).isNaN && Normal.density(.nan).isNaN)
    }

    /// L(4) = 7.145258432405666759e-6 and L(10) = 7.474560254589327591e-25 (mpmath, φ(z) − z(1 − Φ(z))
    /// at 40 digits): the upper tail is not a difference, so its digits survive.
    @Test func lossInTheUpperTail() {
        #expect(abs(Normal.loss(4) / 7.145258432405666759e-6 - 1) < 1e-12)
        #expect(abs(Normal.loss(10) / 7.474560254589327591e-25 - 1) < 1e-12)
    }

    @Test func ninetyPercentZ() {
        #expect(abs(Normal.z95 - 1.644853626951472714863849) < 1e-15)
    }
}

@Suite struct NormalMixtureTests {
    /// Four launches' demand, N(100, 10), N(200, 20), N(150, 30) and N(400, 50), mixed equally. Each
    /// expected quantile and standard error √(Var Φᵢ / n) ÷ f is mpmath's (40 digits, findroot on
    /// (1/4) Σ ncdf((x − μᵢ)/σᵢ) − p). The 75th percentile lies in the gap before the last launch,
    /// where the density is almost nothing: the bracket keeps the steps inside it.
    @Test(arguments: [
        (0.1, 96.48917426145904568, 7.5816982694671830106), (0.5, 179.99973158296105684, 42.459007919112580897),
        (0.75, 257.5079244442672731, 1803.8704967984501716), (0.95, 442.08106167864567853, 30.933685642780901577),
    ])
    func quantileAndError(p: Double, value: Double, error: Double) {
        let means: [Double] = [100, 200, 150, 400], sds: [Double] = [10, 20, 30, 50]
        means.withUnsafeBufferPointer { means in
            sds.withUnsafeBufferPointer { sds in
                let quantile = NormalMixture(means: means, sds: sds).quantile(p)
                #expect(abs(quantile.value - value) < 1e-6)
                #expect(abs(quantile.standardError / error - 1) < 1e-6)
            }
        }
    }

    /// With one launch the mixture is one normal: the textbook μ + zσ, z = 1.2815515655446004 at 90%.
    @Test func oneLaunchIsTheNewsvendorFormula() {
        [500.0].withUnsafeBufferPointer { means in
            [80.0].withUnsafeBufferPointer { sds in
                #expect(abs(NormalMixture(means: means, sds: sds).quantile(0.9).value - (500 + 1.2815515655446004 * 80)) < 1e-6)
            }
        }
    }
}

@Suite struct DistributionTests {
    @Test func lognormalIntervalHasItsEndsAtTheFifthAndNinetyFifthPercentiles() {
        let interval = Distribution.lognormal(low: 100, high: 1000)
        #expect(abs(interval.quantile(0.05) - 100) < 1e-9)
        #expect(abs(interval.quantile(0.95) - 1000) < 1e-9)
        // Median √(100·1000) = 316.2277660168379.
        #expect(abs(interval.median - 316.2277660168379) < 1e-9)
    }

    @Test func triangularQuantilesInClosedForm() {
        // F⁻¹(p) = a + √(p(b−a)(c−a)) below the mode's share (c−a)/(b−a) = 1/4, else b − √((1−p)(b−a)(b−c)).
        let triangle = Distribution.triangular(low: 0, mode: 1, high: 4)
        #expect(abs(triangle.quantile(0.1) - 0.6324555320336759) < 1e-12)   // √(0.1·4·1)
        #expect(abs(triangle.median - 1.5505102572168221) < 1e-12)          // 4 − √(0.5·4·3)
        #expect(triangle.mean == 5.0 / 3)
    }

    @Test func pertIsABetaWithShapesFromTheMode() {
        // PERT(0, 1, 4): α = 1 + 4·(1−0)/4 = 2, β = 1 + 4·(4−1)/4 = 4.
        // I_0.3(2, 4) = 1 − 0.7⁵ − 5·0.3·0.7⁴ = 0.47178.
        #expect(abs(Beta.regularized(0.3, 2, 4) - 0.47178) < 1e-12)
        // Median of Beta(2, 4) by mpmath: 0.313810170455697…, so PERT's is 4× that.
        #expect(abs(Distribution.pert(low: 0, mode: 1, high: 4).median - 1.255240681822790) < 1e-9)
        #expect(Distribution.pert(low: 2, mode: 5, high: 8).median == 5)
        #expect(Distribution.pert(low: 0, mode: 1, high: 4).mean == 8.0 / 6)   // (0 + 4·1 + 4)/6, = 4·α/(α+β)
    }

    @Test func normalAndUniform() {
        #expect(Distribution.normal(mean: 10, sd: 2).median == 10)
        #expect(abs(Distribution.normal(mean: 10, sd: 2).quantile(0.9) - (10 + 2 * 1.281551565544600466965103)) < 1e-12)
        #expect(Distribution.uniform(low: 2, high: 6).quantile(0.25) == 3)
    }
}

@Suite struct CivilDateTests {
    func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

    @Test func epochAndKnownDays() {
        #expect(date(1970, 1, 1).daysSinceEpoch == 0)
        #expect(date(2000, 3, 1).daysSinceEpoch == 11_017)  // 30 years · 365 + 7 leap days + Jan 31 + Feb 29
        #expect(CivilDate(daysSinceEpoch: 11_017) == date(2000, 3, 1))
        #expect(date(2027, 3, 15).weekday == 1)  // a Monday
    }

    @Test func arithmeticAcrossMonthEndsLeapDaysAndYearEnds() {
        #expect(date(2027, 1, 31).adding(days: 1) == date(2027, 2, 1))
        #expect(date(2028, 2, 28).adding(days: 1) == date(2028, 2, 29))
        #expect(date(2027, 2, 28).adding(days: 1) == date(2027, 3, 1))
        #expect(date(2027, 12, 31).adding(days: 1) == date(2028, 1, 1))
        #expect(date(2028, 3, 1).adding(days: -1) == date(2028, 2, 29))
        #expect(date(2027, 1, 31).adding(months: 1) == date(2027, 2, 28))
        #expect(date(2028, 1, 31).adding(months: 1) == date(2028, 2, 29))
        #expect(date(2027, 11, 15).adding(months: 3) == date(2028, 2, 15))
        #expect(date(2027, 3, 31).adding(months: -1) == date(2027, 2, 28))
        #expect(date(2027, 1, 15).adding(months: -13) == date(2025, 12, 15))
        #expect(date(2027, 3, 15).days(to: date(2028, 3, 15)) == 366)  // crosses 2028-02-29
    }

    @Test func validation() {
        #expect(CivilDate(year: 2027, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)  // divisible by 400
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)  // divisible by 100
        #expect(CivilDate(year: 2027, month: 4, day: 31) == nil)
        #expect(date(2027, 3, 5).description == "2027-03-05")
    }
}

@Suite struct FormatTests {
    @Test func grouping() {
        #expect(Format.grouped(1234567) == "1,234,567")
        #expect(Format.grouped(999.5) == "1,000")
        #expect(Format.grouped(-1234.5) == "-1,235")   // half away from zero
        #expect(Format.grouped(0.125, decimals: 2) == "0.13")
        #expect(Format.grouped(-0.4) == "0")
        #expect(Format.shortest(0.02) == "0.02")
        #expect(Format.shortest(2) == "2")
    }

    @Test func numberStyles() {
        let en = NumberStyle(language: .en, currency: "CNY")
        let zh = NumberStyle(language: .zh, currency: "CNY")
        let usd = NumberStyle(language: .en, currency: "USD")
        #expect(en.money(14_364_000) == "¥14,364,000")
        #expect(usd.money(49.9) == "$49.90")
        #expect(usd.money(-5) == "−$5")
        #expect(NumberStyle(language: .en, currency: "CHF").money(1234) == "1,234 CHF")
        // Counts in full digits in both languages; money in 万 and 亿 in Chinese.
        #expect(zh.count(12_345) == "12,345")
        #expect(zh.count(123_456_789) == "123,456,789")
        #expect(zh.chinese(12_345) == "1.23万")
        #expect(zh.chinese(123_456_789) == "1.23亿")
        #expect(zh.count(9_999) == "9,999")
        #expect(zh.chinese(99_999_999) == "1亿")
        #expect(zh.money(14_364_000) == "¥1,436.4万")
        #expect(en.percent(0.125) == "12.5%")
        #expect(en.percent(0.0035) == "0.35%")
        #expect(en.percent(0.3) == "30%")
        #expect(zh.longDate(CivilDate(year: 2027, month: 3, day: 15)!) == "2027年3月15日")
    }
}

@Suite struct SHA256Tests {
    // FIPS 180-4 examples.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(text: String, digest: String) {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        #expect(hasher.hexDigest == digest)
    }

    @Test func millionAs() {
        var hasher = SHA256()
        for _ in 0..<1000 { hasher.update([UInt8](repeating: 0x61, count: 1000)) }
        #expect(hasher.hexDigest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct SuggestionTests {
    @Test func closeWordsAreSuggested() {
        #expect(Suggestion.closest(to: "unitcost", in: ["unit_cost", "price"]) == "unit_cost")
        #expect(Suggestion.closest(to: "pirce", in: ["unit_cost", "price"]) == "price")
        #expect(Suggestion.closest(to: "zzzz", in: ["unit_cost", "price"]) == nil)
        // Far longer than every key: no edit-distance match, but the key inside it is found.
        #expect(Suggestion.closest(to: "the_unit_cost_of", in: ["unit_cost", "price"]) == "unit_cost")
        #expect(Suggestion.closest(to: String(repeating: "q", count: 10_000), in: ["unit_cost", "price"]) == nil)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("ab", "ba") == 1)
    }
}

@Suite struct AddScaledTests {
    /// y += a·x two at a time gives the plain loop's bits, element by element, for even and odd
    /// counts (the last element alone) and none; a slip of one index or lane would fail.
    @Test(arguments: [0, 1, 2, 5, 8, 33])
    func sameBitsAsThePlainLoop(count: Int) {
        var rng = Xoshiro256(seed: UInt64(count) + 7)
        let x = (0..<count).map { _ in rng.nextUnit() * 1e3 - 500 }
        let start = (0..<count).map { _ in rng.nextUnit() * 1e6 }
        let a = 0.1 + rng.nextUnit()
        var plain = start, packed = start
        for i in 0..<count { plain[i] += a * x[i] }
        x.withUnsafeBufferPointer { x in
            packed.withUnsafeMutableBufferPointer { y in
                if let xs = x.baseAddress, let ys = y.baseAddress { addScaled(a, xs, to: ys, count: count) }
            }
        }
        #expect(plain.map(\.bitPattern) == packed.map(\.bitPattern))
    }
}

@Suite struct ExpTests {
    @Test func withinOneUlpOfTheCLibrary() {
        // glibc's exp is correctly rounded in nearly all cases (its documentation claims < 1 ulp).
        var rng = Xoshiro256(seed: 2)
        var worst = 0.0
        for _ in 0..<200_000 {
            let x = (rng.nextUnit() - 0.5) * 1_400
            let ours = Math.exp(x)
            let reference = Math.libraryExp(x)
            worst = max(worst, abs(ours - reference) / reference.ulp)
        }
        #expect(worst <= 1)
        #expect(Math.exp(0) == 1)
        #expect(Math.exp(1) == 2.718281828459045)
        #expect(Math.exp(-745.2) == Math.libraryExp(-745.2))
        // The models' e^x is this one.
        #expect(Math.exp(0.3) == Exp.core(0.3))
        #expect(Math.exp(710) == .infinity)
    }
}

extension ExpTests {
    @Test func twoLanesGiveTheSameBitsAsOne() {
        var rng = Xoshiro256(seed: 4)
        for _ in 0..<50_000 {
            let a = (rng.nextUnit() - 0.5) * 1_400
            let b = (rng.nextUnit() - 0.5) * 20
            let pair = Exp.core(SIMD2(a, b))
            #expect(pair[0] == Exp.core(a) && pair[1] == Exp.core(b))
        }
    }
}
