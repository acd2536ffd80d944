/// Three launches unlike the examples (Tests/GTMKitTests/Launches), written and read as their GTM
/// lead would: a consumable (a US DTC serum with Black Friday), a crowdfunded gadget (Kickstarter,
/// then retail) and a Chinese 大促 launch (京东众筹 before 双11). Each plan must keep the rules the
/// README states for its decisions, not only its arithmetic.
import Foundation
import Testing
@testable import GTMKit

@Suite struct OwnLaunchesTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Launches")

    static func plan(_ name: String) throws -> Plan {
        let text = try String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
        return Planner.plan(try decode(text))
    }

    @Test(arguments: ["serum", "gadget", "blender"])
    func decisionsFollowTheirRules(_ name: String) throws {
        let plan = try Self.plan(name)
        #expect(PlanInvariants.violations(plan) == [])
        let launch = plan.scenario.launch.date
        let batch = try #require(plan.firstBatch)
        let daily = ReorderModel.daily(try #require(plan.demand?.weeks))
        // Reorders: none before launch unless warned; each lands before the stock-out it prevents (or is warned) and no
        // earlier than its safety stock's days of demand plus three weeks.
        let warnedEarly = plan.warnings.contains { $0.code == "reorder_before_launch" }
        let warnedLate = plan.warnings.contains { $0.code == "stockout_before_reorder" }
        #expect(!batch.reorders.isEmpty)
        for order in batch.reorders {
            #expect(order.date >= launch || warnedEarly, "\(name): \(order.date) before launch")
            guard let stockout = order.stockout else { continue }
            #expect(order.arrival <= stockout || warnedLate, "\(name): lands \(order.arrival) after the stock-out \(stockout)")
            var days = 0, left = order.safetyStock
            var day = launch.days(to: order.arrival)
            while day < daily.count, left > daily[day] {
                left -= daily[day]
                day += 1
                days += 1
            }
            #expect(order.arrival.days(to: stockout) <= days + 21, "\(name): lands \(order.arrival), \(stockout) stock-out, SS \(days) days")
        }
        // The campaign verdict is its rule: recommended exactly when the chance reaches min_chance and it adds to the launch.
        if let campaign = plan.scenario.crowdfunding {
            let chance = try #require(plan[.goalProbability]), contribution = try #require(plan[.campaignContribution])
            #expect(plan.flag(.recommended) == (chance >= campaign.minChance && contribution > 0))
            #expect(plan.flag(.inPlan) == (campaign.run == .yes || (campaign.run == .auto && plan.flag(.recommended))))
        }
        // Every marketing line that loses money per buyer is named by a warning, and no other.
        let flagged = Set(plan.warnings.flatMap { warning -> [String] in
            if case .cacAboveContribution(_, let lines, _) = warning { return lines.map(\.name) }
            return []
        })
        let worth = plan.kolBuyerWorth.contribution, retail = plan.retailBuyerWorth
        let losing = (plan.kol?.lines.filter { $0.cost > worth * $0.buyers }.map(\.name) ?? [])
            + (plan.ads?.flights.filter { $0.budget > retail * $0.buyers }.map(\.name) ?? [])
        #expect(flagged == Set(losing))
    }
}
