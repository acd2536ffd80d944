/// `seed_reviews`: beta testers (内测) whose reviews are live by a date.
extension Scenario {
    struct SeedReviews: Sendable {
        var target: Int
        var reviewRate: Quantity
        var recruit: Period
        var shipping: Period
        var trial: Period
        var buffer: Period
        var liveBy: CivilDate?
    }
}

extension Schema {
    static let seedReviewFields: [Field] = [
        Field("seed_reviews", .section, "Beta testers whose reviews are live by launch.", zh: "内测用户：上市时评论已上线。"),
        Field("seed_reviews.target", .value(.integer), example: "30", required: true, "Reviews live by `live_by`.", zh: "在 live_by 之前上线的评论数。"),
        Field("seed_reviews.review_rate", .value(.share), bounds: 0.01...1, default: "35%",
              "Testers who post a review.", zh: "发布评论的内测用户比例。"),
        Field("seed_reviews.recruit", .value(.period), default: "14 days", "Time to recruit testers.", zh: "招募内测用户的时间。"),
        Field("seed_reviews.shipping", .value(.period), default: "7 days", "Units in transit to testers.", zh: "寄送给内测用户的时间。"),
        Field("seed_reviews.trial", .value(.period), default: "14 days", "Use before reviewing.", zh: "评论前的试用期。"),
        Field("seed_reviews.buffer", .value(.period), default: "7 days", "Moderation and late posts.", zh: "审核与延迟发布的缓冲。"),
        Field("seed_reviews.live_by", .value(.date), example: "2027-09-01", note: "launch.date, or crowdfunding.start when crowdfunding is present",
              "Day the reviews must be live.", zh: "评论须上线的日期。"),
    ]
}

extension ScenarioDecoder {
    mutating func seedReviews(_ section: Section) -> Scenario.SeedReviews? {
        let target = integer("target", in: section)
        let rate = quantity("review_rate", in: section)
        let recruit = period("recruit", in: section)
        let shipping = period("shipping", in: section)
        let trial = period("trial", in: section)
        let buffer = period("buffer", in: section)
        guard let target, let rate, let recruit, let shipping, let trial, let buffer else { return nil }
        return .init(target: target, reviewRate: rate, recruit: recruit, shipping: shipping, trial: trial, buffer: buffer,
                     liveBy: date("live_by", in: section))
    }
}
