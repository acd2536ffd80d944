/// What the Monte Carlo run found: percentiles of the key outputs, the decisions taken from
/// the simulated distributions, and which inputs matter most.
public struct Uncertainty: Sendable, Equatable {
    public struct Input: Sendable, Equatable {
        public var path: String
        public var distribution: Distribution
        public var median: Double
        public var p10: Double
        public var p90: Double
    }

    public struct Output: Sendable, Equatable {
        public var path: String
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

    /// One row of the tornado: the headline output with one input at its P10 and at its P90.
    public struct Swing: Sendable, Equatable {
        public var input: String
        public var inputLow: Double
        public var inputHigh: Double
        public var outputAtLow: Double
        public var outputAtHigh: Double
        public var swing: Double { abs(outputAtHigh - outputAtLow) }
    }

    /// The first batch taken from simulated window demand.
    public struct Batch: Sendable, Equatable {
        /// The critical ratio (or service level) used: from the base case's price, cost and salvage.
        public var ratio: Double
        /// The ratio-quantile of simulated window demand: what to stock for retail.
        public var retailQuantity: Double
        /// Median units pledged by backers, added on top.
        public var pledgedUnits: Double
        public var units: Int
        public var expectedSales: Double
        public var expectedLeftover: Double
        public var expectedLostSales: Double
        public var fillRate: Double
        public var inStockProbability: Double
        public var demandP10: Double
        public var demandP50: Double
        public var demandP90: Double
    }

    /// The campaign's goal from simulated pledges.
    public struct Campaign: Sendable, Equatable {
        public var pledgedP50: Double
        public var goal: Double
        /// Share of trials whose pledges reach the goal.
        public var probabilityOfGoal: Double
        /// Share of trials whose first-48-hour pledges cover the minimum raise.
        public var probabilityFirstTwoDaysCover: Double
        public var recommended: Bool
    }

    public var trials: Int
    /// What the scenario asked for; more than `trials` when the work budget cut them.
    public var requestedTrials: Int
    public var seed: UInt64
    public var inputs: [Input]
    public var outputs: [Output]
    /// The output the tornado is drawn for, and its value with every input at its median.
    public var headline: String
    public var headlineBase: Double
    public var tornado: [Swing]
    public var batch: Batch?
    public var campaign: Campaign?

    public func output(_ path: String) -> Output? { outputs.first { $0.path == path } }
}
