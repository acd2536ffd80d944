import Foundation
import Testing
@testable import GTMKit

@Suite struct GeneratorTests {
    @Test func splitMix64MatchesThePublishedSequence() {
        // Rosetta Code, "Pseudo-random numbers/Splitmix64": seed 1234567.
        var mix = SplitMix64(seed: 1_234_567)
        #expect((0..<5).map { _ in mix.next() } == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973,
                                                  9_817_491_932_198_370_423, 4_593_380_528_125_082_431,
                                                  16_408_922_859_458_223_821])
    }

    @Test func xoshiro256StarStarMatchesTheReferenceImplementation() {
        // rand_xoshiro's test of xoshiro256** from the state {1, 2, 3, 4} (Vigna's reference code).
        var rng = Xoshiro256(state: (1, 2, 3, 4))
        #expect((0..<4).map { _ in rng.next() } == [11_520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test func unitDrawsStayBelowOne() {
        var rng = Xoshiro256(seed: 9)
        for _ in 0..<100_000 {
            let u = rng.nextUnit()
            #expect(u >= 0 && u < 1)
        }
    }
}

/// Sample statistics for checks against closed forms. Tolerances are several standard errors
/// wide; the draws are seeded, so a check either always passes or always fails.
struct Draws {
    var values: [Double]

    init(_ distribution: Distribution, count: Int = 400_000, seed: UInt64 = 11,
         bounds: ClosedRange<Double> = -.infinity ... .infinity) {
        let sampler = Sampler(distribution, bounds: bounds)
        var rng = Xoshiro256(seed: seed)
        values = (0..<count).map { _ in sampler.draw(&rng, Ziggurat.shared) }
    }

    var mean: Double { values.reduce(0, +) / Double(values.count) }
    var variance: Double {
        let m = mean
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
    }
    func share(below x: Double) -> Double { Double(values.filter { $0 < x }.count) / Double(values.count) }
    func quantile(_ p: Double) -> Double {
        var copy = values
        return copy.withUnsafeMutableBufferPointer { Quantiles.estimate($0, [p]) }[0].value
    }
}

@Suite struct SamplerTests {
    @Test func standardNormal() {
        let draws = Draws(.normal(mean: 0, sd: 1), count: 1_000_000)
        // SE of the mean 0.001, of the variance ≈ 0.0014, of a share near 0.9 ≈ 0.0003.
        #expect(abs(draws.mean) < 0.004)
        #expect(abs(draws.variance - 1) < 0.006)
        #expect(abs(draws.share(below: 1.2815515655446004) - 0.9) < 0.0012)
        #expect(abs(draws.share(below: -1.6448536269514727) - 0.05) < 0.0009)
        // Tails beyond the base layer (|z| > 3.654): 2·(1 − Φ(3.6541529)) = 0.000258.
        let tails = Double(draws.values.filter { abs($0) > 3.6541528853610088 }.count) / 1_000_000
        #expect(abs(tails - 0.000258) < 0.00006)
    }

    @Test func lognormalIntervalPutsItsEndsAtTheFifthAndNinetyFifthPercentiles() {
        let draws = Draws(.lognormal(low: 100, high: 1000))
        #expect(abs(draws.share(below: 100) - 0.05) < 0.002)
        #expect(abs(draws.share(below: 1000) - 0.95) < 0.002)
        // Median √(100·1000) = 316.228; mean e^{μ+σ²/2} = 394.46 (μ = 5.756463, σ = 0.699930).
        #expect(abs(draws.quantile(0.5) / 316.2277660168379 - 1) < 0.006)
        #expect(abs(draws.mean / Distribution.lognormal(low: 100, high: 1000).mean - 1) < 0.006)
    }

