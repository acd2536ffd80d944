/// The newsvendor: how many units to stock for one selling window of uncertain,
/// normally distributed demand (see README, "First batch").
public enum Newsvendor {
    /// Cu / (Cu + Co) with Cu = price − cost (a missed sale) and Co = cost − salvage
    /// (an unsold unit). Nil when Co ≤ 0 (overstock would be free).
    public static func criticalRatio(price: Double, cost: Double, salvage: Double) -> Double? {
        criticalRatio(underage: price - cost, overage: cost - salvage)
    }

    /// Cu ÷ (Cu + Co) for a missed sale's cost `underage` and an unsold unit's `overage`.
    public static func criticalRatio(underage: Double, overage: Double) -> Double? {
        guard overage > 0 else { return nil }
        guard underage > 0 else { return 0 }
        return underage / (underage + overage)
    }

    /// Outcomes of stocking `quantity` against N(mean, sd) demand.
    public struct Outcome: Sendable, Equatable {
        /// (quantity − mean) / sd; ±∞ when sd is 0.
        public var z: Double
        public var expectedLostSales: Double
        public var expectedSales: Double
        public var expectedLeftover: Double
        /// Expected sales ÷ expected demand.
        public var fillRate: Double
        /// Chance of not running out in the window (cycle service level).
        public var inStockProbability: Double
    }

    /// Q* = mean + z·sd with z = Φ⁻¹(ratio), exact (AS241), unrounded. Zero below a zero ratio.
    public static func optimalQuantity(mean: Double, sd: Double, ratio: Double) -> Double {
        guard ratio > 0, mean > 0 || sd > 0 else { return 0 }
        guard sd > 0 else { return mean }
        let clamped = min(max(ratio, 1e-9), 1 - 1e-9)
        return max(0, mean + Normal.quantile(clamped) * sd)
    }

    /// Expected lost sales σ·L(z), sales μ − σ·L(z), leftover Q − sales, fill rate and in-stock
    /// probability Φ(z), for `quantity` units against N(mean, sd).
    public static func outcome(quantity: Double, mean: Double, sd: Double) -> Outcome {
        guard sd > 0 else {
            let sales = min(quantity, mean)
            return Outcome(z: quantity >= mean ? .infinity : -.infinity, expectedLostSales: mean - sales,
                           expectedSales: sales, expectedLeftover: quantity - sales,
                           fillRate: mean > 0 ? sales / mean : 1, inStockProbability: quantity >= mean ? 1 : 0)
        }
        let z = (quantity - mean) / sd
        let lost = sd * Normal.loss(z)
        let sales = mean - lost
        return Outcome(z: z, expectedLostSales: lost, expectedSales: sales, expectedLeftover: quantity - sales,
                       fillRate: mean > 0 ? sales / mean : 1, inStockProbability: Normal.cdf(z))
    }

    /// Rounds an order up to whole units, then to the MOQ, then to a multiple of the case pack.
    /// An order of nothing stays nothing: the MOQ applies only to an order that is placed.
    public static func rounded(_ quantity: Double, moq: Int, casePack: Int) -> Int {
        // A hair of tolerance, so that 4186.0000000001 (float noise) stays 4186.
        guard quantity > 1e-7 else { return 0 }
        let units = Int((min(quantity, Limits.magnitude) - 1e-7).rounded(.up))
        let atLeastMOQ = max(units, moq)
        let pack = max(casePack, 1)
        return (atLeastMOQ + pack - 1) / pack * pack
    }
}
