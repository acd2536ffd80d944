/// Something the plan's reader must know: an infeasible date, an overrun, a
/// doubtful input. Kept as data; the renderers word it in the report's language.
enum PlanWarning: Sendable, Hashable {
    /// Top-down SOM and the bottom-up total differ by more than 2×.
    case sizesDisagree(topDown: Double, bottomUp: Double)
    /// Demand within the horizon, with what the launch adds, exceeds the serviceable market
    /// (SAM over the horizon): the levers promise more buyers than the market holds.
    case demandAboveServiceable(demand: Double, serviceable: Double)
    /// A share written as a bare `1`, which means 100%: often a slip for `1%`.
    case shareWrittenAsOne(path: String)
    /// With an elasticity, a price (or the launch price) outside the range constant elasticity is
    /// applied to (`DemandModel.elasticityRange` × the reference price).
    case priceOutsideElasticityRange(key: String, price: Double, reference: Double)
    /// The price does not cover the unit cost.
    /// `stocked`: the plan has a first batch (which then stocks nothing for retail).
    case noUnitMargin(price: Double, unitCost: Double, stocked: Bool)
    /// The unit cost is above the ceiling that keeps `product.target_margin`.
    case aboveCostCeiling(unitCost: Double, ceiling: Double)
    /// The first batch's window has no demand.
    case zeroDemand
    /// The coverage window runs past the demand horizon, beyond which the curve says nothing.
    case coveragePastHorizon(windowDays: Int)
    /// Crowdfunding rewards ship after the retail launch.
    case rewardsAfterLaunch(fulfillment: CivilDate, launch: CivilDate)
    /// Every tier is sold out before the backers run out.
    case tiersSoldOut(backers: Double)
    /// The KOL plan costs more than `kol.budget`.
    case kolOverBudget(cost: Double, budget: Double)
    /// Marketing lines of a section (KOL lines, ad flights) that cost more per buyer than a sale
    /// contributes: each line's name and cost per buyer (infinite when it brings none).
    case cacAboveContribution(section: Output.Section, lines: [CostlyLine], contribution: Double)

    struct CostlyLine: Sendable, Hashable {
        var name: String
        var costPerBuyer: Double
    }
    /// A reported percentile's Monte Carlo error is above 1% (or a decision's above the precision
    /// it needs, `limit`): too few trials.
    case monteCarloError(path: String, percentile: Int, error: Double, limit: Double, suggestedTrials: Int)
    /// The simulation would cost more than `Limits.simulationWork`: it ran `used` trials.
    case trialsReduced(requested: Int, used: Int, inputs: Int)
    /// A milestone needs product units before any exist: the pilot run is not ready (or there is
    /// none and the first batch is not in the warehouse). `others`: more milestones of the same
    /// kind that are early too.
    case unitsBeforeSupply(Milestone, supply: CivilDate, fromPilot: Bool, others: Int)
    /// A milestone needs product units, but the plan makes none: no pilot run and no first batch
    /// (the same code as `unitsBeforeSupply`: there is no day the units exist).
    case noUnitSupply(Milestone, others: Int)
    /// The first purchase order falls before the campaign that decides its size has closed.
    case purchaseOrderBeforeCampaignEnds(order: CivilDate, end: CivilDate, startBy: CivilDate)
    /// A KOL post goes live after the retail launch.
    case kolAfterLaunch(Milestone, launch: CivilDate)
    /// The reorder arrives after stock runs out, even placed as early as it may be.
    /// `milestone`: the order's timeline id (`inventory.reorder`, `inventory.reorder.2`…).
    /// `afterLaunch`: when re-planning on actual sales (the first batch is bought, an order
    /// placed can only be hurried): the demand that goes unserved until it lands, and the day it
    /// leaves the factory.
    case stockoutBeforeReorder(Reorder, milestone: String, afterLaunch: AfterLaunch?)

