import Foundation
import Testing
@testable import GTMKit

/// Bass F(t) written out (not the program's), for the hand computations below.
func bassF(_ t: Double, p: Double, q: Double) -> Double {
    let e = Foundation.exp(-(p + q) * t)
    return (1 - e) / (1 + q / p * e)
}

/// Weekly `date,units` rows from `start`, one per value.
func weeklyCSV(from start: CivilDate, _ units: [Double]) -> String {
    "date,units\n" + units.enumerated().map { "\(start.adding(days: 7 * $0.offset)),\(Format.shortest($0.element))" }.joined(separator: "\n") + "\n"
}

/// Analogs (`demand.analogs`) and actual sales (`actuals`, `--actuals`): the fits feed the
/// plan, the weeks sold re-plan it; numbers against hand computations written beside them.
@Suite struct LearningFromDataTests {
    /// The lamp of LaunchResponseTests: 1M × 1 × 10% × 5% = 5,000 units a year, launched on
    /// Monday 2027-03-01, a 52-week horizon (SOM 5,000 × 364 ÷ 365.25 = 4,982.89 units), the
    /// first batch sized on the curve's first 10 weeks, a 6-week lead time.
    static let lamp = LaunchResponseTests.lamp
    static let launch = CivilDate(year: 2027, month: 3, day: 1)!
    static let som = 5_000 * 364 / 365.25

    /// The plan's week k (1-based) by hand: SOM × (F(7k/365.25) − F(7(k−1)/365.25)) ÷ F(364/365.25).
    static func planWeek(_ k: Int) -> Double {
        let whole = bassF(364 / 365.25, p: 0.03, q: 0.38)
        return som * (bassF(7 * Double(k) / 365.25, p: 0.03, q: 0.38) - bassF(7 * Double(k - 1) / 365.25, p: 0.03, q: 0.38)) / whole
    }

    func plan(actuals: [Double]?) throws -> Plan {
        guard let actuals else { return Planner.plan(try decode(Self.lamp)) }
        return Planner.plan(try decode(Self.lamp + "actuals: sold.csv\n",
                                       files: ["sold.csv": weeklyCSV(from: Self.launch, actuals)]))
    }

    // MARK: Actuals

