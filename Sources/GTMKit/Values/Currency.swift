/// Currency codes and the symbols a user may write instead of them.
/// gtm holds no exchange rates: every amount is in the scenario's currency.
enum Currency {
    /// Symbols written before an amount, longest first so that `HK$` wins over `$`.
    static let prefixSymbols: [(symbol: String, code: String)] = [
        ("US$", "USD"), ("HK$", "HKD"), ("NT$", "TWD"), ("S$", "SGD"), ("A$", "AUD"), ("C$", "CAD"),
        ("$", "USD"), ("¥", "CNY"), ("￥", "CNY"), ("€", "EUR"), ("£", "GBP"), ("₩", "KRW"), ("₹", "INR"),
    ]

    /// Words written after an amount.
    static let suffixWords: [(word: String, code: String)] = [
        ("美元", "USD"), ("元", "CNY"), ("人民币", "CNY"), ("RMB", "CNY"),
    ]

    /// The symbol a report puts before an amount, where one is unambiguous.
    static func symbol(for code: String) -> String? {
        switch code {
        case "CNY": return "¥"
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        // `JP¥`, as the Unicode CLDR writes yen where `¥` would be read as the yuan (and in a
        // Chinese report it is 日元): a yen amount read as RMB is about 20 times off.
        case "JPY": return "JP¥"
        case "KRW": return "₩"
        case "INR": return "₹"
        case "HKD": return "HK$"
        case "TWD": return "NT$"
        case "SGD": return "S$"
        case "AUD": return "A$"
        case "CAD": return "C$"
        default: return nil
        }
    }

    /// True for three uppercase ASCII letters.
    static func isCode(_ text: Substring) -> Bool {
        text.count == 3 && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    /// The code a symbol stands for in a scenario priced in `scenario`: `¥` is yen
    /// in a JPY scenario and yuan otherwise.
    static func code(forSymbol symbol: String, code: String, scenario: String) -> String {
        if symbol == "¥" || symbol == "￥", scenario == "JPY" { return "JPY" }
        return code
    }
}