    struct AfterLaunch: Sendable, Hashable {
        /// True for an order placed before the weeks sold ended; false for one to place now or later.
        var placed: Bool
        /// Units of demand between the stock-out and the day the order lands.
        var short: Double
        /// The day it leaves the factory, and whether it has by the day after the last week sold.
        var ships: CivilDate
        var left: Bool
    }
    /// A reorder must be placed before launch: the first batch runs out before an order placed at
    /// launch could land.
    case reorderBeforeLaunch(Reorder, launch: CivilDate, atLaunch: CivilDate)
    /// The last order the policy would place, skipped: at the MOQ the demand left does not pay for it.
    case reorderSkipped(Reorder.Skipped)
    /// `crowdfunding.run: yes`, but the numbers do not recommend the campaign.
    case campaignNotRecommended
    /// Actual sales above the stock that existed: by the end of the week from `week`, `sold` units
    /// sold in all against `stock` retail units in the warehouse by then (first batch and orders landed).
    case actualsExceedStock(week: CivilDate, sold: Double, stock: Double)
    /// A milestone that should have started before `scenario.as_of`.
    case lateMilestone(Milestone, daysLate: Int, laterSteps: Int)

    /// True for the warnings that change a decision (a date that cannot hold, an order too
    /// late): the report repeats them beside the decisions.
    var changesADecision: Bool {
        switch self {
        case .unitsBeforeSupply, .noUnitSupply, .purchaseOrderBeforeCampaignEnds, .stockoutBeforeReorder, .campaignNotRecommended, .reorderBeforeLaunch,
             .rewardsAfterLaunch, .kolAfterLaunch: return true
        default: return false
        }
    }

    /// For a date that cannot hold: the milestone's id, its date, and the date it needs (the
    /// units' supply, the campaign's end, the stock-out; nil when no unit is ever made).
    var dates: (milestone: String, date: CivilDate, supply: CivilDate?)? {
        switch self {
        case .unitsBeforeSupply(let milestone, let supply, _, _): return (milestone.id, milestone.start, supply)
        case .noUnitSupply(let milestone, _): return (milestone.id, milestone.start, nil)
        case .purchaseOrderBeforeCampaignEnds(let order, let end, _): return ("inventory.purchase_order", order, end)
        case .kolAfterLaunch(let milestone, let launch): return (milestone.id, milestone.start, launch)
        case .stockoutBeforeReorder(let reorder, let milestone, _): return reorder.stockout.map { (milestone, reorder.arrival, $0) }
        case .rewardsAfterLaunch(let fulfillment, let launch): return ("crowdfunding.rewards_ship", fulfillment, launch)
        default: return nil
        }
    }

    /// A stable identifier for the JSON and for tests.
    var code: String {
        switch self {
        case .sizesDisagree: return "market_sizes_disagree"
        case .shareWrittenAsOne: return "share_written_as_one"
        case .noUnitMargin: return "no_unit_margin"
        case .priceOutsideElasticityRange: return "price_outside_elasticity_range"
        case .aboveCostCeiling: return "unit_cost_above_ceiling"
        case .zeroDemand: return "zero_demand"
        case .coveragePastHorizon: return "coverage_past_horizon"
        case .demandAboveServiceable: return "demand_above_sam"
        case .rewardsAfterLaunch: return "rewards_after_launch"
        case .tiersSoldOut: return "tiers_sold_out"
        case .kolOverBudget: return "kol_over_budget"
        case .cacAboveContribution: return "cac_above_contribution"
        case .actualsExceedStock: return "actuals_exceed_stock"
        case .lateMilestone: return "late_milestone"
        case .monteCarloError: return "monte_carlo_error"
        case .trialsReduced: return "trials_reduced"
        case .unitsBeforeSupply, .noUnitSupply: return "units_before_supply"
        case .purchaseOrderBeforeCampaignEnds: return "po_before_campaign_end"
        case .kolAfterLaunch: return "kol_after_launch"
        case .stockoutBeforeReorder: return "stockout_before_reorder"
        case .reorderBeforeLaunch: return "reorder_before_launch"
        case .reorderSkipped: return "reorder_skipped"
        case .campaignNotRecommended: return "campaign_not_recommended"
        }
    }
}

