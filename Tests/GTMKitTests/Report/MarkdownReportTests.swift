/// The report's frame (MarkdownReport.swift): title and opening line, decisions, key numbers, market size, warnings, inputs, footer.
import Foundation
import Testing
@testable import GTMKit

/// Reading a rendered report, for the suites in this folder.
enum ReportReading {
    /// The cells of the first table row whose first cell is `first`, each trimmed of its padding.
    static func row(_ markdown: String, _ first: String) -> [String]? {
        for line in markdown.split(separator: "\n") where line.hasPrefix("|") && line.hasSuffix("|") {
            let cells = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.first == first { return cells }
        }
        return nil
    }

    /// The rows of the first table on or after the line that holds `after` (its header and divider left out).
    static func rows(_ markdown: String, after: String) -> [[String]] {
        guard let found = markdown.range(of: after) else { return [] }
        let start = markdown[..<found.lowerBound].lastIndex(of: "\n").map { markdown.index(after: $0) } ?? markdown.startIndex
        var rows: [[String]] = []
        var seen = false
        for line in markdown[start...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                if seen { break }
                continue
            }
            seen = true
            rows.append(line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return Array(rows.dropFirst(2))
    }
}

@Suite struct MarkdownReportTests {
    /// TAM from 1M people buying 2 a year of a lamp at ¥400 (`ReportFixtures.lamp()`); a 6-month horizon; one channel.
    static let market = """
    scenario:
      name: Spring lamp

    """ + ReportFixtures.lamp() + """
    market:
      population: 1M
      purchases_per_year: 2
      serviceable: 10%
      obtainable: 5%
      horizon: 6 months
    channels:
      - name: Own shop
        reach: 100k
        conversion: 2%

    """

