/// Learning from data (MarkdownReport+Actuals.swift): the analogs' fits, and the plan again on the weeks sold since launch.
import Foundation
import Testing
@testable import GTMKit

@Suite struct MarkdownActualsTests {
    /// A SOM of 1,000 halving every week from a Monday in 2026: the plan sells 500 and 250 in weeks 1 and 2, 750 in all,
    /// and 1,000 within the horizon (`ReportFixtures.halvingSOM`, a lamp at ¥400 costing ¥100). A first batch of 1,000 (the
    /// MOQ) ordered a week before launch; ¥10,000 on hand.
    static let launched = ReportFixtures.halvingSOM + """
    inventory:
      lead_time: 1 week
      service_level: 50%
      moq: 1000
    cash:
      on_hand: 10k
    actuals: sales.csv

    """

    /// Weeks 1 and 2 sold at 1.2 times the plan: 600 and 300.
    static let sales = "date,units\n2026-03-16,600\n2026-03-23,300\n"

    static func report(_ text: String = launched, sales: String = sales, sets: [String] = [],
                       files: [String: String] = [:]) throws -> (report: MarkdownReport, actuals: ActualsReport) {
        try ReportFixtures.report(text, sets: sets, files: files.merging(["sales.csv": sales]) { a, _ in a }, part: \.actuals)
    }

