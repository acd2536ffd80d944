/// Weekly sales within the horizon: the market size spread by the Bass curve's shape.
public struct DemandCurve: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The top-down SOM.
        case topDown
        /// The channels' bottom-up total (no `market` section).
        case bottomUp
    }

    public struct Week: Sendable, Equatable {
        /// 1 = launch week.
        public var number: Int
        public var start: CivilDate
        /// Days of the horizon in this week: 7, or fewer in a last partial week.
        public var days: Int
        public var units: Double
        public var cumulative: Double
    }

    public var source: Source
    public var weeks: [Week]
    /// Units sold within the horizon: the market size the curve spreads.
    public var horizonUnits: Double
    public var p: Double
    public var q: Double
    public var launchBoost: Double

    public var firstWeekUnits: Double { weeks.first?.units ?? 0 }

    /// The week with the most sales (the first such week on a tie).
    public var peakWeek: Int {
        var best = weeks.first
        for week in weeks where week.units > (best?.units ?? 0) { best = week }
        return best?.number ?? 1
    }
}

/// The demand model (see README, "Demand over time").
public enum DemandModel {
    /// Share of the horizon's sales made in its first `days` days, launch boost included.
    ///
    /// Days map onto Bass time linearly: day d of a D-day horizon of H years is t = H·d/D.
    /// The boost is sold in launch week, spread evenly over its 7 days.
    @inline(__always)
    public static func share(firstDays days: Double, horizonDays: Double, years: Double,
                             p: Double, q: Double, boost: Double) -> Double {
        guard horizonDays > 0 else { return 0 }
        let clamped = min(max(days, 0), horizonDays)
        let whole = Bass.cumulative(years, p: p, q: q)
        guard whole > 0 else { return 0 }
        let curve = Bass.cumulative(years * clamped / horizonDays, p: p, q: q) / whole
        let boosted = min(clamped, min(7, horizonDays)) / min(7, horizonDays)
        return (1 - boost) * curve + boost * boosted
    }

    /// The weekly curve of the base case, starting on launch day.
    public static func curve(total: Double, source: DemandCurve.Source, launch: CivilDate, horizon: Period,
                             p: Double, q: Double, boost: Double) -> DemandCurve {
        let horizonDays = horizon.days(from: launch)
        let years = horizon.years
        var weeks: [DemandCurve.Week] = []
        var cumulative = 0.0
        var previousShare = 0.0
        var day = 0
        while day < horizonDays {
            let end = min(day + 7, horizonDays)
            // The boost goes to launch week whole, whatever its length.
            let curveShare = horizonDays > 0
                ? Bass.cumulative(years * Double(end) / Double(horizonDays), p: p, q: q) / Bass.cumulative(years, p: p, q: q)
                : 0
            let units = total * ((1 - boost) * (curveShare - previousShare) + (day == 0 ? boost : 0))
            cumulative += units
            weeks.append(.init(number: weeks.count + 1, start: launch.adding(days: day), days: end - day,
                               units: units, cumulative: cumulative))
            previousShare = curveShare
            day = end
        }
        return DemandCurve(source: source, weeks: weeks, horizonUnits: total, p: p, q: q, launchBoost: boost)
    }
}