    @Test func uniformTriangularAndPert() {
        let uniform = Draws(.uniform(low: 2, high: 6))
        #expect(abs(uniform.mean - 4) < 0.01)
        #expect(abs(uniform.variance - 16.0 / 12) < 0.01)
        // Triangular(0, 1, 4): mean 5/3, variance (a²+b²+c²−ab−ac−bc)/18 = (0+1+16−0−0−4)/18 = 13/18.
        let triangle = Draws(.triangular(low: 0, mode: 1, high: 4))
        #expect(abs(triangle.mean - 5.0 / 3) < 0.006)
        #expect(abs(triangle.variance - 13.0 / 18) < 0.008)
        #expect(abs(triangle.quantile(0.1) - 0.6324555320336759) < 0.006)
        // PERT(0, 1, 4) is 4·Beta(2, 4): mean 4/3, variance 16·(2·4)/(6²·7) = 128/252 = 0.507937.
        let pert = Draws(.pert(low: 0, mode: 1, high: 4))
        #expect(abs(pert.mean - 4.0 / 3) < 0.006)
        #expect(abs(pert.variance - 128.0 / 252) < 0.006)
        #expect(abs(pert.quantile(0.5) - 1.255240681822790) < 0.008)
    }

    @Test func drawsStayWithinTheKeysBounds() {
        // normal(3%, 5%) for a share: the negative draws are clamped at 0.
        let draws = Draws(.normal(mean: 0.03, sd: 0.05), bounds: 0...1)
        #expect(draws.values.allSatisfy { $0 >= 0 && $0 <= 1 })
        // P(N(0.03, 0.05) < 0) = Φ(−0.6) = 0.274253: that share sits exactly at 0.
        #expect(abs(Double(draws.values.filter { $0 == 0 }.count) / 400_000 - 0.2742531) < 0.003)
    }
}

@Suite struct PercentileTests {
    func type7(_ values: [Double], _ ps: [Double]) -> [Double] {
        var copy = values
        return copy.withUnsafeMutableBufferPointer { Quantiles.estimate($0, ps) }.map(\.value)
    }

    @Test func typeSevenMatchesRAndNumpy() {
        // R: quantile(1:10, c(.1, .5, .9)) = 1.9, 5.5, 9.1 (type 7, R's default).
        let r = type7([7, 3, 10, 1, 9, 2, 8, 6, 5, 4], [0.1, 0.5, 0.9])
        #expect(zip(r, [1.9, 5.5, 9.1]).allSatisfy { abs($0 - $1) < 1e-12 })
        // numpy.percentile([15, 20, 35, 40, 50], 40) = 29.0 (numpy's "linear" is type 7).
        #expect(type7([50, 15, 40, 20, 35], [0.4]) == [29])
    }

    @Test func runsOfEqualValues() {
        let values = [Double](repeating: 3, count: 10_000) + [Double](repeating: 1, count: 5_000) + [Double](repeating: 7, count: 5_000)
        #expect(type7(values, [0.1, 0.5, 0.9]) == [1, 3, 7])
    }
}

/// A scenario whose SOM is a product of four lognormals (no bound binds), so its percentiles
/// are known exactly: ln SOM is normal with μ = Σμᵢ and σ² = Σσᵢ².
let lognormalMarket = """
scenario:
  trials: 200000
  seed: 5
product:
  name: Lamp
  price: 399
  unit_cost: 120
launch:
  date: 2027-03-15
market:
  population: 30M to 45M
  purchases_per_year: 0.3 to 0.4
  serviceable: 35% to 45%
  obtainable: 0.5% to 1%

"""

@Suite struct MonteCarloTests {
    @Test func aProductOfLognormalsHasItsExactPercentiles() throws {
        let plan = Planner.plan(try decode(lognormalMarket))
        let som = try #require(plan.uncertainty?.summary(.somUnits))
        var mu = 0.0
        var variance = 0.0
        for (a, b) in [(30e6, 45e6), (0.3, 0.4), (0.35, 0.45), (0.005, 0.01)] {
            let (m, s) = Distribution.logParameters(low: a, high: b)
            mu += m
            variance += s * s
        }
        let sigma = variance.squareRoot()
        let z90 = 1.2815515655446004
        // Exact: P10 = e^{μ − 1.28155σ}, P50 = e^μ, P90 = e^{μ + 1.28155σ}. With 200,000 trials the
        // relative Monte Carlo error of these is about 0.3%.
        #expect(abs(som.p10 / Math.exp(mu - z90 * sigma) - 1) < 0.01)
        #expect(abs(som.p50 / Math.exp(mu) - 1) < 0.01)
        #expect(abs(som.p90 / Math.exp(mu + z90 * sigma) - 1) < 0.01)
        #expect(abs(som.mean / Math.exp(mu + variance / 2) - 1) < 0.01)
        // The base case is the product of the medians: e^μ exactly.
        #expect(abs(som.base / Math.exp(mu) - 1) < 1e-12)
    }

