/// The JSON report: the contract's keys (outputs.md), numbers unrounded.
package struct JSONReport {
    let plan: Plan
    let text: ReportText

    package init(_ plan: Plan) {
        self.plan = plan
        self.text = ReportText(plan)
    }

    /// The whole object, ending with one newline; with a comparison, each variant's object
    /// goes under `variants`.
    package func render(comparison: Comparison? = nil) -> String {
        var object = self.object()
        if let comparison, case .object(var pairs) = object {
            pairs.append(("variants", .object(comparison.variants.map { ($0.name, JSONReport($0.plan).object()) })))
            object = .object(pairs)
        }
        return object.serialized() + "\n"
    }

    /// A week's P10 and P90 from the simulation (`p10`, `p90`), where there is a band.
    func band(_ band: WeeklyBands.Band?, _ index: Int) -> [(String, JSONValue)] {
        guard let band, band.p10.indices.contains(index) else { return [] }
        return [("p10", .number(band.p10[index])), ("p90", .number(band.p90[index]))]
    }

    var demandBand: WeeklyBands.Band? { plan.demand.flatMap { plan.uncertainty?.bands?.demand(weeks: $0.weeks.count) } }

    func balanceBand(_ flow: CashFlow) -> WeeklyBands.Band? { plan.uncertainty?.bands?.balance(lastWeeks: flow.weeks.count) }

    /// The contract's schema version (outputs.md): 2 since `run` holds the run's metadata.
    static let schemaVersion = 2

    func object() -> JSONValue {
        var pairs: [(String, JSONValue)] = [("schema_version", .integer(Self.schemaVersion))]
        let settings = plan.scenario.settings
        pairs.append(("run", runObject()))
        var scenario: [(String, JSONValue)] = [
            ("name", .string(settings.name)),
            ("currency", .string(settings.currency)),
            ("trials", settings.trials.map { .integer($0) } ?? .null),
            ("seed", .integer(Int(settings.seed))),
            ("language", .string(settings.language.rawValue)),
            ("launch_date", .string(plan.scenario.launch.date.description)),
        ]
        if let asOf = settings.asOf { scenario.append(("as_of", .string(asOf.description))) }
        pairs.append(("scenario", .object(scenario)))
        pairs.append(("launch", section(.launch)))
        if plan[.somUnits] != nil || plan[.bottomUpUnits] != nil {
            pairs.append(("market", section(.market, extra: [
                ("horizon_years", .number(plan.scenario.horizon.years)),
                ("channels", .array(plan.channels.map {
                    .object([("name", .string($0.name)), ("reach", .number($0.reach)), ("conversion", .number($0.conversion)),
                             ("buyers", .number($0.buyers))])
                })),
            ])))
        }
        if let demand = plan.demand {
            pairs.append(("demand", section(.demand, extra: [
                ("source", .string(demand.fromTopDown ? "top_down" : "bottom_up")),
                ("shape", .string(demand.shape.rawValue)),
                ("components", .object([("baseline", json(.baselineUnits)), ("events", json(.eventUnits))]
                    + Levers.components.map { (String($0.info.key.dropLast("_units".count)), json($0)) }
                    + [("price", json(.priceEffectUnits)), ("repeat", json(.repeatUnits)), ("season", json(.seasonUnits))])),
                ("events", .array(demand.events.map {
                    .object([("name", .string($0.name)), ("first_day", .string($0.first.description)), ("last_day", .string($0.last.description)),
                             ("lift", .number($0.lift))])
                })),
                ("elasticity", .number(demand.elasticity)), ("reference_price", .number(demand.referencePrice)),
                ("p", .number(demand.p)), ("q", .number(demand.q)), ("launch_boost", .number(demand.launchBoost)),
                ("weeks", .array(demand.weeks.enumerated().map { index, week in
                    .object([("week", .integer(week.number)), ("start", .string(week.start.description)), ("days", .integer(week.days)),
                             ("units", .number(week.units)), ("cumulative", .number(week.cumulative))] + band(demandBand, index))
                })),
            ] + fitObject(demand))))
        }
        if let actuals = plan.actuals { pairs.append(("actuals", actualsObject(actuals))) }
        pairs.append(("economics", section(.economics, extra: [
            ("price", .number(plan.scenario.product.price.value)), ("unit_cost", .number(plan.scenario.product.unitCost.value)),
            ("fixed_costs", .number(plan.scenario.product.fixedCosts.value)),
            ("target_margin", .optional(plan.scenario.product.targetMargin?.value)),
            ("channels", .array(plan.channelTerms.map {
                .object([("name", .string($0.name)), ("defaults_of", $0.platform.isEmpty ? .null : .string($0.platform)),
                         ("fee", .number($0.fee)), ("fulfillment", .number($0.fulfillment)), ("returns", .number($0.returns)),
                         ("settlement_days", .integer($0.settlementDays)), ("share", .number($0.share)),
                         ("contribution", .number($0.contribution))])
            })),
        ])))
        if let batch = plan.firstBatch {
            // `reorder` is absent when no second order is needed (outputs.md).
            let second: [(String, JSONValue)] = batch.reorder.map { [("reorder", order($0))] } ?? []
            pairs.append(("inventory", section(.inventory, extra: second + [
                ("reorders", .array(batch.reorders.map(order))),
                ("stock_weeks", stockWeeks(batch)),
                ("skus", .array(batch.skus.map {
                    .object([("name", .string($0.name)), ("share", .number($0.share)), ("share_sd", .number($0.shareSD)),
                             ("first_batch_units", .integer($0.units)), ("reorders_units", .integer($0.reorderUnits)),
                             ("newsvendor_units", .number($0.retailUnits)), ("owed_units", .integer($0.owed)),
                             ("critical_ratio", .number($0.criticalRatio)), ("unit_cost", .number($0.unitCost)), ("moq", .integer($0.moq))])
                })),
                ("skipped_reorder", batch.schedule.skipped.map { skipped in
                    .object([("date", .string(skipped.date.description)), ("units", .integer(skipped.units)),
                             ("sales", .number(skipped.sales)), ("contribution", .number(skipped.contribution)),
                             ("value", .number(skipped.value))])
                } ?? .null),
                ("underage", .number(batch.underage)), ("overage", .number(batch.overage)),
            ] + batch.terms.terms.map { ($0.key, .integer($0.value)) } + [
                ("coverage_days", .integer(batch.windowDays)),
                ("demand_source", .string(batch.demandSource == .curve ? "curve" : "forecast")),
                ("ratio_source", .string(batch.ratioSource == .economics ? "critical_ratio" : "service_level")),
            ])))
        }
        if plan.scenario.pilot != nil { pairs.append(("pilot", section(.pilot))) }
        if let campaign = plan.crowdfunding { pairs.append(("crowdfunding", crowdfundingObject(campaign))) }
        for lever in plan.leverReports {
            let part = lever.json(self)
            pairs.append((part.key, part.value))
        }
        if let seed = plan.seedReviews {
            pairs.append(("seed_reviews", section(.seedReviews, extra: [
                ("trial_start", .string(seed.trialStart.description)), ("reviews_due", .string(seed.reviewsDue.description)),
                ("live_by", .string(seed.liveBy.description)), ("target", .integer(seed.target)),
                ("review_rate", .number(seed.reviewRate)),
            ])))
        }
        if !plan.promotions.isEmpty {
            pairs.append(("promotions", .array(plan.promotions.map { promotion in
                .object([("name", .string(promotion.name)), ("start", .string(promotion.start.description)),
                         ("end", .string(promotion.end.description)), ("price", .number(promotion.price)), ("units", .number(promotion.units)),
                         ("discount_cost", .number(promotion.discountCost)), ("channels", .array(promotion.channels.map { .string($0) })),
                         ("deposit", .optional(promotion.deposit)), ("deposit_date", promotion.depositDate.map { .string($0.description) } ?? .null)])
            })))
        }
        if let flow = plan.cash {
            pairs.append(("cash", section(.cash, extra: [
                ("on_hand", .number(flow.onHand)),
                ("payout", flow.payout.map { .string($0.description) } ?? .null),
                ("items", .array(flow.totals.map {
                    .object([("item", .string($0.item.key)), ("first", .string($0.first.description)), ("last", .string($0.last.description)),
                             ($0.item.isReceipt ? "received" : "paid", .number($0.amount))])
                })),
                ("weeks", .array(flow.weeks.enumerated().map { index, week in
                    .object([("start", .string(week.start.description)), ("in", .number(week.inflow)), ("out", .number(week.outflow)),
                             ("balance", .number(week.balance))] + band(balanceBand(flow), index))
                })),
            ])))
        }
        if let optimization = plan.optimization {
            pairs.append(("optimize", optimizeObject(optimization)))
            pairs.append(("evpi", .array(optimization.evpi.map { .object([("input", .string($0.input)), ("value", .number($0.value))]) })))
        }
        pairs.append(("timeline", .array(plan.timeline.map { milestone in
            .object([("id", .string(milestone.id)), ("name", .string(text.milestoneName(milestone))),
                     ("start", .string(milestone.start.description)), ("end", .string(milestone.end.description)),
                     ("owner", .string(milestone.owner.rawValue))])
        })))
        if let uncertainty = plan.uncertainty { pairs.append(("uncertainty", uncertaintyObject(uncertainty))) }
        pairs.append(("warnings", .array(plan.warnings.map { warning in
            var fields: [(String, JSONValue)] = [("code", .string(warning.code)), ("message", .string(text.message(warning)))]
            if let (milestone, date, supply) = warning.dates {
                fields += [("milestone", .string(milestone)), ("date", .string(date.description)),
                           ("supply", supply.map { .string($0.description) } ?? .null)]
            }
            return .object(fields)
        })))
        pairs.append(("inputs", .array(plan.scenario.inputs.map {
            .object([("path", .string($0.path)), ("value", .string($0.text)), ("from", .string(text.origin($0.origin)))])
        })))
        pairs.append(("gtm", .object([("version", .string(GTM.version)), ("fingerprint", .string(plan.fingerprint))])))
        return .object(pairs)
    }

    /// `demand.fit`: the analogs' fits and the one the curve takes (one analog: its own; several:
    /// p and q the curve's, the middle of their spread, m the middle of theirs, r2 the weakest fit's).
    func fitObject(_ demand: DemandCurve) -> [(String, JSONValue)] {
        guard let analogs = plan.scenario.demand?.analogs, !analogs.isEmpty else { return [] }
        func range(_ range: ClosedRange<Double>?) -> JSONValue {
            range.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null
        }
        let ms = analogs.map(\.estimate.m)
        let m = ((ms.min() ?? 0) * (ms.max() ?? 0)).squareRoot()
        return [("fit", .object([
            ("p", .number(demand.p)), ("q", .number(demand.q)), ("m", .number(m)),
            ("r2", .number(analogs.map(\.estimate.r2).min() ?? 0)),
            ("method", .string("nonlinear least squares on period sales (Srinivasan & Mason 1986)")),
            ("analogs", .array(analogs.map { fit in
                .object([("path", .string(fit.path)), ("p", .number(fit.estimate.p)), ("q", .number(fit.estimate.q)),
                         ("m", .number(fit.estimate.m)), ("r2", .number(fit.estimate.r2)), ("periods", .integer(fit.periods)),
                         ("period_days", .number(fit.periodDays)), ("p_range", range(fit.estimate.pRange)),
                         ("q_range", range(fit.estimate.qRange)), ("m_range", range(fit.estimate.mRange))])
            })),
        ]))]
    }

    /// `actuals`: the sales to date, the re-forecast, and what changes now.
    func actualsObject(_ actuals: ActualsReport) -> JSONValue {
        let orders = plan.firstBatch?.reorders ?? []
        let before = actuals.before
        return section(.actuals, extra: [
            ("path", .string(actuals.path)),
            ("as_of", .string(actuals.asOf.description)),
            ("reorder", orders.first { $0.date >= actuals.asOf }.map(order) ?? .null),
            ("placed", .array(orders.filter { $0.date < actuals.asOf }.map(order))),
            ("before", .object([
                ("horizon_units", .optional(before.horizonUnits)),
                ("reorder", actuals.beforeNext.map(order) ?? .null),
                ("reorders", .array(before.reorders.map(order))),
                ("peak_need", .optional(before.peakNeed)), ("ending", .optional(before.ending)),
            ])),
            ("fit", actuals.fit.map { fit in
                .object([("p", .number(fit.p)), ("q", .number(fit.q)), ("m", .number(fit.m)),
                         ("prior", .object([("p", .number(actuals.priorP)), ("q", .number(actuals.priorQ)), ("m", .number(actuals.priorM))]))])
            } ?? .null),
            ("plan_weeks", .array(actuals.planWeekly.map { .number($0) })),
        ])
    }

    /// An order after the first batch: when to place it, how many, when it lands, and the day stock
    /// runs out without it.
    func order(_ reorder: Reorder) -> JSONValue {
        .object([("date", .string(reorder.date.description)), ("units", .integer(reorder.units)),
                 ("arrival", .string(reorder.arrival.description)),
                 ("stockout", reorder.stockout.map { .string($0.description) } ?? .null),
                 ("stock_at_arrival", .number(reorder.stockAtArrival)), ("safety_stock", .number(reorder.safetyStock)),
                 ("serves", .number(reorder.serves)),
                 ("sized_to", .string(reorder.sizing == .coverage ? "coverage" : "demand_left"))])
    }

    /// Median-case stock on hand at the end of each week from launch.
    func stockWeeks(_ batch: FirstBatch) -> JSONValue {
        .array(batch.schedule.weeklyStock.enumerated().map { week, units in
            .object([("start", .string(plan.scenario.launch.date.adding(days: 7 * week).description)),
                     ("on_hand", .number(units))])
        })
    }

    /// An output in JSON: a number, a date string, a boolean, or null where the plan has none.
    func json(_ output: Output) -> JSONValue {
        guard let value = plan[output], value.isFinite else { return .null }
        switch output.unit {
        case .date: return .string(CivilDate(daysSinceEpoch: Int(value)).description)
        case .flag: return .bool(value != 0)
        default: return .number(value)
        }
    }

    /// Every output of `section` by its key, then the section's other keys.
    func section(_ section: Output.Section, extra: [(String, JSONValue)] = []) -> JSONValue {
        .object(Output.outputs(of: section).map { ($0.info.key, json($0)) } + extra)
    }

    /// The run's metadata: trials, seed, each decision's precision, the uncertain inputs, the tornado.
    func runObject() -> JSONValue {
        guard let uncertainty = plan.uncertainty else {
            return .object([("trials", .integer(0)), ("seed", .integer(Int(plan.scenario.settings.seed))), ("precision", .object([]))])
        }
        return .object([
            ("trials", .integer(uncertainty.trials)),
            ("requested_trials", uncertainty.requestedTrials.map { .integer($0) } ?? .null),
            ("seed", .integer(Int(uncertainty.seed))),
            ("precision", .object(uncertainty.precision.map { ($0.output.path, .optional($0.error)) })),
            ("inputs", .array(uncertainty.inputs.map {
                .object([("path", .string($0.path)), ("p10", .number($0.p10)), ("median", .number($0.median)), ("p90", .number($0.p90))])
            })),
            ("tornado", .object([
                ("output", .string(uncertainty.headline.path)), ("base", .optional(uncertainty.headlineBase)),
                ("trials", uncertainty.tornadoTrials.map { .integer($0) } ?? .null),
                ("rows", .array(uncertainty.tornado.map {
                    .object([("input", .string($0.input)), ("input_p10", .number($0.inputLow)), ("input_p90", .number($0.inputHigh)),
                             ("output_at_p10", .optional($0.outputAtLow)), ("output_at_p90", .optional($0.outputAtHigh)),
                             ("swing", .optional($0.swing))])
                })),
            ])),
        ])
    }

    func crowdfundingObject(_ campaign: Campaign) -> JSONValue {
        section(.crowdfunding, extra: [
            ("reasons", .array(campaign.reasons.map { .string(text.reason($0, campaign: campaign)) })),
            ("platform", .string(campaign.platform.rawValue)),
            ("backers_by_source", .object([("email_list", .number(campaign.listBackers)),
                                           ("reservations", .number(campaign.reservationBackers)),
                                           ("kol", .number(campaign.kolBackers)),
                                           ("platform", .number(campaign.organicBackers)),
                                           ("turned_away", .number(campaign.backersTurnedAway))])),
            ("tiers", .array(campaign.tiers.map {
                .object([("name", .string($0.name)), ("price", .number($0.price)), ("limit", $0.limit.map { .integer($0) } ?? .null),
                         ("pledges", .number($0.pledges)), ("units_per_pledge", .integer($0.unitsPerPledge)),
                         ("pledged", .number($0.amount))])
            })),
        ])
    }

    /// Output paths to their distributions over the trials: the spread of the uncertain inputs
    /// alone. A decision's entry holds its one value (every percentile equal) and its Monte Carlo
    /// standard error.
    func uncertaintyObject(_ uncertainty: Uncertainty) -> JSONValue {
        var pairs: [(String, JSONValue)] = uncertainty.outputs.map { summary in
            // Dates as dates (null beyond the horizon); a date's mean means nothing.
            let isDate = summary.output.unit == .date
            func value(_ number: Double) -> JSONValue {
                isDate ? (number.isFinite ? .string(CivilDate(daysSinceEpoch: Int(number)).description) : .null) : .optional(number)
            }
            return (summary.output.path, .object([("p10", value(summary.p10)), ("p50", value(summary.p50)), ("p90", value(summary.p90)),
                                           ("mean", isDate ? .null : .optional(summary.mean)), ("base", value(summary.base)),
                                           ("monte_carlo_error", .optional(summary.worstError.flatMap { $0.isFinite ? $0 : nil }))]))
        }
        for (output, error) in uncertainty.precision {
            guard let value = plan[output] else { continue }
            pairs.append((output.path, .object([("p10", .optional(value)), ("p50", .optional(value)), ("p90", .optional(value)),
                                                ("mean", .optional(value)), ("decision", .bool(true)),
                                                ("standard_error",
                                                 .optional(error * (output == .goal ? plan[.firstTwoDays] ?? 0 : plan[.newsvendorUnits] ?? 0)))])))
        }
        return .object(pairs)
    }

    func kolObject(_ kol: KOLPlan) -> JSONValue {
        var extra: [(String, JSONValue)] = [
            ("selected", .array(zip(kol.lines, kol.fromTiers).map { line, fromTier in
                .string(fromTier ? "\(line.name) × \(Int(line.posts))" : line.name)
            })),
            ("budget", .optional(kol.budget)),
            ("objective", .string(kol.objective.rawValue)),
        ]
        if let selection = kol.selection {
            extra.append(("roster", .object([("candidates", .integer(kol.candidates)), ("chosen", .integer(selection.chosen.count)),
                                             ("exact", .bool(selection.exact)), ("optimality_gap", .number(selection.gap)),
                                             ("upper_bound", .number(selection.upperBound))])))
        }
        extra.append(("lines", .array(kol.lines.map { line in
            .object([("name", .string(line.name)), ("tier", .string(line.tier)), ("posts", .number(line.posts)),
                     ("platform", line.platform.isEmpty ? .null : .string(line.platform)), ("invitations", .integer(line.invitations)),
                     ("acceptance", .number(line.acceptance)), ("commission", .number(line.commission)),
                     ("half_life_days", .number(line.halfLifeDays)),
                     ("followers", .number(line.followers)), ("engagement_rate", .number(line.engagementRate)),
                     ("view_rate", .number(line.viewRate)), ("click_rate", .number(line.clickRate)),
                     ("conversion", .number(line.conversion)), ("cost", .number(line.cost)), ("reach", .number(line.reach)),
                     ("engagements", .number(line.engagements)), ("buyers", .number(line.buyers)),
                     ("cost_per_buyer", line.buyers > 0 ? .number(line.costPerBuyer) : .null),
                     ("roas", line.cost > 0 ? .number(line.buyers * plan.kolBuyerWorth.sale / line.cost) : .null),
                     ("invite", .string(line.schedule.invite.description)), ("contract", .string(line.schedule.contract.description)),
                     ("sample_shipped", .string(line.schedule.sampleShipped.description)),
                     ("draft_due", .string(line.schedule.draftDue.description)),
                     ("review_done", .string(line.schedule.reviewDone.description)),
                     ("publish", .string(line.schedule.publish.description))])
        })))
        // The contract's `selected` comes first.
        return .object([extra[0]] + (section(.kol).objectPairs ?? []) + extra.dropFirst())
    }
}

