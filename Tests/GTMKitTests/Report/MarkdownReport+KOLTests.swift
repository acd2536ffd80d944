/// The KOL plan, seed reviews and the pilot run (MarkdownReport+KOL.swift): who, for what, reaching whom, and when.
import Testing
@testable import GTMKit

@Suite struct MarkdownKOLTests {
    /// Ten micro posts with their rates given, so that the funnel is round: 20,000 followers × 20% seen = 4,000 a post.
    /// A lamp costing ¥100 launched on 15 March 2027 (`ReportFixtures.lamp()`).
    static let tier = ReportFixtures.lamp() + """
    kol:
      budget: 25k
      tiers:
        - tier: micro
          count: 10
          fee: 2000
          followers: 20k
          engagement: 5%
          view_rate: 20%
          click_rate: 5%
          conversion: 10%

    """

    /// Three candidates for a ¥10,000 budget, samples and testers' units from a pilot run, 35 reviews; `ReportFixtures.lamp()`.
    static let roster = ReportFixtures.lamp() + """
    pilot:
      ready: 2027-01-10
      unit_cost: 150
      extra: 5
    kol:
      budget: 10k
      roster:
        - name: Ann
          followers: 100k
          fee: 6000
        - name: Bo
          followers: 60k
          fee: 5000
        - name: Cy
          followers: 60k
          fee: 5000
    seed_reviews:
      target: 35

    """

    static func report(_ text: String, sets: [String] = []) throws -> (report: MarkdownReport, kol: KOLPlan) {
        try ReportFixtures.report(text, sets: sets, part: \.kol)
    }

