/// Beta testers whose reviews are live by a date: how many, what they cost, when to start.
public struct SeedReviewPlan: Sendable, Equatable {
    public var target: Int
    public var reviewRate: Double
    /// ⌈target ÷ review rate⌉.
    public var testers: Int
    /// One unit per tester.
    public var units: Int
    public var unitCost: Double
    public var cost: Double { Double(units) * unitCost }
    public var recruitStart: CivilDate
    /// The day units leave for the testers.
    public var shipBy: CivilDate
    /// Units arrive and the trial starts.
    public var trialStart: CivilDate
    /// Reviews posted at the end of the trial.
    public var reviewsDue: CivilDate
    public var liveBy: CivilDate
    /// What `liveBy` was taken from.
    public var liveByIsCrowdfundingStart: Bool
}

/// The seed-review model (see README, "Seed reviews").
public enum SeedReviewModel {
    public static func plan(_ seed: Scenario.SeedReviews, unitCost: Double, launch: CivilDate,
                            crowdfundingStart: CivilDate?) -> SeedReviewPlan {
        let liveBy = seed.liveBy ?? crowdfundingStart ?? launch
        let rate = seed.reviewRate.value
        // ⌈target ÷ rate⌉ with a tolerance, so 35 ÷ 0.35 stays 100.
        let testers = rate > 0 ? Int((Double(seed.target) / rate - 1e-9).rounded(.up)) : 0
        let reviewsDue = seed.buffer.before(liveBy)
        let trialStart = seed.trial.before(reviewsDue)
        let shipBy = seed.shipping.before(trialStart)
        return SeedReviewPlan(target: seed.target, reviewRate: rate, testers: testers, units: testers, unitCost: unitCost,
                              recruitStart: seed.recruit.before(shipBy), shipBy: shipBy, trialStart: trialStart,
                              reviewsDue: reviewsDue, liveBy: liveBy,
                              liveByIsCrowdfundingStart: seed.liveBy == nil && crowdfundingStart != nil)
    }
}
