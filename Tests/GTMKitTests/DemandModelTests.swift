import Foundation
import Testing
@testable import GTMKit

@Suite struct BassTests {
    // Reference values by mpmath at 30 digits from the closed forms (Bass 1969):
    // F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)e^{−(p+q)t}), t* = ln(q/p)/(p+q), F(t*) = 1/2 − p/(2q).
    let p = 0.03
    let q = 0.38

    @Test func cumulativeShare() {
        #expect(abs(Bass.cumulative(1, p: p, q: q) - 0.035758164256441626) < 1e-15)
        #expect(abs(Bass.cumulative(0.5, p: p, q: q) - 0.016375552414842636) < 1e-15)
        #expect(Bass.cumulative(0, p: p, q: q) == 0)
    }

    @Test func peakTimeAndShareAtThePeak() {
        let peak = Bass.peakTime(p: p, q: q)
        #expect(abs(peak - 6.192619197703112) < 1e-12)
        #expect(abs(Bass.cumulative(peak, p: p, q: q) - (0.5 - p / (2 * q))) < 1e-12)   // 0.460526315789…
        // The density is highest there.
        #expect(Bass.density(peak, p: p, q: q) > Bass.density(peak - 0.01, p: p, q: q))
        #expect(Bass.density(peak, p: p, q: q) > Bass.density(peak + 0.01, p: p, q: q))
        #expect(Bass.peakTime(p: 0.5, q: 0.1) == 0)   // q ≤ p: sales fall from launch
    }

    @Test func densityIsTheDerivativeOfTheCumulative() {
        let h = 1e-6
        for t in [0.1, 1.0, 5.0] {
            let slope = (Bass.cumulative(t + h, p: p, q: q) - Bass.cumulative(t - h, p: p, q: q)) / (2 * h)
            #expect(abs(slope - Bass.density(t, p: p, q: q)) < 1e-8)
        }
    }
}

/// The weekly curve of a plan whose SOM is exactly `total` over `months` from `launch`.
func curve(total: Double, launch: String = "2027-03-15", months: Int = 12, p: Double = 0.03, q: Double = 0.38,
           boost: Double = 0) throws -> (curve: DemandCurve, plan: Plan) {
    let text = """
    product:
      name: Lamp
      price: 399
      unit_cost: 120
    launch:
      date: \(launch)
    market:
      population: \(Format.shortest(total * 12 / Double(months)))
      serviceable: 100%
      obtainable: 100%
      horizon: \(months) months
    demand:
      p: \(p)
      q: \(q)
      launch_boost: \(Format.shortest(boost * 100))%

    """
    let plan = Planner.plan(try decode(text))
    return (try #require(plan.demand), plan)
}

@Suite struct DemandCurveTests {
    @Test func weeksFollowTheClosedFormAndSumToTheSize() throws {
        // 12 months from 2027-03-15 is 366 days (it crosses 2028-02-29): 52 weeks and a 2-day week.
        let (curve, plan) = try curve(total: 36_000)
        #expect(curve.weeks.count == 53)
        #expect(curve.weeks.last?.days == 2)
        #expect(curve.weeks.last?.start == CivilDate(year: 2028, month: 3, day: 13))
        // Week 1 = 36,000 × F(7/366)/F(1) = 579.5878617728552 (mpmath).
        #expect(abs(curve.weeks[0].units - 579.5878617728552) < 1e-9)
        #expect(abs(plan[.firstWeekUnits]! - 579.5878617728552) < 1e-9)
        // Week 52 ends on day 364, the 52nd step of the weekly recurrence e^{−(p+q)t}:
        // 36,000 × F(364/366)/F(1) = 35,768.98134306108, its units 36,000 × (F(364/366) − F(357/366))/F(1)
        // = 805.3603634237172 (mpmath).
        #expect(abs(curve.weeks[51].cumulative - 35_768.98134306108) < 1e-9)
        #expect(abs(curve.weeks[51].units - 805.3603634237172) < 1e-9)
        #expect(abs(curve.weeks.last!.cumulative - 36_000) < 1e-6)
        // Sales rise all year (t* is 6.2 years away), so the best week is the last full one.
        #expect(plan[.peakWeek] == 52)
    }

    @Test func thePeakWeekHoldsThePeakTime() throws {
        // Over 10 years from 2027-01-01 (3,653 days), t* = 6.1926 years is day 2,262.16, in week 324.
        #expect(try curve(total: 1_000_000, launch: "2027-01-01", months: 120).plan[.peakWeek] == 324)
    }

    @Test func launchBoostMovesAShareIntoLaunchWeek() throws {
        let plain = try curve(total: 10_000).curve
        let (boosted, plan) = try curve(total: 10_000, boost: 0.05)
        // Week 1 = 5% × 10,000 + 95% of the plain week 1; later weeks are 95% of plain.
        #expect(abs(boosted.weeks[0].units - (500 + 0.95 * plain.weeks[0].units)) < 1e-9)
        #expect(abs(boosted.weeks[10].units - 0.95 * plain.weeks[10].units) < 1e-9)
        #expect(abs(boosted.weeks.last!.cumulative - 10_000) < 1e-6)
        #expect(plan[.peakWeek] == 1)
    }

    @Test func horizonUnitsEqualSOMInThePlan() throws {
        let scenario = try decode(minimal + """
        market:
          population: 1M
          serviceable: 30%
          obtainable: 2%
          horizon: 6 months
        demand:
          p: 0.05

        """)
        let plan = Planner.plan(scenario)
        let demand = try #require(plan.demand)
        // SOM = 1M × 30% × 2% × 0.5 = 3,000.
        #expect(abs(plan[.horizonUnits]! - 3_000) < 1e-9)
        #expect(abs(demand.weeks.last!.cumulative - plan[.somUnits]!) < 1e-6)
        #expect(demand.fromTopDown)
    }

    @Test func windowShareMatchesTheWeeks() throws {
        // The share of the first 14 days equals weeks 1 and 2 of the curve.
        let curve = try curve(total: 1, boost: 0.04).curve
        let share = DemandModel.share(firstDays: 14, horizonDays: 366, years: 1, p: 0.03, q: 0.38, boost: 0.04)
        #expect(abs(share - curve.weeks[1].cumulative) < 1e-12)
    }
}

extension DemandCurveTests {
    /// The workspace keeps each day's arrived shares and curve share (`DemandModel.arrived`,
    /// `sharedBaseline`): raw demand on the same 20 days in three rounds with p moved between
    /// them, then on 300 days (more than its 64 slots, so days share slots), equals raw demand
    /// worked out in a fresh workspace each time.
    @Test func keptSharesEqualFreshOnes() throws {
        let path = GTMProcess.root.appendingPathComponent("Scenarios/aurora-lamp.txt").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let model = PlanModel(try decode(text))
        #expect(!model.demand.responses.isEmpty)
        let kept = Workspace(model)
        let p = model.demand.p
        for round in 0..<4 {
            kept.registers[p] = 0.01 + 0.01 * Double(round)
            model.run(kept, Decisions())
            for step in 0..<(round < 3 ? 20 : 300) {
                let day = round < 3 ? Double(10 * step + 3) : Double((step * 37) % 300) + 0.5 * Double(step % 2)
                let fresh = Workspace(model)
                fresh.registers[p] = kept.registers[p]
                model.run(fresh, Decisions())
                let expected = model.demand.raw(day, fresh.registers, fresh, kolRetail: true)
                #expect(expected.isFinite && model.demand.raw(day, kept.registers, kept, kolRetail: true) == expected,
                        "day \(day), round \(round)")
            }
        }
    }
}
