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

    @Test func ninetyPercentZ() {
        #expect(abs(Normal.z95 - 1.644853626951472714863849) < 1e-15)
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

@Suite struct ExpTests {
    @Test func withinOneUlpOfTheCLibrary() {
        // glibc's exp is correctly rounded in nearly all cases (its documentation claims < 1 ulp).
        var rng = Xoshiro256(seed: 2)
        var worst = 0.0
        for _ in 0..<200_000 {
            let x = (rng.nextUnit() - 0.5) * 1_400
            let ours = Exp.exp(x)
            let reference = Math.libraryExp(x)
            worst = max(worst, abs(ours - reference) / reference.ulp)
        }
        #expect(worst <= 1)
        #expect(Exp.exp(0) == 1)
        #expect(Exp.exp(1) == 2.718281828459045)
        #expect(Exp.exp(-745.2) == Math.libraryExp(-745.2))
        // The models' e^x is this one.
        #expect(Math.exp(0.3) == Exp.core(0.3))
        #expect(Exp.exp(710) == .infinity)
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
