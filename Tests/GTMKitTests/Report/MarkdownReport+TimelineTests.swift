/// The timeline (MarkdownReport+Timeline.swift): every milestone in one dated table with its owner and id, and a Mermaid gantt chart.
import Testing
@testable import GTMKit

@Suite struct MarkdownTimelineTests {
    /// A purchase order 8 weeks before a launch on 15 March 2027 (`ReportFixtures.lamp()`; `ReportFixtures.batchOf5000`, a
    /// batch of 5,000 that needs no reorder), one mid-tier creator, 35 reviews; a name with characters a gantt line cannot hold.
    static let plan = """
    scenario:
      name: "Spring: lamp #2"

    """ + ReportFixtures.lamp() + ReportFixtures.batchOf5000 + """
    kol:
      roster:
        - name: Bo
          followers: 60k
          fee: 5000
    seed_reviews:
      target: 35

    """

    static func section(_ text: String, sets: [String] = [], files: [String: String] = [:]) throws -> String {
        let report = try ReportFixtures.report(text, sets: sets, files: files)
        return report.timelineSection(report.plan.timeline)
    }

    @Test func theTableByHand() throws {
        let section = try Self.section(Self.plan)
        #expect(section.hasPrefix("## Timeline\n\n```mermaid\n"))
        // Purchase order 15 March − 56 days = 18 January, the batch in the warehouse at launch. Bo (60k followers, mid tier, 8 weeks'
        // lead time) posts on launch day: invited 56 days before (18 January), sample at 37.5% of it (21 days: 8 February).
        // Reviews live at launch: posted 7 days before (8 March), trial from 14 days before that (22 February) after 7 days of
        // shipping (15 February), recruiting 14 days before (1 February).
        #expect(ReportReading.rows(section, after: "| Start ") == [
            ["2027-01-18", "", "Place the first purchase order", "Supply chain", "`inventory.purchase_order`"],
            ["2027-01-18", "2027-03-15", "Production and freight", "Supply chain", "`inventory.production`"],
            ["2027-01-18", "2027-03-15", "KOL Bo: invite → sample 2027-02-08 → post", "KOL", "`kol.1.*`"],
            ["2027-02-01", "2027-02-15", "Recruit beta testers", "Seed reviews", "`seed_reviews.recruit`"],
            ["2027-02-15", "", "Ship units to beta testers", "Seed reviews", "`seed_reviews.ship`"],
            ["2027-02-22", "2027-03-08", "Beta trial", "Seed reviews", "`seed_reviews.trial`"],
            ["2027-03-15", "", "Reviews live", "Seed reviews", "`seed_reviews.live`"],
            ["2027-03-15", "", "Retail launch", "Launch", "`launch`"],
        ])
    }

    @Test func theGanttChart() throws {
        let section = try Self.section(Self.plan)
        // `:` and `#` would end the title and start a comment: look-alikes instead. No "today" line: the chart does not change
        // with the day it is read.
        #expect(section.contains("""
            gantt
                title Launch timeline — Spring꞉ lamp ＃2
                dateFormat YYYY-MM-DD
                axisFormat %m-%d
                tickInterval 1week
                todayMarker off
                section Supply chain
                Place the first purchase order :crit, milestone, m1, 2027-01-18, 0d
                Production and freight :t2, 2027-01-18, 2027-03-15
                section KOL
                KOL Bo :t3, 2027-01-18, 2027-03-15
                section Seed reviews
                Recruit beta testers :t4, 2027-02-01, 2027-02-15
                Ship units to beta testers :crit, milestone, m5, 2027-02-15, 0d
                Beta trial :t6, 2027-02-22, 2027-03-08
                Reviews live :crit, milestone, m7, 2027-03-15, 0d
                section Launch
                Retail launch :crit, milestone, m8, 2027-03-15, 0d
            ```
            """))
        #expect(MarkdownReport.mermaidText("a: b; c # 50% \"x\" `y` {z}") == "a꞉ b, c ＃ 50％ ”x” 'y'  z")
        #expect(MarkdownReport.mermaidText("  ") == "—")
    }

    @Test func chineseNamesAndOwners() throws {
        let section = try Self.section(Self.plan, sets: ["scenario.language=zh"])
        #expect(section.hasPrefix("## 时间线\n\n"))
        #expect(section.contains("    title 上市时间线 — Spring꞉ lamp ＃2\n"))
        #expect(section.contains("    section 供应链\n    下首批采购单 :crit, milestone, m1, 2027-01-18, 0d\n    生产与运输 :t2, 2027-01-18, 2027-03-15\n"))
        #expect(ReportReading.row(section, "开始") == ["开始", "结束", "里程碑", "负责", "id"])
        // The sample's date set into the Chinese without spaces.
        #expect(ReportReading.rows(section, after: "| 开始 ")[2] == ["2027-01-18", "2027-03-15", "KOL Bo：邀约 → 2027-02-08寄样 → 发布", "KOL", "`kol.1.*`"])
        #expect(ReportReading.rows(section, after: "| 开始 ")[3] == ["2027-02-01", "2027-02-15", "招募内测用户", "内测评论", "`seed_reviews.recruit`"])
        #expect(ReportReading.rows(section, after: "| 开始 ").last == ["2027-03-15", "", "正式上市", "上市", "`launch`"])
    }

    @Test func afterLaunchWhatIsPastSaysSo() throws {
        // `ReportFixtures.halvingSOM`, sold as in `MarkdownActualsTests.sales` (600 and 300 in weeks 1 and 2).
        let text = ReportFixtures.halvingSOM + """
            inventory:
              lead_time: 1 week
              service_level: 50%
              moq: 1000
            actuals: sales.csv

            """
        // Two weeks sold: the plan is re-made from 30 March 2026. 900 of the 1,000 are sold, so the reorder (the MOQ, 1,000)
        // goes out on that day and lands a week later.
        let section = try Self.section(text, files: ["sales.csv": MarkdownActualsTests.sales])
        #expect(ReportReading.rows(section, after: "| Start ") == [
            ["2026-03-09", "", "Place the first purchase order (past)", "Supply chain", "`inventory.purchase_order`"],
            ["2026-03-09", "2026-03-16", "Production and freight (past)", "Supply chain", "`inventory.production`"],
            ["2026-03-16", "", "Retail launch (past)", "Launch", "`launch`"],
            ["2026-03-30", "2026-04-06", "Reorder 1: order to warehouse", "Supply chain", "`inventory.reorder`"],
        ])
        // The gantt chart names them without the status.
        #expect(section.contains("    Reorder 1꞉ order to warehouse :t3, 2026-03-30, 2026-04-06\n"))
    }

    @Test func onlyTheLaunchNoTimeline() throws {
        let report = try ReportFixtures.report(minimal)
        #expect(report.plan.timeline.count == 1)
        #expect(!report.render().contains("## Timeline"))
    }
}
