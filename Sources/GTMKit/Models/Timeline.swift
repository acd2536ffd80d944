/// One dated step of the launch, with who owns it.
package struct Milestone: Sendable, Hashable {
    enum Owner: String, Sendable, CaseIterable {
        case supplyChain = "supply_chain"
        case crowdfunding
        case kol
        case seedReviews = "seed_reviews"
        case launch
    }

    /// What the milestone is, as data; the renderers name it in the report's language.
    enum Kind: Sendable, Hashable {
        case pilotReady
        case purchaseOrder
        case production
        case reorder
        case launch
        case campaign
        case rewardsShip
        case kolInvite(String)
        case kolContract(String)
        case kolSample(String)
        case kolDraft(String)
        case kolReview(String)
        case kolPublish(String)
        case seedRecruit
        case seedShip
        case seedTrial
        case seedReviewsLive
    }

    /// Stable across runs: `inventory.purchase_order`, `kol.2.invite`, `seed_reviews.ship`.
    var id: String
    var kind: Kind
    var start: CivilDate
    var end: CivilDate
    var owner: Owner
    /// Milestones of one group (a KOL line, the seed programme…) are late together.
    var group: String

    var isPoint: Bool { start == end }
}

/// Every milestone of every section in one list ordered by date.
enum TimelineModel {
    /// `campaign`: the campaign when it is in the plan (a campaign the plan does not run has no dates).
    static func milestones(launch: CivilDate, pilotReady: CivilDate?, firstBatch: FirstBatch?, campaign: Campaign?,
                                  kol: KOLPlan?, seed: SeedReviewPlan?) -> [Milestone] {
        var list: [Milestone] = []
        func add(_ id: String, _ kind: Milestone.Kind, _ start: CivilDate, _ end: CivilDate? = nil,
                 _ owner: Milestone.Owner, group: String) {
            list.append(Milestone(id: id, kind: kind, start: start, end: end ?? start, owner: owner, group: group))
        }
        if let pilotReady { add("pilot.ready", .pilotReady, pilotReady, nil, .supplyChain, group: "pilot") }
        if let batch = firstBatch {
            add("inventory.purchase_order", .purchaseOrder, batch.poDate, nil, .supplyChain, group: "inventory")
            add("inventory.production", .production, batch.poDate, batch.arrival, .supplyChain, group: "inventory")
            for (index, reorder) in batch.reorders.enumerated() {
                add(reorderID(index), .reorder, reorder.date, reorder.arrival, .supplyChain, group: reorderID(index))
            }
        }
        if let campaign {
            add("crowdfunding.campaign", .campaign, campaign.start, campaign.end, .crowdfunding, group: "crowdfunding")
            add("crowdfunding.rewards_ship", .rewardsShip, campaign.fulfillment, nil, .crowdfunding, group: "crowdfunding.rewards")
        }
        if let kol {
            for (index, line) in kol.lines.enumerated() {
                let base = "kol.\(index + 1)"
                let s = line.schedule
                add("\(base).invite", .kolInvite(line.name), s.invite, nil, .kol, group: base)
                add("\(base).contract", .kolContract(line.name), s.contract, nil, .kol, group: base)
                add("\(base).sample", .kolSample(line.name), s.sampleShipped, nil, .kol, group: base)
                add("\(base).draft", .kolDraft(line.name), s.draftDue, nil, .kol, group: base)
                add("\(base).review", .kolReview(line.name), s.reviewDone, nil, .kol, group: base)
                add("\(base).publish", .kolPublish(line.name), s.publish, nil, .kol, group: base)
            }
        }
        if let seed {
            add("seed_reviews.recruit", .seedRecruit, seed.recruitStart, seed.shipBy, .seedReviews, group: "seed_reviews")
            add("seed_reviews.ship", .seedShip, seed.shipBy, nil, .seedReviews, group: "seed_reviews")
            add("seed_reviews.trial", .seedTrial, seed.trialStart, seed.reviewsDue, .seedReviews, group: "seed_reviews")
            add("seed_reviews.live", .seedReviewsLive, seed.liveBy, nil, .seedReviews, group: "seed_reviews")
        }
        add("launch", .launch, launch, nil, .launch, group: "launch")
        func rank(_ owner: Milestone.Owner) -> Int { Milestone.Owner.allCases.firstIndex(of: owner) ?? 0 }
        return list.enumerated().sorted { a, b in
            (a.element.start, rank(a.element.owner), a.offset) < (b.element.start, rank(b.element.owner), b.offset)
        }.map(\.element)
    }

    /// The timeline id of the reorder at `index`: the second order keeps `inventory.reorder`;
    /// later ones are `inventory.reorder.2` (the third order), `.3`, ….
    static func reorderID(_ index: Int) -> String {
        index == 0 ? "inventory.reorder" : "inventory.reorder.\(index + 1)"
    }

    /// Milestones that start before the planning date: the earliest of each group, with how
    /// many of the group's later steps are past too.
    static func late(_ milestones: [Milestone], asOf: CivilDate) -> [(milestone: Milestone, daysLate: Int, laterSteps: Int)] {
        var seen = Set<String>()
        var late: [(milestone: Milestone, daysLate: Int, laterSteps: Int)] = []
        for milestone in milestones where milestone.start < asOf && !seen.contains(milestone.group) {
            seen.insert(milestone.group)
            let others = milestones.filter { $0.group == milestone.group && $0.id != milestone.id && $0.start < asOf }.count
            late.append((milestone, milestone.start.days(to: asOf), others))
        }
        return late
    }
}

// MARK: Outputs

extension Output.Section {
    /// The launch day.
    static let launch = Output.Section("launch")
}

extension Output {
    static let launchDate = Output(550, .launch, "date", "Launch", "上市日", .date, compared: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let launchOutputs: [Output] = [.launchDate]
}
