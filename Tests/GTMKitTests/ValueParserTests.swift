import Testing
@testable import GTMKit

/// A parser for `kind` with the kind's natural bounds, in a CNY scenario.
func valueParser(_ kind: ValueKind, key: String = "x", bounds: ClosedRange<Double>? = nil,
                 uncertain: Bool = true, currency: String = "CNY") -> ValueParser {
    let natural: ClosedRange<Double>
    switch kind {
    case .share: natural = 0...1
    case .number: natural = -1e15...1e15
    default: natural = 0...1e15
    }
    return ValueParser(key: key, kind: kind, bounds: bounds ?? natural, allowsUncertainty: uncertain, currency: currency)
}

func number(_ text: String, _ kind: ValueKind, currency: String = "CNY") throws -> Double {
    guard case .quantity(let quantity) = try valueParser(kind, currency: currency).parse(text) else {
        throw ValueError("not a quantity")
    }
    return quantity.value
}

func failure(_ text: String, _ kind: ValueKind, key: String = "x", bounds: ClosedRange<Double>? = nil,
             uncertain: Bool = true) -> ValueError? {
    do {
        _ = try valueParser(kind, key: key, bounds: bounds, uncertain: uncertain).parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct ValueParserTests {
    /// The byte search the parser finds `to` and the separators with: each expected range is
    /// counted by hand in characters (a partial match before the real one, a multi-byte needle
    /// and text, a needle at the very end, none at all).
    @Test(arguments: [
        ("1 t 2 to 5", " to ", 5..<9), ("2%–5%", "–", 2..<3), ("约 3 ～ 5", "～", 4..<5), ("1 to", " to", 1..<4),
        ("1 to", " to ", nil), ("", "..", nil), ("1.2..3", "..", 3..<5), ("10 tó 20", " to ", nil),
    ] as [(String, String, Range<Int>?)])
    func byteSearch(text: String, needle: String, expected: Range<Int>?) {
        let found = ValueParser.firstRange(of: needle, in: Substring(text)).map {
            text.distance(from: text.startIndex, to: $0.lowerBound)..<text.distance(from: text.startIndex, to: $0.upperBound)
        }
        #expect(found == expected)
    }

    // Each expected value is the text's meaning worked out by hand.
    @Test(arguments: [
        ("1200", 1200.0), ("1,200", 1200), ("1_200", 1200), ("1,234,567", 1_234_567), ("1.5", 1.5),
        ("1.2e6", 1_200_000), ("12k", 12_000), ("12K", 12_000), ("3.5M", 3_500_000), ("2B", 2e9),
        ("300万", 3_000_000), ("1.2亿", 120_000_000), ("0", 0), ("  42  ", 42), (".5", 0.5),
    ])
    func counts(text: String, expected: Double) throws {
        #expect(try number(text, .count) == expected)
    }

    @Test(arguments: [
        ("twelve", "`x` is a count, not `twelve`"),
        ("1,20", "misplaced thousands separator in `1,20`"),
        ("1,2345", "misplaced thousands separator in `1,2345`"),
        ("3.5m", "`3.5m` is not a number (unexpected `m`)"),
        ("12 k", "`12 k` is not a number (unexpected ` k`)"),
        ("1e400", "`1e400` is too large to represent"),
        ("2e15", "`2e15` is larger than 10^15, the largest number gtm accepts"),
        ("-5", "`x` must be 0 or more, not -5"),
        ("5%", "`x` is a count, not a share"),
        ("¥5", "`x` is a count, not money"),
        ("1__0", "`_` must stand between digits in `1__0`"),
        ("nan", "`x` is a count, not `nan`"),
        ("inf", "`x` is a count, not `inf`"),
        ("12 million", "`12 million` is not a number (unexpected ` million`)"),
        ("", "`x` needs a value"),
    ])
    func badCounts(text: String, message: String) {
        #expect(failure(text, .count)?.message == message)
    }

    @Test func integersMustBeWhole() {
        #expect(failure("2.5", .integer)?.message == "`x` is a whole number, not 2.5")
        #expect((try? number("1,000", .integer)) == 1000)
        #expect(failure("5 to 10", .integer, uncertain: false)?.message == "`x` takes a single value, not a range")
    }

    @Test(arguments: [("5%", 0.05), ("0.05", 0.05), ("12.5 %", 0.125), ("100%", 1), ("0", 0), ("1", 1)])
    func shares(text: String, expected: Double) throws {
        #expect(try number(text, .share) == expected)
    }

    @Test func bareShareAboveOneSuggestsThePercentForm() {
        // The contract's own example (spec §4).
        let error = failure("2", .share, key: "obtainable")
        #expect(error?.message == "`obtainable` is a share; write 2% or 0.02, not 2")
        #expect(failure("35", .share, key: "serviceable")?.message == "`serviceable` is a share; write 35% or 0.35, not 35")
        #expect(failure("120%", .share, key: "serviceable")?.message == "`serviceable` must be at most 100%, not 120%")
    }

    @Test(arguments: [
        ("399", 399.0), ("399 CNY", 399), ("¥399", 399), ("￥399", 399), ("CNY 399", 399), ("12k CNY", 12_000),
        ("1.2万", 12_000), ("399元", 399), ("RMB 399", 399), ("49.90", 49.9),
    ])
    func moneyInYuan(text: String, expected: Double) throws {
        #expect(try number(text, .money) == expected)
    }

    @Test(arguments: [("$49", 49.0), ("USD 49", 49), ("49.90 USD", 49.9), ("US$1,299", 1299), ("12k USD", 12_000)])
    func moneyInDollars(text: String, expected: Double) throws {
        #expect(try number(text, .money, currency: "USD") == expected)
    }

    @Test func moneyInAnotherCurrencyIsRefused() {
        let error = failure("$49", .money, key: "price")
        #expect(error?.message == "`price` is written in USD, but the scenario's currency is CNY")
        #expect(error?.hint?.contains("scenario.currency: USD") == true)
        #expect(failure("49 EUR", .money, key: "price")?.message == "`price` is written in EUR, but the scenario's currency is CNY")
        #expect(failure("-1", .money, key: "price")?.message == "`price` must be 0 or more, not -1 CNY")
    }

    @Test func yenSignIsYenInAJapaneseScenario() throws {
        #expect(try number("¥5000", .money, currency: "JPY") == 5000)
    }

    @Test(arguments: [
        ("14 days", Period.days(14)), ("14d", .days(14)), ("1 day", .days(1)), ("6 weeks", .days(42)), ("6w", .days(42)),
        ("3 months", .months(3)), ("3mo", .months(3)), ("1 year", .months(12)), ("14天", .days(14)), ("6周", .days(42)),
        ("3个月", .months(3)), ("2 Weeks", .days(14)), ("0 days", .days(0)),
    ])
    func periods(text: String, expected: Period) throws {
        #expect(try valueParser(.period).parse(text) == .period(expected))
    }

    @Test(arguments: [
        ("14", "`x` is a duration; write 14 days, 14 weeks or 14 months"),
        ("3m", "`m` is not a unit of time gtm knows"),
        ("1.5 weeks", "`x` needs a whole number of weeks"),
        ("-3 days", "`x` must be 0 or more, not -3"),
        ("soon", "`x` is a duration, not `soon`"),
        ("400 months", "`x` is longer than 11000 days, the longest duration gtm accepts"),
    ])
    func badPeriods(text: String, message: String) {
        #expect(failure(text, .period)?.message == message)
    }

    @Test func dates() throws {
        #expect(try valueParser(.date).parse("2027-03-15") == .date(CivilDate(year: 2027, month: 3, day: 15)!))
        #expect(try valueParser(.date).parse("2028-02-29") == .date(CivilDate(year: 2028, month: 2, day: 29)!))
        #expect(failure("2027-02-29", .date)?.message == "2027-02-29 is not a date: February 2027 has 28 days")
        #expect(failure("2027-02-30", .date)?.offset == 8)
        #expect(failure("2027-13-01", .date)?.message == "2027-13-01 is not a date: there is no month 13")
        #expect(failure("2027/03/15", .date)?.message == "`x` is a date written YYYY-MM-DD, not `2027/03/15`")
        #expect(failure("27-03-15", .date) != nil)
        #expect(failure("1066-10-14", .date)?.message == "year 1066 is outside 1900–2200")
    }

    @Test func booleansAndChoices() throws {
        #expect(try valueParser(.boolean).parse("yes") == .boolean(true))
        #expect(try valueParser(.boolean).parse("False") == .boolean(false))
        #expect(failure("maybe", .boolean)?.message == "`x` is yes or no, not `maybe`")
        let platform = ValueKind.choice(["kickstarter", "indiegogo"])
        #expect(try valueParser(platform).parse("indiegogo") == .text("indiegogo"))
        #expect(failure("kickstart", platform)?.hint?.hasPrefix("did you mean `kickstarter`?") == true)
    }

    @Test func textIsTakenAsWritten() throws {
        // No "Norway problem": `no` is text where the schema wants text.
        #expect(try valueParser(.text).parse("no") == .text("no"))
    }
}

@Suite struct UncertainValueTests {
    func quantity(_ text: String, _ kind: ValueKind = .count) throws -> Quantity {
        guard case .quantity(let quantity) = try valueParser(kind).parse(text) else { throw ValueError("no") }
        return quantity
    }

    @Test func rangeIsALognormalNinetyPercentInterval() throws {
        let value = try quantity("8k to 12k")
        #expect(value.distribution == .lognormal(low: 8000, high: 12000))
        // Median of a lognormal with 5th/95th percentiles a, b is √(ab): √(8000·12000) = 9797.958971…
        #expect(abs(value.value - 9797.958971132712) < 1e-9)
    }

    @Test func rangesOfSharesAndMoney() throws {
        #expect(try quantity("2% to 5%", .share).distribution == .lognormal(low: 0.02, high: 0.05))
        #expect(try quantity("300 to 450 CNY", .money).distribution == .lognormal(low: 300, high: 450))
        #expect(try quantity("¥300 to ¥450", .money).distribution == .lognormal(low: 300, high: 450))
    }

    @Test func distributionForms() throws {
        #expect(try quantity("normal(100, 15)").distribution == .normal(mean: 100, sd: 15))
        #expect(try quantity("lognormal(5, 10)").distribution == .lognormal(low: 5, high: 10))
        #expect(try quantity("uniform(1, 3)").value == 2)
        #expect(try quantity("triangular(0, 1, 4)", .number).distribution == .triangular(low: 0, mode: 1, high: 4))
        #expect(try quantity("pert(2%, 3%, 4%)", .share).distribution == .pert(low: 0.02, mode: 0.03, high: 0.04))
        #expect(try quantity("normal(399, 20) CNY", .money).distribution == .normal(mean: 399, sd: 20))
    }

    @Test func zeroOrNegativeEndsAreRefusedWithTheAlternatives() {
        let error = failure("0 to 5", .number)
        #expect(error?.message == "`a to b` is a lognormal 90% interval and needs two ends above zero")
        #expect(error?.hint?.contains("normal(mean, sd), uniform(a, b) or triangular(min, mode, max)") == true)
        #expect(failure("-2 to 5", .number)?.message == "`a to b` is a lognormal 90% interval and needs two ends above zero")
    }

    @Test(arguments: [
        ("5 to 2", "the low end of `5 to 2` must be below the high end"),
        ("3 to 3", "the low end of `3 to 3` must be below the high end"),
        ("uniform(5, 1)", "the low end of `uniform(a, b)` must be below the high end"),
        ("normal(1, 0)", "the standard deviation of `normal(…)` must be above zero"),
        ("triangular(1, 5, 3)", "`triangular(min, mode, max)` needs min ≤ mode ≤ max and min < max"),
        ("normal(1)", "`normal` takes 2 numbers, not 1"),
        ("beta(1, 2)", "`beta(…)` is not a distribution gtm knows"),
        ("normal(1, 2", "`normal(` has no closing `)`"),
        ("1 to 2 to 3", "a range has one `to`"),
    ])
    func badForms(text: String, message: String) {
        #expect(failure(text, .count)?.message == message)
    }

    @Test func boundsApplyToTheEnds() {
        #expect(failure("50% to 120%", .share)?.message == "`x` must be at most 100%, not 120%")
        #expect(failure("uniform(-1, 3)", .count)?.message == "`x` must be 0 or more, not -1")
    }

    @Test func errorsPointIntoTheRange() {
        // "10 to 2x": the bad end starts at character 6 (offset 6).
        #expect(failure("10 to 2x", .count)?.offset == 6 + 1)
    }

    @Test func keysThatTakeOneValueRefuseRanges() {
        #expect(failure("2% to 5%", .share, uncertain: false)?.message == "`x` takes a single value, not a range")
    }
}
