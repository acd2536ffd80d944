/// Demand over time (MarkdownReport+Demand.swift): the curve in words, what each part adds, the weekly chart and table.
import Testing
@testable import GTMKit

@Suite struct MarkdownDemandTests {
    /// A SOM of 1,000,000 × 10% × 1% = 1,000 units, selling most at launch and halving every week (week k: 1,000 × 2^−k),
    /// from a Monday in 2026 (the 12 months are 365 days: 52 weeks and 1 day): `ReportFixtures.halvingSOM`, a lamp at ¥400.
    /// A sale doubles week 2.
    static let decay = ReportFixtures.halvingSOM + """
      events:
        - name: Spring sale
          date: 2026-03-29
          lift: 2

    """

    static func report(_ text: String, sets: [String] = []) throws -> (report: MarkdownReport, demand: DemandCurve) {
        try ReportFixtures.report(text, sets: sets, monteCarlo: true, part: \.demand)
    }

    @Test func aDecayingCurveAndAnEventByHand() throws {
        let (report, demand) = try Self.report(Self.decay)
        let section = report.demandSection(demand)
        // Weeks 1 and 2 sell 500 and 250; the sale's week (23–29 March) doubles the 250: +250, so 1,250 in all, and the
        // first of the two 500-unit weeks is the best.
        #expect(section.hasPrefix("""
            ## Demand over time\n\nThe market's curve spreads the top-down SOM (1,000 units within 12 months) over the weeks after launch \
            with the shape of a launch that peaks at once and halves every 1 week (Bass with q = 0); the launch adds what its levers \
            bring, so demand within 12 months is **1,250 units**. Launch week sells 500 units; the best week is week 1.\n\n
            """))
        #expect(ReportReading.row(section, "The market's curve") == ["The market's curve", "1,000"])
        #expect(ReportReading.row(section, "Added by sales events") == ["Added by sales events", "250"])
        #expect(ReportReading.row(section, "**Demand within the horizon**") == ["**Demand within the horizon**", "**1,250**"])
        #expect(section.contains("Events multiply the curve's sales on their days (the 7 ending on their date, unless a `start` is given;"))
        #expect(section.contains("1 + (lift − 1) × share): Spring sale 2026-03-23–2026-03-29 ×2."))
        // No uncertainty: no word of a median case.
        #expect(!section.contains("median case"))
        // 52 whole weeks and a last one of a day.
        #expect(section.contains("<summary>Week by week (53 weeks)</summary>"))
        #expect(section.contains("    x-axis \"Week after launch (week 1 starts 2026-03-16)\" 1 --> 53\n"))
        #expect(section.contains("    line [500, 500, 125, "))
        // Cumulative: 500, 1,000, 1,125.
        #expect(ReportReading.row(section, "1") == ["1", "2026-03-16", "500", "500"])
        #expect(ReportReading.row(section, "2") == ["2", "2026-03-23", "500", "1,000"])
        #expect(ReportReading.row(section, "3") == ["3", "2026-03-30", "125", "1,125"])
    }

    @Test func aLaunchBoostAndTheLaunchPrice() throws {
        // `ReportFixtures.halvingSOM` at a launch price of ¥200, with a launch boost and a price response instead of the sale.
        let text = ReportFixtures.lamp(launch: "2026-03-16", with: ["launch_price: 200"]) + ReportFixtures.market() + ReportFixtures.decay()
            + "  launch_boost: 10%\n  elasticity: -1\n"
        let (report, demand) = try Self.report(text)
        let section = report.demandSection(demand)
        // 10% of the 1,000 in launch week; the other 900 on the curve: 450, 225… At ¥200 for two weeks, demand ×
        // (200 ÷ 400)^−1 = 2: week 1 (100 + 450) × 2 = 1,100, week 2 225 × 2 = 450; the price adds 550 + 225 = 775.
        #expect(section.contains("(Bass with q = 0), plus a launch boost of 10% of it in launch week; the launch adds"))
        #expect(section.contains("so demand within 12 months is **1,775 units**. Launch week sells 1,100 units; the best week is week 1."))
        #expect(ReportReading.row(section, "Price response (elasticity)") == ["Price response (elasticity)", "775"])
        #expect(ReportReading.row(section, "Added by sales events") == nil)
        #expect(section.contains("Price moves demand by (price ÷ ¥400)^−1, at the launch price of ¥200 for the first 2 weeks."))
        #expect(ReportReading.row(section, "1") == ["1", "2026-03-16", "1,100", "1,100"])
        #expect(ReportReading.row(section, "2") == ["2", "2026-03-23", "450", "1,550"])
    }

    @Test func aBassCurveByHand() throws {
        // The SOM of 1,000 (`ReportFixtures.market()`) on a Bass curve from 15 March 2027.
        let text = ReportFixtures.lamp() + ReportFixtures.market() + "demand:\n  p: 0.3\n  q: 3\n"
        let (report, demand) = try Self.report(text)
        let section = report.demandSection(demand)
        // F(t) = (1 − e^−3.3t) ÷ (1 + 10·e^−3.3t). 12 months from 15 March 2027 are 366 days, so week 1 ends at t = 7/366:
        // e^−0.063115 = 0.938836, F = 0.061164 ÷ 10.38836 = 0.0058877; F(1) = 0.963117 ÷ 1.368832 = 0.703605;
        // 1,000 × 0.0058877 ÷ 0.703605 = 8.37. Sales peak at t* = ln(3 ÷ 0.3) ÷ 3.3 = 0.6978 years, day 255.4: week 37.
        #expect(section.contains("""
            with the shape of a Bass diffusion curve (p = 0.3, q = 3 a year); the launch adds what its levers bring, so demand within \
            12 months is **1,000 units**. Launch week sells 8 units; the best week is week 37.
            """))
        #expect(ReportReading.row(section, "1") == ["1", "2027-03-15", "8", "8"])
        // 366 days: 52 weeks and 2 days.
        #expect(ReportReading.row(section, "53")?.prefix(2) == ["53", "2028-03-13 (2 days)"])
    }

    @Test func chineseText() throws {
        let (report, demand) = try Self.report(Self.decay, sets: ["scenario.language=zh"])
        let section = report.demandSection(demand)
        #expect(section.hasPrefix("""
            ## 需求随时间变化\n\n市场曲线按上市即达峰、每1周减半的曲线（q = 0的 Bass 曲线）的形状把自上而下的 SOM（12个月内1,000件）分布到上市后各周；\
            上市动作再带来各自的增量，因此12个月内需求为 **1,250件**。首发周销量500件；销量最高的是第1周。
            """))
        #expect(ReportReading.row(section, "大促带来的增量") == ["大促带来的增量", "250"])
        #expect(ReportReading.row(section, "**计划期内需求**") == ["**计划期内需求**", "**1,250**"])
        #expect(section.contains("大促期间（默认为活动日及其前6天，或自 `start` 起）的曲线销量按倍数放大"))
        #expect(section.contains("：Spring sale 2026-03-23–2026-03-29 ×2。"))
        #expect(section.contains("<summary>逐周明细（53周）</summary>"))
        #expect(ReportReading.row(section, "53")?.prefix(2) == ["53", "2027-03-15（1天）"])
        #expect(section.contains("    x-axis \"上市后周数（第1周始于2026-03-16）\" 1 --> 53\n"))
    }

    @Test func theMedianCaseUnderUncertaintyAndNoDemandSection() throws {
        let (ranged, demand) = try Self.report(Self.decay, sets: ["market.obtainable=0.5% to 2%", "scenario.trials=200"])
        // The median of 0.5% to 2% is √(0.5% × 2%) = 1%: the same curve, said to be the median case.
        #expect(ranged.demandSection(demand).contains("""
            the best week is week 1. The curve and the table are the median case (every uncertain input at its median); the key \
            numbers give the range.
            """))
        // A market without a demand section: no curve, no section.
        let plain = try ReportFixtures.report(ReportFixtures.lamp(launch: "2026-03-16") + ReportFixtures.market())
        #expect(plain.plan.demand == nil)
        #expect(!plain.render().contains("## Demand over time"))
        #expect(!plain.summary().contains("Launch-week sales"))
    }
}