    @Test func theSameSeedGivesTheSameNumbersAndANewSeedOthers() throws {
        let scenario = try decode(lognormalMarket, sets: ["scenario.trials=20000"])
        let first = Planner.plan(scenario).uncertainty
        let second = Planner.plan(scenario).uncertainty
        #expect(first == second)
        let reseeded = Planner.plan(try decode(lognormalMarket, sets: ["scenario.trials=20000", "scenario.seed=6"])).uncertainty
        #expect(first?.summary(.somUnits)?.p50 != reseeded?.summary(.somUnits)?.p50)
    }

    @Test func oneThreadAndTwoThreadsGiveIdenticalResults() throws {
        for text in [lognormalMarket, try exampleText("ridgeline-kickstarter.txt"), try exampleText("aurora-lamp.txt")] {
            let scenario = try decode(text, sets: ["scenario.trials=30000"])
            let one = Planner.plan(scenario, simulation: Simulation.Options(threads: 1))
            let two = Planner.plan(scenario, simulation: Simulation.Options(threads: 2))
            let three = Planner.plan(scenario, simulation: Simulation.Options(threads: 3))
            #expect(one.uncertainty == two.uncertainty)
            #expect(one.uncertainty == three.uncertainty)
            #expect(MarkdownReport(one).render() == MarkdownReport(two).render())
        }
    }

    @Test func aTrialAtTheMediansIsTheBaseCase() throws {
        // One computation: a Monte Carlo trial whose every input is held at its median gives the
        // base case's outputs, bit for bit.
        for name in ["ridgeline-kickstarter.txt", "aurora-lamp.txt"] {
            let scenario = try decode(try exampleText(name))
            let model = PlanModel(scenario)
            let base = Workspace(model)
            model.run(base, Decisions())
            let pins = model.inputs.uncertain.map { MonteCarlo.Pin(slot: $0.slot, value: model.inputs.base[$0.slot]) }
            let outputs = Output.all.filter { model.has($0) && $0.unit != .date }
            let table = TrialTable(keys: outputs, capacity: 3)
            MonteCarlo.run(model, Decisions(), trials: 3, seed: 1, into: table, threads: 1, pins: pins)
            for output in outputs {
                let column = try #require(table.column(output, trials: 3))
                for value in column {
                    #expect(value == base[output] || (value.isNaN && base[output].isNaN), "\(name): \(output.path) \(value) vs \(base[output])")
                }
            }
        }
    }

    @Test func theFirstBatchIsTheCriticalRatioQuantileOfSimulatedDemand() throws {
        // Demand N(1000, 200) (the forecast barely uncertain, σ from forecast_sd); CR = (7−5)/(7−0) = 2/7.
        // Exact: 1000 + 200·Φ⁻¹(2/7) = 1000 − 200·0.565949 = 886.8102 → 887 units. The mixture of the
        // trials' normals is that normal (to within the forecast's 0.001 spread).
        let text = """
        scenario:
          trials: 20000
        product:
          name: Paper
          price: 7
          unit_cost: 5
        launch:
          date: 2027-03-15
        inventory:
          lead_time: 2 weeks
          forecast: normal(1000, 0.001)
          forecast_sd: 200

        """
        let plan = Planner.plan(try decode(text))
        #expect(abs(plan[.newsvendorUnits]! - 886.8102356) < 0.01)
        #expect(plan[.firstBatchUnits] == 887)
        // Outcomes averaged over the trials match the normal loss function at that order.
        let exact = Newsvendor.outcome(quantity: 887, mean: 1000, sd: 200)   // at the order, rounded up
        #expect(abs(plan[.expectedLostSales]! / exact.expectedLostSales - 1) < 1e-4)
        #expect(abs(plan[.inStockProbability]! - exact.inStockProbability) < 1e-4)
    }

