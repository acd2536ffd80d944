/// `PilotModel`: the pilot run's units (KOL samples, tester units and extras), their cost and the day they are ready.
import Testing
@testable import GTMKit

@Suite struct PilotModelTests {
    /// The ¥399 lamp costing ¥120, launched 2027-03-15, with `sections` (a `pilot` among them).
    func plan(_ sections: String) throws -> Plan {
        Planner.plan(try decode(minimal + sections))
    }

    static let kol = "kol:\n  tiers:\n    - tier: mid\n      count: 3\n      fee: 5k\n      followers: 100k\n"

    @Test func samplesTestersAndExtrasAtThePilotsCost() throws {
        // 3 KOL posts → 3 samples; testers ⌈8 ÷ 35%⌉ = ⌈22.857⌉ = 23; 5 extra: 3 + 23 + 5 = 31 units × ¥150 = ¥4,650.
        let plan = try plan(Self.kol + "seed_reviews:\n  target: 8\npilot:\n  ready: 2027-01-04\n  unit_cost: 150\n  extra: 5\n")
        #expect(plan[.kolSamples] == 3)
        #expect(plan[.testerUnits] == 23)
        #expect(plan[.pilotUnits] == 31)
        #expect(plan[.pilotCost] == 4_650)
        // Samples and testers are costed at the pilot's ¥150, not the product's ¥120: 3 × 150 and 23 × 150.
        #expect(plan[.kolSampleCost] == 450)
        #expect(plan[.testerCost] == 3_450)
    }

    @Test func defaultsAreTheProductsCostAndNoExtras() throws {
        // No unit_cost: the product's ¥120; no extra: 0. Testers only: ⌈10 ÷ 35%⌉ = ⌈28.571⌉ = 29 units × ¥120 = ¥3,480.
        let plan = try plan("seed_reviews:\n  target: 10\npilot:\n  ready: 2027-01-04\n")
        #expect(plan[.pilotUnits] == 29)
        #expect(plan[.pilotCost] == 3_480)
    }

    @Test func onlyExtrasOrNothing() throws {
        // Nothing to supply and no extras: an empty run of 0 units, ¥0.
        let empty = try plan("pilot:\n  ready: 2027-01-04\n")
        #expect(empty[.pilotUnits] == 0 && empty[.pilotCost] == 0)
        // 12 extras alone (photography, certification): 12 × ¥200 = ¥2,400.
        let extras = try plan("pilot:\n  ready: 2027-01-04\n  unit_cost: 200\n  extra: 12\n")
        #expect(extras[.pilotUnits] == 12 && extras[.pilotCost] == 2_400)
        // Without a pilot section there is no pilot output at all.
        let none = try plan(Self.kol)
        #expect(none[.pilotUnits] == nil && none[.pilotCost] == nil && none[.pilotReady] == nil)
    }

    @Test func readyAcrossTheYearEndAndPaidThatDay() throws {
        // Ready on 2026-12-31, the last day of the year before launch: the output, the timeline and the cash flow all say
        // 2026-12-31, and the run (3 samples + 0 extras = 3 × ¥120 = ¥360) is paid that day.
        let plan = try plan(Self.kol + "pilot:\n  ready: 2026-12-31\n")
        #expect(plan.date(.pilotReady) == CivilDate(year: 2026, month: 12, day: 31))
        #expect(plan.timeline.contains { $0.id == "pilot.ready" && $0.start == CivilDate(year: 2026, month: 12, day: 31) })
        let paid = plan.cash?.ledger.filter { $0.item == .pilotRun } ?? []
        #expect(paid.map(\.day) == [CivilDate(year: 2026, month: 12, day: 31)!.daysSinceEpoch])
        #expect(paid.map(\.amount) == [360])
    }
}
