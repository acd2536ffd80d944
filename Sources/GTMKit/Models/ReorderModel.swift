/// The second order: the day projected stock reaches the reorder point, what to order, and when
/// it arrives, so that the first batch is followed before it runs out.
public struct Reorder: Sendable, Hashable {
    /// The day to place the order.
    public var date: CivilDate
    public var units: Int
    public var arrival: CivilDate
    /// The day stock runs out without the reorder, if it does within the horizon.
    public var stockout: CivilDate?
    /// True when the reorder cannot arrive before stock runs out, even placed as early as it may be.
    public var arrivesLate: Bool { stockout.map { arrival > $0 } ?? false }
}

/// The reorder model (see README, "The second order"), on the base case's projected demand.
enum ReorderModel {
    /// `daily[d]` is the demand of day d after launch (day 0 is launch day) within the horizon;
    /// the retail stock (`stock`) is in the warehouse from `arrives`. The order is placed on the
    /// day stock reaches `reorderPoint`, or earlier if it would otherwise arrive after stock runs
    /// out (never before the first purchase order); it covers the `coverageDays` after it
    /// arrives at the same safety stock, rounded to the MOQ and the case pack. Nil when the
    /// horizon's demand fits the first batch, or when the order would fall past the horizon.
    static func plan(daily: [Double], launch: CivilDate, arrives: CivilDate, stock: Double, reorderPoint: Double,
                     safetyStock: Double, leadTime: Period, firstOrder: CivilDate, coverageDays: Int,
                     moq: Int, casePack: Int) -> Reorder? {
        let start = max(0, launch.days(to: arrives))
        guard start < daily.count else { return nil }
        var level = stock
        var reorderDay: Int?
        var stockoutDay: Int?
        var levels = [Double](repeating: stock, count: daily.count + 1)
        for day in start..<daily.count {
            if reorderDay == nil, level <= reorderPoint { reorderDay = day }
            level -= daily[day]
            levels[day + 1] = level
            if stockoutDay == nil, level <= 0 { stockoutDay = day + 1 }
        }
        guard let reorderDay else { return nil }
        var order = launch.adding(days: reorderDay)
        if let stockoutDay {
            // Placed by the day that still lets it arrive before stock runs out.
            let latest = leadTime.before(launch.adding(days: stockoutDay))
            if latest < order { order = max(latest, firstOrder) }
        }
        let arrival = leadTime.after(order)
        let arrivalDay = launch.days(to: arrival)
        guard arrivalDay < daily.count else { return nil }
        let onHand = max(0, levels[min(max(arrivalDay, start), daily.count)])
        var cover = 0.0
        for day in arrivalDay..<min(arrivalDay + coverageDays, daily.count) { cover += daily[day] }
        let units = Newsvendor.rounded(cover + safetyStock - onHand, moq: moq, casePack: casePack)
        guard units > 0 else { return nil }
        return Reorder(date: order, units: units, arrival: arrival, stockout: stockoutDay.map { launch.adding(days: $0) })
    }

    /// Each day's demand over the horizon from a weekly curve (a week's units spread evenly over its days).
    static func daily(_ weeks: [DemandCurve.Week]) -> [Double] {
        var days: [Double] = []
        for week in weeks where week.days > 0 {
            days += [Double](repeating: week.units / Double(week.days), count: week.days)
        }
        return days
    }
}