    @Test func tornadoIsSortedBySwingAndComputedByHand() throws {
        let plan = Planner.plan(try decode(lognormalMarket, sets: ["scenario.trials=1000"]))
        let uncertainty = try #require(plan.uncertainty)
        #expect(uncertainty.headline == .somUnits)
        // SOM is a product, so moving one input from median m to its P10 q scales SOM by q/m:
        // swing = base × (P90 − P10)/median, largest for the widest ratio (obtainable: 0.5%–1%).
        #expect(uncertainty.tornado.map(\.input) == ["market.obtainable", "market.population", "market.purchases_per_year", "market.serviceable"])
        for swing in uncertainty.tornado {
            let input = try #require(uncertainty.inputs.first { $0.path == swing.input })
            #expect(abs(swing.swing - uncertainty.headlineBase * (input.p90 - input.p10) / input.median) < 1e-6 * uncertainty.headlineBase)
        }
    }

    @Test func tooFewTrialsWarnAboutMonteCarloError() throws {
        let few = Planner.plan(try decode(lognormalMarket, sets: ["scenario.trials=100"]))
        #expect(few.warnings.contains { $0.code == "monte_carlo_error" })
        let many = Planner.plan(try decode(lognormalMarket, sets: ["scenario.trials=100000"]))
        #expect(!many.warnings.contains { $0.code == "monte_carlo_error" })
    }

    @Test func certainScenariosRunNoSimulation() throws {
        #expect(Planner.plan(try decode(minimal)).uncertainty == nil)
    }
}

/// The text of an example scenario.
func exampleText(_ name: String) throws -> String {
    try String(contentsOf: GTMProcess.root.appendingPathComponent("Scenarios/\(name)"), encoding: .utf8)
}

@Suite struct QuantileEstimateTests {
    /// Type-7 by a full sort, the obvious way.
    func sorted(_ values: [Double], _ p: Double) -> Double {
        let s = values.sorted()
        let h = Double(s.count - 1) * p
        let lower = Int(h.rounded(.down))
        return lower + 1 < s.count ? s[lower] + (h - Double(lower)) * (s[lower + 1] - s[lower]) : s[lower]
    }

    @Test(arguments: [10, 1_001, 60_000, 250_000])
    func equalsAFullSort(count: Int) {
        var random = TestRandom(state: UInt64(count))
        // Heavy-tailed, with ties: a few huge values stretch the buckets.
        let values = (0..<count).map { i -> Double in
            i % 997 == 0 ? 1e9 + Double(random.next(1000)) : Double(random.next(5_000)) / 7
        }
        var copy = values
        let estimates = copy.withUnsafeMutableBufferPointer { Quantiles.estimate($0, [0.1, 0.5, 0.9, 0.832]) }
        let ordered = values.sorted()
        for (estimate, p) in zip(estimates, [0.1, 0.5, 0.9, 0.832]) {
            #expect(estimate.value == sorted(values, p), "n = \(count), p = \(p)")
            // The error from the 95% order-statistic interval, x₍h ± 1.96√(np(1−p))₎.
            let h = Double(count - 1) * p, spread = 1.96 * (Double(count) * p * (1 - p)).squareRoot()
            let low = ordered[max(0, Int((h - spread).rounded(.down)))], high = ordered[min(count - 1, Int((h + spread).rounded(.up)))]
            #expect(estimate.standardError == (high - low) / (2 * 1.96), "n = \(count), p = \(p)")
        }
    }

    @Test func standardErrorOfTheMedianOfUniformDraws() {
        // For U(0, 1) the median's SE is √(0.25/n)/f = 0.5/√n: 0.001 at n = 250,000.
        var rng = Xoshiro256(seed: 3)
        var values = (0..<250_000).map { _ in rng.nextUnit() }
        let estimate = values.withUnsafeMutableBufferPointer { Quantiles.estimate($0, [0.5]) }[0]
        #expect(abs(estimate.standardError - 0.001) < 0.0001)
    }
}

@Suite struct OutputTableTests {
    @Test func everyOutputIsDeclaredOnceInItsSectionsBlock() {
        let ids = Output.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        let paths = Output.all.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(Output.all.allSatisfy { !$0.info.en.isEmpty && !$0.info.zh.isEmpty })
        // A section's outputs sit in one block of 50 ids.
        for output in Output.all {
            let first = Output.all.first { $0.section == output.section }?.id ?? 0
            #expect(output.id / 50 == first / 50, "\(output.path)")
        }
    }

