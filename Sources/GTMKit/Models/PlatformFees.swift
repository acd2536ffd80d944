/// A crowdfunding platform's published fees (see the Models article for each source).
struct PlatformFees: Sendable, Equatable {
    /// Share of funds collected the platform keeps.
    var platform: Double
    /// Payment processing, as a share of funds collected.
    var payment: Double
    /// Payment processing per pledge, in `fixedCurrency`.
    var fixed: Double
    var fixedCurrency: String
    /// Kickstarter's micropledge rule: pledges under `smallPledgeBelow` pay
    /// `smallPayment` and `smallFixed` instead.
    var smallPledgeBelow: Double?
    var smallPayment: Double
    var smallFixed: Double

    /// The defaults for a platform, or nil where no fee is published (jd, other).
    static func published(_ platform: Scenario.Platform) -> PlatformFees? {
        switch platform {
        case .kickstarter:
            // kickstarter.com/help/fees: 5% + 3% + $0.20 a pledge; under $10, 5% + $0.05.
            return PlatformFees(platform: 0.05, payment: 0.03, fixed: 0.20, fixedCurrency: "USD",
                                smallPledgeBelow: 10, smallPayment: 0.05, smallFixed: 0.05)
        case .indiegogo:
            // Indiegogo help: 5% platform fee; processors charge 3% (3–5% by processor).
            return PlatformFees(platform: 0.05, payment: 0.03, fixed: 0, fixedCurrency: "USD",
                                smallPledgeBelow: nil, smallPayment: 0.03, smallFixed: 0)
        case .modian:
            // me.modian.com FAQ: 6% of successful projects (waived at times) + 1% payment fee.
            return PlatformFees(platform: 0.06, payment: 0.01, fixed: 0, fixedCurrency: "CNY",
                                smallPledgeBelow: nil, smallPayment: 0.01, smallFixed: 0)
        case .makuake:
            // Makuake's terms (makuake.com/pages/term, 2020): a success fee of 20% of the pledges,
            // transfer fee borne by Makuake; some guides quote 20% + 5% payment (give `payment_fee`).
            return PlatformFees(platform: 0.20, payment: 0, fixed: 0, fixedCurrency: "JPY",
                                smallPledgeBelow: nil, smallPayment: 0, smallFixed: 0)
        case .jd, .other:
            return nil
        }
    }

    /// Pledges that fail to collect by default: Kickstarter authorises cards and charges them
    /// after the deadline, so some fail (5%, the campaign agencies' planning figure); Indiegogo,
    /// 摩点, 京东众筹 and Makuake take the money when the backer pledges (Alipay, WeChat Pay, an
    /// immediate card charge): nothing is left to fail.
    static func droppedPledges(_ platform: Scenario.Platform) -> Double {
        platform == .kickstarter || platform == .other ? 0.05 : 0
    }
}

extension PlatformFees {
    /// When the campaign's money reaches the bank, by platform (see the Models article for each source).
    enum Payout: Sendable, Equatable {
        /// This long after the campaign's last day.
        case afterEnd(Period)
        /// This long after rewards ship (the platform pays once backers confirm delivery).
        case afterRewards(Period)
    }

    /// Kickstarter: a 14-day window after the deadline, then up to a week at the bank (its help
    /// pages); Indiegogo: within 15 business days of the end (its support page); Modian: only
    /// after rewards are delivered and confirmed (its FAQ), taken as 10 days after they ship,
    /// Taobao's auto-confirm for express parcels; JD and others: no published timing, 30 days
    /// as a placeholder the report names.
    static func payout(_ platform: Scenario.Platform) -> Payout {
        switch platform {
        case .kickstarter: return .afterEnd(.days(21))
        case .indiegogo: return .afterEnd(.days(21))
        case .modian: return .afterRewards(.days(10))
        case .jd, .makuake, .other: return .afterEnd(.days(30))
        }
    }
}
