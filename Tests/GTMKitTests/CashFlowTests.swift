import Testing
@testable import GTMKit

/// The cash flow against flows worked out by hand beside each test. The plan under test is the
/// one of `ordersFollowThroughTheHorizonByHand` (FeasibilityTests): a ¥100 lamp costing ¥40,
/// launched on Monday 2027-03-01, demand 100 a day (700 a week), a 2,800-unit first batch
/// ordered 2027-02-01 (lead 4 weeks), and an order of 2,800 every 28 days from launch day.
@Suite struct CashFlowTests {
    static let lamp = """
    product:
      name: Lamp
      price: 100
      unit_cost: 40
    launch:
      date: 2027-03-01
    inventory:
      lead_time: 4 weeks
      forecast: 2800
      forecast_sd: 0

    """

    func plan(_ text: String = "", _ sets: [String] = []) throws -> Plan {
        Planner.plan(try decode(Self.lamp + text, sets: sets))
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int { CivilDate(year: year, month: month, day: day)!.daysSinceEpoch }

    /// The ledger's entries for one item, as (day, amount).
    func entries(_ plan: Plan, _ item: CashFlow.Item) -> [(Int, Double)] {
        plan.cash?.ledger.filter { $0.item == item }.map { ($0.day, $0.amount) } ?? []
    }

    func week(_ plan: Plan, _ year: Int, _ month: Int, _ day: Int) -> CashFlow.Week? {
        plan.cash?.weeks.first { $0.start == CivilDate(year: year, month: month, day: day) }
    }

    @Test func depositAndBalanceByHand() throws {
        // Batch 2,800 × ¥40 = ¥112,000: 30% (¥33,600) on the order day, 2027-02-01; the balance
        // (¥78,400) when the lamps leave the factory, one week of freight before they arrive on
        // 2027-03-01: 2027-02-22. The first reorder (placed on launch day, arriving 2027-03-29)
        // pays the same: ¥33,600 on 2027-03-01 and ¥78,400 on 2027-03-22.
        let plan = try plan("  freight: 1 week\n")
        let deposits = entries(plan, .deposit), balances = entries(plan, .balance)
        #expect(deposits.count == 1 && balances.count == 1)
        #expect(deposits.first?.0 == Self.day(2027, 2, 1))
        #expect(deposits.first?.1 == 33_600)
        #expect(balances.first?.0 == Self.day(2027, 2, 22))
        #expect(balances.first?.1 == 78_400)
        let reorderDeposits = entries(plan, .reorderDeposit), reorderBalances = entries(plan, .reorderBalance)
        #expect(reorderDeposits.first?.0 == Self.day(2027, 3, 1))
        #expect(reorderDeposits.first?.1 == 33_600)
        #expect(reorderBalances.first?.0 == Self.day(2027, 3, 22))
        #expect(reorderBalances.first?.1 == 78_400)
        // The last reorder is 200 units (¥8,000): ¥2,400 on 2028-01-31 (day 336), ¥5,600 a week
        // before it lands on day 364 (2028-02-28): 2028-02-21.
        #expect(reorderDeposits.last?.0 == Self.day(2028, 1, 31))
        #expect(reorderDeposits.last?.1 == 2_400)
        #expect(reorderBalances.last?.0 == Self.day(2028, 2, 21))
        #expect(reorderBalances.last?.1 == 5_600)
        #expect(reorderDeposits.count == 13)
    }

    @Test func peakNeedPaybackGapAndEndingByHand() throws {
        // Cumulative cash, by week (no channels: sales are received on the day, ¥70,000 a
        // week), with each week's lowest point (its payments before its receipts):
        //   week of 02-01: −33,600 (deposit)
        //   week of 02-22: −112,000 (balance)
        //   week of 03-01: lowest −112,000 − 33,600 (reorder deposit) = −145,600  ← the trough
        //                  end of week −145,600 + 70,000 = −75,600
        //   week of 03-08: −5,600
        //   week of 03-15: +64,400                                              ← payback
        // Peak need ¥145,600 in the week of 2027-03-01; with ¥50,000 on hand the gap is
        // ¥95,600. Every unit of the 36,600 demanded is bought and sold: ending cash =
        // 50,000 + 36,600 × (100 − 40) = ¥2,246,000.
        let plan = try plan("  freight: 1 week\ncash:\n  on_hand: 50k\n")
        #expect(plan[.peakNeed] == 145_600)
        #expect(plan.date(.peakDate) == CivilDate(year: 2027, month: 3, day: 1))
        #expect(plan[.fundingGap] == 95_600)
        #expect(plan.date(.payback) == CivilDate(year: 2027, month: 3, day: 15))
        #expect(abs((plan[.endingCash] ?? 0) - 2_246_000) < 1e-6)
        #expect(abs((plan[.unitsSold] ?? 0) - 36_600) < 1e-9)
        #expect(abs((week(plan, 2027, 3, 1)?.balance ?? 0) - (50_000 - 75_600)) < 1e-6)
        #expect(abs((week(plan, 2027, 3, 8)?.balance ?? 0) - (50_000 - 5_600)) < 1e-6)
        // The weeks run from the first payment's week to the horizon's last day (2028-02-29).
        #expect(plan.cash?.weeks.first?.start == CivilDate(year: 2027, month: 2, day: 1))
        #expect(plan.cash?.weeks.last?.start == CivilDate(year: 2028, month: 2, day: 28))
        // More cash on hand than the need: no gap.
        #expect(try self.plan("  freight: 1 week\ncash:\n  on_hand: 150k\n")[.fundingGap] == 0)
    }

    /// A campaign in the plan: 1,000 subscribers × 10% = 100 backers at ¥100, no fees or dropped
    /// pledges: ¥10,000 net, 100 units owed. It closes on 2027-01-17; the batch (2,900 with the
    /// backers' units) is ordered 2027-02-01 and arrives on launch day, when the balance is paid
    /// (no freight) and the rewards ship.
    static let campaign = """
    crowdfunding:
      platform: other
      run: yes
      start: 2027-01-04
      duration: 14 days
      email_list: 1000
      list_conversion: 10%
      organic_share: 0
      dropped_pledges: 0
      platform_fee: 0
      payment_fee: 0
      payment_fixed: 0
      tiers:
        - name: Lamp
          price: 100

    """

    @Test func aPayoutBeforeTheBalanceLowersThePeakNeed() throws {
        // Batch 2,900 × ¥40 = ¥116,000: ¥34,800 on 2027-02-01, ¥81,200 on 2027-03-01.
        // Paid out 7 days after the close (2027-01-24): +10,000, then −24,800 from 02-01; in the
        // week of 03-01 the balance and the reorder deposit (¥33,600) are due on its first day,
        // before its sales: lowest −24,800 − 81,200 − 33,600 = −139,600. Paid out 60 days after
        // (2027-03-18): −34,800, then −149,600 in the week of 03-01; the payout lands in the
        // week of 03-15, after the trough. The early payout lowers the peak need by exactly the
        // ¥10,000 it brings.
        let early = try plan(Self.campaign + "  payout_delay: 7 days\n")
        let late = try plan(Self.campaign + "  payout_delay: 60 days\n")
        #expect(early[.net] == 10_000)
        #expect(early[.firstBatchUnits] == 2_900)
        #expect(entries(early, .campaignPayout).map(\.0) == [Self.day(2027, 1, 24)])
        #expect(entries(late, .campaignPayout).map(\.0) == [Self.day(2027, 3, 18)])
        #expect(early[.peakNeed] == 139_600)
        #expect(late[.peakNeed] == 149_600)
        #expect(early.date(.peakDate) == CivilDate(year: 2027, month: 3, day: 1))
        #expect(late.cash?.payout == CivilDate(year: 2027, month: 3, day: 18))
    }

    @Test func aCampaignThatMissesItsGoalPaysNothingAndOwesNothing() throws {
        // With an MOQ of 2,900, the minimum raise is 2,900 × ¥40 = ¥116,000 (no fees or fixed
        // costs), and so is the goal (rounded up to two figures, ¥120,000): the ¥10,000 pledged
        // misses it. All or nothing, the campaign pays nothing and owes nothing: no payout, no
        // reward shipping, no backers' units in the batch (2,800 for retail, raised to the MOQ:
        // 2,900, all for retail). All in, it pays its ¥10,000 and owes its 100 units.
        let missed = try plan(Self.campaign + "  shipping: 12\n", ["inventory.moq=2900"])
        #expect(missed[.goal] == 120_000)
        #expect(missed[.net] == 10_000)
        #expect(entries(missed, .campaignPayout).isEmpty)
        #expect(entries(missed, .rewardShipping).isEmpty)
        #expect(missed[.pledgedUnits] == 0)
        #expect(missed[.firstBatchUnits] == 2_900)
        #expect(MarkdownReport(missed).render().contains("in the base case the pledges (¥10,000) miss the ¥120,000 goal"))
        let allIn = try plan(Self.campaign + "  shipping: 12\n  funding: all_in\n", ["inventory.moq=2900"])
        #expect(entries(allIn, .campaignPayout).map(\.1) == [10_000])
        #expect(entries(allIn, .rewardShipping).map(\.1) == [1_200])
        #expect(allIn[.pledgedUnits] == 100)
        #expect(allIn[.firstBatchUnits] == 2_900)
    }

    @Test func rewardShippingIsPaidWhenRewardsShip() throws {
        // 100 paying backers × ¥12 = ¥1,200 on 2027-03-01, the day the batch arrives.
        let plan = try plan(Self.campaign + "  shipping: 12\n")
        #expect(entries(plan, .rewardShipping).map(\.0) == [Self.day(2027, 3, 1)])
        #expect(entries(plan, .rewardShipping).map(\.1) == [1_200])
    }

    @Test func platformPayoutDefaults() throws {
        // Kickstarter: 21 days after the close; Modian: 10 days after rewards ship.
        let kickstarter = try plan(Self.campaign.replacingOccurrences(of: "platform: other", with: "platform: kickstarter"))
        #expect(kickstarter.cash?.payout == CivilDate(year: 2027, month: 2, day: 7))
        let modian = try plan(Self.campaign.replacingOccurrences(of: "platform: other", with: "platform: modian"))
        #expect(modian.cash?.payout == CivilDate(year: 2027, month: 3, day: 11))
    }

    @Test func settlementDelaysShiftRevenue() throws {
        // One channel paid 10 days after each sale (¥10,000 a day from day 0, launch day): a
        // sale on day k is received on day k + 10. The launch week (days 0–6) receives nothing;
        // the week of 03-08 (days 7–13) receives the sales of days 0–3, ¥40,000; the week of
        // 03-15 (days 14–20) those of days 4–10, ¥70,000. Paid on the day, the launch week
        // receives its own ¥70,000.
        let channel = "channels:\n  - name: Shop\n    reach: 1000\n    conversion: 10%\n"
        let delayed = try plan(channel + "    settlement: 10 days\n")
        let direct = try plan(channel + "    settlement: 0 days\n")
        #expect(week(delayed, 2027, 3, 1)?.inflow == 0)
        #expect(abs((week(delayed, 2027, 3, 8)?.inflow ?? 0) - 40_000) < 1e-6)
        #expect(abs((week(delayed, 2027, 3, 15)?.inflow ?? 0) - 70_000) < 1e-6)
        #expect(abs((week(direct, 2027, 3, 1)?.inflow ?? 0) - 70_000) < 1e-6)
    }

    @Test func feesReturnsAndFulfilmentLowerTheContribution() throws {
        // Fee 10%, returns 5%, fulfilment ¥4: 100 × 0.90 × 0.95 − 40 − 4 = ¥41.50 a unit (the
        // gross margin stays ¥60). Fixed costs ¥8,300 ÷ 41.5 = 200 units to break even, not
        // 8,300 ÷ 60 = 138.3.
        let channel = "channels:\n  - name: Shop\n    reach: 1000\n    conversion: 10%\n    fee: 10%\n    returns: 5%\n    fulfillment: 4\n"
        let plan = try plan(channel, ["product.fixed_costs=8300"])
        #expect(plan[.unitMargin] == 60)
        #expect(abs((plan[.contributionMargin] ?? 0) - 41.5) < 1e-9)
        #expect(abs((plan[.breakEvenUnits] ?? 0) - 200) < 1e-9)
        // The launch week: 700 units received at ¥100 × 0.9 × 0.95 = ¥59,850 and ¥2,800 of fulfilment.
        #expect(abs((week(plan, 2027, 3, 1)?.inflow ?? 0) - 59_850) < 1e-6)
        #expect(entries(plan, .fulfillment).first.map { $0.1 } == 2_800)
    }

    @Test func salesSplitByTheChannelsBuyers() throws {
        // Buyers 100 and 300: shares 25% and 75%. Only the first takes a 20% fee: a unit keeps
        // 0.25 × 0.8 + 0.75 = 95% of its price, and contributes 95 − 40 = ¥55.
        let channels = """
        channels:
          - name: Marketplace
            reach: 1000
            conversion: 10%
            fee: 20%
          - name: Own shop
            reach: 1000
            conversion: 30%
            fee: 0
            fulfillment: 0
            returns: 0
            settlement: 0 days

        """
        let plan = try plan(channels)
        #expect(plan.channelTerms.map(\.share) == [0.25, 0.75])
        #expect(abs((plan[.contributionMargin] ?? 0) - 55) < 1e-9)
        // A given share wins over the buyers.
        let given = try self.plan(channels, ["channels[Marketplace].share=50%"])
        #expect(given.channelTerms.map(\.share) == [0.5, 0.5])
    }

    @Test func platformDefaultsByName() {
        #expect(ChannelDefaults.named("Tmall flagship store").platform == "Tmall")
        #expect(ChannelDefaults.named("天猫旗舰店").platform == "Tmall")
        #expect(ChannelDefaults.named("JD self-run").platform == "JD")
        #expect(ChannelDefaults.named("Amazon US").fee == 0.15)
        #expect(ChannelDefaults.named("Outdoor retailers").platform == "")
        // "red" is a word, not a substring: "Shared store" is no Xiaohongshu.
        #expect(ChannelDefaults.named("Shared store").platform == "")
    }

    @Test func withoutInventoryUnitsArePaidAsTheySell() throws {
        // No inventory section, one channel selling 100 units over the year, a KOL tier of one
        // ¥1,000 post published on launch day with half paid at contract: the cash flow still
        // runs, samples are bought when they ship, and each unit's cost is paid when it sells.
        let text = """
        product:
          name: Lamp
          price: 100
          unit_cost: 40
        launch:
          date: 2027-03-01
        channels:
          - name: Shop
            reach: 1000
            conversion: 10%
        kol:
          tiers:
            - tier: micro
              count: 1
              fee: 1000
              followers: 20k

        """
        let plan = Planner.plan(try decode(text))
        #expect(plan.cash?.samplesFrom == .bought)
        let contract = entries(plan, .kolContract), publish = entries(plan, .kolPublish)
        #expect(contract.map(\.1) == [500] && publish.map(\.1) == [500])
        #expect(publish.first?.0 == Self.day(2027, 3, 1))
        #expect(entries(plan, .samples).map(\.1) == [40])
        // The channel's 100 buyers and the post's: 20,000 × 15% seen × 2% click × 2.18% buy
        // (the micro tier's defaults) = 1.308.
        let goods = entries(plan, .goodsSold).reduce(0) { $0 + $1.1 }
        #expect(abs(goods - (100 + 20_000 * 0.15 * 0.02 * 0.0218) * 40) < 1e-6)
    }

    @Test func aShortfallTheSameWeeksReceiptsCloseIsCalledBrief() throws {
        // Ridgeline: the batch deposit is due on 2027-03-23 and the campaign's payout lands on
        // 2027-03-24, in the same week; the week ends above zero. Aurora's peak week does not.
        var ridgeline = try Document.parse(name: "r.txt", bytes: Array(try exampleText("ridgeline-kickstarter.txt").utf8))
        attachData(&ridgeline)
        let plan = try Planner.plan(document: ridgeline)
        let week = try #require(plan.cash?.weeks.first { $0.start == plan.date(.peakDate) })
        #expect(week.lowest < 0 && week.balance - (plan.cash?.onHand ?? 0) >= 0)
        #expect(MarkdownReport(plan).render().contains("The same week's receipts close it by the week's end, so it lasts days"))
        let aurora = Planner.plan(try decode(try exampleText("aurora-lamp.txt")))
        #expect(!MarkdownReport(aurora).render().contains("The same week's receipts close it"))
    }

    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt"])
    func theCashFlowPaysWhatTheOtherSectionsSay(_ example: String) throws {
        // One plan: every amount the cash flow pays or receives is the value another section shows.
        var document = try Document.parse(name: example, bytes: Array(try exampleText(example).utf8))
        attachData(&document)
        let plan = try Planner.plan(document: document)
        let flow = try #require(plan.cash)
        func total(_ items: CashFlow.Item...) -> Double {
            flow.ledger.filter { items.contains($0.item) }.reduce(0) { $0 + $1.amount }
        }
        func close(_ a: Double, _ b: Double?, _ what: String) {
            #expect(abs(a - (b ?? .nan)) <= 1e-6 * max(1, abs(a)), "\(example): \(what) \(a) vs \(b ?? .nan)")
        }
        close(total(.fixedCosts), plan.scenario.product.fixedCosts.value, "fixed costs")
        close(total(.deposit, .balance), plan[.inventoryCash], "first batch")
        close(total(.deposit), plan[.depositAmount], "deposit")
        close(total(.pilotRun), plan[.pilotCost], "pilot")
        close(total(.kolContract, .kolPublish), plan[.kolCost], "KOL fees")
        let reorders = try #require(plan.firstBatch?.reorders).reduce(0) { $0 + Double($1.units) }
        close(total(.reorderDeposit, .reorderBalance), reorders * plan.scenario.product.unitCost.value, "reorders")
        if plan.flag(.inPlan) { close(total(.campaignPayout), plan[.net], "campaign payout") }
        // The weeks add up to the ledger, the lowest balance is the cash on hand less the peak
        // need, and the last week's balance is the ending cash.
        let paid = flow.ledger.filter { $0.item != .campaignPayout && $0.item != .retailReceipts }.reduce(0) { $0 + $1.amount }
        close(flow.weeks.reduce(0) { $0 + $1.outflow }, paid, "payments")
        close(flow.weeks.reduce(0) { $0 + $1.inflow }, total(.campaignPayout, .retailReceipts), "receipts")
        // Each week's lowest point: the balance it starts with less its payments.
        let lowest = zip([flow.onHand] + flow.weeks.map(\.balance), flow.weeks).map { $0 - $1.outflow }
        close(lowest.min() ?? 0, flow.onHand - (plan[.peakNeed] ?? 0), "lowest balance")
        close(flow.weeks.last?.balance ?? 0, plan[.endingCash], "ending cash")
        // The peak week is one of the weeks, and payback comes after it.
        let peak = try #require(plan.date(.peakDate))
        #expect(zip(flow.weeks, lowest).contains { $0.start == peak && abs($1 - (flow.onHand - (plan[.peakNeed] ?? 0))) < 1e-6 })
        if let payback = plan.date(.payback) { #expect(payback > peak) }
    }

    @Test func cashFollowsTheDateRewardsCanShip() throws {
        // A 摩点 campaign from 2027-01-10 for 30 days (to 2027-02-08) with rewards set to ship 1 week later, 2027-02-15; the
        // batch (lead 6 weeks before the 2027-06-01 launch) lands on 2027-06-01. Rewards cannot ship before units exist, so
        // the cash counts their shipping on 2027-06-01 and 摩点's payout 10 days after it, 2027-06-11, not 2027-02-25.
        let plan = try campaignPlan(currency: "CNY", price: 399, cost: 150, fixed: "100k",
                                    inventory: "inventory:\n  lead_time: 6 weeks\n  forecast: 2000\n  moq: 1000\n", """
          platform: modian
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
          run: yes
          start: 2027-01-10
          fulfillment_lead: 1 week
          shipping: 20
          email_list: 20000
          list_conversion: 10%
          tiers:
            - name: 早鸟
              price: 299
        """)
        #expect(plan.crowdfunding?.fulfillment == CivilDate(year: 2027, month: 2, day: 15))
        #expect(plan.warnings.contains { $0.code == "units_before_supply" })
        let flow = try #require(plan.cash)
        #expect(flow.rewardsShip == CivilDate(year: 2027, month: 6, day: 1))
        #expect(flow.payout == CivilDate(year: 2027, month: 6, day: 11))
        #expect(flow.ledger.filter { $0.item == .rewardShipping }.allSatisfy { $0.day == CivilDate(year: 2027, month: 6, day: 1)!.daysSinceEpoch })
        #expect(MarkdownReport(plan).render().contains("Rewards cannot ship on 2027-02-15 as the scenario says"))
    }

}
