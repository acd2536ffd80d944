/// Something the plan's reader must know: an infeasible date, an overrun, a
/// doubtful input. Kept as data; the renderers word it in the report's language.
public enum PlanWarning: Sendable, Hashable {
    /// Top-down SOM and the bottom-up total differ by more than 2×.
    case sizesDisagree(topDown: Double, bottomUp: Double)
    /// A share written as a bare `1`, which means 100%: often a slip for `1%`.
    case shareWrittenAsOne(path: String)

    /// A stable identifier for the JSON and for tests.
    public var code: String {
        switch self {
        case .sizesDisagree: return "market_sizes_disagree"
        case .shareWrittenAsOne: return "share_written_as_one"
        }
    }
}
