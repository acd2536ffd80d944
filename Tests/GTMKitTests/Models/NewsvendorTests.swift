/// `Newsvendor`: the critical ratio, the optimal stock Q* = μ + z·σ, and the outcomes of a stock against normal demand.
import Testing
@testable import GTMKit

/// The textbook examples (O'Neill, Wikipedia, Green Thumb) run through whole plans in `NewsvendorPublishedExamples`;
/// these are the model's own edges, called directly.
@Suite struct NewsvendorTests {
    @Test func criticalRatioAndItsEdges() {
        // O'Neill's Hammer 3/2 (Cachon & Terwiesch): Cu = 190 − 110 = 80, Co = 110 − 90 = 20, CR = 80 ÷ 100 = 0.8.
        #expect(Newsvendor.criticalRatio(price: 190, cost: 110, salvage: 90) == 0.8)
        // Cu = Co: stock the median, CR = 1/2.
        #expect(Newsvendor.criticalRatio(underage: 25, overage: 25) == 0.5)
        // Salvage at or above cost: an unsold unit costs nothing (Co ≤ 0), no finite order: nil.
        #expect(Newsvendor.criticalRatio(price: 190, cost: 110, salvage: 110) == nil)
        #expect(Newsvendor.criticalRatio(price: 190, cost: 110, salvage: 120) == nil)
        // Price at or below cost: a sale earns nothing (Cu ≤ 0), stock nothing: 0, not a negative ratio.
        #expect(Newsvendor.criticalRatio(price: 110, cost: 110, salvage: 90) == 0)
        #expect(Newsvendor.criticalRatio(price: 100, cost: 120, salvage: 50) == 0)
    }

    @Test func optimalQuantityAtTheTableZ() {
        // z from the standard normal table: Φ⁻¹(0.975) = 1.959963985; N(1000, 100): Q* = 1000 + 195.9963985 = 1195.9963985.
        #expect(abs(Newsvendor.optimalQuantity(mean: 1000, sd: 100, ratio: 0.975) - 1195.996398454005) < 1e-9)
        // Φ⁻¹(0.5) = 0: Q* is the mean.
        #expect(abs(Newsvendor.optimalQuantity(mean: 1000, sd: 100, ratio: 0.5) - 1000) < 1e-12)
        // Φ⁻¹(0.1) = −1.281551566: 1000 − 128.1551566 = 871.8448434, below the mean.
        #expect(abs(Newsvendor.optimalQuantity(mean: 1000, sd: 100, ratio: 0.1) - 871.8448434455399) < 1e-9)
    }

    @Test func optimalQuantityEdges() {
        // A zero ratio (no margin) stocks nothing, even against a large mean.
        #expect(Newsvendor.optimalQuantity(mean: 1000, sd: 100, ratio: 0) == 0)
        // No spread: the mean, whatever the ratio; no demand and no spread: nothing.
        #expect(Newsvendor.optimalQuantity(mean: 250, sd: 0, ratio: 0.99) == 250)
        #expect(Newsvendor.optimalQuantity(mean: 0, sd: 0, ratio: 0.8) == 0)
        // A ratio of 1 is held at 1 − 1e-9, which as a double leaves a tail of 9.9999997e-10: z = 5.99780702 (the
        // tables' 5.997807015 for a tail of exactly 10⁻⁹, 4.6e-9 apart), so 100 + 10 × 5.99780702 = 159.9780702.
        #expect(abs(Newsvendor.optimalQuantity(mean: 100, sd: 10, ratio: 1) - 159.97807019601637) < 1e-8)
        #expect(Newsvendor.optimalQuantity(mean: 100, sd: 10, ratio: 1) == Newsvendor.optimalQuantity(mean: 100, sd: 10, ratio: 2))
        // A quantile below zero is no stock: N(10, 100) at 10% is 10 − 128.16 < 0 → 0.
        #expect(Newsvendor.optimalQuantity(mean: 10, sd: 100, ratio: 0.1) == 0)
    }

    @Test func outcomesAtTheMeanByHand() {
        // Q = μ = 1000, σ = 100: z = 0, L(0) = φ(0) = 1/√(2π) = 0.3989422804 (the loss table's first entry).
        // Lost sales σ·L(0) = 39.89422804; the tail below zero, 100 × L(10), is under 10⁻²⁰: demand 1000.
        // Sales 1000 − 39.89422804 = 960.10577196; leftover 39.89422804; fill rate 0.96010577; in stock Φ(0) = 1/2.
        let outcome = Newsvendor.outcome(quantity: 1000, mean: 1000, sd: 100)
        #expect(outcome.z == 0)
        #expect(abs(outcome.expectedLostSales - 39.894228040143268) < 1e-9)
        #expect(abs(outcome.expectedDemand - 1000) < 1e-12)
        #expect(abs(outcome.expectedSales - 960.105771959856732) < 1e-9)
        #expect(abs(outcome.expectedLeftover - 39.894228040143268) < 1e-9)
        #expect(abs(outcome.fillRate - 0.960105771959856732) < 1e-12)
        #expect(outcome.inStockProbability == 0.5)
        // The identities hold to the bit: sales + lost = demand, sales + leftover = the stock.
        #expect(outcome.expectedSales + outcome.expectedLostSales == outcome.expectedDemand)
        #expect(outcome.expectedSales + outcome.expectedLeftover == 1000)
    }

    @Test func outcomesWithoutSpread() {
        // Certain demand of 80: stocking 100 sells 80 and leaves 20, never runs out (z = +∞).
        let over = Newsvendor.outcome(quantity: 100, mean: 80, sd: 0)
        #expect(over.expectedSales == 80 && over.expectedLeftover == 20 && over.expectedLostSales == 0)
        #expect(over.fillRate == 1 && over.inStockProbability == 1 && over.z == .infinity)
        // Stocking 60 sells 60, loses 20, leaves nothing: fill 60/80 = 0.75, always out of stock (z = −∞).
        let under = Newsvendor.outcome(quantity: 60, mean: 80, sd: 0)
        #expect(under.expectedSales == 60 && under.expectedLostSales == 20 && under.expectedLeftover == 0)
        #expect(under.fillRate == 0.75 && under.inStockProbability == 0 && under.z == -.infinity)
        // Exactly the demand: in stock (Q ≥ μ counts as not running out).
        #expect(Newsvendor.outcome(quantity: 80, mean: 80, sd: 0).inStockProbability == 1)
        // No demand: a fill rate of 1 (nothing was missed), all 5 units left; a negative stock is no stock.
        let none = Newsvendor.outcome(quantity: 5, mean: 0, sd: 0)
        #expect(none.fillRate == 1 && none.expectedLeftover == 5 && none.expectedSales == 0)
        let negative = Newsvendor.outcome(quantity: -5, mean: 80, sd: 0)
        #expect(negative.expectedSales == 0 && negative.expectedLeftover == 0 && negative.expectedLostSales == 80)
    }
}
