import Testing
@testable import GTMKit

/// The sales events' calendar, swept over two centuries: every preset's day exists and is the
/// day its rule names, whatever the year, the launch's weekday or the horizon.
@Suite struct SalesEventsTests {
    static let years = 1970...2200

    /// The fourth Thursday of November, found by walking the days 22–28 (one of them is a
    /// Thursday): an independent reading of the rule, not the code's formula.
    static func thanksgiving(_ year: Int) throws -> CivilDate {
        let days = try (22...28).map { try #require(CivilDate(year: year, month: 11, day: $0)) }
        return try #require(days.first { $0.weekday == 4 })
    }

    @Test func everyPresetHasItsDayInEveryYear() throws {
        let blackFriday = try #require(SalesEvents.preset(named: "Black Friday"))
        let june = try #require(SalesEvents.preset(named: "618"))
        let singles = try #require(SalesEvents.preset(named: "双11"))
        var inDecember = 0
        for year in Self.years {
            let monday = blackFriday.day(year)
            #expect(monday == (try Self.thanksgiving(year)).adding(days: 4), "\(year)")
            #expect(monday.weekday == 1)
            if monday.month == 12 { inDecember += 1 }
            #expect(june.day(year) == CivilDate(year: year, month: 6, day: 18))
            #expect(singles.day(year) == CivilDate(year: year, month: 11, day: 11))
        }
        // Cyber Monday falls on 1 or 2 December when Thanksgiving is on the 27th or 28th: 2024,
        // 2025, 2030, 2031, 2036… (the years that crashed the plan in issue 24).
        #expect(inDecember > 50)
        #expect(blackFriday.day(2025) == CivilDate(year: 2025, month: 12, day: 1))
        #expect(blackFriday.day(2030) == CivilDate(year: 2030, month: 12, day: 2))
    }

    /// Every launch weekday of every year, every preset, short and long horizons: each event
    /// week lies within the horizon, ends on the preset's day and the weeks come in order.
    @Test func eventWeeksStayInsideEveryHorizon() throws {
        for preset in SalesEvents.presets {
            let event = Scenario.SalesEvent(name: preset.name, date: nil, lift: 2)
            for year in Self.years {
                let january = try #require(CivilDate(year: year, month: 1, day: 1))
                for weekday in 0..<7 {
                    let launch = january.adding(days: 7 * (year % 52) + weekday)
                    for days in [1, 7, 90, 365, 945, 3_650] {
                        let weeks = SalesEvents.weeks(event, launch: launch, days: days)
                        var previous = -1
                        for week in weeks {
                            #expect(week.start >= 0 && week.start < week.end && week.end <= days)
                            #expect(week.start > previous)
                            previous = week.start
                            #expect(preset.day(week.last.year) == week.last)
                            #expect(launch.days(to: week.last) + 1 >= week.end)
                        }
                        // A horizon of a year or more holds the event at least once.
                        if days >= 365 { #expect(!weeks.isEmpty) }
                    }
                }
            }
        }
    }

    /// The 15-line scenario of issue 24: a Black Friday event in a horizon that reaches 2030.
    @Test func aLaunchIn2030WithBlackFridayPlans() throws {
        let text = """
        scenario:
          currency: USD
        product:
          name: X
          price: 100
          unit_cost: 40
        launch:
          date: 2030-03-02
        market:
          population: 1M
          serviceable: 50%
          obtainable: 1%
        demand:
          events:
            - name: Black Friday

        """
        let plan = try Planner.plan(document: Document.parse(name: "x.txt", bytes: Array(text.utf8)))
        let event = try #require(plan.demand?.events.first)
        #expect(event.last == CivilDate(year: 2030, month: 12, day: 2))
        // 1M × 50% × 1% = 5,000 units on the curve over the 12 months; Cyber Week's 2.6× lift
        // adds to them.
        #expect(abs((plan[.baselineUnits] ?? 0) - 5_000) < 1e-6)
        #expect((plan[.eventUnits] ?? 0) > 0)
    }
}
