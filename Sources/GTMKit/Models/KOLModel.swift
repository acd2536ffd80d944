/// The KOL plan: what the chosen creators cost, reach and sell, and when each must be asked.
struct KOLPlan: LeverResult, Equatable {
    /// One line of the plan: a tier's slots or one roster pick.
    struct Line: Sendable, Equatable {
        var name: String
        /// Tier name (the item's `tier`, or the pick's follower tier).
        var tier: String
        /// Posts: a tier's count, or a pick's acceptance (the posts to expect).
        var posts: Double
        var followers: Double
        var engagementRate: Double
        var viewRate: Double
        var clickRate: Double
        var conversion: Double
        var cost: Double
        var reach: Double
        var engagements: Double
        var clicks: Double
        var buyers: Double
        var leadTime: Period
        var schedule: Schedule
        /// Where the line posts ("" when not given) and what that changes.
        var platform: String
        var halfLifeDays: Double
        /// Invitations to send: a tier's `count ÷ acceptance`, rounded up; 1 for a roster pick.
        var invitations: Int
        /// The chance an invited creator takes the deal (a roster pick's posts are this expectation).
        var acceptance: Double
        /// Share of the sales the posts drive paid to the creator on top of the fee.
        var commission: Double
        /// Fees and commissions per buyer, and the sales each unit of cost brings (ROAS).
        var costPerBuyer: Double { buyers > 0 ? cost / buyers : .infinity }
    }

    /// Backwards from the publish date.
    struct Schedule: Sendable, Equatable {
        var invite: CivilDate
        var contract: CivilDate
        var sampleShipped: CivilDate
        var draftDue: CivilDate
        var reviewDone: CivilDate
        var publish: CivilDate
    }

    var lines: [Line]
    var budget: Double?
    /// For a roster: what the selector found.
    var selection: RosterSelection?
    var candidates: Int
    var publishWindow: Period
    /// True for lines from `kol.tiers`, false for roster picks (named creators).
    var fromTiers: [Bool]
    /// What the roster pick maximised.
    var objective: Scenario.KOLObjective
    /// Expected posts: a tier's slots, and each roster pick times its acceptance.
    var posts: Double { lines.reduce(0) { $0 + $1.posts } }
}

/// The KOL model (see the Models article, "KOL plan"). The lines are fixed once: a tier's slots, or the
/// roster picks the selector made at the base case (a pick is a decision, not redrawn per
/// trial). Each evaluation computes every line's cost, reach, engagements and buyers from the
/// inputs in its registers: the base case and every trial run this same code.
final class KOLModel: Lever {
    /// One line's inputs: registers, or constants for a roster pick.
    struct LineSlots: Sendable {
        let posts: Double
        let fee: Int, followers: Int, engagement: Int, view: Int, click: Int, conversion: Int, commission: Int
    }

    let lines: [LineSlots]
    /// The lines as the report names and schedules them (metrics filled in per evaluation),
    /// timed to the launch.
    let plan: KOLPlan
    /// The same lines timed to the campaign's first days (`align: campaign`), when it has one.
    let campaignSchedules: [KOLPlan.Schedule]?
    /// Product units sent as samples: one per tier slot and one per roster pick.
    let samples: Double
    /// Where a sample's cost is: the pilot's unit cost, or the product's.
    let sampleCost: Int
    var lineCount: Int { lines.count }

    /// The price commissions are paid on.
    let price: Int
    /// Numbers kept per line and evaluation (cost, reach, engagements, clicks, buyers).
    static let metricsPerLine = 5
    /// Share of each fee paid at contract (the rest when the post goes live).
    let upfront: Double
    /// `kol.align: campaign`: the posts are timed to the campaign's first days, and their buyers
    /// back it once it is in the plan.
    let alignsToCampaign: Bool
    /// With a campaign in the scenario too: the posts' buyers are backers when it is in the plan.
    let buyersToCampaign: Bool
    /// Each line's publish day after launch; its contract, publish and sample days (days since
    /// 1970) timed to the launch and to the campaign.
    let publishDays: [Double]
    let days: [(contract: Int, publish: Int, sample: Int)]
    let campaignDays: [(contract: Int, publish: Int, sample: Int)]

