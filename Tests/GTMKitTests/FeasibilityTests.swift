import Foundation
import Testing
@testable import GTMKit

/// A launch that can happen: where units come from, the checks on dates that cannot hold (each
/// with hand-computed dates), the campaign decision driving the plan, tier shares, KOL timing
/// and the reorder.
@Suite struct FeasibilityTests {
    static let product = "product:\n  name: Lamp\n  price: 399\n  unit_cost: 120\n  salvage: 60\nlaunch:\n  date: 2027-03-15\n"

    func plan(_ text: String, _ sets: [String] = []) throws -> Plan {
        Planner.plan(try decode(Self.product + text, sets: sets))
    }

    func warning(_ plan: Plan, _ code: String) -> PlanWarning? { plan.warnings.first { $0.code == code } }

    // One mid-tier creator: with one line the post goes out on launch day, 2027-03-15. The mid
    // tier's lead time is 56 days: invited 2027-01-18, sample shipped at 37.5% of 56 = 21 days,
    // 2027-02-08. The batch (lead 6 weeks) is ordered 2027-02-01 and in the warehouse 2027-03-15.
    static let kolAndBatch = """
    inventory:
      lead_time: 6 weeks
      forecast: 1000
    kol:
      tiers:
        - tier: mid
          count: 1
          fee: 10k
          followers: 150k

    """

    @Test func samplesBeforeTheBatchExistsAreWarnedWithTheFix() throws {
        let plan = try plan(Self.kolAndBatch)
        #expect(plan.timeline.first { $0.id == "kol.1.sample" }?.start == CivilDate(year: 2027, month: 2, day: 8))
        #expect(plan.firstBatch?.arrival == CivilDate(year: 2027, month: 3, day: 15))
        guard case .unitsBeforeSupply(let milestone, let supply, let fromPilot, _)? = warning(plan, "units_before_supply") else {
            Issue.record("expected units_before_supply")
            return
        }
        #expect(milestone.id == "kol.1.sample")
        #expect(supply == CivilDate(year: 2027, month: 3, day: 15))
        #expect(!fromPilot)
        #expect(ReportText(plan).message(warning(plan, "units_before_supply")!).hasSuffix("Fix: add a `pilot` run ready by 2027-02-08."))
        // Without a pilot the sample comes from the batch, and is counted in it.
        #expect(plan[.sampleUnits] == 1)
        #expect(plan[.kolSamples] == 1)
        #expect(plan[.kolSampleCost] == 120)
    }

