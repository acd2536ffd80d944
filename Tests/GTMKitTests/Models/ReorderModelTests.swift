/// `ReorderModel`: the orders after the first batch, dated by the reorder point and the safety stock, sized to cover and the terms.
import Testing
@testable import GTMKit

@Suite struct ReorderModelTests {
    /// Launch on Monday 2027-03-01; day d is `launch.adding(days: d)`.
    let launch = CivilDate(year: 2027, month: 3, day: 1)!

    func day(_ d: Int) -> CivilDate { launch.adding(days: d) }

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

    @Test func cartonsRoundEveryReorderUp() {
        // 100 a day over a 90-day horizon; 2,800 on hand at launch; reorder point 2,800, no safety stock, lead 28 days,
        // each order to cover 28 days, in cartons of 1,000.
        // 1st: the position is at 2,800 on day 0 → placed day 0, lands day 28 as stock runs out; covers days 28–55,
        //      2,800 → 3 cartons, 3,000.
        // 2nd: day 28 starts with 3,000; the position is back at 2,800 at the start of day 30 → placed day 30; the 3,000
        //      last 30 days, to the end of day 57 → lands day 58; 2,800 → 3,000.
        // 3rd: placed day 60, lands day 88; covers only days 88–89 (the horizon ends): 200 → one carton, 1,000.
        // A 4th would be placed on day 88 and land on day 116, past the horizon: none.
        let orders = ReorderModel.plan(daily: [Double](repeating: 100, count: 90), launch: launch, arrives: launch, stock: 2_800,
                                       reorderPoint: 2_800, safetyStock: 0, leadTime: .days(28), firstOrder: launch, coverageDays: 28,
                                       terms: OrderTerms(moq: 0, casePack: 1_000))
        #expect(orders.map(\.date) == [day(0), day(30), day(60)])
        #expect(orders.map(\.arrival) == [day(28), day(58), day(88)])
        #expect(orders.map(\.units) == [3_000, 3_000, 1_000])
        // Each lands the day stock would run out without it (2027-03-29, 2027-04-28, 2027-05-28): just in time.
        #expect(orders.map(\.stockout) == [day(28), day(58), day(88)])
        #expect(orders.map(\.arrival) == [CivilDate(year: 2027, month: 3, day: 29), CivilDate(year: 2027, month: 4, day: 28),
                                          CivilDate(year: 2027, month: 5, day: 28)])
        #expect(orders.allSatisfy { !$0.arrivesLate })
    }

    @Test func risingDemandPlacesTheOrderBeforeTheReorderPoint() throws {
        // Demand 50 a day for 30 days, then 200 a day to day 89; 3,000 on hand; reorder point 1,500 (the first window's
        // 50 a day × 28 days + 100), safety stock 100, lead 28 days, coverage 28 days; orders allowed from 14 days before launch.
        // Stock reaches the reorder point at the start of day 30 (3,000 − 30 × 50 = 1,500), but at 200 a day it falls to the
        // safety stock at the end of day 36 (1,500 − 7 × 200 = 100): the order must land by day 37, so it is placed
        // 28 days earlier, day 9, not day 30 (which would land on day 58, 20 days after the stockout of day 38).
        // It covers days 37–64 at 200 a day, 5,600, + the safety stock 100 − the 100 on hand = 5,600.
        var daily = [Double](repeating: 50, count: 30)
        daily += [Double](repeating: 200, count: 60)
        let orders = ReorderModel.plan(daily: daily, launch: launch, arrives: launch, stock: 3_000, reorderPoint: 1_500,
                                       safetyStock: 100, leadTime: .weeks(4), firstOrder: day(-14), coverageDays: 28, terms: .none)
        let first = try #require(orders.first)
        #expect(first.date == day(9))
        #expect(first.arrival == day(37))
        #expect(first.units == 5_600)
        #expect(first.stockout == day(38))
        #expect(first.arrivesLate == false)
        // The next: the 100 left + 5,600 = 5,700 on day 37 fall to the safety stock at the end of day 64 (5,700 − 28 × 200 = 100),
        // so it must land by day 65: placed 28 days before, day 37; it covers days 65–89 (the horizon ends), 25 × 200 = 5,000.
        #expect(orders.count == 2)
        #expect(orders.last?.date == day(37))
        #expect(orders.last?.arrival == day(65))
        #expect(orders.last?.units == 5_000)
    }

    @Test func nothingToOrder() {
        let flat = [Double](repeating: 100, count: 60)
        func plan(daily: [Double] = flat, arrives: Int = 0, stock: Double, coverage: Int = 28) -> [Reorder] {
            ReorderModel.plan(daily: daily, launch: launch, arrives: day(arrives), stock: stock, reorderPoint: 2_800, safetyStock: 0,
                              leadTime: .weeks(4), firstOrder: launch, coverageDays: coverage, terms: .none)
        }
        // Stock for the whole horizon: 6,000 against 60 × 100 reaches the reorder point (2,800) at the start of day 32,
        // and an order placed then would land on day 60, the day after the horizon: none.
        #expect(plan(stock: 6_000).isEmpty)
        // No days of demand, or a first batch landing on the horizon's last day or later: nothing to plan.
        #expect(plan(daily: [], stock: 0).isEmpty)
        #expect(plan(arrives: 60, stock: 2_800).isEmpty)
        // A coverage of 0 days orders nothing even when stock runs out.
        #expect(plan(stock: 2_000, coverage: 0).isEmpty)
        // 5,000 for 6,000 of demand: the point is reached on day 22, the order lands on day 50 as stock runs out and
        // covers only the horizon's last 10 days: 1,000 units, and no more orders.
        let last = plan(stock: 5_000)
        #expect(last.map(\.date) == [day(22)] && last.map(\.units) == [1_000] && last.map(\.arrival) == [day(50)])
    }
}
