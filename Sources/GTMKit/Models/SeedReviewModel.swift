/// Beta testers whose reviews are live by a date: the dates to recruit and ship (the numbers,
/// testers and cost, are outputs).
struct SeedReviewPlan: Sendable, Equatable {
    var target: Int
    var reviewRate: Double
    var recruitStart: CivilDate
    /// The day units leave for the testers.
    var shipBy: CivilDate
    /// Units arrive and the trial starts.
    var trialStart: CivilDate
    /// Reviews posted at the end of the trial.
    var reviewsDue: CivilDate
    var liveBy: CivilDate
    /// What `liveBy` was taken from.
    var liveByIsCrowdfundingStart: Bool
}

/// The seed-review model (see the Models article, "Seed reviews"): testers = ⌈target ÷ review rate⌉, one
/// unit each at unit cost, scheduled backwards from `live_by`.
final class SeedReviewModel: Sendable {
    /// The schedule backwards from `live_by`, or from launch; and, when the scenario has a
    /// campaign and no `live_by`, from the campaign's start (used when the campaign is in the plan).
    let plan: SeedReviewPlan
    let campaignPlan: SeedReviewPlan?
    let reviewRate: Int, unitCost: Int
    let days: (recruit: Double, ship: Double), campaignDays: (recruit: Double, ship: Double)

    /// Nil without the section.
    init?(_ scenario: Scenario, _ inputs: inout InputTable, unitCost: Int) {
        guard let seed = scenario.seedReviews else { return nil }
        func schedule(liveBy: CivilDate, fromCampaign: Bool) -> SeedReviewPlan {
            let reviewsDue = seed.buffer.before(liveBy)
            let trialStart = seed.trial.before(reviewsDue)
            let shipBy = seed.shipping.before(trialStart)
            return SeedReviewPlan(target: seed.target, reviewRate: seed.reviewRate.value, recruitStart: seed.recruit.before(shipBy),
                                  shipBy: shipBy, trialStart: trialStart, reviewsDue: reviewsDue, liveBy: liveBy,
                                  liveByIsCrowdfundingStart: fromCampaign)
        }
        plan = schedule(liveBy: seed.liveBy ?? scenario.launch.date, fromCampaign: false)
        campaignPlan = seed.liveBy == nil ? scenario.crowdfunding.map { schedule(liveBy: $0.start, fromCampaign: true) } : nil
        reviewRate = inputs.bind(seed.reviewRate, "seed_reviews.review_rate")
        self.unitCost = unitCost
        days = (Double(plan.recruitStart.daysSinceEpoch), Double(plan.shipBy.daysSinceEpoch))
        campaignDays = campaignPlan.map { (Double($0.recruitStart.daysSinceEpoch), Double($0.shipBy.daysSinceEpoch)) } ?? days
    }

    /// The schedule in the plan: from the campaign's start when it is in the plan.
    func plan(campaignInPlan: Bool) -> SeedReviewPlan {
        campaignInPlan ? campaignPlan ?? plan : plan
    }

    /// ⌈target ÷ rate⌉ with a tolerance, so that 35 ÷ 0.35 stays 100.
    @inline(__always)
    static func testers(target: Int, rate: Double) -> Double {
        rate > 0 ? (Double(target) / rate - 1e-9).rounded(.up) : 0
    }

    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, campaignInPlan: Bool) {
        let testers = Self.testers(target: plan.target, rate: v[reviewRate])
        ws[.testers] = testers
        ws[.testerUnits] = testers
        ws[.testerCost] = testers * v[unitCost]
        let chosen = campaignInPlan ? campaignDays : days
        ws[.recruitStart] = chosen.recruit
        ws[.shipBy] = chosen.ship
    }
}

// MARK: Outputs

extension Output.Section {
    /// Beta testers (`SeedReviewModel`).
    static let seedReviews = Output.Section("seed_reviews")
}

extension Output {
    static let testers = Output(400, .seedReviews, "testers", "Seed-review testers", "内测人数", .count, ranged: true, compared: true)
    static let testerUnits = Output(401, .seedReviews, "units", "Tester units", "内测产品件数", .count, ranged: true)
    static let testerCost = Output(402, .seedReviews, "cost", "Cost of tester units", "内测产品成本", .money, ranged: true)
    static let recruitStart = Output(403, .seedReviews, "recruit_start", "Recruit testers from", "开始招募", .date)
    static let shipBy = Output(404, .seedReviews, "ship_by", "Testers' units ship by", "内测产品寄出", .date, compared: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let seedReviewsOutputs: [Output] = [.testers, .testerUnits, .testerCost, .recruitStart, .shipBy]
}
