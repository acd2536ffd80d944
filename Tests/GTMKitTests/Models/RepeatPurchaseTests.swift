/// `product.repurchase`: the repeat orders a cohort of first buyers brings, week by week, and what a first buyer is worth.
import Testing
@testable import GTMKit

@Suite struct RepeatPurchaseTests {
    /// 1M × 50% × 1% = 5,000 first buyers, all in launch week (`launch_boost: 100%`), over 12 months from Monday 2027-03-01
    /// to 2028-02-29 (366 days, 2028 is a leap year: 52 weeks and a 2-day 53rd). Price 100, cost 40: a unit contributes 60.
    static func refill(_ repurchase: String) -> String {
        "product:\n  name: Refill\n  price: 100\n  unit_cost: 40\n  repurchase:\n" + repurchase
            + "launch:\n  date: 2027-03-01\nmarket:\n  population: 1M\n  serviceable: 50%\n  obtainable: 1%\ndemand:\n  launch_boost: 100%\n"
    }

    @Test func aCohortsRepeatOrdersByWeek() throws {
        // Every 4 weeks half of those who bought last time buy again: week 5 holds 2,500, week 9 1,250, week 13 625, … the
        // 12th repeat (week 49) 5,000 × 0.5¹² = 1.2207. The cohort bought evenly over days 0–6, so its 13th repeat
        // (5,000 × 0.5¹³ = 0.6104) falls evenly over days 364–370, of which the horizon keeps days 364–365: 2/7 of it, 0.1744.
        let plan = Planner.plan(try decode(Self.refill("    interval: 4 weeks\n    share: 50%\n")), simulation: nil)
        let weeks = try #require(plan.demand?.weeks).map(\.units)
        #expect(weeks.count == 53)
        for (index, units) in weeks.enumerated() {
            let week = index + 1
            let expected: Double
            if week == 53 {
                expected = 5_000 * Math.exp(13 * Math.log(0.5)) * 2 / 7
            } else {
                expected = (week - 1) % 4 == 0 ? 5_000 * Math.exp(Double((week - 1) / 4) * Math.log(0.5)) : 0
            }
            #expect(abs(units - expected) < 1e-6, "week \(week): \(units), by hand \(expected)")
        }
        // Repeats within the horizon: 5,000 × (1 − 0.5¹²) + 0.1744 = 4,998.9537; LTV 60 × (5,000 + 4,998.9537) ÷ 5,000 = 119.9874.
        let repeats = 5_000 * (1 - Math.exp(12 * Math.log(0.5))) + 5_000 * Math.exp(13 * Math.log(0.5)) * 2 / 7
        #expect(abs((plan[.repeatUnits] ?? 0) - repeats) < 1e-6)
        #expect(abs((plan[.horizonUnits] ?? 0) - (5_000 + repeats)) < 1e-6)
        #expect(abs((plan[.lifetimeValue] ?? 0) - 60 * (5_000 + repeats) / 5_000) < 1e-9)
        #expect(PlanInvariants.violations(plan).isEmpty)
    }

    @Test func subscribersRepeatEveryInterval() throws {
        // 20% subscribe: the k-th repeat weighs 0.2 + 0.8 × 0.5ᵏ: week 5 holds 5,000 × 0.6 = 3,000, week 9 5,000 × 0.4 = 2,000,
        // week 49 (k = 12) 5,000 × (0.2 + 0.8 × 0.5¹²) = 1,000.977.
        let plan = Planner.plan(try decode(Self.refill("    interval: 4 weeks\n    share: 50%\n    subscription: 20%\n")), simulation: nil)
        let weeks = try #require(plan.demand?.weeks).map(\.units)
        #expect(abs(weeks[4] - 3_000) < 1e-6 && abs(weeks[8] - 2_000) < 1e-6)
        #expect(abs(weeks[48] - 5_000 * (0.2 + 0.8 * Math.exp(12 * Math.log(0.5)))) < 1e-6)
    }

    @Test func subscribersPayTheSubscriptionPrice() throws {
        // As above with a ¥80 subscription: week 5's 3,000 repeats hold 5,000 × 0.2 = 1,000 subscribers' deliveries, so the
        // week's sales (Monday 29 March 2027, received that day: no channel terms) bring 3,000 × 100 − 1,000 × (100 − 80) = 280,000.
        let text = Self.refill("    interval: 4 weeks\n    share: 50%\n    subscription: 20%\n    subscription_price: 80\n") + "cash:\n  on_hand: 0\n"
        let plan = Planner.plan(try decode(text), simulation: nil)
        let receipts = try #require(plan.cash?.ledger.filter { $0.item == .retailReceipts && $0.day == 20_906 })
        #expect(abs(receipts.reduce(0) { $0 + $1.amount } - 280_000) < 1e-6)
        // Launch week's first purchases pay the list price: 5,000 × 100.
        let first = try #require(plan.cash?.ledger.filter { $0.item == .retailReceipts && $0.day == 20_878 })
        #expect(abs(first.reduce(0) { $0 + $1.amount } - 500_000) < 1e-6)
    }

