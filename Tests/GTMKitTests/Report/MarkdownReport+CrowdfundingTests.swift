/// Crowdfunding (MarkdownReport+Crowdfunding.swift): the decision and its reasons, where the backers come from, the tiers, the money.
import Testing
@testable import GTMKit

@Suite struct MarkdownCrowdfundingTests {
    /// Modian (6% + 1%, no fee a pledge), ¥50,000 of fixed costs, no inventory (so no MOQ): the minimum raise is
    /// 50,000 ÷ ((1 − 5% dropped) × (1 − 7%)) = 50,000 ÷ 0.8835 = ¥56,593.10. 10,000 subscribers × 5% = 500 backers.
    static let campaign = ReportFixtures.lamp(with: ["fixed_costs: 50k"]) + modian(list: "10k", tiers: """
            - name: Early bird
              price: 300
              limit: 100
            - name: Standard
              price: 400

        """)

    /// 2,000 subscribers × 5% = 100 backers, one tier at ¥400.
    static let small = ReportFixtures.lamp(with: ["fixed_costs: 50k"]) + modian(list: "2000", tiers: """
            - name: Standard
              price: 400

        """)

    /// A campaign on Modian from 4 January 2027 (30 days: to 2 February), rewards shipping 2 weeks after it ends (16 February),
    /// with `list` email subscribers; `tiers` are the items of its `tiers:` list, indented by four spaces.
    static func modian(list: String, tiers: String) -> String {
        """
        crowdfunding:
          platform: modian
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
          start: 2027-01-04
          email_list: \(list)
          fulfillment_lead: 2 weeks
          tiers:
        \(tiers)
        """
    }

    static func report(_ text: String, sets: [String] = []) throws -> (report: MarkdownReport, campaign: Campaign) {
        try ReportFixtures.report(text, sets: sets, part: \.crowdfunding)
    }

