import Testing
@testable import GTMKit

/// A scenario whose first batch uses the given forecast, priced as given.
func batchScenario(price: Double, cost: Double, salvage: Double, mean: Double, sd: Double,
                   moq: Int = 0, casePack: Int = 1, pallet: Int? = nil, serviceLevel: String? = nil) throws -> Plan {
    var text = """
    product:
      name: Wetsuit
      price: \(price)
      unit_cost: \(cost)
      salvage: \(salvage)
    launch:
      date: 2027-03-15
    inventory:
      lead_time: 4 weeks
      forecast: \(mean)
      forecast_sd: \(sd)
      moq: \(moq)
      case_pack: \(casePack)

    """
    if let serviceLevel { text += "  service_level: \(serviceLevel)\n" }
    if let pallet { text += "  pallet: \(pallet)\n" }
    let plan = Planner.plan(try decode(text))
    _ = try #require(plan.firstBatch)
    return plan
}

@Suite struct NewsvendorPublishedExamples {
    /// Cachon & Terwiesch, "Matching Supply with Demand", O'Neill's Hammer 3/2 wetsuit:
    /// N(3192, 1181), price 190, cost 110, salvage 90 → Cu 80, Co 20, CR 0.8.
    /// The book orders 4,184 with z rounded to 0.84 (as NewsvendorModel.jl notes); the exact
    /// z = 0.8416212336 gives Q* = 4185.95, which gtm rounds up to 4,186.
    @Test func oNeillHammer() throws {
        let batch = try batchScenario(price: 190, cost: 110, salvage: 90, mean: 3192, sd: 1181)
        #expect(batch[.criticalRatio] == 0.8)
        #expect(abs(Normal.quantile(batch[.criticalRatio]!) - 0.8416212335729142) < 1e-14)
        #expect(abs(batch[.newsvendorUnits]! - 4185.954676849612) < 1e-8)
        #expect(abs(3192 + 0.84 * 1181 - 4184.04) < 1e-9)   // the rounded-z answer, 1.9 units short
        #expect(batch[.firstBatchUnits] == 4186)
        // At Q = 4,186 (mpmath): z = 0.8416596105, lost 131.8350282, sales 3060.164972,
        // leftover 1125.835028, fill 0.9586982994 (NewsvendorModel.jl prints 131.84, 3060.16, 1125.84).
        // gtm's demand cannot be negative: the normal's tail below zero, σ·L(μ/σ) = 1181 ×
        // L(2.7027942422) = 1181 × 0.0010504585619 = 1.2405915616 units (Python's erfc), is
        // demand of zero, so sales are 3060.1649718 + 1.2405916 = 3061.4055633 of a demand of
        // 3193.2405916, leftover 1125.8350282 − 1.2405916 = 1124.5944367, fill 0.9587143454.
        #expect(abs(batch[.expectedLostSales]! - 131.83502824509673) < 1e-8)
        #expect(abs(batch[.expectedSales]! - 3061.4055633165167) < 1e-8)
        #expect(abs(batch[.expectedLeftover]! - 1124.5944366834838) < 1e-8)
        #expect(abs(batch[.windowDemandMean]! - 3193.240591561613) < 1e-8)
        #expect(abs(batch[.fillRate]! - 0.9587143453601709) < 1e-12)
        #expect(abs(batch[.inStockProbability]! - 0.8000107439045764) < 1e-12)
        #expect(batch[.inventoryCash] == 460_460)   // 4,186 × 110
    }