    /// Each output with the JSON path and unit the contract (outputs.md) and the report give it,
    /// written out by hand: facts declared beside the wrong output fail here.
    @Test func everyOutputHasItsOwnPathAndUnit() {
        let expected: [(Output, String, Output.Unit)] = [
        (.tamUnits, "market.tam_units", .count),
        (.tamRevenue, "market.tam_revenue", .money),
        (.samUnits, "market.sam_units", .count),
        (.samRevenue, "market.sam_revenue", .money),
        (.somUnits, "market.som_units", .count),
        (.somRevenue, "market.som_revenue", .money),
        (.bottomUpUnits, "market.bottom_up_units", .count),
        (.bottomUpRevenue, "market.bottom_up_revenue", .money),
        (.horizonUnits, "demand.horizon_units", .count),
        (.firstWeekUnits, "demand.first_week_units", .count),
        (.peakWeek, "demand.peak_week", .number),
        (.baselineUnits, "demand.baseline_units", .count),
        (.eventUnits, "demand.event_units", .count),
        (.kolUnits, "demand.kol_units", .count),
        (.adsUnits, "demand.ads_units", .count),
        (.priceEffectUnits, "demand.price_effect_units", .count),
        (.repeatUnits, "demand.repeat_units", .count),
        (.seasonUnits, "demand.season_units", .count),
        (.unitMargin, "economics.unit_margin", .money),
        (.grossMargin, "economics.gross_margin", .share),
        (.contributionMargin, "economics.contribution_margin", .money),
        (.breakEvenUnits, "economics.break_even_units", .unitsNeeded),
        (.unitCostCeiling, "economics.unit_cost_ceiling", .money),
        (.marketingSpend, "economics.marketing_spend", .money),
        (.lifetimeValue, "economics.ltv", .money),
        (.acquisitionCost, "economics.cac", .money),
        (.windowDemandMean, "inventory.window_demand_mean", .count),
        (.windowForecastMean, "inventory.window_forecast_mean", .count),
        (.windowDemandSD, "inventory.window_demand_sd", .count),
        (.windowKOLUnits, "inventory.window_kol_units", .count),
        (.windowDemandP10, "inventory.window_demand_p10", .count),
        (.windowDemandP90, "inventory.window_demand_p90", .count),
        (.criticalRatio, "inventory.critical_ratio", .share),
        (.newsvendorUnits, "inventory.newsvendor_units", .number),
        (.firstBatchUnits, "inventory.first_batch_units", .count),
        (.pledgedUnits, "inventory.pledged_units", .count),
        (.sampleUnits, "inventory.sample_units", .count),
        (.expectedSales, "inventory.expected_sales", .count),
        (.expectedLeftover, "inventory.expected_leftover", .count),
        (.expectedLostSales, "inventory.expected_lost_sales", .count),
        (.fillRate, "inventory.fill_rate", .share),
        (.inStockProbability, "inventory.in_stock_probability", .share),
        (.inventoryCash, "inventory.cash", .money),
        (.depositAmount, "inventory.deposit_amount", .money),
        (.poDate, "inventory.po_date", .date),
        (.arrival, "inventory.arrival", .date),
        (.safetyStock, "inventory.safety_stock", .count),
        (.reorderPoint, "inventory.reorder_point", .count),
        (.reorderDate, "inventory.reorder_date", .date),
        (.reorderUnits, "inventory.reorder_units", .count),
        (.reorderArrival, "inventory.reorder_arrival", .date),
        (.stockoutDate, "inventory.stockout_date", .date),
        (.reorderTotalUnits, "inventory.reorders_units", .count),
        (.pilotReady, "pilot.ready", .date),
        (.pilotUnits, "pilot.units", .count),
        (.pilotCost, "pilot.cost", .money),
        (.recommended, "crowdfunding.recommended", .flag),
        (.inPlan, "crowdfunding.in_plan", .flag),
        (.backers, "crowdfunding.backers", .count),
        (.pledged, "crowdfunding.pledged", .money),
        (.collected, "crowdfunding.collected", .money),
        (.platformFees, "crowdfunding.platform_fees", .money),
        (.paymentFees, "crowdfunding.payment_fees", .money),
        (.fees, "crowdfunding.fees", .money),
        (.net, "crowdfunding.net", .money),
        (.goal, "crowdfunding.goal", .money),
        (.crowdfundingUnits, "crowdfunding.units", .count),
        (.minimumRaise, "crowdfunding.minimum_raise", .money),
        (.firstTwoDays, "crowdfunding.first_48h_pledges", .money),
        (.goalProbability, "crowdfunding.goal_probability", .share),
        (.firstTwoDaysCoverProbability, "crowdfunding.first_48h_cover_probability", .share),
        (.campaignStart, "crowdfunding.start", .date),
        (.campaignEnd, "crowdfunding.end", .date),
        (.fulfillment, "crowdfunding.fulfillment", .date),
        (.campaignContribution, "crowdfunding.contribution", .money),
        (.kolCost, "kol.cost", .money),
        (.kolReach, "kol.reach", .count),
        (.kolEngagements, "kol.engagements", .count),
        (.kolBuyers, "kol.buyers", .count),
        (.kolCPM, "kol.cpm", .money),
        (.kolCPE, "kol.cpe", .money),
        (.kolCostPerBuyer, "kol.cost_per_buyer", .money),
        (.kolSamples, "kol.samples", .count),
        (.kolSampleCost, "kol.sample_cost", .money),
        (.adsCost, "ads.cost", .money),
        (.adsImpressions, "ads.impressions", .count),
        (.adsClicks, "ads.clicks", .count),
        (.adsBuyers, "ads.buyers", .count),
        (.testers, "seed_reviews.testers", .count),
        (.testerUnits, "seed_reviews.units", .count),
        (.testerCost, "seed_reviews.cost", .money),
        (.recruitStart, "seed_reviews.recruit_start", .date),
        (.shipBy, "seed_reviews.ship_by", .date),
        (.actualWeeks, "actuals.weeks", .count),
        (.actualToDate, "actuals.to_date", .count),
        (.planToDate, "actuals.plan_to_date", .count),
        (.reforecastHorizonUnits, "actuals.reforecast_horizon_units", .count),
        (.nextReorderDate, "actuals.next_reorder_date", .date),
        (.nextReorderUnits, "actuals.next_reorder_units", .count),
        (.peakNeed, "cash.peak_need", .money),
        (.peakDate, "cash.peak_date", .date),
        (.fundingGap, "cash.gap", .money),
        (.payback, "cash.payback", .date),
        (.endingCash, "cash.ending", .money),
        (.unitsSold, "cash.units_sold", .count),
        (.clearanceUnits, "cash.clearance_units", .count),
        (.clearanceCash, "cash.clearance_cash", .money),
        (.stockLeft, "cash.stock_left", .count),
        (.launchDate, "launch.date", .date),
        (.emailUnits, "demand.email_units", .count),
        (.emailCost, "email.cost", .money),
        (.emailRecipients, "email.recipients", .count),
        (.emailClicks, "email.clicks", .count),
        (.emailBuyers, "email.buyers", .count),
        (.emailCostPerBuyer, "email.cost_per_buyer", .money),
        ]
        #expect(expected.count == Output.all.count)
        for (output, path, unit) in expected {
            #expect(output.path == path, "\(path)")
            #expect(output.unit == unit, "\(path)")
            #expect(Output.at(path: path) == output)
        }
    }
}

