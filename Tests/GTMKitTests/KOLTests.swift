import Testing
@testable import GTMKit

/// A small deterministic generator for test data (Knuth's MMIX LCG).
struct TestRandom {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// The best pick by exhaustive search, with gtm's tie rule: most engagements (in thousandths),
/// then the lowest cost, then the set that includes the earliest candidate where two differ.
func bruteForce(fees: [Double], values: [Double], budget: Double) -> [Int] {
    let n = fees.count
    var best: (worth: Int64, cost: Int64, set: [Int])?
    for mask in 0..<(1 << n) {
        let set = (0..<n).filter { mask & (1 << $0) != 0 }
        let cost = set.reduce(Int64(0)) { $0 + Int64((fees[$1] * 100).rounded()) }
        guard Double(cost) <= budget * 100 + 1e-9 else { continue }
        let worth = set.reduce(Int64(0)) { $0 + Int64((values[$1] * 1000).rounded()) }
        if let current = best {
            if worth < current.worth || (worth == current.worth && cost > current.cost) { continue }
            if worth == current.worth && cost == current.cost {
                // Prefer including the earliest candidate where the sets differ.
                let first = (0..<n).first { set.contains($0) != current.set.contains($0) }
                if let first, !set.contains(first) { continue }
            }
        }
        best = (worth, cost, set)
    }
    return best?.set.filter { values[$0] > 0 } ?? []
}

@Suite struct RosterSelectionTests {
    @Test func equalsBruteForceOnSmallRosters() {
        var random = TestRandom(state: 42)
        for round in 0..<300 {
            let n = 1 + random.next(11)
            // Fees on a coarse grid make ties in cost likely; engagements from a few values make ties in worth likely.
            let fees = (0..<n).map { _ in Double(1 + random.next(12)) * 500 }
            let values = (0..<n).map { _ in Double(random.next(5)) * 1_000 }
            let budget = Double(random.next(20) + 1) * 500
            let expected = bruteForce(fees: fees, values: values, budget: budget)
            // The exhaustive search (the default for so few) and the dynamic programme (forced).
            for exhaustiveLimit in [RosterSelector.exhaustiveLimit, 0] {
                let found = RosterSelector.select(fees: fees, values: values, budget: budget, exhaustiveLimit: exhaustiveLimit)
                #expect(found.chosen == expected, "round \(round), limit \(exhaustiveLimit): fees \(fees) values \(values) budget \(budget)")
                #expect(found.exact)
                #expect(found.cost <= budget)
            }
        }
    }

    @Test func aFeeInFractionsOfACentIsStillExactAndFast() {
        // Found by the `set` fuzz target: a $4.2332 fee among six made every fee inexact, and the
        // scaled programme then filled 10 million cells for six candidates (0.3 s, 160 MB).
        // By hand, budget $40,000: 22,000 + 9,500 + 8,000 = 39,500 is worth 30 + 20 + 12 = 62 and
        // leaves room for the 4.2332 creator: 63. Next best: 30,000 + 9,500 + 4.2332 → 56; any
        // set with the 15,000 creator → at most 47 (15,000 + 9,500 + 8,000 + 4.2332).
        let fees = [9_500, 22_000, 4.2332, 8_000, 15_000, 30_000]
        let values = [20.0, 30, 1, 12, 14, 35]
        let found = RosterSelector.select(fees: fees, values: values, budget: 40_000)
        #expect(found.chosen == [0, 1, 2, 3])
        #expect(found.engagements == 63)
        #expect(abs(found.cost - 39_504.2332) < 1e-9)
        #expect(found.exact)
    }

    @Test func tiesGoToTheCheaperThenTheEarlierSet() {
        // A and B are worth the same; B is cheaper. C and D are identical: the earlier wins.
        let cheaper = RosterSelector.select(fees: [300, 200], values: [10, 10], budget: 300)
        #expect(cheaper.chosen == [1])
        let earlier = RosterSelector.select(fees: [200, 200], values: [10, 10], budget: 300)
        #expect(earlier.chosen == [0])
    }

    @Test func aCandidateOverBudgetIsNeverChosen() {
        // The 50k creator alone would beat everything but costs more than the whole budget.
        let found = RosterSelector.select(fees: [50_000, 8_000, 12_000], values: [900_000, 3_000, 4_000], budget: 20_000)
        #expect(found.chosen == [1, 2])
        #expect(found.cost == 20_000)
    }

