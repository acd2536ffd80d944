/// A finished plan: every output's one value, the decisions, the per-item detail the report
/// lists, the timeline and the warnings, ready for the renderers.
package struct Plan: Sendable {
    package var scenario: Scenario
    /// Every output by id: the base case's value, the decision's, or the average over the
    /// simulated launches (`Output.Central`); NaN where the plan has no such output.
    var values: [Double]
    /// The channels, each with its buyers (base case).
    var channels: [ChannelBuyers]
    /// Each channel's terms and contribution per unit (base case), in the scenario's order.
    var channelTerms: [ChannelEconomics.Channel]
    /// The weekly sales curve (base case), when the scenario has a `demand` section.
    var demand: DemandCurve?
    var firstBatch: FirstBatch?
    var crowdfunding: Campaign?
    /// The marketing levers' parts (`Levers.all`, in order): the KOL plan, the ad flights….
    var levers: [any LeverResult]
    /// Their parts of demand (`demand.kol_units`…), in the same order.
    var demandComponents: [Output]
    var seedReviews: SeedReviewPlan?
    /// Actual sales and the re-forecast, when the scenario has them.
    var actuals: ActualsReport?
    /// The weekly cash flow (base case, decisions taken), when the plan pays for anything.
    var cash: CashFlow?
    /// Every milestone, ordered by start.
    package var timeline: [Milestone]
    /// The Monte Carlo results, when any input is uncertain.
    package var uncertainty: Uncertainty?
    var warnings: [PlanWarning]
    /// SHA-256 of the inputs (files and overrides).
    var fingerprint: String
    /// Each promotion's price and what sold at it (base case), in date order.
    var promotions: [PromotionSales] = []
    /// The overrides applied, as given (`market.obtainable=2%`, `--what-if pessimistic`).
    var overrides: [String]
    /// The optimiser's recommendation and what to learn first (`optimize`); nil without the section.
    package var optimization: Optimization?

    /// The value of `output`, or nil when the plan has none (its section is absent).
    package subscript(output: Output) -> Double? {
        let value = values[output.id]
        return value.isNaN ? nil : value
    }

    /// A date output as a date.
    func date(_ output: Output) -> CivilDate? {
        self[output].map { CivilDate(daysSinceEpoch: Int($0)) }
    }

    /// A flag output as a Bool.
    func flag(_ output: Output) -> Bool { (self[output] ?? 0) != 0 }

    /// A lever's part of the plan, by its type (`plan.lever(KOLPlan.self)`).
    func lever<Part: LeverResult>(_ type: Part.Type) -> Part? {
        levers.lazy.compactMap { $0 as? Part }.first
    }

    /// A promotion as the plan ran it: its price, the units its channels bought at it (stock
    /// allowing), the discount those units cost (list price − promotion price, each), and a
    /// presale's deposit.
    struct PromotionSales: Sendable, Equatable {
        var name: String
        var start: CivilDate, end: CivilDate
        var price: Double
        var units: Double
        var discountCost: Double
        var channels: [String]
        var deposit: Double?
        var depositDate: CivilDate?
    }

    struct ChannelBuyers: Sendable, Equatable {
        var name: String
        var reach: Double
        var conversion: Double
        var buyers: Double
    }
}

