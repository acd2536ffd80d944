import Testing
@testable import GTMKit

@Suite struct TimelineTests {
    /// A launch with every section that has dates.
    func fullPlan(asOf: String? = nil, name: String = "Lamp", tier: String = "mid") throws -> Plan {
        var text = ""
        if let asOf { text += "scenario:\n  as_of: \(asOf)\n" }
        text += minimal.replacingOccurrences("name: Lamp", with: "name: \(name)") + """
        inventory:
          lead_time: 6 weeks
          forecast: 1000
        crowdfunding:
          platform: modian
          dropped_pledges: 5%   # the hand figures below assume 5% dropped
          run: yes
          start: 2026-12-01
          tiers:
            - name: 早鸟
              price: 299
        kol:
          tiers:
            - tier: \(tier)
              count: 2
              fee: 10k
              followers: 100k
        seed_reviews:
          target: 20

        """
        return Planner.plan(try decode(text))
    }

    @Test func everyMilestoneInOneOrderedList() throws {
        let plan = try fullPlan()
        let ids = plan.timeline.map(\.id)
        for id in ["inventory.purchase_order", "inventory.production", "crowdfunding.campaign", "crowdfunding.rewards_ship",
                   "kol.1.invite", "kol.1.contract", "kol.1.sample", "kol.1.draft", "kol.1.review", "kol.1.publish",
                   "seed_reviews.recruit", "seed_reviews.ship", "seed_reviews.trial", "seed_reviews.live", "launch"] {
            #expect(ids.contains(id), "\(id)")
        }
        #expect(Set(ids).count == ids.count)
        #expect(zip(plan.timeline, plan.timeline.dropFirst()).allSatisfy { $0.start <= $1.start })
        // The same inputs give the same ids in the same order.
        #expect(try fullPlan().timeline == plan.timeline)
    }

    @Test func aLatePlanWarnsWithTheDaysLate() throws {
        // KOL mid (56-day lead) publishes 2027-03-15, so invitations were due 2027-01-18; on
        // 2027-02-11 that is 24 days ago, and the contract (01-18 + 25% × 56 = 02-01) and the
        // samples (01-18 + 37.5% × 56 = 02-08) are past too.
        // The campaign (from 2026-12-01) and the seed programme (live by 2026-12-01) are late as well.
        let plan = try fullPlan(asOf: "2027-02-11")
        let late = plan.warnings.compactMap { warning -> (String, Int, Int)? in
            if case .lateMilestone(let milestone, let days, let later) = warning { return (milestone.id, days, later) }
            return nil
        }
        let kol = try #require(late.first { $0.0 == "kol.1.invite" })
        #expect(kol.1 == 24)
        #expect(kol.2 == 2)
        #expect(late.contains { $0.0 == "crowdfunding.campaign" })
        #expect(late.contains { $0.0 == "seed_reviews.recruit" })
        #expect(!late.contains { $0.0 == "launch" })
        let message = ReportText(plan).message(.lateMilestone(plan.timeline.first { $0.id == "kol.1.invite" }!, daysLate: 24, laterSteps: 2))
        #expect(message == "KOL mid: invitations out should have happened by 2027-01-18, 24 days before the planning date (and 2 later steps are past too).")
    }

    @Test func withoutAPlanningDateNothingIsLate() throws {
        #expect(!(try fullPlan()).warnings.contains { $0.code == "late_milestone" })
    }

    @Test func ganttIsWellFormedForColonsQuotesAndChinese() throws {
        let plan = try fullPlan(name: #"'"Aurora: Pro" 极光台灯 #1; 100%'"#, tier: #"'腰部: "精选"'"#)
        let report = MarkdownReport(plan).render()
        let block = try #require(report.components(separatedBy: "```mermaid\n\(MarkdownReport.mermaidInit)\ngantt\n").dropFirst().first?
            .components(separatedBy: "\n```").first)
        let lines = block.split(separator: "\n").map(String.init)
        #expect(lines.contains("    todayMarker off"))
        let task = #/^    [^:;#%"\n]+ :(crit, milestone, m\d+, \d{4}-\d{2}-\d{2}, 0d|t\d+, \d{4}-\d{2}-\d{2}, \d{4}-\d{2}-\d{2})$/#
        for line in lines {
            let ok = line.hasPrefix("    title ") || line.hasPrefix("    section ") || line.hasPrefix("    dateFormat ")
                || line.hasPrefix("    axisFormat ") || line.hasPrefix("    tickInterval ") || line == "    todayMarker off"
                || line.wholeMatch(of: task) != nil
            #expect(ok, "\(line)")
            if line.hasPrefix("    title ") || line.hasPrefix("    section ") {
                #expect(!line.dropFirst(4).contains(where: { ":;#\"".contains($0) }), "\(line)")
            }
        }
        #expect(block.contains("腰部꞉ ”精选”"))
        #expect(block.contains("极光台灯"))
        // Sections per owner, in a fixed order.
        let sections = lines.filter { $0.hasPrefix("    section ") }
        #expect(sections == ["    section Supply chain", "    section Crowdfunding", "    section KOL", "    section Seed reviews", "    section Launch"])
    }
}
