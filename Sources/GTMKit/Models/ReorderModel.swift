/// The second order: the day projected stock reaches the reorder point, what to order, and when
/// it arrives, so that the first batch is followed before it runs out.
struct Reorder: Sendable, Hashable {
    /// The day to place the order.
    var date: CivilDate
    var units: Int
    var arrival: CivilDate
    /// The day stock runs out without the reorder, if it does within the horizon.
    var stockout: CivilDate?
    /// True when the reorder cannot arrive before stock runs out, even placed as early as it may be.
    var arrivesLate: Bool { stockout.map { arrival > $0 } ?? false }
}

/// The reorder model (see README, "Reorders"), on the base case's projected demand.
enum ReorderModel {
    /// Every order after the first batch, through the horizon. `daily[d]` is the demand of day d
    /// after launch (day 0 is launch day) within the horizon; the retail stock (`stock`) is in the
    /// warehouse from `arrives`. Each order is placed on the first day the stock position (on hand
    /// plus on order) reaches `reorderPoint`, or earlier if it would otherwise arrive after the
    /// stock falls to `safetyStock` (never before the first purchase order or the previous
    /// reorder); it covers the
    /// `coverageDays` after it arrives at the same safety stock, rounded to the MOQ and the case
    /// pack. Orders stop when the horizon's demand fits what is ordered, or when the next would
    /// arrive past the horizon. Each order's `stockout` is the day stock runs out without it.
    /// `placed`: orders already placed (re-planning on actual sales), kept as they are, each with
    /// the day stock runs out before it lands (nil when it lands in time); new orders are placed
    /// from `firstOrder` on. A stockout before an earlier order lands is that order's, not the next's.
    static func plan(daily: [Double], launch: CivilDate, arrives: CivilDate, stock: Double, reorderPoint: Double,
                     safetyStock: Double, leadTime: Period, firstOrder: CivilDate, coverageDays: Int,
                     terms: OrderTerms, placed: [Reorder] = []) -> [Reorder] {
        let days = daily.count
        let start = max(0, launch.days(to: arrives))
        guard start < days else { return placed }
        var orders = placed
        // Units arriving at the start of each day (orders that arrive before `start` count at `start`).
        var incoming = [Double](repeating: 0, count: days + 1)
        var onOrder = 0.0
        for order in placed {
            incoming[min(max(launch.days(to: order.arrival), start), days)] += Double(order.units)
            onOrder += Double(order.units)
        }
        // Stock at the start of each day, arrivals of that day included.
        var levels = [Double](repeating: 0, count: days + 1)
        var searchFrom = max(start, launch.days(to: firstOrder))
        var earliest = max(firstOrder, placed.last?.date ?? firstOrder)
        // The day every order so far has landed: a stockout before it belongs to an earlier order.
        var landed = placed.reduce(start) { max($0, min(launch.days(to: $1.arrival), days)) }
        while searchFrom < days {
            var level = stock
            var position = onOrder
            var reorderDay: Int?
            var stockoutDay: Int?
            // The first day the stock starts at or below the safety stock: the order should have
            // landed by then, so that the safety stock is there for the demand the curve misses.
            var safetyDay: Int?
            for day in start..<days {
                level += incoming[day]
                position -= incoming[day]
                levels[day] = level
                if day >= searchFrom, reorderDay == nil, level + position <= reorderPoint { reorderDay = day }
                level -= daily[day]
                if day >= max(searchFrom, landed) {
                    if safetyDay == nil, level <= safetyStock { safetyDay = day + 1 }
                    if stockoutDay == nil, level <= 0 { stockoutDay = day + 1 }
                }
            }
            levels[days] = level + incoming[days]
            guard let reorderDay else { break }
            var order = max(launch.adding(days: reorderDay), earliest)
            if let safetyDay {
                // Placed by the day that still lets it land before the stock reaches its safety
                // level (with rising demand the reorder point, sized on the first window's daily
                // demand, is reached too late).
                let latest = leadTime.before(launch.adding(days: safetyDay))
                if latest < order { order = max(latest, earliest) }
            }
            let arrival = leadTime.after(order)
            let arrivalDay = launch.days(to: arrival)
            guard arrivalDay < days else { break }
            let onHand = max(0, levels[min(max(arrivalDay, start), days)])
            var cover = 0.0
            // (An order that lands before launch, a clamped month's lead time, covers from launch.)
            let coverFrom = max(arrivalDay, 0), coverTo = min(arrivalDay + coverageDays, days)
            if coverTo > coverFrom { for day in coverFrom..<coverTo { cover += daily[day] } }
            let units = terms.rounded(cover + safetyStock - onHand)
            searchFrom = reorderDay + 1
            guard units > 0 else { continue }
            orders.append(Reorder(date: order, units: units, arrival: arrival, stockout: stockoutDay.map { launch.adding(days: $0) }))
            incoming[max(arrivalDay, start)] += Double(units)
            onOrder += Double(units)
            earliest = order
            landed = max(landed, arrivalDay)
        }
        // An order already placed: whether stock, with every order, runs out from the first day a
        // new order can be placed until it lands.
        if !placed.isEmpty {
            var level = stock
            var runsOut: Int?
            var previous = max(start, launch.days(to: firstOrder))
            for index in placed.indices {
                // (An order that landed before the first batch counts from the first batch's day.)
                let arrivalDay = min(max(launch.days(to: placed[index].arrival), start), days)
                level = stock
                runsOut = nil
                for day in start..<arrivalDay {
                    level += incoming[day]
                    level -= daily[day]
                    if day >= previous, runsOut == nil, level <= 0 { runsOut = day + 1 }
                }
                orders[index].stockout = runsOut.map { launch.adding(days: $0) }
                previous = max(previous, arrivalDay)
            }
        }
        return orders
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
