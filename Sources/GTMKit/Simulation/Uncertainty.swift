/// What the Monte Carlo run found: percentiles of the outputs with a range, how precise each
/// decision is, and which inputs matter most.
public struct Uncertainty: Sendable, Equatable {
    public struct Input: Sendable, Equatable {
        public var path: String
        public var distribution: Distribution
        public var median: Double
        public var p10: Double
        public var p90: Double
    }

    /// One output over the trials.
    public struct Summary: Sendable, Equatable {
        public var output: Output
        /// The output with every input at its median.
        public var base: Double
        public var p10: Double
        public var p50: Double
        public var p90: Double
        public var mean: Double
        /// The largest relative Monte Carlo error of P10, P50 and P90, and which one.
        public var worstError: Double?
        public var worstPercentile: Int
    }

    /// One row of the tornado: the headline with one input (or one long list's items together)
    /// at its P10 and at its P90, the others as in the base case.
    public struct Swing: Sendable, Equatable {
        public var input: String
        public var inputLow: Double
        public var inputHigh: Double
        public var outputAtLow: Double
        public var outputAtHigh: Double
        public var swing: Double { abs(outputAtHigh - outputAtLow) }
    }

    public var trials: Int
    /// The trials the scenario asked for; nil when gtm chose them for the decisions' precision.
    public var requestedTrials: Int?
    public var seed: UInt64
    public var inputs: [Input]
    public var outputs: [Summary]
    /// The output the tornado is drawn for, and its value in the plan.
    public var headline: Output
    public var headlineBase: Double
    /// For a decision headline, the tornado re-takes the decision with the input known: each
    /// row is a full simulation of this many trials.
    public var tornadoTrials: Int?
    public var tornado: [Swing]
    /// Each decision's Monte Carlo standard error as a share of its value.
    public var precision: [(output: Output, error: Double)]

    public func summary(_ output: Output) -> Summary? { outputs.first { $0.output == output } }

    public static func == (a: Uncertainty, b: Uncertainty) -> Bool {
        a.trials == b.trials && a.requestedTrials == b.requestedTrials && a.seed == b.seed && a.inputs == b.inputs
            && a.outputs == b.outputs && a.headline == b.headline && a.headlineBase == b.headlineBase
            && a.tornado == b.tornado && a.precision.map(\.output) == b.precision.map(\.output)
            && a.precision.map(\.error) == b.precision.map(\.error)
    }
}
