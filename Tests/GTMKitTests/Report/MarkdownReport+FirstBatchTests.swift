/// The first batch (MarkdownReport+FirstBatch.swift): the newsvendor decision in one paragraph, its numbers, and the reorders.
import Testing
@testable import GTMKit

@Suite struct MarkdownFirstBatchTests {
    /// Your forecast of 1,000 ± 200 for the 8 weeks of lead time; cartons of 10. Price 400, cost 100, no salvage:
    /// Cu = 300, Co = 100, critical ratio 300 ÷ 400 = 75%, z = Φ⁻¹(0.75) = 0.67449; Q* = 1,000 + 0.67449 × 200 = 1,134.9,
    /// ⌈Q*⌉ = 1,135, to cartons: 1,140. At the order, z = (1,140 − 1,000) ÷ 200 = 0.7: L(0.7) = φ(0.7) − 0.7 × (1 − Φ(0.7))
    /// = 0.312254 − 0.7 × 0.241964 = 0.142879, lost sales 200 × 0.142879 = 28.58; sales 1,000 − 28.58 = 971.42 (the tail
    /// below zero, 5σ away, adds nothing); leftover 1,140 − 971.42 = 168.58; fill rate 97.14%; in stock Φ(0.7) = 75.8%.
    /// Price and cost from `ReportFixtures.lamp()`, launched on 15 March 2027.
    static let forecast = ReportFixtures.lamp() + """
    inventory:
      lead_time: 8 weeks
      forecast: 1000
      forecast_sd: 200
      case_pack: 10
      moq: 500

    """

    /// A first batch from a flat forecast of 280 over its 4 weeks, 10 a day, stocked at the median (z = 0), and its reorders:
    /// a lamp at ¥400 costing ¥100 launched on 15 March 2027 (`ReportFixtures.lamp()`).
    static let reorders = ReportFixtures.lamp() + """
    inventory:
      lead_time: 4 weeks
      forecast: 280
      coverage: 4 weeks
      service_level: 50%

    """

    static func report(_ text: String, sets: [String] = []) throws -> (report: MarkdownReport, batch: FirstBatch) {
        try ReportFixtures.report(text, sets: sets, part: \.firstBatch)
    }

