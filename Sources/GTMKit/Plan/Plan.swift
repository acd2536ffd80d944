/// A finished plan: every model's result for one scenario, ready for the renderers.
public struct Plan: Sendable {
    public var scenario: Scenario
    public var market: MarketSize?
    /// The weekly sales curve, when the scenario has a `demand` section.
    public var demand: DemandCurve?
    public var firstBatch: FirstBatch?
    public var crowdfunding: Campaign?
    public var kol: KOLPlan?
    public var seedReviews: SeedReviewPlan?
    /// Every milestone, ordered by start.
    public var timeline: [Milestone]
    public var economics: UnitEconomics
    /// The Monte Carlo results, when any input is uncertain.
    public var uncertainty: Uncertainty?
    public var warnings: [PlanWarning]
    /// SHA-256 of the inputs (files and overrides).
    public var fingerprint: String
    /// The overrides applied, as given (`market.obtainable=2%`, `--what-if pessimistic`).
    public var overrides: [String]
}

/// Composes the models into a plan. Pure: the same scenario gives the same plan.
public enum Planner {
    /// The plan. With `simulation` and any uncertain input, the Monte Carlo runs and the first
    /// batch and the crowdfunding goal are taken from the simulated distributions.
    public static func plan(_ scenario: Scenario, fingerprint: String = "", overrides: [String] = [],
                            simulation: Simulation.Options? = Simulation.Options()) -> Plan {
        var plan = basePlan(scenario, fingerprint: fingerprint, overrides: overrides)
        guard let options = simulation, let uncertainty = Simulation.run(scenario, plan: plan, options: options) else {
            return plan
        }
        plan.uncertainty = uncertainty
        if uncertainty.trials < uncertainty.requestedTrials {
            plan.warnings.append(.trialsReduced(requested: uncertainty.requestedTrials, used: uncertainty.trials,
                                                inputs: uncertainty.inputs.count))
        }
        if let simulated = uncertainty.batch, var batch = plan.firstBatch {
            batch.units = simulated.units
            batch.pledgedUnits = simulated.pledgedUnits
            let retail = Double(simulated.units) - simulated.pledgedUnits
            batch.outcome = Newsvendor.Outcome(z: batch.sd > 0 ? (retail - batch.mean) / batch.sd : 0,
                                               expectedLostSales: simulated.expectedLostSales,
                                               expectedSales: simulated.expectedSales,
                                               expectedLeftover: simulated.expectedLeftover,
                                               fillRate: simulated.fillRate, inStockProbability: simulated.inStockProbability)
            plan.firstBatch = batch
        }
        if let simulated = uncertainty.campaign, var campaign = plan.crowdfunding {
            campaign.goal = simulated.goal
            campaign.recommended = simulated.recommended
            let others = campaign.reasons.filter {
                switch $0 {
                case .firstTwoDays, .growList: return false
                default: return true
                }
            }
            campaign.reasons = CrowdfundingModel.verdict(
                firstTwoDays: simulated.pledgedP50 * CrowdfundingModel.firstTwoDaysShare, minimumRaise: campaign.minimumRaise,
                averagePledge: campaign.averagePledge, ownBackers: campaign.ownBackers,
                listConversion: campaign.listConversion, organicShare: campaign.organicShare) + others
            plan.crowdfunding = campaign
        }
        for output in uncertainty.outputs {
            if let error = output.worstError, error > 0.01 {
                let suggested = Double(uncertainty.trials) * (error / 0.01) * (error / 0.01)
                plan.warnings.append(.monteCarloError(path: output.path, percentile: output.worstPercentile, error: error,
                                                      suggestedTrials: Int(min(suggested, Double(Limits.trials)).rounded(.up))))
            }
        }
        return plan
    }

