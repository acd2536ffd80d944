/// Turns a scalar's text into a typed `Value` for one key, with that key's bounds.
struct ValueParser: Sendable {
    /// The key as named in messages, e.g. `obtainable`.
    var key: String
    var kind: ValueKind
    /// Bounds in stored units (a share's bounds are fractions).
    var bounds: ClosedRange<Double>
    /// True when the key accepts `a to b` and the distribution forms.
    var allowsUncertainty: Bool
    /// The scenario's currency: money written in another is refused.
    var currency: String

    init(key: String, kind: ValueKind, bounds: ClosedRange<Double>, allowsUncertainty: Bool, currency: String) {
        self.key = key
        self.kind = kind
        self.bounds = bounds
        self.allowsUncertainty = allowsUncertainty
        self.currency = currency
    }

    static let distributionNames = ["normal", "lognormal", "uniform", "triangular", "pert"]
    static let rangeHint = "write a to b, normal(m, sd), lognormal(a, b), uniform(a, b), triangular(min, mode, max) or pert(min, mode, max)"

    func parse(_ text: String) throws(ValueError) -> Value {
        let trimmed = Substring(text).trimmingSpaces
        let lead = text.unicodeScalars.count - Substring(text).trimmingLeadingSpaces.unicodeScalars.count
        guard !trimmed.isEmpty else {
            throw ValueError("`\(key)` needs a value", hint: example)
        }
        do throws(ValueError) {
            switch kind {
            case .count, .integer, .number, .share, .money:
                return .quantity(try quantity(trimmed))
            case .period:
                return .period(try period(trimmed))
            case .date:
                return .date(try date(trimmed))
            case .boolean:
                switch trimmed {
                case "yes", "Yes", "YES", "true", "True", "TRUE": return .boolean(true)
                case "no", "No", "NO", "false", "False", "FALSE": return .boolean(false)
                default:
                    throw ValueError("`\(key)` is yes or no, not `\(trimmed)`", hint: "write yes, no, true or false")
                }
            case .text:
                return .text(String(trimmed))
            case .choice(let options):
                guard options.contains(String(trimmed)) else {
                    let guess = Suggestion.closest(to: String(trimmed), in: options).map { "did you mean `\($0)`? " } ?? ""
                    throw ValueError("`\(key)` is one of \(options.map { "`\($0)`" }.joined(separator: ", ")), not `\(trimmed)`",
                                     hint: "\(guess)write one of: \(options.joined(separator: ", "))")
                }
                return .text(String(trimmed))
            }
        } catch {
            var error = error
            error.offset += lead
            throw error
        }
    }

    /// An example of a valid value, for hints.
    var example: String {
        switch kind {
        case .count: return "write a count such as 1200, 12k, 3.5M or 300万"
        case .integer: return "write a whole number such as 500"
        case .number: return "write a number such as 0.38"
        case .share: return "write a share such as 5% or 0.05"
        case .money: return "write an amount such as 399 or 399 \(currency)"
        case .period: return "write a duration such as 14 days, 6 weeks or 3 months"
        case .date: return "write a date as YYYY-MM-DD, e.g. 2027-03-15"
        case .boolean: return "write yes or no"
        case .text: return "write some text"
        case .choice(let options): return "write one of: \(options.joined(separator: ", "))"
        }
    }

    // MARK: Quantities

