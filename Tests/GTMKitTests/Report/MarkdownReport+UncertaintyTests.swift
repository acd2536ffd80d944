/// Uncertainty (MarkdownReport+Uncertainty.swift): the uncertain inputs, the spread of the outputs, how decisions used it, the tornado.
import Testing
@testable import GTMKit

@Suite struct MarkdownUncertaintyTests {
    /// One uncertain share, `1% to 4%`: a lognormal with those 5th and 95th percentiles, so its median is √(1% × 4%) = 2%
    /// and σ = ln 4 ÷ (2 × 1.644854) = 0.421403; P10 and P90 are 2% × e^∓1.281552σ = 2% × e^∓0.540054: 1.1654% and 3.4322%.
    /// The market is `ReportFixtures.market(obtainable:)`: 1M people, 10% serviceable; the lamp is `ReportFixtures.lamp()`.
    static let market = """
    scenario:
      trials: 1000
      seed: 7

    """ + ReportFixtures.lamp() + ReportFixtures.market(obtainable: "1% to 4%")

    /// A forecast of 1,000 ± 200 for the first batch and an uncertain price, normal(400, 20), of a lamp costing ¥100
    /// (`ReportFixtures.lamp(price:)`): the critical ratio weighs E[price − cost] = 300 against E[cost − salvage] = 100,
    /// 75%, and the only demand is N(1,000, 200), so the batch is
    /// 1,000 + Φ⁻¹(0.75) × 200 = 1,000 + 0.67449 × 200 = 1,134.9 → 1,135 units, as without uncertainty.
    static let batch = ReportFixtures.lamp(price: "normal(400, 20)") + """
    inventory:
      lead_time: 8 weeks
      forecast: 1000
      forecast_sd: 200

    """

    static func report(_ text: String, sets: [String] = []) throws -> (report: MarkdownReport, uncertainty: Uncertainty) {
        try ReportFixtures.report(text, sets: sets, monteCarlo: true, part: \.uncertainty)
    }

    @Test func inputsOutputsAndTornadoByHand() throws {
        let (report, uncertainty) = try Self.report(Self.market)
        let section = report.uncertaintySection(uncertainty)
        // The trials were given: no word of choosing them.
        #expect(section.hasPrefix("## Uncertainty\n\n1 input is uncertain, so the plan ran 1,000 Monte Carlo trials, seed 7. Numbers elsewhere"))
        #expect(ReportReading.row(section, "Uncertain input") == ["Uncertain input", "As given", "P10", "Median", "P90"])
        #expect(ReportReading.row(section, "`market.obtainable`") == ["`market.obtainable`", "1% to 4% (90%)", "1.17%", "2%", "3.43%"])
        // The outputs' table ends with the plan's value: 1,000,000 × 10% × 2% = 2,000.
        #expect(ReportReading.row(section, "Output") == ["Output", "P10", "P50", "P90", "Mean", "Plan"])
        #expect(ReportReading.row(section, "SOM (units)")?.last == "2,000")
        #expect(ReportReading.row(section, "Unit margin") == nil)
        #expect(section.contains("No decision in this plan depends on the uncertain inputs beyond the ranges above."))
        // No first batch or campaign: SOM is the headline, each input at its P10 and P90, the others at their medians:
        // 100,000 × 1.1654% = 1,165 and 100,000 × 3.4322% = 3,432, a swing of 2,267.
        #expect(section.contains("### What drives it: SOM (units)\n\nEach input at its P10 and its P90 with the others at their medians (base case 2,000)"))
        #expect(ReportReading.row(section, "Input") == ["Input", "At P10", "At P90", "Swing"])
        #expect(ReportReading.rows(section, after: "| Input ") == [["`market.obtainable`", "1.17% → 1,165", "3.43% → 3,432", "2,267"]])
    }

    @Test func aDecisionUnderUncertainty() throws {
        let (report, uncertainty) = try Self.report(Self.batch)
        let section = report.uncertaintySection(uncertainty)
        // Trials chosen by gtm: it starts at 10,240 and stops as soon as the decision is precise enough.
        #expect(section.hasPrefix("""
            ## Uncertainty\n\n1 input is uncertain, so the plan ran 10,240 Monte Carlo trials (chosen so that each decision is \
            precise to ±0.18% or better, one standard error: First batch (units) ±
            """))
        // A normal is written in the input's kind, money: P10 and P90 are 400 ∓ 1.281552 × 20 = ¥374.37 and ¥425.63.
        #expect(ReportReading.row(section, "`product.price`") == ["`product.price`", "normal(¥400, ¥20)", "¥374.37", "¥400", "¥425.63"])
        #expect(section.contains("""
            - **First batch:** each simulated launch has its own demand in the window (your forecast's mean for its inputs, with the \
            forecast error around it); over all 10,240 of them the order covers the 75% quantile: 1,135 units for retail, so \
            **1,135 units** after MOQ and case pack
            """))
        #expect(!section.contains("**Crowdfunding:**"))
        #expect(section.contains("""
            ### What drives it: First batch (units)\n\nEach row takes the decision again as if one input were known to sit at its P10, \
            then at its P90 (6,144 simulated launches each, the other inputs still uncertain); the plan orders 1,135. Largest swing first.
            """))
        // The decision line states its precision too.
        #expect(report.decisionLines().first?.hasPrefix("**First batch:** order 1,135 units by 18 January 2027 (¥113,500 at cost); Monte Carlo "
                                                        + "precision ±") == true)
    }

    @Test func chineseSection() throws {
        let (report, uncertainty) = try Self.report(Self.market, sets: ["scenario.language=zh"])
        let section = report.uncertaintySection(uncertainty)
        #expect(section.hasPrefix("## 不确定性\n\n有1个输入不确定，因此运行了1,000次蒙特卡洛模拟，种子7。本报告其他数字均为计划值："))
        #expect(ReportReading.row(section, "`market.obtainable`") == ["`market.obtainable`", "1%至4%（90%）", "1.17%", "2%", "3.43%"])
        #expect(ReportReading.row(section, "SOM（件数）")?.last == "2,000")
        #expect(section.contains("### 影响因素：SOM（件数）\n\n每次将一个输入分别取 P10 与 P90，其余取中位数（基准2,000），按波动从大到小排列。"))
        #expect(ReportReading.rows(section, after: "| 输入 ") == [["`market.obtainable`", "1.17% → 1,165", "3.43% → 3,432", "2,267"]])
    }

    @Test func nothingUncertainNoSection() throws {
        let report = try ReportFixtures.report(minimal, monteCarlo: true)
        #expect(report.plan.uncertainty == nil)
        #expect(!report.render().contains("## Uncertainty"))
        #expect(report.range(.unitMargin) == nil)
        #expect(report.precision(.firstBatchUnits) == "")
    }
}