    @Test func aTierByHand() throws {
        let (report, kol) = try Self.report(Self.tier)
        // Reach 10 × 20,000 × 20% = 40,000; engagements 10 × 20,000 × 5% = 10,000; buyers 40,000 × 5% × 10% = 200;
        // cost 10 × ¥2,000 = ¥20,000; ⌈10 ÷ 50%⌉ = 20 invitations. Micro's lead time is 7 weeks: the one line posts on launch
        // day (the end of the window), so it is invited 49 days before, 25 January.
        #expect(report.kolDecision(kol) == """
            **KOLs:** ¥20,000 of the ¥25,000 budget for micro: invite 20 creators for about 10 posts reaching 40,000 people and \
            bringing 200 buyers at launch; first invitations by 25 January 2027.
            """)
        let section = report.kolSection(kol)
        #expect(section.hasPrefix("## KOL plan\n\nPosts go live over the 2 weeks before launch, smallest audiences first;"))
        #expect(section.contains("so a tier's slots need `count ÷ acceptance` invitations."))
        // No pilot or batch: 10 samples bought as they ship, 10 × ¥100 (`ReportFixtures.lamp()`) = ¥1,000.
        #expect(section.contains("Each post needs a sample: 10 units bought as they ship (no pilot run or batch), ¥1,000 at cost."))
        #expect(!section.contains("candidates"))
        // The funnel as given, 20% × 5% × 10%; ¥20,000 ÷ 200 = ¥100 a buyer; ROAS 200 × ¥399 ÷ 20,000 = 3.99.
        #expect(ReportReading.row(section, "micro")
                == ["micro", "—", "20", "10", "20,000", "5%", "20% × 5% × 10%", "¥20,000", "40,000", "10,000", "200", "¥100", "4.0×"])
        #expect(ReportReading.row(section, "**Total**")
                == ["**Total**", "", "20", "10", "", "", "", "**¥20,000**", "40,000", "10,000", "200", "¥100", "4.0×"])
        // CPM 20,000 ÷ 40,000 × 1,000 = ¥500; CPE 20,000 ÷ 10,000 = ¥2; per buyer 20,000 ÷ 200 = ¥100.
        #expect(ReportReading.row(section, "Budget") == ["Budget", "¥25,000"])
        #expect(ReportReading.row(section, "CPM (cost per 1,000 reached)") == ["CPM (cost per 1,000 reached)", "¥500"])
        #expect(ReportReading.row(section, "CPE (cost per engagement)") == ["CPE (cost per engagement)", "¥2"])
        #expect(ReportReading.row(section, "Cost per buyer") == ["Cost per buyer", "¥100"])
        // From the invitation: contract at 25% of 49 days (12), sample at 37.5% (18), draft at 75% (37), review at 84% (41), post.
        #expect(ReportReading.rows(section, after: "### Schedule")
                == [["micro", "2027-01-25", "2027-02-06", "2027-02-12", "2027-03-03", "2027-03-07", "2027-03-15"]])
    }

    @Test func overBudgetIsSaid() throws {
        let (report, kol) = try Self.report(Self.tier, sets: ["kol.budget=15k"])
        // ¥20,000 against ¥15,000.
        #expect(ReportReading.row(report.kolSection(kol), "Budget") == ["Budget", "¥15,000 (over by ¥5,000)"])
        #expect(report.warningsSection().contains("- **kol_over_budget**: The KOL plan costs ¥20,000, ¥5,000 over the ¥15,000 budget."))
        // Without a budget, no budget row and no "of the budget".
        let text = Self.tier.replacingOccurrences(of: "  budget: 25k\n", with: "")
        let (free, freeKOL) = try Self.report(text)
        #expect(ReportReading.row(free.kolSection(freeKOL), "Budget") == nil)
        #expect(free.kolDecision(freeKOL).hasPrefix("**KOLs:** ¥20,000 for micro: invite 20 creators"))
    }

    @Test func aRosterPickByHand() throws {
        let (report, kol) = try Self.report(Self.roster)
        // Mid tier (50k–500k): view 15%, click 2%, conversion 1.8%. Ann: 100,000 × 15% × 2% × 1.8% = 5.4 buyers for ¥6,000;
        // Bo and Cy: 60,000 × … = 3.24 each for ¥5,000. Within ¥10,000, Bo and Cy (6.48) beat Ann alone (5.4).
        // Reach 2 × 60,000 × 15% = 18,000; 6.48 → 6 buyers. Named picks who all say yes: no "for …" before the invitations.
        #expect(report.kolDecision(kol) == """
            **KOLs:** ¥10,000 of the ¥10,000 budget: invite 2 creators for about 2 posts reaching 18,000 people and bringing 6 buyers \
            at launch; first invitations by 4 January 2027.
            """)
        let section = report.kolSection(kol)
        #expect(section.contains("""
            From 3 candidates gtm picked the 2 with the most expected buyers (`kol.objective`) whose expected cost (fee and commissions \
            × the chance they accept) fits the budget: the best possible pick (exact).
            """))
        // Roster picks have no acceptance sentence; samples from the pilot at ¥150: 2 × 150 = ¥300.
        #expect(!section.contains("`count ÷ acceptance`"))
        #expect(section.contains("Each post needs a sample: 2 units from the pilot run, ¥300 at cost."))
        // Engagement 60,000 × 1.8% = 1,080 (mid tier's rate).
        // The mid tier's funnel, 15% × 2% × 1.8%: 3.24 buyers, ¥5,000 ÷ 3.24 = ¥1,543.21 each, ROAS 3.24 × 399 ÷ 5,000 = 0.26.
        #expect(ReportReading.row(section, "Bo")
                == ["Bo", "—", "1", "1", "60,000", "1.8%", "15% × 2% × 1.8%", "¥5,000", "9,000", "1,080", "3.24", "¥1,543.21", "0.3×"])
        #expect(ReportReading.row(section, "Ann") == nil)
        // CPM 10,000 ÷ 18,000 × 1,000 = ¥555.56; CPE 10,000 ÷ 2,160 = ¥4.63; per buyer 10,000 ÷ 6.48 = ¥1,543.21.
        #expect(ReportReading.row(section, "CPM (cost per 1,000 reached)") == ["CPM (cost per 1,000 reached)", "¥555.56"])
        #expect(ReportReading.row(section, "CPE (cost per engagement)") == ["CPE (cost per engagement)", "¥4.63"])
        #expect(ReportReading.row(section, "Cost per buyer") == ["Cost per buyer", "¥1,543.21"])
        // Two posts over the 2 weeks before launch: 1 March and 15 March; mid lead time 8 weeks (56 days): invitations 56 days
        // before; contract +14, sample +21, draft +42, review +47.
        #expect(ReportReading.rows(section, after: "### Schedule") == [
            ["Bo", "2027-01-04", "2027-01-18", "2027-01-25", "2027-02-15", "2027-02-20", "2027-03-01"],
            ["Cy", "2027-01-18", "2027-02-01", "2027-02-08", "2027-03-01", "2027-03-06", "2027-03-15"],
        ])
    }

    @Test func seedReviewsAndThePilotRun() throws {
        let (report, _) = try Self.report(Self.roster)
        let seed = try #require(report.plan.seedReviews)
        // ⌈35 ÷ 35%⌉ = 100 testers. Back from launch: reviews posted 7 days before (8 March), trial 14 days before that
        // (22 February), units shipped 7 days earlier (15 February), recruiting 14 days before (1 February).
        #expect(report.seedDecision(seed) == """
            **Seed reviews:** recruit 100 beta testers from 1 February 2027 and ship their units by 15 February 2027, so that 35 \
            reviews are live by 15 March 2027.
            """)
        let section = report.seedSection(seed)
        #expect(section.contains("To have **35 reviews** live when it matters (15 March 2027), recruit **100 testers**: only 35% of testers"))
        // Tester units from the pilot at ¥150: 100 × 150 = ¥15,000, at the pilot's unit cost (not the product's).
        #expect(section.contains("Their units come to ¥15,000 at the pilot's unit cost."))
        #expect(ReportReading.rows(section, after: "| Step ") == [
            ["Recruit testers from", "2027-02-01"], ["Ship units by", "2027-02-15"], ["Trial starts (units arrive)", "2027-02-22"],
            ["Reviews posted by", "2027-03-08"], ["Reviews live by", "2027-03-15"], ["Testers / units", "100 / 100"],
            ["Cost of units", "¥15,000"],
        ])
        let pilot = report.pilotSection()
        #expect(pilot.contains("KOL samples and testers' units come from a pilot run ready by 10 January 2027, not from the first batch"))
        // 2 samples + 100 testers + 5 extra = 107 units, × ¥150 = ¥16,050.
        #expect(ReportReading.row(pilot, "KOL samples") == ["KOL samples", "2"])
        #expect(ReportReading.row(pilot, "Tester units") == ["Tester units", "100"])
        #expect(ReportReading.row(pilot, "Extra (photography, certification)") == ["Extra (photography, certification)", "5"])
        #expect(ReportReading.row(pilot, "**Pilot units**") == ["**Pilot units**", "**107**"])
        #expect(ReportReading.row(pilot, "Pilot run cost") == ["Pilot run cost", "¥16,050"])
        #expect(ReportReading.row(pilot, "Pilot units ready") == ["Pilot units ready", "2027-01-10"])
    }

    @Test func chineseDecisionAndTables() throws {
        let (report, kol) = try Self.report(Self.tier, sets: ["scenario.language=zh"])
        #expect(report.kolDecision(kol) == "**KOL**：¥2万（预算¥2.5万），micro：邀约20位达人，预计约10条内容，触达40,000人，带来200位上市买家；最早邀约日2027年1月25日。")
        let section = report.kolSection(kol)
        #expect(section.hasPrefix("## KOL 计划\n\n内容在上市前2周内陆续发布，粉丝少的先发；"))
        #expect(section.contains("每条内容需一件样品：共10件，寄出时采购（无试产或首批），成本¥1,000。"))
        // 20,000 = 2万, ¥20,000 = ¥2万, 40,000 = 4万, 10,000 = 1万; ¥25,000 = ¥2.5万.
        #expect(ReportReading.row(section, "micro")
                == ["micro", "—", "20", "10", "20,000", "5%", "20% × 5% × 10%", "¥2万", "40,000", "10,000", "200", "¥100", "4.0倍"])
        #expect(ReportReading.row(section, "预算") == ["预算", "¥2.5万"])
        #expect(ReportReading.row(section, "CPM（每千次触达成本）") == ["CPM（每千次触达成本）", "¥500"])
        let (seeded, _) = try Self.report(Self.roster, sets: ["scenario.language=zh"])
        let seed = try #require(seeded.plan.seedReviews)
        #expect(seeded.seedDecision(seed) == "**内测评论**：自2027年2月1日起招募100名内测用户，2027年2月15日前寄出产品，确保2027年3月15日前有35条评论上线。")
        #expect(ReportReading.row(seeded.pilotSection(), "**试产件数**") == ["**试产件数**", "**107**"])
    }

    @Test func noKOLNoSeedNoPilotNoSections() throws {
        let report = try ReportFixtures.report(minimal)
        #expect(report.plan.kol == nil && report.plan.seedReviews == nil)
        let whole = report.render()
        #expect(!whole.contains("## KOL plan") && !whole.contains("## Seed reviews") && !whole.contains("## Pilot run"))
        #expect(!report.decisionLines().contains { $0.hasPrefix("**KOLs:**") || $0.hasPrefix("**Seed reviews:**") })
        #expect(!report.summary().contains("KOL reach"))
    }
}