    /// A single number of the key's kind, or one of the uncertain forms.
    func quantity(_ text: Substring) throws(ValueError) -> Quantity {
        // Ranges written as other tools write them (`2%..5%`, `2%-5%`, `2% – 5%`): say how gtm writes one.
        let to = Self.firstRange(of: " to ", in: text)
        for separator in ["..", "–", "—", "~", "～"] where to == nil {
            if let range = Self.firstRange(of: separator, in: text), range.lowerBound > text.startIndex {
                throw ValueError("`\(text)` looks like a range", hint: "write a range as `low to high`, e.g. 2% to 5%",
                                 offset: text[..<range.lowerBound].unicodeScalars.count)
            }
        }
        if let range = to {
            try requireUncertainty(text)
            let highText = text[range.upperBound...]
            if Self.firstRange(of: " to ", in: highText) != nil {
                throw ValueError("a range has one `to`", hint: "write low to high, e.g. 2% to 5%")
            }
            let low = try single(text[..<range.lowerBound], offset: 0)
            let highOffset = text[..<range.upperBound].unicodeScalars.count
            let high = try single(highText, offset: highOffset)
            guard low > 0 else {
                throw ValueError("`a to b` is a lognormal 90% interval and needs two ends above zero",
                                 hint: "for a range that reaches zero or below write normal(mean, sd), uniform(a, b) or triangular(min, mode, max)")
            }
            guard low < high else {
                throw ValueError("the low end of `\(text)` must be below the high end",
                                 hint: low == high ? "for a known value write the number alone" : "write the smaller number first")
            }
            return try bounded(.lognormal(low: low, high: high), text)
        }
        if let open = text.firstIndex(of: "("), let first = text.first, first.isLetter, first.isASCII {
            try requireUncertainty(text)
            return try function(text, open: open)
        }
        let value = try single(text, offset: 0)
        try check(value, text)
        return Quantity(value, bounds: bounds)
    }

    /// The first place `needle` occurs in `text`, compared byte by byte in UTF-8 (a match of
    /// whole characters starts on a character's first byte): every value of a scenario goes
    /// through here, and the standard library's generic search costs more than the parse.
    static func firstRange(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        let bytes = text.utf8
        let pattern = needle.utf8
        guard let head = pattern.first else { return nil }
        var start = bytes.startIndex
        while let found = bytes[start...].firstIndex(of: head) {
            var i = found, j = pattern.startIndex
            while j != pattern.endIndex, i != bytes.endIndex, bytes[i] == pattern[j] {
                bytes.formIndex(after: &i)
                pattern.formIndex(after: &j)
            }
            if j == pattern.endIndex { return found..<i }
            start = bytes.index(after: found)
        }
        return nil
    }

    private func requireUncertainty(_ text: Substring) throws(ValueError) {
        guard allowsUncertainty else {
            throw ValueError("`\(key)` takes a single value, not a range", hint: "write one \(kind.name), e.g. \(exampleValue)")
        }
    }

    private var exampleValue: String {
        switch kind {
        case .share: return "5%"
        case .money: return "399"
        case .integer: return "500"
        default: return "1200"
        }
    }

