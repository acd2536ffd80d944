/// The paid-media model (see README, "Paid media"): each flight's budget buys impressions (at
/// its CPM) or clicks (at its CPC); clicks × conversion are its buyers, who arrive evenly over
/// the flight's days (those before launch on launch day). One computation for the base case and
/// every trial.
final class AdsModel: Sendable {
    struct Flight: Sendable {
        let name: String
        let budget: Int
        /// Price per 1,000 impressions, or per click.
        let price: Int
        let perClick: Bool
        let click: Int, conversion: Int
        let start: CivilDate, end: CivilDate
        /// The flight's days, launch-relative: `[startDay, endDay)`.
        let startDay: Double, endDay: Double
    }

    let flights: [Flight]

    init(_ scenario: Scenario, _ inputs: inout InputTable) {
        let currency = scenario.settings.currency
        let launch = scenario.launch.date
        flights = (scenario.ads ?? []).enumerated().map { index, flight in
            let defaults = AdDefaults.of(flight.platform)
            let published = defaults.price(in: currency)
            func bind(_ quantity: Quantity?, _ key: String, _ fallback: Double?) -> Int {
                quantity.map { inputs.bind($0, list: "ads", index: index, name: flight.name, key: key) } ?? inputs.constant(fallback ?? 0)
            }
            // The scenario's price wins; else the platform's, CPC where it publishes one.
            let perClick = flight.cpc != nil || (flight.cpm == nil && published?.cpc != nil)
            let price = perClick ? bind(flight.cpc, "cpc", published?.cpc) : bind(flight.cpm, "cpm", published?.cpm)
            let end = flight.duration.after(flight.start)
            return Flight(name: flight.name, budget: bind(flight.budget, "budget", 0), price: price, perClick: perClick,
                          click: bind(flight.clickRate, "click_rate", defaults.clickRate),
                          conversion: bind(flight.conversion, "conversion", defaults.conversion),
                          start: flight.start, end: end, startDay: Double(launch.days(to: flight.start)),
                          endDay: Double(launch.days(to: end)))
        }
    }

    /// Impressions, clicks and buyers of one flight: `budget ÷ CPM × 1,000` impressions and
    /// × click rate clicks, or `budget ÷ CPC` clicks and ÷ click rate impressions.
    @inline(__always)
    static func metrics(budget: Double, price: Double, perClick: Bool, click: Double, conversion: Double)
        -> (impressions: Double, clicks: Double, buyers: Double) {
        guard price > 0 else { return (0, 0, 0) }
        let clicks = perClick ? budget / price : budget / price * 1000 * click
        let impressions = perClick ? (click > 0 ? clicks / click : 0) : budget / price * 1000
        return (impressions, clicks, clicks * conversion)
    }

    /// The report's view of one evaluation (the base case).
    func results(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, _ scenario: Scenario) -> [Plan.AdFlightResult] {
        zip(flights, scenario.ads ?? []).map { flight, input in
            let m = Self.metrics(budget: v[flight.budget], price: v[flight.price], perClick: flight.perClick,
                                 click: v[flight.click], conversion: v[flight.conversion])
            return Plan.AdFlightResult(name: flight.name, platform: input.platform.rawValue, start: flight.start, end: flight.end,
                                       budget: v[flight.budget], price: v[flight.price], perClick: flight.perClick,
                                       clickRate: v[flight.click], conversion: v[flight.conversion],
                                       impressions: m.impressions, clicks: m.clicks, buyers: m.buyers)
        }
    }

    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        var cost = 0.0, impressions = 0.0, clicks = 0.0, buyers = 0.0
        for (index, flight) in flights.enumerated() {
            let m = Self.metrics(budget: v[flight.budget], price: v[flight.price], perClick: flight.perClick,
                                 click: v[flight.click], conversion: v[flight.conversion])
            ws.adBuyers[index] = m.buyers
            cost += v[flight.budget]
            impressions += m.impressions
            clicks += m.clicks
            buyers += m.buyers
        }
        ws[.adsCost] = cost
        ws[.adsImpressions] = impressions
        ws[.adsClicks] = clicks
        ws[.adsBuyers] = buyers
    }
}

// MARK: Outputs

extension Output.Section {
    /// Paid media (`AdsModel`).
    static let ads = Output.Section("ads")
}

extension Output {
    static let adsCost = Output(350, .ads, "cost", "Ad spend", "广告花费", .money, ranged: true, compared: true)
    static let adsImpressions = Output(351, .ads, "impressions", "Ad impressions", "广告曝光", .count, ranged: true)
    static let adsClicks = Output(352, .ads, "clicks", "Ad clicks", "广告点击", .count, ranged: true)
    static let adsBuyers = Output(353, .ads, "buyers", "Buyers from ads", "广告买家", .count, ranged: true, compared: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let adsOutputs: [Output] = [.adsCost, .adsImpressions, .adsClicks, .adsBuyers]
}
