/// `AdsModel`: each ad flight's impressions, clicks and buyers from its budget and price, its days, and its even payments.
import Testing
@testable import GTMKit

@Suite struct AdsModelTests {
    /// The flights of `ads` (the section's body) for the ¥399 lamp launched Monday 2027-03-15, with their inputs.
    func model(_ ads: String, currency: String = "CNY") throws -> (model: AdsModel, inputs: InputTable) {
        let scenario = try decode("scenario:\n  currency: \(currency)\n" + minimal + "ads:\n" + ads)
        var inputs = InputTable()
        let model = AdsModel(scenario, try #require(scenario.ads), &inputs)
        return (model, inputs)
    }

    @Test func byTheThousandImpressions() {
        // ¥45,000 at 聚光's CPM ¥45: 45,000 ÷ 45 × 1,000 = 1,000,000 impressions; × 2.3% = 23,000 clicks; × 2% = 460 buyers
        // at the rates. Over 64.4 days the reference is 50 × 64.4 ÷ 7 = 460 buyers: the budget is the reference spend, so the
        // rates hold exactly (460 × (460 ÷ 460)^0.72).
        let m = AdsModel.metrics(budget: 45_000, price: 45, perClick: false, click: 0.023, conversion: 0.02, days: 64.4)
        #expect(m.impressions == 1_000_000)
        #expect(abs(m.clicks - 23_000) < 1e-9)
        #expect(abs(m.buyers - 460) < 1e-9)
        // A click rate of 0 buys impressions and nothing else.
        let blind = AdsModel.metrics(budget: 45_000, price: 45, perClick: false, click: 0, conversion: 0.02, days: 14)
        #expect(blind.impressions == 1_000_000 && blind.clicks == 0 && blind.buyers == 0)
    }

    @Test func belowTheReferenceTheRatesHoldNotBetter() {
        // A tenth of that budget, ¥4,500: 100,000 impressions, 2,300 clicks, 46 buyers at the rates, a tenth of the
        // 460-buyer reference. Short of 50 events a week an ad set is "learning limited", no cheaper per result: 46 buyers,
        // not the 460 × 0.1^0.72 = 87.6 the curve above the reference would give (python: 460 * 0.1 ** 0.72).
        let m = AdsModel.metrics(budget: 4_500, price: 45, perClick: false, click: 0.023, conversion: 0.02, days: 64.4)
        #expect(abs(m.buyers - 46) < 1e-9)
        // Twice the reference spend: 920 at the rates, 460 × 2^0.72 = 757.7 buyers (python: 460 * 2 ** 0.72).
        let twice = AdsModel.metrics(budget: 90_000, price: 45, perClick: false, click: 0.023, conversion: 0.02, days: 64.4)
        #expect(abs(twice.buyers - 757.70374) < 1e-3)
    }

    @Test func byTheClick() {
        // $9,320 at Google's CPC $4.66: 9,320 ÷ 4.66 = 2,000 clicks; impressions 2,000 ÷ 6.42% = 31,152.648;
        // buyers 2,000 × 6.96% = 139.2 at the rates; over 19.488 days the reference is 50 × 19.488 ÷ 7 = 139.2: they hold.
        let m = AdsModel.metrics(budget: 9_320, price: 4.66, perClick: true, click: 0.0642, conversion: 0.0696, days: 19.488)
        #expect(abs(m.clicks - 2_000) < 1e-9)
        #expect(abs(m.impressions - 31_152.64797507788) < 1e-6)
        #expect(abs(m.buyers - 139.2) < 1e-9)
        // Without a click rate the clicks still count, but the impressions behind them cannot be told: 0.
        let unknown = AdsModel.metrics(budget: 9_320, price: 4.66, perClick: true, click: 0, conversion: 0.0696, days: 14)
        #expect(abs(unknown.clicks - 2_000) < 1e-9 && unknown.impressions == 0)
    }

    @Test func nothingSpentOrFreeBuysNothing() {
        // A price of 0 (no division by zero) or a budget of 0, by the click or the thousand: no impressions, clicks or buyers.
        for perClick in [false, true] {
            let free = AdsModel.metrics(budget: 10_000, price: 0, perClick: perClick, click: 0.03, conversion: 0.03, days: 14)
            let unspent = AdsModel.metrics(budget: 0, price: 30, perClick: perClick, click: 0.03, conversion: 0.03, days: 14)
            #expect(free.impressions == 0 && free.clicks == 0 && free.buyers == 0)
            #expect(unspent.impressions == 0 && unspent.clicks == 0 && unspent.buyers == 0)
        }
    }

    @Test func pricingAndDaysOfEachFlight() throws {
        // Meta's cold-traffic default is a CPM in USD, $14.50; given a CPM ($12) it prices by that. Given a CPC, 巨量千川
        // (which publishes a CPM) prices by the click. Given both, the CPC wins.
        let (usd, inputs) = try model("""
              - name: Meta default
                platform: meta
                budget: 10k
              - name: Meta CPM
                platform: meta
                budget: 10k
                cpm: 12
              - name: Both
                platform: google
                budget: 10k
                cpm: 20
                cpc: 3

            """, currency: "USD")
        #expect(usd.flights.map(\.perClick) == [false, false, true])
        #expect(usd.flights.map { inputs.base[$0.price] } == [14.5, 12, 3])
        let (cny, cnyInputs) = try model("  - name: Qianchuan\n    platform: douyin_qianchuan\n    budget: 10k\n    cpc: 0.8\n")
        #expect(cny.flights.first?.perClick == true && cnyInputs.base[cny.flights[0].price] == 0.8)
        // By default a flight runs the 2 weeks that end at launch: days [−14, 0), from 2027-03-01 to the day before launch.
        let flight = try #require(usd.flights.first)
        #expect(flight.start == CivilDate(year: 2027, month: 3, day: 1) && flight.end == CivilDate(year: 2027, month: 3, day: 15))
        #expect(flight.startDay == -14 && flight.endDay == 0)
    }

    @Test func buyersArriveAndBudgetIsPaidEvenlyOverTheFlightsDays() throws {
        // A 14-day flight from 2027-03-22 (day 7) to day 21: by day 14 half its buyers have arrived, by day 21 all;
        // one before launch brings all of its buyers on launch day.
        let (after, _) = try model("  - name: Week two\n    platform: douyin_qianchuan\n    budget: 14k\n    start: 2027-03-22\n")
        let arrival = try #require(after.sources.first?.arrival)
        #expect(DemandModel.fraction(arrival, at: 7) == 0 && DemandModel.fraction(arrival, at: 14) == 0.5)
        #expect(DemandModel.fraction(arrival, at: 21) == 1)
        let (before, _) = try model("  - name: Pre-launch\n    platform: douyin_qianchuan\n    budget: 14k\n")
        #expect(DemandModel.fraction(try #require(before.sources.first?.arrival), at: 1) == 1)
        // ¥10,000 over 10 days from Thursday 2027-02-25 to 2027-03-06 (28 days in February 2027): weeks start on the launch's
        // weekday, Monday, so the week of 02-22 holds 4 days (¥4,000, from 02-25) and the week of 03-01 holds 6 (¥6,000).
        let plan = Planner.plan(try decode(minimal + "ads:\n  - name: Teaser\n    platform: douyin_qianchuan\n    budget: 10k\n"
                                           + "    start: 2027-02-25\n    duration: 10 days\n"))
        let paid = plan.cash?.ledger.filter { $0.item == .ads } ?? []
        #expect(paid.map { CivilDate(daysSinceEpoch: $0.day) } == [CivilDate(year: 2027, month: 2, day: 25), CivilDate(year: 2027, month: 3, day: 1)])
        #expect(zip(paid.map(\.amount), [4_000.0, 6_000]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(plan[.adsCost] == 10_000)
        // The cash table dates the spend over the flight's days, 25 February to 6 March, not to the start of its last week.
        let total = try #require(plan.cash?.totals.first { $0.item == .ads })
        #expect(total.first == CivilDate(year: 2027, month: 2, day: 25) && total.last == CivilDate(year: 2027, month: 3, day: 6))
    }
}
