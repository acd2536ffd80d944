/// Market size: TAM, SAM and SOM from the top down, and the channels' total from the bottom up.
public struct MarketSize: Sendable, Equatable {
    public struct TopDown: Sendable, Equatable {
        /// Units a year everyone in the target markets buys.
        public var tamUnits: Double
        /// The part your channels and regions can serve, a year.
        public var samUnits: Double
        /// What you can win within the horizon.
        public var somUnits: Double
    }

    public struct ChannelBuyers: Sendable, Equatable {
        public var name: String
        public var reach: Double
        public var conversion: Double
        public var buyers: Double
    }

    public var topDown: TopDown?
    /// Σ reach × conversion over the channels; nil without channels.
    public var bottomUpUnits: Double?
    public var channels: [ChannelBuyers]
    public var horizon: Period
    public var price: Double

    /// The size demand is drawn from: SOM when the market section is there, else the channels' total.
    public var demandUnits: Double { topDown?.somUnits ?? bottomUpUnits ?? 0 }

    /// Top-down SOM over bottom-up, when both exist and bottom-up is not zero.
    public var topDownToBottomUp: Double? {
        guard let som = topDown?.somUnits, let bottomUp = bottomUpUnits, bottomUp > 0 else { return nil }
        return som / bottomUp
    }
}

/// The market-size model (see README, "Market size").
public enum MarketModel {
    /// TAM = population × purchases a year; SAM = TAM × serviceable;
    /// SOM = SAM × obtainable × horizon in years.
    public static func topDown(population: Double, purchasesPerYear: Double, serviceable: Double,
                               obtainable: Double, years: Double) -> MarketSize.TopDown {
        let tam = population * purchasesPerYear
        let sam = tam * serviceable
        return MarketSize.TopDown(tamUnits: tam, samUnits: sam, somUnits: sam * obtainable * years)
    }

    /// The base case: every uncertain input at its median.
    public static func size(_ scenario: Scenario) -> MarketSize? {
        guard scenario.market != nil || scenario.channels != nil else { return nil }
        let horizon = scenario.market?.horizon ?? .months(12)
        var size = MarketSize(topDown: nil, bottomUpUnits: nil, channels: [], horizon: horizon,
                              price: scenario.product.price.value)
        if let market = scenario.market {
            size.topDown = topDown(population: market.population.value,
                                   purchasesPerYear: market.purchasesPerYear.value,
                                   serviceable: market.serviceable.value,
                                   obtainable: market.obtainable.value,
                                   years: horizon.years)
        }
        if let channels = scenario.channels {
            size.channels = channels.map {
                .init(name: $0.name, reach: $0.reach.value, conversion: $0.conversion.value,
                      buyers: $0.reach.value * $0.conversion.value)
            }
            size.bottomUpUnits = size.channels.reduce(0) { $0 + $1.buyers }
        }
        return size
    }

    /// A warning when the two sizes differ by more than `factor` (investors distrust a
    /// top-down "we take 1%" that the channels cannot reach).
    public static func disagreement(_ size: MarketSize, factor: Double = 2) -> PlanWarning? {
        guard let som = size.topDown?.somUnits, let bottomUp = size.bottomUpUnits else { return nil }
        let low = min(som, bottomUp)
        let high = max(som, bottomUp)
        guard high > 0, low * factor < high else { return nil }
        return .sizesDisagree(topDown: som, bottomUp: bottomUp)
    }
}
