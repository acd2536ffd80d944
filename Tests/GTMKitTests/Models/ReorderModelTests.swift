/// `ReorderModel`: the orders after the first batch, a time-phased order point on the median curve, each checked by hand.
import Testing
@testable import GTMKit

@Suite struct ReorderModelTests {
    /// Launch on Monday 2027-03-01; day d is `launch.adding(days: d)`.
    let launch = CivilDate(year: 2027, month: 3, day: 1)!

    func day(_ d: Int) -> CivilDate { launch.adding(days: d) }

    /// A policy from launch, first batch in the warehouse on launch day unless `arrives` says otherwise.
    func policy(stock: Double, safety: Double = 0, lead: Int, coverage: Int, firstOrder: Int = 0, arrives: Int = 0,
                terms: OrderTerms = .none, spread: Double = 0, z: Double = 0, underage: Double = 10, overage: Double = 4) -> ReorderPolicy {
        ReorderPolicy(launch: launch, arrives: day(arrives), stock: stock, safetyStock: safety, leadTime: .days(lead),
                      firstOrder: day(firstOrder), coverageDays: coverage, terms: terms, spread: spread, z: z,
                      underage: underage, overage: overage)
    }

    @Test func dailyDemandFromTheWeeklyCurve() {
        // Each week's units spread evenly over its days: 70 over 7 → 10 a day, 14 over 7 → 2, a last 2-day week of 10 → 5;
        // a week without days adds none.
        let start = launch
        let weeks = [DemandCurve.Week(number: 1, start: start, days: 7, units: 70, cumulative: 70),
                     DemandCurve.Week(number: 2, start: start.adding(days: 7), days: 7, units: 14, cumulative: 84),
                     DemandCurve.Week(number: 3, start: start.adding(days: 14), days: 2, units: 10, cumulative: 94),
                     DemandCurve.Week(number: 4, start: start.adding(days: 16), days: 0, units: 5, cumulative: 99)]
        #expect(ReorderModel.daily(weeks) == [Double](repeating: 10, count: 7) + [Double](repeating: 2, count: 7) + [5, 5])
        #expect(ReorderModel.daily([]) == [])
    }

    @Test func aRisingThenFallingCurveByHand() {
        // Demand 50 a day on days 0–29, 200 on 30–59, 100 on 60–119, 20 on 120–179. 3,000 on hand at launch, safety stock
        // 300, lead 21 days, coverage 28 days; orders allowed from 14 days before launch.
        // 1st: end of day 29 holds 3,000 − 1,500 = 1,500; at 200 a day the end of day 35 holds 300 (the safety stock): it
        //      must land on day 36, so it is placed day 15. Stock runs out without it at the end of day 37 (1,500 − 8 × 200 < 0):
        //      day 38. It covers days 36–63 (24 × 200 + 4 × 100 = 5,200) + 300 safety − 300 on hand = 5,200.
        // 2nd: 5,500 on day 36; the end of day 59 holds 700, day 63 holds 300 → lands day 64, placed day 43; runs out day 67;
        //      covers days 64–91: 2,800.
        // 3rd: 3,100 on day 64 → 300 at the end of day 91 → lands day 92, placed 71; runs out day 95; covers 92–119: 2,800.
        // 4th: 3,100 on day 92 → 300 at the end of day 119 → lands 120, placed 99; at 20 a day it runs out day 135; 28 × 20 = 560.
        // 5th: 860 on day 120 → 300 at the end of day 147 → lands 148, placed 127; runs out day 163; 560.
        // 6th would land day 176 and cover past the horizon: a newsvendor on the 4 days left, 80 + 1 × 0.2 × 80 = 96, less the
        //      300 on hand: nothing.
        var daily = [Double](repeating: 50, count: 30) + [Double](repeating: 200, count: 30)
        daily += [Double](repeating: 100, count: 60) + [Double](repeating: 20, count: 60)
        let schedule = ReorderModel.plan(daily, policy(stock: 3_000, safety: 300, lead: 21, coverage: 28, firstOrder: -14,
                                                       spread: 0.2, z: 1))
        let orders = schedule.orders
        #expect(orders.map(\.date) == [15, 43, 71, 99, 127].map(day))
        #expect(orders.map(\.arrival) == [36, 64, 92, 120, 148].map(day))
        #expect(orders.map(\.units) == [5_200, 2_800, 2_800, 560, 560])
        #expect(orders.map(\.stockout) == [38, 67, 95, 135, 163].map(day))
        #expect(orders.map(\.stockAtArrival) == [300, 300, 300, 300, 300])
        // Each serves the demand until the next lands: days 36–63, 64–91, 92–119, 120–147, 148–179.
        #expect(orders.map(\.serves) == [5_200, 2_800, 2_800, 560, 640])
        // Every order lands within the safety stock's days + 3 weeks of the stock-out it prevents, none before launch.
        for order in orders {
            let gap = order.arrival.days(to: order.stockout!)
            #expect(gap >= 0 && gap <= 15 + 21)
            #expect(order.date >= launch)
        }
        #expect(schedule.beforeLaunch == nil && schedule.skipped == nil)
        // The stock at the end of week 1 (day 6): 3,000 − 7 × 50; of the last week (day 179): 300 + 560 − 32 × 20 = 220.
        #expect(schedule.weeklyStock.first == 2_650)
        #expect(schedule.weeklyStock.count == 26)
        #expect(schedule.weeklyStock.last == 220)
    }

