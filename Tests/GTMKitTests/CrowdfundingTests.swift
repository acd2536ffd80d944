import Testing
@testable import GTMKit

/// A scenario with a crowdfunding section; `campaign` is the section's body (indented two spaces).
func campaignPlan(currency: String = "USD", price: Int = 189, cost: Int = 68, fixed: String = "0",
                  inventory: String = "", _ campaign: String) throws -> Plan {
    let text = """
    scenario:
      currency: \(currency)
    product:
      name: Camera
      price: \(price)
      unit_cost: \(cost)
      fixed_costs: \(fixed)
    launch:
      date: 2027-06-01
    \(inventory)crowdfunding:
    \(campaign)
    """
    return Planner.plan(try decode(text))
}

@Suite struct CrowdfundingTests {
    @Test func kickstarterFeesIncludeThePerPledgeFee() throws {
        // 10,000 subscribers × 10% = 1,000 backers at $149: pledged $149,000; 5% drop → $141,550 collected.
        // Platform 5% = $7,077.50; payment 950 paying × ($149 × 3% + $0.20) = 950 × $4.67 = $4,436.50.
        // Fees $11,514; net $141,550 − $11,514 = $130,036.
        let plan = try campaignPlan("""
          platform: kickstarter
          start: 2027-02-01
          email_list: 10000
          list_conversion: 10%
          dropped_pledges: 5%
          tiers:
            - name: Backer
              price: 149
        """)
        #expect(plan[.backers] == 1_000)
        #expect(plan[.pledged] == 149_000)
        #expect(abs(plan[.collected]! - 141_550) < 1e-9)
        #expect(abs(plan[.platformFees]! - 7_077.5) < 1e-9)
        #expect(abs(plan[.paymentFees]! - 4_436.5) < 1e-9)
        #expect(abs(plan[.net]! - 130_036) < 1e-9)
        #expect(abs(plan[.crowdfundingUnits]! - 950) < 1e-9)
    }

    @Test func kickstarterMicropledgesUnderTenDollars() throws {
        // 1,000 pledges of $5, none dropped: platform 5% of $5,000 = $250; payment 1,000 × ($5 × 5% + $0.05) = $300.
        let plan = try campaignPlan("""
          platform: kickstarter
          start: 2027-02-01
          email_list: 10000
          list_conversion: 10%
          dropped_pledges: 0
          tiers:
            - name: Sticker
              price: 5
        """)
        #expect(abs(plan[.paymentFees]! - 300) < 1e-9)
        #expect(abs(plan[.net]! - 4_450) < 1e-9)
    }

    @Test func tiersFillCheapestFirstUpToTheirLimits() throws {
        // 2,000 backers into 300 @ $119, 1,000 @ $139 and 500 @ $149 (listed out of order):
        // 300 + 1,000 + 500 pledge, 200 are turned away. Pledged 35,700 + 139,000 + 74,500 = $249,200.
        let plan = try campaignPlan("""
          platform: kickstarter
          start: 2027-02-01
          email_list: 20000
          list_conversion: 10%
          tiers:
            - name: Retail
              price: 149
              limit: 500
            - name: Super early
              price: 119
              limit: 300
            - name: Early
              price: 139
              limit: 1000
        """)
        let campaign = try #require(plan.crowdfunding)
        #expect(campaign.tiers.map(\.name) == ["Super early", "Early", "Retail"])
        #expect(campaign.tiers.map(\.pledges) == [300, 1_000, 500])
        #expect(plan[.backers] == 1_800)
        #expect(campaign.backersTurnedAway == 200)
        #expect(plan[.pledged] == 249_200)
        #expect(plan.warnings.contains(.tiersSoldOut(backers: 200)))
    }

    @Test func organicShareIsAShareOfAllBackers() throws {
        // You bring 10,000 × 5% + 400 × 40% = 500 + 160 = 660; they are 75% of all backers:
        // 660 ÷ 0.75 = 880 backers, 220 of them from the platform.
        let plan = try campaignPlan("""
          platform: indiegogo
          start: 2027-02-01
          email_list: 10000
          list_conversion: 5%
          reservations: 400
          reservation_conversion: 40%
          organic_share: 25%
          tiers:
            - name: Backer
              price: 150
        """)
        let campaign = try #require(plan.crowdfunding)
        #expect(abs(plan[.backers]! - 880) < 1e-9)
        #expect(abs(campaign.organicBackers - 220) < 1e-9)
        #expect(abs(campaign.listBackers - 500) < 1e-9)
        #expect(abs(campaign.reservationBackers - 160) < 1e-9)
    }