    /// Wikipedia, "Newsvendor model", numerical example: price 7, cost 5, no salvage, N(50, 20).
    /// CR = 2/7; the published Q* = 38.68 uses the exact z (−0.5659488219), not a rounded one.
    @Test func wikipediaExample() throws {
        let batch = try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20)
        #expect(abs(batch[.criticalRatio]! - 2.0 / 7) < 1e-15)
        #expect(abs(batch[.newsvendorUnits]! - 38.68102356134274) < 1e-9)
        #expect(batch[.firstBatchUnits] == 39)
        // At Q = 39: lost 14.65612055, sales 35.34387945, leftover 3.656120546 (NewsvendorModel.jl agrees).
        #expect(abs(batch[.expectedLostSales]! - 14.656120545715868) < 1e-9)
        // Less the normal's tail below zero, 20 × L(2.5) = 20 × 0.0020041371792 = 0.0400827436.
        #expect(abs(batch[.expectedLeftover]! - (3.6561205457158677 - 0.040082743582563855)) < 1e-9)
    }

    /// "Green Thumb" exercise (Chopra & Meindl style): price 200, cost 150, salvage 30, N(100, 40).
    /// CR = 50/170; the published O* = 78 is NORMINV rounded to an integer (exact 78.344).
    @Test func greenThumb() throws {
        let batch = try batchScenario(price: 200, cost: 150, salvage: 30, mean: 100, sd: 40)
        #expect(abs(batch[.newsvendorUnits]! - 78.34419659483649) < 1e-9)
        #expect(batch[.firstBatchUnits] == 79)   // gtm rounds up; the exercise rounds to nearest
    }
}

@Suite struct FirstBatchRulesTests {
    @Test func precisionShortOfTheTargetIsNotCalledPrecise() throws {
        // A forecast from 5 to 400 with 150% error and cartons of 48: the trials stop at a third
        // of a carton (16 units), far above 0.18% of the order; the report must not claim it.
        let plan = Planner.plan(try decode("""
            product:\n  name: Lamp\n  price: 399\n  unit_cost: 142\nlaunch:\n  date: 2027-03-15\ninventory:\n  lead_time: 6 weeks\n  forecast: 5 to \
            400\n  forecast_cv: 150%\n  case_pack: 48\n
            """))
        let error = try #require(plan.uncertainty?.precision.first?.error)
        #expect(error > Simulation.targetError)
        let report = MarkdownReport(plan).render()
        #expect(!report.contains("or better"))
        #expect(report.contains("or a third of a case pack, as far as the trial limit allows"))
    }

    @Test func moqAndCasePack() throws {
        // Wikipedia's Q* = 38.68 → 39; an MOQ of 100 lifts it to 100; cartons of 12 make it ⌈100/12⌉·12 = 108.
        #expect(try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20, moq: 100)[.firstBatchUnits] == 100)
        #expect(try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20, moq: 100, casePack: 12)[.firstBatchUnits] == 108)
        // Case pack alone: 39 → 48 (four cartons of 12).
        #expect(try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20, casePack: 12)[.firstBatchUnits] == 48)
        #expect(OrderTerms.none.rounded(4186.0000000001) == 4186)
    }

