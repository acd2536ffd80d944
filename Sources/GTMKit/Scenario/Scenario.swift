/// A launch scenario, decoded and checked: what every model reads.
/// Sections absent from the file are nil; defaults are filled in. Each section's type, schema
/// rows and decoding live together in `Sections/`.
package struct Scenario: Sendable {
    package var settings: Settings
    var product: Product
    var launch: Launch
    var market: Market?
    var channels: [Channel]?
    var demand: Demand?
    var inventory: Inventory?
    var pilot: Pilot?
    /// Paid media flights; nil without an `ads` section.
    var ads: [AdFlight]?
    /// Weekly sales since launch, when given.
    var actuals: Actuals?
    /// Cash on hand for the launch; nil: none (the cash flow still runs when the plan spends).
    var cash: Cash?
    var crowdfunding: Crowdfunding?
    var kol: KOL?
    var seedReviews: SeedReviews?
    /// The sections read as units (`Schema.leverSections`), in that order.
    var leverSections: [any LeverSection]
    /// The curve's settings: the `demand` section's, or their defaults when it is absent.
    var curve: Demand
    /// How far ahead the plan sells: `market.horizon`, or its default without a market.
    var horizon: Period
    /// Price promotions (`promotions`), in date order; empty without them.
    var promotions: [Promotion] = []
    /// The decisions gtm may choose and the objective (`optimize`); nil without the section.
    package var optimize: Optimize? = nil
    /// Every input as read, for the report's "inputs used" table.
    package var inputs: [InputRecord]
    /// Names of the `what_if` variants, in file order.
    var variantNames: [String]

}

/// One input as the report lists it: its path, its text, and where it came from.
package struct InputRecord: Sendable, Hashable {
    package enum Origin: Sendable, Hashable {
        /// Read from a file, at this line.
        case file(name: String, line: Int)
        /// Given on the command line or by a `what_if` variant.
        case override(String)
        /// The schema's default.
        case defaulted
    }

    var path: String
    var text: String
    var origin: Origin
    var isUncertain: Bool
    /// Where the value was written; nil for defaults.
    var mark: Mark?
}

/// The inputs by what a reader (the inputs table) and the tornado take as one: each input alone,
/// except that a list of more than `threshold` items is one (a 10,000-candidate roster helps no reader).
enum InputGroup {
    case single(InputRecord)
    /// The list's path, its item count, and the first input's origin and the last input's line.
    case list(path: String, items: Int, first: InputRecord.Origin?, last: Int?)

    static let threshold = 20

    static func grouped(_ inputs: [InputRecord]) -> [InputGroup] {
        // Count items per list path (`kol.roster`), from paths like `kol.roster[17].fee`.
        var counts: [String: Set<String>] = [:]
        for input in inputs {
            guard let open = input.path.firstIndex(of: "["), let close = input.path.firstIndex(of: "]") else { continue }
            counts[String(input.path[..<open]), default: []].insert(String(input.path[open...close]))
        }
        var groups: [InputGroup] = []
        var done = Set<String>()
        for input in inputs {
            guard let open = input.path.firstIndex(of: "[") else {
                groups.append(.single(input))
                continue
            }
            let list = String(input.path[..<open])
            guard let items = counts[list]?.count, items > threshold else {
                groups.append(.single(input))
                continue
            }
            guard !done.contains(list) else { continue }
            done.insert(list)
            let members = inputs.filter { $0.path.hasPrefix(list + "[") }
            var lastLine: Int?
            if case .file(_, let line) = members.last?.origin { lastLine = line }
            groups.append(.list(path: list, items: items, first: members.first?.origin, last: lastLine))
        }
        return groups
    }
}
