/// A launch scenario, decoded and checked: what every model reads.
/// Sections absent from the file are nil; defaults are filled in. Each section's type, schema
/// rows and decoding live together in `Sections/`.
public struct Scenario: Sendable {
    public var settings: Settings
    public var product: Product
    public var launch: Launch
    public var market: Market?
    public var channels: [Channel]?
    public var demand: Demand?
    public var inventory: Inventory?
    public var pilot: Pilot?
    /// Paid media flights; nil without an `ads` section.
    public var ads: [AdFlight]?
    /// Weekly sales since launch, when given.
    public var actuals: Actuals?
    /// Cash on hand for the launch; nil: none (the cash flow still runs when the plan spends).
    public var cash: Cash?
    public var crowdfunding: Crowdfunding?
    public var kol: KOL?
    public var seedReviews: SeedReviews?
    /// The sections read as units (`Schema.leverSections`), in that order.
    var leverSections: [any LeverSection]
    /// The curve's settings: the `demand` section's, or their defaults when it is absent.
    public var curve: Demand
    /// How far ahead the plan sells: `market.horizon`, or its default without a market.
    public var horizon: Period
    /// Every input as read, for the report's "inputs used" table.
    public var inputs: [InputRecord]
    /// Names of the `what_if` variants, in file order.
    public var variantNames: [String]

}

/// One input as the report lists it: its path, its text, and where it came from.
public struct InputRecord: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// Read from a file, at this line.
        case file(name: String, line: Int)
        /// Given on the command line or by a `what_if` variant.
        case override(String)
        /// The schema's default.
        case defaulted
    }

    public var path: String
    public var text: String
    public var origin: Origin
    public var isUncertain: Bool
    /// Where the value was written; nil for defaults.
    public var mark: Mark?
}
