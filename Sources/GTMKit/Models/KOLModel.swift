/// The KOL plan: what the chosen creators cost, reach and sell, and when each must be asked.
public struct KOLPlan: Sendable, Equatable {
    /// One line of the plan: a tier's slots or one roster pick.
    public struct Line: Sendable, Equatable {
        public var name: String
        /// Tier name (the item's `tier`, or the pick's follower tier).
        public var tier: String
        /// Posts: a tier's count, or 1 for a pick.
        public var posts: Int
        public var followers: Double
        public var engagementRate: Double
        public var viewRate: Double
        public var clickRate: Double
        public var conversion: Double
        public var cost: Double
        public var reach: Double
        public var engagements: Double
        public var clicks: Double
        public var buyers: Double
        public var leadTime: Period
        public var schedule: Schedule
    }

    /// Backwards from the publish date.
    public struct Schedule: Sendable, Equatable {
        public var invite: CivilDate
        public var contract: CivilDate
        public var sampleShipped: CivilDate
        public var draftDue: CivilDate
        public var reviewDone: CivilDate
        public var publish: CivilDate
    }

    public var lines: [Line]
    public var budget: Double?
    /// For a roster: what the selector found.
    public var selection: RosterSelection?
    public var candidates: Int
    public var publishWindow: Period

    public var cost: Double { lines.reduce(0) { $0 + $1.cost } }
    public var reach: Double { lines.reduce(0) { $0 + $1.reach } }
    public var engagements: Double { lines.reduce(0) { $0 + $1.engagements } }
    public var buyers: Double { lines.reduce(0) { $0 + $1.buyers } }
    /// Cost per thousand people reached.
    public var cpm: Double? { reach > 0 ? cost / reach * 1000 : nil }
    /// Cost per engagement.
    public var cpe: Double? { engagements > 0 ? cost / engagements : nil }
    public var costPerBuyer: Double? { buyers > 0 ? cost / buyers : nil }
    public var overBudget: Double? { budget.flatMap { cost > $0 + 0.005 ? cost - $0 : nil } }
}

/// The KOL model (see README, "KOL plan").
public enum KOLModel {
    /// Milestones as shares of the lead time from invitation to publish, after the published
    /// breakdown of a 6–10-week campaign: outreach and contract, product shipping, trial and
    /// content, brand review (3–5 working days), then publishing.
    static let steps = (contract: 0.25, sample: 0.375, draft: 0.75, review: 0.84)

    public static func schedule(publish: CivilDate, leadTime: Period) -> KOLPlan.Schedule {
        let invite = leadTime.before(publish)
        let days = Double(invite.days(to: publish))
        func at(_ share: Double) -> CivilDate { invite.adding(days: Int((days * share).rounded())) }
        return .init(invite: invite, contract: at(steps.contract), sampleShipped: at(steps.sample),
                     draftDue: at(steps.draft), reviewDone: at(steps.review), publish: publish)
    }

    /// Publish dates spread evenly over the window ending on launch day, smallest creators first.
    static func publishDates(count: Int, launch: CivilDate, window: Period) -> [CivilDate] {
        let start = window.before(launch)
        let days = start.days(to: launch)
        guard count > 1 else { return [launch] }
        return (0..<count).map { start.adding(days: Int((Double(days) * Double($0) / Double(count - 1)).rounded())) }
    }

    /// One tier's numbers: reach = posts × followers × view rate; engagements = posts ×
    /// followers × engagement; buyers = reach × click rate × conversion; cost = posts × fee.
    @inline(__always)
    public static func metrics(posts: Double, followers: Double, engagement: Double, view: Double, click: Double,
                               conversion: Double, fee: Double)
        -> (cost: Double, reach: Double, engagements: Double, clicks: Double, buyers: Double) {
        let reach = posts * followers * view
        let clicks = reach * click
        return (posts * fee, reach, posts * followers * engagement, clicks, clicks * conversion)
    }

    public static func plan(_ kol: Scenario.KOL, launch: CivilDate) -> KOLPlan {
        var lines: [KOLPlan.Line] = []
        for tier in kol.tiers {
            let defaults = KOLTierDefaults.named(tier.tier) ?? KOLTierDefaults.forFollowers(tier.followers.value)
            let followers = tier.followers.value
            let engagement = tier.engagement?.value ?? defaults.engagement
            let view = tier.viewRate?.value ?? defaults.viewRate
            let click = tier.clickRate?.value ?? defaults.clickRate
            let conversion = tier.conversion?.value ?? defaults.conversion
            let m = metrics(posts: Double(tier.count), followers: followers, engagement: engagement, view: view, click: click,
                            conversion: conversion, fee: tier.fee.value)
            lines.append(.init(name: tier.tier, tier: tier.tier, posts: tier.count, followers: followers,
                               engagementRate: engagement, viewRate: view, clickRate: click, conversion: conversion,
                               cost: m.cost, reach: m.reach, engagements: m.engagements, clicks: m.clicks, buyers: m.buyers,
                               leadTime: tier.leadTime ?? .days(defaults.leadTimeDays),
                               schedule: schedule(publish: launch, leadTime: .days(0))))
        }
        var selection: RosterSelection?
        if !kol.roster.isEmpty {
            let budgetLeft = max(0, (kol.budget?.value ?? .infinity) - lines.reduce(0) { $0 + $1.cost })
            let rates = kol.roster.map { $0.engagement ?? KOLTierDefaults.forFollowers($0.followers).engagement }
            let values = zip(kol.roster, rates).map { $0.followers * $1 }
            let found: RosterSelection
            if budgetLeft.isFinite {
                found = RosterSelector.select(fees: kol.roster.map(\.fee), values: values, budget: budgetLeft)
            } else {
                // No budget: everyone is chosen.
                let all = Array(kol.roster.indices)
                found = RosterSelection(chosen: all, engagements: values.reduce(0, +),
                                        cost: kol.roster.reduce(0) { $0 + $1.fee }, upperBound: values.reduce(0, +), exact: true)
            }
            selection = found
            for index in found.chosen {
                let candidate = kol.roster[index]
                let defaults = KOLTierDefaults.forFollowers(candidate.followers)
                let m = metrics(posts: 1, followers: candidate.followers, engagement: rates[index], view: defaults.viewRate,
                                click: defaults.clickRate, conversion: defaults.conversion, fee: candidate.fee)
                lines.append(.init(name: candidate.name, tier: defaults.name, posts: 1, followers: candidate.followers,
                                   engagementRate: rates[index], viewRate: defaults.viewRate, clickRate: defaults.clickRate,
                                   conversion: defaults.conversion, cost: m.cost, reach: m.reach,
                                   engagements: m.engagements, clicks: m.clicks, buyers: m.buyers,
                                   leadTime: .days(defaults.leadTimeDays), schedule: schedule(publish: launch, leadTime: .days(0))))
            }
        }
        // Publish dates over the window, smallest audiences first; then each schedule backwards.
        let order = lines.indices.sorted { (lines[$0].followers, $0) < (lines[$1].followers, $1) }
        let dates = publishDates(count: lines.count, launch: launch, window: kol.publishWindow)
        for (slot, index) in order.enumerated() {
            lines[index].schedule = schedule(publish: dates[slot], leadTime: lines[index].leadTime)
        }
        return KOLPlan(lines: lines, budget: kol.budget?.value, selection: selection, candidates: kol.roster.count,
                       publishWindow: kol.publishWindow)
    }
}