    @Test func samplesWithNoPilotAndNoBatchAreWarned() throws {
        // The same creator (sample shipped 2027-02-08) and testers, but nothing makes a unit.
        let plan = try plan("kol:\n  tiers:\n    - tier: mid\n      count: 1\n      fee: 10k\n      followers: 150k\nseed_reviews:\n  target: 10\n")
        guard case .noUnitSupply(let milestone, _)? = warning(plan, "units_before_supply") else {
            Issue.record("expected units_before_supply")
            return
        }
        #expect(milestone.id == "kol.1.sample" && milestone.start == CivilDate(year: 2027, month: 2, day: 8))
        #expect(plan.warnings.filter { $0.code == "units_before_supply" }.count == 2)
        #expect(ReportText(plan).message(warning(plan, "units_before_supply")!)
            .hasSuffix("Fix: add a `pilot` run ready by 2027-02-08, or an `inventory` section whose first batch is in the warehouse by then."))
        // In the JSON, the milestone and its date, and no supply date.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport(plan).render().utf8)) as? [String: Any])
        let entry = try #require((json["warnings"] as? [[String: Any]])?.first { $0["code"] as? String == "units_before_supply" })
        #expect(entry["milestone"] as? String == "kol.1.sample" && entry["date"] as? String == "2027-02-08" && entry["supply"] is NSNull)
        // Rewards come from a batch only: a pilot run does not make them, and the fix says so.
        let rewards = try self.plan("""
            pilot:\n  ready: 2027-01-04\n  unit_cost: 150\ncrowdfunding:\n  platform: modian\n  run: yes\n  start: 2027-01-10\n  email_list: \
            10000\n  list_conversion: 6%\n  tiers:\n    - name: Backer\n      price: 299\n
            """)
        let reward = try #require(warning(rewards, "units_before_supply"))
        #expect(ReportText(rewards).message(reward).contains("Fix: add an `inventory` section whose first batch is in the warehouse by"))
        // A pilot ready in time clears both.
        let supplied = try self.plan("""
            kol:\n  tiers:\n    - tier: mid\n      count: 1\n      fee: 10k\n      followers: 150k\nseed_reviews:\n  target: 10\npilot:\n  ready: \
            2027-01-04\n  unit_cost: 150\n
            """)
        #expect(warning(supplied, "units_before_supply") == nil)
    }

    @Test func aPilotReadyInTimeSuppliesTheSamples() throws {
        let late = try plan(Self.kolAndBatch + "pilot:\n  ready: 2027-02-10\n  unit_cost: 150\n  extra: 10\n")
        guard case .unitsBeforeSupply(let milestone, let supply, let fromPilot, _)? = warning(late, "units_before_supply") else {
            Issue.record("expected units_before_supply")
            return
        }
        #expect(milestone.id == "kol.1.sample" && supply == CivilDate(year: 2027, month: 2, day: 10) && fromPilot)
        let onTime = try plan(Self.kolAndBatch + "pilot:\n  ready: 2027-02-08\n  unit_cost: 150\n  extra: 10\n")
        #expect(warning(onTime, "units_before_supply") == nil)
        // Pilot units: 1 sample + 10 extra = 11, at ¥150 = ¥1,650; none in the batch.
        #expect(onTime[.pilotUnits] == 11)
        #expect(onTime[.pilotCost] == 1_650)
        #expect(onTime[.sampleUnits] == 0)
        #expect(onTime.timeline.contains { $0.id == "pilot.ready" && $0.start == CivilDate(year: 2027, month: 2, day: 8) })
        // Break-even counts the sample at the pilot's cost and the extra units as launch costs:
        // (¥10,000 fee + ¥150 sample + 10 × ¥150) ÷ ¥279 margin = 41.756…
        #expect(abs(onTime[.breakEvenUnits]! - 11_650.0 / 279) < 1e-9)
    }

    @Test func testersBeforeSupplyAreWarned() throws {
        // Live by launch 2027-03-15: − 7 − 14 − 7 days → units ship 2027-02-15, before the batch (03-15).
        let plan = try plan("inventory:\n  lead_time: 6 weeks\n  forecast: 1000\nseed_reviews:\n  target: 20\n")
        guard case .unitsBeforeSupply(let milestone, let supply, _, _)? = warning(plan, "units_before_supply") else {
            Issue.record("expected units_before_supply")
            return
        }
        #expect(milestone.id == "seed_reviews.ship" && milestone.start == CivilDate(year: 2027, month: 2, day: 15))
        #expect(supply == CivilDate(year: 2027, month: 3, day: 15))
    }

    /// A Modian campaign of 3,000 backers (recommended) or 400 (not: ¥119,600 pledged against a goal of ¥140,000, the minimum
    /// raise of 1,000 × ¥120 ÷ 0.8835 = ¥135,823 rounded up; chance Φ(ln(119,600 ÷ 140,000) ÷ 0.21070) = 22.7%); the batch ordered
    /// 2027-02-01.
    static func campaign(backers: Int, run: String, start: String = "2026-12-01") -> String {
        """
        inventory:
          lead_time: 6 weeks
          forecast: 2000
          forecast_sd: 500
          moq: 1000
        crowdfunding:
          platform: modian
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
          run: \(run)
          start: \(start)
          email_list: \(backers * 10)
          list_conversion: 10%
          tiers:
            - name: 早鸟
              price: 299

        """
    }

    @Test func autoLeavesARejectedCampaignOutOfEverything() throws {
        let plan = try plan(Self.campaign(backers: 400, run: "auto"))
        #expect(!plan.flag(.recommended) && !plan.flag(.inPlan))
        #expect(plan[.pledgedUnits] == 0)
        #expect(!plan.timeline.contains { $0.owner == .crowdfunding })
        #expect(plan.warnings.allSatisfy { $0.code != "campaign_not_recommended" && $0.code != "rewards_after_launch" })
        // The section still says what it would bring.
        #expect(abs(plan[.crowdfundingUnits]! - 380) < 1e-9)   // 400 backers × 95% collected
        #expect(abs(plan[.goalProbability]! - 0.2274) < 1e-4)
        let report = MarkdownReport(plan).render()
        #expect(report.contains("**Not in the plan.**"))
        // The same scenario without the campaign orders the same batch.
        let without = try self.plan("inventory:\n  lead_time: 6 weeks\n  forecast: 2000\n  forecast_sd: 500\n  moq: 1000\n")
        #expect(without[.firstBatchUnits] == plan[.firstBatchUnits])
    }

    @Test func yesKeepsItInWithAWarning() throws {
        let plan = try plan(Self.campaign(backers: 400, run: "yes"))
        #expect(!plan.flag(.recommended) && plan.flag(.inPlan))
        // All or nothing, the base case's pledges (400 × ¥299 = ¥119,600) miss the goal (a 22.7%
        // chance): the batch holds no units for backers; a launch that funds owes its 380 out of it.
        #expect(plan[.pledged]! < plan[.goal]!)
        #expect(plan[.pledgedUnits] == 0)
        #expect(warning(plan, "campaign_not_recommended") != nil)
        #expect(plan.timeline.contains { $0.id == "crowdfunding.campaign" })
    }

    @Test func noLeavesARecommendedCampaignOut() throws {
        let plan = try plan(Self.campaign(backers: 3_000, run: "no"))
        #expect(plan.flag(.recommended) && !plan.flag(.inPlan))
        #expect(plan[.pledgedUnits] == 0)
        #expect(!plan.timeline.contains { $0.owner == .crowdfunding })
        let auto = try self.plan(Self.campaign(backers: 3_000, run: "auto"))
        #expect(auto.flag(.inPlan))
        #expect(abs(auto[.pledgedUnits]! - 2_850) < 1e-9)   // 3,000 × 95%
    }

    @Test func aPurchaseOrderBeforeTheCampaignClosesIsWarned() throws {
        // Campaign 2027-01-20 for 30 days: closes 2027-02-18, after the 2027-02-01 order. Starting
        // by 2027-01-03 (30 days before the order, + 1) it would close on 2027-02-01.
        let plan = try plan(Self.campaign(backers: 3_000, run: "auto", start: "2027-01-20"))
        guard case .purchaseOrderBeforeCampaignEnds(let order, let end, let startBy)? = warning(plan, "po_before_campaign_end") else {
            Issue.record("expected po_before_campaign_end")
            return
        }
        #expect(order == CivilDate(year: 2027, month: 2, day: 1))
        #expect(end == CivilDate(year: 2027, month: 2, day: 18))
        #expect(startBy == CivilDate(year: 2027, month: 1, day: 3))
    }

    @Test func rewardsShipWhenTheBatchArrives() throws {
        // No fulfillment_lead: the batch holding the rewards is in the warehouse 2027-03-15.
        let plan = try plan(Self.campaign(backers: 3_000, run: "auto"))
        #expect(plan.crowdfunding?.fulfillment == CivilDate(year: 2027, month: 3, day: 15))
        #expect(warning(plan, "units_before_supply") == nil)
        // A fulfillment lead that ships before the batch exists is warned.
        let early = try self.plan(Self.campaign(backers: 3_000, run: "auto") + "  fulfillment_lead: 4 weeks\n")
        guard case .unitsBeforeSupply(let milestone, let supply, _, _)? = warning(early, "units_before_supply") else {
            Issue.record("expected units_before_supply")
            return
        }
        // 30 days from 2026-12-01 close 2026-12-30; + 4 weeks = 2027-01-27, before 2027-03-15.
        #expect(milestone.id == "crowdfunding.rewards_ship" && milestone.start == CivilDate(year: 2027, month: 1, day: 27))
        #expect(supply == CivilDate(year: 2027, month: 3, day: 15))
    }

    @Test func tiersAsBackersChooseThem() throws {
        // 500 backers: the limited early tier takes 100; the 400 left split 60% / 40% (the second
        // open tier gets what the first's share leaves). Pledged 100 × 100 + 240 × 150 + 160 × 250
        // = 86,000; units (100 + 240 + 160 × 2) × 95% = 627.
        let plan = try plan("""
        crowdfunding:
          platform: modian
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
          start: 2026-12-01
          email_list: 1000
          list_conversion: 50%
          tiers:
            - name: Early
              price: 100
              limit: 100
            - name: Standard
              price: 150
              share: 60%
            - name: Deluxe
              price: 250
              units: 2

        """)
        let fills = try #require(plan.crowdfunding?.tiers)
        #expect(fills.map(\.name) == ["Early", "Standard", "Deluxe"])
        #expect(fills.map(\.pledges) == [100, 240, 160])
        #expect(plan[.pledged] == 86_000)
        #expect(abs(plan[.crowdfundingUnits]! - 627) < 1e-9)
        #expect(errors(Self.product + """
            crowdfunding:\n  platform: modian\n  start: 2026-12-01\n  tiers:\n    - name: A\n      price: 1\n      share: 70%\n    - name: B\n      \
            price: 2\n      share: 40%\n
            """)
                == ["14:14: the open tiers' shares add up to 110%, more than 100%"])
    }

    @Test func postsAlignedToTheCampaign() throws {
        // Campaign from 2027-02-01, a 2-week window: the smaller creator (micro, 49-day lead) posts
        // 2027-02-01 and is invited 2026-12-14; the larger (mid, 56 days) posts 2027-02-15, invited 2026-12-21.
        let plan = try plan(Self.campaign(backers: 3_000, run: "auto", start: "2027-02-01") + """
        kol:
          align: campaign
          tiers:
            - tier: mid
              count: 1
              fee: 10k
              followers: 150k
            - tier: micro
              count: 1
              fee: 2k
              followers: 20k

        """)
        let lines = try #require(plan.kol?.lines)
        #expect(lines[1].schedule.publish == CivilDate(year: 2027, month: 2, day: 1))
        #expect(lines[1].schedule.invite == CivilDate(year: 2026, month: 12, day: 14))
        #expect(lines[0].schedule.publish == CivilDate(year: 2027, month: 2, day: 15))
        #expect(lines[0].schedule.invite == CivilDate(year: 2026, month: 12, day: 21))
        #expect(errors(Self.product + "kol:\n  align: campaign\n  tiers:\n    - tier: mid\n      count: 1\n      fee: 1\n      followers: 1\n")
                == ["9:10: `align: campaign` times the posts to the crowdfunding campaign, but the scenario has none"])
    }

    @Test func postsAfterLaunchAreWarned() throws {
        // A campaign from 2027-03-20, after the 2027-03-15 launch: posts aligned to it come late.
        let plan = try plan(Self.campaign(backers: 3_000, run: "auto", start: "2027-03-20")
                            + "kol:\n  align: campaign\n  tiers:\n    - tier: mid\n      count: 1\n      fee: 10k\n      followers: 150k\n")
        guard case .kolAfterLaunch(let milestone, let launch)? = warning(plan, "kol_after_launch") else {
            Issue.record("expected kol_after_launch")
            return
        }
        #expect(milestone.start == CivilDate(year: 2027, month: 3, day: 20))
        #expect(launch == CivilDate(year: 2027, month: 3, day: 15))
    }

    @Test func theReorderByHand() throws {
        // Forecast 2,800 over the 28-day window with no spread: the batch is 2,800, demand 100 a
        // day over the 365-day horizon from 2027-03-01, the reorder point 100 × 28 = 2,800: the
        // stock is at it on launch day, so the reorder is placed 2027-03-01; stock runs out after
        // 28 days (2027-03-29), when the reorder (lead 4 weeks) arrives; it covers days 28–55:
        // 2,800 units.
        let text = "product:\n  name: Lamp\n  price: 100\n  unit_cost: 40\nlaunch:\n  date: 2027-03-01\n"
            + "inventory:\n  lead_time: 4 weeks\n  forecast: 2800\n  forecast_sd: 0\n"
        let plan = Planner.plan(try decode(text))
        #expect(plan[.firstBatchUnits] == 2_800)
        #expect(plan[.reorderPoint] == 2_800)
        let reorder = try #require(plan.firstBatch?.reorder)
        #expect(reorder.date == CivilDate(year: 2027, month: 3, day: 1))
        #expect(reorder.arrival == CivilDate(year: 2027, month: 3, day: 29))
        #expect(reorder.stockout == CivilDate(year: 2027, month: 3, day: 29))
        #expect(reorder.units == 2_800)
        #expect(!reorder.arrivesLate)
        #expect(plan.timeline.contains { $0.id == "inventory.reorder" && $0.start == reorder.date && $0.end == reorder.arrival })
    }

    @Test func ordersFollowThroughTheHorizonByHand() throws {
        // The plan above over its whole horizon, 2027-03-01 to 2028-02-29: 366 days (2028 is a
        // leap year) at 100 a day, 36,600 units. The stock position (on hand + on order) is back
        // at the 2,800 reorder point every 28 days, the day each order lands: orders on days 0,
        // 28, …, 336 (13 orders), each of 2,800 units arriving as the last runs out; the one on
        // day 336 arrives on day 364 and covers only days 364–365: 200 units. The first batch's
        // 2,800 and the orders add up to the horizon's demand: 2,800 + 12 × 2,800 + 200 = 36,600.
        // The next order would arrive on day 392, past the horizon.
        let text = "product:\n  name: Lamp\n  price: 100\n  unit_cost: 40\nlaunch:\n  date: 2027-03-01\n"
            + "inventory:\n  lead_time: 4 weeks\n  forecast: 2800\n  forecast_sd: 0\n"
        let plan = Planner.plan(try decode(text))
        let orders = try #require(plan.firstBatch?.reorders)
        let launch = CivilDate(year: 2027, month: 3, day: 1)!
        #expect(orders.count == 13)
        #expect(orders.map(\.date) == (0..<13).map { launch.adding(days: 28 * $0) })
        #expect(orders.map(\.units) == [Int](repeating: 2_800, count: 12) + [200])
        #expect(orders.allSatisfy { $0.stockout == $0.arrival })
        #expect(plan.timeline.filter { $0.id.hasPrefix("inventory.reorder") }.map(\.id)
                == ["inventory.reorder"] + (2...13).map { "inventory.reorder.\($0)" })
    }

    @Test func aReorderBeforeLaunchIsWarned() throws {
        // Your forecast: 1,400 over 2 weeks (100 a day), no spread; the lead time is 4 weeks. The batch of 1,400 runs out at
        // the end of day 13; an order placed at launch lands on day 28, two weeks too late, so the reorder is placed on
        // day 14 − 28 = −14, 2027-02-15, before launch, and the warning says so with the fix.
        let text = "product:\n  name: Lamp\n  price: 100\n  unit_cost: 40\nlaunch:\n  date: 2027-03-01\n"
            + "inventory:\n  lead_time: 4 weeks\n  coverage: 2 weeks\n  forecast: 1400\n  forecast_sd: 0\n"
        let plan = Planner.plan(try decode(text))
        guard case .reorderBeforeLaunch(let order, let launch, let atLaunch)? = warning(plan, "reorder_before_launch") else {
            Issue.record("expected reorder_before_launch")
            return
        }
        #expect(order.date == CivilDate(year: 2027, month: 2, day: 15))
        #expect(order.stockout == CivilDate(year: 2027, month: 3, day: 15))
        #expect(launch == CivilDate(year: 2027, month: 3, day: 1) && atLaunch == CivilDate(year: 2027, month: 3, day: 29))
        // With a 4-week forecast window the batch lasts until an order placed at launch lands: no warning.
        let covered = Planner.plan(try decode(text.replacing("coverage: 2 weeks", with: "coverage: 4 weeks")
                                                   .replacing("forecast: 1400", with: "forecast: 2800")))
        #expect(warning(covered, "reorder_before_launch") == nil)
        #expect(covered.firstBatch?.reorder?.date == CivilDate(year: 2027, month: 3, day: 1))
    }

    @Test func aShortCoverageIsRaisedToTheLeadTime() throws {
        // Coverage 2 weeks with a 6-week lead time, demand from the curve: the window is the lead time, so the batch lasts
        // until an order placed at launch lands, and the report says why.
        let text = minimal + "market:\n  population: 1M\n  serviceable: 50%\n  obtainable: 1%\n"
            + "inventory:\n  lead_time: 6 weeks\n  coverage: 2 weeks\n"
        let plan = Planner.plan(try decode(text))
        let batch = try #require(plan.firstBatch)
        #expect(batch.windowDays == 42 && batch.coverageRaised)
        #expect(warning(plan, "reorder_before_launch") == nil)
        #expect(plan.firstBatch?.reorders.allSatisfy { $0.date >= CivilDate(year: 2027, month: 3, day: 15)! } == true)
        #expect(MarkdownReport(plan).render().contains("not the shorter `inventory.coverage`"))
    }

    @Test func aLastReorderThatCannotPayForItsMOQIsSkipped() throws {
        // 100 a day (2,800 over 4 weeks, no spread) over a 60-day horizon; MOQ 2,800. The batch runs out on day 28, when the
        // first reorder (placed at launch) lands; it covers days 28–55. The next would land on day 56 for the 4 days left,
        // 400 units, but the MOQ is 2,800: it sells 400 (× ¥60 = ¥24,000) and leaves 2,400 unsold (× ¥40 = ¥96,000): it
        // would lose ¥72,000, so it is skipped and the warning says what that forgoes.
        let text = "product:\n  name: Lamp\n  price: 100\n  unit_cost: 40\nlaunch:\n  date: 2027-03-01\n"
            + "market:\n  population: 1M\n  serviceable: 50%\n  obtainable: 1%\n  horizon: 60 days\n"
            + "inventory:\n  lead_time: 4 weeks\n  forecast: 2800\n  forecast_sd: 0\n  moq: 2800\n"
        let plan = Planner.plan(try decode(text))
        #expect(plan.firstBatch?.reorders.map(\.units) == [2_800])
        guard case .reorderSkipped(let skipped)? = warning(plan, "reorder_skipped") else {
            Issue.record("expected reorder_skipped")
            return
        }
        #expect(skipped.units == 2_800 && skipped.sales == 400 && skipped.contribution == 24_000 && skipped.value == -72_000)
    }

    @Test func aReorderThatCannotArriveInTimeIsFlagged() {
        // Stock of 500 arrives on day 30, demand 100 a day: it runs out on day 35. The latest order
        // that arrives in time is day 35 − 28 = 7, but nothing is ordered before day 20: it arrives day 48.
        let launch = CivilDate(year: 2027, month: 3, day: 1)!
        let policy = ReorderPolicy(launch: launch, arrives: launch.adding(days: 30), stock: 500, safetyStock: 0, leadTime: .weeks(4),
                                   firstOrder: launch.adding(days: 20), coverageDays: 28, terms: .none)
        let reorder = ReorderModel.plan([Double](repeating: 100, count: 365), policy).orders.first
        #expect(reorder?.date == launch.adding(days: 20))
        #expect(reorder?.stockout == launch.adding(days: 35))
        #expect(reorder?.arrival == launch.adding(days: 48))
        #expect(reorder?.arrivesLate == true)
    }
    @Test func anOrderPlacedToLandBeforeTheFirstBatchCountsWithIt() {
        // Found by the generated fuzz target (a trap: a range from day 30 down to day 10). The
        // first batch of 500 lands on day 30; an order of 1,000 placed earlier lands on day 10, so
        // it counts from day 30: 1,500 units at 100 a day last until day 45, and the placed order
        // saw no stockout before it landed.
        let launch = CivilDate(year: 2027, month: 3, day: 1)!
        let placed = Reorder(date: launch.adding(days: -20), units: 1_000, arrival: launch.adding(days: 10), stockout: nil)
        let policy = ReorderPolicy(launch: launch, arrives: launch.adding(days: 30), stock: 500, safetyStock: 0, leadTime: .weeks(4),
                                   firstOrder: launch.adding(days: -20), coverageDays: 28, terms: .none)
        let orders = ReorderModel.plan([Double](repeating: 100, count: 365), policy, placed: [placed]).orders
        #expect(orders.first?.date == placed.date && orders.first?.units == placed.units && orders.first?.stockout == nil)
        // The next order is for the day the 1,500 run out.
        #expect(orders.dropFirst().first?.stockout == launch.adding(days: 45))
    }
}