    @Test func largeRostersStateAnOptimalityGap() {
        // 10,000 candidates with fees in odd cents force the scaled programme.
        var random = TestRandom(state: 7)
        let fees = (0..<10_000).map { _ in Double(100_000 + random.next(5_000_000)) / 100 + 0.37 }
        let values = (0..<10_000).map { _ in Double(500 + random.next(200_000)) }
        let budget = 250_000.0
        let found = RosterSelector.select(fees: fees, values: values, budget: budget)
        #expect(found.cost <= budget)
        #expect(found.engagements <= found.upperBound + 1e-6)
        #expect(found.gap < 0.01)
        #expect(!found.chosen.isEmpty)
    }

    @Test func fractionalBoundByHand() {
        // Densities 6, 5, 4 per unit; budget 50 takes 10 + 20 whole and 20/30 of the last:
        // 60 + 100 + 120 × 2/3 = 240.
        let bound = RosterSelector.fractionalBound(fees: [10, 20, 30], values: [60, 100, 120], eligible: [0, 1, 2], budget: 50)
        #expect(abs(bound - 240) < 1e-12)
        // The best whole pick is 20 + 30 → 220: a gap the DP must find exactly.
        #expect(RosterSelector.select(fees: [10, 20, 30], values: [60, 100, 120], budget: 50).chosen == [1, 2])
    }
}

@Suite struct KOLPlanTests {
    let kolScenario = minimal + """
    kol:
      budget: 100k
      publish_window: 2 weeks
      tiers:
        - tier: 头部
          count: 1
          fee: 60k
          followers: 800k
        - tier: micro
          count: 10
          fee: 5k
          followers: 20k
          engagement: 3%

    """

    @Test func tierMetricsByHand() throws {
        let plan = Planner.plan(try decode(kolScenario))
        let kol = try #require(plan.kol)
        let head = kol.lines[0]
        // 头部 takes macro defaults: 800,000 × 15% = 120,000 reached; × 1.5% = 12,000 engagements;
        // 120,000 × 2% = 2,400 clicks × 1.42% = 34.08 buyers.
        #expect(abs(head.reach - 120_000) < 1e-9)
        #expect(abs(head.engagements - 12_000) < 1e-9)
        #expect(abs(head.buyers - 34.08) < 1e-9)
        let micro = kol.lines[1]
        // 10 posts × 20,000 × 3% (given) = 6,000 engagements; reach 10 × 20,000 × 15% = 30,000.
        #expect(abs(micro.engagements - 6_000) < 1e-9)
        #expect(plan[.kolCost] == 110_000)
        // CPM = 110,000 ÷ 150,000 × 1,000 = 733.33; CPE = 110,000 ÷ 18,000 = 6.11.
        #expect(abs(plan[.kolCPM]! - 733.3333333333334) < 1e-9)
        #expect(abs(plan[.kolCPE]! - 110_000.0 / 18_000) < 1e-12)
    }

    @Test func overBudgetWarns() throws {
        let plan = Planner.plan(try decode(kolScenario))
        #expect(plan.warnings.contains(.kolOverBudget(cost: 110_000, budget: 100_000)))
    }

    @Test func scheduleRunsBackwardsFromThePublishDate() throws {
        // Two lines over a 2-week window ending 2027-03-15: the smaller audience publishes on
        // 2027-03-01, the larger on 2027-03-15. 头部 (macro) has a 63-day lead time: invited
        // 2027-01-11; contract at 25% (16 days) 01-27; sample 37.5% (24) 02-04; draft 75% (47)
        // 02-27; review 84% (53) 03-05.
        let kol = try #require(Planner.plan(try decode(kolScenario)).kol)
        let head = kol.lines[0].schedule
        #expect(head.publish == CivilDate(year: 2027, month: 3, day: 15))
        #expect(head.invite == CivilDate(year: 2027, month: 1, day: 11))
        #expect(head.contract == CivilDate(year: 2027, month: 1, day: 27))
        #expect(head.sampleShipped == CivilDate(year: 2027, month: 2, day: 4))
        #expect(head.draftDue == CivilDate(year: 2027, month: 2, day: 27))
        #expect(head.reviewDone == CivilDate(year: 2027, month: 3, day: 5))
        #expect(kol.lines[1].schedule.publish == CivilDate(year: 2027, month: 3, day: 1))
        // micro: 49 days before 2027-03-01 is 2027-01-11.
        #expect(kol.lines[1].schedule.invite == CivilDate(year: 2027, month: 1, day: 11))
    }