    /// Modian in CNY: fixed costs ¥100,000 + MOQ 1,000 × ¥150 = ¥250,000 to net.
    /// Fees 6% + 1% and 5% dropped: minimum raise = 250,000 ÷ (0.95 × 0.93) = ¥282,965.4782 (exact fractions).
    func modian(backers: Int) throws -> Plan {
        let plan = try campaignPlan(currency: "CNY", price: 399, cost: 150, fixed: "100k",
                                    inventory: "inventory:\n  lead_time: 6 weeks\n  forecast: 2000\n  moq: 1000\n", """
          platform: modian
          start: 2027-01-10
          email_list: \(backers * 10)
          list_conversion: 10%
          dropped_pledges: 5%
          tiers:
            - name: 早鸟
              price: 299
        """)
        _ = try #require(plan.crowdfunding)
        return plan
    }

    @Test func theTornadoMovesTheBatchWithTheBackersAnInputBrings() throws {
        // Only the list's conversion is uncertain; retail demand is a fixed forecast. Known at
        // its P10 or P90, it changes the units owed to backers by 10,000 × (P90 − P10) (one unit
        // a pledge, none dropped), and the batch holds them: the row's swing is that, to the unit.
        let plan = try campaignPlan(inventory: "inventory:\n  lead_time: 6 weeks\n  forecast: 2000\n", """
          platform: kickstarter
          run: yes
          start: 2027-02-01
          email_list: 10000
          list_conversion: 4% to 8%
          dropped_pledges: 0
          tiers:
            - name: Backer
              price: 149
        """)
        let row = try #require(plan.uncertainty?.tornado.first { $0.input == "crowdfunding.list_conversion" })
        let backers = 10_000 * (row.inputHigh - row.inputLow)
        #expect(backers > 300)
        #expect(abs(row.outputAtHigh - row.outputAtLow - backers) <= 1)
    }

    @Test func aLaunchWithNothingToCoverSaysSo() throws {
        // No fixed costs and no batch: the minimum raise is $0, and the reason says so instead
        // of "— of the minimum raise ($0)".
        let plan = try campaignPlan("""
          platform: kickstarter
          start: 2027-02-01
          email_list: 10000
          list_conversion: 10%
          tiers:
            - name: Backer
              price: 149
        """)
        #expect(plan[.minimumRaise] == 0)
        let report = MarkdownReport(plan).render()
        #expect(report.contains("the launch has no fixed costs or minimum batch to cover"))
        #expect(!report.contains("— of the minimum raise"))
        // Nor when no one backs it: too few backers, said without a share of $0.
        let none = MarkdownReport(try campaignPlan("""
          platform: kickstarter
          start: 2027-02-01
          email_list: 0
          tiers:
            - name: Backer
              price: 149
        """)).render()
        #expect(none.contains("The backers you bring are too few: the first 48 hours should bring about $0 in pledges"))
        #expect(!none.contains("— of the minimum raise"))
    }

    @Test func minimumRaiseCoversFixedCostsAndTheMOQBatch() throws {
        let plan = try modian(backers: 3_000)
        #expect(plan.crowdfunding?.neededNet == 250_000)
        #expect(abs(plan[.minimumRaise]! - 282_965.4782116582) < 1e-6)
    }

    @Test func recommendedWhenTheFirstTwoDaysCoverTheMinimumRaise() throws {
        // 3,000 × ¥299 = ¥897,000 pledged; the first 48 hours bring a third, ¥299,000 ≥ ¥282,965.
        // Goal: ¥299,000 down to two significant digits = ¥290,000, and the minimum raise up = ¥290,000.
        let plan = try modian(backers: 3_000)
        #expect(plan.flag(.recommended))
        #expect(plan[.firstTwoDays] == 299_000)
        #expect(plan[.goal] == 290_000)
    }

