/// Unit economics (MarkdownReport+Economics.swift): margin, break-even, the cost ceiling, and what each sales channel leaves of a sale.
import Testing
@testable import GTMKit

@Suite struct MarkdownEconomicsTests {
    /// A lamp at ¥400 costing ¥100 (`ReportFixtures.lamp()`) with fixed costs and a target margin; no channels, one ad flight
    /// (the marketing).
    static let perUnit = ReportFixtures.lamp(with: ["fixed_costs: 30k", "target_margin: 60%"]) + """
    ads:
      - name: Douyin push
        budget: 6000
        cpm: 20
        click_rate: 2%
        conversion: 3%

    """

    /// A Tmall store on its platform's default terms and an own shop on given terms, over a market of 1,000 units
    /// (`ReportFixtures.market()`) for a lamp at ¥400 costing ¥100 (`ReportFixtures.lamp()`); `cash` makes the plan count
    /// the units sold.
    static let channels = ReportFixtures.lamp() + ReportFixtures.market() + """
    demand:
      p: 0.03
    cash:
      on_hand: 0
    channels:
      - name: Tmall flagship
        reach: 30k
        conversion: 1%
      - name: Own shop
        reach: 10k
        conversion: 1%
        fee: 10%
        fulfillment: 20
        returns: 0%
        settlement: 7 days

    """

    static func section(_ text: String, sets: [String] = []) throws -> String {
        try ReportFixtures.report(text, sets: sets).economicsSection()
    }