    /// `normal(m, sd)`, `lognormal(a, b)`, `uniform(a, b)`, `triangular(min, mode, max)`, `pert(min, mode, max)`.
    private func function(_ text: Substring, open: Substring.Index) throws(ValueError) -> Quantity {
        let name = String(text[..<open]).lowercased()
        guard Self.distributionNames.contains(name) else {
            let guess = Suggestion.closest(to: name, in: Self.distributionNames).map { "did you mean `\($0)(…)`? " } ?? ""
            throw ValueError("`\(text[..<open])(…)` is not a distribution gtm knows", hint: guess + Self.rangeHint)
        }
        guard let close = text.lastIndex(of: ")"), close > open else {
            throw ValueError("`\(name)(` has no closing `)`", hint: Self.rangeHint)
        }
        // Money may name its currency once, after the parentheses: normal(399, 20) CNY.
        let trailing = text[text.index(after: close)...].trimmingSpaces
        var currencyNote: Substring = ""
        if !trailing.isEmpty {
            guard kind == .money else {
                throw ValueError("unexpected `\(trailing)` after `\(name)(…)`", hint: Self.rangeHint,
                                 offset: text[..<close].unicodeScalars.count + 1)
            }
            currencyNote = trailing
        }
        var arguments: [Double] = []
        var offset = text[...open].unicodeScalars.count
        for part in text[text.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false) {
            let argument = currencyNote.isEmpty ? part : Substring("\(part.trimmingSpaces) \(currencyNote)")
            arguments.append(try single(argument, offset: offset))
            offset += part.unicodeScalars.count + 1
        }
        let expected = name == "triangular" || name == "pert" ? 3 : 2
        guard arguments.count == expected else {
            let form = expected == 2 ? (name == "normal" ? "normal(mean, sd)" : "\(name)(low, high)") : "\(name)(min, mode, max)"
            throw ValueError("`\(name)` takes \(expected) numbers, not \(arguments.count)",
                             hint: "write \(form)" + (arguments.count > expected
                                 ? "; inside the parentheses commas separate numbers, so write 1200 or 1.2k, not 1,200" : ""))
        }
        let distribution: Distribution
        switch name {
        case "normal":
            guard arguments[1] > 0 else {
                throw ValueError("the standard deviation of `normal(…)` must be above zero",
                                 hint: "for a known value write the number alone")
            }
            distribution = .normal(mean: arguments[0], sd: arguments[1])
        case "lognormal":
            guard arguments[0] > 0 else {
                throw ValueError("`lognormal(a, b)` is a 90% interval and needs two ends above zero",
                                 hint: "for a range that reaches zero or below write normal(mean, sd), uniform(a, b) or triangular(min, mode, max)")
            }
            guard arguments[0] < arguments[1] else {
                throw ValueError("the low end of `lognormal(a, b)` must be below the high end", hint: "write the smaller number first")
            }
            distribution = .lognormal(low: arguments[0], high: arguments[1])
        case "uniform":
            guard arguments[0] < arguments[1] else {
                throw ValueError("the low end of `uniform(a, b)` must be below the high end", hint: "write the smaller number first")
            }
            distribution = .uniform(low: arguments[0], high: arguments[1])
        default:
            let (low, mode, high) = (arguments[0], arguments[1], arguments[2])
            guard low <= mode, mode <= high, low < high else {
                throw ValueError("`\(name)(min, mode, max)` needs min ≤ mode ≤ max and min < max",
                                 hint: "reorder the three numbers")
            }
            distribution = name == "pert" ? .pert(low: low, mode: mode, high: high) : .triangular(low: low, mode: mode, high: high)
        }
        return try bounded(distribution, text)
    }

    /// Checks a distribution's ends (or a normal's mean) against the bounds.
    private func bounded(_ distribution: Distribution, _ text: Substring) throws(ValueError) -> Quantity {
        switch distribution {
        case .lognormal(let low, let high), .uniform(let low, let high),
             .triangular(let low, _, let high), .pert(let low, _, let high):
            try check(low, text)
            try check(high, text)
        case .normal(let mean, _):
            try check(mean, text)
        }
        return Quantity(distribution.median, distribution: distribution, bounds: bounds)
    }

    /// One number of the key's kind: a count, a share or an amount of money.
    func single(_ text: Substring, offset: Int) throws(ValueError) -> Double {
        let text = text.trimmingSpaces
        do throws(ValueError) {
            switch kind {
            case .share:
                return try share(text)
            case .money:
                return try money(text)
            case .integer:
                try rejectUnits(text)
                let value = try NumberText.parse(text)
                guard value == value.rounded() else {
                    throw ValueError("`\(key)` is a whole number, not \(text)", hint: "write e.g. \(Int(value.rounded(.up)))")
                }
                return value
            default:
                try rejectUnits(text)
                return try NumberText.parse(text)
            }
        } catch {
            var error = error
            if error.message == "`\(text)` is not a number" {
                error.message = "`\(key)` is \(kind.article), not `\(text)`"
                error.hint = example
            }
            error.offset += offset
            throw error
        }
    }

