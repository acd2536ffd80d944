import Testing
@testable import GTMKit

/// Demand that answers the launch: each lever against a hand computation or a closed form.
@Suite struct LaunchResponseTests {
    /// A lamp launched on Monday 2027-03-01 into a market of 1M × 1 × 10% × 5% = 5,000 units a
    /// year (SOM over the 52-week horizon: 5,000 × 364 ÷ 365.25), the first batch sized on the
    /// curve's first 10 weeks.
    static let lamp = """
    product:
      name: Lamp
      price: 399
      unit_cost: 142
    launch:
      date: 2027-03-01
    market:
      population: 1M
      serviceable: 10%
      obtainable: 5%
      horizon: 52 weeks
    demand:
      p: 0.03
      q: 0.38
    inventory:
      lead_time: 6 weeks
      coverage: 10 weeks

    """

    func plan(_ text: String, _ sets: [String] = []) throws -> Plan {
        Planner.plan(try decode(Self.lamp + text, sets: sets))
    }

    // Four mid-tier posts on 150k followers, 15% view, 2% click, 1.8% conversion:
    // 4 × 150,000 × 0.15 × 0.02 × 0.018 = 32.4 buyers. The posts go out in the two weeks before
    // launch and, with no platform named, decay with a one-day half-life (all within 7 days).
    static let kol = """
    kol:
      tiers:
        - tier: mid
          count: 4
          fee: 12k
          followers: 150k
          view_rate: 15%
          click_rate: 2%
          conversion: 1.8%

    """

    @Test func aKOLPlanAddsItsBuyersToTheWindow() throws {
        let without = try plan("")
        let with = try plan(Self.kol)
        #expect(abs((with[.kolBuyers] ?? 0) - 32.4) < 1e-9)
        #expect(abs((with[.windowForecastMean] ?? 0) - (without[.windowForecastMean] ?? 0) - 32.4) < 1e-9)
        #expect(abs((with[.horizonUnits] ?? 0) - (without[.horizonUnits] ?? 0) - 32.4) < 1e-9)
        #expect(abs((with[.kolUnits] ?? 0) - 32.4) < 1e-9)
        // Posts before launch: their buyers arrive on launch day, in launch week.
        #expect(abs((with[.firstWeekUnits] ?? 0) - (without[.firstWeekUnits] ?? 0) - 32.4) < 1e-9)
    }

    @Test func moreBudgetForAPlatformRaisesTheBatch() throws {
        // Eight Douyin creators at ¥10k a post, quoted, so each takes the deal (roster acceptance
        // 100% by default): ¥20k picks two, ¥40k four. More buyers in the window, a bigger batch.
        var text = "kol:\n  budget: BUDGET\n  roster:\n"
        for index in 0..<8 {
            text += "    - name: creator \(index)\n      platform: douyin\n      followers: \(200 + 10 * index)k\n      fee: 10k\nACCEPT"
        }
        func roster(_ budget: String, acceptance: String = "") throws -> Plan {
            try plan(text.replacingOccurrences(of: "BUDGET", with: budget).replacingOccurrences(of: "ACCEPT", with: acceptance))
        }
        let small = try roster("20k")
        let large = try roster("40k")
        #expect((large[.kolBuyers] ?? 0) > (small[.kolBuyers] ?? 0))
        #expect((large[.windowForecastMean] ?? 0) > (small[.windowForecastMean] ?? 0))
        #expect((large[.firstBatchUnits] ?? 0) > (small[.firstBatchUnits] ?? 0))
        #expect(small.kol?.lines.count == 2 && large.kol?.lines.count == 4)
        #expect(small[.kolCost] == 20_000)
        // Taking the deal half the time, each costs ¥5k expected: ¥20k invites four, whose fees
        // come to ¥40k if all four say yes; the report says so.
        let unsure = try roster("20k", acceptance: "      acceptance: 50%\n")
        #expect(unsure.kol?.lines.count == 4 && unsure[.kolCost] == 20_000)
        let costs = "if every invited creator on the roster says yes, the KOL plan costs ¥40,000 against the budget of ¥20,000"
        #expect(MarkdownReport(unsure).render().contains(costs))
        // With a tier beside them, its slot's fee counts too: ¥10k for the tier, and ¥10k of
        // expected fees invites two picks, ¥20k if both say yes: ¥30,000 in all.
        let mixed = try plan("kol:\n  budget: 20k\n  tiers:\n    - tier: mid\n      count: 1\n      fee: 10k\n      followers: 150k\n  roster:\n"
            + text.replacingOccurrences(of: "kol:\n  budget: BUDGET\n  roster:\n", with: "").replacingOccurrences(of: "ACCEPT",
                                                                                                                  with: "      acceptance: 50%\n"))
        #expect(MarkdownReport(mixed).render().contains("the KOL plan costs ¥30,000 against the budget of ¥20,000"))
    }

