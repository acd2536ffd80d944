/// What each sales channel keeps and when it pays (see the Models article, "Channel economics"): its fee,
/// fulfilment, returns and settlement (given, or its platform's defaults) and its share of retail
/// sales (given, or in proportion to its bottom-up buyers). Worked out once per plan; the
/// computation reads the weighted sums.
struct ChannelEconomics: Sendable, Equatable {
    struct Channel: Sendable, Equatable {
        var name: String
        /// The platform whose defaults fill what the scenario leaves out ("" for none).
        var platform: String
        var fee: Double
        var fulfillment: Double
        var returns: Double
        var settlementDays: Int
        var share: Double
        /// What a unit sold here contributes (price after fee and returns, less cost and
        /// fulfilment), at the base case's price and cost; filled in for the report.
        var contribution = 0.0
        /// True when the platform's default fulfilment is in another currency and the scenario
        /// gives none: it counts as 0, and the report asks for it.
        var fulfillmentMissing = false
    }

    var channels: [Channel]
    /// Σ share × (1 − fee) × (1 − returns): what a unit's price brings in, on average.
    var keep: Double
    /// Σ share × fulfilment: what shipping a unit costs, on average.
    var fulfillment: Double
    /// The settlement delays and the share of the price each brings in (channels grouped by delay).
    var receipts: [(days: Int, keep: Double)]

    static func == (a: ChannelEconomics, b: ChannelEconomics) -> Bool {
        a.channels == b.channels && a.keep == b.keep && a.fulfillment == b.fulfillment
            && a.receipts.map(\.days) == b.receipts.map(\.days) && a.receipts.map(\.keep) == b.receipts.map(\.keep)
    }

    /// No channels: sales keep their price and are paid on the day.
    static let direct = ChannelEconomics(channels: [], keep: 1, fulfillment: 0, receipts: [(0, 1)])

    /// The channels of a scenario, at the base case's reach and conversion.
    init(_ scenario: Scenario) {
        guard let inputs = scenario.channels, !inputs.isEmpty else {
            self = .direct
            return
        }
        let currency = scenario.settings.currency
        let buyers = inputs.map { max(0, $0.reach.value * $0.conversion.value) }
        let given = inputs.compactMap(\.share).reduce(0, +)
        let open = inputs.indices.filter { inputs[$0].share == nil }
        let openBuyers = open.reduce(0.0) { $0 + buyers[$1] }
        var channels: [Channel] = []
        for (index, input) in inputs.enumerated() {
            let defaults = ChannelDefaults.named(input.name)
            let share = input.share ?? (openBuyers > 0 ? max(0, 1 - given) * buyers[index] / openBuyers
                                                       : max(0, 1 - given) / Double(max(open.count, 1)))
            channels.append(Channel(name: input.name, platform: defaults.platform, fee: input.fee ?? defaults.fee,
                                    fulfillment: input.fulfillment ?? defaults.fulfillment(in: currency),
                                    returns: input.returns ?? defaults.returns,
                                    settlementDays: input.settlement.map { $0.days(from: scenario.launch.date) } ?? defaults.settlementDays,
                                    share: share,
                                    fulfillmentMissing: input.fulfillment == nil && defaults.fulfillment(in: currency) != defaults.fulfillment))
        }
        // Shares add up to 1 (given ones that add up to less are scaled up with the rest).
        let total = channels.reduce(0) { $0 + $1.share }
        if total > 0 { for index in channels.indices { channels[index].share /= total } }
        var byDelay: [Int: Double] = [:]
        for channel in channels { byDelay[channel.settlementDays, default: 0] += channel.share * (1 - channel.fee) * (1 - channel.returns) }
        self.channels = channels
        keep = channels.reduce(0) { $0 + $1.share * (1 - $1.fee) * (1 - $1.returns) }
        fulfillment = channels.reduce(0) { $0 + $1.share * $1.fulfillment }
        receipts = byDelay.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private init(channels: [Channel], keep: Double, fulfillment: Double, receipts: [(Int, Double)]) {
        self.channels = channels
        self.keep = keep
        self.fulfillment = fulfillment
        self.receipts = receipts
    }

    /// The channels with each one's contribution per unit at `price` and `unitCost` (the report's table).
    func withContributions(price: Double, unitCost: Double) -> [Channel] {
        channels.map { channel in
            var channel = channel
            channel.contribution = Self.contribution(price: price, unitCost: unitCost, keep: (1 - channel.fee) * (1 - channel.returns),
                                                     fulfillment: channel.fulfillment)
            return channel
        }
    }

    /// Contribution of a unit sold: what its price brings in after fees and returns (a returned
    /// unit is refunded and written off), less its cost and its fulfilment.
    @inline(__always)
    static func contribution(price: Double, unitCost: Double, keep: Double, fulfillment: Double) -> Double {
        price * keep - unitCost - fulfillment
    }
}
