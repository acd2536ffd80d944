/// An order after the first batch: the day to place it, what to order, when it lands, and what it
/// is for (median case).
struct Reorder: Sendable, Hashable {
    /// The day to place the order.
    var date: CivilDate
    var units: Int
    var arrival: CivilDate
    /// The day stock runs out without the reorder, if it does within the horizon.
    var stockout: CivilDate?
    /// Units on hand the day it lands, before it does, and the safety stock it was to land at.
    var stockAtArrival = 0.0
    var safetyStock = 0.0
    /// The demand it serves: from the day it lands until the next order lands (or the horizon ends).
    var serves = 0.0
    /// How it was sized: to cover the coverage after it lands, or (the last of the horizon) against
    /// the demand left.
    var sizing = Sizing.coverage

    enum Sizing: Sendable, Hashable { case coverage, demandLeft }

    init(date: CivilDate, units: Int, arrival: CivilDate, stockout: CivilDate?) {
        self.date = date
        self.units = units
        self.arrival = arrival
        self.stockout = stockout
    }

    /// True when the reorder cannot arrive before stock runs out, even placed as early as it may be.
    var arrivesLate: Bool { stockout.map { arrival > $0 } ?? false }

    /// An order the policy would place but does not: at the MOQ, the demand left does not pay for
    /// its units. `sales` the sales it would have made, `contribution` what they would have
    /// brought, `value` its expected profit (< 0) after the units left unsold.
    struct Skipped: Sendable, Hashable {
        var date: CivilDate
        var units: Int
        var sales: Double
        var contribution: Double
        var value: Double
    }
}

/// What the reorder policy needs of the first batch and the order terms.
struct ReorderPolicy: Sendable {
    var launch: CivilDate
    /// The day the first batch's `stock` (retail units) is in the warehouse.
    var arrives: CivilDate
    var stock: Double
    /// The safety stock at the first batch's window's pace; with `referenceLeadDemand` (that pace's
    /// demand over a lead time), each order's safety stock moves with the demand forecast for the
    /// lead time after it lands (safety stock as days of forward supply, a constant coefficient of
    /// variation of lead-time demand); without, it is this constant.
    var safetyStock: Double
    var referenceLeadDemand: Double? = nil
    var leadTime: Period
    /// The first day an order may be placed (the first purchase order, or the day after the last
    /// week sold when re-planning on actual sales).
    var firstOrder: CivilDate
    var coverageDays: Int
    var terms: OrderTerms
    /// Orders that would be placed within this many days of the previous one are merged into it
    /// (a weekly review).
    var reviewDays = 7
    /// The last order's newsvendor: the demand left's spread relative to its mean, the ratio's z,
    /// and what a missed sale and an unsold unit cost.
    var spread = 0.0
    var z = 0.0
    var underage = 0.0
    var overage = 0.0
}

/// The orders after the first batch, their stock, and what the policy noticed.
struct ReorderSchedule: Sendable, Equatable {
    var orders: [Reorder] = [] { didSet { landings = orders.map(Landing.init) } }
    /// Each order's day, arrival day (days since 1970-01-01) and units, in the orders' order: what
    /// the cash flow reads every trial, worked out once per schedule.
    private(set) var landings: [Landing] = []
    /// Median-case stock on hand at the end of each day from launch (lost sales: never below 0).
    var onHand: [Double] = []
    /// The last order, skipped because the demand left does not pay for its MOQ.
    var skipped: Reorder.Skipped?
    /// The first order placed before launch because the first batch runs out before an order
    /// placed at launch could land.
    var beforeLaunch: Reorder?

    struct Landing: Sendable, Equatable {
        /// Arrival.
        let day: Int
        let ordered: Int
        let units: Double

        init(_ order: Reorder) {
            day = order.arrival.daysSinceEpoch
            ordered = order.date.daysSinceEpoch
            units = Double(order.units)
        }
    }

    init(orders: [Reorder] = []) {
        self.orders = orders
        landings = orders.map(Landing.init)
    }

