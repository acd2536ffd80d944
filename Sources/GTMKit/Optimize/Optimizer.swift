/// The best plan within the constraints (`optimize`): the free decisions chosen by a
/// deterministic search over the plan's own Monte Carlo, every candidate on the same trials
/// (common random numbers, so two candidates differ by their decisions, not by noise), and the
/// value of knowing each uncertain input before deciding (EVPI).
///
/// - A candidate is the scenario with the free decisions written in as overrides (`--set`), planned
///   by the same code as `gtm plan`: its decisions (first batch, reorders, campaign goal) taken by
///   their rules on `optimize.trials` trials, then those trials run with them.
/// - The objective in a trial: the launch's net cash within the horizon (cash at its end less cash
///   on hand), plus the retail stock left valued at salvage; `profit` less peak need × cost of
///   capital × the horizon in years. Its expected value is the mean over the trials.
/// - Constraints on the trials: the P90 peak need, the mean marketing spend and fill rate, the
///   chance of a shortfall; a candidate that breaks one ranks below every one that does not, by
///   how far; a combination the scenario refuses is no plan.
/// - Search: coordinate by coordinate, each choice enumerated, each interval on a 9-point grid and
///   then a golden-section search around the best point (the responses are concave, so the
///   objective is unimodal along a budget), money moved between each two budgets, sweeping until
///   a sweep changes nothing (at most 4).
/// - EVPI of an input: the trials sorted by its draw and cut into 10 equal bins; in each bin the best
///   of the candidates evaluated (those within the constraints), against the best on average:
///   Σ_b (n_b ÷ n) max_c mean_b(c) − max_c mean(c), the standard Monte Carlo estimate of the
///   expected gain from deciding after the input is known (Strong & Oakley 2013's partial EVPI by
///   binning on the input).
package enum Optimizer {
    /// The share of the scenario's expected objective a move must gain for a decision to leave the
    /// scenario's value: a tenth of a percent (below it the move is within the objective's steps).
    static let materiality = 0.001

    package enum Setting: Sendable, Hashable {
        case number(Double)
        case word(String)
        /// Not written in the scenario: the plan's own rule or default sets it (`inventory.service_level`).
        case unset
    }

    /// One candidate's result over the trials.
    struct Evaluation {
        var settings: [Setting]
        /// The objective in each trial.
        var objective: [Double]
        var mean: Double
        var p10: Double, p90: Double
        /// Each constraint's value (P90, mean or chance), in `ConstraintKind` order; empty when the
        /// scenario refused the candidate.
        var values: [Double]
        /// The first batch it orders and the service level it orders at (nil without an inventory
        /// section), and the chance its peak need passes cash on hand + credit (nil without cash).
        var firstBatch: Double? = nil
        var serviceLevel: Double? = nil
        var shortfall: Double? = nil
    }

    /// The constraints `optimize` takes, named by their keys.
    package enum ConstraintKind: String, CaseIterable, Sendable {
        case maxPeakNeed = "max_peak_need", maxMarketing = "max_marketing", minFillRate = "min_fill_rate"
        case maxShortfallChance = "max_shortfall_chance"

        /// A floor rather than a ceiling.
        var isMinimum: Bool { self == .minFillRate }
        /// A share (a rate or a chance) rather than money.
        var isShare: Bool { self == .minFillRate || self == .maxShortfallChance }
        /// How far `value` is past `limit` (negative: the room left).
        func excess(_ value: Double, over limit: Double) -> Double { isMinimum ? limit - value : value - limit }
    }

    /// The search on `document`, whose scenario has an `optimize` section (`scenario`: the document
    /// decoded, when the caller has it already).
    package static func run(_ document: Document, scenario decoded: Scenario? = nil, threads: Int) throws(ScenarioError) -> Optimization? {
        let scenario: Scenario
        if let decoded { scenario = decoded } else { scenario = try document.decode() }
        // With actual sales the launch's decisions are taken (re-planning keeps them): nothing to choose.
        guard let spec = scenario.optimize, !spec.free.isEmpty, scenario.actuals == nil else { return nil }
        let search = Search(document: document, spec: spec, scenario: scenario, threads: threads)
        return try search.run()
    }

    /// The expected value of perfect information on one input, from each trial's draw of it and
    /// each candidate's objective in each trial (see the type's documentation).
    static func evpi(draws: [Double], objectives: [[Double]], bins: Int = 10) -> Double {
        let n = draws.count
        guard n > 0, !objectives.isEmpty else { return 0 }
        let order = draws.indices.sorted { (draws[$0], $0) < (draws[$1], $1) }
        let bins = max(1, min(bins, n))
        var informed = 0.0
        for bin in 0..<bins {
            let range = (bin * n / bins)..<((bin + 1) * n / bins)
            guard !range.isEmpty else { continue }
            var best = -Double.infinity
            for objective in objectives {
                var sum = 0.0
                for index in range { sum += objective[order[index]] }
                best = max(best, sum / Double(range.count))
            }
            informed += best * Double(range.count) / Double(n)
        }
        let prior = objectives.map { $0.reduce(0, +) / Double(n) }.max() ?? 0
        return max(0, informed - prior)
    }
}

