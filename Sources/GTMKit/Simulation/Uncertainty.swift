/// What the Monte Carlo run found: percentiles of the outputs with a range, how precise each
/// decision is, and which inputs matter most.
package struct Uncertainty: Sendable, Equatable {
    package struct Input: Sendable, Equatable {
        var path: String
        var distribution: Distribution
        var median: Double
        var p10: Double
        var p90: Double
    }

    /// One output over the trials.
    package struct Summary: Sendable, Equatable {
        var output: Output
        /// The output with every input at its median.
        var base: Double
        var p10: Double
        package var p50: Double
        var p90: Double
        var mean: Double
        /// The largest relative Monte Carlo error of P10, P50 and P90, and which one.
        var worstError: Double?
        var worstPercentile: Int
    }

    /// One row of the tornado: the headline with one input (or one long list's items together)
    /// at its P10 and at its P90, the others as in the base case.
    package struct Swing: Sendable, Equatable {
        var input: String
        var inputLow: Double
        var inputHigh: Double
        var outputAtLow: Double
        var outputAtHigh: Double
        var swing: Double { abs(outputAtHigh - outputAtLow) }
    }

    package var trials: Int
    /// The trials the scenario asked for; nil when gtm chose them for the decisions' precision.
    var requestedTrials: Int?
    var seed: UInt64
    var inputs: [Input]
    var outputs: [Summary]
    /// The output the tornado is drawn for, and its value in the plan.
    var headline: Output
    var headlineBase: Double
    /// For a decision headline, the tornado re-takes the decision with the input known: each
    /// row is a full simulation of this many trials.
    var tornadoTrials: Int?
    var tornado: [Swing]
    /// Each decision's Monte Carlo standard error as a share of its value.
    var precision: [(output: Output, error: Double)]
    /// The weekly demand's and cash balance's P10–P90 band, for the charts and the JSON's weeks.
    package var bands: WeeklyBands?

    package func summary(_ output: Output) -> Summary? { outputs.first { $0.output == output } }

    package static func == (a: Uncertainty, b: Uncertainty) -> Bool {
        a.trials == b.trials && a.requestedTrials == b.requestedTrials && a.seed == b.seed && a.inputs == b.inputs
            && a.outputs == b.outputs && a.headline == b.headline && a.headlineBase == b.headlineBase
            && a.tornado == b.tornado && a.precision.map(\.output) == b.precision.map(\.output)
            && a.precision.map(\.error) == b.precision.map(\.error) && a.bands == b.bands
    }
}