    static func make(_ context: inout LeverContext) -> KOLModel? {
        KOLModel(context.scenario, &context.inputs, sampleCost: context.sampleCost, price: context.price,
                 contribution: context.contribution)
    }

    /// Nil without the section.
    init?(_ scenario: Scenario, _ inputs: inout InputTable, sampleCost: Int, price: Int, contribution: Double) {
        guard let kol = scenario.kol else { return nil }
        self.sampleCost = sampleCost
        self.price = price
        let launch = scenario.launch.date
        var slots: [LineSlots] = []
        var lines: [KOLPlan.Line] = []
        var fromTiers: [Bool] = []
        // What the tiers cost at the base case: fees plus the commissions on the sales they drive.
        var tierCost = 0.0
        for (index, tier) in kol.tiers.enumerated() {
            let platform = KOLPlatform.named(tier.platform ?? kol.platform)
            let defaults = KOLTierDefaults.named(tier.tier) ?? KOLTierDefaults.forFollowers(tier.followers.value)
            func bind(_ quantity: Quantity?, _ key: String, _ fallback: Double) -> Int {
                quantity.map { inputs.bind($0, list: "kol.tiers", index: index, name: tier.tier, key: key) } ?? inputs.constant(fallback)
            }
            let funnel = platform.funnel(defaults)
            let line = LineSlots(posts: Double(tier.count),
                                 fee: bind(tier.fee, "fee", 0), followers: bind(tier.followers, "followers", 0),
                                 engagement: bind(tier.engagement, "engagement", platform.engagement(defaults)),
                                 view: bind(tier.viewRate, "view_rate", funnel.view),
                                 click: bind(tier.clickRate, "click_rate", funnel.click),
                                 conversion: bind(tier.conversion, "conversion", funnel.conversion),
                                 commission: bind(tier.commission, "commission", 0))
            slots.append(line)
            let acceptance = max(tier.acceptance.value, 1e-9)
            lines.append(.init(name: tier.tier, tier: tier.tier, posts: Double(tier.count), followers: tier.followers.value,
                               engagementRate: tier.engagement?.value ?? platform.engagement(defaults),
                               viewRate: tier.viewRate?.value ?? funnel.view,
                               clickRate: tier.clickRate?.value ?? funnel.click,
                               conversion: tier.conversion?.value ?? funnel.conversion, cost: 0, reach: 0, engagements: 0,
                               clicks: 0, buyers: 0, leadTime: tier.leadTime ?? .days(defaults.leadTimeDays),
                               schedule: Self.schedule(publish: launch, leadTime: .days(0)), platform: platform.name,
                               halfLifeDays: platform.halfLifeDays,
                               invitations: Int((Double(tier.count) / acceptance - 1e-9).rounded(.up)),
                               acceptance: tier.acceptance.value, commission: tier.commission.value))
            fromTiers.append(true)
            let base = inputs.base
            let m = Self.metrics(posts: line.posts, followers: base[line.followers], engagement: base[line.engagement], view: base[line.view],
                                 click: base[line.click], conversion: base[line.conversion], fee: base[line.fee])
            tierCost += m.cost + base[line.commission] * m.buyers * base[price]
        }
        var selection: RosterSelection?
        if !kol.roster.isEmpty {
            let budgetLeft = max(0, (kol.budget ?? .infinity) - tierCost)
            let platforms = kol.roster.map { KOLPlatform.named($0.platform) }
            let tiers = kol.roster.map { KOLTierDefaults.forFollowers($0.followers) }
            let rates = kol.roster.indices.map { kol.roster[$0].engagement ?? platforms[$0].engagement(tiers[$0]) }
            // Each candidate's buyers, expected value and expected cost, fee plus commissions (both
            // weighed by acceptance).
            let buyers = kol.roster.indices.map { index -> Double in
                let funnel = platforms[index].funnel(tiers[index])
                return kol.roster[index].followers * funnel.view * funnel.click * funnel.conversion
            }
            let values = kol.roster.indices.map { index -> Double in
                let candidate = kol.roster[index], buyers = buyers[index]
                let value: Double
                switch kol.objective {
                case .engagements: value = candidate.followers * rates[index]
                case .buyers: value = buyers
                case .margin: value = buyers * (contribution - candidate.commission * inputs.base[price]) - candidate.fee
                }
                return max(0, value) * candidate.acceptance
            }
            let fees = kol.roster.indices.map { index in
                (kol.roster[index].fee + kol.roster[index].commission * buyers[index] * inputs.base[price]) * kol.roster[index].acceptance
            }
            // Only candidates worth something are offered to the pick.
            let offered = kol.roster.indices.filter { values[$0] > 0 }
            let found: RosterSelection
            if budgetLeft.isFinite {
                let picked = RosterSelector.select(fees: offered.map { fees[$0] }, values: offered.map { values[$0] }, budget: budgetLeft)
                found = RosterSelection(chosen: picked.chosen.map { offered[$0] }, engagements: picked.engagements, cost: picked.cost,
                                        upperBound: picked.upperBound, exact: picked.exact)
            } else {
                // No budget: everyone worth something is chosen.
                found = RosterSelection(chosen: offered, engagements: offered.reduce(0) { $0 + values[$1] },
                                        cost: offered.reduce(0) { $0 + fees[$1] }, upperBound: offered.reduce(0) { $0 + values[$1] },
                                        exact: true)
            }
            selection = found
            for index in found.chosen {
                let candidate = kol.roster[index]
                let defaults = tiers[index], platform = platforms[index]
                let funnel = platform.funnel(defaults)
                slots.append(LineSlots(posts: candidate.acceptance, fee: inputs.constant(candidate.fee),
                                       followers: inputs.constant(candidate.followers), engagement: inputs.constant(rates[index]),
                                       view: inputs.constant(funnel.view), click: inputs.constant(funnel.click),
                                       conversion: inputs.constant(funnel.conversion), commission: inputs.constant(candidate.commission)))
                lines.append(.init(name: candidate.name, tier: defaults.name, posts: candidate.acceptance, followers: candidate.followers,
                                   engagementRate: rates[index], viewRate: funnel.view,
                                   clickRate: funnel.click, conversion: funnel.conversion, cost: 0, reach: 0, engagements: 0,
                                   clicks: 0, buyers: 0, leadTime: .days(defaults.leadTimeDays),
                                   schedule: Self.schedule(publish: launch, leadTime: .days(0)),
                                   platform: platform.name.isEmpty ? (candidate.platform ?? "") : platform.name,
                                   halfLifeDays: platform.halfLifeDays, invitations: 1, acceptance: candidate.acceptance,
                                   commission: candidate.commission))
                fromTiers.append(false)
            }
        }
        // Publish dates over the window, smallest audiences first; then each schedule backwards.
        let order = lines.indices.sorted { (lines[$0].followers, $0) < (lines[$1].followers, $1) }
        func schedules(from start: CivilDate, to end: CivilDate, single: CivilDate) -> [KOLPlan.Schedule] {
            let dates = Self.publishDates(count: lines.count, from: start, to: end, single: single)
            var result = lines.map(\.schedule)
            for (slot, index) in order.enumerated() {
                result[index] = Self.schedule(publish: dates[slot], leadTime: lines[index].leadTime)
            }
            return result
        }
        for (index, schedule) in schedules(from: kol.publishWindow.before(launch), to: launch, single: launch).enumerated() {
            lines[index].schedule = schedule
        }
        campaignSchedules = scenario.crowdfunding.map {
            schedules(from: $0.start, to: kol.publishWindow.after($0.start), single: $0.start)
        }
        // A sample for every slot of a tier, and for every creator picked from the roster (any of
        // them may accept: the units must be ready).
        samples = zip(lines, fromTiers).reduce(0) { $0 + ($1.1 ? $1.0.posts : 1) }
        self.lines = slots
        plan = KOLPlan(lines: lines, budget: kol.budget, selection: selection, candidates: kol.roster.count,
                       publishWindow: kol.publishWindow, fromTiers: fromTiers, objective: kol.objective)
        upfront = kol.upfront
        alignsToCampaign = kol.align == .campaign
        buyersToCampaign = kol.align == .campaign && scenario.crowdfunding != nil
        publishDays = lines.map { Double(launch.days(to: $0.schedule.publish)) }
        func days(_ schedule: KOLPlan.Schedule) -> (Int, Int, Int) {
            (schedule.contract.daysSinceEpoch, schedule.publish.daysSinceEpoch, schedule.sampleShipped.daysSinceEpoch)
        }
        self.days = lines.map { days($0.schedule) }
        campaignDays = campaignSchedules?.map(days) ?? self.days
    }