/// What `gtm optimize` found: the chosen decisions beside the scenario's own, the objective and
/// the constraints for both, the marginal returns and shadow prices, and what to learn first.
package struct Optimization: Sendable {
    package struct Decision: Sendable {
        package var path: String
        package var kind: ValueKind
        package var given: Optimizer.Setting
        package var chosen: Optimizer.Setting
        /// What the plan's own rule sets where the scenario leaves the decision to it (the service
        /// level the first batch is ordered at); nil otherwise.
        package var rule: Double?
        /// The option a choice left to its rule (`auto`) amounts to in the scenario's plan.
        package var pick: String?
        package var note: Note?
    }

    /// Why a decision sits where it does, when the reader needs telling.
    package enum Note: String, Sendable {
        /// The search found a better value, but not by the materiality: the scenario's is kept.
        case kept
        /// Recommended at the bottom or the top of its range: a wider range may go further.
        case low, high
        /// The lowest value the scenario allows: one step lower breaks `product.target_margin`.
        case floor
        /// No value in its range changes the plan (a KOL budget over tiers with fixed counts).
        case inert
    }

    package struct Outcome: Sendable {
        package var mean: Double
        package var p10: Double
        package var p90: Double
        /// The constraints it breaks, by name (none: within them).
        package var broken: [String]
        package var withinConstraints: Bool { broken.isEmpty }
        package var firstBatch: Double?
        package var shortfallChance: Double?
    }

    package struct Constraint: Sendable {
        package var kind: Optimizer.ConstraintKind
        package var name: String { kind.rawValue }
        package var limit: Double
        package var given: Double
        package var chosen: Double
        package var binding: Bool
        /// The objective's gain per unit of the limit relaxed (nil where it does not bind).
        package var shadowPrice: Double?
    }

    package struct Marginal: Sendable {
        package var path: String
        /// The objective's change per unit of the decision (per unit of money for a budget).
        package var perUnit: Double
        /// The step the report reads it per: 1,000 of money for a range at least 10,000 wide (a
        /// budget's last ¥1,000), 1 of money below (a price's last ¥1), a percentage point for a
        /// share, one unit otherwise.
        package var step: Double
    }

    /// One option of a choice, the other decisions as chosen: its expected objective.
    package struct Option: Sendable {
        package var path: String
        package var option: String
        package var value: Double
        package var broken: [String]
        package var withinConstraints: Bool { broken.isEmpty }
        /// Each constraint's value, in the order of `constraints`.
        package var values: [Double]
    }

    package struct Information: Sendable {
        package var input: String
        package var value: Double
    }

    package var objective: Scenario.Optimize.Objective
    package var decisions: [Decision]
    package var given: Outcome
    package var chosen: Outcome
    /// The standard error of the chosen plan's gain over the given one (the same trials for both).
    package var gainError: Double
    /// The least gain for which a decision leaves the scenario's value (`Optimizer.materiality` of
    /// the scenario's objective; two standard errors when larger, decision by decision).
    package var materiality: Double
    /// The objective's gain in the search's last sweep (0 when it changed nothing).
    package var lastImprovement: Double
    package var evaluations: Int
    package var trials: Int
    package var constraints: [Constraint]
    /// True when `max_peak_need` is the default: cash on hand plus credit.
    package var peakNeedDefaulted: Bool
    package var marginalReturns: [Marginal]
    package var options: [Option]
    package var evpi: [Information]

    /// The recommendation as a `what_if` variant named `name`, to paste into the scenario.
    package func variant(_ name: String) -> String {
        var lines = ["what_if:", "  \(name):"]
        for decision in decisions where decision.chosen != .unset {
            lines.append("    \(decision.path): \(Search.text(decision.chosen, kind: decision.kind))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