    @Test func theSafetyStockMovesWithTheDemandAhead() {
        // 100 a day on days 0–39, then 20 a day to day 99; 3,000 on hand; lead 10 days, coverage 20. The safety stock is 300
        // at the window's pace of 100 a day (1,000 over a lead time): 0.3 × the demand forecast for the lead time after an
        // order lands.
        // 1st: the end of day 26 holds 300 = 0.3 × 1,000 (days 27–36): lands day 27, placed day 17; runs out day 30; covers
        //      days 27–46 (13 × 100 + 7 × 20 = 1,440) + 0.3 × 200 (days 47–56) − 300 on hand = 1,200.
        // 2nd: 1,500 on day 27 hold 200 at the end of day 39; at 20 a day the safety stock is 0.3 × 200 = 60, reached at the end
        //      of day 46: lands day 47 (placed 37), 3 days before the stock-out of day 50; covers days 47–66 (400) + 60 − 60
        //      = 400.
        // 3rd: 460 on day 47 → 60 at the end of day 66: lands 67 (placed 57), 400.
        // 4th: 460 on day 67 → lands 87 (placed 77), runs out day 90; its coverage passes the horizon: the 13 days left, 260,
        //      less 60 on hand = 200.
        var daily = [Double](repeating: 100, count: 40)
        daily += [Double](repeating: 20, count: 60)
        var moving = policy(stock: 3_000, safety: 300, lead: 10, coverage: 20)
        moving.referenceLeadDemand = 1_000
        let schedule = ReorderModel.plan(daily, moving)
        #expect(schedule.orders.map(\.date) == [17, 37, 57, 77].map(day))
        #expect(schedule.orders.map(\.units) == [1_200, 400, 400, 200])
        #expect(schedule.orders.map(\.stockout) == [30, 50, 70, 90].map(day))
        #expect(schedule.orders.map(\.safetyStock) == [300, 60, 60, 60])
        #expect(schedule.orders.map(\.stockAtArrival) == [300, 60, 60, 60])
        // A constant safety stock of 300 makes the first order 1,440 + 300 − 300 = 1,440, so the second lands (day 47) with
        // 300 on hand, 15 days before the stock-out of day 62, at a pace where 300 units last 15 days.
        let constant = ReorderModel.plan(daily, policy(stock: 3_000, safety: 300, lead: 10, coverage: 20))
        #expect(constant.orders.map(\.units).first == 1_440)
        #expect(constant.orders.dropFirst().first.map { ($0.arrival, $0.stockAtArrival, $0.stockout) } ?? (day(0), 0, nil)
                == (day(47), 300, day(62)))
    }

    @Test func cartonsRoundEveryReorderAndTheLastIsSkippedWhenItLosesMoney() {
        // 100 a day over a 90-day horizon; 2,800 on hand at launch; no safety stock, lead 28 days, coverage 28 days, cartons of 1,000.
        // 1st: runs out at the end of day 27 → lands day 28, placed day 0; 2,800 → 3 cartons, 3,000.
        // 2nd: 3,000 on day 28 last to the end of day 57 → lands 58, placed 30; 3,000.
        // 3rd: would land day 88, its coverage past the horizon: the demand left is days 88–89, 200 units, but a carton is
        //      1,000: it sells 200 (+200 × 10) and leaves 800 (−800 × 4): −1,200. Skipped; it forgoes 200 sales, 2,000.
        let schedule = ReorderModel.plan([Double](repeating: 100, count: 90),
                                         policy(stock: 2_800, lead: 28, coverage: 28, terms: OrderTerms(moq: 0, casePack: 1_000)))
        #expect(schedule.orders.map(\.date) == [day(0), day(30)])
        #expect(schedule.orders.map(\.arrival) == [day(28), day(58)])
        #expect(schedule.orders.map(\.units) == [3_000, 3_000])
        #expect(schedule.orders.map(\.stockout) == [day(28), day(58)])
        #expect(schedule.skipped == Reorder.Skipped(date: day(60), units: 1_000, sales: 200, contribution: 2_000, value: -1_200))
        // With a missed sale worth 30, the carton pays (200 × 30 − 800 × 4 = 2,800): it is ordered.
        let dearer = ReorderModel.plan([Double](repeating: 100, count: 90),
                                       policy(stock: 2_800, lead: 28, coverage: 28, terms: OrderTerms(moq: 0, casePack: 1_000), underage: 30))
        #expect(dearer.orders.map(\.units) == [3_000, 3_000, 1_000])
        #expect(dearer.orders.last?.sizing == .demandLeft)
        #expect(dearer.skipped == nil)
    }

    @Test func theLastOrderIsANewsvendorOnTheDemandLeft() {
        // 100 a day for 60 days, 3,000 on hand: runs out at the end of day 29, so the order lands day 30 (placed day 16, lead
        // 14). Its 35-day coverage runs past the horizon: the demand left is 30 × 100 = 3,000 with a spread of 10%, 300;
        // at z = 1 the newsvendor orders 3,000 + 300 − 0 on hand = 3,300 (coverage would have asked 3,500).
        let flat = [Double](repeating: 100, count: 60)
        let schedule = ReorderModel.plan(flat, policy(stock: 3_000, lead: 14, coverage: 35, spread: 0.1, z: 1))
        #expect(schedule.orders.map(\.units) == [3_300])
        #expect(schedule.orders.map(\.date) == [day(16)])
        #expect(schedule.orders.first?.sizing == .demandLeft)
        // An MOQ of 5,000: it sells E[min(D, 5,000)] = 3,000 (D ~ N(3,000, 300)) and leaves 2,000. At a missed sale of 10 and
        // an unsold unit of 4 it makes 30,000 − 8,000 > 0: ordered. At an unsold unit of 20: 30,000 − 40,000 < 0: skipped.
        let moq = OrderTerms(moq: 5_000, casePack: 1)
        #expect(ReorderModel.plan(flat, policy(stock: 3_000, lead: 14, coverage: 35, terms: moq, spread: 0.1, z: 1)).orders.map(\.units) == [5_000])
        let skipped = ReorderModel.plan(flat, policy(stock: 3_000, lead: 14, coverage: 35, terms: moq, spread: 0.1, z: 1, overage: 20))
        #expect(skipped.orders.isEmpty)
        #expect(skipped.skipped.map { ($0.units, ($0.sales * 1e6).rounded() / 1e6, $0.value.rounded()) } ?? (0, 0, 0) == (5_000, 3_000, -10_000))
    }

    @Test func aReorderBeforeLaunchOnlyWhenTheBatchRunsOutFirst() {
        let flat = [Double](repeating: 100, count: 100)
        // 1,000 on hand run out at the end of day 9; an order placed at launch lands day 28: too late, so it is placed on
        // day 10 − 28 = −18 (orders allowed from day −28), and the schedule says so.
        let early = ReorderModel.plan(flat, policy(stock: 1_000, lead: 28, coverage: 28, firstOrder: -28))
        #expect(early.orders.first?.date == day(-18))
        #expect(early.beforeLaunch?.date == day(-18))
        // 3,000 on hand with a safety stock of 300: the stock reaches 300 at the end of day 26, so the order "should" be placed
        // on day −1; placed at launch it lands on day 28 with 200 on hand, before the stock-out of day 30: placed at launch.
        let atLaunch = ReorderModel.plan(flat, policy(stock: 3_000, safety: 300, lead: 28, coverage: 28, firstOrder: -28))
        #expect(atLaunch.orders.first?.date == day(0))
        #expect(atLaunch.orders.first?.stockAtArrival == 200)
        #expect(atLaunch.beforeLaunch == nil)
    }

    @Test func ordersWithinAWeekOfEachOtherAreMerged() {
        // 100 a day for 30 days, 1,000 on hand, lead 7, coverage 3. The order for day 10 is placed day 3 (300 units); the next
        // would be placed on day 6 and day 9, within the week: merged, 900 on day 3. Then day 12 (lands 19, 900 after two merges),
        // and day 21 (lands 28): the demand left, days 28–29, 200.
        let schedule = ReorderModel.plan([Double](repeating: 100, count: 30), policy(stock: 1_000, lead: 7, coverage: 3))
        #expect(schedule.orders.map(\.date) == [day(3), day(12), day(21)])
        #expect(schedule.orders.map(\.units) == [900, 900, 200])
        #expect(schedule.orders.map(\.sizing) == [.coverage, .coverage, .demandLeft])
    }

    @Test func nothingToOrder() {
        let flat = [Double](repeating: 100, count: 60)
        func plan(daily: [Double] = flat, arrives: Int = 0, stock: Double, coverage: Int = 28) -> [Reorder] {
            ReorderModel.plan(daily, policy(stock: stock, lead: 28, coverage: coverage, arrives: arrives)).orders
        }
        // Stock for the whole horizon: none.
        #expect(plan(stock: 6_000).isEmpty)
        // No days of demand, or a first batch landing on the horizon's last day or later: nothing to plan.
        #expect(plan(daily: [], stock: 0).isEmpty)
        #expect(plan(arrives: 60, stock: 2_800).isEmpty)
        // A coverage of 0 days orders nothing even when stock runs out.
        #expect(plan(stock: 2_000, coverage: 0).isEmpty)
        // 5,000 for 6,000 of demand: runs out at the end of day 49, the order lands on day 50 (placed day 22) and covers the
        // horizon's last 10 days: 1,000 units, and no more orders.
        let last = plan(stock: 5_000)
        #expect(last.map(\.date) == [day(22)] && last.map(\.units) == [1_000] && last.map(\.arrival) == [day(50)])
    }
}