    @Test func wholePallets() throws {
        // 39 units in cartons of 12 is 48; on pallets of 60 (5 cartons) it is one pallet, 60.
        let one = try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20, casePack: 12, pallet: 60)
        #expect(one[.firstBatchUnits] == 60)
        // An MOQ of 100 in cartons of 12 is 108, two pallets: 120.
        let two = try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20, moq: 100, casePack: 12, pallet: 60)
        #expect(two[.firstBatchUnits] == 120)
        #expect(two.firstBatch?.terms.pallet == 60)
        let report = MarkdownReport(two).render()
        #expect(report.contains("| MOQ / case pack / pallet"))
        #expect(report.contains("That is 39 units; the minimum order of 100, cartons of 12 and pallets of 60 make it 120."))
        #expect(JSONReport(two).render().contains("\"pallet\": 60"))
        // A pallet that is not whole cartons is refused where it is written.
        let found = errors(minimal + "inventory:\n  lead_time: 4 weeks\n  forecast: 50\n  case_pack: 12\n  pallet: 50\n")
        #expect(found.contains { $0.contains("`pallet` (50) is not a whole number of cartons of 12") }, "\(found)")
    }

    @Test func outcomesAreForTheRoundedOrder() throws {
        // 108 units against N(50, 20): z = 2.9, lost = 20·L(2.9) with L(2.9) = 0.000541673848662 (mpmath),
        // sales = demand − lost with demand 50 + 20·L(2.5) = 50.0400827436 (no negative demand),
        // leftover = 108 − sales.
        let batch = try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20, moq: 100, casePack: 12)
        #expect(abs(batch[.expectedLostSales]! - 20 * 0.000541673848662) < 1e-6)
        #expect(abs(batch[.expectedLeftover]! - (108 - (50.040082743582564 - 20 * 0.000541673848662))) < 1e-5)
    }

    /// Found by the `generated` fuzz target: nothing stocked against a large demand must sell
    /// exactly nothing and leave nothing (the normal's two losses cancel at Q = 0 only on paper).
    @Test func nothingStockedSellsNothing() {
        for (mean, sd) in [(1e7, 1e6), (1e7, 3e7), (50.0, 20.0), (0.0, 5.0)] {
            let outcome = Newsvendor.outcome(quantity: 0, mean: mean, sd: sd)
            #expect(outcome.expectedSales == 0 && outcome.expectedLeftover == 0, "\(mean), \(sd)")
            #expect(outcome.expectedLostSales == outcome.expectedDemand)
            #expect(outcome.fillRate == 0 || outcome.expectedDemand == 0)
        }
        // A spread three times the mean: demand to expect is μ + σ·L(μ/σ) = 10 + 30 × L(1/3)
        // = 10 + 30 × 0.2542361143 (Python's erfc) = 17.627083; stocking 20 sells within [0, 17.627].
        let wide = Newsvendor.outcome(quantity: 20, mean: 10, sd: 30)
        #expect(abs(wide.expectedDemand - 17.62708342897216) < 1e-9)
        #expect(wide.expectedSales >= 0 && wide.expectedSales <= 17.62708342897216 && wide.expectedLeftover >= 0)
    }

    @Test func costAtOrAbovePriceWarnsAndStocksNothingForRetail() throws {
        // price 100, cost 120: Cu = −20 < 0, so the critical ratio is 0 and Q* = 0; the MOQ
        // applies only to an order that is placed, so the answer is 0 units.
        let text = """
        product:
          name: Loss leader
          price: 100
          unit_cost: 120
          salvage: 50
        launch:
          date: 2027-03-15
        inventory:
          lead_time: 4 weeks
          forecast: 1000
          moq: 500

        """
        let plan = Planner.plan(try decode(text))
        #expect(plan[.criticalRatio] == 0)
        #expect(plan[.firstBatchUnits] == 0)
        // With nothing stocked all demand is lost: σ·L(−1000/300) = 1000.0336 (mpmath; the normal's
        // tail below zero adds the 0.0336).
        #expect(abs(plan[.expectedLostSales]! - 1000.03362336569) < 1e-6)
        #expect(plan.warnings.contains(.noUnitMargin(price: 100, unitCost: 120, stocked: true)))
        #expect(plan[.breakEvenUnits] == nil)
    }

    @Test func zeroDemandOrdersNothingAndWarns() throws {
        let text = """
        product:
          name: Nobody wants it
          price: 100
          unit_cost: 40
        launch:
          date: 2027-03-15
        inventory:
          lead_time: 4 weeks
          forecast: 0
          moq: 500

        """
        let plan = Planner.plan(try decode(text))
        #expect(plan[.firstBatchUnits] == 0)
        #expect(plan[.fillRate] == 1)
        #expect(plan.warnings.contains(.zeroDemand))
    }

    @Test func serviceLevelReplacesTheCriticalRatio() throws {
        // 95% → z = 1.6448536270; Q* = 50 + 1.6448536270·20 = 82.897 → 83.
        let batch = try batchScenario(price: 7, cost: 5, salvage: 0, mean: 50, sd: 20, serviceLevel: "95%")
        #expect(batch.firstBatch?.ratioSource == .serviceLevel)
        #expect(batch[.firstBatchUnits] == 83)
    }

    @Test func purchaseOrderDateAndReorderPoint() throws {
        // Lead time 4 weeks before 2027-03-15 → 2027-02-15. Coverage defaults to the lead time (28 days),
        // so σ_d·√L = 1181·√(28/28): SS = z·1181 = 993.9547. At 3,192 ÷ 28 = 114 a day the 4,186 units hold
        // 4,186 − 114 × 29 = 880 ≤ SS at the end of day 28 (994 the day before): the reorder must land on day 29, so it is
        // placed on day 1, when the stock position is 4,186 − 114 = 4,072 (the reorder point the report shows).
        let batch = try batchScenario(price: 190, cost: 110, salvage: 90, mean: 3192, sd: 1181)
        #expect(batch.firstBatch?.poDate == CivilDate(year: 2027, month: 2, day: 15))
        #expect(abs(batch[.safetyStock]! - 993.9546768496117) < 1e-8)
        #expect(batch.firstBatch?.reorder?.date == CivilDate(year: 2027, month: 3, day: 16))
        #expect(abs(batch[.reorderPoint]! - 4_072) < 1e-8)
    }

    @Test func depositIsAShareOfThePurchaseOrder() throws {
        // The O'Neill order, 4,186 × $110 = $460,460; the default 30% deposit (T/T 30/70) is $138,138.
        let plan = try batchScenario(price: 190, cost: 110, salvage: 90, mean: 3192, sd: 1181)
        #expect(abs(plan[.depositAmount]! - 138_138) < 1e-6)
        // Given as a range, the deposit is an uncertain input: 20%–40% spreads the amount around
        // its median 460,460 × √(0.2 × 0.4) = $130,237.87.
        var document = try Document.parse(name: "plan.txt", bytes: Array("""
        product:
          name: Wetsuit
          price: 190
          unit_cost: 110
          salvage: 90
        launch:
          date: 2027-03-15
        inventory:
          lead_time: 4 weeks
          forecast: 3192
          forecast_sd: 1181
          deposit: 20% to 40%

        """.utf8))
        try document.set("scenario.trials=2000")
        let ranged = try Planner.plan(document: document)
        #expect(abs(ranged[.depositAmount]! - 460_460 * (0.2 * 0.4).squareRoot()) < 1e-6)
        let spread = try #require(ranged.uncertainty?.summary(.depositAmount))
        #expect(spread.p10 < spread.p50 && spread.p50 < spread.p90)
    }

    @Test func monthLeadTimesAreCalendarMonths() throws {
        let text = """
        product:
          name: Lamp
          price: 399
          unit_cost: 142
        launch:
          date: 2027-03-31
        inventory:
          lead_time: 1 month
          forecast: 1000

        """
        #expect(Planner.plan(try decode(text)).firstBatch?.poDate == CivilDate(year: 2027, month: 2, day: 28))
    }

    @Test func windowDemandFromTheCurve() throws {
        // SOM 36,000 over 12 months from 2027-03-15 (366 days); coverage 14 days → weeks 1–2:
        // 36,000 × F(14/366)/F(1) with p 0.03, q 0.38; σ = 30% of that.
        let text = minimal + """
        market:
          population: 12M
          serviceable: 30%
          obtainable: 1%
        inventory:
          lead_time: 2 weeks

        """
        let plan = Planner.plan(try decode(text))
        let expected = 36_000 * Bass.cumulative(14.0 / 366, p: 0.03, q: 0.38) / Bass.cumulative(1, p: 0.03, q: 0.38)
        #expect(abs(plan[.windowForecastMean]! - expected) < 1e-9)
        #expect(abs(plan[.windowForecastMean]! - 1163.0636048858) < 1e-6)   // mpmath: 36,000 × 0.0323073223579
        #expect(abs(plan[.windowDemandSD]! - 0.3 * expected) < 1e-9)
    }
}

@Suite struct UnitEconomicsTests {
    @Test func marginBreakEvenAndCeiling() throws {
        // ¥399 − ¥142 = ¥257 a unit (64.41%); ¥260,000 ÷ ¥257 = 1,011.67 units to break even;
        // a 60% target margin allows at most 399 × 40% = ¥159.60 a unit.
        let text = minimal.replacingOccurrences("unit_cost: 120", with: "unit_cost: 142\n  fixed_costs: 260k\n  target_margin: 60%")
        let plan = Planner.plan(try decode(text))
        #expect(plan[.unitMargin] == 257)
        #expect(abs(plan[.grossMargin]! - 257.0 / 399) < 1e-15)
        #expect(abs(plan[.breakEvenUnits]! - 1011.6731517509728) < 1e-9)
        #expect(abs(plan[.unitCostCeiling]! - 159.6) < 1e-12)
    }

    @Test func costAboveTheCeilingWarns() throws {
        let text = minimal.replacingOccurrences("unit_cost: 120", with: "unit_cost: 200\n  target_margin: 60%")
        let plan = Planner.plan(try decode(text))
        #expect(plan.warnings.contains(.aboveCostCeiling(unitCost: 200, ceiling: 399 * 0.4)))
    }
}