    /// A `%` or a currency on a plain number is a sign the wrong key was used.
    private func rejectUnits(_ text: Substring) throws(ValueError) {
        if text.hasSuffix("%") {
            throw ValueError("`\(key)` is a \(kind.name), not a share", hint: "remove the `%`; \(example)")
        }
        if let marker = Self.currencyMarker(in: text) {
            throw ValueError("`\(key)` is a \(kind.name), not money", hint: "remove `\(marker.marker)`; \(example)")
        }
    }

    private func share(_ text: Substring) throws(ValueError) -> Double {
        if text.hasSuffix("%") {
            let number = text.dropLast().trimmingSpaces
            return try NumberText.parse(number, allowSuffix: false) / 100
        }
        let value = try NumberText.parse(text, allowSuffix: false)
        if value > 1 {
            let fraction = Format.shortest(value / 100)
            throw ValueError("`\(key)` is a share; write \(text)% or \(fraction), not \(text)",
                             hint: "a bare number is a fraction: 0.05 means 5%")
        }
        return value
    }

    private func money(_ text: Substring) throws(ValueError) -> Double {
        var number = text
        if let found = Self.currencyMarker(in: text) {
            let code = Currency.code(forSymbol: found.marker, code: found.code, scenario: currency)
            guard code == currency else {
                throw ValueError("`\(key)` is written in \(code), but the scenario's currency is \(currency)",
                                 hint: "write the amount in \(currency), or set `scenario.currency: \(code)`; gtm holds no exchange rates")
            }
            number = found.rest
        }
        if number.hasSuffix("%") {
            throw ValueError("`\(key)` is money, not a share", hint: "remove the `%`; \(example)")
        }
        return try NumberText.parse(number)
    }

    /// A currency symbol or code before or after an amount, and the amount without it.
    static func currencyMarker(in text: Substring) -> (marker: String, code: String, rest: Substring)? {
        for (symbol, code) in Currency.prefixSymbols where text.hasPrefix(symbol) {
            return (symbol, code, text.dropFirst(symbol.count).trimmingSpaces)
        }
        for (word, code) in Currency.suffixWords where text.hasSuffix(word) {
            return (word, code, text.dropLast(word.count).trimmingSpaces)
        }
        if text.count > 3 {
            let head = text.prefix(3)
            if Currency.isCode(head), let next = text.dropFirst(3).first, next == " " || next.isNumber || next == "-" {
                return (String(head), head == "RMB" ? "CNY" : String(head), text.dropFirst(3).trimmingSpaces)
            }
            let tail = text.suffix(3)
            if Currency.isCode(tail), let before = text.dropLast(3).last, before == " " || before.isNumber || before == "k" || before == "M" || before == "B" {
                return (String(tail), tail == "RMB" ? "CNY" : String(tail), text.dropLast(3).trimmingSpaces)
            }
        }
        return nil
    }

    /// Throws when `value` lies outside the key's bounds, naming the bound.
    func check(_ value: Double, _ text: Substring) throws(ValueError) {
        if value < bounds.lowerBound {
            let bound = describe(bounds.lowerBound)
            throw ValueError("`\(key)` must be \(bounds.lowerBound == 0 ? "0" : bound) or more, not \(describe(value))",
                             hint: bounds.lowerBound == 0 ? "\(kind.article) cannot be negative" : "write a value of at least \(bound)")
        }
        if value > bounds.upperBound {
            let bound = describe(bounds.upperBound)
            throw ValueError("`\(key)` must be at most \(bound), not \(describe(value))",
                             hint: "write a value of at most \(bound)")
        }
    }

    private func describe(_ value: Double) -> String {
        switch kind {
        case .share: return Format.shortest(value * 100) + "%"
        case .money: return Format.shortest(value) + " " + currency
        default: return Format.shortest(value)
        }
    }

    // MARK: Periods and dates

    static let periodUnits: [(names: [String], days: Int, months: Int)] = [
        (["d", "day", "days", "天", "日"], 1, 0),
        (["w", "wk", "wks", "week", "weeks", "周", "星期", "个星期", "週"], 7, 0),
        (["mo", "mos", "month", "months", "个月", "個月"], 0, 1),
        (["y", "yr", "yrs", "year", "years", "年"], 0, 12),
    ]

