/// The newsvendor: how many units to stock for one selling window of uncertain,
/// normally distributed demand (see the Models article, "First batch").
enum Newsvendor {
    /// Cu / (Cu + Co) with Cu = price − cost (a missed sale) and Co = cost − salvage
    /// (an unsold unit). Nil when Co ≤ 0 (overstock would be free).
    static func criticalRatio(price: Double, cost: Double, salvage: Double) -> Double? {
        criticalRatio(underage: price - cost, overage: cost - salvage)
    }

    /// Cu ÷ (Cu + Co) for a missed sale's cost `underage` and an unsold unit's `overage`.
    static func criticalRatio(underage: Double, overage: Double) -> Double? {
        guard overage > 0 else { return nil }
        guard underage > 0 else { return 0 }
        return underage / (underage + overage)
    }

    /// Outcomes of stocking `quantity` against demand N(mean, sd) that cannot fall below zero.
    struct Outcome: Sendable, Equatable {
        /// (quantity − mean) / sd; ±∞ when sd is 0.
        var z: Double
        /// The demand to expect: E[max(0, D)], the normal's mean plus the part of its lower tail
        /// below zero (which no launch sells). Within 0.02% of the mean at a 35% spread.
        var expectedDemand: Double
        var expectedLostSales: Double
        var expectedSales: Double
        var expectedLeftover: Double
        /// Expected sales ÷ expected demand.
        var fillRate: Double
        /// Chance of not running out in the window (cycle service level).
        var inStockProbability: Double
    }

    /// Q* = mean + z·sd with z = Φ⁻¹(ratio), exact (AS241), unrounded. Zero below a zero ratio.
    static func optimalQuantity(mean: Double, sd: Double, ratio: Double) -> Double {
        guard ratio > 0, mean > 0 || sd > 0 else { return 0 }
        guard sd > 0 else { return mean }
        let clamped = min(max(ratio, 1e-9), 1 - 1e-9)
        return max(0, mean + Normal.quantile(clamped) * sd)
    }

    /// Expected lost sales σ·L(z), the demand to expect μ + σ·L(μ/σ), sales (demand − lost), leftover
    /// Q − sales, fill rate and in-stock probability Φ(z), for `quantity` (≥ 0) units against
    /// demand max(0, D), D ~ N(mean, sd). Demand is a number of buyers: the normal's tail below
    /// zero is demand of zero, never negative sales. Lost sales are the normal's own (the tail
    /// above Q is the same), so at an ordinary spread every figure is the textbook one
    /// (μ − σ·L(z) sales); at a spread of 100% or more it keeps sales, leftover and the fill rate
    /// where they can be (Silver, Pyke & Thomas note the normal's negative tail at high
    /// coefficients of variation).
    static func outcome(quantity: Double, mean: Double, sd: Double) -> Outcome {
        let quantity = max(quantity, 0)
        guard sd > 0 else {
            let demand = max(mean, 0)
            let sales = min(quantity, demand)
            return Outcome(z: quantity >= mean ? .infinity : -.infinity, expectedDemand: demand, expectedLostSales: demand - sales,
                           expectedSales: sales, expectedLeftover: quantity - sales,
                           fillRate: demand > 0 ? sales / demand : 1, inStockProbability: quantity >= mean ? 1 : 0)
        }
        let z = (quantity - mean) / sd
        let demand = mean + sd * Normal.loss(mean / sd)
        // Sales lie between 0 and both the stock and the demand (the two losses cancel exactly at
        // Q = 0, but not in floating point); lost sales and leftover follow from them, so that the
        // sums hold to the last bit.
        let sales = min(max(demand - sd * Normal.loss(z), 0), quantity, demand)
        return Outcome(z: z, expectedDemand: demand, expectedLostSales: demand - sales, expectedSales: sales,
                       expectedLeftover: quantity - sales, fillRate: demand > 0 ? sales / demand : 1,
                       inStockProbability: Normal.cdf(z))
    }
}