    /// Weekly sales of a Bass curve, m·(F(tᵢ) − F(tᵢ₋₁)) with tᵢ = 7i ÷ 365.25 years, as a CSV from 1 January 2024.
    static func analog(p: Double, q: Double, m: Double, weeks: Int) -> String {
        func F(_ t: Double) -> Double { (1 - exp(-(p + q) * t)) / (1 + q / p * exp(-(p + q) * t)) }
        var rows = ["date,units"]
        for week in 1...weeks {
            let date = CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(year: 2024, month: 1, day: 1) + 7 * (week - 1))
            rows.append("\(date),\(m * (F(Double(7 * week) / 365.25) - F(Double(7 * (week - 1)) / 365.25)))")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    @Test func salesToDateAgainstThePlan() throws {
        let (report, actuals) = try Self.report()
        // 600 + 300 = 900 sold against the plan's 500 + 250 = 750 (750.237: the half-life is 7 ÷ 365.25 years, the horizon's
        // 365 days one year): 900 ÷ 750.237 − 1 = 19.96%, 20% above. The re-forecast moves the plan's other 250 by about
        // 1.2^(2 ÷ (2 + 6)) = 1.0466 (the README's rule): 900 + 261.7 = 1,161.7, within 2%.
        let reforecast = try #require(report.plan[.reforecastHorizonUnits])
        #expect(abs(reforecast / 1_161.7 - 1) < 0.02)
        let now = report.style.count(reforecast)
        #expect(report.actualsDecision(actuals) == """
            **Sales to date:** 900 units in 2 weeks, 20% above the plan's 750; demand within 12 months re-forecast at \(now) units (the \
            plan said 1,000).
            """)
        #expect(report.summary().hasPrefix("**Lamp** launched on 16 March 2026 at ¥400."))
        // Two weeks sold: to 29 March; re-forecast from 30 March.
        #expect(report.actualsDemandText(actuals) == """
            Weeks 1–2 are the units sold (to 29 March 2026, `sales.csv`); from 30 March 2026 on, the re-forecast (see Sales to date). \
            Demand within 12 months is now **\(now) units**; the plan before the sales data said 1,000. The Plan column is that forecast.
            """)
        let section = report.actualsSection(actuals)
        #expect(section.hasPrefix("## Sales to date\n\n"))
        #expect(ReportReading.row(section, "Units sold in weeks 1–2") == ["Units sold in weeks 1–2", "750", "**900**"])
        #expect(ReportReading.row(section, "Demand within 12 months") == ["Demand within 12 months", "1,000", "**\(now)**"])
        // The plan before the sales needed no reorder (1,000 in stock for 1,000 of demand); now 900 are gone by 30 March, so the
        // next order (the MOQ) goes out that day. The batch: 30% + 70% of 1,000 × ¥100, ¥100,000, before and after.
        #expect(ReportReading.row(section, "Next order from 2026-03-30 (place by, units)")
                == ["Next order from 2026-03-30 (place by, units)", "none", "2026-03-30, 1,000 units"])
        #expect(ReportReading.row(section, "Units reordered through the horizon") == ["Units reordered through the horizon", "0", "1,000"])
        #expect(ReportReading.row(section, "Peak funding need") == ["Peak funding need", "¥100,000", "¥100,000"])
        // Before: 10,000 − 100,000 + 1,000 sold × ¥400 = ¥310,000.
        #expect(ReportReading.row(section, "Cash at the end of the horizon")?.prefix(2) == ["Cash at the end of the horizon", "¥310,000"])
        // 1.2 times the plan is not 20% off in the horizon: the market section is not questioned.
        #expect(!section.contains("Revisit it for the next plan."))
        #expect(section.contains("orders the plan placed before 30 March 2026 are taken as placed, and new orders start from that day."))
    }

    @Test func whatToDoNow() throws {
        let (report, actuals) = try Self.report()
        let lines = report.decisionLines()
        #expect(lines.first == report.actualsDecision(actuals))
        // The reorder is the MOQ, 1,000, placed on the day the re-plan starts and in the warehouse a week later.
        #expect(lines.contains("**Reorders:** next: order 1,000 units now (30 March 2026), in the warehouse on 6 April 2026."))
        // 10,000 − 100,000 (the batch) + 900 × ¥400 = ¥270,000 after week 2; week 3 pays the reorder's deposit (¥30,000) and
        // sells the 100 left (its demand, about 1.2 × 125, is more): +¥40,000, ¥280,000; week 4 pays the ¥70,000 balance before
        // any receipt: ¥210,000, the lowest (every later week only sells).
        #expect(lines.contains { $0.hasPrefix("**Cash ahead:** from 30 March 2026 the balance (") && $0.hasSuffix("""
            stays above zero; its lowest is ¥210,000 in the week of 6 April 2026, before that week's receipts.
            """) })
        #expect(lines.contains("""
            **Key dates ahead:** 2026-03-30 place a reorder (1,000 units); 2026-04-06 a reorder lands; 2026-04-06 reorder balance due \
            (¥70,000).
            """))
        // A week before launch: 16 March − 7 days.
        #expect(lines.last == """
            **Decided before launch, kept as planned:** first batch 1,000 units (ordered by 9 March 2026). The sections below give them in \
            full; their dates are past.
            """)
        // The first batch's story says it is bought.
        let batch = try #require(report.plan.firstBatch)
        #expect(report.firstBatchStory(batch).hasPrefix("""
            The first batch of **1,000 units**, ordered by 9 March 2026 as the plan before launch decided, is bought: the sales data do \
            not change it
            """))
    }

    @Test func aReforecastFarFromThePlanQuestionsTheMarket() throws {
        // Four times the plan: 2,000 and 1,000. The rest moves by about 4^(2 ÷ 8) = 1.41: 3,000 + 354 = 3,354, far above 1,000.
        let (report, actuals) = try Self.report(sales: "date,units\n2026-03-16,2000\n2026-03-23,1000\n")
        let section = report.actualsSection(actuals)
        #expect(section.contains("above the plan's demand: the market section (SOM 1,000 within 12 months, `market.obtainable`) is the "
                                 + "assumption the sales data now question. Revisit it for the next plan."))
        // The plan's two weeks are 750 and a quarter: p = ln 2 ÷ (7 ÷ 365.25) a year, and day d of the 365-day horizon is
        // A one-week half-life halves in 7 of the horizon's days: F(14 days) = 1 − 2^(−2) = 0.75; 3,000 ÷ 750 − 1 = 300% above.
        #expect(report.actualsDecision(actuals).hasPrefix("**Sales to date:** 3,000 units in 2 weeks, 300% above the plan's 750;"))
    }

    @Test func chineseDecisionsAndSection() throws {
        let (report, actuals) = try Self.report(sets: ["scenario.language=zh"])
        let now = report.style.count(try #require(report.plan[.reforecastHorizonUnits]))
        #expect(report.actualsDecision(actuals) == "**至今销量**：2周售出900件，比计划的750件高20%；12个月内需求重新预测为\(now)件（原计划1,000件）。")
        #expect(report.summary().hasPrefix("**Lamp** 已于2026年3月16日上市，售价¥400。"))
        #expect(report.decisionLines().last == "**上市前已定、按计划执行**：首批1,000件（2026年3月9日前下单）。详见下文各节；其日期均已过去。")
        let section = report.actualsSection(actuals)
        #expect(ReportReading.row(section, "第1–2周销量") == ["第1–2周销量", "750", "**900**"])
        #expect(ReportReading.row(section, "2026-03-30起的下一单（下单日、数量）") == ["2026-03-30起的下一单（下单日、数量）", "无", "2026-03-30, 1,000件"])
        #expect(report.actualsDemandText(actuals).hasPrefix("第1–2周为实际销量（截至2026年3月29日，`sales.csv`）；自2026年3月30日起为重新预测（见“至今销量”）。"))
    }

    @Test func theAnalogsFits() throws {
        // A SOM of 1,000 (`ReportFixtures.market()`) on the curve fitted to the analogs.
        let text = ReportFixtures.lamp() + ReportFixtures.market() + "demand:\n  analogs: a1.csv\n"
        // Sales made from p = 0.3, q = 3 and m = 10,000, without noise: the fit finds them exactly (R² = 1).
        let one = try ReportFixtures.report(text, files: ["a1.csv": Self.analog(p: 0.3, q: 3, m: 10_000, weeks: 60)])
        let block = try #require(one.analogsBlock())
        #expect(block.hasPrefix("### Analogs: where p and q come from\n\n"))
        #expect(ReportReading.row(block, "`a1.csv`") == ["`a1.csv`", "60 weeks", "0.3 (0.3–0.3)", "3 (3–3)", "10,000", "1.000"])
        #expect(block.hasSuffix("this plan's size comes from the market section. The curve takes its p and q."))
        // Two analogs: the curve takes the geometric middle of p, √(0.3 × 0.12) = 0.1897 → 0.19, and q = 3.
        let two = text.replacingOccurrences(of: "  analogs: a1.csv\n", with: "  analogs:\n    - a1.csv\n    - a2.csv\n")
        let files = ["a1.csv": Self.analog(p: 0.3, q: 3, m: 10_000, weeks: 60), "a2.csv": Self.analog(p: 0.12, q: 3, m: 10_000, weeks: 80)]
        let both = try #require(try ReportFixtures.report(two, files: files, monteCarlo: true).analogsBlock())
        #expect(ReportReading.row(both, "`a2.csv`") == ["`a2.csv`", "80 weeks", "0.12 (0.12–0.12)", "3 (3–3)", "10,000", "1.000"])
        #expect(both.contains("The curve takes the middle of their spread (p = 0.19, q = 3); the Monte Carlo draws p and q across it"))
    }

    @Test func noSalesDataNoSection() throws {
        let text = Self.launched.replacingOccurrences(of: "actuals: sales.csv\n", with: "")
        let report = try ReportFixtures.report(text)
        #expect(report.plan.actuals == nil)
        let whole = report.render()
        #expect(!whole.contains("## Sales to date") && !whole.contains("**Sales to date:**") && !whole.contains("Decided before launch"))
        #expect(report.summary().hasPrefix("**Lamp** launches on 16 March 2026"))
        #expect(report.analogsBlock() == nil)
    }
}
