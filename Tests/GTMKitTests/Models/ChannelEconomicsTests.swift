/// `ChannelEconomics`: each sales channel's terms and share of sales, what a unit's price keeps, and when it is paid.
import Testing
@testable import GTMKit

@Suite struct ChannelEconomicsTests {
    /// The channels of a ¥399 lamp costing ¥120, launched 2027-03-15 (CNY), or on `launch`.
    func economics(_ channels: String, launch: String = "2027-03-15", currency: String = "CNY") throws -> ChannelEconomics {
        let text = "scenario:\n  currency: \(currency)\n" + minimal.replacingOccurrences("date: 2027-03-15", with: "date: \(launch)")
            + "channels:\n" + channels
        return ChannelEconomics(try decode(text))
    }

    @Test func withoutChannelsASaleKeepsItsPriceOnTheDay() throws {
        let direct = ChannelEconomics(try decode(minimal))
        #expect(direct == .direct)
        #expect(direct.keep == 1 && direct.fulfillment == 0 && direct.channels.isEmpty)
        #expect(direct.receipts.map(\.days) == [0] && direct.receipts.map(\.keep) == [1])
        // Contribution is then the unit margin: 399 × 1 − 120 − 0 = 279.
        #expect(ChannelEconomics.contribution(price: 399, unitCost: 120, keep: direct.keep, fulfillment: direct.fulfillment) == 279)
    }

    @Test func aPlatformsDefaultsFillWhatTheChannelLeavesOut() throws {
        // "Tmall flagship" takes Tmall's row: fee 6%, returns 10%, ¥4 a unit, paid after 14 days.
        // keep = (1 − 0.06) × (1 − 0.10) = 0.94 × 0.9 = 0.846; contribution 399 × 0.846 − 120 − 4 = 337.554 − 124 = 213.554.
        let tmall = try economics("  - name: Tmall flagship\n    reach: 100k\n    conversion: 1%\n")
        let channel = try #require(tmall.channels.first)
        #expect(channel.platform == "Tmall" && channel.fee == 0.06 && channel.returns == 0.10 && channel.settlementDays == 14)
        #expect(channel.share == 1 && tmall.fulfillment == 4 && !channel.fulfillmentMissing)
        #expect(abs(tmall.keep - 0.846) < 1e-15)
        #expect(tmall.receipts.map(\.days) == [14])
        let contribution = try #require(tmall.withContributions(price: 399, unitCost: 120).first?.contribution)
        #expect(abs(contribution - 213.554) < 1e-12)
        // A fee given wins over the platform's: 2% → keep 0.98 × 0.9 = 0.882.
        let given = try economics("  - name: Tmall flagship\n    reach: 100k\n    conversion: 1%\n    fee: 2%\n")
        #expect(abs(given.keep - 0.882) < 1e-15)
    }

    @Test func aSettlementInMonthsCountsCalendarDaysFromLaunch() throws {
        // One month from 2027-01-31 is 2027-02-28 (clamped): 28 days; from 2027-03-15 it is 2027-04-15: 31 days;
        // from 2027-12-15 it is 2028-01-15, across the year end: 31 days.
        let channel = "  - name: Shop\n    reach: 1000\n    conversion: 10%\n    settlement: 1 month\n"
        #expect(try economics(channel, launch: "2027-01-31").receipts.map(\.days) == [28])
        #expect(try economics(channel, launch: "2027-03-15").receipts.map(\.days) == [31])
        #expect(try economics(channel, launch: "2027-12-15").receipts.map(\.days) == [31])
    }

    @Test func fulfilmentInAnotherCurrencyCountsAsNothingAndIsAskedFor() throws {
        // Amazon's $4.60 holds in USD; in CNY it counts as 0 and the report asks for the channel's own figure.
        let amazon = "  - name: Amazon US\n    reach: 100k\n    conversion: 1%\n"
        let usd = try economics(amazon, currency: "USD"), cny = try economics(amazon)
        #expect(usd.fulfillment == 4.60 && usd.channels.first?.fulfillmentMissing == false)
        #expect(cny.fulfillment == 0 && cny.channels.first?.fulfillmentMissing == true)
        // Given in CNY, ¥30: kept, and nothing is missing.
        let given = try economics(amazon + "    fulfillment: 30\n")
        #expect(given.fulfillment == 30 && given.channels.first?.fulfillmentMissing == false)
    }