/// Composes the models into a plan. Pure: the same scenario gives the same plan.
package enum Planner {
    /// The plan. With any uncertain input the Monte Carlo runs, and the first batch and the
    /// crowdfunding goal are taken from the simulated distributions; `simulation: nil` plans the
    /// base case alone (its decisions taken as if nothing were uncertain).
    package static func plan(_ scenario: Scenario, fingerprint: String = "", overrides: [String] = [],
                            simulation: Simulation.Options? = Simulation.Options()) -> Plan {
        let model = PlanModel(scenario)
        let base = Workspace(model)
        base.keepsLedger = true
        model.run(base, Decisions())
        // With actual sales, the plan before them gives its decisions and base case to the
        // re-plan; its ranges and tornado are not shown, so its second pass is not run.
        let replans = scenario.actuals != nil && model.showsDemand && model.demand.size != nil
        let result = Simulation.run(model, base: base, settings: scenario.settings, options: simulation, decisionsOnly: replans)
        let plan = assemble(scenario, model: model, base: base, result: result, fingerprint: fingerprint, overrides: overrides)
        guard let sold = scenario.actuals, let curve = plan.demand, model.demand.size != nil else { return plan }
        return replan(plan, curve: curve, sold: sold, committed: result.decisions, p: base.registers[model.demand.p],
                      q: base.registers[model.demand.q], model: model, simulation: simulation)
    }

    /// The plan again on actual sales: the weeks sold and the re-forecast (`ActualsModel`) in place
    /// of the demand curve; the first batch and the campaign kept as decided before launch (they
    /// are bought), the reorders, stock and cash planned again from the day after the last week sold.
    static func replan(_ before: Plan, curve: DemandCurve, sold: Scenario.Actuals, committed: Decisions, p: Double, q: Double,
                       model: PlanModel, simulation: Simulation.Options?) -> Plan {
        let scenario = before.scenario
        let planWeekly = curve.weeks.map(\.units)
        var (cumulative, report) = ActualsModel.reforecast(actual: sold.weekly, planWeekly: planWeekly,
                                                           baseTotal: before[.baselineUnits] ?? planWeekly.reduce(0, +),
                                                           weekEnds: model.demand.weekEnds, p: p, q: q,
                                                           horizonYears: model.demand.years, horizonDays: model.demand.horizonDays)
        let after = PlanModel(scenario, actualCumulative: cumulative, soldWeeks: report.weeks)
        let base = Workspace(after)
        base.keepsLedger = true
        after.run(base, Decisions())
        var decisions = committed
        // New orders from the day after the last week sold, or the planning date when later.
        let dataEnd = scenario.launch.date.adding(days: Int(after.demand.soldDays))
        let asOf = scenario.settings.asOf.map { max($0, dataEnd) } ?? dataEnd
        decisions.notBefore = asOf
        decisions.placed = committed.reorders.filter { $0.date < asOf }
        let result = Simulation.run(after, base: base, settings: scenario.settings, options: simulation, committed: decisions)
        report.path = sold.path
        report.asOf = asOf
        report.before = .init(horizonUnits: before[.horizonUnits], reorders: before.firstBatch?.reorders ?? [],
                              peakNeed: before[.peakNeed], ending: before[.endingCash])
        return assemble(scenario, model: after, base: base, result: result, fingerprint: before.fingerprint,
                        overrides: before.overrides, actuals: report)
    }

    /// The plan's values and detail from the base case's evaluation and the simulation.
    static func assemble(_ scenario: Scenario, model: PlanModel, base: Workspace, result: Simulation.Result,
                         fingerprint: String, overrides: [String], actuals: ActualsReport? = nil) -> Plan {
        let d = result.decisions
        var values = [Double](repeating: .nan, count: Output.slots)
        for output in Output.all where model.has(output) {
            switch output.info.central {
            case .base: values[output.id] = base[output]
            case .mean: values[output.id] = result.means[output] ?? base[output]
            case .decision: values[output.id] = d.value(output) ?? base[output]
            }
        }
        if let actuals { ActualsModel.record(actuals, reorders: d.reorders, into: &values) }
        if model.firstBatch != nil {
            // Sales ÷ demand, of the two averages the table shows (not the average of ratios).
            let mean = values[Output.windowDemandMean.id]
            values[Output.fillRate.id] = mean > 0 ? values[Output.expectedSales.id] / mean : 1
        }
        let v = base.registers
        let channels = (model.market?.channels ?? []).enumerated().map { index, channel in
            Plan.ChannelBuyers(name: channel.name, reach: v[channel.reach], conversion: v[channel.conversion],
                               buyers: base.channels[index])
        }
        var demand: DemandCurve?
        if model.showsDemand {
            model.demand.weekly(v, base, kolRetail: model.demand.kolIsRetail(d.inPlan))
            let curve = model.demand.curve(v, base, launch: scenario.launch.date)
            values[Output.peakWeek.id] = Double(DemandModel.peakWeek(curve.weeks))
            demand = curve
        }
        let firstBatch = model.firstBatch?.firstBatch(horizonDays: model.demand.horizonDays, decisions: d)
        let campaign = model.crowdfunding.map { crowdfunding in
            crowdfunding.campaign(v, base, reasons: reasons(crowdfunding, v, base, d, simulated: result.uncertainty != nil,
                                                            launch: scenario.launch.date))
        }
        let levers = model.levers.map { $0.lever.result(v, base, base.scratch + $0.offset, d) }
        let kol = levers.lazy.compactMap { $0 as? KOLPlan }.first
        let seed = model.seed?.plan(campaignInPlan: d.inPlan)
        let timeline = TimelineModel.milestones(launch: scenario.launch.date, pilotReady: model.pilot?.ready, firstBatch: firstBatch,
                                                campaign: d.inPlan ? campaign : nil, kol: kol, seed: seed)
        var plan = Plan(scenario: scenario, values: values, channels: channels,
                        channelTerms: model.channelTerms.withContributions(price: v[model.economics.price],
                                                                           unitCost: v[model.economics.unitCost]),
                        demand: demand, firstBatch: firstBatch, crowdfunding: campaign, levers: levers,
                        demandComponents: model.demand.components, seedReviews: seed, cash: model.cash?.flow(v, base), timeline: timeline,
                        uncertainty: result.uncertainty, warnings: [], fingerprint: fingerprint, overrides: overrides)
        plan.actuals = actuals
        plan.promotions = zip(scenario.promotions, model.demand.promotions).enumerated().map { index, pair in
            let (promotion, window) = pair
            return Plan.PromotionSales(name: promotion.name, start: promotion.start, end: promotion.end, price: model.demand.price(of: window, v),
                                  units: model.cash == nil ? 0 : base.promotionSales[4 * index + 2],
                                  discountCost: model.cash == nil ? 0 : base.promotionSales[4 * index + 3], channels: promotion.channels,
                                  deposit: window.deposit.map { v[$0.slot] }, depositDate: promotion.depositDate)
        }
        plan.warnings = PlanWarning.all(plan, model: model)
        return plan
    }

    /// Why the campaign is or is not recommended, from the decision and the base case.
    static func reasons(_ model: CrowdfundingModel, _ v: UnsafeMutablePointer<Double>, _ base: Workspace, _ d: Decisions,
                        simulated: Bool, launch: CivilDate) -> [Campaign.Reason] {
        let kol = model.kolBackers ? base[.kolBuyers] : 0
        let backers = base[.backers]
        let minimum = base[.minimumRaise]
        var reasons: [Campaign.Reason] = []
        if minimum.isFinite {
            let minChance = model.inputs.minChance
            reasons.append(.chance(probability: d.goalProbability, minChance: minChance, goal: d.goal, minimumRaise: minimum,
                                   medianPledges: d.firstTwoDays / CrowdfundingModel.firstTwoDaysShare,
                                   spread: d.funnelSpread > 0 ? d.funnelSpread : nil, allIn: model.inputs.funding == .allIn))
            let unitsCost = base[.crowdfundingUnits] * v[model.unitCost], shipping = backers * (1 - v[model.dropped]) * v[model.shipping]
            reasons.append(.contribution(net: base[.net], unitsCost: unitsCost, shipping: shipping,
                                         goods: max(0, base[.net] - unitsCost - shipping - base[.campaignContribution])))
            reasons.append(.firstTwoDays(firstTwoDays: d.firstTwoDays, goal: d.goal))
            if d.goalProbability < minChance, let subscribers = CrowdfundingModel.subscribersToReach(
                goal: d.goal, minChance: minChance, medianPledges: d.firstTwoDays / CrowdfundingModel.firstTwoDaysShare,
                lowPledges: d.pledgedLow, spread: d.funnelSpread, marginalPledge: model.marginalPledge(v),
                organicShare: v[model.organicShare], listConversion: v[model.listConversion]) {
                reasons.append(.growList(subscribers: subscribers, cost: model.inputs.costPerLead.map { $0 * subscribers.rounded(.up) }))
            }
        } else {
            reasons.append(.feesTakeEverything)
        }
        let turnedAway = max(0, CrowdfundingModel.backers(list: v[model.emailList], listConversion: v[model.listConversion],
                                                           reservations: v[model.reservations],
                                                           reservationConversion: v[model.reservationConversion],
                                                           kol: kol, organicShare: v[model.organicShare]) - backers)
        if turnedAway > 0.5 { reasons.append(.soldOut(backersTurnedAway: turnedAway)) }
        if model.fulfillment > launch { reasons.append(.shipsAfterLaunch(fulfillment: model.fulfillment, launch: launch)) }
        return reasons
    }

    /// Parses, applies overrides, decodes and plans, in one call.
    package static func plan(document: Document, simulation: Simulation.Options? = Simulation.Options()) throws(ScenarioError) -> Plan {
        let scenario = try document.decode()
        var plan = plan(scenario, fingerprint: document.fingerprint, overrides: document.overrides, simulation: simulation)
        if scenario.optimize != nil { plan.optimization = try Optimizer.run(document, scenario: scenario, threads: simulation?.threads ?? 1) }
        return plan
    }
}

/// The program's version, printed by `gtm --version` and in every report's footer.
package enum GTM {
    package static let version = "0.2.0"
}
