/// Paid media in the report (AdsReport.swift): the decision line, and each flight's budget, price, impressions, clicks and buyers.
import Testing
@testable import GTMKit

@Suite struct AdsReportTests {
    /// A CPM flight ending at launch (15 March 2027, `ReportFixtures.lamp()`), and a CPC flight from launch.
    static let flights = ReportFixtures.lamp() + """
    ads:
      - name: Douyin push
        platform: douyin_qianchuan
        budget: 10k
        cpm: 20
        click_rate: 2%
        conversion: 3%
      - name: Search
        budget: 6000
        start: 2027-03-15
        duration: 4 weeks
        cpc: 2
        click_rate: 2%
        conversion: 5%

    """

    static func section(_ report: MarkdownReport) throws -> String {
        report.adsSection(try #require(report.plan.ads).flights)
    }

    @Test func eachFlightByHand() throws {
        let section = try Self.section(try ReportFixtures.report(Self.flights))
        #expect(section.hasPrefix("## Paid media\n\nEach flight's budget buys impressions at its CPM (or clicks at its CPC)"))
        #expect(ReportReading.row(section, "Flight")
                == ["Flight", "Platform", "Runs", "Budget", "Price", "Impressions", "Clicks", "Buyers", "Per buyer", "ROAS"])
        // ¥10,000 ÷ ¥20 × 1,000 = 500,000 impressions; × 2% = 10,000 clicks; × 3% = 300 buyers at its rates. Two weeks by default,
        // ending the day before launch (1 to 14 March): the reference is 50 × 2 = 100 buyers, so 100 × 3^0.72 = 220.56 buyers
        // (python: 100 * exp(0.72 * log(3))), ¥45.34 each; ROAS 220.56 × ¥399 ÷ 10,000 = 8.8.
        #expect(ReportReading.row(section, "Douyin push")
                == ["Douyin push", "Douyin Qianchuan (巨量千川)", "2027-03-01 – 2027-03-14", "¥10,000", "CPM ¥20", "500,000", "10,000", "221",
                    "¥45.34", "8.8×"])
        // ¥6,000 ÷ ¥2 = 3,000 clicks; ÷ 2% = 150,000 impressions; × 5% = 150 at its rates; 28 days from launch (to 11 April), so
        // the reference is 200: below it the rates hold, 150 buyers, ¥40 each; ROAS 150 × ¥400 ÷ 6,000 = 10.0.
        #expect(ReportReading.row(section, "Search")
                == ["Search", "other", "2027-03-15 – 2027-04-11", "¥6,000", "CPC ¥2", "150,000", "3,000", "150", "¥40", "10.0×"])
        // 10,000 + 6,000; 500,000 + 150,000; 10,000 + 3,000; 220.56 + 150 = 370.56, ¥43.18 each, ROAS 370.56 × 400 ÷ 16,000 = 9.26.
        #expect(ReportReading.row(section, "**Total**")
                == ["**Total**", "", "", "**¥16,000**", "", "650,000", "13,000", "**371**", "¥43.18", "9.3×"])
    }

    @Test func theDecisionLine() throws {
        let report = try ReportFixtures.report(Self.flights)
        let line = report.adsDecision(try #require(report.plan.ads).flights)
        // The earliest start is the CPM flight's, 14 days before launch.
        #expect(line == "**Ads:** ¥16,000 over 2 flights from 1 March 2027, bringing about 371 buyers.")
        #expect(report.decisionLines().contains(line))
        // One flight: singular.
        let one = try ReportFixtures.report(minimal + """
            ads:
              - name: Launch
                budget: 2000
                start: 2027-03-10
                cpc: 4
                click_rate: 5%
                conversion: 10%

            """)
        // 2,000 ÷ 4 = 500 clicks × 10% = 50 at its rates, below the 2-week reference of 100: the rates hold, 50 buyers.
        #expect(one.adsDecision(try #require(one.plan.ads).flights) == "**Ads:** ¥2,000 over 1 flight from 10 March 2027, bringing about 50 buyers.")
    }

    @Test func aPlatformsDefaultRates() throws {
        let report = try ReportFixtures.report(minimal + """
            ads:
              - name: Qianchuan
                platform: douyin_qianchuan
                budget: 9000

            """)
        // 巨量千川's defaults: CPM ¥30, click rate 3%, conversion 2%. 9,000 ÷ 30 × 1,000 = 300,000 impressions;
        // × 3% = 9,000 clicks; × 2% = 180 at the rates; 100 × 1.8^0.72 = 152.68 buyers, ¥58.94 each, ROAS 6.8.
        #expect(ReportReading.row(try Self.section(report), "Qianchuan")
                == ["Qianchuan", "Douyin Qianchuan (巨量千川)", "2027-03-01 – 2027-03-14", "¥9,000", "CPM ¥30", "300,000", "9,000", "153",
                    "¥58.94", "6.8×"])
    }

    @Test func chineseDecisionAndTable() throws {
        let report = try ReportFixtures.report(Self.flights, sets: ["scenario.language=zh"])
        // Money to spend in full digits; no space between Chinese and numbers or dates.
        #expect(report.adsDecision(try #require(report.plan.ads).flights)
                == "**广告**：¥1.6万，共2次投放，自2027年3月1日起，预计带来约371位买家。")
        let section = try Self.section(report)
        #expect(section.hasPrefix("## 广告投放\n\n每次投放的预算按 CPM 购买曝光（或按 CPC 购买点击）"))
        // In the table, 万: ¥10,000 = ¥1万, 500,000 = 50万, 10,000 = 1万; ¥16,000 = ¥1.6万, 650,000 = 65万, 13,000 = 1.3万.
        #expect(ReportReading.row(section, "Douyin push")
                == ["Douyin push", "巨量千川", "2027-03-01 – 2027-03-14", "¥1万", "CPM ¥20", "500,000", "10,000", "221", "¥45.34", "8.8倍"])
        #expect(ReportReading.row(section, "**合计**") == ["**合计**", "", "", "**¥1.6万**", "", "650,000", "13,000", "**371**", "¥43.18", "9.3倍"])
    }

    @Test func noAdsNoSection() throws {
        let report = try ReportFixtures.report(minimal)
        #expect(report.plan.ads == nil)
        #expect(!report.render().contains("## Paid media"))
        #expect(!report.decisionLines().contains { $0.hasPrefix("**Ads:**") })
    }
}