    @Test func marketSizeByHand() throws {
        let report = try ReportFixtures.report(Self.market)
        let section = report.marketSection()
        #expect(section.hasPrefix("## Market size\n\n| Measure "))
        // TAM: 1,000,000 × 2 = 2,000,000 units a year, × ¥400 = ¥800,000,000; SAM: × 10%.
        #expect(ReportReading.row(section, "TAM: everyone who could buy, a year") == ["TAM: everyone who could buy, a year", "2,000,000", "¥800,000,000"])
        #expect(ReportReading.row(section, "SAM: what your channels serve, a year") == ["SAM: what your channels serve, a year", "200,000", "¥80,000,000"])
        // SOM: 200,000 × 5% × 6 ÷ 12 years = 5,000 units, × ¥400 = ¥2,000,000, the row's units in bold.
        #expect(ReportReading.row(section, "SOM: what you can win in 6 months") == ["SOM: what you can win in 6 months", "**5,000**", "¥2,000,000"])
        // Bottom-up: 100,000 reached × 2% = 2,000 buyers, × ¥400 = ¥800,000.
        #expect(ReportReading.row(section, "Bottom-up: the channels, 6 months") == ["Bottom-up: the channels, 6 months", "2,000", "¥800,000"])
        #expect(section.contains("""
            TAM = 1,000,000 people × 2 a year; SAM = TAM × 10% serviceable; SOM = SAM × 5% obtainable × 0.5 years = 5,000 units.
            """))
        // 5,000 ÷ 2,000 = 2.5: more than 2× apart, so the warning is named.
        #expect(section.contains("Top-down SOM is 2.5× the bottom-up total (more than 2× apart: see the warnings)."))
        #expect(section.contains("### Channels"))
        #expect(ReportReading.row(section, "Own shop") == ["Own shop", "100,000", "2%", "2,000"])
        #expect(report.warningsSection().contains("- **market_sizes_disagree**: Top-down SOM (5,000 units) is 2.5× the channels' bottom-up total"))
    }

    @Test func sizesWithin2xAgreeAndNoWarning() throws {
        // 200,000 × 2% = 4,000 buyers; 5,000 ÷ 4,000 = 1.25.
        let report = try ReportFixtures.report(Self.market, sets: ["channels[Own shop].reach=200k"])
        #expect(report.marketSection().contains("Top-down SOM is 1.25× the bottom-up total; the two agree within 2×."))
        #expect(!report.marketSection().contains("see the warnings"))
        #expect(report.warningsSection() == "## Warnings\n\nNone.")
        // No warning, so the opening line does not point to one.
        #expect(report.summary().hasPrefix("**Lamp** launches on 15 March 2027 at ¥400.\n\n"))
        #expect(!report.summary().contains("warning"))
        // Without a market or channels, no market section at all.
        #expect(try !ReportFixtures.report(minimal).render().contains("## Market size"))
    }

    @Test func chineseMarketAndOpening() throws {
        let report = try ReportFixtures.report(Self.market, sets: ["scenario.language=zh"])
        let whole = report.render()
        #expect(whole.hasPrefix("# 上市计划：Spring lamp\n\n**Lamp** 于2027年3月15日上市，售价¥400。报告末尾有 **1条警告**。\n\n"))
        let section = report.marketSection()
        // Counts in full digits; ¥800,000,000 = ¥8亿; ¥80,000,000 = ¥8,000万; ¥2,000,000 = ¥200万.
        #expect(ReportReading.row(section, "TAM：全部潜在需求（每年）") == ["TAM：全部潜在需求（每年）", "2,000,000", "¥8亿"])
        #expect(ReportReading.row(section, "SAM：渠道可服务的市场（每年）") == ["SAM：渠道可服务的市场（每年）", "200,000", "¥8,000万"])
        #expect(ReportReading.row(section, "SOM：6个月内可获得") == ["SOM：6个月内可获得", "**5,000**", "¥200万"])
        // No space between Chinese and the numbers set into it.
        #expect(section.contains("TAM = 1,000,000人 × 每年2件；SAM = TAM × 10%可服务；SOM = SAM × 5%可获得 × 0.5年 = 5,000件。"))
        #expect(section.contains("自上而下 SOM 是自下而上合计的2.5倍（相差超过2倍，见警告）。"))
        #expect(ReportReading.row(section, "Own shop") == ["Own shop", "100,000", "2%", "2,000"])
    }

    @Test func decisionsFirstBatchReorderAndKeyDates() throws {
        // `MarkdownFirstBatchTests.reorders`: a forecast of 280 (10 a day) over a 4-week lead time, stocked at 50%, of a lamp
        // costing ¥100 launched on 15 March 2027 (`ReportFixtures.lamp()`).
        let report = try ReportFixtures.report(MarkdownFirstBatchTests.reorders)
        let lines = report.decisionLines()
        // z = Φ⁻¹(50%) = 0, so Q* = μ = 280 units; placed 4 weeks before launch; 280 × ¥100 = ¥28,000.
        #expect(lines.first == "**First batch:** order 280 units by 15 February 2027 (¥28,000 at cost).")
        // 10 a day over a 28-day lead time: reorder point 280, safety stock 0. The batch lands at launch, so the position is at
        // the point: order then, in the warehouse 28 days later, when the 280 are sold. Each order covers 28 days (280 units);
        // the horizon (15 March 2027 to 14 March 2028, 366 days) wants 3,660, so 3,660 − 280 = 3,380 are reordered: 12 × 280 and
        // 20 in the 13th (placed 14 February 2028, landing 13 March 2028 for the last 2 days). After the first: 3,380 − 280 = 3,100.
        #expect(lines.contains("""
            **Reorder:** order 280 units by 15 March 2027, in the warehouse on 12 April 2027 (without it stock runs out on 12 April \
            2027); then 12 more through the horizon, 3,100 units (3,380 units with this one; see First batch).
            """))
        // Same day: in the order added (the reorder, the balance, the launch).
        #expect(lines.last == """
            **Key dates:** 2027-02-15 purchase order; 2027-03-15 reorder; 2027-03-15 first batch balance due; 2027-03-15 launch.
            """)
        // No uncertainty: no precision is stated, and the table has no range column.
        #expect(!lines[0].contains("Monte Carlo"))
        let summary = report.summary()
        #expect(summary.contains("| Number "))
        #expect(!summary.contains("P10–P90"))
        // 30% of 280 × ¥100 = 28,000 is ¥8,400 and 280 × 30% = 84 the forecast's spread.
        #expect(ReportReading.row(summary, "Demand in the first 4 weeks") == ["Demand in the first 4 weeks", "280 ± 84 units"])
        #expect(ReportReading.row(summary, "Unit margin") == ["Unit margin", "¥300 (75%)"])
        // Launch week pays the batch's balance (70% × ¥28,000 = ¥19,600) and the reorder's deposit (30% × ¥28,000 = ¥8,400)
        // before its receipts, after the deposit of ¥8,400: ¥36,400.
        #expect(ReportReading.row(summary, "Peak funding need") == ["Peak funding need", "¥36,400"])
    }

    @Test func pilotLineAndDatesInOrder() throws {
        let text = minimal + """
            pilot:
              ready: 2027-01-10
              unit_cost: 150
              extra: 5
            seed_reviews:
              target: 35

            """
        let lines = try ReportFixtures.report(text).decisionLines()
        // ⌈35 ÷ 35%⌉ = 100 testers + 5 extra = 105 units, × ¥150 = ¥15,750.
        #expect(lines.contains("**Pilot run:** 105 units ready by 10 January 2027 for KOL samples and testers (¥15,750)."))
        // Recruiting starts 7 + 14 + 7 + 14 = 42 days before launch: 1 February; the pilot (added later) is earlier.
        #expect(lines.last == "**Key dates:** 2027-01-10 pilot units ready; 2027-02-01 recruit testers; 2027-03-15 launch.")
        // Without a pilot section, no pilot line.
        #expect(try !ReportFixtures.report(MarkdownFirstBatchTests.reorders).decisionLines().contains { $0.hasPrefix("**Pilot run:**") })
    }

    @Test func aWarningThatChangesADecisionIsRepeatedInTheDecisions() throws {
        // Rewards ship 2 weeks after the campaign (`MarkdownCrowdfundingTests.modian`), but nothing makes units:
        // `units_before_supply` changes a decision.
        let text = minimal + MarkdownCrowdfundingTests.modian(list: "10k", tiers: """
                - name: Standard
                  price: 399

            """)
        let report = try ReportFixtures.report(text)
        #expect(report.summary().hasPrefix("**Lamp** launches on 15 March 2027 at ¥399. **1 warning** at the end of the report."))
        // Campaign 4 January to 2 February (30 days); rewards ship 14 days later, 16 February.
        #expect(report.decisionLines().contains { $0.hasPrefix("⚠ **units_before_supply**: “Crowdfunding rewards ship”") && $0.contains("2027-02-16") })
        #expect(report.warningsSection().contains("- **units_before_supply**: "))
        // The size warning changes no decision: at the end only.
        let sizes = try ReportFixtures.report(Self.market)
        #expect(!sizes.decisionLines().contains { $0.contains("market_sizes_disagree") })
    }

    @Test func keyNumbersWithARangeHaveTheirColumn() throws {
        let text = "scenario:\n  trials: 1000\n" + ReportFixtures.lamp() + ReportFixtures.market(obtainable: "1% to 4%")
        let summary = try ReportFixtures.report(text, monteCarlo: true).summary()
        #expect(ReportReading.row(summary, "Number") == ["Number", "Plan", "P10–P90"])
        // The base case takes the median of 1% to 4%, √(1% × 4%) = 2%: 1,000,000 × 10% (`ReportFixtures.market`) × 2% = 2,000.
        #expect(ReportReading.row(summary, "SOM within 12 months")?.prefix(2) == ["SOM within 12 months", "2,000 units"])
        // The margin does not move with the market: no range.
        #expect(ReportReading.row(summary, "Unit margin") == ["Unit margin", "¥300 (75%)", "—"])
        #expect(summary.contains("P10–P90 is the middle 80% of the simulated launches"))
    }

    @Test func inputsAndFooter() throws {
        let scenario = try decode(Self.market)
        let report = MarkdownReport(Planner.plan(scenario, overrides: ["product.price=400"], simulation: nil))
        let inputs = report.inputsSection()
        // Each input with the line of t.txt it is on, defaults said as such.
        #expect(ReportReading.row(inputs, "`product.price`") == ["`product.price`", "`400`", "t.txt:5"])
        #expect(ReportReading.row(inputs, "`market.horizon`") == ["`market.horizon`", "`6 months`", "t.txt:14"])
        #expect(ReportReading.row(inputs, "`product.salvage`") == ["`product.salvage`", "`0`", "default"])
        #expect(inputs.contains("Overrides: `product.price=400`"))
        // The summary counts the table's rows.
        let count = ReportReading.rows(inputs, after: "</summary>").count
        #expect(count > 10)
        #expect(inputs.contains("<summary>Every input and the line it came from (\(count))</summary>"))
        #expect(try !ReportFixtures.report(Self.market).inputsSection().contains("Overrides:"))
        let footer = report.footer()
        #expect(footer.hasPrefix("---\n\nGenerated by gtm \(GTM.version) · inputs sha256:"))
        #expect(footer.hasSuffix("· seed 1. Do not edit by hand: change the scenario and run `gtm plan` again."))
        let chinese = try ReportFixtures.report(Self.market, sets: ["scenario.language=zh", "scenario.seed=7"]).render()
        #expect(chinese.hasSuffix("· 种子7。请勿手工编辑：修改场景文件后重新运行 `gtm plan`。\n"))
        #expect(chinese.contains("## 使用的输入"))
    }
}
