import Testing
@testable import GTMKit

/// The optimiser (`optimize`) against problems whose optimum is known.
@Suite struct OptimizerTests {
    /// EVPI by hand on a two-point prior: x is 0 or 1, each in half the trials. Candidate A earns 10
    /// when x = 0 and 0 when x = 1 (expected 5); B earns 4 either way. Deciding now: A, 5.
    /// Knowing x first: A (10) when 0, B (4) when 1, expected 7. EVPI = 7 − 5 = 2.
    @Test func evpiOfATwoPointPriorIsTheHandValue() {
        let draws: [Double] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
        let a = draws.map { $0 == 0 ? 10.0 : 0 }, b = draws.map { _ in 4.0 }
        #expect(abs(Optimizer.evpi(draws: draws, objectives: [a, b]) - 2) < 1e-12)
        #expect(abs(Optimizer.evpi(draws: draws, objectives: [a, b], bins: 2) - 2) < 1e-12)
        // An input the best decision does not depend on is worth nothing to learn.
        #expect(Optimizer.evpi(draws: draws, objectives: [b, b.map { $0 - 1 }]) == 0)
    }

    /// Two ad flights of the same two weeks, so the same reference (50 buyers a week × 2), differ
    /// only in conversion: linear buyers per ¥ k = 1,000 ÷ CPM × CTR × conversion = 25 × 2% × 2%
    /// = 0.01 and 25 × 2% × 1.5% = 0.0075. With the response R·(k·b ÷ R)^0.72 and one margin per
    /// buyer, a shared budget B that binds is split where the marginal returns are equal:
    /// b_A ÷ b_B = (k_A ÷ k_B)^(0.72 ÷ 0.28) = (4/3)^2.5714 = 2.0955, so of ¥60,000
    /// b_A = 60,000 × 2.0955 ÷ 3.0955 = ¥40,617 and b_B = ¥19,383.
    static let flights = """
    product:
      name: Speaker
      price: 999
      unit_cost: 142
    launch:
      date: 2027-03-01
    market:
      population: 1M
      serviceable: 10%
      obtainable: 1%
      horizon: 52 weeks
    demand:
      p: 0.03
      q: 0.38
    ads:
      - name: A
        budget: 10k
        cpm: 40
        click_rate: 2%
        conversion: 2%
        start: 2027-03-01
        duration: 2 weeks
      - name: B
        budget: 10k
        cpm: 40
        click_rate: 2%
        conversion: 1.5%
        start: 2027-03-01
        duration: 2 weeks
    optimize:
      free:
        ads[A].budget: 0 to 100k
        ads[B].budget: 0 to 100k
      max_marketing: 60k

    """

    @Test func aSharedBudgetIsSplitWhereMarginalReturnsAreEqual() throws {
        let optimization = try #require(try Optimizer.run(Document.parse(name: "flights.txt", bytes: Array(Self.flights.utf8)), threads: 1))
        let chosen = optimization.decisions.map { Search.number($0.chosen) }
        #expect(abs(chosen[0] + chosen[1] - 60_000) <= 60_000 * 0.002, "\(chosen)")
        #expect(abs(chosen[0] - 40_617) <= 600, "\(chosen)")
        #expect(abs(chosen[1] - 19_383) <= 600, "\(chosen)")
        #expect(optimization.chosen.withinConstraints && optimization.chosen.mean > optimization.given.mean)
        let cap = try #require(optimization.constraints.first { $0.name == "max_marketing" })
        #expect(cap.binding && (cap.shadowPrice ?? 0) > 0)
        // Equal marginal returns at the optimum (each within a tenth of the other).
        let returns = optimization.marginalReturns.map(\.perUnit)
        #expect(returns.count == 2 && abs(returns[0] - returns[1]) <= 0.1 * abs(returns[0]), "\(returns)")
    }

    /// Bounds are read in the key's own kind; wrong ones are located errors.
    @Test func boundsAreReadAndRefusedWhereWrong() {
        for (text, message) in [("ads[A].budget: 80k to 10k", "low bound must be below"),
                                ("ads[A].budget: lots", "is not the bounds of a search"),
                                ("ads[A].name: a to b", "cannot search"),
                                ("product.nothing: 1 to 2", "is not a key of `product`")] {
            let scenario = Self.flights.replacingOccurrences("ads[A].budget: 0 to 100k", with: text)
            do {
                _ = try decode(scenario)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.diagnostics.contains { $0.message.contains(message) }, "\(error.diagnostics.map(\.message))")
            }
        }
    }
}
