/// A crowdfunding platform's published fees (see the README for each source).
public struct PlatformFees: Sendable, Equatable {
    /// Share of funds collected the platform keeps.
    public var platform: Double
    /// Payment processing, as a share of funds collected.
    public var payment: Double
    /// Payment processing per pledge, in `fixedCurrency`.
    public var fixed: Double
    public var fixedCurrency: String
    /// Kickstarter's micropledge rule: pledges under `smallPledgeBelow` pay
    /// `smallPayment` and `smallFixed` instead.
    public var smallPledgeBelow: Double?
    public var smallPayment: Double
    public var smallFixed: Double

    /// The defaults for a platform, or nil where no fee is published (jd, other).
    public static func published(_ platform: Scenario.Platform) -> PlatformFees? {
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
        case .jd, .other:
            return nil
        }
    }
}
