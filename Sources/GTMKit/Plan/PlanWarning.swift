/// Something the plan's reader must know: an infeasible date, an overrun, a
/// doubtful input. Kept as data; the renderers word it in the report's language.
public enum PlanWarning: Sendable, Hashable {
    /// Top-down SOM and the bottom-up total differ by more than 2×.
    case sizesDisagree(topDown: Double, bottomUp: Double)
    /// A share written as a bare `1`, which means 100%: often a slip for `1%`.
    case shareWrittenAsOne(path: String)
    /// The price does not cover the unit cost.
    case noUnitMargin(price: Double, unitCost: Double)
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
    /// A reported percentile's Monte Carlo error is above 1%: too few trials.
    case monteCarloError(path: String, percentile: Int, error: Double, suggestedTrials: Int)
    /// The simulation would cost more than `Limits.simulationWork`: it ran `used` trials.
    case trialsReduced(requested: Int, used: Int, inputs: Int)
    /// A milestone that should have started before `scenario.as_of`.
    case lateMilestone(Milestone, daysLate: Int, laterSteps: Int)

    /// A stable identifier for the JSON and for tests.
    public var code: String {
        switch self {
        case .sizesDisagree: return "market_sizes_disagree"
        case .shareWrittenAsOne: return "share_written_as_one"
        case .noUnitMargin: return "no_unit_margin"
        case .aboveCostCeiling: return "unit_cost_above_ceiling"
        case .zeroDemand: return "zero_demand"
        case .coveragePastHorizon: return "coverage_past_horizon"
        case .rewardsAfterLaunch: return "rewards_after_launch"
        case .tiersSoldOut: return "tiers_sold_out"
        case .kolOverBudget: return "kol_over_budget"
        case .lateMilestone: return "late_milestone"
        case .monteCarloError: return "monte_carlo_error"
        case .trialsReduced: return "trials_reduced"
        }
    }
}