    func period(_ text: Substring) throws(ValueError) -> Period {
        var digits = text.startIndex
        while digits < text.endIndex, text[digits].isASCII, text[digits].isNumber || text[digits] == "." || text[digits] == "-" {
            digits = text.index(after: digits)
        }
        let numberText = text[..<digits]
        let unit = text[digits...].trimmingSpaces.lowercased()
        guard !numberText.isEmpty else {
            throw ValueError("`\(key)` is a duration, not `\(text)`", hint: example)
        }
        guard let entry = Self.periodUnits.first(where: { $0.names.contains(unit) }) else {
            if unit.isEmpty {
                throw ValueError("`\(key)` is a duration; write \(text) days, \(text) weeks or \(text) months",
                                 hint: "a duration needs its unit", offset: text.unicodeScalars.count)
            }
            let hint: String
            switch unit {
            case "m", "min", "mins", "minutes": hint = "write mo or months for months; durations are in days, weeks, months or years"
            case "月": hint = "write 个月 for months (月 alone reads as a month of the year)"
            case "h", "hours", "hour", "小时": hint = "durations are whole days: write days, weeks or months"
            default: hint = example
            }
            throw ValueError("`\(unit)` is not a unit of time gtm knows", hint: hint,
                             offset: numberText.unicodeScalars.count)
        }
        if let value = Double(numberText), value * Double(max(entry.days, entry.months * 30)) > Double(Limits.durationDays) {
            throw ValueError("`\(key)` is longer than \(Limits.durationDays) days, the longest duration gtm accepts",
                             hint: "check the unit: did you mean days?")
        }
        guard let amount = Int(numberText), amount >= 0 else {
            if let value = Double(numberText), value < 0 {
                throw ValueError("`\(key)` must be 0 or more, not \(numberText)", hint: "a duration cannot be negative")
            }
            let unitName = entry.days == 1 ? "days" : entry.days == 7 ? "weeks" : entry.months == 1 ? "months" : "years"
            throw ValueError("`\(key)` needs a whole number of \(unitName)",
                             hint: "write e.g. 10 days instead of 1.5 weeks")
        }
        let period = entry.days > 0 ? Period.days(amount * entry.days) : Period.months(amount * entry.months)
        guard period.averageDays <= Double(Limits.durationDays) else {
            throw ValueError("`\(key)` is longer than \(Limits.durationDays) days, the longest duration gtm accepts",
                             hint: "check the unit: did you mean days?")
        }
        if bounds.lowerBound > 0, period.averageDays < bounds.lowerBound {
            let minimum = bounds.lowerBound == 1 ? "1 day" : "\(Format.shortest(bounds.lowerBound)) days"
            throw ValueError("`\(key)` must be at least \(minimum), not \(period)", hint: "write a longer duration")
        }
        return period
    }

    func date(_ text: Substring) throws(ValueError) -> CivilDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let shape = parts.count == 3 && parts[0].count == 4 && parts[1].count == 2 && parts[2].count == 2
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard shape, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw ValueError("`\(key)` is a date written YYYY-MM-DD, not `\(text)`", hint: "write e.g. 2027-03-15")
        }
        guard Limits.years.contains(year) else {
            throw ValueError("year \(year) is outside \(Limits.years.lowerBound)–\(Limits.years.upperBound)",
                             hint: "check the year")
        }
        guard (1...12).contains(month) else {
            throw ValueError("\(text) is not a date: there is no month \(month)", hint: "months run 01 to 12", offset: 5)
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            let days = CivilDate.daysIn(month: month, year: year)
            throw ValueError("\(text) is not a date: \(Self.monthNames[month - 1]) \(year) has \(days) days",
                             hint: "write a day from 01 to \(days)", offset: 8)
        }
        return date
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
}

extension Substring {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }

    var trimmingLeadingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        return text
    }
}