/// The charts' P10–P90 band. With one uncertain input that scales the whole curve (the share of
/// the market obtained), every week's units are the week's share of SOM times SOM, a monotone
/// function of the draw: so each week's P10 is that share of SOM's P10 over the same trials,
/// exactly: the band takes every trial up to 20,480, so both are percentiles of the same 2,000 draws.
@Suite struct WeeklyBandTests {
    static let text = CommandLineTests.lamp + """
        market:
          population: 1M
          serviceable: 50%
          obtainable: 1% to 2%
        demand:
          shape: bass
        scenario:
          trials: 2000

        """

    @Test func eachWeeksBandIsItsShareOfTheSizesBand() throws {
        let plan = Planner.plan(try decode(Self.text))
        let weeks = try #require(plan.demand?.weeks)
        let som = try #require(plan.uncertainty?.summary(.somUnits))
        let band = try #require(plan.uncertainty?.bands?.demand)
        #expect(plan.uncertainty?.bands?.trials == 2_000)   // all of them: the band takes up to 20,480
        #expect(band.p10.count == weeks.count && weeks.count == 53)
        let size = try #require(plan[.somUnits])
        for (index, week) in weeks.enumerated() {
            let share = week.units / size
            #expect(abs(band.p10[index] - share * som.p10) <= 1e-9 * som.p10, "week \(index + 1)")
            #expect(abs(band.p90[index] - share * som.p90) <= 1e-9 * som.p90, "week \(index + 1)")
            #expect(band.p10[index] < week.units && week.units < band.p90[index])
        }
        // The JSON's weeks carry it, and so the CSV's rows.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport(plan).render().utf8)) as? [String: Any])
        let first = try #require(((json["demand"] as? [String: Any])?["weeks"] as? [[String: Any]])?.first)
        // (JSONSerialization reads a decimal to within an ulp or two.)
        #expect(abs((first["p10"] as? Double ?? 0) - band.p10[0]) < 1e-9 && abs((first["p90"] as? Double ?? 0) - band.p90[0]) < 1e-9)
        let units = "\r\nbase,demand.weeks,1,units,,\(CSVReport.number(weeks[0].units)),count,,"
        #expect(CSVReport(plan).render().contains(units + "\(CSVReport.number(band.p10[0])),,\(CSVReport.number(band.p90[0])),2027-03-15,,\r\n"))
    }