    /// Stock at the end of each week from launch (the last week may be short).
    var weeklyStock: [Double] {
        stride(from: 0, to: onHand.count, by: 7).map { onHand[min($0 + 6, onHand.count - 1)] }
    }
}

/// The reorder model (see the Models article, "Reorders"): a forward-looking policy on the median case's
/// demand curve.
enum ReorderModel {
    /// Every order after the first batch, through the horizon. `daily[d]` is the demand of day d
    /// after launch (day 0 is launch day) within the horizon. Each order is placed so that it lands
    /// the day the projected stock (the median curve, with every earlier order) falls to the
    /// safety stock, no earlier than `firstOrder` and the previous order, and not before launch
    /// unless the batch would run out before an order placed at launch could land. It covers the
    /// demand from its arrival to `coverageDays` after that day, plus the safety stock, less the
    /// stock on hand when it lands. The last order (its coverage reaching the horizon's end) is a
    /// newsvendor on the demand left, at the batch's ratio; if its MOQ makes it lose money it is
    /// skipped and `skipped` says what that loses. Orders placed within `reviewDays` of the
    /// previous are merged into it. `placed`: orders already placed (re-planning on actual sales),
    /// kept as they are, each with the day stock runs out before it lands (nil when it lands in
    /// time). Each projection is one pass over the days: O(days × orders).
    static func plan(_ daily: [Double], _ policy: ReorderPolicy, placed: [Reorder] = []) -> ReorderSchedule {
        let days = daily.count
        let launch = policy.launch
        let start = max(0, launch.days(to: policy.arrives))
        var schedule = ReorderSchedule(orders: placed)
        guard start < days else { return schedule }
        // Units arriving at the start of each day (orders that arrive before `start` count at `start`).
        var incoming = [Double](repeating: 0, count: days + 1)
        func day(_ date: CivilDate) -> Int { min(max(launch.days(to: date), start), days) }
        for order in placed { incoming[day(order.arrival)] += Double(order.units) }
        // Stock at the start of each day, arrivals of that day in, before its sales.
        var open = [Double](repeating: 0, count: days + 1)
        func project() {
            var level = 0.0
            for d in start..<days {
                level += incoming[d] + (d == start ? policy.stock : 0)
                open[d] = level
                level = max(0, level - daily[d])
            }
            open[days] = level + incoming[days]
        }
        // The safety stock for an order landing on `day`: the constant, or scaled to the demand forecast
        // for the lead time from that day (at the last days' pace where the horizon ends inside it).
        var prefix = [0.0]
        prefix.reserveCapacity(days + 1)
        for units in daily { prefix.append(prefix[prefix.count - 1] + units) }
        let leadDays = max(1, policy.leadTime.days(from: launch))
        func safety(_ day: Int) -> Double {
            guard let reference = policy.referenceLeadDemand, reference > 0 else { return policy.safetyStock }
            let low = min(max(day, 0), days - 1), high = min(days, low + leadDays)
            let leadDemand = (prefix[high] - prefix[low]) * Double(leadDays) / Double(high - low)
            return policy.safetyStock * leadDemand / reference
        }
        var earliest = max(policy.firstOrder, placed.last?.date ?? policy.firstOrder)
        // The day every order so far has landed: a fall before it belongs to an earlier order.
        var landed = placed.reduce(start) { max($0, day($1.arrival)) }
        for _ in 0..<days {
            project()
            var safetyDay: Int?, stockoutDay: Int?
            for d in landed..<days {
                let end = open[d] - daily[d]
                if safetyDay == nil, end <= safety(d + 1) { safetyDay = d + 1 }
                if end <= 0 { stockoutDay = d + 1; break }
            }
            guard let safetyDay, safetyDay < days, policy.coverageDays > 0 else { break }
            var date = max(policy.leadTime.before(launch.adding(days: safetyDay)), earliest)
            var beforeLaunch = false
            if date < launch {
                // The batch covers until an order placed at launch lands, unless it runs out first.
                let atLaunch = max(launch, earliest)
                if let stockoutDay, launch.days(to: policy.leadTime.after(atLaunch)) > stockoutDay {
                    beforeLaunch = true
                } else {
                    date = atLaunch
                }
            }
            let arrival = policy.leadTime.after(date)
            let arrivalDay = launch.days(to: arrival)
            guard arrivalDay < days else { break }
            let at = max(arrivalDay, start)
            let onHand = open[at]
            var units: Int
            var sizing = Reorder.Sizing.coverage
            let coverTo = max(at, safetyDay) + policy.coverageDays
            if coverTo < days {
                let need = daily[at..<coverTo].reduce(0, +) + safety(coverTo) - onHand
                units = policy.terms.rounded(max(0, need))
            } else {
                sizing = .demandLeft
                let left = daily[at..<days].reduce(0, +)
                let sd = policy.spread * left
                let target = policy.underage > 0 ? max(0, left + policy.z * sd) : 0
                let wanted = max(0, target - onHand)
                units = policy.terms.rounded(wanted)
                if units > 0, Double(units) > wanted + 0.5 {
                    let sold = expectedSales(mean: left, sd: sd, stock: onHand + Double(units)) - expectedSales(mean: left, sd: sd, stock: onHand)
                    let value = policy.underage * sold - policy.overage * (Double(units) - sold)
                    if value <= 0 {
                        schedule.skipped = .init(date: date, units: units, sales: sold, contribution: policy.underage * sold, value: value)
                        break
                    }
                }
            }
            guard units > 0 else { break }
            if let last = schedule.orders.indices.last, last >= placed.count,
               date < schedule.orders[last].date.adding(days: policy.reviewDays) {
                // Within one review period of the previous order: one order.
                schedule.orders[last].units += units
                schedule.orders[last].sizing = sizing
                incoming[day(schedule.orders[last].arrival)] += Double(units)
            } else {
                var order = Reorder(date: date, units: units, arrival: arrival, stockout: stockoutDay.map { launch.adding(days: $0) })
                order.sizing = sizing
                order.safetyStock = safety(safetyDay)
                schedule.orders.append(order)
                if beforeLaunch, schedule.beforeLaunch == nil { schedule.beforeLaunch = order }
                incoming[day(arrival)] += Double(units)
                earliest = date
                landed = max(landed, min(arrivalDay, days))
            }
        }
        project()
        describe(&schedule, daily: daily, open: open, start: start, placed: placed.count, launch: launch, day: day)
        return schedule
    }

