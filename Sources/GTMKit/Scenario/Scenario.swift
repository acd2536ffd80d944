/// A launch scenario, decoded and checked: what every model reads.
/// Sections absent from the file are nil; defaults are filled in.
public struct Scenario: Sendable {
    public var settings: Settings
    public var product: Product
    public var launch: Launch
    public var market: Market?
    public var channels: [Channel]?
    public var demand: Demand?
    public var inventory: Inventory?
    public var crowdfunding: Crowdfunding?
    public var kol: KOL?
    public var seedReviews: SeedReviews?
    /// Every input as read, for the report's "inputs used" table.
    public var inputs: [InputRecord]
    /// Names of the `what_if` variants, in file order.
    public var variantNames: [String]

    public struct Settings: Sendable {
        public var name: String
        public var asOf: CivilDate?
        public var currency: String
        public var language: Language
        public var trials: Int
        public var seed: UInt64
    }

    public enum Language: String, Sendable { case en, zh }

    public struct Product: Sendable {
        public var name: String
        public var price: Quantity
        public var unitCost: Quantity
        public var salvage: Quantity
        public var fixedCosts: Quantity
        public var targetMargin: Quantity?
    }

    public struct Launch: Sendable {
        public var date: CivilDate
    }

    public struct Market: Sendable {
        public var population: Quantity
        public var purchasesPerYear: Quantity
        public var serviceable: Quantity
        public var obtainable: Quantity
        public var horizon: Period
    }

    public struct Channel: Sendable {
        public var name: String
        public var reach: Quantity
        public var conversion: Quantity
    }

    public struct Demand: Sendable {
        public var p: Quantity
        public var q: Quantity
        public var launchBoost: Quantity?
    }

    public struct Inventory: Sendable {
        public var leadTime: Period
        public var coverage: Period
        public var serviceLevel: Double?
        public var forecast: Quantity?
        public var forecastSD: Quantity?
        public var forecastCV: Quantity
        public var moq: Int
        public var casePack: Int
    }

    public enum Platform: String, Sendable, CaseIterable {
        case kickstarter, indiegogo, modian, jd, other
    }

    public struct Crowdfunding: Sendable {
        public var platform: Platform
        public var start: CivilDate
        public var duration: Period
        public var emailList: Quantity
        public var listConversion: Quantity
        public var reservations: Quantity
        public var reservationConversion: Quantity
        public var organicShare: Quantity
        public var droppedPledges: Quantity
        public var platformFee: Quantity?
        public var paymentFee: Quantity?
        public var paymentFixed: Quantity?
        public var fulfillmentLead: Period?
        public var tiers: [PledgeTier]
    }

    public struct PledgeTier: Sendable {
        public var name: String
        public var price: Quantity
        public var limit: Int?
        public var units: Int
    }

    public struct KOL: Sendable {
        public var budget: Quantity?
        public var tiers: [KOLTier]
        public var roster: [Candidate]
        public var publishWindow: Period
    }

    public struct KOLTier: Sendable {
        public var tier: String
        public var count: Int
        public var fee: Quantity
        public var followers: Quantity
        public var engagement: Quantity?
        public var viewRate: Quantity?
        public var clickRate: Quantity?
        public var conversion: Quantity?
        public var leadTime: Period?
    }

    public struct Candidate: Sendable {
        public var name: String
        public var platform: String?
        public var followers: Double
        public var fee: Double
        public var engagement: Double?
    }

    public struct SeedReviews: Sendable {
        public var target: Int
        public var reviewRate: Quantity
        public var recruit: Period
        public var shipping: Period
        public var trial: Period
        public var buffer: Period
        public var liveBy: CivilDate?
    }
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