    @Test func sharesByBuyersAndGivenShares() throws {
        func shares(_ channels: String) throws -> [Double] { try economics(channels).channels.map(\.share) }
        // Alpha is given 20%; Beta (1,000 × 10% = 100 buyers) and Gamma (1,000 × 30% = 300) split the other 80% by
        // their buyers: 80% × 100/400 = 20% and 80% × 300/400 = 60%.
        let split = try shares("""
              - name: Alpha
                reach: 1000
                conversion: 1%
                share: 20%
              - name: Beta
                reach: 1000
                conversion: 10%
              - name: Gamma
                reach: 1000
                conversion: 30%

            """)
        #expect(zip(split, [0.2, 0.2, 0.6]).allSatisfy { abs($0 - $1) < 1e-15 })
        // Open channels without buyers split what is left evenly: 50% given, 25% and 25%.
        let even = try shares("  - name: Alpha\n    reach: 1000\n    conversion: 1%\n    share: 50%\n"
            + "  - name: Beta\n    reach: 0\n    conversion: 1%\n  - name: Gamma\n    reach: 0\n    conversion: 1%\n")
        #expect(even == [0.5, 0.25, 0.25])
    }

    @Test func givenSharesThatCannotBeKeptAreRefusedWhereWritten() {
        func refused(_ channels: String) -> [String] { errors(minimal + "channels:\n" + channels) }
        // Every channel gives a share and they add up to 50%: nothing takes the rest, so they cannot be kept as written.
        let under = refused("  - name: Alpha\n    reach: 10\n    conversion: 1%\n    share: 30%\n"
            + "  - name: Beta\n    reach: 10\n    conversion: 1%\n    share: 20%\n")
        #expect(under.count == 1 && under[0].contains("every channel gives a share, and they add up to 50%, not 100%"))
        // 80% + 60% = 140%: refused at the share that takes the total past 100%, even with an open channel.
        let over = refused("  - name: Alpha\n    reach: 10\n    conversion: 1%\n    share: 80%\n"
            + "  - name: Beta\n    reach: 10\n    conversion: 1%\n    share: 60%\n  - name: Gamma\n    reach: 1000\n    conversion: 10%\n")
        #expect(over.count == 1 && over[0].contains("the channels' shares add up to 140%, more than 100%"))
        // Exactly 100%, or less with an open channel: kept.
        #expect(refused("  - name: Alpha\n    reach: 10\n    conversion: 1%\n    share: 70%\n"
            + "  - name: Beta\n    reach: 10\n    conversion: 1%\n    share: 30%\n").isEmpty)
    }

    @Test func receiptsGroupByDelayInOrder() throws {
        // Tmall (half the sales, keep 0.846, 14 days), Shop A (a quarter, no fee or returns, 14 days), Shop B (a quarter, on
        // the day): paid on day 0, 0.25 of the price; on day 14, 0.5 × 0.846 + 0.25 = 0.673. keep = 0.25 + 0.673 = 0.923.
        let channels = try economics("""
              - name: Tmall
                reach: 1000
                conversion: 1%
                share: 50%
              - name: Shop A
                reach: 1000
                conversion: 1%
                share: 25%
                settlement: 14 days
              - name: Shop B
                reach: 1000
                conversion: 1%
                share: 25%

            """)
        #expect(channels.receipts.map(\.days) == [0, 14])
        #expect(zip(channels.receipts.map(\.keep), [0.25, 0.673]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(abs(channels.keep - 0.923) < 1e-15)
        // Fulfilment: only Tmall's ¥4, on half the units: ¥2 a unit.
        #expect(channels.fulfillment == 2)
    }
}
