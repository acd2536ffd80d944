import Testing
@testable import GTMKit

@Suite struct MarketModelTests {
    @Test func topDownByHand() {
        // 12M people × 1 a year = 12,000,000 (TAM); × 30% = 3,600,000 (SAM);
        // × 1% × 0.5 years = 18,000 (SOM for a 6-month horizon).
        let size = MarketModel.topDown(population: 12_000_000, purchasesPerYear: 1, serviceable: 0.3,
                                       obtainable: 0.01, years: 0.5)
        #expect(size.tam == 12_000_000)
        #expect(size.sam == 3_600_000)
        #expect(abs(size.som - 18_000) < 1e-9)
    }

    @Test func scenarioSizesAndRevenue() throws {
        let plan = Planner.plan(try decode(minimal + """
        market:
          population: 12M
          purchases_per_year: 2
          serviceable: 30%
          obtainable: 1%
          horizon: 6 months
        channels:
          - name: Tmall
            reach: 2M
            conversion: 0.8%
          - name: Xiaohongshu
            reach: 1.5M
            conversion: 0.5%

        """))
        // TAM 12M × 2 = 24,000,000 units, × ¥399 = ¥9,576,000,000.
        #expect(plan[.tamUnits] == 24_000_000)
        #expect(plan[.tamRevenue] == 9_576_000_000)
        // SOM = 24M × 0.3 × 0.01 × 6/12 = 36,000.
        #expect(abs(plan[.somUnits]! - 36_000) < 1e-6)
        // Bottom-up: 2,000,000 × 0.8% + 1,500,000 × 0.5% = 16,000 + 7,500 = 23,500.
        #expect(abs(plan[.bottomUpUnits]! - 23_500) < 1e-9)
        #expect(plan.channels.map(\.buyers) == [16_000, 7_500])
        // 36,000 / 23,500 = 1.53×: within 2×, no warning.
        #expect(!plan.warnings.contains { $0.code == "market_sizes_disagree" })
    }

    @Test func sizesMoreThanTwiceApartAreWarned() {
        #expect(MarketModel.disagree(som: 50_000, bottomUp: 20_000))
        #expect(!MarketModel.disagree(som: 50_000, bottomUp: 25_000))  // exactly 2×: not more than 2×
        #expect(MarketModel.disagree(som: 50_000, bottomUp: 110_000))  // bottom-up larger: also warned
        #expect(MarketModel.disagree(som: 50_000, bottomUp: 0))
        #expect(!MarketModel.disagree(som: 50_000, bottomUp: nil))
    }

    @Test func channelsAloneGiveTheDemand() throws {
        let plan = Planner.plan(try decode(minimal + "channels:\n  - name: Own store\n    reach: 40k\n    conversion: 2.5%\ndemand:\n"))
        #expect(plan[.somUnits] == nil)
        #expect(plan[.horizonUnits] == 1_000)   // 40,000 × 2.5%
        #expect(plan.demand?.fromTopDown == false)
    }
}
