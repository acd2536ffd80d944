/// What every plan must satisfy, whatever its inputs: the tests and the fuzz targets judge each
/// generated scenario's plan by it, so that a number a user would paste into a deck is never
/// infinite, negative where it cannot be, outside its range, or in contradiction with another.
/// A violation is a bug: either the inputs that produce it are refused with a located message,
/// or the model is fixed.
enum PlanInvariants {
    /// Largest magnitude an output may reach. Inputs are bounded by `Limits.magnitude` (10^15)
    /// each; a product of two (a population by a price) stays near 10^30. Beyond 10^33 a number
    /// is an overflow in the making, not a plan.
    static let largest = 1e33

    /// Every violation in `plan`, each as one line naming the output and the values.
    static func violations(_ plan: Plan) -> [String] {
        var found: [String] = []
        func fail(_ message: String) { found.append(message) }
        func close(_ a: Double, _ b: Double, _ scale: Double = 1) -> Bool {
            abs(a - b) <= 1e-6 * max(abs(a), abs(b), scale, 1)
        }

        // Outputs: finite, in range, non-negative unless signed.
        for output in Output.all {
            let value = plan.values[output.id]
            if value.isNaN { continue }
            guard value.isFinite, abs(value) <= largest else {
                fail("\(output.path) = \(value): not a finite number of a sane size")
                continue
            }
            if !output.info.signed, output.unit != .date, value < 0 { fail("\(output.path) = \(value) is negative") }
            if output.unit == .share, !output.info.signed, value > 1 + 1e-9 { fail("\(output.path) = \(value) is above 100%") }
            if output.unit == .date, value.rounded() != value { fail("\(output.path) = \(value) is not a whole day") }
        }

        // The contract's sums (outputs.md).
        if let demand = plan[.windowDemandMean], let sales = plan[.expectedSales], let lost = plan[.expectedLostSales] {
            if !close(sales + lost, demand) { fail("expected_sales \(sales) + expected_lost_sales \(lost) ≠ window demand \(demand)") }
        }
        if let batch = plan[.firstBatchUnits], let sales = plan[.expectedSales], let leftover = plan[.expectedLeftover] {
            let retail = max(0, batch - (plan[.pledgedUnits] ?? 0) - (plan[.sampleUnits] ?? 0))
            if !close(sales + leftover, retail) { fail("expected_sales \(sales) + expected_leftover \(leftover) ≠ retail units \(retail)") }
        }
        if let horizon = plan[.horizonUnits], let baseline = plan[.baselineUnits] {
            let parts = baseline + (plan[.eventUnits] ?? 0) + Levers.components.reduce(0) { $0 + (plan[$1] ?? 0) }
                + (plan[.priceEffectUnits] ?? 0) + (plan[.repeatUnits] ?? 0) + (plan[.seasonUnits] ?? 0)
            if !close(parts, horizon) { fail("demand's parts add up to \(parts), not horizon_units \(horizon)") }
        }
        if let curve = plan.demand {
            var previous = 0.0
            for week in curve.weeks {
                if !(week.units >= 0) || !week.units.isFinite { fail("demand week \(week.number) has \(week.units) units") }
                if !close(week.cumulative, previous + week.units) { fail("demand week \(week.number)'s cumulative does not add up") }
                previous = week.cumulative
            }
            if let horizon = plan[.horizonUnits], !close(previous, horizon) {
                fail("the weeks add up to \(previous), not horizon_units \(horizon)")
            }
        }
        if let cash = plan.cash {
            var balance = cash.onHand
            for week in cash.weeks {
                if !(week.inflow >= 0) || !(week.outflow >= 0) { fail("cash week \(week.start): in \(week.inflow), out \(week.outflow)") }
                balance += week.inflow - week.outflow
                if !close(balance, week.balance, max(week.inflow, week.outflow)) {
                    fail("cash week \(week.start): balance \(week.balance), but in − out gives \(balance)")
                }
            }
            for (earlier, later) in zip(cash.weeks, cash.weeks.dropFirst()) where earlier.start >= later.start {
                fail("cash weeks out of order at \(later.start)")
            }
        }

        // Dates in order.
        if let order = plan[.poDate], let arrival = plan[.arrival], order > arrival { fail("po_date after arrival") }
        if let batch = plan.firstBatch {
            var previous: CivilDate?
            for reorder in batch.reorders {
                if reorder.date > reorder.arrival { fail("a reorder placed \(reorder.date) arrives before, \(reorder.arrival)") }
                if reorder.units <= 0 { fail("a reorder of \(reorder.units) units") }
                if let previous, reorder.date < previous { fail("reorders out of order at \(reorder.date)") }
                if !(reorder.stockAtArrival >= 0 && reorder.stockAtArrival.isFinite && reorder.serves >= 0 && reorder.serves.isFinite) {
                    fail("a reorder's stock at arrival \(reorder.stockAtArrival) or demand served \(reorder.serves)")
                }
                previous = reorder.date
            }
            if let bad = batch.schedule.onHand.first(where: { !($0 >= 0 && $0.isFinite) }) { fail("stock on hand \(bad)") }
            if batch.schedule.beforeLaunch != nil, !plan.warnings.contains(where: {
                if case .reorderBeforeLaunch = $0 { true } else { false }
            }) {
                fail("a reorder before launch without its warning")
            }
        }
        if let campaign = plan.crowdfunding {
            if campaign.start > campaign.end { fail("the campaign ends (\(campaign.end)) before it starts (\(campaign.start))") }
            if campaign.end > campaign.fulfillment { fail("rewards ship (\(campaign.fulfillment)) before the campaign ends") }
        }
        for milestone in plan.timeline where milestone.start > milestone.end {
            fail("timeline \(milestone.id) ends before it starts")
        }
        for (earlier, later) in zip(plan.timeline, plan.timeline.dropFirst()) where earlier.start > later.start {
            fail("timeline out of order: \(earlier.id) then \(later.id)")
        }
        if Set(plan.timeline.map(\.id)).count != plan.timeline.count { fail("timeline ids repeat") }

        // Ranges: ordered, finite unless the output may be "never" (a break-even or payback that
        // does not come within the horizon counts as beyond every number).
        for summary in plan.uncertainty?.outputs ?? [] {
            let path = summary.output.path
            let values = [summary.p10, summary.p50, summary.p90]
            if !(summary.p10 <= summary.p50 && summary.p50 <= summary.p90) {
                fail("\(path): P10 \(values[0]), P50 \(values[1]), P90 \(values[2]) out of order")
            }
            for value in values + [summary.mean] where !(value.isInfinite && summary.output.info.mayNeverHappen) {
                guard value.isFinite, abs(value) <= largest else {
                    fail("\(path) range holds \(value)")
                    continue
                }
                if !summary.output.info.signed, summary.output.unit != .date, value < 0 { fail("\(path) range holds \(value), below 0") }
                if summary.output.unit == .share, !summary.output.info.signed, value > 1 + 1e-9 { fail("\(path) range holds \(value), above 100%") }
            }
        }
        for swing in plan.uncertainty?.tornado ?? [] {
            for value in [swing.inputLow, swing.inputHigh, swing.outputAtLow, swing.outputAtHigh] where !value.isFinite {
                fail("tornado row \(swing.input) holds \(value)")
            }
        }
        return found
    }
}