    /// Each order's stock at arrival and the demand it serves, the stock on hand day by day, and
    /// whether stock runs out before an order already placed lands.
    private static func describe(_ schedule: inout ReorderSchedule, daily: [Double], open: [Double], start: Int, placed: Int,
                                 launch: CivilDate, day: (CivilDate) -> Int) {
        let days = daily.count
        let arrivals = schedule.orders.map { day($0.arrival) }
        for index in schedule.orders.indices {
            let at = arrivals[index]
            let arrivingThatDay = zip(arrivals, schedule.orders).filter { $0.0 == at }.reduce(0.0) { $0 + Double($1.1.units) }
            schedule.orders[index].stockAtArrival = at < days ? max(0, open[at] - arrivingThatDay) : 0
            let next = arrivals.dropFirst(index + 1).first { $0 > at } ?? days
            schedule.orders[index].serves = at < next ? daily[at..<next].reduce(0, +) : 0
        }
        schedule.onHand = (0..<days).map { $0 < start ? 0 : max(0, open[$0] - daily[$0]) }
        // An order already placed: whether stock runs out after the previous order landed and
        // before it lands.
        var previous = start
        for index in 0..<placed {
            let at = arrivals[index]
            var runsOut: Int?
            for d in previous..<max(previous, at) where open[d] - daily[d] <= 0 {
                runsOut = d + 1
                break
            }
            schedule.orders[index].stockout = runsOut.map { launch.adding(days: $0) }
            previous = max(previous, at)
        }
    }

    /// E[min(D, stock)] for demand D ~ N(mean, sd) (never below 0 in effect): the sales `stock` makes.
    static func expectedSales(mean: Double, sd: Double, stock: Double) -> Double {
        guard sd > 0 else { return max(0, min(mean, stock)) }
        return max(0, mean - sd * Normal.loss((stock - mean) / sd))
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
