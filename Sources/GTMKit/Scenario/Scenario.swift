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