    static var outputs: [Output] { Output.kolOutputs }
    static var demandComponent: Output { .kolUnits }
    var spend: [Output] { [.kolCost, .kolSampleCost] }
    var scratchCount: Int { lines.count * Self.metricsPerLine }
    /// Each line's buyers arrive from its publish day, halving every half-life of its platform.
    var sources: [BuyerSource] {
        plan.lines.indices.map { index in
            BuyerSource(arrival: Arrival(start: publishDays[index], shape: .decay(halfLife: plan.lines[index].halfLifeDays)),
                        buyers: index * Self.metricsPerLine + 4, toCampaign: buyersToCampaign)
        }
    }
    var paymentDays: [Int] { (days + campaignDays).flatMap { [$0.contract, $0.publish, $0.sample] } }

    /// Each line's fee as agreed (`kol.upfront` at contract, the rest on publishing), its
    /// commission on the sales its posts drive (on publishing), and its samples when they ship,
    /// where they are bought one by one.
    @inline(__always)
    func pay(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions, _ book: inout CashBook) {
        let aligned = d.inPlan && alignsToCampaign
        for index in 0..<lines.count {
            let days = aligned ? campaignDays[index] : self.days[index]
            let posts = plan.lines[index].posts
            let fee = posts * v[lines[index].fee]
            let commission = scratch[index * Self.metricsPerLine] - fee
            book.pay(fee * upfront, on: days.contract, .kolContract)
            book.pay(fee * (1 - upfront) + commission, on: days.publish, .kolPublish)
            if book.samplesBought { book.pay(posts * v[sampleCost], on: days.sample, .samples) }
        }
    }