    @Test func scheduleAcrossALeapDayAndAYearEnd() {
        // 63 days before 2028-03-05 crosses 2028-02-29: 2028-01-02. 63 days before 2027-01-20: 2026-11-18.
        #expect(KOLModel.schedule(publish: CivilDate(year: 2028, month: 3, day: 5)!, leadTime: .days(63)).invite
                == CivilDate(year: 2028, month: 1, day: 2))
        #expect(KOLModel.schedule(publish: CivilDate(year: 2027, month: 1, day: 20)!, leadTime: .days(63)).invite
                == CivilDate(year: 2026, month: 11, day: 18))
        // 2 months before 2027-04-30 is 2027-02-28 (clamped), a 61-day lead.
        #expect(KOLModel.schedule(publish: CivilDate(year: 2027, month: 4, day: 30)!, leadTime: .months(2)).invite
                == CivilDate(year: 2027, month: 2, day: 28))
    }

    @Test func rosterPicksTheMostEngagementWithinTheBudget() throws {
        let text = minimal + """
        kol:
          budget: 20k
          objective: engagements
          roster:
            - name: Big
              followers: 2M
              fee: 50k
              acceptance: 100%
            - name: A
              followers: 300k
              fee: 8k
              engagement: 2%
              acceptance: 100%
            - name: B
              followers: 100k
              fee: 12k
              engagement: 5%
              acceptance: 100%
            - name: C
              followers: 40k
              fee: 4k
              acceptance: 100%

        """
        // Engagements: A 6,000, B 5,000, C 40,000 × 2.4% (micro default) = 960; Big costs more than the budget.
        // Within ¥20k: A + B = 11,000 (¥20k) beats A + C = 6,960 and B + C = 5,960.
        let plan = Planner.plan(try decode(text))
        let kol = try #require(plan.kol)
        #expect(kol.lines.map(\.name) == ["A", "B"])
        #expect(plan[.kolCost] == 20_000)
        #expect(abs(plan[.kolEngagements]! - 11_000) < 1e-9)
        #expect(kol.selection?.exact == true)
    }
}

@Suite struct SeedReviewTests {
    @Test func testersAndBackwardSchedule() throws {
        let text = minimal + "seed_reviews:\n  target: 40\n  review_rate: 35%\n"
        let plan = Planner.plan(try decode(text))
        let seed = try #require(plan.seedReviews)
        // ⌈40 ÷ 0.35⌉ = ⌈114.29⌉ = 115 testers and units, × ¥120 = ¥13,800.
        #expect(plan[.testers] == 115)
        #expect(plan[.testerUnits] == 115)
        #expect(plan[.testerCost] == 13_800)
        // Live by launch 2027-03-15; − 7 buffer = 03-08 posted; − 14 trial = 02-22; − 7 shipping = 02-15 ship;
        // − 14 recruiting = 02-01.
        #expect(seed.reviewsDue == CivilDate(year: 2027, month: 3, day: 8))
        #expect(seed.trialStart == CivilDate(year: 2027, month: 2, day: 22))
        #expect(seed.shipBy == CivilDate(year: 2027, month: 2, day: 15))
        #expect(seed.recruitStart == CivilDate(year: 2027, month: 2, day: 1))
    }

    @Test func exactDivisionIsNotRoundedUp() throws {
        #expect(Planner.plan(try decode(minimal + "seed_reviews:\n  target: 35\n  review_rate: 35%\n"))[.testers] == 100)
    }

    @Test func liveByDefaultsToTheCrowdfundingStart() throws {
        // When the campaign is in the plan (here by `run: yes`: its numbers alone would leave it out).
        let text = minimal + """
        crowdfunding:
          platform: modian
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
          run: yes
          start: 2027-01-05
          tiers:
            - name: 早鸟
              price: 299
        seed_reviews:
          target: 10

        """
        // Live by 2027-01-05: buffer 7 → 2026-12-29, trial 14 → 12-15, shipping 7 → 12-08 (across the year end).
        let seed = try #require(Planner.plan(try decode(text)).seedReviews)
        #expect(seed.liveBy == CivilDate(year: 2027, month: 1, day: 5))
        #expect(seed.shipBy == CivilDate(year: 2026, month: 12, day: 8))
        #expect(seed.liveByIsCrowdfundingStart)
        // A campaign left out of the plan sets no date: the reviews are live by launch.
        let out = try #require(Planner.plan(try decode(text.replacingOccurrences("run: yes", with: "run: no"))).seedReviews)
        #expect(out.liveBy == CivilDate(year: 2027, month: 3, day: 15))
    }
}