    @Test func anAdFlightAddsItsBuyersToTheWindow() throws {
        // A ¥60,000 Qianchuan flight in the two weeks before launch at the platform's defaults:
        // 60,000 ÷ ¥30 CPM × 1,000 = 2,000,000 impressions, × 3% = 60,000 clicks, × 2% = 1,200 at
        // the rates; against a reference of 100 (50 a week × 2): 100 × 12^0.72 = 598.426 buyers
        // (python: 100 * exp(0.72 * log(12))), all on launch day.
        let flight = "ads:\n  - name: Launch push\n    platform: douyin_qianchuan\n    budget: 60k\n"
        let without = try plan("")
        let with = try plan(flight)
        #expect(abs((with[.adsImpressions] ?? 0) - 2_000_000) < 1e-6)
        #expect(abs((with[.adsClicks] ?? 0) - 60_000) < 1e-6)
        #expect(abs((with[.adsBuyers] ?? 0) - 598.4260591970283) < 1e-6)
        #expect(abs((with[.windowForecastMean] ?? 0) - (without[.windowForecastMean] ?? 0) - 598.4260591970283) < 1e-6)
        #expect((with[.firstBatchUnits] ?? 0) > (without[.firstBatchUnits] ?? 0))
        #expect(with[.marketingSpend] == 60_000)
        // Meta in dollars, by the thousand: $10,000 ÷ $14.50 × 1,000 × 1% = 6,896.55 clicks × 1.5% = 103.448 at the rates:
        // 100 × 1.03448^0.72 = 102.471 buyers.
        let meta = try plan("ads:\n  - name: Meta\n    platform: meta\n    budget: 10k\n", ["scenario.currency=USD"])
        #expect(abs((meta[.adsClicks] ?? 0) - 10_000 / 14.5 * 10) < 1e-6)
        #expect(abs((meta[.adsBuyers] ?? 0) - 102.47094584170668) < 1e-6)
    }

    @Test func aDecayCurveFollowsItsClosedForm() throws {
        // Sales halve every 28 days: the share of a 364-day horizon sold in its first 7 days is
        // (1 − 2^(−7/28)) ÷ (1 − 2^(−364/28)); week 2 sells 2^(−1/4) of week 1.
        let plan = try plan("", ["demand.shape=decay", "demand.half_life=28 days"])
        let share = (1 - Math.exp(-0.25 * Math.log(2))) / (1 - Math.exp(-13 * Math.log(2)))
        #expect(abs((plan[.firstWeekUnits] ?? 0) - (plan[.somUnits] ?? 0) * share) < 1e-6)
        let weeks = try #require(plan.demand?.weeks)
        #expect(abs(weeks[1].units / weeks[0].units - Math.exp(-0.25 * Math.log(2))) < 1e-9)
        #expect(plan[.peakWeek] == 1)
    }

    @Test func anEventMultipliesItsWeek() throws {
        // The 7 days ending on Sunday 2027-03-21 are launch week 3 (days 14–20): with a lift of
        // 2.5 that week sells 2.5 times as much, the weeks around it the same, and the horizon
        // 1.5 weeks of it more.
        let without = try plan("")
        let text = Self.lamp.replacingOccurrences(of: "  q: 0.38\n",
                                                  with: "  q: 0.38\n  events:\n    - name: Spring sale\n      date: 2027-03-21\n      lift: 2.5\n")
        let with = Planner.plan(try decode(text))
        let plain = try #require(without.demand?.weeks[2].units)
        let lifted = try #require(with.demand?.weeks[2].units)
        #expect(abs(lifted / plain - 2.5) < 1e-12)
        #expect(abs((with.demand?.weeks[1].units ?? 0) - (without.demand?.weeks[1].units ?? 0)) < 1e-9)
        #expect(abs((with.demand?.weeks[3].units ?? 0) - (without.demand?.weeks[3].units ?? 0)) < 1e-9)
        #expect(abs((with[.horizonUnits] ?? 0) - (without[.horizonUnits] ?? 0) - 1.5 * plain) < 1e-9)
        #expect(abs((with[.eventUnits] ?? 0) - 1.5 * plain) < 1e-9)
    }

