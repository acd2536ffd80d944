/// The market-size model (see the Models article, "Market size"): TAM → SAM → SOM from the top down, the
/// channels' reach × conversion from the bottom up. One computation for the base case and
/// every trial.
final class MarketModel: Sendable {
    struct TopDown: Sendable {
        let population: Int, purchases: Int, serviceable: Int, obtainable: Int
    }

    struct Channel: Sendable {
        let name: String
        let reach: Int, conversion: Int
    }

    let topDown: TopDown?
    let channels: [Channel]
    let years: Double
    /// The season's weight over the horizon (`DemandModel.seasonWeight`; 1 without a season).
    let seasonWeight: Double
    let price: Int

    /// Nil when the scenario has neither a market nor channels.
    init?(_ scenario: Scenario, _ inputs: inout InputTable, price: Int) {
        guard scenario.market != nil || !(scenario.channels ?? []).isEmpty else { return nil }
        self.price = price
        years = scenario.horizon.years
        seasonWeight = DemandModel.seasonWeight(scenario.curve.season, launch: scenario.launch.date,
                                                days: scenario.horizon.days(from: scenario.launch.date))
        topDown = scenario.market.map { market in
            TopDown(population: inputs.bind(market.population, "market.population"),
                    purchases: inputs.bind(market.purchasesPerYear, "market.purchases_per_year"),
                    serviceable: inputs.bind(market.serviceable, "market.serviceable"),
                    obtainable: inputs.bind(market.obtainable, "market.obtainable"))
        }
        channels = (scenario.channels ?? []).enumerated().map { index, channel in
            Channel(name: channel.name,
                    reach: inputs.bind(channel.reach, list: "channels", index: index, name: channel.name, key: "reach"),
                    conversion: inputs.bind(channel.conversion, list: "channels", index: index, name: channel.name, key: "conversion"))
        }
    }

    /// TAM = population × purchases a year; SAM = TAM × serviceable; SOM = SAM × obtainable ×
    /// horizon in years (× the season's weight over it, in `years`).
    @inline(__always)
    static func topDown(population: Double, purchasesPerYear: Double, serviceable: Double, obtainable: Double,
                        years: Double) -> (tam: Double, sam: Double, som: Double) {
        let tam = population * purchasesPerYear
        let sam = tam * serviceable
        return (tam, sam, sam * obtainable * years)
    }

    /// The market size demand is drawn from: SOM when there is a market, else the channels' total.
    var sizeOutput: Output { topDown != nil ? .somUnits : .bottomUpUnits }

    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        let price = v[self.price]
        if let t = topDown {
            let size = Self.topDown(population: v[t.population], purchasesPerYear: v[t.purchases],
                                    serviceable: v[t.serviceable], obtainable: v[t.obtainable], years: years * seasonWeight)
            ws[.tamUnits] = size.tam
            ws[.tamRevenue] = size.tam * price
            ws[.samUnits] = size.sam
            ws[.samRevenue] = size.sam * price
            ws[.somUnits] = size.som
            ws[.somRevenue] = size.som * price
        }
        if !channels.isEmpty {
            var total = 0.0
            for (index, channel) in channels.enumerated() {
                let buyers = v[channel.reach] * v[channel.conversion]
                ws.channels[index] = buyers
                total += buyers
            }
            ws[.bottomUpUnits] = total
            ws[.bottomUpRevenue] = total * price
        }
    }

    /// True when the two sizes differ by more than `factor` (investors distrust a top-down "we
    /// take 1%" that the channels cannot reach).
    static func disagree(som: Double?, bottomUp: Double?, factor: Double = 2) -> Bool {
        guard let som, let bottomUp else { return false }
        let low = min(som, bottomUp)
        let high = max(som, bottomUp)
        return high > 0 && low * factor < high
    }
}

// MARK: Outputs

extension Output.Section {
    /// TAM, SAM and SOM from the top down; the channels' total from the bottom up (`MarketModel`).
    static let market = Output.Section("market")
}

extension Output {
    static let tamUnits = Output(0, .market, "tam_units", "TAM (units a year)", "TAM（每年件数）", .count)
    static let tamRevenue = Output(1, .market, "tam_revenue", "TAM (revenue a year)", "TAM（每年收入）", .money)
    static let samUnits = Output(2, .market, "sam_units", "SAM (units a year)", "SAM（每年件数）", .count)
    static let samRevenue = Output(3, .market, "sam_revenue", "SAM (revenue a year)", "SAM（每年收入）", .money)
    package static let somUnits = Output(4, .market, "som_units", "SOM (units)", "SOM（件数）", .count, ranged: true, compared: true)
    static let somRevenue = Output(5, .market, "som_revenue", "SOM (revenue)", "SOM（收入）", .money)
    static let bottomUpUnits = Output(6, .market, "bottom_up_units", "Channels, bottom-up (units)", "渠道自下而上（件数）", .count, ranged: true, compared: true)
    static let bottomUpRevenue = Output(7, .market, "bottom_up_revenue", "Channels, bottom-up (revenue)", "渠道自下而上（收入）", .money)

    /// The section's outputs, in the order the report and the JSON list them.
    static let marketOutputs: [Output] = [.tamUnits, .tamRevenue, .samUnits, .samRevenue, .somUnits, .somRevenue, .bottomUpUnits, .bottomUpRevenue]
}