    @Test func notRecommendedWhenTheListIsTooSmall() throws {
        // 1,000 backers: ¥299,000 pledged, ¥99,666.67 in 48 hours = 35.2% of the minimum raise.
        // The goal never goes below the minimum raise: max(¥99,000, ¥290,000) = ¥290,000.
        // To pass it: 3 × 282,965.49 ÷ ¥299 = 2,839.1185 backers, 1,839.1185 more, ÷ 10% = 18,391.185 subscribers.
        let plan = try modian(backers: 1_000)
        #expect(!plan.flag(.recommended))
        #expect(plan[.goal] == 290_000)
        guard case .growList(let subscribers, _) = plan.crowdfunding?.reasons.dropFirst().first else {
            Issue.record("expected a growList reason")
            return
        }
        #expect(abs(subscribers - 18_391.185104848646) < 1e-6)
    }

    @Test func roundFigures() {
        #expect(CrowdfundingModel.roundDown(41_237) == 41_000)
        #expect(CrowdfundingModel.roundDown(1_234_567) == 1_200_000)
        #expect(CrowdfundingModel.roundDown(87) == 87)
        #expect(CrowdfundingModel.roundUp(282_965.49) == 290_000)
        #expect(CrowdfundingModel.roundUp(290_000) == 290_000)
    }

    @Test func datesAndRewardsAfterLaunch() throws {
        // 30 days from 2027-01-10: the last day is 2027-02-08. Without a fulfillment lead rewards
        // ship when the batch holding them is in the warehouse: ordered 6 weeks before the
        // 2027-06-01 launch, it arrives on launch day. With a 20-week fulfillment lead from
        // 2027-02-08 they ship 2027-06-28, after the launch: a warning (the campaign is kept in
        // the plan with `run: yes`, as its numbers alone would leave it out).
        let on = try #require(try modian(backers: 3_000).crowdfunding)
        #expect(on.end == CivilDate(year: 2027, month: 2, day: 8))
        #expect(on.fulfillment == CivilDate(year: 2027, month: 6, day: 1))
        let late = try campaignPlan("""
          platform: kickstarter
          run: yes
          start: 2027-01-10
          fulfillment_lead: 20 weeks
          tiers:
            - name: Backer
              price: 149
        """)
        #expect(late.crowdfunding?.fulfillment == CivilDate(year: 2027, month: 6, day: 28))
        #expect(late.warnings.contains(.rewardsAfterLaunch(fulfillment: CivilDate(year: 2027, month: 6, day: 28)!,
                                                           launch: CivilDate(year: 2027, month: 6, day: 1)!)))
    }

    @Test func pledgedUnitsFlowIntoTheFirstBatch() throws {
        // 3,000 backers × 95% collected = 2,850 units owed, added to the newsvendor quantity.
        let withCampaign = try campaignPlan(currency: "CNY", price: 399, cost: 150,
                                            inventory: "inventory:\n  lead_time: 6 weeks\n  forecast: 2000\n  forecast_sd: 500\n", """
          platform: modian
          start: 2027-01-10
          email_list: 30000
          list_conversion: 10%
          tiers:
            - name: 早鸟
              price: 299
        """)
        #expect(abs(withCampaign[.pledgedUnits]! - 2_850) < 1e-9)
        #expect(withCampaign[.pledgedUnits] == withCampaign[.crowdfundingUnits])
        #expect(withCampaign[.firstBatchUnits] == (withCampaign[.newsvendorUnits]! + 2_850 - 1e-7).rounded(.up))
    }

    @Test func platformsWithoutPublishedFeesMustBeGivenThem() {
        let text = minimal + "crowdfunding:\n  platform: jd\n  start: 2027-01-10\n  tiers:\n    - name: A\n      price: 299\n"
        #expect(errors(text) == ["8:13: `jd` has no published fees, so `crowdfunding` must give `platform_fee` and `payment_fee`"])
        let given = text.replacingOccurrences("platform: jd", with: "platform: jd\n  platform_fee: 5%\n  payment_fee: 1%")
        #expect(errors(given) == [])
    }

    @Test func kickstartersDollarFeeNeedsAnAmountInAnotherCurrency() {
        let text = minimal + "crowdfunding:\n  platform: kickstarter\n  start: 2027-01-10\n  tiers:\n    - name: A\n      price: 299\n"
        #expect(errors(text) == ["8:13: kickstarter's per-pledge fee is 0.2 USD, but the scenario is in CNY"])
        #expect(errors(text.replacingOccurrences("platform: kickstarter", with: "platform: kickstarter\n  payment_fixed: 1.40")) == [])
    }
}
