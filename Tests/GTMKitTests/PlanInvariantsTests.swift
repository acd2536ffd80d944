import Testing
@testable import GTMKit

/// Scenarios generated from the schema (a fixed seed, a few hundred of them), each planned with
/// its variants and judged by `PlanInvariants`: finite numbers, shares within 100%, no negative
/// units or money where there can be none, the contract's sums, dates in order, P10 ≤ P50 ≤ P90.
@Suite struct PlanInvariantsTests {
    @Test func generatedScenariosKeepEveryInvariant() {
        var valid = 0
        var failures: [String] = []
        for seed in 0..<300 {
            var generator = ScenarioGenerator(SeededChoices(seed: UInt64(seed)))
            let scenario = generator.scenario()
            guard let violations = plannedViolations(scenario) else { continue }
            valid += 1
            if !violations.isEmpty {
                failures.append("seed \(seed):\n" + violations.prefix(5).joined(separator: "\n") + "\n" + scenario.text)
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(valid) valid scenarios break an invariant; the first:\n\(failures.first ?? "")")
        // A generator whose scenarios are all refused would check nothing.
        #expect(valid >= 120, "only \(valid) of 300 generated scenarios are valid")
    }

    /// The checker itself finds what it is for: a plan whose numbers are tampered with fails.
    @Test func theCheckerCatchesABrokenPlan() throws {
        let plan = Planner.plan(try decode(minimal + """
        market:
          population: 1M
          serviceable: 50%
          obtainable: 1%
        demand:
          p: 0.03
        inventory:
          lead_time: 6 weeks

        """))
        #expect(PlanInvariants.violations(plan).isEmpty)
        var broken = plan
        broken.values[Output.expectedSales.id] = -1
        #expect(PlanInvariants.violations(broken).contains { $0.contains("inventory.expected_sales = -1.0 is negative") })
        broken = plan
        broken.values[Output.fillRate.id] = 1.5
        #expect(PlanInvariants.violations(broken).contains { $0.contains("above 100%") })
        broken = plan
        broken.values[Output.horizonUnits.id] = .infinity
        #expect(!PlanInvariants.violations(broken).isEmpty)
        broken = plan
        broken.timeline.reverse()
        #expect(PlanInvariants.violations(broken).contains { $0.contains("timeline out of order") })
    }
}
