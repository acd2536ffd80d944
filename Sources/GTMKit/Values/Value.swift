/// The kinds of value a key may hold (spec §2).
package enum ValueKind: Sendable, Hashable {
    /// Zero or more; fractional allowed (`1.2M` people). Suffixes k, M, B, 万, 亿.
    case count
    /// A whole count (`moq`, `case_pack`, slots).
    case integer
    /// Any real number within the key's bounds.
    case number
    /// `5%` or `0.05`, stored as the fraction.
    case share
    /// An amount in the scenario's currency.
    case money
    /// A length of time: days, weeks, months, years.
    case period
    /// An ISO 8601 calendar date.
    case date
    /// yes, no, true, false.
    case boolean
    case text
    /// One of a fixed list of words.
    case choice([String])

    /// How the kind is named in messages and in the key reference.
    var name: String {
        switch self {
        case .count: return "count"
        case .integer: return "whole number"
        case .number: return "number"
        case .share: return "share"
        case .money: return "money"
        case .period: return "duration"
        case .date: return "date"
        case .boolean: return "yes/no"
        case .text: return "text"
        case .choice(let options): return options.joined(separator: " | ")
        }
    }

    /// The kind with its article, for sentences: "an amount", "a share".
    var article: String {
        switch self {
        case .money: return "an amount of money"
        case .integer: return "a whole number"
        case .period: return "a duration"
        default: return "a \(name)"
        }
    }

    /// True for the kinds that hold a `Quantity` and may be uncertain.
    var isNumeric: Bool {
        switch self {
        case .count, .integer, .number, .share, .money: return true
        default: return false
        }
    }
}

/// A typed value decoded from a scalar.
enum Value: Sendable, Hashable {
    case quantity(Quantity)
    case period(Period)
    case date(CivilDate)
    case boolean(Bool)
    case text(String)
}

/// Why a scalar is not a valid value of its kind. `offset` counts Unicode scalars
/// from the start of the scalar, for the caret.
struct ValueError: Error, Sendable, Equatable {
    var message: String
    var hint: String?
    var offset: Int

    init(_ message: String, hint: String? = nil, offset: Int = 0) {
        self.message = message
        self.hint = hint
        self.offset = offset
    }
}
