/// List sends in the report (EmailReport.swift): the decision line and each send's funnel, buyers and cost.
import Testing
@testable import GTMKit

@Suite struct EmailReportTests {
    /// A launch-day send (15 March 2027, `ReportFixtures.lamp()`) with its own rates and price, and a teaser a week earlier on
    /// the default rates.
    static let sends = ReportFixtures.lamp() + """
    email:
      - name: Launch newsletter
        list: 20k
        date: 2027-03-15
        open_rate: 25%
        click_rate: 10%
        conversion: 5%
        cost_per_send: 0.01
      - name: Teaser
        list: 10k
        date: 2027-03-08

    """

    static func parts(_ report: MarkdownReport) throws -> (decision: String, section: String) {
        let email = try #require(report.plan.email)
        return (email.decision(report), email.markdown(report))
    }

    @Test func eachSendsFunnelByHand() throws {
        let section = try Self.parts(try ReportFixtures.report(Self.sends)).section
        #expect(section.hasPrefix("## List sends (email, SMS, 私域)\n\nEach send's buyers are its recipients × open rate × click rate"))
        #expect(ReportReading.row(section, "Send") == ["Send", "Date", "Recipients", "Open", "Click", "Conversion", "Buyers", "Cost"])
        // 20,000 × 25% × 10% × 5% = 25 buyers; 20,000 × ¥0.01 = ¥200.
        #expect(ReportReading.row(section, "Launch newsletter") == ["Launch newsletter", "2027-03-15", "20,000", "25%", "10%", "5%", "25", "¥200"])
        // The campaign-email defaults: 10,000 × 25.1% × 6% × 5% = 7.53 buyers, sent free.
        #expect(ReportReading.row(section, "Teaser") == ["Teaser", "2027-03-08", "10,000", "25.1%", "6%", "5%", "7.53", "¥0"])
        // 30,000 recipients; 25 + 7.53 = 32.53 → 33 buyers; ¥200.
        #expect(ReportReading.row(section, "**Total**") == ["**Total**", "", "30,000", "", "", "", "**33**", "**¥200**"])
    }

    @Test func theDecisionLine() throws {
        let report = try ReportFixtures.report(Self.sends)
        let decision = try Self.parts(report).decision
        // From the earlier send's date; 20,000 + 10,000 recipients.
        #expect(decision == "**List sends:** 2 sends from 8 March 2027 to 30,000 recipients in all, bringing about 33 buyers (¥200).")
        #expect(report.decisionLines().contains(decision))
        let one = try ReportFixtures.report(minimal + """
            email:
              - name: SMS
                list: 4000
                date: 2027-03-20
                open_rate: 90%
                click_rate: 10%
                conversion: 5%
                cost_per_send: 0.05

            """)
        // 4,000 × 90% × 10% × 5% = 18 buyers; 4,000 × ¥0.05 = ¥200.
        #expect(try Self.parts(one).decision == "**List sends:** 1 send from 20 March 2027 to 4,000 recipients in all, bringing about 18 buyers (¥200).")
    }

    @Test func chineseDecisionAndTable() throws {
        let (decision, section) = try Self.parts(try ReportFixtures.report(Self.sends, sets: ["scenario.language=zh"]))
        // 30,000 = 3万; no space between Chinese and the numbers.
        #expect(decision == "**群发**：自2027年3月8日起共2次，合计30,000位收件人，预计带来约33位买家（¥200）。")
        #expect(section.hasPrefix("## 私域/社群/邮件/短信群发\n\n每次群发的买家 = 收件人 × 打开率 × 点击率（打开者中）× 转化率（点击者中）"))
        #expect(section.contains("（Omnisend 2023：打开25.1%，打开后点击6%，点击者中二十分之一购买）"))
        #expect(ReportReading.row(section, "群发") == ["群发", "日期", "收件人", "打开率", "点击率", "转化率", "买家", "成本"])
        #expect(ReportReading.row(section, "Launch newsletter") == ["Launch newsletter", "2027-03-15", "20,000", "25%", "10%", "5%", "25", "¥200"])
        #expect(ReportReading.row(section, "**合计**") == ["**合计**", "", "30,000", "", "", "", "**33**", "**¥200**"])
    }

    @Test func noSendsNoSection() throws {
        let report = try ReportFixtures.report(minimal)
        #expect(report.plan.email == nil)
        #expect(!report.render().contains("## List sends"))
        #expect(!report.decisionLines().contains { $0.hasPrefix("**List sends:**") })
    }
}