    /// Found by the `generated` fuzz target: two events of lift 0 sharing a day took that day's
    /// sales below zero (their effects were added). Lifts that share days multiply.
    @Test func overlappingEventsMultiply() throws {
        func events(_ list: [(String, Double)]) -> String {
            Self.lamp.replacingOccurrences(of: "  q: 0.38\n", with: "  q: 0.38\n  events:\n"
                + list.enumerated().map { "    - name: e\($0.offset)\n      date: \($0.element.0)\n      lift: \($0.element.1)\n" }.joined())
        }
        let without = try plan("")
        // A 2× event on the 7 days ending 2027-03-21 (launch days 14–20, week 3) and a 1.5× one
        // ending 03-24 (days 17–23): days 14–16 sell 2×, 17–20 both, 2 × 1.5 = 3×, 21–23 1.5×. The
        // curve is nearly flat within a week, so week 3 sells about (3 × 2 + 4 × 3) ÷ 7 = 2.571×
        // its plain figure and week 4 (days 21–27) (3 × 1.5 + 4) ÷ 7 = 1.214×.
        let with = Planner.plan(try decode(events([("2027-03-21", 2), ("2027-03-24", 1.5)])))
        let plainWeeks = try #require(without.demand?.weeks), liftedWeeks = try #require(with.demand?.weeks)
        #expect(abs(liftedWeeks[2].units / plainWeeks[2].units - 18.0 / 7) < 0.01)
        #expect(abs(liftedWeeks[3].units / plainWeeks[3].units - 8.5 / 7) < 0.01)
        let stretches = DemandModel.combinedLifts([
            .init(name: "a", last: CivilDate(daysSinceEpoch: 0), start: 14, end: 21, lift: 2),
            .init(name: "b", last: CivilDate(daysSinceEpoch: 0), start: 18, end: 25, lift: 1.5),
        ])
        #expect(stretches.map(\.start) == [14, 18, 21] && stretches.map(\.end) == [18, 21, 25])
        #expect(stretches.map(\.lift) == [2, 3, 1.5])
        // Two lifts of 0 sharing a day: those days sell nothing, never less.
        let empty = Planner.plan(try decode(events([("2027-03-21", 0), ("2027-03-24", 0)])))
        for week in try #require(empty.demand?.weeks) { #expect(week.units >= 0) }
        #expect(PlanInvariants.violations(empty).isEmpty)
    }

    @Test func elasticityScalesDemandByThePriceRatio() throws {
        // ε = −2: at ¥459 instead of the ¥399 the file writes, demand × (459 ÷ 399)^−2.
        let base = try plan("", ["demand.elasticity=-2"])
        let dearer = try plan("", ["demand.elasticity=-2", "product.price=459"])
        let ratio = Math.exp(-2 * Math.log(459.0 / 399))
        let som = try #require(base[.somUnits])
        #expect(abs((base[.horizonUnits] ?? 0) - som) < 1e-6)
        #expect(abs((dearer[.horizonUnits] ?? 0) / som - ratio) < 1e-12)
        #expect(abs((dearer[.windowForecastMean] ?? 0) / (base[.windowForecastMean] ?? 1) - ratio) < 1e-12)
        #expect(abs((dearer[.priceEffectUnits] ?? 0) - som * (ratio - 1)) < 1e-6)
    }