    /// The plan with every uncertain input at its median.
    static func basePlan(_ scenario: Scenario, fingerprint: String, overrides: [String]) -> Plan {
        var warnings = inputWarnings(scenario)
        let market = MarketModel.size(scenario)
        if let market, let warning = MarketModel.disagreement(market) { warnings.append(warning) }
        let curve = CurveInputs(scenario, market: market)
        var demand: DemandCurve?
        if scenario.demand != nil, let market {
            demand = DemandModel.curve(total: market.demandUnits, source: market.topDown != nil ? .topDown : .bottomUp,
                                       launch: scenario.launch.date, horizon: curve.horizon,
                                       p: curve.p, q: curve.q, boost: curve.boost)
        }
        var campaign: Campaign?
        if let crowdfunding = scenario.crowdfunding {
            let run = CrowdfundingModel.campaign(crowdfunding, product: scenario.product, launch: scenario.launch.date,
                                                 currency: scenario.settings.currency, moq: scenario.inventory?.moq ?? 0,
                                                 leadTime: scenario.inventory?.leadTime)
            if run.fulfillment > scenario.launch.date {
                warnings.append(.rewardsAfterLaunch(fulfillment: run.fulfillment, launch: scenario.launch.date))
            }
            if run.backersTurnedAway > 0.5 { warnings.append(.tiersSoldOut(backers: run.backersTurnedAway)) }
            campaign = run
        }
        var firstBatch: FirstBatch?
        if let inventory = scenario.inventory {
            let batch = FirstBatchModel.plan(inventory, product: scenario.product, launch: scenario.launch.date,
                                             curveTotal: market?.demandUnits, horizon: curve.horizon,
                                             p: curve.p, q: curve.q, boost: curve.boost,
                                             pledgedUnits: campaign?.units ?? 0)
            if batch.mean <= 0 { warnings.append(.zeroDemand) }
            if batch.windowPastHorizon { warnings.append(.coveragePastHorizon(windowDays: batch.windowDays)) }
            firstBatch = batch
        }
        var kol: KOLPlan?
        if let inputs = scenario.kol {
            let planned = KOLModel.plan(inputs, launch: scenario.launch.date)
            if let budget = planned.budget, planned.overBudget != nil {
                warnings.append(.kolOverBudget(cost: planned.cost, budget: budget))
            }
            kol = planned
        }
        let seed = scenario.seedReviews.map {
            SeedReviewModel.plan($0, unitCost: scenario.product.unitCost.value, launch: scenario.launch.date,
                                 crowdfundingStart: scenario.crowdfunding?.start)
        }
        let timeline = TimelineModel.milestones(launch: scenario.launch.date, firstBatch: firstBatch, campaign: campaign,
                                                kol: kol, seed: seed)
        if let asOf = scenario.settings.asOf { warnings += TimelineModel.late(timeline, asOf: asOf) }
        let economics = EconomicsModel.economics(scenario.product, marketingSpend: (kol?.cost ?? 0) + (seed?.cost ?? 0))
        if economics.unitMargin <= 0 {
            warnings.append(.noUnitMargin(price: economics.price, unitCost: economics.unitCost))
        } else if let ceiling = economics.unitCostCeiling, economics.unitCost > ceiling {
            warnings.append(.aboveCostCeiling(unitCost: economics.unitCost, ceiling: ceiling))
        }
        return Plan(scenario: scenario, market: market, demand: demand, firstBatch: firstBatch, crowdfunding: campaign,
                    kol: kol, seedReviews: seed, timeline: timeline, economics: economics, uncertainty: nil,
                    warnings: warnings, fingerprint: fingerprint, overrides: overrides)
    }

    /// The curve's settings: the `demand` section's values or the defaults, and the horizon.
    struct CurveInputs {
        var p: Double
        var q: Double
        var boost: Double
        var horizon: Period

        init(_ scenario: Scenario, market: MarketSize?) {
            p = scenario.demand?.p.value ?? 0.03
            q = scenario.demand?.q.value ?? 0.38
            boost = scenario.demand?.launchBoost?.value ?? 0
            horizon = market?.horizon ?? scenario.market?.horizon ?? .months(12)
        }
    }

    /// Inputs that are valid but probably not what the user meant.
    static func inputWarnings(_ scenario: Scenario) -> [PlanWarning] {
        scenario.inputs.compactMap { input in
            guard input.origin != .defaulted, input.text.trimmingCharacters == "1",
                  Schema.field(Schema.schemaPath(input.path))?.valueKind == .share else { return nil }
            return .shareWrittenAsOne(path: input.path)
        }
    }

    /// Parses, applies overrides, decodes and plans, in one call.
    public static func plan(document: Document, simulation: Simulation.Options? = Simulation.Options()) throws(ScenarioError) -> Plan {
        let scenario = try document.decode()
        return plan(scenario, fingerprint: document.fingerprint, overrides: document.overrides, simulation: simulation)
    }
}

/// The program's version, printed by `gtm --version` and in every report's footer.
public enum GTM {
    public static let version = "0.1.0"
}