    func result(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions) -> any LeverResult {
        plan(v, scratch, campaignAligned: d.inPlan && alignsToCampaign)
    }

    /// One evaluation: every line's numbers (kept per line for the report) and the totals.
    @inline(__always)
    func run(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>) {
        var cost = 0.0, reach = 0.0, engagements = 0.0, buyers = 0.0
        for (index, line) in lines.enumerated() {
            var m = Self.metrics(posts: line.posts, followers: v[line.followers], engagement: v[line.engagement],
                                 view: v[line.view], click: v[line.click], conversion: v[line.conversion], fee: v[line.fee])
            m.cost += v[line.commission] * m.buyers * v[price]
            let row = scratch + index * Self.metricsPerLine
            row[0] = m.cost
            row[1] = m.reach
            row[2] = m.engagements
            row[3] = m.clicks
            row[4] = m.buyers
            cost += m.cost
            reach += m.reach
            engagements += m.engagements
            buyers += m.buyers
        }
        ws[.kolCost] = cost
        ws[.kolReach] = reach
        ws[.kolEngagements] = engagements
        ws[.kolBuyers] = buyers
        ws[.kolCPM] = reach > 0 ? cost / reach * 1000 : .nan
        ws[.kolCPE] = engagements > 0 ? cost / engagements : .nan
        ws[.kolCostPerBuyer] = buyers > 0 ? cost / buyers : .nan
        ws[.kolSamples] = samples
        ws[.kolSampleCost] = samples * v[sampleCost]
    }

    /// The report's view of one evaluation: the lines with their numbers, timed to the campaign
    /// when `campaignAligned`.
    func plan(_ v: Registers, _ scratch: UnsafeMutablePointer<Double>, campaignAligned: Bool) -> KOLPlan {
        var plan = self.plan
        if campaignAligned, let campaignSchedules {
            for index in plan.lines.indices { plan.lines[index].schedule = campaignSchedules[index] }
        }
        for index in plan.lines.indices {
            let row = scratch + index * Self.metricsPerLine
            let slots = lines[index]
            plan.lines[index].followers = v[slots.followers]
            plan.lines[index].engagementRate = v[slots.engagement]
            plan.lines[index].viewRate = v[slots.view]
            plan.lines[index].clickRate = v[slots.click]
            plan.lines[index].conversion = v[slots.conversion]
            plan.lines[index].cost = row[0]
            plan.lines[index].reach = row[1]
            plan.lines[index].engagements = row[2]
            plan.lines[index].clicks = row[3]
            plan.lines[index].buyers = row[4]
        }
        return plan
    }

