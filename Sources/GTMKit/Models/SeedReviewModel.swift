/// Beta testers whose reviews are live by a date: the dates to recruit and ship (the numbers,
/// testers and cost, are outputs).
public struct SeedReviewPlan: Sendable, Equatable {
    public var target: Int
    public var reviewRate: Double
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

/// The seed-review model (see README, "Seed reviews"): testers = ⌈target ÷ review rate⌉, one
/// unit each at unit cost, scheduled backwards from `live_by`.
final class SeedReviewModel: Sendable {
    let plan: SeedReviewPlan
    let reviewRate: Int, unitCost: Int
    let recruitDay: Double, shipDay: Double

    init(_ scenario: Scenario, _ inputs: inout InputTable, unitCost: Int) {
        let seed = scenario.seedReviews!
        let liveBy = seed.liveBy ?? scenario.crowdfunding?.start ?? scenario.launch.date
        let reviewsDue = seed.buffer.before(liveBy)
        let trialStart = seed.trial.before(reviewsDue)
        let shipBy = seed.shipping.before(trialStart)
        plan = SeedReviewPlan(target: seed.target, reviewRate: seed.reviewRate.value, recruitStart: seed.recruit.before(shipBy),
                              shipBy: shipBy, trialStart: trialStart, reviewsDue: reviewsDue, liveBy: liveBy,
                              liveByIsCrowdfundingStart: seed.liveBy == nil && scenario.crowdfunding != nil)
        reviewRate = inputs.bind(seed.reviewRate, "seed_reviews.review_rate")
        recruitDay = Double(plan.recruitStart.daysSinceEpoch)
        shipDay = Double(plan.shipBy.daysSinceEpoch)
        self.unitCost = unitCost
    }

    /// ⌈target ÷ rate⌉ with a tolerance, so that 35 ÷ 0.35 stays 100.
    @inline(__always)
    static func testers(target: Int, rate: Double) -> Double {
        rate > 0 ? (Double(target) / rate - 1e-9).rounded(.up) : 0
    }

    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        let testers = Self.testers(target: plan.target, rate: v[reviewRate])
        ws[.testers] = testers
        ws[.testerUnits] = testers
        ws[.testerCost] = testers * v[unitCost]
        ws[.recruitStart] = recruitDay
        ws[.shipBy] = shipDay
    }
}