extension PlanWarning {
    /// Every warning of a finished plan, in the order the report lists them.
    static func all(_ plan: Plan, model: PlanModel) -> [PlanWarning] {
        let scenario = plan.scenario
        var warnings: [PlanWarning] = scenario.inputs.compactMap { input in
            guard input.origin != .defaulted, input.text.trimmingCharacters == "1",
                  Schema.field(Schema.schemaPath(input.path))?.valueKind == .share else { return nil }
            return .shareWrittenAsOne(path: input.path)
        }
        if let som = plan[.somUnits], let bottomUp = plan[.bottomUpUnits], MarketModel.disagree(som: som, bottomUp: bottomUp) {
            warnings.append(.sizesDisagree(topDown: som, bottomUp: bottomUp))
        }
        if let demand = plan[.horizonUnits], let sam = plan[.samUnits], demand > sam * scenario.horizon.years {
            warnings.append(.demandAboveServiceable(demand: demand, serviceable: sam * scenario.horizon.years))
        }
        if let campaign = plan.crowdfunding, plan.flag(.inPlan) {
            if !plan.flag(.recommended) { warnings.append(.campaignNotRecommended) }
            if campaign.fulfillment > scenario.launch.date {
                warnings.append(.rewardsAfterLaunch(fulfillment: campaign.fulfillment, launch: scenario.launch.date))
            }
            if campaign.backersTurnedAway > 0.5 { warnings.append(.tiersSoldOut(backers: campaign.backersTurnedAway)) }
        }
        if let batch = plan.firstBatch {
            if (plan[.windowDemandMean] ?? 0) <= 0 { warnings.append(.zeroDemand) }
            if batch.windowPastHorizon { warnings.append(.coveragePastHorizon(windowDays: batch.windowDays)) }
        }
        warnings += feasibility(plan, model: model)
        if let kol = plan.lever(KOLPlan.self), let budget = kol.budget, let cost = plan[.kolCost], cost > budget + 0.005 {
            warnings.append(.kolOverBudget(cost: cost, budget: budget))
        }
        if plan[.contributionMargin] != nil {
            // A KOL buyer who backs the campaign is worth the campaign's contribution per backer; a
            // retail buyer a sale's contribution, or with repeat purchase the LTV.
            let kol = plan.lever(KOLPlan.self)?.lines.map { ($0.name, $0.cost, $0.buyers) } ?? []
            let ads = plan.lever(AdsPlan.self)?.flights.map { ($0.name, $0.budget, $0.buyers) } ?? []
            for (section, lines, worth) in [(Output.Section.kol, kol, plan.kolBuyerWorth.contribution), (.ads, ads, plan.retailBuyerWorth)] {
                let costly = lines.filter { $0.1 > 0 && $0.1 > worth * $0.2 }
                    .map { CostlyLine(name: $0.0, costPerBuyer: $0.2 > 0 ? $0.1 / $0.2 : .infinity) }
                if !costly.isEmpty { warnings.append(.cacAboveContribution(section: section, lines: costly, contribution: worth)) }
            }
        }
        if let exceeded = actualsAboveStock(plan) { warnings.append(exceeded) }
        if let asOf = scenario.settings.asOf {
            // With actual sales, what happened before the weeks sold ended is history, not late.
            let open = plan.timeline.filter { milestone in plan.actuals.map { milestone.start >= $0.asOf } ?? true }
            warnings += TimelineModel.late(open, asOf: asOf).map { .lateMilestone($0.milestone, daysLate: $0.daysLate, laterSteps: $0.laterSteps) }
        }
        if let curve = plan.demand, curve.elasticity != 0, curve.referencePrice > 0 {
            let prices = [("product.price", scenario.product.price.value)] + (scenario.product.launchPrice.map { [("product.launch_price", $0.value)] } ?? [])
            for (key, price) in prices where !DemandModel.elasticityRange.contains(price / curve.referencePrice) {
                warnings.append(.priceOutsideElasticityRange(key: key, price: price, reference: curve.referencePrice))
            }
        }
        let margin = plan[.unitMargin] ?? 0
        let price = scenario.product.price.value, unitCost = scenario.product.unitCost.value
        if margin <= 0 {
            warnings.append(.noUnitMargin(price: price, unitCost: unitCost, stocked: plan.firstBatch != nil))
        } else if let ceiling = plan[.unitCostCeiling], unitCost > ceiling {
            warnings.append(.aboveCostCeiling(unitCost: unitCost, ceiling: ceiling))
        }
        if let uncertainty = plan.uncertainty {
            if let requested = uncertainty.requestedTrials, uncertainty.trials < requested {
                warnings.append(.trialsReduced(requested: requested, used: uncertainty.trials, inputs: uncertainty.inputs.count))
            }
            // The ranges a reader acts on: the key outputs' (the other rows of the uncertainty table
            // are context, and a percentile near zero carries a large relative error).
            for summary in uncertainty.outputs where summary.output.info.compared {
                guard let error = summary.worstError, error > 0.01 else { continue }
                let suggested = Double(uncertainty.trials) * (error / 0.01) * (error / 0.01)
                warnings.append(.monteCarloError(path: summary.output.path, percentile: summary.worstPercentile, error: error,
                                                 limit: 0.01, suggestedTrials: Int(min(suggested, Double(Limits.trials)).rounded(.up))))
            }
            for (output, error) in uncertainty.precision where error > Simulation.targetError {
                let suggested = Double(uncertainty.trials) * (error / Simulation.targetError) * (error / Simulation.targetError)
                warnings.append(.monteCarloError(path: output.path, percentile: 50, error: error, limit: Simulation.targetError,
                                                 suggestedTrials: Int(min(suggested, Double(Limits.trials)).rounded(.up))))
            }
        }
        return warnings
    }
}