    @Test func thePriceMovesDemandHoweverItIsWritten() throws {
        // The reference is the price as the file writes it, in any spelling the file accepts:
        // --set product.price=199 against a written 179 at ε = −2 moves demand × (199 ÷ 179)^−2 = (0.899497)² = 0.80910.
        let ratio = Math.exp(-2 * Math.log(199.0 / 179))
        #expect(abs(ratio - 0.80910) < 1e-5)
        for (currency, written) in [("USD", "$179"), ("USD", "179 USD"), ("USD", "179"), ("CNY", "¥179"), ("CNY", "179 CNY")] {
            let text = "scenario:\n  currency: \(currency)\n" + Self.lamp.replacingOccurrences("price: 399", with: "price: \(written)")
            let base = Planner.plan(try decode(text, sets: ["demand.elasticity=-2"]), simulation: nil)
            let dearer = Planner.plan(try decode(text, sets: ["demand.elasticity=-2", "product.price=199"]), simulation: nil)
            let moved = (dearer[.horizonUnits] ?? 0) / (base[.horizonUnits] ?? 1)
            #expect(abs(moved - ratio) < 1e-12, "\(written): \(moved)")
        }
    }

    @Test func aDearerListPriceNeverSellsMoreInTheLaunchWeeks() throws {
        // The launch price is measured against the file's price, not the list price of the run: raising the list
        // price from 399 to 459 leaves the ¥349 launch weeks at (349 ÷ 399)^−2 and lowers the later weeks by
        // (459 ÷ 399)^−2 = 0.7556.
        let sets = ["demand.elasticity=-2", "product.launch_price=349"]
        let launch = try plan("", sets), dearer = try plan("", sets + ["product.price=459"])
        let weeks = try #require(launch.demand?.weeks), dearerWeeks = try #require(dearer.demand?.weeks)
        #expect(abs(dearerWeeks[0].units - weeks[0].units) < 1e-9)
        #expect(abs(dearerWeeks[2].units / weeks[2].units - Math.exp(-2 * Math.log(459.0 / 399))) < 1e-9)
        #expect(zip(dearerWeeks, weeks).allSatisfy { $0.units <= $1.units + 1e-9 })
    }

    @Test func aLaunchPriceRaisesDemandInItsWeeks() throws {
        // ¥349 for the first 2 weeks at ε = −2: those weeks' demand × (349 ÷ 399)^−2, later
        // weeks unchanged.
        let base = try plan("", ["demand.elasticity=-2"])
        let launch = try plan("", ["demand.elasticity=-2", "product.launch_price=349"])
        let factor = Math.exp(-2 * Math.log(349.0 / 399))
        let weeks = try #require(launch.demand?.weeks), plain = try #require(base.demand?.weeks)
        #expect(abs(weeks[0].units / plain[0].units - factor) < 1e-9)
        #expect(abs(weeks[1].units / plain[1].units - factor) < 1e-9)
        #expect(abs(weeks[2].units - plain[2].units) < 1e-9)
    }

    /// The lamp with `events` (its items) in its demand section.
    static func withEvents(_ items: String) -> String {
        lamp.replacingOccurrences(of: "  q: 0.38\n", with: "  q: 0.38\n  events:\n" + items)
    }