    /// Milestones as shares of the lead time from invitation to publish, after the published
    /// breakdown of a 6–10-week campaign: outreach and contract, product shipping, trial and
    /// content, brand review (3–5 working days), then publishing.
    static let steps = (contract: 0.25, sample: 0.375, draft: 0.75, review: 0.84)

    static func schedule(publish: CivilDate, leadTime: Period) -> KOLPlan.Schedule {
        let invite = leadTime.before(publish)
        let days = Double(invite.days(to: publish))
        func at(_ share: Double) -> CivilDate { invite.adding(days: Int((days * share).rounded())) }
        return .init(invite: invite, contract: at(steps.contract), sampleShipped: at(steps.sample),
                     draftDue: at(steps.draft), reviewDone: at(steps.review), publish: publish)
    }

    /// Publish dates spread evenly from `start` to `end` (smallest creators first); one post
    /// goes out on `single` (launch day, or the campaign's first day).
    static func publishDates(count: Int, from start: CivilDate, to end: CivilDate, single: CivilDate) -> [CivilDate] {
        let days = start.days(to: end)
        guard count > 1 else { return [single] }
        return (0..<count).map { start.adding(days: Int((Double(days) * Double($0) / Double(count - 1)).rounded())) }
    }

    /// One tier's numbers: reach = posts × followers × view rate; engagements = posts ×
    /// followers × engagement; buyers = reach × click rate × conversion; cost = posts × fee.
    @inline(__always)
    static func metrics(posts: Double, followers: Double, engagement: Double, view: Double, click: Double,
                               conversion: Double, fee: Double)
        -> (cost: Double, reach: Double, engagements: Double, clicks: Double, buyers: Double) {
        let reach = posts * followers * view
        let clicks = reach * click
        return (posts * fee, reach, posts * followers * engagement, clicks, clicks * conversion)
    }
}

// MARK: Outputs

extension Output.Section {
    /// The KOL plan (`KOLModel`).
    static let kol = Output.Section("kol")
}

extension Output {
    static let kolCost = Output(300, .kol, "cost", "KOL cost", "KOL 费用", .money, ranged: true, compared: true)
    static let kolReach = Output(301, .kol, "reach", "KOL reach", "KOL 触达", .count, ranged: true)
    static let kolEngagements = Output(302, .kol, "engagements", "KOL engagements", "KOL 互动", .count, ranged: true)
    static let kolBuyers = Output(303, .kol, "buyers", "KOL buyers", "KOL 买家", .count, ranged: true, compared: true)
    static let kolCPM = Output(304, .kol, "cpm", "CPM (cost per 1,000 reached)", "CPM（每千次触达成本）", .money)
    static let kolCPE = Output(305, .kol, "cpe", "CPE (cost per engagement)", "CPE（每次互动成本）", .money)
    static let kolCostPerBuyer = Output(306, .kol, "cost_per_buyer", "Cost per buyer", "每位买家成本", .money)
    static let kolSamples = Output(307, .kol, "samples", "KOL samples", "KOL 样品", .count)
    static let kolSampleCost = Output(308, .kol, "sample_cost", "Cost of KOL samples", "KOL 样品成本", .money)

    /// The section's outputs, in the order the report and the JSON list them.
    static let kolOutputs: [Output] = [.kolCost, .kolReach, .kolEngagements, .kolBuyers, .kolCPM, .kolCPE, .kolCostPerBuyer, .kolSamples, .kolSampleCost]
}

extension CashFlow.Item {
    static let samples = CashFlow.Item("samples", rank: 4, "KOL samples", "KOL 样品")
    static let kolContract = CashFlow.Item("kol_contract", rank: 6, "KOL fees: at contract", "KOL 费用：签约时")
    static let kolPublish = CashFlow.Item("kol_publish", rank: 7, "KOL fees: on publishing (and commissions)", "KOL 费用：发布时（含佣金）")
}