extension PlanWarning {
    /// The dates that cannot all hold: units needed before they exist, a purchase order before
    /// the campaign that sizes it has closed, posts after launch, a reorder that arrives too late.
    static func feasibility(_ plan: Plan, model: PlanModel) -> [PlanWarning] {
        var warnings: [PlanWarning] = []
        let launch = plan.scenario.launch.date
        let arrival = plan.firstBatch?.arrival
        // Samples and tester units come from the pilot run, or else from the first batch.
        let sampleSupply = model.pilot?.ready ?? arrival
        func early(_ prefix: String, _ suffix: String, supply: CivilDate?, fromPilot: Bool) {
            // Without a supply every such milestone is early: no unit ever exists.
            let late = plan.timeline.filter { milestone in
                milestone.id.hasPrefix(prefix) && milestone.id.hasSuffix(suffix) && supply.map { milestone.start < $0 } ?? true
            }
            guard let first = late.first else { return }
            guard let supply else { return warnings.append(.noUnitSupply(first, others: late.count - 1)) }
            warnings.append(.unitsBeforeSupply(first, supply: supply, fromPilot: fromPilot, others: late.count - 1))
        }
        early("kol.", ".sample", supply: sampleSupply, fromPilot: model.pilot != nil)
        early("seed_reviews.ship", "", supply: sampleSupply, fromPilot: model.pilot != nil)
        if plan.flag(.inPlan) { early("crowdfunding.rewards_ship", "", supply: arrival, fromPilot: false) }
        if plan.flag(.inPlan), let campaign = plan.crowdfunding, let batch = plan.firstBatch, batch.poDate < campaign.end,
           let duration = plan.scenario.crowdfunding?.duration {
            warnings.append(.purchaseOrderBeforeCampaignEnds(order: batch.poDate, end: campaign.end,
                                                             startBy: duration.before(batch.poDate).adding(days: 1)))
        }
        if let post = plan.timeline.first(where: { $0.id.hasPrefix("kol.") && $0.id.hasSuffix(".publish") && $0.start > launch }) {
            warnings.append(.kolAfterLaunch(post, launch: launch))
        }
        if let orders = plan.firstBatch?.reorders, let index = orders.firstIndex(where: \.arrivesLate) {
            let order = orders[index]
            var afterLaunch: AfterLaunch?
            if let actuals = plan.actuals, let out = order.stockout, let weeks = plan.demand?.weeks {
                // Demand from the stock-out to the day the order lands, and the day it leaves the
                // factory (the balance is paid then: `inventory.freight` before it lands).
                let daily = ReorderModel.daily(weeks)
                let from = max(0, launch.days(to: out)), to = min(daily.count, launch.days(to: order.arrival))
                let short = from < to ? daily[from..<to].reduce(0, +) : 0
                let freight = plan.scenario.inventory?.freight.days(from: launch) ?? 0
                let ships = order.arrival.adding(days: -freight)
                afterLaunch = AfterLaunch(placed: order.date < actuals.asOf, short: short, ships: ships, left: ships < actuals.asOf)
            }
            warnings.append(.stockoutBeforeReorder(order, milestone: TimelineModel.reorderID(index), afterLaunch: afterLaunch))
        }
        if let batch = plan.firstBatch, let order = batch.schedule.beforeLaunch {
            warnings.append(.reorderBeforeLaunch(order, launch: launch, atLaunch: batch.leadTime.after(launch)))
        }
        if let skipped = plan.firstBatch?.schedule.skipped { warnings.append(.reorderSkipped(skipped)) }
        return warnings
    }
}