    @Test func theCurveIsWhatWasHandComputed() throws {
        // Week 1: 4,982.888 × F(7/365.25 = 0.0191650) ÷ F(364/365.25 = 0.9965777)
        //       = 4,982.888 × 0.00057688 ÷ 0.0356144 = 80.7126.
        #expect(abs(Self.planWeek(1) - 80.7126) < 0.0001)
        let plan = try plan(actuals: nil)
        for k in 1...12 { #expect(abs(plan.demand!.weeks[k - 1].units - Self.planWeek(k)) < 1e-6) }
    }

    @Test func salesAbovePlanBringTheReorderEarlierAndRaiseTheForecast() throws {
        let before = try plan(actuals: nil)
        // Before: the first batch of 925 lamps. Stock on hand and on order reaches the reorder
        // point, 570.56 = the window's mean 831.9 ÷ 70 days × 42 days' lead time + 71.4 safety
        // stock, on 2027-04-01; but demand rises, and the stock falls to the safety stock at the
        // end of day 71 (925 less the curve's first 72 days, each week's units ÷ 7: 856.5 sold,
        // 68.5 left), so the order must land by day 72, 2027-05-12: placed 42 days before,
        // on 2027-03-31.
        #expect(before[.firstBatchUnits] == 925)
        #expect(before.firstBatch?.reorder?.date == CivilDate(year: 2027, month: 3, day: 31))
        // Two weeks at 200 lamps, against the plan's 80.713 + 81.255 = 161.968.
        let after = try plan(actuals: [200, 200])
        let actuals = try #require(after.actuals)
        #expect(actuals.weeks == 2)
        #expect(after[.actualToDate] == 400)
        #expect(abs((after[.planToDate] ?? 0) - (Self.planWeek(1) + Self.planWeek(2))) < 1e-6)
        #expect(abs((after[.planToDate] ?? 0) - 161.968) < 0.001)
        // The batch is bought: unchanged.
        #expect(after[.firstBatchUnits] == 925)
        // 925 − 400 = 525 lamps left, below even the plan's reorder point of 570.56 (and the
        // re-forecast raises it): the reorder is due the first day after the weeks sold,
        // 2027-03-01 + 14 days = 2027-03-15, 16 days earlier than planned.
        #expect(after.firstBatch?.reorder?.date == CivilDate(year: 2027, month: 3, day: 15))
        #expect(after.date(.nextReorderDate) == CivilDate(year: 2027, month: 3, day: 15))
        #expect((after[.reorderPoint] ?? 0) > 570.56)
        // The weeks sold are the curve's first two weeks; the rest is re-forecast higher.
        #expect(after.demand?.weeks[0].units == 200)
        #expect(after.demand?.weeks[1].units == 200)
        #expect((after[.reforecastHorizonUnits] ?? 0) > (before[.horizonUnits] ?? 0) + 400 - 161.968)
        #expect(after[.horizonUnits] == after[.reforecastHorizonUnits])
    }

    @Test func salesBelowPlanDelayTheReorderAndLowerTheForecast() throws {
        let before = try plan(actuals: nil)
        // Two weeks at 40 lamps: 80 sold against the plan's 161.968.
        let after = try plan(actuals: [40, 40])
        #expect(after[.actualToDate] == 80)
        #expect(abs((after[.planToDate] ?? 0) - 161.968) < 0.001)
        #expect(after[.firstBatchUnits] == 925)
        #expect((after[.reforecastHorizonUnits] ?? .infinity) < (before[.horizonUnits] ?? 0) - (161.968 - 80))
        let planned = try #require(before.firstBatch?.reorder?.date)
        let now = try #require(after.firstBatch?.reorder?.date)
        #expect(now > planned)
        // And the stock lasts longer: 925 − 80 = 845 on hand after two weeks against 763 planned.
        #expect((after.firstBatch?.reorder?.stockout ?? .init(daysSinceEpoch: 0)) > (before.firstBatch?.reorder?.stockout ?? .init(daysSinceEpoch: .max)))
    }

    @Test func theReportOfARePlanSaysWhatIsPast() throws {
        // Two weeks sold from 2027-03-01: the day after them is 2027-03-15. The launch and the
        // first purchase order (2027-01-18, 6 weeks before launch) are behind it; the reorder is not.
        let report = MarkdownReport(try plan(actuals: [200, 200])).render()
        #expect(report.contains("launched on 1 March 2027"))
        #expect(report.contains("| Retail launch (past)"))
        #expect(report.contains("| Place the first purchase order (past)"))
        #expect(report.contains("| Reorder 1: order to warehouse") && !report.contains("Reorder 1: order to warehouse ("))
        let before = MarkdownReport(try plan(actuals: nil)).render()
        #expect(before.contains("launches on 1 March 2027") && !before.contains("(past)"))
    }

    @Test func salesAsPlannedLeaveThePlanAsItWas() throws {
        let before = try plan(actuals: nil)
        let after = try plan(actuals: [Self.planWeek(1), Self.planWeek(2)])
        #expect(abs((after[.reforecastHorizonUnits] ?? 0) - (before[.horizonUnits] ?? 0)) < 0.01)
        #expect(abs((after[.windowForecastMean] ?? 0) - (before[.windowForecastMean] ?? 0)) < 0.01)
        // Two weeks known carry no forecast error: the window's spread, the safety stock and the
        // reorder point shrink a little, so the reorder comes a day or two later, never earlier.
        #expect((after[.windowDemandSD] ?? 0) < (before[.windowDemandSD] ?? 0))
        let planned = try #require(before.firstBatch?.reorder?.date), now = try #require(after.firstBatch?.reorder?.date)
        #expect(planned <= now && planned.days(to: now) <= 3)
    }

    /// Two weeks move the forecast a little, twelve a lot, the same way up and down: sales at k
    /// times the plan move the rest of the horizon to about k^(n ÷ (n + 6)) of it (README).
    @Test(arguments: [0.5, 1.3, 2, 4])
    func moreWeeksMoveTheForecastMore(_ k: Double) {
        let weekEnds = (1...52).map { Double($0 * 7) }
        let plan = (1...52).map(Self.planWeek)
        // The share of the way, on the log scale, from the plan to what n weeks at k show.
        func share(_ weeks: Int) -> Double {
            let sold = plan.prefix(weeks).map { $0 * k }
            let (_, report) = ActualsModel.reforecast(actual: Array(sold), planWeekly: plan, baseTotal: plan.reduce(0, +), weekEnds: weekEnds,
                                                      p: 0.03, q: 0.38, horizonYears: 364 / 365.25, horizonDays: 364)
            let rest = plan.dropFirst(weeks).reduce(0, +)
            return Foundation.log((report.reforecastHorizonUnits - report.toDate) / rest) / Foundation.log(k)
        }
        // n ÷ (n + 6): 2 ÷ 8 = 0.25 and 12 ÷ 18 = 0.67, within the shape terms' play.
        let two = share(2), twelve = share(12)
        #expect(two > 0.15 && two < 0.35, "k \(k): two weeks \(two)")
        #expect(twelve > 0.55 && twelve < 0.8, "k \(k): twelve weeks \(twelve)")
    }

    @Test func ordersPlacedBeforeTheDataEndAreKept() throws {
        let before = try plan(actuals: nil)
        let planned = try #require(before.firstBatch?.reorder)
        // Six weeks sold (to 2027-04-11): the reorder of 2027-03-31 was placed as planned.
        let after = try plan(actuals: [110, 110, 110, 110, 110, 110])
        let orders = try #require(after.firstBatch?.reorders)
        #expect(orders.first?.date == planned.date)
        #expect(orders.first?.units == planned.units)
        #expect(orders.first?.arrival == planned.arrival)
        // The next order is placed on or after 2027-03-01 + 42 days = 2027-04-12.
        let next = try #require(after.date(.nextReorderDate))
        #expect(next >= CivilDate(year: 2027, month: 4, day: 12)!)
        #expect(orders.dropFirst().allSatisfy { $0.date >= CivilDate(year: 2027, month: 4, day: 12)! })
    }

    @Test func salesAboveTheStockThatExistedAreFlagged() throws {
        // The batch (its retail units, no backers or samples) lands on launch day; 1,000 sold in the first week is more than
        // it holds, and no reorder has landed by then: flagged with both numbers.
        let after = try plan(actuals: [1_000, 1_000, 1_000])
        let batch = try #require(after[.firstBatchUnits])
        #expect(batch < 1_000)
        guard case .actualsExceedStock(let week, let sold, let stock)? = after.warnings.first(where: { $0.code == "actuals_exceed_stock" })
        else {
            Issue.record("expected actuals_exceed_stock")
            return
        }
        #expect(week == Self.launch && sold == 1_000 && stock == batch)
        // Sales within the stock: no flag.
        #expect(!(try plan(actuals: [100, 100])).warnings.contains { $0.code == "actuals_exceed_stock" })
    }

    @Test func salesBelowPlanSayWhichOrdersToDeferAndWhatThatSaves() throws {
        // Ten weeks at 20 a week, far below plan: the reorder placed before the data ended lands with more than the safety
        // stock on hand, so it can wait (the days until the stock would fall to the safety stock at the re-forecast), and
        // the orders still to place shrink against the plan before: the difference × ¥142 at unit cost.
        let before = try plan(actuals: nil)
        let after = try plan(actuals: [Double](repeating: 20, count: 10))
        let actuals = try #require(after.actuals)
        let batch = try #require(after.firstBatch)
        let line = try #require(MarkdownReport(after).actualsDecisionLines(actuals).first { $0.hasPrefix("**Below plan:**") })
        let placed = try #require(batch.reorders.first { $0.date < actuals.asOf && $0.arrival > actuals.asOf })
        #expect(placed.stockAtArrival > (after[.safetyStock] ?? 0))
        // The days it can wait, checked against the re-forecast day by day.
        let daily = ReorderModel.daily(try #require(after.demand?.weeks))
        let from = Self.launch.days(to: placed.arrival)
        var days = 0, used = 0.0
        while from + days < daily.count, placed.stockAtArrival - used - daily[from + days] > (after[.safetyStock] ?? 0) {
            used += daily[from + days]
            days += 1
        }
        #expect(line.contains("hold the order placed on 31 March 2027 (\(placed.units) units) for about \(days) days"))
        let planned = before.firstBatch?.reorders.filter { $0.date >= actuals.asOf }.reduce(0) { $0 + $1.units } ?? 0
        let now = batch.reorders.filter { $0.date >= actuals.asOf }.reduce(0) { $0 + $1.units }
        #expect(now < planned)
        #expect(line.contains("come to \(Format.grouped(Double(now), decimals: 0)) units instead of the \(Format.grouped(Double(planned), decimals: 0)) units"))
        #expect(line.contains("¥\(Format.grouped(Double(planned - now) * 142, decimals: 0)) less cash at unit cost"))
        // Above plan: no such line.
        let above = try plan(actuals: [200, 200])
        #expect(!MarkdownReport(above).actualsDecisionLines(try #require(above.actuals)).contains { $0.hasPrefix("**Below plan:**") })
    }

    @Test func weeksWithoutSalesPullTheForecastDown() throws {
        // Four weeks of nothing against a plan of 80–82 a week: the rest of the horizon falls
        // (n = 4: to about (floor-level ratio)^(4/10) of the plan, far below it).
        let before = try plan(actuals: nil)
        let after = try plan(actuals: [0, 0, 0, 0])
        #expect(after[.actualToDate] == 0)
        let rest = (after[.reforecastHorizonUnits] ?? 0), planned = (before[.horizonUnits] ?? 0) - (after[.planToDate] ?? 0)
        #expect(rest < 0.5 * planned)
        #expect(after.actuals?.fit != nil)
    }

    @Test func actualsNeedADemandCurveThePlanFollows() {
        func messages(_ text: String) -> [String] {
            do {
                _ = try decode(text + "actuals: sold.csv\n", files: ["sold.csv": "date,units\n2027-03-01,10\n"])
                return []
            } catch {
                return error.diagnostics.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
            }
        }
        let noDemand = Self.lamp.replacingOccurrences(of: "demand:\n  p: 0.03\n  q: 0.38\n", with: "")
        #expect(messages(noDemand) == ["15:1: `actuals` re-forecast the demand curve, but the scenario has no `demand` section"])
        let forecast = Self.lamp.replacingOccurrences(of: "  coverage: 10 weeks\n", with: "  coverage: 10 weeks\n  forecast: 900\n")
        #expect(messages(forecast)
                == ["18:13: with `inventory.forecast` the first batch and the reorders follow your forecast, not the sales: `actuals` cannot re-plan them"])
    }

    @Test func actualsNotWeeklyOrBeforeLaunchAreRefusedWhereTheyAre() {
        func messages(_ csv: String) -> [String] {
            do {
                _ = try decode(Self.lamp + "actuals: sold.csv\n", files: ["sold.csv": csv])
                return []
            } catch {
                return error.diagnostics.map { "\(error.sources[$0.mark.source]?.name ?? ""):\($0.mark.line):\($0.mark.column): \($0.message)" }
            }
        }
        #expect(messages("date,units\n2027-03-01,10\n2027-04-01,10\n") == ["sold.csv:3:1: the actuals must be weekly (rows 7 days apart)"])
        #expect(messages("# from the shop\ndate,units\n2027-03-15,10\n")
                == ["sold.csv:3:1: the actuals start on 2027-03-15, 2 weeks after the launch on 2027-03-01: the weeks before are missing"])
        // 53 weeks against a 52-week horizon (364 days from 2027-03-01: it ends on 2028-02-27).
        #expect(messages(weeklyCSV(from: Self.launch, [Double](repeating: 10, count: 53)))
                == ["sold.csv:54:1: 2028-02-28 is after the horizon, which ends on 2028-02-27"])
        // A week that has not ended by the planning date: sales not yet made.
        do {
            _ = try decode("scenario:\n  as_of: 2027-03-10\n" + Self.lamp + "actuals: sold.csv\n",
                           files: ["sold.csv": "date,units\n2027-03-01,10\n2027-03-08,10\n"])
            Issue.record("a week after as_of was accepted")
        } catch {
            #expect(error.diagnostics.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
                    == ["3:1: the week of 2027-03-08 ends on or after the planning date (`scenario.as_of`, 2027-03-10): sales not yet made"])
        }
        #expect(messages("date,units\n2027-02-22,10\n2027-03-01,10\n")
                == ["sold.csv:2:1: the actuals start on 2027-02-22, before the launch on 2027-03-01"])
        #expect(messages("date,units\n2027-03-01,10\n2027-03-08,ten\n") == ["sold.csv:3:12: `ten` is not a number of units"])
    }

    @Test func weeksThatStartOnAnotherDaySpreadByTheirDays() throws {
        // Rows from Thursday 2027-03-04, three days after the Monday launch. Row 1 covers days
        // 3–9: days 3–6 (4 days) in launch week 1, days 7–9 (3 days) in week 2. Row 2 covers
        // days 10–16: days 10–13 (4) in week 2, days 14–16 (3) in week 3. The rows end on day
        // 16, so weeks 1 and 2 (days 0–13) are complete; week 3 is not counted.
        let scenario = try decode(Self.lamp + "actuals: sold.csv\n",
                                  files: ["sold.csv": "date,units\n2027-03-04,70\n2027-03-11,140\n"])
        let weekly = try #require(scenario.actuals?.weekly)
        #expect(weekly.count == 2)
        #expect(abs(weekly[0] - 40) < 1e-9)            // 70 × 4/7
        #expect(abs(weekly[1] - (30 + 80)) < 1e-9)     // 70 × 3/7 + 140 × 4/7
    }

    // MARK: Analogs

    /// An analog of 30 weeks from a Bass curve with m = 10,000, p = 0.5, q = 3 a year.
    static func analog(m: Double = 10_000, p: Double = 0.5, q: Double = 3, weeks: Int = 30) -> String {
        let sales = (1...weeks).map { k in m * (bassF(Double(k) * 7 / 365.25, p: p, q: q) - bassF(Double(k - 1) * 7 / 365.25, p: p, q: q)) }
        return weeklyCSV(from: CivilDate(year: 2024, month: 1, day: 1)!, sales)
    }

    static let withAnalogs = lamp.replacingOccurrences(of: "  p: 0.03\n  q: 0.38\n", with: "  analogs:\n    - a.csv\n")

    @Test func oneAnalogSetsTheCurve() throws {
        let scenario = try decode(Self.withAnalogs, files: ["a.csv": Self.analog()])
        let demand = try #require(scenario.demand)
        #expect(abs(demand.p.value - 0.5) < 0.005)
        #expect(abs(demand.q.value - 3) < 0.03)
        #expect(demand.p.distribution == nil)
        #expect(scenario.inputs.contains { $0.path == "demand.analogs[0]" && $0.text == "a.csv" })
        let json = try ConsistencyTests.json(Self.withAnalogs, sets: [], files: ["a.csv": Self.analog()])
        let fit = try #require((json["demand"] as? [String: Any])?["fit"] as? [String: Any])
        #expect(abs((fit["p"] as? Double ?? 0) - 0.5) < 0.005)
        #expect(abs((fit["m"] as? Double ?? 0) - 10_000) < 50)
        #expect((fit["r2"] as? Double ?? 0) > 0.999)
        #expect((fit["analogs"] as? [[String: Any]])?.first?["path"] as? String == "a.csv")
    }

    @Test func analogsThatDisagreeGiveARange() throws {
        let text = Self.withAnalogs.replacingOccurrences(of: "    - a.csv\n", with: "    - a.csv\n    - b.csv\n")
        let scenario = try decode(text, files: ["a.csv": Self.analog(p: 0.4, q: 2), "b.csv": Self.analog(p: 0.6, q: 4)])
        let p = try #require(scenario.demand?.p)
        // The middle of 0.4 and 0.6 on the log scale: √(0.4 × 0.6) = 0.4899; a lognormal 90% range.
        #expect(abs(p.value - (0.4 * 0.6).squareRoot()) < 0.005)
        guard case .lognormal(let low, let high) = p.distribution else {
            Issue.record("p is not a range: \(String(describing: p.distribution))")
            return
        }
        #expect(abs(low - 0.4) < 0.005 && abs(high - 0.6) < 0.005)
    }

    @Test func analogsAndPQTogetherAreAnError() {
        let text = Self.lamp.replacingOccurrences(of: "  q: 0.38\n", with: "  q: 0.38\n  analogs:\n    - a.csv\n")
        #expect(throws: ScenarioError.self) { try decode(text, files: ["a.csv": Self.analog()]) }
        do {
            _ = try decode(text, files: ["a.csv": Self.analog()])
        } catch {
            #expect(error.diagnostics.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
                    == ["15:3: `demand` gives both `p`/`q` and `analogs`: the analogs' fit sets p and q"])
        }
    }

    @Test func anAnalogThatCannotBeFittedIsRefusedWithItsReason() {
        func messages(_ csv: String) -> [String] {
            do {
                _ = try decode(Self.withAnalogs, files: ["a.csv": csv])
                return []
            } catch {
                return error.diagnostics.map { "\($0.mark.line):\($0.mark.column): \($0.message) | \($0.hint ?? "")" }
            }
        }
        // Three weeks: three parameters need at least four.
        #expect(messages(weeklyCSV(from: Self.launch, [10, 20, 30])).first?.hasPrefix(
            "14:7: cannot fit a Bass curve to `a.csv`: it has 3 periods with sales; three parameters need at least 4") == true)
        // Sales that only grow, like an exponential: no peak, no slowdown.
        let growing = (0..<12).map { 10 * Foundation.exp(0.3 * Double($0)) }
        #expect(messages(weeklyCSV(from: Self.launch, growing)).first?.contains("its sales still grow exponentially") == true)
        #expect(messages(weeklyCSV(from: Self.launch, [0, 0, 0, 0, 0])).first?.contains("it has no sales") == true)
    }

    @Test func analogsAreBounded() {
        // More than 1,000 periods (Limits.analogPeriods), and more than 20 analogs (Limits.analogs).
        let long = weeklyCSV(from: CivilDate(year: 1990, month: 1, day: 1)!, [Double](repeating: 10, count: 1_001))
        #expect(errors(Self.withAnalogs, files: ["a.csv": long])
                == ["14:7: `a.csv` has 1001 periods; an analog has at most 1000"])
        let many = Self.withAnalogs.replacingOccurrences(of: "    - a.csv\n", with: String(repeating: "    - a.csv\n", count: 21))
        #expect(errors(many, files: ["a.csv": Self.analog()]) == ["34:7: more than 20 analogs"])
    }

    func errors(_ text: String, files: [String: String]) -> [String] {
        do {
            _ = try decode(text, files: files)
            return []
        } catch {
            return error.diagnostics.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
        }
    }

    @Test func analogsWithoutACurveAreRefused() {
        // Flat noise: no rise and fall (R² near 0, or an estimate that runs off).
        var state: UInt64 = 1
        let noise = (0..<60).map { _ -> Double in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(50 + (state >> 33) % 100)
        }
        let flat = errors(Self.withAnalogs, files: ["a.csv": weeklyCSV(from: Self.launch, noise)])
        #expect(flat.count == 1 && flat[0].hasPrefix("14:7: cannot fit a Bass curve to `a.csv`"))
        // A launch that peaks within days: p = 40 a year is past the curve's bound (10).
        let fast = errors(Self.withAnalogs, files: ["a.csv": Self.analog(m: 5_000, p: 40, q: 5)])
        #expect(fast.count == 1 && fast[0].hasPrefix("14:7: `a.csv` fits a curve (p = ") && fast[0].contains("faster than gtm's curve takes"))
        // A fast diffusion within the bounds is fitted: q = 14 a year, the peak in about 12 weeks.
        let scenario = try? decode(Self.withAnalogs, files: ["a.csv": Self.analog(m: 2_000, p: 0.5, q: 14, weeks: 40)])
        #expect(abs((scenario?.demand?.q.value ?? 0) - 14) < 0.1)
    }

    @Test func variantsAndIncludesReadTheirOwnDataFiles() throws {
        // main.txt includes sub/base.txt, whose analog `data/a.csv` is sub/data/a.csv; main.txt's
        // actuals are its own data/a.csv, a different file; a variant names data/b.csv, relative
        // to main.txt's folder like the rest of the file.
        let dir = TempFolder.parent.appendingPathComponent("gtm-paths-\(UUID().uuidString)")
        for folder in ["data", "sub/data"] { try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder),
                                                                                     withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ text: String, _ path: String) throws { try text.write(to: dir.appendingPathComponent(path), atomically: true, encoding: .utf8) }
        try write(Self.withAnalogs.replacingOccurrences(of: "- a.csv", with: "- data/a.csv"), "sub/base.txt")
        try write(Self.analog(), "sub/data/a.csv")
        try write(weeklyCSV(from: Self.launch, [100, 100]), "data/a.csv")
        try write(weeklyCSV(from: Self.launch, [50, 50]), "data/b.csv")
        try write("include: sub/base.txt\nactuals: data/a.csv\nwhat_if:\n  slow:\n    actuals: data/b.csv\n", "main.txt")
        let run = try GTMProcess.run(["plan", "main.txt", "--compare", "--format", "json"], in: dir)
        #expect(run.status == 0, "\(run.err)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect((object["actuals"] as? [String: Any])?["to_date"] as? Double == 200)
        let slow = ((object["variants"] as? [String: Any])?["slow"] as? [String: Any])?["actuals"] as? [String: Any]
        #expect(slow?["to_date"] as? Double == 100)
        #expect(abs(((object["demand"] as? [String: Any])?["q"] as? Double ?? 0) - 3) < 0.03)
    }

    @Test func aLeadTimeClampedBeforeLaunchDoesNotTrap() throws {
        // Launch 2027-03-30 with a month's lead time: the purchase order's month clamps (to
        // 28 February), and a tiny batch makes a reorder due at once; it covers from launch.
        let text = """
        product:
          name: Widget
          price: 100
          unit_cost: 40
        launch:
          date: 2027-03-30
        market:
          population: 1M
          purchases_per_year: 0.5
          serviceable: 40%
          obtainable: 5%
        demand:
        inventory:
          lead_time: 1 month
          coverage: 10 weeks
          service_level: 1%
          forecast: 700
          forecast_cv: 90%

        """
        let plan = Planner.plan(try decode(text))
        #expect(plan.firstBatch?.reorders.isEmpty == false)
    }

    @Test func csvErrorsAreLocatedInTheDataFile() throws {
        let dir = TempFolder.parent.appendingPathComponent("gtm-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.withAnalogs.replacingOccurrences(of: "- a.csv", with: "- data/a.csv")
            .write(to: dir.appendingPathComponent("plan.txt"), atomically: true, encoding: .utf8)
        try "# made up\ndate,units\n2024-01-01,10\n2024-01-08,1O\n".write(to: dir.appendingPathComponent("data/a.csv"), atomically: true, encoding: .utf8)
        let bad = try GTMProcess.run(["plan", "plan.txt"], in: dir)
        #expect(bad.status == 1)
        #expect(bad.err.hasPrefix("data/a.csv:4:12: error: `1O` is not a number of units"))
        #expect(bad.err.contains("hint: write the units sold as a plain number"))
        // A missing file: located at the path that names it, with where it was looked for.
        let missing = try GTMProcess.run(["plan", "plan.txt", "--actuals", "nowhere.csv"], in: dir)
        #expect(missing.status == 1)
        #expect(missing.err.contains("--actuals") || missing.err.contains("nowhere.csv"))
        #expect(missing.out.isEmpty)
    }

    @Test func theActualsOptionReplansAndDiffShowsTheChange() throws {
        let dir = TempFolder.parent.appendingPathComponent("gtm-actuals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.lamp.write(to: dir.appendingPathComponent("plan.txt"), atomically: true, encoding: .utf8)
        try (Self.lamp + "actuals: sold.csv\n").write(to: dir.appendingPathComponent("week2.txt"), atomically: true, encoding: .utf8)
        try weeklyCSV(from: Self.launch, [200, 200]).write(to: dir.appendingPathComponent("sold.csv"), atomically: true, encoding: .utf8)
        let option = try GTMProcess.run(["plan", "plan.txt", "--actuals", "sold.csv", "--format", "json"], in: dir)
        let key = try GTMProcess.run(["plan", "week2.txt", "--format", "json"], in: dir)
        #expect(option.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(option.out.utf8)) as? [String: Any])
        let actuals = try #require(object["actuals"] as? [String: Any])
        #expect(actuals["to_date"] as? Double == 400)
        #expect((actuals["reorder"] as? [String: Any])?["date"] as? String == "2027-03-15")
        // The option and the key plan the same (only the inputs' origin differs).
        let keyActuals = try #require((try JSONSerialization.jsonObject(with: Data(key.out.utf8)) as? [String: Any])?["actuals"] as? [String: Any])
        #expect(keyActuals["reforecast_horizon_units"] as? Double == actuals["reforecast_horizon_units"] as? Double)
        let diff = try GTMProcess.run(["diff", "plan.txt", "week2.txt"], in: dir)
        #expect(diff.status == 0)
        #expect(diff.out.contains("Units reordered through the horizon"))
        #expect(diff.out.contains("| Reorder by "))
    }
}
