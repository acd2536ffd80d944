/// How a report writes numbers, money, shares and dates in its language.
/// English groups by thousands (`12,345`); Chinese by 万 and 亿 (`1.23万`).
struct NumberStyle: Sendable {
    var language: Scenario.Language
    var currency: String

    init(language: Scenario.Language, currency: String) {
        self.language = language
        self.currency = currency
    }

    /// The one minus sign of a report: U+2212, in prose and tables alike.
    static let minus = "\u{2212}"

    /// A whole count: `12,345`, in full digits in both languages. One style per kind in a report
    /// (issue 28): counts are units to order, testers to recruit, buyers, always exact; money
    /// takes 万 and 亿 in Chinese.
    func count(_ value: Double) -> String {
        Self.signed(Format.grouped(value))
    }

    /// `-12` → `−12`: Format's ASCII minus as the report's minus sign.
    static func signed(_ text: String) -> String {
        text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    /// A whole count in full digits (`10,680`): units to order, testers to recruit. The same as
    /// `count`, named where the exact figure is the point.
    func exactCount(_ value: Double) -> String {
        count(value)
    }

    /// An amount to pay or publish (`¥1,516,560`, `¥151.66万`): the report's one money style.
    func exactMoney(_ value: Double) -> String {
        money(value)
    }

    /// A count with decimals kept for small values (`0.42`), whole above 100.
    func number(_ value: Double) -> String {
        if abs(value) >= 100 || value == value.rounded() { return count(value) }
        let decimals = abs(value) < 1 ? 3 : 2
        return Self.signed(trimmed(Format.grouped(value, decimals: decimals)))
    }

    /// An amount with its currency: `¥1,234`, `$49.90`, `JP¥98,000`, `1,234 CHF`, `¥1.23万`, `49.9美元`. Cents show
    /// below 10,000 when there are any; larger amounts are whole.
    func money(_ value: Double) -> String {
        let fractional = abs(value) < 10_000 && abs(value - value.rounded()) >= 0.005
        var digits: String
        if language == .zh && abs(value) >= 10_000 {
            digits = chinese(abs(value))
        } else {
            digits = Format.grouped(abs(value), decimals: fractional ? 2 : 0)
        }
        if digits == "0" || digits == "0.00" { digits = "0" }
        let sign = value < 0 && digits != "0" ? Self.minus : ""
        // In Chinese a foreign currency is named after the amount, large or small (29万美元, 49.9美元):
        // `$` and `¥` alone are read as RMB or mistaken for one another.
        if language == .zh, currency != "CNY", let name = Self.chineseCurrencyNames[currency] {
            return "\(sign)\(digits)\(name)"
        }
        if let symbol = Currency.symbol(for: currency) {
            return "\(sign)\(symbol)\(digits)"
        }
        return "\(sign)\(digits) \(currency)"
    }

    /// Currencies by their Chinese names, for amounts written with 万 and 亿.
    static let chineseCurrencyNames = ["USD": "美元", "EUR": "欧元", "GBP": "英镑", "JPY": "日元", "HKD": "港元", "TWD": "新台币",
                                       "SGD": "新加坡元", "AUD": "澳元", "CAD": "加元", "KRW": "韩元", "CHF": "瑞士法郎"]

    /// A share as a percentage: `12.5%`; small shares keep two significant digits (`0.35%`).
    func percent(_ share: Double) -> String {
        let value = share * 100
        let decimals = abs(value) >= 10 || value == value.rounded() ? (value == value.rounded() ? 0 : 1) : 2
        return Self.signed(trimmed(Format.grouped(value, decimals: decimals))) + "%"
    }

    /// A date in a table: always ISO `2027-03-15`.
    func date(_ date: CivilDate) -> String {
        date.description
    }

    /// A date in prose: `15 March 2027` or `2027年3月15日`.
    func longDate(_ date: CivilDate) -> String {
        switch language {
        case .en: return "\(date.day) \(ValueParser.monthNames[date.month - 1]) \(date.year)"
        case .zh: return "\(date.year)年\(date.month)月\(date.day)日"
        }
    }

    /// A duration: `14 days` or `14天`.
    func period(_ period: Period) -> String {
        guard language == .zh else { return period.description }
        switch period.unit {
        case .days where period.amount % 7 == 0 && period.amount > 0: return "\(period.amount / 7)周"
        case .days: return "\(period.amount)天"
        case .months where period.amount % 12 == 0 && period.amount >= 24: return "\(period.amount / 12)年"
        case .months: return "\(period.amount)个月"
        }
    }

    /// Days as a duration: `24 days` or `24天`.
    func days(_ count: Int) -> String {
        language == .zh ? "\(count)天" : (count == 1 ? "1 day" : "\(count) days")
    }

    /// `1.23万`, `1,436.4万`, `4.56亿`; plain below 10,000.
    func chinese(_ value: Double) -> String {
        let magnitude = abs(value)
        let sign = value < 0 && magnitude >= 0.5 ? Self.minus : ""
        if magnitude >= 1e12 {
            return sign + trimmed(Format.grouped(magnitude / 1e12, decimals: 2)) + "万亿"
        }
        if magnitude >= 1e8 {
            return sign + trimmed(Format.grouped(magnitude / 1e8, decimals: 2)) + "亿"
        }
        if magnitude >= 1e4 {
            let scaled = magnitude / 1e4
            // 9999.996万 would round to 10000.00万: say 1亿.
            if Format.grouped(scaled, decimals: 2, separator: "") == "10000.00" { return sign + "1亿" }
            // Grouped like every other figure: ¥1,334.54万, not ¥1334.54万 beside ¥1,623.07.
            return sign + trimmed(Format.grouped(scaled, decimals: 2)) + "万"
        }
        return Format.grouped(value)
    }

    /// Without trailing zeros after the decimal point: `1.50` → `1.5`, `2.00` → `2`.
    func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
