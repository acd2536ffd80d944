/// Weekly sales within the horizon: the market size spread by the Bass curve's shape.
public struct DemandCurve: Sendable, Equatable {
    public struct Week: Sendable, Equatable {
        /// 1 = launch week.
        public var number: Int
        public var start: CivilDate
        /// Days of the horizon in this week: 7, or fewer in a last partial week.
        public var days: Int
        public var units: Double
        public var cumulative: Double
    }

    /// True when the size is the top-down SOM; false for the channels' bottom-up total.
    public var fromTopDown: Bool
    public var weeks: [Week]
    public var p: Double
    public var q: Double
    public var launchBoost: Double
}

/// The demand model (see README, "Demand over time"): the share of the horizon's sales made by
/// each day after launch, one function for the weekly curve, the launch week and the first
/// batch's window, in the base case and in every trial.
final class DemandModel: Sendable {
    let p: Int, q: Int, boost: Int
    let horizonDays: Double
    let years: Double
    /// Where the size comes from: SOM, or the channels' total; nil without either (a forecast only).
    let size: Output?

    init(_ scenario: Scenario, _ inputs: inout InputTable, size: Output?) {
        p = inputs.bind(scenario.curve.p, "demand.p")
        q = inputs.bind(scenario.curve.q, "demand.q")
        boost = inputs.bind(scenario.curve.launchBoost, "demand.launch_boost")
        horizonDays = Double(scenario.horizon.days(from: scenario.launch.date))
        years = scenario.horizon.years
        self.size = size
    }

    /// Share of the horizon's sales made in its first `days` days, launch boost included.
    ///
    /// Days map onto Bass time linearly: day d of a D-day horizon of H years is t = H·d/D, and the
    /// curve is scaled so the horizon holds all of it. The boost is sold in launch week, spread
    /// evenly over its days (its 7 days, or the whole horizon when that is shorter).
    @inline(__always)
    static func share(firstDays days: Double, horizonDays: Double, years: Double, p: Double, q: Double, boost: Double) -> Double {
        guard horizonDays > 0 else { return 0 }
        let clamped = min(max(days, 0), horizonDays)
        let whole = Bass.cumulative(years, p: p, q: q)
        guard whole > 0 else { return 0 }
        let curve = Bass.cumulative(years * clamped / horizonDays, p: p, q: q) / whole
        let launchWeek = min(7, horizonDays)
        return (1 - boost) * curve + boost * min(clamped, launchWeek) / launchWeek
    }

    @inline(__always)
    func share(firstDays days: Double, _ v: UnsafeMutablePointer<Double>) -> Double {
        Self.share(firstDays: days, horizonDays: horizonDays, years: years, p: v[p], q: v[q], boost: v[boost])
    }

    /// Units sold within the horizon (the market size) and in launch week.
    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        guard let size else { return }
        let total = ws[size]
        ws[.horizonUnits] = total
        ws[.firstWeekUnits] = total * share(firstDays: 7, v)
    }

    /// The weekly curve of one evaluation (the report's table): the units of each week are the
    /// difference of the same cumulative share at the week's ends.
    func curve(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, launch: CivilDate) -> DemandCurve {
        let total = size.map { ws[$0] } ?? 0
        var weeks: [DemandCurve.Week] = []
        var cumulative = 0.0
        var previous = 0.0
        var day = 0
        let days = Int(horizonDays)
        while day < days {
            let end = min(day + 7, days)
            let share = self.share(firstDays: Double(end), v)
            let units = total * (share - previous)
            cumulative += units
            weeks.append(.init(number: weeks.count + 1, start: launch.adding(days: day), days: end - day, units: units,
                               cumulative: cumulative))
            previous = share
            day = end
        }
        return DemandCurve(fromTopDown: size == .somUnits, weeks: weeks, p: v[p], q: v[q], launchBoost: v[boost])
    }

    /// The week with the most sales (the first such week on a tie).
    static func peakWeek(_ weeks: [DemandCurve.Week]) -> Int {
        var best = weeks.first
        for week in weeks where week.units > (best?.units ?? 0) { best = week }
        return best?.number ?? 1
    }
}
