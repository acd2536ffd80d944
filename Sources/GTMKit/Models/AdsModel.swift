/// The ad flights of a plan with their numbers (the base case's evaluation).
struct AdsPlan: LeverResult, Equatable {
    struct Flight: Sendable, Equatable {
        var name: String
        var platform: String
        var start: CivilDate
        /// The day after its last.
        var end: CivilDate
        var budget: Double
        /// Cost per 1,000 impressions or per click, as priced.
        var price: Double
        var perClick: Bool
        var clickRate: Double
        var conversion: Double
        var impressions: Double
        var clicks: Double
        var buyers: Double
        /// The spend at which the flight buys at its rates (`AdsModel.reference`).
        var reference: Double
        var costPerBuyer: Double { buyers > 0 ? budget / buyers : .infinity }
    }

    var flights: [Flight]
}

/// The paid-media model (see the Models article, "Paid media"): each flight's budget buys impressions (at
/// its CPM) or clicks (at its CPC); clicks × conversion are what its rates would buy, and the
/// response curve (diminishing returns) turns that into its buyers, who arrive evenly over the
/// flight's days (those before launch on launch day); its budget is paid evenly over them.
/// One computation for the base case and every trial.
final class AdsModel: Lever {
    struct Flight: Sendable {
        let name: String
        let platform: String
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

    static func make(_ context: inout LeverContext) -> AdsModel? {
        guard let flights = context.scenario.ads, !flights.isEmpty else { return nil }
        return AdsModel(context.scenario, flights, &context.inputs)
    }

    init(_ scenario: Scenario, _ flights: [Scenario.AdFlight], _ inputs: inout InputTable) {
        let currency = scenario.settings.currency
        let launch = scenario.launch.date
        self.flights = flights.enumerated().map { index, flight in
            let defaults = AdDefaults.of(flight.platform)
            let published = defaults.price(in: currency)
            func bind(_ quantity: Quantity?, _ key: String, _ fallback: Double?) -> Int {
                quantity.map { inputs.bind($0, list: "ads", index: index, name: flight.name, key: key) } ?? inputs.constant(fallback ?? 0)
            }
            // The scenario's price wins; else the platform's, CPC where it publishes one.
            let perClick = flight.cpc != nil || (flight.cpm == nil && published?.cpc != nil)
            let price = perClick ? bind(flight.cpc, "cpc", published?.cpc) : bind(flight.cpm, "cpm", published?.cpm)
            let end = flight.duration.after(flight.start)
            return Flight(name: flight.name, platform: flight.platform.rawValue, budget: bind(flight.budget, "budget", 0), price: price,
                          perClick: perClick, click: bind(flight.clickRate, "click_rate", defaults.clickRate),
                          conversion: bind(flight.conversion, "conversion", defaults.conversion),
                          start: flight.start, end: end, startDay: Double(launch.days(to: flight.start)),
                          endDay: Double(launch.days(to: end)))
        }
    }

    static var outputs: [Output] { Output.adsOutputs }
    static var demandComponent: Output { .adsUnits }
    var spend: [Output] { [.adsCost] }
    /// Each flight's buyers.
    var scratchCount: Int { flights.count }
    var sources: [BuyerSource] {
        flights.indices.map { BuyerSource(arrival: Arrival(start: flights[$0].startDay, shape: .even(end: flights[$0].endDay)),
                                          buyers: $0, toCampaign: false) }
    }
    var paymentDays: [Int] { flights.flatMap { [$0.start.daysSinceEpoch, $0.end.daysSinceEpoch - 1] } }
    var evenPayments: [Range<Int>] { flights.map { $0.start.daysSinceEpoch..<$0.end.daysSinceEpoch } }

    /// The buyers a week at which a flight buys at its published rates: an ad set leaves Meta's
    /// learning phase after about 50 optimisation events a week (Meta Business Help Center,
    /// "About the learning phase"), and the published averages are of such ad sets.
    static let referenceBuyersPerWeek = 50.0
    /// Buyers grow as spend^β around the reference: doubling a budget multiplies its buyers by
    /// 2^0.72 = 1.65. β = ln(8 ÷ 1.8) ÷ ln 8 = 0.72: eight times the daily spend raised the cost
    /// per acquisition by 80% (Saxifrage, "Diminishing Returns", 2020).
    static let returnsExponent = 0.72

    /// Impressions, clicks and buyers of one flight of `days` days: `budget ÷ CPM × 1,000`
    /// impressions and × click rate clicks, or `budget ÷ CPC` clicks and ÷ click rate impressions;
    /// buyers `R × (clicks × conversion ÷ R)^β` with R the reference buyers (50 a week): the
    /// published rates hold up to the spend that buys R, above it each buyer costs more. Below it
    /// they hold too, not better: an ad set short of 50 events a week stays "learning limited",
    /// whose cost per result Meta says is no lower, so a small flight is not a bargain.
    /// `reference`: that spend.
    @inline(__always)
    static func metrics(budget: Double, price: Double, perClick: Bool, click: Double, conversion: Double, days: Double)
        -> (impressions: Double, clicks: Double, buyers: Double, reference: Double) {
        guard price > 0 else { return (0, 0, 0, 0) }
        let clicks = perClick ? budget / price : budget / price * 1000 * click
        let impressions = perClick ? (click > 0 ? clicks / click : 0) : budget / price * 1000
        let linear = clicks * conversion
        let reference = referenceBuyersPerWeek * max(days, 1) / 7
        guard linear > 0 else { return (impressions, clicks, 0, .infinity) }
        let buyers = linear <= reference ? linear : reference * Math.exp(returnsExponent * Math.log(linear / reference))
        return (impressions, clicks, buyers, budget * reference / linear)
    }

    @inline(__always)
    func run(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>) {
        var cost = 0.0, impressions = 0.0, clicks = 0.0, buyers = 0.0
        // By index, reading the numbers only (a copy of a flight would count references to its names every trial).
        for index in flights.indices {
            let budget = v[flights[index].budget]
            let m = Self.metrics(budget: budget, price: v[flights[index].price], perClick: flights[index].perClick,
                                 click: v[flights[index].click], conversion: v[flights[index].conversion],
                                 days: flights[index].endDay - flights[index].startDay)
            scratch[index] = m.buyers
            cost += budget
            impressions += m.impressions
            clicks += m.clicks
            buyers += m.buyers
        }
        ws[.adsCost] = cost
        ws[.adsImpressions] = impressions
        ws[.adsClicks] = clicks
        ws[.adsBuyers] = buyers
    }

    /// Each flight's budget, evenly over its days.
    @inline(__always)
    func pay(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions, _ book: inout CashBook) {
        for index in flights.indices { book.payEvenly(v[flights[index].budget], over: index, .ads) }
    }

    /// The report's view of one evaluation (the base case).
    func result(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions) -> any LeverResult {
        AdsPlan(flights: flights.map { flight in
            let m = Self.metrics(budget: v[flight.budget], price: v[flight.price], perClick: flight.perClick,
                                 click: v[flight.click], conversion: v[flight.conversion], days: flight.endDay - flight.startDay)
            return AdsPlan.Flight(name: flight.name, platform: flight.platform, start: flight.start, end: flight.end,
                                  budget: v[flight.budget], price: v[flight.price], perClick: flight.perClick,
                                  clickRate: v[flight.click], conversion: v[flight.conversion],
                                  impressions: m.impressions, clicks: m.clicks, buyers: m.buyers, reference: m.reference)
        })
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

extension CashFlow.Item {
    static let ads = CashFlow.Item("ads", rank: 8, "Ad spend", "广告投放")
}
