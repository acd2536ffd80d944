/// Sales events and seasons (see the Models article, "Sales events"): a week whose sales on the curve are
/// multiplied by a lift. Presets name the events whose date recurs each year; a published lift
/// comes with the preset only where one was found.
enum SalesEvents {
    struct Preset: Sendable {
        var name: String
        /// Names a scenario may write for it (lower case).
        var aliases: [String]
        /// Published lift of the event's week over an ordinary week, where one was found.
        var lift: Double?
        /// The event's last day in `year`.
        var day: @Sendable (Int) -> CivilDate
    }

    /// 618 (JD's festival, ending 18 June) and 双11 (Singles Day, 11 November): no published lift
    /// for a brand's week, so the scenario gives one. Cyber Week (Thanksgiving to Cyber Monday,
    /// US): 2.6× an ordinary week, derived from Adobe Analytics' 2024 figures (Cyber Week $41.1B
    /// over 5 days and $2.74B a day from January to April; as a calendar week about 2.6×).
    static let presets: [Preset] = [
        Preset(name: "618", aliases: ["618", "6.18", "6·18", "jd 618"], lift: nil,
               day: { fixedDay($0, month: 6, day: 18) }),
        Preset(name: "双11", aliases: ["双11", "双十一", "11.11", "singles day", "singles' day", "double 11", "double eleven"], lift: nil,
               day: { fixedDay($0, month: 11, day: 11) }),
        Preset(name: "Black Friday", aliases: ["black friday", "cyber week", "cyber monday", "黑五", "黑色星期五"], lift: 2.6,
               day: { cyberMonday($0) }),
    ]

    static func preset(named name: String) -> Preset? {
        let key = name.lowercased().trimmingCharacters
        return presets.first { $0.aliases.contains(key) }
    }

    /// The Monday after US Thanksgiving (the fourth Thursday of November): the last day of Cyber
    /// Week. Thanksgiving falls on 22–28 November, so Cyber Monday on 26 November to 2 December:
    /// counted in days from 1 November, never built from a day number that may not exist.
    static func cyberMonday(_ year: Int) -> CivilDate {
        let first = fixedDay(year, month: 11, day: 1)
        let firstThursday = (4 - first.weekday + 7) % 7 + 1
        return first.adding(days: firstThursday - 1 + 21 + 4)
    }

    /// A day that exists in every year (18 June, 11 November, 1 November), by its day number: no
    /// optional to unwrap.
    static func fixedDay(_ year: Int, month: Int, day: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(year: year, month: month, day: day))
    }

    /// The event's weeks that overlap the horizon `[launch, launch + days)`: each the 7 days
    /// ending on its date (or from its `start`), as launch-relative day ranges `[start, end)`
    /// clipped to the horizon. A preset without a date or a start recurs every year.
    static func weeks(_ event: Scenario.SalesEvent, launch: CivilDate, days: Int) -> [(start: Int, end: Int, last: CivilDate)] {
        if let first = event.start, let last = event.date ?? preset(named: event.name)?.day(first.year) {
            let start = launch.days(to: first), end = launch.days(to: last) + 1
            guard end > 0, start < days, start < end else { return [] }
            return [(max(start, 0), min(end, days), last)]
        }
        var lasts: [CivilDate] = []
        if let date = event.date {
            lasts = [date]
        } else if let preset = preset(named: event.name) {
            let end = launch.adding(days: days + 6)
            lasts = (launch.year...end.year).map(preset.day)
        }
        return lasts.compactMap { last in
            let end = launch.days(to: last) + 1
            let start = end - 7
            guard end > 0, start < days else { return nil }
            return (max(start, 0), min(end, days), last)
        }
    }
}
