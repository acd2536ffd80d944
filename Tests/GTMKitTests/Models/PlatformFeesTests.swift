/// `PlatformFees`: each crowdfunding platform's published fees (platform, payment, per pledge) and payout timing.
import Testing
@testable import GTMKit

@Suite struct PlatformFeesTests {
    @Test func everyPublishedFeeOfTheReadme() {
        // kickstarter.com/help/fees: 5% platform + 3% payment + $0.20 a pledge; pledges under $10 pay 5% + $0.05 instead.
        #expect(PlatformFees.published(.kickstarter) == PlatformFees(platform: 0.05, payment: 0.03, fixed: 0.20, fixedCurrency: "USD",
                                                                     smallPledgeBelow: 10, smallPayment: 0.05, smallFixed: 0.05))
        // Indiegogo help: 5% platform fee; processors 3–5%, gtm takes 3%; no per-pledge fee, no micropledge rule.
        let indiegogo = PlatformFees.published(.indiegogo)
        #expect(indiegogo?.platform == 0.05 && indiegogo?.payment == 0.03 && indiegogo?.fixed == 0)
        #expect(indiegogo?.smallPledgeBelow == nil)
        // Modian FAQ: 6% of successful projects + a 1% payment fee, in CNY; no per-pledge fee.
        let modian = PlatformFees.published(.modian)
        #expect(modian?.platform == 0.06 && modian?.payment == 0.01 && modian?.fixed == 0 && modian?.fixedCurrency == "CNY")
        #expect(modian?.smallPledgeBelow == nil)
        // JD crowdfunding and other platforms publish no fee: the scenario must give them.
        #expect(PlatformFees.published(.jd) == nil)
        #expect(PlatformFees.published(.other) == nil)
    }

    /// What `pledges` of `price` pay in fees under a campaign's schedule, worked out by `CrowdfundingModel.money`.
    func fees(_ schedule: CrowdfundingModel.FeeSchedule, price: Double, pledges: Double = 1) -> Double {
        var order = [0], pledged = [0.0]
        let totals = [price].withUnsafeBufferPointer { prices in
            order.withUnsafeMutableBufferPointer { order in
                pledged.withUnsafeMutableBufferPointer { pledged in
                    CrowdfundingModel.money(wanted: pledges, prices: prices, limits: [.infinity], shares: [1], unitsPerPledge: [1], dropped: 0,
                                            fees: schedule, order: order, pledges: pledged)
                }
            }
        }
        return totals.platformFees + totals.paymentFees
    }

    @Test func thePublishedFeesOfAPledgeByHand() throws {
        let text = "scenario:\n  currency: USD\n" + minimal + "crowdfunding:\n  platform: kickstarter\n  start: 2027-01-04\n"
            + "  tiers:\n    - name: Backer\n      price: 149\n"
        let usd = CrowdfundingModel.feeSchedule(try #require(try decode(text).crowdfunding), currency: "USD")
        // Kickstarter in USD, no fee given: the published schedule. $149: 149 × (5% + 3%) + $0.20 = 11.92 + 0.20 = $12.12.
        #expect(abs(fees(usd, price: 149) - 12.12) < 1e-12)
        // A micropledge of $9.99: 9.99 × (5% + 5%) + $0.05 = 0.999 + 0.05 = $1.049.
        #expect(abs(fees(usd, price: 9.99) - 1.049) < 1e-12)
        // $10 exactly is not under $10: 10 × (5% + 3%) + $0.20 = $1.00.
        #expect(abs(fees(usd, price: 10) - 1.00) < 1e-12)
        // In CNY the dollar fee cannot apply: the scenario gives ¥1.40 a pledge, and the micropledge rule (in dollars) is off:
        // ¥9.99 pays 9.99 × (5% + 3%) + 1.40 = 0.7992 + 1.40 = ¥2.1992.
        let cny = CrowdfundingModel.feeSchedule(try #require(try decode(text.replacingOccurrences("currency: USD", with: "currency: CNY")
            .replacingOccurrences("platform: kickstarter", with: "platform: kickstarter\n  payment_fixed: 1.40")).crowdfunding), currency: "CNY")
        #expect(cny.microBelow == nil)
        #expect(abs(fees(cny, price: 9.99) - 2.1992) < 1e-12)
    }

    @Test func payoutTimingByPlatform() {
        // Kickstarter: a 14-day collection window + up to a week at the bank = 21 days after the end.
        #expect(PlatformFees.payout(.kickstarter) == .afterEnd(.days(21)))
        // Indiegogo: within 15 business days = 3 calendar weeks = 21 days.
        #expect(PlatformFees.payout(.indiegogo) == .afterEnd(.days(21)))
        // Modian: after rewards are delivered and confirmed: Taobao's 10-day auto-confirm after shipping.
        #expect(PlatformFees.payout(.modian) == .afterRewards(.days(10)))
        // JD and others: no published timing, a 30-day placeholder.
        #expect(PlatformFees.payout(.jd) == .afterEnd(.days(30)))
        #expect(PlatformFees.payout(.other) == .afterEnd(.days(30)))
    }

    @Test func payoutDatesAcrossMonthAndYearEnds() {
        // A Kickstarter campaign ending 2026-12-20: + 21 days = 2027-01-10 (11 days left in December, 10 in January).
        guard case .afterEnd(let delay) = PlatformFees.payout(.kickstarter) else {
            Issue.record("Kickstarter pays after the end")
            return
        }
        #expect(delay.after(CivilDate(year: 2026, month: 12, day: 20)!) == CivilDate(year: 2027, month: 1, day: 10))
        // Modian rewards shipped 2028-02-25 (a leap year): + 10 days = 2028-03-06 (25 → 29 Feb is 4 days, then 6).
        guard case .afterRewards(let afterRewards) = PlatformFees.payout(.modian) else {
            Issue.record("Modian pays after rewards ship")
            return
        }
        #expect(afterRewards.after(CivilDate(year: 2028, month: 2, day: 25)!) == CivilDate(year: 2028, month: 3, day: 6))
        // Platform names are the schema's lowercase words: `Kickstarter` is no platform.
        #expect(Scenario.Platform(rawValue: "kickstarter") == .kickstarter && Scenario.Platform(rawValue: "Kickstarter") == nil)
    }
}