    @Test func recommendedByHand() throws {
        let (report, campaign) = try Self.report(Self.campaign)
        // 100 early birds at ¥300 and the other 400 at ¥400: ¥30,000 + ¥160,000 = ¥190,000 pledged. A third, ¥63,333, in the
        // first 48 hours: rounded down to two figures, a goal of ¥63,000, above the minimum raise. 190,000 × 95% = 180,500
        // collected, less 7% (¥12,635): ¥167,865 net. 30 days from 4 January: to 2 February.
        #expect(report.crowdfundingDecision(campaign) == """
            **Crowdfunding:** run it on Modian (摩点) from 4 January 2027 to 2 February 2027 with a goal of **¥63,000**; expect ¥190,000 \
            pledged and ¥167,865 net.
            """)
        let section = report.crowdfundingSection(campaign)
        // The list's 5% is one value: σ = 0.21070 (its published 5–10%); chance Φ(ln(190,000 ÷ 63,000) ÷ 0.21070) = Φ(5.24)
        // → 100%. Contribution: ¥167,865 net less 475 units × ¥100 = ¥120,365. First 48 hours: 63,333.33 ÷ 63,000 = 100.5%.
        #expect(section.hasPrefix("""
            ## Crowdfunding\n\n**Recommended.** Publish a goal of **¥63,000** on Modian (摩点). The pledges reach the goal of ¥63,000 with \
            a 100% chance, above the 80% the rule asks (`crowdfunding.min_chance`); the goal is a third of the median pledges \
            (¥190,000), rounded down, so that the campaign funds in its first days. Where a conversion is a single value, the chance adds \
            its published spread (email subscribers back at 5–10%, reservation holders at 35–45%: LaunchBoom); a conversion given as a \
            range spreads through the simulated launches. It nets ¥167,865 after fees; \
            the units owed cost ¥47,500 at unit cost, so the campaign adds ¥120,365 to the launch. As an indicator, the first 48 hours \
            should bring about ¥63,333, 100.5% of the goal (campaigns past 20–30% of their goal in two days mostly fund).\n\n
            """))
        #expect(section.contains("never below the minimum raise: the pledges that net the fixed costs (¥50,000) and a first batch at MOQ"))
        #expect(section.contains("With `run: auto` the plan follows the rule."))
        #expect(!section.contains("Not in the plan") && !section.contains("Kickstarter"))
        #expect(ReportReading.row(section, "From the email list") == ["From the email list", "500"])
        #expect(ReportReading.row(section, "From paid reservations") == ["From paid reservations", "0"])
        #expect(ReportReading.row(section, "**Backers**") == ["**Backers**", "**500**"])
        #expect(ReportReading.row(section, "Turned away (tiers sold out)") == nil)
        #expect(ReportReading.row(section, "Early bird") == ["Early bird", "¥300", "100", "100", "1", "¥30,000"])
        #expect(ReportReading.row(section, "Standard") == ["Standard", "¥400", "unlimited", "400", "1", "¥160,000"])
        // 5% of 190,000 = 9,500 dropped; 6% and 1% of 180,500: 10,830 and 1,805.
        #expect(ReportReading.row(section, "Dropped pledges (5%)") == ["Dropped pledges (5%)", "−¥9,500"])
        #expect(ReportReading.row(section, "Collected") == ["Collected", "¥180,500"])
        #expect(ReportReading.row(section, "Platform fee (6%)") == ["Platform fee (6%)", "−¥10,830"])
        #expect(ReportReading.row(section, "**Net**") == ["**Net**", "**¥167,865**"])
        // 500 pledges × 1 unit × 95% collected = 475 units.
        #expect(ReportReading.row(section, "Units owed to backers") == ["Units owed to backers", "475"])
        #expect(ReportReading.row(section, "Minimum raise") == ["Minimum raise", "¥56,593"])
        #expect(ReportReading.row(section, "First-48-hour pledges (a third of the pledges)")
                == ["First-48-hour pledges (a third of the pledges)", "¥63,333"])
        #expect(ReportReading.row(section, "**Goal**") == ["**Goal**", "**¥63,000**"])
        #expect(ReportReading.row(section, "Campaign") == ["Campaign", "2027-01-04 – 2027-02-02"])
        // 2 February + 14 days.
        #expect(ReportReading.row(section, "Rewards ship") == ["Rewards ship", "2027-02-16"])
    }

    @Test func notRecommendedSaysWhatWouldCloseTheGap() throws {
        let (report, campaign) = try Self.report(Self.small, sets: ["crowdfunding.cost_per_lead=2"])
        // 100 × ¥400 = ¥40,000 against the goal of ¥57,000 (the minimum raise ¥56,593.10 rounded up):
        // chance Φ(ln(40,000 ÷ 57,000) ÷ 0.21070) = Φ(−1.6806) = 4.64%.
        #expect(report.crowdfundingDecision(campaign) == """
            **Crowdfunding:** not on these numbers, so the plan leaves it out: a 4.64% chance of reaching the ¥57,000 goal, below the \
            80% the rule asks.
            """)
        let section = report.crowdfundingSection(campaign)
        // To reach 80%: the median must reach 57,000 ÷ e^(−0.84162 × 0.21070) = 57,000 ÷ 0.83750 = ¥68,059.50: ¥28,059.50
        // more at ¥400 = 70.149 backers, ÷ 5% = 1,402.98 → 1,403 subscribers, × ¥2 a lead = ¥2,806. Contribution: 40,000 ×
        // 95% × 93% = ¥35,340 net less 95 units × ¥100 = ¥25,840.
        #expect(section.contains("""
            **Not recommended on these numbers.** The pledges reach the goal of ¥57,000 with a 4.64% chance, below the 80% the rule \
            asks (`crowdfunding.min_chance`); the goal is the minimum raise, ¥56,593, rounded up: what the campaign must pledge to net \
            the fixed costs and a first batch at MOQ.
            """))
        #expect(section.contains("It nets ¥35,340 after fees; the units owed cost ¥9,500 at unit cost, so the campaign adds ¥25,840"))
        #expect(section.contains("""
            To bring the chance up to the rule's, grow the email list by about 1,403 subscribers (at its conversion rate, about ¥2,806 \
            at `cost_per_lead`), or collect more paid reservations.
            """))
        #expect(section.contains("**Not in the plan.** The first batch, the timeline and every later number are planned without the campaign "
                                 + "(`crowdfunding.run: auto`)"))
        // ¥13,000 would be below the minimum raise: the goal is the minimum raise rounded up to two figures.
        #expect(ReportReading.row(section, "**Goal**") == ["**Goal**", "**¥57,000**"])
        #expect(!report.render().contains("campaign opens"))
    }

    @Test func runYesAndRunNoOverrideTheVerdict() throws {
        let (kept, keptCampaign) = try Self.report(Self.small, sets: ["crowdfunding.run=yes"])
        #expect(kept.crowdfundingDecision(keptCampaign) == """
            **Crowdfunding:** in the plan because `crowdfunding.run: yes`, though the numbers do not recommend it (a 4.64% chance of \
            reaching the ¥57,000 goal, below the 80% the rule asks); goal **¥57,000**.
            """)
        #expect(!kept.crowdfundingSection(keptCampaign).contains("Not in the plan"))
        #expect(kept.warningsSection().contains("- **campaign_not_recommended**: "))
        let (left, leftCampaign) = try Self.report(Self.campaign, sets: ["crowdfunding.run=no"])
        #expect(left.crowdfundingDecision(leftCampaign) == """
            **Crowdfunding:** recommended (goal ¥63,000), but left out of the plan (`crowdfunding.run: no`): the batch, dates and money \
            below are without it.
            """)
        #expect(left.crowdfundingSection(leftCampaign).contains("without the campaign (`crowdfunding.run: no`)"))
    }

    @Test func theFunnelAndTiersThatSellOut() throws {
        let text = Self.campaign.replacingOccurrences(of: """
              tiers:
                - name: Early bird
                  price: 300
                  limit: 100
                - name: Standard
                  price: 400
            """, with: """
              reservations: 200
              organic_share: 25%
              tiers:
                - name: Early bird
                  price: 300
                  limit: 600
            """)
        let (report, campaign) = try Self.report(text)
        let section = report.crowdfundingSection(campaign)
        // 500 from the list, 200 × 35% = 70 reservations; the platform's 25% of all: 570 ÷ 75% = 760, so 190 of them.
        #expect(ReportReading.row(section, "From paid reservations") == ["From paid reservations", "70"])
        #expect(ReportReading.row(section, "From the platform itself") == ["From the platform itself", "190"])
        // One tier of 600: 160 turned away.
        #expect(ReportReading.row(section, "Turned away (tiers sold out)") == ["Turned away (tiers sold out)", "−160"])
        #expect(ReportReading.row(section, "**Backers**") == ["**Backers**", "**600**"])
        // 600 × ¥300 = ¥180,000; a third is ¥60,000, above ¥56,593.10: the goal ¥60,000, which the first 48 hours bring.
        #expect(section.contains("As an indicator, the first 48 hours should bring about ¥60,000, 100% of the goal"))
        #expect(section.contains("The tiers' limits turn about 160 backers away."))
        #expect(ReportReading.row(section, "Early bird") == ["Early bird", "¥300", "600", "600", "1", "¥180,000"])
        // 600 × 95% = 570 units owed.
        #expect(ReportReading.row(section, "Units owed to backers") == ["Units owed to backers", "570"])
    }

    @Test func chineseDecisionAndSection() throws {
        let (report, campaign) = try Self.report(Self.campaign, sets: ["scenario.language=zh"])
        let decision = report.crowdfundingDecision(campaign)
        // The goal in full digits; pledged and net with 万: ¥190,000 = ¥19万, ¥167,865 = ¥16.79万.
        #expect(decision.hasPrefix("**众筹**：建议在"))
        #expect(decision.hasSuffix("于2027年1月4日至2027年2月2日发起，目标金额 **¥6.3万**；预计认筹¥19万，净得¥16.79万。"))
        let section = report.crowdfundingSection(campaign)
        #expect(section.hasPrefix("## 众筹\n\n**建议众筹**。"))
        // ¥63,333 = ¥6.33万 against the ¥63,000 goal (¥6.3万): 100.5%.
        #expect(section.contains("作为参考指标，前48小时预计认筹约¥6.33万，为目标的100.5%（两天内达到目标20–30%的众筹大多成功）。"))
        #expect(section.contains("认筹额达到目标¥6.3万的概率为100%，高于规则要求的80%（`crowdfunding.min_chance`）"))
        #expect(ReportReading.row(section, "来自私域/社群名单") == ["来自私域/社群名单", "500"])
        #expect(ReportReading.row(section, "Standard") == ["Standard", "¥400", "不限", "400", "1", "¥16万"])
        #expect(ReportReading.row(section, "扣款失败（5%）") == ["扣款失败（5%）", "−¥9,500"])
        #expect(ReportReading.row(section, "**净得**") == ["**净得**", "**¥16.79万**"])
        #expect(ReportReading.row(section, "**目标金额**") == ["**目标金额**", "**¥6.3万**"])
        // Modian pays out 10 days after rewards ship (16 February): 26 February.
        #expect(report.keyDates() == "**关键日期**：2027-01-04 众筹开始；2027-02-02 众筹结束；2027-02-26 众筹款到账；2027-03-15 上市。")
    }

    @Test func noCampaignNoSection() throws {
        let report = try ReportFixtures.report(minimal)
        #expect(report.plan.crowdfunding == nil)
        #expect(!report.render().contains("## Crowdfunding"))
        #expect(!report.decisionLines().contains { $0.hasPrefix("**Crowdfunding:**") })
        #expect(!report.summary().contains("Crowdfunding pledged"))
    }
}