extension JSONValue {
    /// The pairs of an object.
    var objectPairs: [(String, JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }
}

extension JSONReport {
    /// `optimize`: the decisions given and chosen, the objective for both, the constraints with
    /// their shadow prices, the marginal returns.
    func optimizeObject(_ o: Optimization) -> JSONValue {
        func setting(_ value: Optimizer.Setting) -> JSONValue {
            switch value {
            case .number(let number): return .number(number)
            case .word(let word): return .string(word)
            case .unset: return .null
            }
        }
        return .object([
            ("objective", .string(o.objective.rawValue)),
            ("decisions", .array(o.decisions.map {
                .object([("path", .string($0.path)), ("given", setting($0.given)), ("chosen", setting($0.chosen)),
                         ("rule", $0.rule.map(JSONValue.number) ?? .null), ("pick", $0.pick.map(JSONValue.string) ?? .null),
                         ("note", $0.note.map { .string($0.rawValue) } ?? .null)])
            })),
            ("value", .object([("given", .number(o.given.mean)), ("chosen", .number(o.chosen.mean)),
                               ("given_p10", .number(o.given.p10)), ("given_p90", .number(o.given.p90)),
                               ("chosen_p10", .number(o.chosen.p10)), ("chosen_p90", .number(o.chosen.p90)),
                               ("gain_standard_error", .number(o.gainError)), ("last_improvement", .number(o.lastImprovement)),
                               ("materiality", .number(o.materiality))])),
            ("within_constraints", .object([("given", .bool(o.given.withinConstraints)), ("chosen", .bool(o.chosen.withinConstraints))])),
            ("first_batch", .object([("given", o.given.firstBatch.map(JSONValue.number) ?? .null),
                                     ("chosen", o.chosen.firstBatch.map(JSONValue.number) ?? .null)])),
            ("shortfall_chance", .object([("given", o.given.shortfallChance.map(JSONValue.number) ?? .null),
                                          ("chosen", o.chosen.shortfallChance.map(JSONValue.number) ?? .null)])),
            ("broken", .object([("given", .array(o.given.broken.map(JSONValue.string))), ("chosen", .array(o.chosen.broken.map(JSONValue.string)))])),
            ("constraints", .array(o.constraints.map {
                .object([("name", .string($0.name)), ("limit", .number($0.limit)), ("given", .number($0.given)), ("value", .number($0.chosen)),
                         ("binding", .bool($0.binding)), ("shadow_price", $0.shadowPrice.map(JSONValue.number) ?? .null)])
            })),
            ("marginal_returns", .array(o.marginalReturns.map { .object([("path", .string($0.path)), ("per_unit", .number($0.perUnit))]) })),
            ("options", .array(o.options.map {
                .object([("path", .string($0.path)), ("option", .string($0.option)), ("value", .number($0.value)),
                         ("within_constraints", .bool($0.withinConstraints)), ("broken", .array($0.broken.map(JSONValue.string)))])
            })),
            ("trials", .integer(o.trials)), ("evaluations", .integer(o.evaluations)),
        ])
    }
}