    @Test func aMultiDayEventLiftsItsDays() throws {
        // Lift 2 from Monday 2027-03-15 (day 14) to Sunday 2027-03-28 (day 27): weeks 3 and 4 sell twice the plain curve's
        // units; weeks 2 and 5 are untouched.
        let plain = try #require(try plan("").demand?.weeks)
        let presale = Self.withEvents("    - name: Presale\n      start: 2027-03-15\n      date: 2027-03-28\n      lift: 2\n")
        let lifted = try #require(Planner.plan(try decode(presale)).demand?.weeks)
        #expect(abs(lifted[2].units - 2 * plain[2].units) < 1e-9 && abs(lifted[3].units - 2 * plain[3].units) < 1e-9)
        #expect(abs(lifted[1].units - plain[1].units) < 1e-9 && abs(lifted[4].units - plain[4].units) < 1e-9)
        // A start after the last day is refused where it is written.
        #expect(throws: (any Error).self) {
            try decode(Self.withEvents("    - name: Presale\n      start: 2027-03-29\n      date: 2027-03-28\n      lift: 2\n"))
        }
    }

    @Test func aSeasonalIndexShapesTheCurve() throws {
        // June at 2 and every other month at 1 (a total of 13): normalised, June is 24/13 and the others 12/13. A week inside
        // June (week 15, 7–13 June 2027) sells 24/13 of the plain curve's units, launch week (1–7 March) 12/13.
        let plain = try #require(try plan("").demand?.weeks)
        let seasonal = Planner.plan(try decode(Self.lamp.replacingOccurrences(of: "  q: 0.38\n", with: "  q: 0.38\n  season:\n    jun: 2\n")))
        let weeks = try #require(seasonal.demand?.weeks)
        #expect(weeks[14].start == CivilDate(year: 2027, month: 6, day: 7))
        #expect(abs(weeks[14].units / plain[14].units - 24.0 / 13) < 1e-9)
        #expect(abs(weeks[0].units / plain[0].units - 12.0 / 13) < 1e-9)
        // The market's size holds the season's weight over the 364 days (1 March 2027 to 27 February 2028): June's 30 days
        // at 24/13 and 334 at 12/13, (30 × 24 + 334 × 12) ÷ 13 ÷ 364 = 4,728/4,732; its part of demand is what it adds to the
        // curve so weighted; the parts still add up.
        let weight = 4728.0 / 4732
        #expect(abs((seasonal[.somUnits] ?? 0) / (try plan("")[.somUnits] ?? 1) - weight) < 1e-12)
        let added = weeks.reduce(0) { $0 + $1.units } - weight * plain.reduce(0) { $0 + $1.units }
        #expect(abs((seasonal[.seasonUnits] ?? 0) - added) < 1e-6)
        #expect(PlanInvariants.violations(seasonal).isEmpty)
    }

    @Test func aSummerHorizonHoldsTheSeasonsShareAndEndsAtSellBy() throws {
        // June, July and August at 2, the other months 1 (a total of 15): normalised, summer is 24/15 = 1.6 and the rest 0.8.
        // A 13-week horizon from 1 June 2027 (to 30 August) lies in the summer: its weight is 1.6, so SOM is 1.6 × the pro-rata
        // cut (the season's share of the year, not 13/52 of it) and every week sells 1.6 × the plain curve's units.
        let summer = "  season:\n    jun: 2\n    jul: 2\n    aug: 2\n"
        func plan(_ extra: String, sellBy: String = "") throws -> Plan {
            let text = Self.lamp.replacingOccurrences(of: "2027-03-01", with: "2027-06-01").replacingOccurrences(of: "52 weeks", with: "13 weeks")
                .replacingOccurrences(of: "  unit_cost: 142\n", with: "  unit_cost: 142\n  salvage: 50\n")
                .replacingOccurrences(of: "  q: 0.38\n", with: "  q: 0.38\n" + extra + sellBy)
            return Planner.plan(try decode(text))
        }
        let plain = try plan(""), seasonal = try plan(summer)
        #expect(abs((seasonal[.somUnits] ?? 0) / (plain[.somUnits] ?? 1) - 1.6) < 1e-12)
        let plainWeeks = try #require(plain.demand?.weeks), weeks = try #require(seasonal.demand?.weeks)
        #expect(zip(weeks, plainWeeks).allSatisfy { abs($0.units - 1.6 * $1.units) < 1e-9 * max(1, $0.units) })
        #expect(abs(seasonal[.seasonUnits] ?? 1) < 1e-6)
        // The season ends on 15 August (day 76: June's 30, July's 31, August's 15): demand stops. The horizon's units are
        // the curve's to the end of week 10 (day 70) and 6/7 of week 11 (at an even pace: the curve bends within the week,
        // by under 0.01%), and every later week sells nothing.
        let ended = try plan(summer, sellBy: "  sell_by: 2027-08-15\n")
        let cut = try #require(ended.demand?.weeks)
        let expected = 1.6 * (plainWeeks[0..<10].reduce(0) { $0 + $1.units } + plainWeeks[10].units * 6 / 7)
        #expect(abs((ended[.horizonUnits] ?? 0) - expected) < 1e-4 * expected)
        #expect(cut[11...].allSatisfy { $0.units == 0 })
        // What is left then is cleared at salvage (¥50) on 15 August: the units bought less those sold.
        let bought = (ended[.firstBatchUnits] ?? 0) + Double(ended.firstBatch?.reorders.reduce(0) { $0 + $1.units } ?? 0)
        let left = bought - (ended[.unitsSold] ?? 0)
        #expect(left > 0 && abs((ended[.clearanceUnits] ?? 0) - left) < 1e-6)
        #expect(abs((ended[.clearanceCash] ?? 0) - 50 * left) < 1e-6)
        let clearance = try #require(ended.cash?.totals.first { $0.item == .clearance })
        #expect(clearance.first == CivilDate(year: 2027, month: 8, day: 15) && abs(clearance.amount - 50 * left) < 1e-6)
        // Without a season end nothing is cleared, and the outputs are absent.
        #expect(seasonal[.clearanceUnits] == nil)
        // A season end outside the horizon is refused where it is written.
        #expect(throws: (any Error).self) { try plan(summer, sellBy: "  sell_by: 2027-09-30\n") }
    }

    @Test func aPromotionMovesDemandByElasticityMarginAndCashByItsDeposit() throws {
        // Elasticity −2 at the list price ¥399: a 20% discount (¥319.20) in week 6 (5–11 April 2027, days 35–41) sells
        // (319.2 ÷ 399)^−2 = 0.8^−2 = 1.5625 × that week's units; no other week moves.
        func plan(_ extra: String) throws -> Plan {
            Planner.plan(try decode(Self.lamp.replacingOccurrences(of: "  q: 0.38\n", with: "  q: 0.38\n  elasticity: -2\n") + extra))
        }
        let plain = try #require(try plan("").demand?.weeks)
        let promotion = """
            promotions:
              - name: Spring sale
                start: 2027-04-05
                end: 2027-04-11
                discount: 20%
                deposit: 50
                deposit_date: 2027-03-29

            """
        let promoted = try plan(promotion)
        let weeks = try #require(promoted.demand?.weeks)
        #expect(abs(weeks[5].units - 1.5625 * plain[5].units) < 1e-9 * weeks[5].units)
        #expect(zip(weeks, plain).enumerated().allSatisfy { $0.offset == 5 || abs($0.element.0.units - $0.element.1.units) < 1e-9 })
        // Its units sell at ¥319.20, each keeping 319.2 − 142 = ¥177.20 of margin, and the discount costs ¥79.80 a unit.
        let sales = try #require(promoted.promotions.first)
        #expect(abs(sales.price - 319.2) < 1e-9 && abs(sales.units - weeks[5].units) < 1e-6)
        #expect(abs(sales.discountCost - 79.8 * weeks[5].units) < 1e-6)
        // The presale's ¥50 deposits arrive on 29 March, a week before the sales, and the balance with them: the week's
        // retail receipts are its units × (319.2 − 50).
        let deposits = try #require(promoted.cash?.totals.first { $0.item == .presaleDeposits })
        #expect(deposits.first == CivilDate(year: 2027, month: 3, day: 29) && abs(deposits.amount - 50 * weeks[5].units) < 1e-6)
        let receipts = try #require(promoted.cash?.ledger.filter { $0.item == .retailReceipts && $0.day == 20_913 })
        #expect(abs(receipts.reduce(0) { $0 + $1.amount } - weeks[5].units * 269.2) < 1e-6)
        // A promotion overlapping another, or outside the plan's sales, is refused where it is written.
        #expect(throws: (any Error).self) { try plan(promotion.replacingOccurrences(of: "2027-04-05", with: "2026-12-01")) }
    }

    @Test func anEventLiftsOnlyItsChannelsShare() throws {
        // Tmall sells 60% and the own store 40%; a 3× event on Tmall alone lifts the curve by 1 + (3 − 1) × 60% = 2.2: the same
        // plan as a 2.2× event on every channel.
        let channels = "channels:\n  - name: Tmall\n    reach: 1M\n    conversion: 1%\n    share: 60%\n"
            + "  - name: Own store\n    reach: 1M\n    conversion: 1%\n    share: 40%\n"
        func event(_ lift: String, _ only: String) -> String {
            Self.withEvents("    - name: Sale\n      date: 2027-04-11\n      lift: \(lift)\n" + only) + channels
        }
        let tmall = Planner.plan(try decode(event("3", "      channels:\n        - Tmall\n")))
        let every = Planner.plan(try decode(event("2.2", "")))
        #expect(abs((tmall[.eventUnits] ?? 0) - (every[.eventUnits] ?? 0)) < 1e-9)
        #expect((tmall[.eventUnits] ?? 0) > 0)
        // A channel the scenario does not have is refused, naming those it has.
        var hint: String?
        do { _ = try decode(event("3", "      channels: Amazon\n")) } catch { hint = error.diagnostics.first?.hint }
        #expect(hint == "the channels are: Tmall, Own store")
    }

    @Test func platformDefaults() {
        #expect(KOLPlatform.named("抖音").halfLifeDays == 10.0 / 24)
        #expect(KOLPlatform.named("douyin").viewRate == 0.16)
        #expect(KOLPlatform.named("YouTube").halfLifeDays == 6)
        #expect(KOLPlatform.named("instagram").funnel(.mid) == (0.20, 0.018, 0.008))
        #expect(KOLPlatform.named("xiaohongshu").funnel(.mid) == (0.15, 0.02, 0.018))
        #expect(KOLPlatform.named("somewhere").halfLifeDays == 1)
        #expect(AdDefaults.of(.meta) == AdDefaults(cpm: 14.5, cpc: nil, priceCurrency: "USD", clickRate: 0.01, conversion: 0.015))
        #expect(AdDefaults.of(.google).cpc == 4.66)
        #expect(AdDefaults.of(.amazonPPC).clickRate == 0.0036)
        // Cyber Week ends on the Monday after Thanksgiving: 2027-11-29 (Thanksgiving is 11-25).
        #expect(SalesEvents.preset(named: "Black Friday")?.day(2027) == CivilDate(year: 2027, month: 11, day: 29))
        #expect(SalesEvents.preset(named: "双十一")?.day(2027) == CivilDate(year: 2027, month: 11, day: 11))
        #expect(SalesEvents.preset(named: "618")?.lift == nil)
    }

    @Test func aPostsFunnelIsItsPlatformsNotAChannels() throws {
        // A Xiaohongshu mid tier, 10 posts × 100k followers: the tier table's funnel (no platform figure), 15% seen × 2% click
        // through × 1.8% buy: 10 × 100,000 × 0.15 × 0.02 × 0.018 = 54 buyers. A Xiaohongshu store channel beside it, converting
        // 0.6% of its own reach, changes nothing: a store's conversion is of its visitors, not of a post's audience.
        let kol = """
        kol:
          platform: xiaohongshu
          tiers:
            - tier: mid
              count: 10
              fee: 5k
              followers: 100k

        """
        let alone = try plan(kol)
        let beside = try plan("channels:\n  - name: Xiaohongshu notes\n    reach: 900k\n    conversion: 0.6%\n" + kol)
        #expect(abs((alone[.kolBuyers] ?? 0) - 54) < 1e-9)
        #expect(beside[.kolBuyers] == alone[.kolBuyers])
        // Half of those invited accept: 20 invitations fill the 10 slots.
        #expect(alone.kol?.lines.first?.invitations == 20)
    }

    @Test func anInstagramFunnelByHand() throws {
        // 2 posts by a 100k Instagram creator: 20% see it (Minter.io), 1.8% of them click (CreatorLane), 0.8% of clicks buy
        // (Oribi): reach 40,000, clicks 720, buyers 5.76. Fees ¥3,000 a post: ¥6,000 ÷ 5.76 = ¥1,041.67 a buyer, above a sale's
        // ¥257 (399 − 142), so the line is flagged; ROAS 5.76 × 399 ÷ 6,000 = 0.383.
        let plan = try plan("kol:\n  tiers:\n    - tier: mid\n      platform: instagram\n      count: 2\n      fee: 3000\n      followers: 100k\n")
        let line = try #require(plan.kol?.lines.first)
        #expect(abs(line.reach - 40_000) < 1e-9 && abs(line.clicks - 720) < 1e-9 && abs(line.buyers - 5.76) < 1e-9)
        #expect(abs(line.costPerBuyer - 6_000 / 5.76) < 1e-9)
        guard case .cacAboveContribution(let section, let lines, let contribution)? = plan.warnings.first(where: {
            $0.code == "cac_above_contribution"
        }) else {
            Issue.record("expected cac_above_contribution")
            return
        }
        #expect(section == .kol && lines.map(\.name) == ["mid"] && contribution == 257)
        let json = JSONReport(plan).render()
        #expect(json.contains("\"cost_per_buyer\": 1041.6666666666667") && json.contains("\"roas\": 0.383"))
        // At ¥200 a post, ¥400 ÷ 5.76 = ¥69.44 a buyer: worth it, no warning.
        let cheap = try self.plan("kol:\n  tiers:\n    - tier: mid\n      platform: instagram\n      count: 2\n      fee: 200\n      followers: 100k\n")
        #expect(!cheap.warnings.contains { $0.code == "cac_above_contribution" })
    }

    @Test func theRosterBudgetCountsCommissions() throws {
        // Two Instagram candidates, 1M followers each: 1,000,000 × 20% × 1.8% × 0.8% = 28.8 buyers. A: fee ¥4,000 and 50%
        // commission on ¥399 sales, 4,000 + 0.5 × 28.8 × 399 = ¥9,745.60 expected; B: fee ¥5,000, no commission. With a ¥6,000
        // budget both fees fit, but only B's cost does: B is picked, and the plan costs what the budget was checked against.
        let roster = """
        kol:
          budget: 6000
          roster:
            - name: A
              platform: instagram
              followers: 1M
              fee: 4000
              commission: 50%
            - name: B
              platform: instagram
              followers: 1M
              fee: 5000

        """
        let plan = try plan(roster)
        #expect(plan.kol?.lines.map(\.name) == ["B"])
        #expect(plan[.kolCost] == 5_000)
        #expect(!plan.warnings.contains { $0.code == "kol_over_budget" })
    }

    @Test func adsReturnsDiminishByHand() throws {
        // A 2-week Meta flight of $10,000 at the cold-traffic defaults: 10,000 ÷ 14.50 × 1,000 = 689,655 impressions, 1% click
        // (6,896.55 clicks), 1.5% buy: L = 103.448 buyers at the published rates. R = 50 a week × 2 = 100, so buyers =
        // 100 × 1.03448^0.72 = 102.4709 (python: 100 * exp(0.72 * log(1.0344827586))). At $20,000: 100 × 2.06897^0.72 =
        // 168.7883, 1.647 times as many for twice the spend (2^0.72), never twice.
        func flight(_ budget: Int) -> String {
            "scenario:\n  currency: USD\nads:\n  - name: Meta\n    platform: meta\n    budget: \(budget)\n    start: 2027-02-15\n    duration: 2 weeks\n"
        }
        let single = try Planner.plan(decode(flight(10_000) + String(Self.lamp.dropFirst(0))))
        let double = try Planner.plan(decode(flight(20_000) + Self.lamp))
        #expect(abs((single[.adsBuyers] ?? 0) - 102.47094584170668) < 1e-9)
        #expect(abs((double[.adsBuyers] ?? 0) - 168.78830105228317) < 1e-9)
        #expect(abs((double[.adsBuyers] ?? 0) / (single[.adsBuyers] ?? 1) - Math.exp(0.72 * Math.log(2))) < 1e-12)
        // The reference spend, where the published rates hold: 100 buyers at 10,000 ÷ 103.448 = $96.67 each = $9,666.67.
        #expect(abs((single.ads?.flights.first?.reference ?? 0) - 9_666.666666666666) < 1e-6)
    }

    @Test func postsTimedToTheCampaignBringBackers() throws {
        // With the campaign in the plan, the 32.4 KOL buyers are backers (grossed up by no
        // organic share) and not retail demand in the window.
        let campaign = """
        crowdfunding:
          platform: other
          run: yes
          start: 2026-12-01
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
              price: 299

        """
        let aligned = try plan(campaign + Self.kol + "  align: campaign\n")
        let atLaunch = try plan(campaign + Self.kol)
        #expect(abs((aligned[.backers] ?? 0) - 132.4) < 1e-9)
        #expect(abs((atLaunch[.backers] ?? 0) - 100) < 1e-9)
        #expect(abs((atLaunch[.windowForecastMean] ?? 0) - (aligned[.windowForecastMean] ?? 0) - 32.4) < 1e-9)
        #expect(abs((aligned.crowdfunding?.kolBackers ?? 0) - 32.4) < 1e-9)
    }
}