    @Test func subscribersPayTheSubscriptionPriceDuringTheLaunchPrice() throws {
        // As above, with a ¥90 launch price for 6 weeks (to Monday 12 April 2027) and no price response (elasticity 0, so the
        // units stay as above): week 5's 2,000 other repeats pay ¥90 and its 1,000 subscribers' deliveries ¥80, so it brings
        // 2,000 × 90 + 1,000 × 80 = 260,000. (Found by the generated fuzz target: the subscribers' discount was taken from
        // the list price, ¥20 a delivery, while they had been counted at the launch price, so a week with a ¥1 subscription
        // and a launch price received less than nothing.)
        let text = Self.refill("    interval: 4 weeks\n    share: 50%\n    subscription: 20%\n    subscription_price: 80\n")
            .replacingOccurrences(of: "  unit_cost: 40\n", with: "  unit_cost: 40\n  launch_price: 90\n  launch_price_weeks: 6 weeks\n")
            + "  elasticity: 0\ncash:\n  on_hand: 0\n"
        let plan = Planner.plan(try decode(text), simulation: nil)
        #expect(abs((plan.demand?.weeks[4].units ?? 0) - 3_000) < 1e-6)
        let receipts = try #require(plan.cash?.ledger.filter { $0.item == .retailReceipts && $0.day == 20_906 })
        #expect(abs(receipts.reduce(0) { $0 + $1.amount } - 260_000) < 1e-6)
        // Week 9 (Monday 26 April), after the launch price: 2,000 repeats of which 1,000 subscribers': 1,000 × 100 + 1,000 × 80.
        let later = try #require(plan.cash?.ledger.filter { $0.item == .retailReceipts && $0.day == 20_934 })
        #expect(abs(later.reduce(0) { $0 + $1.amount } - 180_000) < 1e-6)
        #expect(PlanInvariants.violations(plan).isEmpty)
    }

    @Test func aBuyerIsWorthTheLTVWhenBuyersComeBack() throws {
        // A flight of ¥9,000 at ¥1 a click, 1% of clicks buying: 90 buyers at the rates, below a 2-week reference of 100, so
        // the rates hold: ¥100 each. A sale contributes ¥60, a first buyer about ¥120 with repeats: the flight loses money on a
        // one-off product, not on the refill.
        let flight = "ads:\n  - name: Search\n    budget: 9000\n    start: 2027-02-15\n    cpc: 1\n    click_rate: 2%\n    conversion: 1%\n"
        let refill = Planner.plan(try decode(Self.refill("    interval: 4 weeks\n    share: 50%\n") + flight), simulation: nil)
        #expect(abs((refill.ads?.flights.first?.costPerBuyer ?? 0) - 100) < 1e-9)
        #expect(!refill.warnings.contains { $0.code == "cac_above_contribution" })
        let once = "product:\n  name: Lamp\n  price: 100\n  unit_cost: 40\nlaunch:\n  date: 2027-03-01\n"
            + "market:\n  population: 1M\n  serviceable: 50%\n  obtainable: 1%\ndemand:\n  launch_boost: 100%\n" + flight
        #expect(Planner.plan(try decode(once), simulation: nil).warnings.contains { $0.code == "cac_above_contribution" })
    }

    @Test func tooManyRepeatDatesAreRefused() {
        // A weekly refill over a 10-year horizon: 522 weeks × 521 repeat dates = 271,962 terms a trial, over the 100,000 gtm
        // plans; a monthly one over 10 years (522 × 119) plans.
        func text(_ interval: String) -> String {
            Self.refill("    interval: \(interval)\n    share: 50%\n").replacingOccurrences(of: "  obtainable: 1%\n",
                                                                                       with: "  obtainable: 1%\n  horizon: 3650 days\n")
        }
        #expect(errors(text("1 week")).first?.hasSuffix("repeats 521 times over the 522-week horizon: more than gtm plans (100000 weeks × repeats)") == true)
        #expect(errors(text("1 month")).isEmpty)
    }

    @Test func noRepurchaseNoRepeats() throws {
        let text = "product:\n  name: Lamp\n  price: 100\n  unit_cost: 40\nlaunch:\n  date: 2027-03-01\n"
            + "market:\n  population: 1M\n  serviceable: 50%\n  obtainable: 1%\ndemand:\n  launch_boost: 100%\n"
        let plan = Planner.plan(try decode(text), simulation: nil)
        #expect(plan[.repeatUnits] == nil)
        // One purchase per buyer: LTV is a unit's contribution.
        #expect(plan[.lifetimeValue] == 60)
    }
}