extension PlanWarning {
    /// The first week sold whose sales to date exceed the retail stock in the warehouse by its end:
    /// the first batch's retail units once it has landed, and each order after it once it has.
    static func actualsAboveStock(_ plan: Plan) -> PlanWarning? {
        guard let actuals = plan.actuals, let batch = plan.firstBatch, let weeks = plan.demand?.weeks else { return nil }
        var sold = 0.0
        for week in weeks.prefix(actuals.weeks) {
            sold += week.units
            let end = week.start.adding(days: week.days)
            let stock = (batch.arrival < end ? batch.retailStock : 0) + batch.reorders.filter { $0.arrival < end }.reduce(0) { $0 + Double($1.units) }
            if sold > stock + 0.5 { return .actualsExceedStock(week: week.start, sold: sold, stock: stock) }
        }
        return nil
    }
}

extension Plan {
    /// KOL posts timed to a campaign that is in the plan: their buyers are backers.
    var kolBuyersBack: Bool { scenario.kol?.align == .campaign && flag(.inPlan) }

    /// What one KOL buyer brings: a retail sale (the list price and a unit's contribution), or,
    /// when the posts' buyers back the campaign, a backer (the pledges and the campaign's
    /// contribution per backer).
    var kolBuyerWorth: (sale: Double, contribution: Double) {
        if kolBuyersBack, let backers = self[.backers], backers > 0 {
            return ((self[.pledged] ?? 0) / backers, (self[.campaignContribution] ?? 0) / backers)
        }
        return (scenario.product.price.value, retailBuyerWorth)
    }

    /// What a retail buyer brought by marketing is worth: a sale's contribution, or with repeat
    /// purchase the contribution a first buyer brings over the horizon (LTV).
    var retailBuyerWorth: Double {
        scenario.product.repurchase != nil ? (self[.lifetimeValue] ?? 0) : (self[.contributionMargin] ?? 0)
    }
}