    /// Selection gives what a full sort gives (type 7), ties and small columns included.
    @Test(arguments: [2, 3, 10, 1_001, 20_480])
    func selectionEqualsASort(count: Int) {
        var random = TestRandom(state: UInt64(count))
        // Coarse values: many ties.
        var values = (0..<count).map { _ in Double(random.next(50)) }
        let sorted = values.sorted()
        for p in [0.0, 0.1, 0.5, 0.9, 1.0] {
            let h = Double(count - 1) * p, k = Int(h.rounded(.down))
            let expected = k + 1 < count ? sorted[k] + (h - Double(k)) * (sorted[k + 1] - sorted[k]) : sorted[k]
            let got = values.withUnsafeMutableBufferPointer { BandRecorder.percentile($0, p) }
            #expect(got == expected, "n \(count), p \(p)")
        }
    }

    /// The bands' sampled selection gives what a full sort gives, for ties, smooth values, sorted
    /// and reversed columns, a heavy tail, and a column too small to sample (the plain selection).
    @Test(arguments: [100, 1_024, 4_000, 20_480])
    func sampledTailsEqualASort(count: Int) {
        var random = TestRandom(state: UInt64(count) &+ 7)
        let columns: [[Double]] = [
            (0..<count).map { _ in Double(random.next(50)) },
            (0..<count).map { _ in Double(random.next(1_000_000)) / 7 },
            (0..<count).map(Double.init),
            (0..<count).map { Double(count - $0) },
            (0..<count).map { _ in Foundation.exp(Double(random.next(1_000)) / 50) },
            // Values piled on one (a week every launch shares), in the middle (the launches that
            // sold out: 45% at one value, the rest spread), on two values, and over the P90's and
            // the P10's ranks with spread values beside them (a bracket reaching past the pile).
            [Double](repeating: 1_250, count: count),
            (0..<count).map { _ in random.next(100) < 45 ? 300 : Double(random.next(10_000)) / 13 },
            (0..<count).map { _ in random.next(100) < 60 ? 0 : Double(random.next(10_000)) },
            (0..<count).map { _ in random.next(100) < 50 ? -2 : 5 },
            (0..<count).map { _ in random.next(100) < 12 ? 7_000 : Double(random.next(7_000)) },
            (0..<count).map { _ in random.next(1_000) < 105 ? 0 : 1 + Double(random.next(10_000)) },
        ]
        let scratch = BandRecorder.TailScratch(count: count)
        for column in columns {
            let sorted = column.sorted()
            func type7(_ p: Double) -> Double {
                let h = Double(count - 1) * p, k = Int(h.rounded(.down))
                return k + 1 < count ? sorted[k] + (h - Double(k)) * (sorted[k + 1] - sorted[k]) : sorted[k]
            }
            var values = column
            let (p10, p90) = values.withUnsafeMutableBufferPointer { BandRecorder.tails($0, scratch) }
            #expect(p10 == type7(0.1) && p90 == type7(0.9), "n \(count)")
        }
    }

    @Test func aCertainPlanHasNoBand() throws {
        let plan = Planner.plan(try decode(Self.text.replacingOccurrences("1% to 2%", with: "1%")))
        #expect(plan.uncertainty?.bands == nil)
        #expect(!MarkdownReport(plan).render().contains("P10 and P90"))
    }
}