    @Test func perUnitTableByHand() throws {
        let section = try Self.section(Self.perUnit)
        #expect(section.hasPrefix("## Unit economics\n\n| Per unit "))
        #expect(ReportReading.row(section, "List price") == ["List price", "¥400"])
        #expect(ReportReading.row(section, "Unit cost") == ["Unit cost", "¥100"])
        // 400 − 100 = ¥300, ÷ 400 = 75%.
        #expect(ReportReading.row(section, "Unit margin") == ["Unit margin", "¥300"])
        #expect(ReportReading.row(section, "Gross margin") == ["Gross margin", "75%"])
        #expect(ReportReading.row(section, "Fixed launch costs") == ["Fixed launch costs", "¥30,000"])
        #expect(ReportReading.row(section, "Marketing spend in this plan") == ["Marketing spend in this plan", "¥6,000"])
        // (30,000 fixed + 6,000 ads) ÷ ¥300 a unit = 120 units.
        #expect(ReportReading.row(section, "Break-even (units, on contribution)") == ["Break-even (units, on contribution)", "120"])
        // 400 × (1 − 60%) = ¥160; 160 − 100 = ¥60 of room.
        #expect(ReportReading.row(section, "Target gross margin") == ["Target gross margin", "60%"])
        #expect(ReportReading.row(section, "Highest unit cost that keeps it") == ["Highest unit cost that keeps it", "¥160"])
        #expect(section.contains("\n\nThe unit cost is ¥60 under the ceiling that keeps the target margin.\n\n"))
        #expect(section.hasSuffix("Break-even counts the units whose contribution pays back the fixed launch costs, the pilot's extra units and the "
                                  + "marketing."))
        // Without sales channels the contribution is the unit margin: no row and no channel table.
        #expect(ReportReading.row(section, "Contribution per unit") == nil)
        #expect(!section.contains("### Channel economics"))
    }

    @Test func aCostOverTheCeilingAndRowsThatNeedTheirInputs() throws {
        // Ceiling ¥160 against a cost of ¥200: ¥40 over; margin 400 − 200 = ¥200, 50%.
        let over = try Self.section(Self.perUnit, sets: ["product.unit_cost=200"])
        #expect(over.contains("The unit cost is ¥40 over the ceiling that keeps the target margin."))
        #expect(ReportReading.row(over, "Gross margin") == ["Gross margin", "50%"])
        // (30,000 + 6,000) ÷ 200 = 180.
        #expect(ReportReading.row(over, "Break-even (units, on contribution)") == ["Break-even (units, on contribution)", "180"])
        // No target margin, no ads: neither the ceiling rows and sentence nor the marketing row.
        let plain = try Self.section(minimal)
        #expect(ReportReading.row(plain, "Target gross margin") == nil)
        #expect(!plain.contains("ceiling"))
        #expect(ReportReading.row(plain, "Marketing spend in this plan") == nil)
        // 399 − 120 = ¥279, ÷ 399 = 69.92% → 69.9%; nothing to pay back: 0 units.
        #expect(ReportReading.row(plain, "Unit margin") == ["Unit margin", "¥279"])
        #expect(ReportReading.row(plain, "Gross margin") == ["Gross margin", "69.9%"])
        #expect(ReportReading.row(plain, "Break-even (units, on contribution)") == ["Break-even (units, on contribution)", "0"])
    }

    @Test func channelEconomicsByHand() throws {
        let section = try Self.section(Self.channels)
        #expect(section.contains("\n\n### Channel economics\n\n| Channel "))
        #expect(ReportReading.row(section, "Channel") == ["Channel", "Default terms of", "Fee", "Fulfilment / unit", "Returns", "Settlement",
                                                          "Share of sales", "Contribution / unit", "Contribution within the horizon"])
        // Buyers 30,000 × 1% = 300 and 10,000 × 1% = 100: shares 75% and 25%.
        // Tmall's defaults: fee 6%, ¥4, returns 10%, 14 days: 400 × 0.94 × 0.9 − 100 − 4 = ¥234.40.
        // Units sold within the horizon: the market's 1,000 (no inventory caps them): 1,000 × 75% × 234.40 = ¥175,800.
        #expect(ReportReading.row(section, "Tmall flagship") == ["Tmall flagship", "Tmall", "6%", "¥4", "10%", "14 days", "75%", "¥234.40", "¥175,800"])
        // 400 × 0.9 × 1 − 100 − 20 = ¥240; 1,000 × 25% × 240 = ¥60,000.
        #expect(ReportReading.row(section, "Own shop") == ["Own shop", "—", "10%", "¥20", "0%", "7 days", "25%", "¥240", "¥60,000"])
        // The plan's contribution per unit: 75% × 234.40 + 25% × 240 = 175.80 + 60 = ¥235.80.
        #expect(ReportReading.row(section, "Contribution per unit") == ["Contribution per unit", "¥235.80"])
        #expect(section.contains("Sales split by each channel's bottom-up buyers unless `share` is given."))
        #expect(section.contains("Within the horizon: the retail units sold (1,000, stock allowing) × the channel's share × its contribution"))
        #expect(!section.contains("⚠"))
    }

    @Test func chineseChannelTable() throws {
        let section = try Self.section(Self.channels, sets: ["scenario.language=zh"])
        #expect(section.hasPrefix("## 单位经济\n\n"))
        #expect(ReportReading.row(section, "单件边际贡献") == ["单件边际贡献", "¥235.80"])
        // Tmall is 天猫; days as 14天; ¥175,800 = ¥17.58万, ¥60,000 = ¥6万.
        #expect(ReportReading.row(section, "Tmall flagship") == ["Tmall flagship", "天猫", "6%", "¥4", "10%", "14天", "75%", "¥234.40", "¥17.58万"])
        #expect(ReportReading.row(section, "Own shop") == ["Own shop", "—", "10%", "¥20", "0%", "7天", "25%", "¥240", "¥6万"])
        #expect(section.contains("计划期内：零售销量（1,000，受库存限制）× 渠道占比 × 单件边际贡献"))
        // ¥30,000 fixed costs would be ¥3万; here none.
        #expect(ReportReading.row(section, "一次性上市成本") == ["一次性上市成本", "¥0"])
    }

    @Test func aLossPerUnitAndAMissingFulfilment() throws {
        let text = ReportFixtures.lamp(price: "100", cost: "120", with: ["fixed_costs: 5000"]) + """
            channels:
              - name: Amazon US
                reach: 10k
                conversion: 1%

            """
        let section = try Self.section(text)
        // Amazon's $4.60 is not in CNY: ¥0, flagged. 100 × (1 − 15%) × (1 − 10%) − 120 − 0 = 76.50 − 120 = −¥43.50.
        #expect(ReportReading.row(section, "Amazon US") == ["Amazon US", "Amazon", "15%", "¥0 ⚠", "10%", "19 days", "100%", "−¥43.50"])
        #expect(ReportReading.row(section, "Unit margin") == ["Unit margin", "−¥20"])
        #expect(ReportReading.row(section, "Gross margin") == ["Gross margin", "−20%"])
        #expect(ReportReading.row(section, "Break-even (units, on contribution)")
                == ["Break-even (units, on contribution)", "never (no contribution per unit)"])
        #expect(section.contains("⚠ Amazon US: Amazon's default fulfilment is not in CNY, so it counts as 0; give `fulfillment` for this channel."))
        // No cash flow here, so no units sold: no column for the horizon.
        #expect(ReportReading.row(section, "Channel")?.last == "Contribution / unit")
    }
}
