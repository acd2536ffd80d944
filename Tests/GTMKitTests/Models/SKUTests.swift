import Testing
@testable import GTMKit

/// `product.skus`: a newsvendor per SKU on its share of the window's demand, the order's MOQ shared.
@Suite struct SKUTests {
    /// Two SKUs of a bottle, Blue at 60% and Sand at `b`, launched 15 March 2027.
    static func product(_ b: String, skuMOQ: Int = 0) -> String {
        """
        product:
          name: Bottle
          price: 30
          unit_cost: 10
          skus:
            - name: Blue
              share: 60%
            - name: Sand
              share: \(b)
              moq: \(skuMOQ)
        launch:
          date: 2027-03-15

        """
    }

    /// A forecast of N(1000, 200) at a 90% service level, cartons of 10, an order MOQ.
    func plan(_ b: String, moq: Int, skuMOQ: Int = 0) throws -> Plan {
        Planner.plan(try decode(Self.product(b, skuMOQ: skuMOQ) + """
            inventory:
              lead_time: 4 weeks
              forecast: 1000
              forecast_sd: 200
              service_level: 90%
              moq: \(moq)
              case_pack: 10
            scenario:
              trials: 2000
            """))
    }

    @Test func eachSKUIsANewsvendorOnItsShareAndTheOrderMOQIsShared() throws {
        // By hand, z = Φ⁻¹(0.9) = 1.2815516: the whole window's quantile is 1000 + 1.28155 × 200 = 1256.31.
        // Blue: 0.6 × 1256.31 = 753.79 → 760 (cartons of 10); Sand: 0.4 × 1256.31 = 502.52 → 510 (its MOQ 500 is below).
        // 1,270 is under the order's MOQ of 2,000: the 730 missing go by share in cartons, 73 × (0.6, 0.4) = (43.8, 29.2)
        // → 43 and 29 whole, the carton left to the larger remainder (Blue): Blue 760 + 440 = 1,200, Sand 510 + 290 = 800.
        let batch = try #require(try plan("40%", moq: 2000, skuMOQ: 500).firstBatch)
        #expect(batch.skus.map(\.name) == ["Blue", "Sand"])
        #expect(abs(batch.skus[0].retailUnits - 753.786) < 0.01 && abs(batch.skus[1].retailUnits - 502.524) < 0.01)
        #expect(batch.skus.map(\.units) == [1200, 800])
        let whole = try plan("40%", moq: 2000, skuMOQ: 500)
        #expect(whole[.firstBatchUnits] == 2000)
        // Without the order MOQ each SKU keeps its own rounding; a SKU MOQ above its newsvendor binds it.
        #expect(try #require(try plan("40%", moq: 0, skuMOQ: 600).firstBatch).skus.map(\.units) == [760, 600])
        let single = try plan("40%", moq: 0)
        #expect(single[.firstBatchUnits] == 1270)
        // The batch's cash is the SKUs' units at their costs (both the product's here): 1,270 × 10.
        #expect(single[.inventoryCash] == 12_700)
    }

    @Test func anUncertainMixWidensTheSKUsBatch() throws {
        // Sand's share normal(40%, 5%): its demand ŝ·D has mean 0.4 × 1000 = 400 and variance
        // (0.4² + 0.05²) × 200² + 0.05² × 1000² = 6,500 + 2,500 = 9,000 (sd 94.868), so its 90% quantile is
        // 400 + 1.2815516 × 94.868 = 521.58, against 502.52 with the share known.
        let batch = try #require(try plan("normal(40%, 5%)", moq: 0).firstBatch)
        #expect(abs(batch.skus[1].shareSD - 0.05) < 1e-9)
        #expect(abs(batch.skus[1].retailUnits - 521.58) < 0.05)
        #expect(batch.skus[1].units == 530)
        // Blue's share is known: 0.6 × 1256.31.
        #expect(abs(batch.skus[0].retailUnits - 753.786) < 0.01)
    }

    @Test func sharesMustAddUpAndSKUsNeedAnInventory() {
        let text = Self.product("100%")
        do {
            _ = try decode(text)
            Issue.record("accepted shares adding up to 160%")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains { $0.contains("add up to 160%, far from 100%") }, "\(messages)")
            #expect(messages.contains { $0.contains("no `inventory` section") }, "\(messages)")
            #expect(error.diagnostics.first { $0.message.contains("160%") }?.mark.line == 7)
        }
    }

    @Test func apportionAddsUpByLargestRemainder() {
        #expect(Decisions.apportion(730, [0.6, 0.4], step: 10) == [440, 290])
        #expect(Decisions.apportion(10, [1, 1, 1], step: 1) == [4, 3, 3])
        #expect(Decisions.apportion(7, [0.5, 0.25, 0.25], step: 1) == [3, 2, 2])
        #expect(Decisions.apportion(0, [0.5, 0.5], step: 1) == [0, 0])
    }
}
