/// The JSON report: the contract's keys (outputs.md), numbers unrounded.
public struct JSONReport {
    let plan: Plan
    let text: ReportText

    public init(_ plan: Plan) {
        self.plan = plan
        self.text = ReportText(plan)
    }

    /// The whole object, ending with one newline; with a comparison, each variant's object
    /// goes under `variants`.
    public func render(comparison: Comparison? = nil) -> String {
        var object = self.object()
        if let comparison, case .object(var pairs) = object {
            pairs.append(("variants", .object(comparison.variants.map { ($0.name, JSONReport($0.plan).object()) })))
            object = .object(pairs)
        }
        return object.serialized() + "\n"
    }

    public func object() -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        let settings = plan.scenario.settings
        var scenario: [(String, JSONValue)] = [
            ("name", .string(settings.name)),
            ("currency", .string(settings.currency)),
            ("trials", .integer(settings.trials)),
            ("seed", .integer(Int(settings.seed))),
            ("language", .string(settings.language.rawValue)),
            ("launch_date", .string(plan.scenario.launch.date.description)),
        ]
        if let asOf = settings.asOf { scenario.append(("as_of", .string(asOf.description))) }
        pairs.append(("scenario", .object(scenario)))
        if let market = plan.market { pairs.append(("market", marketObject(market))) }
        if let demand = plan.demand { pairs.append(("demand", demandObject(demand))) }
        pairs.append(("economics", economicsObject(plan.economics)))
        if let batch = plan.firstBatch { pairs.append(("inventory", inventoryObject(batch))) }
        if let campaign = plan.crowdfunding { pairs.append(("crowdfunding", crowdfundingObject(campaign))) }
        if let kol = plan.kol { pairs.append(("kol", kolObject(kol))) }
        if let seed = plan.seedReviews { pairs.append(("seed_reviews", seedObject(seed))) }
        pairs.append(("timeline", .array(plan.timeline.map { milestone in
            .object([("id", .string(milestone.id)), ("name", .string(text.milestoneName(milestone.kind))),
                     ("start", .string(milestone.start.description)), ("end", .string(milestone.end.description)),
                     ("owner", .string(milestone.owner.rawValue))])
        })))
        if let uncertainty = plan.uncertainty { pairs.append(("uncertainty", uncertaintyObject(uncertainty))) }
        pairs.append(("warnings", .array(plan.warnings.map {
            .object([("code", .string($0.code)), ("message", .string(text.message($0)))])
        })))
        pairs.append(("inputs", .array(plan.scenario.inputs.map {
            .object([("path", .string($0.path)), ("value", .string($0.text)), ("from", .string(text.origin($0.origin)))])
        })))
        pairs.append(("gtm", .object([("version", .string(GTM.version)), ("fingerprint", .string(plan.fingerprint))])))
        return .object(pairs)
    }

    func demandObject(_ demand: DemandCurve) -> JSONValue {
        .object([
            ("horizon_units", .number(demand.horizonUnits)),
            ("first_week_units", .number(demand.firstWeekUnits)),
            ("peak_week", .integer(demand.peakWeek)),
            ("source", .string(demand.source == .topDown ? "top_down" : "bottom_up")),
            ("p", .number(demand.p)), ("q", .number(demand.q)), ("launch_boost", .number(demand.launchBoost)),
            ("weeks", .array(demand.weeks.map {
                .object([("week", .integer($0.number)), ("start", .string($0.start.description)), ("days", .integer($0.days)),
                         ("units", .number($0.units)), ("cumulative", .number($0.cumulative))])
            })),
        ])
    }

    func economicsObject(_ economics: UnitEconomics) -> JSONValue {
        .object([
            ("unit_margin", .number(economics.unitMargin)),
            ("gross_margin", .optional(economics.grossMargin)),
            ("break_even_units", .optional(economics.breakEvenUnits)),
            ("unit_cost_ceiling", .optional(economics.unitCostCeiling)),
            ("price", .number(economics.price)), ("unit_cost", .number(economics.unitCost)),
            ("fixed_costs", .number(economics.fixedCosts)), ("marketing_spend", .number(economics.marketingSpend)),
            ("target_margin", .optional(economics.targetMargin)),
        ])
    }

    func inventoryObject(_ batch: FirstBatch) -> JSONValue {
        .object([
            ("window_demand_mean", .number(batch.mean)),
            ("window_demand_sd", .number(batch.sd)),
            ("critical_ratio", .number(batch.criticalRatio)),
            ("first_batch_units", .integer(batch.units)),
            ("expected_leftover", .number(batch.outcome.expectedLeftover)),
            ("expected_lost_sales", .number(batch.outcome.expectedLostSales)),
            ("fill_rate", .number(batch.outcome.fillRate)),
            ("cash", .number(batch.cash)),
            ("po_date", .string(batch.poDate.description)),
            ("expected_sales", .number(batch.outcome.expectedSales)),
            ("in_stock_probability", .number(batch.outcome.inStockProbability)),
            ("z", batch.z.isFinite ? .number(batch.z) : .null),
            ("newsvendor_units", .number(batch.optimalUnits)),
            ("pledged_units", .number(batch.pledgedUnits)),
            ("moq", .integer(batch.moq)), ("case_pack", .integer(batch.casePack)),
            ("coverage_days", .integer(batch.windowDays)),
            ("demand_source", .string(batch.demandSource == .curve ? "curve" : "forecast")),
            ("ratio_source", .string(batch.ratioSource == .economics ? "critical_ratio" : "service_level")),
            ("safety_stock", .number(batch.safetyStock)),
            ("reorder_point", .number(batch.reorderPoint)),
        ])
    }

    func crowdfundingObject(_ campaign: Campaign) -> JSONValue {
        .object([
            ("recommended", .bool(campaign.recommended)),
            ("reasons", .array(campaign.reasons.map { .string(text.reason($0, campaign: campaign)) })),
            ("backers", .number(campaign.backers)),
            ("pledged", .number(campaign.pledged)),
            ("fees", .number(campaign.fees)),
            ("net", .number(campaign.net)),
            ("goal", .number(campaign.goal)),
            ("units", .number(campaign.units)),
            ("end", .string(campaign.end.description)),
            ("fulfillment", .string(campaign.fulfillment.description)),
            ("platform", .string(campaign.platform.rawValue)),
            ("start", .string(campaign.start.description)),
            ("collected", .number(campaign.collected)),
            ("platform_fees", .number(campaign.platformFees)),
            ("payment_fees", .number(campaign.paymentFees)),
            ("minimum_raise", .optional(campaign.minimumRaise.isFinite ? campaign.minimumRaise : nil)),
            ("first_48h_pledges", .number(campaign.firstTwoDays)),
            ("backers_by_source", .object([("email_list", .number(campaign.listBackers)),
                                           ("reservations", .number(campaign.reservationBackers)),
                                           ("platform", .number(campaign.organicBackers)),
                                           ("turned_away", .number(campaign.backersTurnedAway))])),
            ("tiers", .array(campaign.tiers.map {
                .object([("name", .string($0.name)), ("price", .number($0.price)), ("limit", $0.limit.map { .integer($0) } ?? .null),
                         ("pledges", .number($0.pledges)), ("units_per_pledge", .integer($0.unitsPerPledge)),
                         ("pledged", .number($0.amount))])
            })),
        ])
    }

    /// `{"<output path>": {"p10", "p50", "p90", "mean"}}`, with the decisions' own numbers beside.
    func uncertaintyObject(_ uncertainty: Uncertainty) -> JSONValue {
        var pairs: [(String, JSONValue)] = uncertainty.outputs.map { output in
            (output.path, .object([("p10", .number(output.p10)), ("p50", .number(output.p50)), ("p90", .number(output.p90)),
                                   ("mean", .number(output.mean)), ("base", .number(output.base)),
                                   ("monte_carlo_error", .optional(output.worstError.flatMap { $0.isFinite ? $0 : nil }))]))
        }
        pairs.append(("_trials", .integer(uncertainty.trials)))
        pairs.append(("_seed", .integer(Int(uncertainty.seed))))
        pairs.append(("_inputs", .array(uncertainty.inputs.map {
            .object([("path", .string($0.path)), ("p10", .number($0.p10)), ("median", .number($0.median)), ("p90", .number($0.p90))])
        })))
        pairs.append(("_tornado", .object([
            ("output", .string(uncertainty.headline)), ("base", .number(uncertainty.headlineBase)),
            ("rows", .array(uncertainty.tornado.map {
                .object([("input", .string($0.input)), ("input_p10", .number($0.inputLow)), ("input_p90", .number($0.inputHigh)),
                         ("output_at_p10", .number($0.outputAtLow)), ("output_at_p90", .number($0.outputAtHigh)),
                         ("swing", .number($0.swing))])
            })),
        ])))
        if let batch = uncertainty.batch {
            pairs.append(("_first_batch", .object([
                ("ratio", .number(batch.ratio)), ("retail_quantile", .number(batch.retailQuantity)),
                ("pledged_units_p50", .number(batch.pledgedUnits)), ("units", .integer(batch.units)),
                ("demand_p10", .number(batch.demandP10)), ("demand_p50", .number(batch.demandP50)), ("demand_p90", .number(batch.demandP90)),
            ])))
        }
        if let campaign = uncertainty.campaign {
            pairs.append(("_crowdfunding", .object([
                ("pledged_p50", .number(campaign.pledgedP50)), ("goal", .number(campaign.goal)),
                ("probability_of_goal", .number(campaign.probabilityOfGoal)),
                ("probability_first_48h_cover_minimum", .number(campaign.probabilityFirstTwoDaysCover)),
                ("recommended", .bool(campaign.recommended)),
            ])))
        }
        return .object(pairs)
    }

    func kolObject(_ kol: KOLPlan) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("selected", .array(kol.lines.map { line in
                .string(kol.selection != nil && line.posts == 1 && !(plan.scenario.kol?.tiers.contains { $0.tier == line.name } ?? false)
                        ? line.name : "\(line.name) × \(line.posts)")
            })),
            ("cost", .number(kol.cost)),
            ("reach", .number(kol.reach)),
            ("engagements", .number(kol.engagements)),
            ("buyers", .number(kol.buyers)),
            ("budget", .optional(kol.budget)),
            ("cpm", .optional(kol.cpm)), ("cpe", .optional(kol.cpe)), ("cost_per_buyer", .optional(kol.costPerBuyer)),
        ]
        if let selection = kol.selection {
            pairs.append(("roster", .object([("candidates", .integer(kol.candidates)), ("chosen", .integer(selection.chosen.count)),
                                             ("exact", .bool(selection.exact)), ("optimality_gap", .number(selection.gap)),
                                             ("upper_bound", .number(selection.upperBound))])))
        }
        pairs.append(("lines", .array(kol.lines.map { line in
            .object([("name", .string(line.name)), ("tier", .string(line.tier)), ("posts", .integer(line.posts)),
                     ("followers", .number(line.followers)), ("engagement_rate", .number(line.engagementRate)),
                     ("view_rate", .number(line.viewRate)), ("click_rate", .number(line.clickRate)),
                     ("conversion", .number(line.conversion)), ("cost", .number(line.cost)), ("reach", .number(line.reach)),
                     ("engagements", .number(line.engagements)), ("buyers", .number(line.buyers)),
                     ("invite", .string(line.schedule.invite.description)), ("contract", .string(line.schedule.contract.description)),
                     ("sample_shipped", .string(line.schedule.sampleShipped.description)),
                     ("draft_due", .string(line.schedule.draftDue.description)),
                     ("review_done", .string(line.schedule.reviewDone.description)),
                     ("publish", .string(line.schedule.publish.description))])
        })))
        return .object(pairs)
    }

    func seedObject(_ seed: SeedReviewPlan) -> JSONValue {
        .object([
            ("testers", .integer(seed.testers)),
            ("units", .integer(seed.units)),
            ("cost", .number(seed.cost)),
            ("recruit_start", .string(seed.recruitStart.description)),
            ("ship_by", .string(seed.shipBy.description)),
            ("trial_start", .string(seed.trialStart.description)),
            ("reviews_due", .string(seed.reviewsDue.description)),
            ("live_by", .string(seed.liveBy.description)),
            ("target", .integer(seed.target)),
            ("review_rate", .number(seed.reviewRate)),
        ])
    }

    func marketObject(_ market: MarketSize) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let topDown = market.topDown {
            pairs += [
                ("tam_units", .number(topDown.tamUnits)), ("tam_revenue", .number(topDown.tamUnits * market.price)),
                ("sam_units", .number(topDown.samUnits)), ("sam_revenue", .number(topDown.samUnits * market.price)),
                ("som_units", .number(topDown.somUnits)), ("som_revenue", .number(topDown.somUnits * market.price)),
            ]
        }
        if let bottomUp = market.bottomUpUnits {
            pairs.append(("bottom_up_units", .number(bottomUp)))
            pairs.append(("bottom_up_revenue", .number(bottomUp * market.price)))
            pairs.append(("channels", .array(market.channels.map {
                .object([("name", .string($0.name)), ("reach", .number($0.reach)), ("conversion", .number($0.conversion)),
                         ("buyers", .number($0.buyers))])
            })))
        }
        pairs.append(("horizon_years", .number(market.horizon.years)))
        return .object(pairs)
    }
}