    @Test func theNewsvendorByHand() throws {
        let (report, batch) = try Self.report(Self.forecast)
        let section = report.firstBatchSection(batch)
        // Placed 56 days before 15 March; 1,140 × ¥100 = ¥114,000; 168.58 × ¥100 = ¥16,858 left over at cost.
        #expect(section.hasPrefix("""
            ## First batch\n\nOrder **1,140 units** by **18 January 2027**, 8 weeks before launch; they tie up ¥114,000. Your forecast \
            for the first 8 weeks is 1,000 units, give or take 200. A missed sale costs ¥300 of margin and an unsold unit costs ¥100 \
            (cost less what it fetches at clearance), so it pays to stock above the average: enough to cover demand 75% of the time. \
            That is 1,135 units; cartons of 10 make it 1,140. On average, about 169 units are left when the window ends (¥16,858 at \
            cost) and about 29 sales are missed; the order serves 97.1% of demand and does not run out 75.8% of the time.\n\n
            """))
        let expected: [(String, String)] = [
            ("Demand in the first 8 weeks (mean ± sd)", "1,000 ± 200"), ("Cost of a missed sale (price − cost)", "¥300"),
            ("Cost of an unsold unit (cost − salvage)", "¥100"), ("Critical ratio", "75%"), ("z = Φ⁻¹(ratio), exact", "0.6745"),
            ("Newsvendor quantity μ + zσ", "1,134.9"), ("MOQ / case pack", "500 / 10"), ("**First batch**", "**1,140**"),
            ("Last day to place the order", "2027-01-18"), ("First batch in the warehouse", "2027-03-15"),
            // 30% of ¥114,000.
            ("Cash tied up (units × cost)", "¥114,000"), ("Deposit paid with the purchase order", "¥34,200"),
            ("Expected sales in the window", "971"), ("Expected lost sales", "29"), ("Expected leftover", "169"),
            ("Fill rate (sales ÷ demand)", "97.1%"), ("In-stock probability (cycle service level)", "75.8%"),
            // Daily σ = 200 ÷ √56 over a 56-day lead time: SS = 0.67449 × 200 = 134.9. At 1,000 ÷ 56 = 17.857 a day the 1,140
            // units fall to 1,140 − 57 × 17.857 = 122.1 ≤ SS at the end of day 56: the reorder lands on day 57, so it is placed on
            // day 1, when the stock is 1,140 − 17.857 = 1,122.1.
            ("Reorder: safety stock / stock position when the first is placed", "135 / 1,122"),
        ]
        for (label, value) in expected { #expect(ReportReading.row(section, label) == [label, value]) }
        // Without backers, samples or a service level, none of their rows.
        #expect(ReportReading.row(section, "Units owed to backers") == nil)
        #expect(ReportReading.row(section, "Service level (given)") == nil)
        #expect(report.decisionLines().first == "**First batch:** order 1,140 units by 18 January 2027 (¥114,000 at cost).")
    }

    @Test func termsThatRaiseTheOrderAndAPriceBelowCost() throws {
        // 1,135 → MOQ 2,000 → cartons of 30: 67 × 30 = 2,010.
        let (raised, raisedBatch) = try Self.report(Self.forecast, sets: ["inventory.moq=2000", "inventory.case_pack=30"])
        #expect(raised.firstBatchStory(raisedBatch).contains("That is 1,135 units; the minimum order of 2,000 and cartons of 30 make it 2,010."))
        #expect(ReportReading.row(raised.firstBatchSection(raisedBatch), "MOQ / case pack") == ["MOQ / case pack", "2,000 / 30"])
        // Sold at 90 against a cost of 100: nothing for retail.
        let (loss, lossBatch) = try Self.report(Self.forecast, sets: ["product.price=90"])
        let story = loss.firstBatchStory(lossBatch)
        #expect(story.hasPrefix("Order **nothing**: no unit is worth stocking on these numbers."))
        #expect(story.contains("Every Lamp sells for less than it costs, so stocking for retail only adds to the loss."))
        // No outcome of an order never placed: the forecast's 1,000 units all go unserved.
        #expect(story.hasSuffix("Every sale in the window, about 1,000 units, goes unserved."))
        #expect(!story.contains("does not run out"))
        #expect(!story.contains("A missed sale costs"))
        // Cu = 90 − 100 = −¥10.
        #expect(ReportReading.row(loss.firstBatchSection(lossBatch), "Cost of a missed sale (price − cost)")
                == ["Cost of a missed sale (price − cost)", "−¥10"])
    }

    @Test func theCurveAndAServiceLevel() throws {
        let text = ReportFixtures.halvingSOM + """
            inventory:
              lead_time: 2 weeks
              service_level: 90%

            """
        let (report, batch) = try Self.report(text)
        let section = report.firstBatchSection(batch)
        // A SOM of 1,000 halving weekly (`ReportFixtures.halvingSOM`): 500 + 250 = 750 in the first 2 weeks, ± 30% = 225. At
        // 90%, z = 1.28155: 750 + 1.28155 × 225 = 1,038.3 → 1,039, placed 14 days before 16 March. At the order, z = 289 ÷ 225
        // = 1.2844: lost sales 225 × L(1.2844) = 225 × (0.17509 − 1.2844 × 0.09948) = 10.65; fill rate (750 − 10.65) ÷ 750 = 98.6%.
        #expect(section.contains("""
            Order **1,039 units** by **2 March 2026**, 2 weeks before launch; they tie up ¥103,900. In the first 2 weeks after launch \
            the sales curve expects about 750 units, give or take 225 (one standard deviation). You asked for a 90% chance of not \
            running out, so the order stocks for that.
            """))
        // In stock: Φ((1,039 − 750) ÷ 225) = Φ(1.2844) = 0.90052 → 90.1% (the order is rounded up past μ + zσ = 1,038.3).
        #expect(section.contains("about 11 sales are missed; the order serves 98.6% of demand and does not run out 90.1% of the time."))
        #expect(ReportReading.row(section, "Service level (given)") == ["Service level (given)", "90%"])
        #expect(ReportReading.row(section, "z = Φ⁻¹(ratio), exact") == ["z = Φ⁻¹(ratio), exact", "1.2816"])
        #expect(ReportReading.row(section, "Critical ratio") == nil)
    }

    @Test func theReordersTable() throws {
        let (report, batch) = try Self.report(Self.reorders)
        let section = report.firstBatchSection(batch)
        // z = 0: Q* = μ = 280. Lost sales σ·φ(0) less the tail below zero: 84 × 0.398942 − 84 × L(3.333) = 33.5112 − 0.0094 =
        // 33.50 → 34; leftover 280 − (280 − 33.50) = 33.50 → 34, ¥3,350.17 at cost; in stock Φ(0) = 50%.
        #expect(section.contains("about 34 units are left when the window ends (¥3,350.17 at cost) and about 34 sales are missed"))
        // 10 a day, safety stock 0: the 280 run out at the end of day 27, so the first reorder lands on day 28 and goes out on
        // launch day (28 days' lead), when the stock position is 280; each lands with 0 on hand as the last runs out and serves
        // the 28 days until the next, 280; the 13th serves the 2 days left (20 units, the demand left).
        let label = "Reorder: safety stock / stock position when the first is placed"
        #expect(ReportReading.row(section, label) == [label, "0 / 280"])
        #expect(ReportReading.row(section, "**Reorder**") == ["**Reorder**", "**280 units by 2027-03-15**"])
        #expect(ReportReading.row(section, "Reorder in the warehouse") == ["Reorder in the warehouse", "2027-04-12"])
        #expect(ReportReading.row(section, "Stock runs out without a reorder") == ["Stock runs out without a reorder", "2027-04-12"])
        let orders = ReportReading.rows(section, after: "| Reorder  ")
        #expect(orders.count == 13)
        #expect(orders.first == ["`inventory.reorder`", "2027-03-15", "280", "2027-04-12", "0", "0", "2027-04-12", "280"])
        #expect(orders.dropFirst().first == ["`inventory.reorder.2`", "2027-04-12", "280", "2027-05-10", "0", "0", "2027-05-10", "280"])
        // 15 March 2027 + 12 × 28 days = 14 February 2028.
        #expect(orders.last == ["`inventory.reorder.13`", "2028-02-14", "20", "2028-03-13", "0", "0", "2028-03-13",
                               "20 (the demand left)"])
        #expect(section.contains("**The rule:** each reorder is placed 4 weeks (the lead time) before the day the median case's projected stock"))
    }

    @Test func chineseStoryAndTable() throws {
        let (report, batch) = try Self.report(Self.forecast, sets: ["scenario.language=zh"])
        let section = report.firstBatchSection(batch)
        #expect(section.hasPrefix("## 首批生产\n\n"))
        // The units to order and the money they tie up in full digits; ¥16,858 = ¥1.69万.
        #expect(section.contains("""
            （上市前8周），占用资金¥11.4万。您对首8周的预测为1,000件，上下浮动约200件。少卖一件损失毛利¥300，多备一件损失¥100（成本减清仓残值），\
            因此备货应高于平均需求：覆盖75%的需求情形。即1,135件；因每箱10件调整为1,140件。平均而言，覆盖期结束时约剩169件（按成本计¥1.69万），约少卖29件；\
            满足97.1%的需求，75.8%的情况下不会断货。
            """))
        #expect(ReportReading.row(section, "首8周需求（均值 ± 标准差）") == ["首8周需求（均值 ± 标准差）", "1,000 ± 200"])
        #expect(ReportReading.row(section, "**首批数量**") == ["**首批数量**", "**1,140**"])
        #expect(ReportReading.row(section, "最小起订量 / 箱规") == ["最小起订量 / 箱规", "500 / 10"])
        // ¥34,200 = ¥3.42万.
        #expect(ReportReading.row(section, "下单时支付的订金") == ["下单时支付的订金", "¥3.42万"])
        #expect(report.decisionLines().first == "**首批**：在2027年1月18日前下单1,140件（成本¥11.4万）。")
    }

    @Test func noInventoryNoSection() throws {
        let report = try ReportFixtures.report(minimal)
        #expect(report.plan.firstBatch == nil)
        #expect(!report.render().contains("## First batch"))
        #expect(!report.decisionLines().contains { $0.hasPrefix("**First batch:**") || $0.hasPrefix("**Reorder:**") })
        #expect(!report.summary().contains("Demand in the first"))
    }
}
