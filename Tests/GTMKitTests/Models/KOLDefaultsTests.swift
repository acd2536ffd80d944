/// `KOLTierDefaults`: the engagement, view, click and conversion rates and lead time a creator tier takes by name or followers.
import Testing
@testable import GTMKit

@Suite struct KOLDefaultsTests {
    @Test func everyPublishedFigureOfTheReadme() {
        // The README's "KOL plan" table. Engagement: Statista/HypeAuditor 2025 via organicmediabuying.com (4.8% … 1.2%);
        // view rate: untapper.com's 10–20% → 15%; click rate: link-in-bio 1–3% → 2%; conversion: Digital Applied via
        // lookfluence.com (nano 2.41%, micro 2.18%, macro 1.42%, mega 0.91%); lead time: truleado.com's 6–10 weeks.
        #expect(KOLTierDefaults.nano == KOLTierDefaults(name: "nano", engagement: 0.048, viewRate: 0.15, clickRate: 0.02,
                                                        conversion: 0.0241, leadTimeDays: 6 * 7))
        #expect(KOLTierDefaults.micro == KOLTierDefaults(name: "micro", engagement: 0.024, viewRate: 0.15, clickRate: 0.02,
                                                         conversion: 0.0218, leadTimeDays: 7 * 7))
        #expect(KOLTierDefaults.mid == KOLTierDefaults(name: "mid", engagement: 0.018, viewRate: 0.15, clickRate: 0.02,
                                                       conversion: 0.018, leadTimeDays: 8 * 7))
        #expect(KOLTierDefaults.macro == KOLTierDefaults(name: "macro", engagement: 0.015, viewRate: 0.15, clickRate: 0.02,
                                                         conversion: 0.0142, leadTimeDays: 9 * 7))
        #expect(KOLTierDefaults.mega == KOLTierDefaults(name: "mega", engagement: 0.012, viewRate: 0.15, clickRate: 0.02,
                                                        conversion: 0.0091, leadTimeDays: 10 * 7))
        // Mid's conversion, not published, lies between micro's and macro's: (2.18% + 1.42%) ÷ 2 = 1.80%.
        #expect(abs(KOLTierDefaults.mid.conversion - (0.0218 + 0.0142) / 2) < 1e-15)
        // The table in order, smallest creators first.
        #expect(KOLTierDefaults.all.map(\.name) == ["nano", "micro", "mid", "macro", "mega"])
    }

    @Test func namesAliasesAndCase() {
        // Western names, and the Xiaohongshu tiers by their follower ranges: 素人/koc (under 10k) → nano,
        // 尾部/tail (10k–50k) → micro, 腰部/mid (50k–500k) → mid, 头部/head (over 500k) → macro.
        let expected: [(String, String)] = [
            ("nano", "nano"), ("KOC", "nano"), ("kocs", "nano"), ("素人", "nano"),
            ("Micro", "micro"), ("tail", "micro"), ("尾部", "micro"),
            ("MID", "mid"), ("腰部", "mid"), ("mid-tier", "mid"), ("middle", "mid"),
            ("macro", "macro"), ("Head", "macro"), ("头部", "macro"),
            ("mega", "mega"), ("celebrity", "mega"), ("明星", "mega"),
        ]
        for (name, tier) in expected {
            #expect(KOLTierDefaults.named(name)?.name == tier, "\(name)")
        }
        // A name gtm does not know has no row (the line then takes its follower count's).
        for name in ["vip", "", "macro influencer", "腰部达人"] {
            #expect(KOLTierDefaults.named(name) == nil, "\(name)")
        }
    }

    @Test func followerBoundsBelongToTheLargerTier() {
        // nano under 10k, micro to 50k, mid to 500k, macro to 1M, mega above: each bound opens the next tier.
        let expected: [(Double, String)] = [
            (0, "nano"), (9_999, "nano"), (10_000, "micro"), (49_999, "micro"), (50_000, "mid"), (499_999, "mid"),
            (500_000, "macro"), (999_999, "macro"), (1_000_000, "mega"), (80_000_000, "mega"),
        ]
        for (followers, tier) in expected {
            #expect(KOLTierDefaults.forFollowers(followers).name == tier, "\(followers)")
        }
        // A Xiaohongshu 头部 creator (over 500k) and a Western creator with 600k followers take the same row.
        #expect(KOLTierDefaults.named("头部") == KOLTierDefaults.forFollowers(600_000))
    }
}
