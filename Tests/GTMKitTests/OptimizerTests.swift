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

    @Test func aDecisionNearItsOptimumKeepsTheScenariosValue() throws {
        // The same flights written at ¥40,000 and ¥20,000: ¥617 from the closed-form split, where
        // the objective is flat (the loss is second order: ½ × f'' × 617², a few yuan against the
        // 0.1% materiality of an objective near ¥1M). The recommendation keeps the scenario's split.
        let text = Self.flights.replacingOccurrences(of: "name: A\n    budget: 10k", with: "name: A\n    budget: 40k")
            .replacingOccurrences(of: "name: B\n    budget: 10k", with: "name: B\n    budget: 20k")
        let optimization = try #require(try Optimizer.run(Document.parse(name: "flights.txt", bytes: Array(text.utf8)), threads: 1))
        #expect(optimization.decisions.map { Search.number($0.chosen) } == [40_000, 20_000])
        #expect(optimization.chosen.mean == optimization.given.mean)
        #expect(optimization.materiality >= 0.001 * optimization.given.mean * 0.999)
        #expect(optimization.decisions.map(\.note) == [.kept, .kept])
    }

    @Test func aBudgetThatCannotMoveSpendIsNamedInert() throws {
        // KOL tiers with fixed counts: `kol.budget` only caps them (a warning when over), so no
        // budget in 0–100k changes a trial's cash: the decision is flagged, not recommended.
        let text = Self.flights.replacingOccurrences(of: "optimize:\n  free:\n", with: """
            kol:
              budget: 20k
              tiers:
                - tier: mid
                  count: 2
                  fee: 5k
                  followers: 100k
            optimize:
              free:
                kol.budget: 0 to 100k

            """)
        let optimization = try #require(try Optimizer.run(Document.parse(name: "kol.txt", bytes: Array(text.utf8)), threads: 1))
        #expect(optimization.decisions.first { $0.path == "kol.budget" }?.note == .inert)
    }

    @Test func aPriceStaysAtTheTargetMargin() throws {
        // Cost ¥40 and a 50% target margin: no price below 40 ÷ (1 − 0.5) = ¥80. With an elasticity of
        // −6 the launch price's contribution (p − 40) × p^−6 peaks at 40 × 6 ÷ 5 = ¥48, below the floor,
        // so the search stops at ¥80 and says why.
        let text = """
            product:
              name: Lamp
              price: 100
              unit_cost: 40
              target_margin: 50%
              launch_price: 95
              launch_price_weeks: 10 weeks
            launch:
              date: 2027-03-01
            market:
              population: 1M
              serviceable: 10%
              obtainable: 1%
              horizon: 52 weeks
            demand:
              elasticity: -6
            cash:
              on_hand: 1M
            optimize:
              free:
                product.launch_price: 60 to 100

            """
        let optimization = try #require(try Optimizer.run(Document.parse(name: "price.txt", bytes: Array(text.utf8)), threads: 1))
        let price = try #require(optimization.decisions.first)
        #expect(Search.number(price.chosen) == 80)
        #expect(price.note == .floor)
    }

    /// A newsvendor: ¥400 lamp, ¥150 unit cost, ¥50 salvage, no fees, so the critical ratio is
    /// 250 ÷ 350 = 71.43% and z = 0.5659. The window is the whole 26-week horizon, forecast error
    /// 0, so each trial's demand is its curve's and the best batch is that distribution's 71.43%
    /// quantile. Demand = 1M × 10% × obtainable (lognormal, 3% to 6% a 90% interval: median
    /// 4.2426%, σ = ln 2 ÷ (2 × 1.6449) = 0.21070) × 182 ÷ 365.25 of a year: median 2,114.03, and
    /// Q* = 2,114.03 × e^(0.21070 × 0.5659) = 2,381.6. Starting from a 20% service level, the
    /// search moves to Q*. With ¥300,000 for the launch the search stays within it and ends at it
    /// within 3% (below Q*, the plan's reorder rule tops a small batch up with orders that land
    /// late in the horizon, so the objective is not monotone in the batch right under the cap).
    static let newsvendor = """
    product:
      name: Lamp
      price: 400
      unit_cost: 150
      salvage: 50
    launch:
      date: 2027-03-01
    market:
      population: 1M
      serviceable: 10%
      obtainable: 3% to 6%
      horizon: 26 weeks
    demand:
      p: 0.03
      q: 0.38
    inventory:
      lead_time: 40 weeks
      coverage: 26 weeks
      forecast_cv: 0%
      service_level: 20%
    cash:
      on_hand: 10M
    optimize:
      trials: 2048
      free:
        inventory.service_level: 5% to 99%

    """

    /// The first batch of the plan with the optimiser's decisions.
    func batch(_ text: String, _ optimization: Optimization) throws -> Double {
        let sets = zip(optimization.decisions, optimization.decisions.map(\.chosen)).compactMap { decision, chosen -> String? in
            chosen == .unset ? nil : "\(decision.path)=\(Search.text(chosen, kind: decision.kind))"
        }
        return try #require(Planner.plan(try decode(text, sets: sets))[.firstBatchUnits])
    }

    @Test func aNewsvendorFindsQStarAndACashCapBindsAtTheCap() throws {
        let free = try #require(try Optimizer.run(Document.parse(name: "nv.txt", bytes: Array(Self.newsvendor.utf8)), threads: 2))
        #expect(abs(try batch(Self.newsvendor, free) - 2_381.6) <= 2_381.6 * 0.005)
        #expect(free.chosen.mean > free.given.mean)
        let capped = Self.newsvendor + "  max_peak_need: 300k\n"
        let bound = try #require(try Optimizer.run(Document.parse(name: "nv.txt", bytes: Array(capped.utf8)), threads: 2))
        let cap = try #require(bound.constraints.first { $0.name == "max_peak_need" })
        #expect(cap.chosen <= 300_000 && cap.chosen >= 300_000 * 0.97, "\(bound.constraints)")
        #expect(try batch(capped, bound) < 2_381.6 && bound.chosen.withinConstraints && bound.given.withinConstraints)
    }

    /// A yes/no decision is enumerated. The campaign of `CashFlowTests.campaign` nets ¥10,000
    /// from 100 backers, but here we pay ¥500 shipping for each: ¥50,000, with their 100 units at
    /// ¥40 (¥4,000): running it loses at least 50,000 + 4,000 − 10,000 = ¥44,000 against at most
    /// 100 × (100 − 40) = ¥6,000 of margin on those units, so `no` wins by more than ¥38,000.
    @Test func aYesNoDecisionIsEnumerated() throws {
        let text = CashFlowTests.lamp + CashFlowTests.campaign + "  shipping: 500\n" + """
        optimize:
          free:
            crowdfunding.run: yes or no

        """
        let optimization = try #require(try Optimizer.run(Document.parse(name: "cf.txt", bytes: Array(text.utf8)), threads: 1))
        #expect(optimization.decisions[0].given == .word("yes") && optimization.decisions[0].chosen == .word("no"))
        #expect(optimization.chosen.mean - optimization.given.mean > 38_000)
        // `auto`, as the contract writes it, searches every option: the same answer.
        let auto = text.replacingOccurrences("crowdfunding.run: yes or no", with: "crowdfunding.run: auto")
        let same = try #require(try Optimizer.run(Document.parse(name: "cf.txt", bytes: Array(auto.utf8)), threads: 1))
        #expect(same.decisions[0].chosen == .word("no") && same.options.map(\.option) == ["yes", "no"])
        // A scenario that leaves the campaign to its rule (`run: auto`): the rule's own pick is `no` (the
        // campaign's contribution is below zero), so the recommendation changes nothing and says so.
        let ruled = text.replacingOccurrences("  run: yes\n", with: "  run: auto\n")
        let kept = try #require(try Optimizer.run(Document.parse(name: "cf.txt", bytes: Array(ruled.utf8)), threads: 1))
        #expect(kept.decisions[0].given == .word("auto") && kept.decisions[0].pick == "no" && kept.decisions[0].chosen == .word("no"))
        #expect(MarkdownReport(try Planner.plan(document: Document.parse(name: "cf.txt", bytes: Array(ruled.utf8)))).render()
            .contains("**Optimize:** the search found nothing better than these decisions (`crowdfunding.run`: `auto` (the rule picks `no`))"))
    }

    /// A candidate the scenario refuses (a salvage value at or above the unit cost) is skipped as
    /// no plan, not an error: the search still ends on a valid plan.
    @Test func aRefusedCombinationIsSkipped() throws {
        let text = CashFlowTests.lamp.replacingOccurrences("  unit_cost: 40\n", with: "  unit_cost: 40\n  salvage: 10\n") + """
        optimize:
          free:
            product.salvage: 0 to 80

        """
        let optimization = try #require(try Optimizer.run(Document.parse(name: "lamp.txt", bytes: Array(text.utf8)), threads: 1))
        let salvage = Search.number(optimization.decisions[0].chosen)
        #expect(salvage < 40 && optimization.chosen.mean.isFinite && optimization.chosen.withinConstraints, "\(salvage)")
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
