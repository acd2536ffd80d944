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
        // 1,000 backers × $149 = $149,000 pledged: the goal is a third, $49,666.67, rounded down to $49,000.
        #expect(plan[.minimumRaise] == 0)
        #expect(plan[.goal] == 49_000)
        let report = MarkdownReport(plan).render()
        #expect(report.contains("the goal is a third of the median pledges ($149,000), rounded down, so that the campaign funds in its first days"))
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
        #expect(none.contains("No one is expected to back it: give the campaign an audience"))
        #expect(none.contains("**Crowdfunding:** not on these numbers, so the plan leaves it out: no one is expected to back it."))
        #expect(!none.contains("— of the minimum raise"))
    }

    @Test func minimumRaiseCoversFixedCostsAndTheMOQBatch() throws {
        let plan = try modian(backers: 3_000)
        #expect(plan.crowdfunding?.neededNet == 250_000)
        #expect(abs(plan[.minimumRaise]! - 282_965.4782116582) < 1e-6)
    }

    @Test func recommendedWhenThePledgesReachTheGoalWithTheChanceTheRuleAsks() throws {
        // 3,000 × ¥299 = ¥897,000 pledged; the goal is a third, ¥299,000, down to two significant digits = ¥290,000, and
        // the minimum raise ¥282,965.48 up = ¥290,000. The list's conversion is one value, so its published spread applies:
        // σ = ln(10% ÷ 5%) ÷ (2 × 1.6449) = 0.21070; chance Φ(ln(897,000 ÷ 290,000) ÷ 0.21070) = Φ(5.36) ≈ 100% ≥ 80%.
        // Contribution: collected 897,000 × 95% = 852,150, fees 7% = 59,650.50, net 792,499.50, less 2,850 units × ¥150 =
        // ¥427,500: ¥364,999.50 > 0.
        let plan = try modian(backers: 3_000)
        #expect(plan.flag(.recommended) && plan.flag(.inPlan))
        #expect(plan[.firstTwoDays] == 299_000)
        #expect(plan[.goal] == 290_000)
        #expect((plan[.goalProbability] ?? 0) > 0.999_999)
        #expect(abs((plan[.campaignContribution] ?? 0) - 364_999.5) < 1e-6)
        #expect(abs(CrowdfundingModel.listSpread - 0.21070178197089967) < 1e-15)
    }

    @Test func notRecommendedWhenTheListIsTooSmall() throws {
        // 1,000 backers: ¥299,000 pledged against a goal of ¥290,000 (the minimum raise, rounded up):
        // chance Φ(ln(299,000 ÷ 290,000) ÷ 0.21070) = Φ(0.14505) = 55.77% < 80%.
        // To reach 80%: the median must reach goal ÷ q, q = e^(−z₀.₈ × σ) = e^(−0.84162 × 0.21070) = 0.83750:
        // 290,000 ÷ 0.83750 = 346,267.65; 47,267.65 more pledged at ¥299 (the open tier) = 158.086 backers, ÷ 10% =
        // 1,580.858 subscribers.
        let plan = try modian(backers: 1_000)
        #expect(!plan.flag(.recommended) && !plan.flag(.inPlan))
        #expect(plan[.goal] == 290_000)
        #expect(abs((plan[.goalProbability] ?? 0) - 0.5576649712998895) < 1e-9)
        guard let grow = plan.crowdfunding?.reasons.first(where: { if case .growList = $0 { return true } else { return false } }),
              case .growList(let subscribers, _) = grow else {
            Issue.record("expected a growList reason")
            return
        }
        #expect(abs(subscribers - 1_580.8576940095465) < 1e-6)
    }

    @Test func theVerdictFollowsTheChanceAndAutoFollowsTheVerdict() throws {
        // The minimum raise is ¥282,965.48 (fixed ¥100,000 + MOQ 1,000 × ¥150 netted after 7% fees and 5% dropped).
        // 150% of it: 14,196 subscribers at 9.5%–10.5% (a range: the trials carry the spread) pledge about
        // 14,196 × 10% × ¥299 = ¥424,460; the goal ¥290,000 needs a conversion of 290,000 ÷ 299 ÷ 14,196 = 6.83%,
        // far below the range: 100%, recommended, and in the plan under `run: auto`.
        func plan(_ subscribers: Int) throws -> Plan {
            try campaignPlan(currency: "CNY", price: 399, cost: 150, fixed: "100k",
                             inventory: "inventory:\n  lead_time: 6 weeks\n  forecast: 2000\n  moq: 1000\n", """
              platform: modian
              dropped_pledges: 5%   # the hand figures below assume 5% dropped
              start: 2027-01-10
              email_list: \(subscribers)
              list_conversion: 9.5% to 10.5%
              tiers:
                - name: 早鸟
                  price: 299
            """)
        }
        let strong = try plan(14_196)
        #expect(abs((strong[.pledged] ?? 0) / 282_965.4782116582 - 1.5) < 0.02)
        #expect(strong[.goalProbability] == 1)
        #expect(strong.flag(.recommended) && strong.flag(.inPlan))
        #expect((strong[.pledgedUnits] ?? 0) > 0)
        // 90%: 8,517 subscribers pledge about ¥254,669; the goal needs 290,000 ÷ 299 ÷ 8,517 = 11.39%, above the range: no.
        let weak = try plan(8_517)
        #expect(abs((weak[.pledged] ?? 0) / 282_965.4782116582 - 0.9) < 0.02)
        #expect((weak[.goalProbability] ?? 1) < 0.01)
        #expect(!weak.flag(.recommended) && !weak.flag(.inPlan))
        #expect(weak[.pledgedUnits] == 0)
        #expect(weak.warnings.contains(.campaignNotRecommended) == false)
    }

    @Test func aCampaignThatCostsTheLaunchIsNotRecommended() throws {
        // Backers pledge ¥99 for a unit that costs ¥150: 3,000 × ¥99 = ¥297,000 collected at 95% = ¥282,150, net of 7% =
        // ¥262,399.50, less 2,850 units × ¥150 = ¥427,500: −¥165,100.50. Its chance is high (no fixed costs, no MOQ) but
        // it costs the launch money: not recommended.
        let plan = try campaignPlan(currency: "CNY", price: 399, cost: 150, """
          platform: modian
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
          start: 2027-01-10
          email_list: 30000
          list_conversion: 10%
          tiers:
            - name: 早鸟
              price: 99
        """)
        #expect(abs((plan[.campaignContribution] ?? 0) + 165_100.5) < 1e-6)
        #expect((plan[.goalProbability] ?? 0) > 0.8)
        #expect(!plan.flag(.recommended))
    }

    @Test func shippingChargedCountsInThePledgesAndTheFees() throws {
        // Kickstarter, 1,000 backers at $149 plus $10 shipping charged: pledged 1,000 × $159 = $159,000, collected
        // $151,050; platform 5% = $7,552.50; payment 950 × ($149 × 3% + $0.20) + 950 × $10 × 3% = 4,436.50 + 285 = $4,721.50;
        // net $138,776. Contribution: 138,776 − 950 units × $68 − 950 × $10 shipping = $64,676.
        let plan = try campaignPlan("""
          platform: kickstarter
          start: 2027-02-01
          email_list: 10000
          list_conversion: 10%
          shipping: 10
          shipping_charged: yes
          tiers:
            - name: Backer
              price: 149
        """)
        #expect(abs((plan[.pledged] ?? 0) - 159_000) < 1e-6)
        #expect(abs((plan[.fees] ?? 0) - 12_274) < 1e-6)
        #expect(abs((plan[.net] ?? 0) - 138_776) < 1e-6)
        #expect(abs((plan[.campaignContribution] ?? 0) - 64_676) < 1e-6)
    }

    @Test func addOnsAndAPledgeManagerAddToTheMoneyAndTheirGoodsCost() throws {
        // Indiegogo (5% + 3%, backers pay when they pledge: nothing dropped), 1,000 backers at $149; 30% add $40 of add-ons:
        // 1,000 × 0.3 × 40 = $12,000, pledged 149,000 + 12,000 = $161,000. A pledge manager adds 10% of that after the
        // campaign: $16,100. Collected 161,000 + 16,100 = $177,100; platform 5% = $8,855; payment 3% = $5,313; net $162,932.
        // Contribution: 162,932 − 1,000 units × $68 − the add-ons' goods (12,000 + 16,100) × 68/189 = 162,932 − 68,000 −
        // 10,110.05 = $84,821.95.
        let plan = try campaignPlan("""
          platform: indiegogo
          start: 2027-02-01
          email_list: 10000
          list_conversion: 10%
          add_on_share: 30%
          add_on_value: 40
          pledge_manager: 10%
          tiers:
            - name: Backer
              price: 149
        """)
        #expect(abs((plan[.pledged] ?? 0) - 161_000) < 1e-6)
        #expect(abs((plan[.fees] ?? 0) - 14_168) < 1e-6)
        #expect(abs((plan[.net] ?? 0) - 162_932) < 1e-6)
        #expect(abs((plan[.campaignContribution] ?? 0) - (162_932 - 68_000 - 28_100.0 * 68 / 189)) < 1e-6)
    }

    @Test func allInTakesThePledgesWhateverIsRaised() throws {
        // Makuake (20% of the pledges, paid when pledging): 2,000 × 10% = 200 backers at ¥14,800 = ¥2,960,000, net ¥2,368,000.
        // Tooling of ¥50M puts the minimum raise at 50M ÷ 0.8 = ¥62.5M: all or nothing, the goal is out of reach and the
        // campaign is not recommended. All in, the money comes anyway and the campaign adds 2,368,000 − 200 × ¥7,000 =
        // ¥968,000 to the launch: recommended.
        func makuake(_ funding: String) throws -> Plan {
            try campaignPlan(currency: "JPY", price: 19_800, cost: 7_000, fixed: "50M", """
              platform: makuake
              start: 2027-02-01
              email_list: 2000
              list_conversion: 10%
              funding: \(funding)
              tiers:
                - name: 応援購入
                  price: 14800
            """)
        }
        let nothing = try makuake("all_or_nothing"), allIn = try makuake("all_in")
        #expect(abs((allIn[.net] ?? 0) - 2_368_000) < 1e-6)
        #expect(abs((allIn[.campaignContribution] ?? 0) - 968_000) < 1e-6)
        #expect((nothing[.goalProbability] ?? 1) < 0.01 && !nothing.flag(.recommended))
        #expect(allIn.flag(.recommended) && allIn.flag(.inPlan))
        // Its goal is what the first 48 hours can pass, a third of the ¥2,960,000 pledged rounded down: ¥980,000, not the
        // ¥62.5M minimum raise an all-or-nothing campaign would need.
        #expect(allIn[.goal] == 980_000 && (nothing[.goal] ?? 0) >= 62_500_000)
        // Kickstarter has no all-in option: refused where it is written.
        #expect(throws: (any Error).self) {
            try campaignPlan("""
              platform: kickstarter
              start: 2027-02-01
              funding: all_in
              tiers:
                - name: Backer
                  price: 149
            """)
        }
    }

    @Test func aStagedPayoutPaysTheRestOnDelivery() throws {
        // Indiegogo, 1,000 backers at $149, nothing dropped: collected $149,000, fees 8% = $11,920, net $137,080. 70% of it
        // comes 21 days after the 2 March end (23 March), the other 30% ten days after rewards ship: 8 weeks after the end,
        // 27 April, so on 7 May: $95,956 and $41,124.
        let plan = try campaignPlan("""
          platform: indiegogo
          run: yes
          start: 2027-02-01
          email_list: 10000
          list_conversion: 10%
          payout_first: 70%
          tiers:
            - name: Backer
              price: 149
        """)
        #expect(abs((plan[.net] ?? 0) - 137_080) < 1e-6)
        let first = try #require(plan.cash?.totals.first { $0.item == .campaignPayout })
        let rest = try #require(plan.cash?.totals.first { $0.item == .campaignPayoutRest })
        #expect(first.first == CivilDate(year: 2027, month: 3, day: 23) && abs(first.amount - 95_956) < 1e-6)
        #expect(rest.first == CivilDate(year: 2027, month: 5, day: 7) && abs(rest.amount - 41_124) < 1e-6)
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
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
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
