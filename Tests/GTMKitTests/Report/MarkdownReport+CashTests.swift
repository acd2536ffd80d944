/// The cash flow (MarkdownReport+Cash.swift): the money to raise and when, every payment and receipt, the balance week by week.
import Testing
@testable import GTMKit

@Suite struct MarkdownCashTests {
    /// A first batch of 5,000 (the MOQ) at ¥100 ordered 8 weeks before a Monday launch, selling 10 a day at ¥400
    /// (a forecast of 70 a week); the batch outlasts the horizon, so nothing is reordered (`ReportFixtures.lamp()` and
    /// `ReportFixtures.batchOf5000`). ¥100,000 on hand.
    static let batch = ReportFixtures.lamp() + ReportFixtures.batchOf5000 + """
    cash:
      on_hand: 100k

    """

    @Test func theDecisionByHand() throws {
        let report = try ReportFixtures.report(Self.batch)
        // The order goes out 15 March − 56 days = 18 January: 30% of 5,000 × ¥100 = ¥150,000; the ¥350,000 balance on launch
        // day, when the batch lands (no freight time). Launch week pays it before its receipts: the shortfall peaks at ¥500,000.
        // ¥100,000 on hand, so raise ¥400,000; the deposit already takes it ¥50,000 below zero in the week of 18 January.
        // Sales bring 10 × ¥400 = ¥28,000 a week from launch week: −500,000 + 28,000 × k ≥ 0 from k = 18, the week of
        // 15 March + 17 × 7 days = 12 July.
        #expect(report.cashDecision() == """
            **Cash:** you need **¥500,000** by 15 March 2027, the week the cumulative shortfall peaks, a week's payments counted before \
            its receipts; payments start in the week of 18 January 2027. With ¥100,000 on hand, raise **¥400,000**: the cash on hand \
            runs out in the week of 18 January 2027, so the first of it is due then. After launch, by the week of 12 July 2027, the \
            launch has brought in what it paid out.
            """)
        #expect(report.decisionLines().contains(try #require(report.cashDecision())))
        // Enough on hand: nothing to raise.
        let covered = try ReportFixtures.report(Self.batch, sets: ["cash.on_hand=600k"])
        #expect(try #require(covered.cashDecision()).contains("; payments start in the week of 18 January 2027. The ¥600,000 on hand covers it. After launch"))
    }

    @Test func measuresLedgerAndNotes() throws {
        let report = try ReportFixtures.report(Self.batch)
        let section = report.cashSection(try #require(report.plan.cash))
        // The horizon: 15 March 2027 + 12 months − 1 day.
        #expect(section.contains("""
            summed by week (weeks start on Mondays, the launch's weekday) from the first payment, in the week of 2027-01-18, to the end \
            of the horizon on 2028-03-14. The balance is the cash on hand (¥100,000, `cash.on_hand`)
            """))
        #expect(ReportReading.row(section, "Peak funding need") == ["Peak funding need", "¥500,000"])
        #expect(ReportReading.row(section, "Peak need reached (week of)") == ["Peak need reached (week of)", "2027-03-15"])
        #expect(ReportReading.row(section, "Funding gap beyond cash on hand") == ["Funding gap beyond cash on hand", "¥400,000"])
        #expect(ReportReading.row(section, "The launch has earned back its cash (week of)")
                == ["The launch has earned back its cash (week of)", "2027-07-12"])
        // 366 selling days (2028 is a leap year) × 10 = 3,660 units, × ¥400 = ¥1,464,000 received;
        // 100,000 − 500,000 + 1,464,000 = ¥1,064,000 at the end.
        #expect(ReportReading.row(section, "Cash at the end of the horizon") == ["Cash at the end of the horizon", "¥1,064,000"])
        #expect(ReportReading.row(section, "Retail units sold within the horizon, stock allowing")
                == ["Retail units sold within the horizon, stock allowing", "3,660"])
        #expect(section.contains("\n\n### What is paid and received\n\n"))
        #expect(ReportReading.row(section, "First batch: deposit") == ["First batch: deposit", "2027-01-18", "¥150,000", ""])
        #expect(ReportReading.row(section, "First batch: balance (goods leave the factory)")
                == ["First batch: balance (goods leave the factory)", "2027-03-15", "¥350,000", ""])
        // Received each week from launch week to the last (partial) one, which starts on 13 March 2028.
        #expect(ReportReading.row(section, "Retail sales received (after fees and returns)")
                == ["Retail sales received (after fees and returns)", "2027-03-15 – 2028-03-13", "", "¥1,464,000"])
        #expect(ReportReading.row(section, "**Total**") == ["**Total**", "", "**¥500,000**", "**¥1,464,000**"])
        #expect(section.contains("""
            Purchase orders pay 30% when placed and the rest when the goods leave the factory (`inventory.freight` = 0 days before they \
            arrive). Unsold stock at the horizon's end is not counted as cash.
            """))
        #expect(!section.contains("Without an inventory section"))
    }

    @Test func weekByWeekAndTheChart() throws {
        let report = try ReportFixtures.report(Self.batch)
        let section = report.cashSection(try #require(report.plan.cash))
        // 18 January 2027 to 14 March 2028 is 421 days: weeks 0…60, so 61 weeks.
        #expect(section.contains("<summary>Week by week (61 weeks)</summary>"))
        // 100,000 − 150,000 = −50,000; launch week: −50,000 − 350,000 + 28,000 = −372,000; the next: + 28,000.
        #expect(ReportReading.row(section, "2027-01-18") == ["2027-01-18", "", "¥150,000", "−¥50,000"])
        #expect(ReportReading.row(section, "2027-03-15") == ["2027-03-15", "¥28,000", "¥350,000", "−¥372,000"])
        #expect(ReportReading.row(section, "2027-03-22") == ["2027-03-22", "¥28,000", "", "−¥344,000"])
        // The axis runs to round numbers past the lowest (−372,000 → −500,000) and highest (1,064,000 → 2,000,000)
        // balance, in millions (the largest balance is past 1,000,000): −1 to 2 (the round ceiling of 0.372 is 1), each week's −50,000 as −0.05.
        #expect(section.contains("    x-axis \"Week (week 1 starts 2027-01-18)\" 1 --> 61\n    y-axis \"CNY million\" -1 --> 2\n"))
        #expect(section.contains("    line [-0.05, -0.05, "))
    }

    @Test func aShortfallTheSameWeekCloses() throws {
        // No inventory: the two list sends of `EmailReportTests.sends`, whose buyers all come in launch week.
        // 20,000 × 25% × 10% × 5% = 25 and 10,000 × 25.1% × 6% × 5% = 7.53 buyers, all in launch week (the teaser's on
        // launch day, the newsletter's within 3.5 days), bought as they sell (32.53 × ¥100 = ¥3,253)
        // with the ¥200 send; their ¥400 each (¥13,012) comes in the same week, after the payments.
        let report = try ReportFixtures.report(EmailReportTests.sends)
        #expect(report.cashDecision() == """
            **Cash:** you need **¥3,453** by 15 March 2027, the week the cumulative shortfall peaks, a week's payments counted before \
            its receipts; payments start in the week of 15 March 2027. The same week's receipts close it by the week's end, so it \
            lasts days: a short bridge, or moving that payment after the receipt, may do instead. After launch, by the week of 15 \
            March 2027, the launch has brought in what it paid out.
            """)
        let section = report.cashSection(try #require(report.plan.cash))
        #expect(ReportReading.row(section, "Units sold (bought as they sell)")?[2] == "¥3,253")
        #expect(ReportReading.row(section, "List sends (email, SMS, 私域)") == ["List sends (email, SMS, 私域)", "2027-03-15", "¥200", ""])
        #expect(ReportReading.row(section, "**Total**") == ["**Total**", "", "**¥3,453**", "**¥13,012**"])
        #expect(section.contains("Without an inventory section, units are paid for as they sell."))
        #expect(!section.contains("Purchase orders pay"))
    }

    @Test func chineseDecisionAndTables() throws {
        let report = try ReportFixtures.report(Self.batch, sets: ["scenario.language=zh"])
        // The money to raise in full digits, dates in Chinese, no space between them and the text.
        #expect(report.cashDecision() == """
            **资金**：在2027年3月15日前需要 **¥50万**，即累计资金缺口最大的那一周（每周先计付款、后计收款）；付款自2027年1月18日当周开始。\
            现有¥10万，需再筹 **¥40万**：现有资金在2027年1月18日当周用尽，届时即需第一笔。至2027年7月12日当周，上市收回的现金已抵过全部支出\
            （累计净现金流回正）。
            """)
        let section = report.cashSection(try #require(report.plan.cash))
        #expect(section.hasPrefix("## 现金流\n\n计划涉及的每笔付款与收款，按计划自身的日期逐周汇总（每周从周一开始，即上市日的星期）"))
        // In tables, 万: ¥1,064,000 = ¥106.4万, ¥150,000 = ¥15万.
        #expect(ReportReading.row(section, "计划期结束时的现金") == ["计划期结束时的现金", "¥106.4万"])
        #expect(ReportReading.row(section, "首批：订金") == ["首批：订金", "2027-01-18", "¥15万", ""])
        #expect(ReportReading.row(section, "**合计**") == ["**合计**", "", "**¥50万**", "**¥146.4万**"])
        #expect(section.contains("采购单下单时付30%，其余在出厂时支付（`inventory.freight` = 到货前0天）。计划期结束时的未售库存不计为现金。"))
        #expect(section.contains("<summary>逐周明细（61周）</summary>"))
    }

    @Test func nothingToPayNoCashSection() throws {
        let report = try ReportFixtures.report(minimal)
        #expect(report.plan.cash == nil)
        #expect(report.cashDecision() == nil)
        #expect(!report.render().contains("## Cash over time"))
        #expect(!report.summary().contains("Peak funding need"))
    }
}
