/// Weekly sales within the horizon: the market's curve plus what the launch adds to it.
struct DemandCurve: Sendable, Equatable {
    struct Week: Sendable, Equatable {
        /// 1 = launch week.
        var number: Int
        var start: CivilDate
        /// Days of the horizon in this week: 7, or fewer in a last partial week.
        var days: Int
        var units: Double
        var cumulative: Double
    }

    /// True when the size is the top-down SOM; false for the channels' bottom-up total.
    var fromTopDown: Bool
    var weeks: [Week]
    var p: Double
    var q: Double
    var launchBoost: Double
    var shape: Scenario.DemandShape
    var halfLife: Period?
    /// The sales events' weeks within the horizon (a preset recurs each year).
    var events: [Event]
    var elasticity: Double
    var referencePrice: Double

    struct Event: Sendable, Equatable {
        var name: String
        /// The event's last day; its days run from `first` (the 7 days ending on `last` unless the
        /// scenario gives a start), within the horizon.
        var last: CivilDate
        var lift: Double
        var first: CivilDate
    }
}

/// The demand model (see the Models article, "Demand over time"): cumulative demand by day after launch,
/// one function for the weekly curve, the launch week, the first batch's window and the cash
/// flow, in the base case and in every trial. Demand = the market's curve (its size spread by
/// the Bass or decay shape, each sales event's week multiplied by its lift) + the launch's
/// responses (each KOL post's buyers decaying from its day, each ad flight's buyers spread
/// over its days; those before launch arrive on launch day), all × (price ÷ reference)^elasticity,
/// at the launch price for its first weeks.
final class DemandModel: Sendable {
    let p: Int, q: Int, boost: Int
    let horizonDays: Double
    /// Days from launch to the end of the season's last day (`demand.sell_by`): no demand after
    /// them. The horizon's days without a season end.
    let sellByDays: Double
    let years: Double
    /// Where the size comes from: SOM, or the channels' total; nil without either (a forecast only).
    let size: Output?
    struct Event: Sendable {
        let name: String
        let last: CivilDate
        /// Launch-relative days `[start, end)`, within the horizon.
        let start: Double, end: Double
        let lift: Double
    }
    let events: [Event]
    /// A stretch of days `[start, end)` and the lift on them: what the curve reads of the events,
    /// numbers alone (no name to copy in the loops over weeks).
    struct Lift: Sendable {
        let start: Double, end: Double
        let lift: Double
    }
    /// The days the events lift, each stretch with the product of the lifts that cover it (two
    /// events on one day multiply: a 2× event inside a 1.5× week sells 3× there, and a lift of 0
    /// inside another empties those days, never below). Without overlaps, the events themselves.
    let lifts: [Lift]
    /// The seasonal index's stretches alone (a calendar month each), for its part of demand.
    let seasons: [Lift]
    let price: Int, elasticity: Int
    let reference: Double
    /// The launch price's slot and its last day (launch-relative, exclusive).
    let launchPrice: Int?
    let launchDays: Double
    /// A promotion's price on its days (`promotions`): launch-relative days `[start, end)`, the
    /// slot of its price (or of its discount off the list price), the channels' share of sales it
    /// prices, and a presale's deposit slot and day.
    struct PriceWindow: Sendable {
        let name: String
        let start: Double, end: Double
        let slot: Int
        let isDiscount: Bool
        let share: Double
        let deposit: (slot: Int, day: Int)?
    }
    let promotions: [PriceWindow]
    /// A response source: a lever's line (a KOL line, an ad flight, a send), its buyers in the
    /// workspace's scratch.
    struct Response: Sendable {
        /// Where its buyers are in `Workspace.scratch`, and which lever's it is.
        let buyers: Int
        let lever: Int
        let arrival: Arrival
        /// Its buyers back the campaign, not the retail launch, when the campaign is in the plan.
        let toCampaign: Bool
        /// The cumulative share at each week end, from `first` (earlier: 0) to `first + values.count`
        /// (later: 1).
        let first: Int
        let values: [Double]
    }
    let responses: [Response]
    /// The days a week end's repeat purchases look back to (`product.repurchase`): week `w`'s are
    /// `repeatLagDays[repeatLags[i]]` for i in `repeatLagStart[w]..<repeatLagStart[w + 1]`, its end
    /// less one, two, … intervals (while after launch); each day once, however many week ends look
    /// back to it (a daily refill's weeks share all but seven); and each response's arrived share
    /// on each day (`repeatLagFractions[r × repeatLagDays.count + d]`). Fixed per plan: worked out once.
    let repeatLagDays: [Double]
    let repeatLags: [Int]
    let repeatLagStart: [Int]
    let repeatLagFractions: [Double]
    /// Each lever's part of demand (`demand.kol_units`…), in the levers' order.
    let components: [Output]
    /// Whether some sources (KOL posts) are timed to the campaign: then, with the campaign in the
    /// plan, their buyers are backers, not retail demand.
    let kolToCampaign: Bool
    /// Launch-relative week ends: 7, 14, …, the horizon's last (maybe partial) week's end.
    let weekEnds: [Double]
    let shape: Scenario.DemandShape
    let halfLife: Period?
    /// True when price moves demand (an elasticity other than 0, or a range of them).
    let respondsToPrice: Bool
    /// With actual sales: the cumulative demand at every week end (the weeks sold, then the
    /// re-forecast), which replaces the weekly curve in every evaluation.
    let actualCumulative: [Double]?
    /// Days after launch the actual sales cover (0 without them): demand known, not forecast.
    let soldDays: Double
    /// Repeat purchase (`product.repurchase`): the interval in days, and the slots of the repeat
    /// share and the subscription share.
    let repurchase: (days: Double, share: Int, subscription: Int)?
    /// What a subscriber pays a delivery (`product.repurchase.subscription_price`): its slot; nil: the price of the day.
    let subscriptionPrice: Int?

    /// `channelShares`: each sales channel's share of retail sales, by name (an event that lifts
    /// some channels lifts that share of the curve).
    init(_ scenario: Scenario, _ inputs: inout InputTable, size: Output?, price: Int, levers: [(lever: any Lever, offset: Int)],
         channelShares: [String: Double] = [:], actualCumulative: [Double]? = nil, soldWeeks: Int = 0) {
        self.actualCumulative = actualCumulative
        let curve = scenario.curve
        shape = curve.shape
        halfLife = curve.halfLife
        years = scenario.horizon.years
        let launch = scenario.launch.date
        horizonDays = Double(scenario.horizon.days(from: launch))
        let horizon = Double(scenario.horizon.days(from: launch))
        sellByDays = scenario.curve.sellBy.map { min(Double(launch.days(to: $0) + 1), horizon) } ?? horizon
        if shape == .decay, let halfLife = curve.halfLife {
            // A launch that peaks at once and halves every `half_life`: Bass with q = 0 and
            // p = ln 2 ÷ half-life (Bass 1969, pure innovation), the half-life in the horizon's own
            // years (day d is t = years·d/horizonDays), so that sales halve in exactly its days.
            let yearsPerDay = horizonDays > 0 ? years / horizonDays : 1 / 365.25
            p = inputs.constant(Math.log(2) / (halfLife.averageDays * yearsPerDay))
            q = inputs.constant(0)
        } else {
            p = inputs.bind(curve.p, "demand.p")
            q = inputs.bind(curve.q, "demand.q")
        }
        boost = inputs.bind(curve.launchBoost, "demand.launch_boost")
        self.size = size
        self.price = price
        elasticity = inputs.bind(curve.elasticity, "demand.elasticity")
        respondsToPrice = curve.elasticity.value != 0 || curve.elasticity.isUncertain
        reference = curve.referencePrice ?? scenario.product.price.value
        launchPrice = scenario.product.launchPrice.map { inputs.bind($0, "product.launch_price") }
        repurchase = scenario.product.repurchase.map {
            (Double($0.interval.days(from: launch)), inputs.bind($0.share, "product.repurchase.share"),
             inputs.bind($0.subscription, "product.repurchase.subscription"))
        }
        subscriptionPrice = scenario.product.repurchase?.subscriptionPrice.map { inputs.bind($0, "product.repurchase.subscription_price") }
        launchDays = launchPrice == nil ? 0 : min(Double(scenario.product.launchPriceWeeks.days(from: launch)), horizonDays)
        promotions = scenario.promotions.enumerated().map { index, promotion in
            let share = promotion.channels.isEmpty ? 1 : min(1, promotion.channels.reduce(0) { $0 + (channelShares[$1] ?? 0) })
            let slot = promotion.price.map { inputs.bind($0, list: "promotions", index: index, name: promotion.name, key: "price") }
                ?? inputs.bind(promotion.discount ?? Quantity(0), list: "promotions", index: index, name: promotion.name, key: "discount")
            let deposit = promotion.deposit.map { deposit in
                (inputs.bind(deposit, list: "promotions", index: index, name: promotion.name, key: "deposit"),
                 launch.days(to: promotion.depositDate ?? promotion.start))
            }
            return PriceWindow(name: promotion.name, start: Double(launch.days(to: promotion.start)),
                               end: Double(launch.days(to: promotion.end) + 1), slot: slot, isDiscount: promotion.price == nil,
                               share: share, deposit: deposit)
        }
        let days = Int(horizonDays)
        events = curve.events.flatMap { event in
            SalesEvents.weeks(event, launch: launch, days: days).map {
                // An event that lifts some channels lifts their share of sales: 1 + (lift − 1) × share.
                let share = event.channels.isEmpty ? 1 : min(1, event.channels.reduce(0) { $0 + (channelShares[$1] ?? 0) })
                return Event(name: event.name, last: $0.last, start: Double($0.start), end: Double($0.end), lift: 1 + (event.lift - 1) * share)
            }
        }
        // Seasonality: each calendar month of the horizon a stretch whose lift is its index, over
        // the horizon's weight (the market's size already holds the season's share of the year).
        let months = curve.season.map { Self.seasonMonths($0, launch: launch, days: days) } ?? []
        seasons = Self.combinedLifts(months)
        lifts = Self.combinedLifts(events + months)
        var ends: [Double] = []
        var end = 7.0
        while end < horizonDays {
            ends.append(end)
            end += 7
        }
        ends.append(horizonDays)
        let weekEnds = horizonDays > 0 ? ends : []
        self.weekEnds = weekEnds
        soldDays = soldWeeks > 0 && soldWeeks <= weekEnds.count ? weekEnds[soldWeeks - 1] : 0
        var responses: [Response] = []
        for (index, lever) in levers.enumerated() {
            for source in lever.lever.sources {
                let values = weekEnds.map { Self.fraction(source.arrival, at: $0) }
                let first = values.firstIndex { $0 > 0 } ?? values.count
                let full = values.firstIndex { $0 >= 1 } ?? values.count
                responses.append(Response(buyers: lever.offset + source.buyers, lever: index, arrival: source.arrival,
                                          toCampaign: source.toCampaign, first: first, values: Array(values[first..<max(first, full)])))
            }
        }
        self.responses = responses
        var lagDays: [Double] = [], lags: [Int] = [], lagStart: [Int] = [0]
        if let repurchase, repurchase.days > 0 {
            var index: [Double: Int] = [:]
            for end in weekEnds {
                // The same subtraction `repeatParts` makes, so the days are the same to the bit.
                var lag = end - repurchase.days
                while lag > 0 {
                    if let known = index[lag] {
                        lags.append(known)
                    } else {
                        index[lag] = lagDays.count
                        lags.append(lagDays.count)
                        lagDays.append(lag)
                    }
                    lag -= repurchase.days
                }
                lagStart.append(lags.count)
            }
        }
        repeatLagDays = lagDays
        repeatLags = lags
        repeatLagStart = lagStart
        repeatLagFractions = responses.flatMap { response in lagDays.map { Self.fraction(response.arrival, at: $0) } }
        components = levers.map { type(of: $0.lever).demandComponent }
        kolToCampaign = responses.contains(where: \.toCampaign)
    }

    /// Posts' buyers arrive this many half-lives at most; the decay is scaled so that they all do.
    static let decayHalfLives = 7.0
    static let ln2 = 0.6931471805599453
    /// The share of a decay's buyers by `decayHalfLives` half-lives, which the decay is divided by.
    static let decayScale = 1 - Math.exp(-ln2 * decayHalfLives)

    /// The share of a source's buyers who have arrived by launch-relative day `day` (0 at
    /// launch: those before launch arrive on launch day, counted in the first day after it).
    @inline(__always)
    static func fraction(_ arrival: Arrival, at day: Double) -> Double {
        guard day > 0 else { return 0 }
        let start = arrival.start
        switch arrival.shape {
        case .decay(let halfLife):
            let elapsed = day - start
            guard elapsed > 0 else { return 0 }
            guard halfLife > 0, elapsed < decayHalfLives * halfLife else { return 1 }
            return (1 - Math.exp(-ln2 * elapsed / halfLife)) / decayScale
        case .even(let end):
            guard end > start else { return day >= start ? 1 : 0 }
            return min(max((day - start) / (end - start), 0), 1)
        }
    }

    /// Share of the horizon's sales on the curve made in its first `days` days, launch boost included.
    ///
    /// Days map onto Bass time linearly: day d of a D-day horizon of H years is t = H·d/D, and the
    /// curve is scaled so the horizon holds all of it. The boost is sold in launch week, spread
    /// evenly over its days (its 7 days, or the whole horizon when that is shorter).
    @inline(__always)
    static func share(firstDays days: Double, horizonDays: Double, years: Double, p: Double, q: Double, boost: Double) -> Double {
        share(firstDays: days, horizonDays: horizonDays, years: years, p: p, q: q, boost: boost,
              whole: Bass.cumulative(years, p: p, q: q))
    }

    /// The same, with the curve's share at the horizon, F(H), given (`whole`).
    @inline(__always)
    static func share(firstDays days: Double, horizonDays: Double, years: Double, p: Double, q: Double, boost: Double,
                      whole: Double) -> Double {
        guard horizonDays > 0 else { return 0 }
        let clamped = min(max(days, 0), horizonDays)
        return share(clamped: clamped, curve: Bass.cumulative(years * clamped / horizonDays, p: p, q: q), horizonDays: horizonDays,
                     boost: boost, whole: whole)
    }

    /// The same at `clamped` days (within a horizon of `horizonDays` > 0), the curve's F(t) there given (`curve`).
    @inline(__always)
    static func share(clamped: Double, curve: Double, horizonDays: Double, boost: Double, whole: Double) -> Double {
        share(curve: curve, whole: whole, boost: boost, launchPart: launchPart(clamped, horizonDays: horizonDays, boost: boost))
    }

    /// The same from the boost's part sold by then (`launchPart`): the curve's share of the rest.
    @inline(__always)
    static func share(curve: Double, whole: Double, boost: Double, launchPart: Double) -> Double {
        guard whole > 0 else { return 0 }
        return (1 - boost) * (curve / whole) + launchPart
    }

    /// The boost sold in the first `clamped` days: spread evenly over launch week (its 7 days, or
    /// the whole horizon when that is shorter), all of it once the week is over.
    @inline(__always)
    static func launchPart(_ clamped: Double, horizonDays: Double, boost: Double) -> Double {
        let launchWeek = min(7, horizonDays)
        return boost * min(clamped, launchWeek) / launchWeek
    }

    @inline(__always)
    func share(firstDays days: Double, _ v: UnsafeMutablePointer<Double>) -> Double {
        Self.share(firstDays: days, horizonDays: horizonDays, years: years, p: v[p], q: v[q], boost: v[boost])
    }

    /// The events' stretches with their combined lifts (`lifts`), in order of their first day.
    static func combinedLifts(_ events: [Event]) -> [Lift] {
        let edges = Set(events.flatMap { [$0.start, $0.end] }).sorted()
        var stretches: [Lift] = []
        for (start, end) in zip(edges, edges.dropFirst()) {
            let covering = events.filter { $0.start <= start && $0.end >= end }
            guard let first = covering.first else { continue }
            let lift = covering.dropFirst().reduce(first.lift) { $0 * $1.lift }
            if let last = stretches.last, last.end == start, last.lift == lift {
                stretches[stretches.count - 1] = Lift(start: last.start, end: end, lift: lift)
            } else {
                stretches.append(Lift(start: start, end: end, lift: lift))
            }
        }
        return stretches
    }

    /// The market's cumulative share by `day` with the events' lifts: share(day) + Σ (lift − 1) ×
    /// the curve's share of the lifted days before `day`. More than 1 at the horizon when
    /// events lift it; never below 0. With the events' lifts (`lifts`) it is `sharedBaseline`,
    /// which reads their edges from the workspace; here for another set (the season's months alone).
    @inline(__always)
    func baseline(_ day: Double, _ v: UnsafeMutablePointer<Double>, lifts: [Lift]) -> Double {
        var value = share(firstDays: day, v)
        for event in lifts where day > event.start {
            value += (event.lift - 1) * (share(firstDays: min(day, event.end), v) - share(firstDays: event.start, v))
        }
        return value
    }

    /// The curve's shares this evaluation's p, q and launch boost give, kept in the workspace
    /// while they are unchanged (in most plans, every trial): F(H) and each sales event's share at
    /// its first and last day. With them `baseline` costs one exponential a day, not one per edge.
    @inline(__always)
    func refreshShares(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        let key = (v[p], v[q], v[boost])
        guard key != ws.demandShareKey else { return }
        ws.demandShareKey = key
        ws.shareVersion &+= 1
        ws.demandWhole = Bass.cumulative(years, p: key.0, q: key.1)
        let edges = ws.demandEventShares
        for (index, event) in lifts.enumerated() {
            edges[2 * index] = curveShare(event.start, v, ws)
            edges[2 * index + 1] = curveShare(event.end, v, ws)
        }
    }

    /// `baseline` at every week end (`ws.demandBaseline`) and at every repeat purchase's
    /// look-back day (`ws.repeatLagBaseline`), kept like `refreshShares`' (for the weekly curve only).
    @inline(__always)
    func refreshWeeks(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        let key = (v[p], v[q], v[boost])
        guard key != ws.demandWeekKey else { return }
        ws.demandWeekKey = key
        refreshShares(v, ws)
        // Week ends fall every 7 days but the last (the horizon's end): e^{−(p+q)t} at each is
        // the previous one's times e^{−(p+q)·7 years/horizon days}, one exponential a trial.
        let step = Math.exp(-(v[p] + v[q]) * (years * 7 / horizonDays))
        var decay = 1.0
        // What every week reads, once: q/p, the boost, F(H), and the boost's part once launch week is
        // over (the loop's stores could alias the registers, so the compiler would read them again).
        let ratio = v[q] / v[p], boost = v[boost], whole = ws.demandWhole
        let launchWeek = min(7, horizonDays), afterLaunchWeek = Self.launchPart(launchWeek, horizonDays: horizonDays, boost: boost)
        for week in 0..<weekEnds.count {
            let day = weekEnds[week]
            let atDay: Double
            if week + 1 < weekEnds.count {
                decay *= step
                let launchPart = day >= launchWeek ? afterLaunchWeek : Self.launchPart(day, horizonDays: horizonDays, boost: boost)
                atDay = Self.share(curve: Bass.cumulative(decay: decay, ratio: ratio), whole: whole, boost: boost, launchPart: launchPart)
            } else {
                atDay = curveShare(day, v, ws)
            }
            ws.demandBaseline[week] = sharedBaseline(day, atDay: atDay, ws)
        }
        for index in repeatLagDays.indices { ws.repeatLagBaseline[index] = sharedBaseline(repeatLagDays[index], v, ws) }
    }

    /// `share(firstDays:_:)` with F(H) from the workspace (`refreshShares` first).
    @inline(__always)
    private func curveShare(_ day: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace) -> Double {
        Self.share(firstDays: day, horizonDays: horizonDays, years: years, p: v[p], q: v[q], boost: v[boost], whole: ws.demandWhole)
    }

    /// `baseline(day, v, lifts: lifts)` from the workspace's event shares (`refreshShares` first),
    /// kept by day in the workspace while the shares are those (`Workspace.shareVersion`).
    @inline(__always)
    private func sharedBaseline(_ day: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace) -> Double {
        let slot = ws.slot(day)
        if ws.baselineDays[slot] == day, ws.baselineVersions[slot] == ws.shareVersion { return ws.baselineShares[slot] }
        let value = sharedBaseline(day, atDay: curveShare(day, v, ws), ws)
        ws.baselineDays[slot] = day
        ws.baselineVersions[slot] = ws.shareVersion
        ws.baselineShares[slot] = value
        return value
    }

    /// The same with the curve's share at `day` given (`atDay`).
    @inline(__always)
    private func sharedBaseline(_ day: Double, atDay: Double, _ ws: Workspace) -> Double {
        let edges = ws.demandEventShares
        var value = atDay
        for (index, event) in lifts.enumerated() where day > event.start {
            value += (event.lift - 1) * ((day >= event.end ? edges[2 * index + 1] : atDay) - edges[2 * index])
        }
        return value
    }

    /// `baseline(horizon, v, lifts: seasons)`, kept in the workspace while the shares are
    /// `refreshShares`' (`Workspace.shareVersion`; `refreshShares` first).
    @inline(__always)
    private func seasonBaseline(_ horizon: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace) -> Double {
        if ws.seasonVersion != ws.shareVersion {
            ws.seasonShare = baseline(horizon, v, lifts: seasons)
            ws.seasonVersion = ws.shareVersion
        }
        return ws.seasonShare
    }

    /// Whether KOL buyers are retail demand in this evaluation: not when the posts are timed to
    /// a campaign in the plan, whose backers they are.
    @inline(__always)
    func kolIsRetail(_ inPlan: Bool) -> Bool { !(kolToCampaign && inPlan) }

    /// Cumulative demand by day `day` before the price response: the curve's units plus the
    /// responses' buyers who have arrived.
    @inline(__always)
    func raw(_ day: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kolRetail: Bool) -> Double {
        guard day > 0 else { return 0 }
        refreshShares(v, ws)
        let arrived = arrived(day, ws)
        return raw(ws, baseline: sharedBaseline(day, v, ws), kolRetail: kolRetail) { arrived[$0] }
    }

    /// Each response's arrived share by `day` (`fraction`), from the workspace's slot for the day
    /// (worked out on the first evaluation that asks for it; a day that takes another's slot
    /// works them out again).
    @inline(__always)
    func arrived(_ day: Double, _ ws: Workspace) -> UnsafeMutablePointer<Double> {
        let slot = ws.slot(day)
        let shares = ws.arrivalShares + slot * responses.count
        if ws.arrivalDays[slot] != day {
            for index in responses.indices { shares[index] = Self.fraction(responses[index].arrival, at: day) }
            ws.arrivalDays[slot] = day
        }
        return shares
    }

    /// Raw demand from the curve's share `baseline` (with the events' lifts) and each response's
    /// arrived share, `arrived(its index)`: the market's size × the share, plus each response's buyers × theirs.
    @inline(__always)
    private func raw(_ ws: Workspace, baseline: Double, kolRetail: Bool, arrived: (Int) -> Double) -> Double {
        var value = (size.map { ws[$0] } ?? 0) * baseline
        for (index, response) in responses.enumerated() {
            if response.toCampaign, !kolRetail { continue }
            value += ws.scratch[response.buyers] * arrived(index)
        }
        return value
    }

    /// Constant elasticity is a local model (a straight line on log price and log quantity
    /// around the price the market numbers assume): gtm applies it to prices from a quarter to
    /// four times the reference and holds the response there beyond them, so that a price drawn
    /// near zero cannot promise unbounded demand. The plan warns when its price lies outside.
    static let elasticityRange = 0.25...4.0

    /// (price ÷ reference)^elasticity at the regular price and at the launch price, the ratio kept
    /// within `elasticityRange`.
    @inline(__always)
    func priceFactors(_ v: UnsafeMutablePointer<Double>) -> (regular: Double, launch: Double) {
        guard v[elasticity] != 0, reference > 0 else { return (1, 1) }
        let regular = priceFactor(v[price], v)
        let launch = launchPrice.map { priceFactor(v[$0], v) } ?? regular
        return (regular, launch)
    }

    /// (price ÷ reference)^elasticity at `price`, the ratio kept within `elasticityRange`.
    @inline(__always)
    func priceFactor(_ price: Double, _ v: UnsafeMutablePointer<Double>) -> Double {
        let e = v[elasticity]
        guard e != 0, reference > 0 else { return 1 }
        let ratio = min(max(price / reference, Self.elasticityRange.lowerBound), Self.elasticityRange.upperBound)
        return Math.exp(e * Math.log(ratio))
    }

    /// A promotion's price in this evaluation: its price, or the list price less its discount.
    @inline(__always)
    func price(of window: PriceWindow, _ v: UnsafeMutablePointer<Double>) -> Double {
        window.isDiscount ? v[price] * (1 - v[window.slot]) : v[window.slot]
    }

    /// What a promotion changes in demand per unit of the curve's raw demand on its days: its
    /// channels' share × (its price's factor − the regular price's).
    @inline(__always)
    func promotionLift(_ window: PriceWindow, _ v: UnsafeMutablePointer<Double>, regular: Double) -> Double {
        window.share * (priceFactor(price(of: window, v), v) - regular)
    }

    /// Of the units sold on a promotion's days, the share its channels buy at its price:
    /// s·f ÷ (s·f + (1 − s)·f₀), f and f₀ the promotion's and the regular price's factors.
    @inline(__always)
    func promotedShare(_ window: PriceWindow, _ v: UnsafeMutablePointer<Double>) -> Double {
        guard window.share < 1 else { return 1 }
        let promoted = window.share * priceFactor(price(of: window, v), v), regular = (1 - window.share) * priceFactor(v[price], v)
        return promoted + regular > 0 ? promoted / (promoted + regular) : 0
    }

    /// Cumulative demand by `day`: first purchases and the repeat purchases they bring (with
    /// actual sales, the weeks sold and the re-forecast).
    @inline(__always)
    func total(_ day: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kolRetail: Bool) -> Double {
        if let actualCumulative { return Self.interpolate(actualCumulative, weekEnds: weekEnds, at: day) }
        let day = min(day, sellByDays)
        return first(day, v, ws, kolRetail: kolRetail) + repeats(day, v, ws, kolRetail: kolRetail)
    }

    /// Cumulative repeat purchases by `day`: a first buyer on day τ buys again on τ + k·interval
    /// with weight σ + (1 − σ)·sᵏ (σ the subscribers, who repeat every interval; s the repeat
    /// share, a geometric chain), so the repeats by `day` are Σₖ wₖ × first(day − k·interval).
    @inline(__always)
    func repeats(_ day: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kolRetail: Bool) -> Double {
        repeatParts(day, v, ws, kolRetail: kolRetail).all
    }

    /// The repeats by `day` and the subscribers' part of them, σ × Σₖ F(day − k·interval).
    @inline(__always)
    func repeatParts(_ day: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kolRetail: Bool)
        -> (all: Double, subscribed: Double) {
        guard let repurchase, repurchase.days > 0 else { return (0, 0) }
        // The price response is the same for every term: worked out once.
        let factors = priceFactors(v)
        // Lazily: an eager `prefix(while:)` would make an array at every call.
        let lags = sequence(first: day - repurchase.days) { $0 - repurchase.days }.lazy.prefix { $0 > 0 }
        return repeatSum(v, repurchase, lags) { first($0, v, ws, kolRetail: kolRetail, factors: factors) }
    }

    /// Σₖ wₖ × first(termₖ) over the look-back terms in order, wₖ = σ + (1 − σ)·sᵏ for the k-th,
    /// stopping where wₖ is negligible; and the subscribers' part, σ × Σₖ first(termₖ).
    @inline(__always)
    private func repeatSum<Terms: Sequence>(_ v: UnsafeMutablePointer<Double>, _ repurchase: (days: Double, share: Int, subscription: Int),
                                            _ terms: Terms, first: (Terms.Element) -> Double) -> (all: Double, subscribed: Double) {
        let share = v[repurchase.share], subscribed = v[repurchase.subscription]
        var sum = 0.0, plain = 0.0, chain = 1.0
        for term in terms {
            chain *= share
            let weight = subscribed + (1 - subscribed) * chain
            if weight <= 1e-12 { break }
            let first = first(term)
            sum += weight * first
            plain += first
        }
        return (sum, subscribed * plain)
    }

    /// Cumulative first purchases by `day`: the price response applied, the launch price to the
    /// first `launchDays` days.
    @inline(__always)
    func first(_ day: Double, _ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kolRetail: Bool,
               factors: (regular: Double, launch: Double)? = nil) -> Double {
        let factors = factors ?? priceFactors(v)
        let all = raw(day, v, ws, kolRetail: kolRetail)
        let early = launchPrice != nil && launchDays > 0 ? raw(min(day, launchDays), v, ws, kolRetail: kolRetail) : 0
        return priced(day, all: all, early: early, factors: factors) { index in
            let window = promotions[index]
            return (promotionLift(window, v, regular: factors.regular),
                    raw(min(day, window.end), v, ws, kolRetail: kolRetail) - raw(window.start, v, ws, kolRetail: kolRetail))
        }
    }

    /// First purchases by `day` from its raw demand `all`, the raw demand by the launch price's
    /// end or `day` (`early`), and each promotion's lift and raw demand on its days up to `day`.
    @inline(__always)
    private func priced(_ day: Double, all: Double, early: Double, factors: (regular: Double, launch: Double),
                        promotion: (Int) -> (lift: Double, inside: Double)) -> Double {
        var sum: Double
        if launchPrice != nil, launchDays > 0 {
            sum = factors.launch * early + factors.regular * (all - early)
        } else {
            sum = factors.regular * all
        }
        // Each promotion moves the demand of its days: raw demand there × its lift.
        for (index, window) in promotions.enumerated() where day > window.start {
            let (lift, inside) = promotion(index)
            sum += lift * inside
        }
        return sum
    }

    /// Units within the horizon and in launch week, and what each part of demand adds.
    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kolRetail: Bool) {
        // Nothing sells after the season's end (with actual sales, the weeks sold and the re-forecast hold it).
        let horizon = actualCumulative == nil ? min(horizonDays, sellByDays) : horizonDays
        // `total` at the horizon: first purchases and the repeats (worked out once for both).
        let repeated = actualCumulative == nil ? repeats(horizon, v, ws, kolRetail: kolRetail) : 0
        let total = actualCumulative == nil ? first(horizon, v, ws, kolRetail: kolRetail) + repeated
            : self.total(horizon, v, ws, kolRetail: kolRetail)
        ws[.horizonUnits] = total
        ws[.firstWeekUnits] = self.total(min(7, horizon), v, ws, kolRetail: kolRetail)
        ws[.repeatUnits] = repeated
        // With actual sales, the parts of the plan's demand no longer add up to it: not shown.
        guard actualCumulative == nil else { return }
        let market = size.map { ws[$0] } ?? 0
        refreshShares(v, ws)
        let curve = market * curveShare(horizon, v, ws)
        let arrived = arrived(horizon, ws)
        // Each lever's buyers within the horizon (its sources come together, in order).
        for component in components { ws[component] = 0 }
        var part = 0.0
        var lever = -1
        for (index, response) in responses.enumerated() {
            if response.lever != lever {
                if lever >= 0 { ws[components[lever]] = part }
                part = 0
                lever = response.lever
            }
            let buyers = ws.scratch[response.buyers] * arrived[index]
            if !response.toCampaign || kolRetail { part += buyers }
        }
        if lever >= 0 { ws[components[lever]] = part }
        ws[.baselineUnits] = curve
        // Seasonality's part, then the events' on top of it.
        let seasonal = seasons.isEmpty ? 0 : market * seasonBaseline(horizon, v, ws) - curve
        ws[.seasonUnits] = seasonal
        ws[.eventUnits] = market * sharedBaseline(horizon, v, ws) - curve - seasonal
        ws[.priceEffectUnits] = total - repeated - raw(horizon, v, ws, kolRetail: kolRetail)
    }

    /// Cumulative demand at every week end, in `ws.demandCumulative` (index 0 is launch, 0; index
    /// k the end of week k). The curve's part is kept from the last evaluation while p, q and the
    /// launch boost are unchanged (in most plans, every trial); the responses' shares at the week
    /// ends were worked out once per plan. The same numbers as `total` at each week end.
    @inline(__always)
    func weekly(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kolRetail: Bool) {
        let count = weekEnds.count
        if let actualCumulative {
            for week in 0...count { ws.demandCumulative[week] = actualCumulative[week] }
            return
        }
        refreshWeeks(v, ws)
        let market = size.map { ws[$0] } ?? 0
        let arrived = ws.demandResponses, done = ws.demandDone
        for week in 0...count {
            arrived[week] = 0
            done[week] = 0
        }
        for response in responses {
            if response.toCampaign, !kolRetail { continue }
            let b = ws.scratch[response.buyers]
            response.values.withUnsafeBufferPointer { values in
                // `arrived` holds every week end and `values` those of one response: they never overlap.
                guard let base = values.baseAddress else { return }
                addScaled(b, base, to: arrived + response.first, count: values.count)
            }
            done[response.first + response.values.count] += b
        }
        let factors = priceFactors(v)
        let early = launchPrice != nil && launchDays > 0 ? raw(launchDays, v, ws, kolRetail: kolRetail) : 0
        let cumulative = ws.demandCumulative
        cumulative[0] = 0
        // Each promotion's raw demand at its first and last day, and its lift.
        let windows = ws.promotionScratch
        for (index, window) in promotions.enumerated() {
            windows[3 * index] = raw(window.start, v, ws, kolRetail: kolRetail)
            windows[3 * index + 1] = raw(window.end, v, ws, kolRetail: kolRetail)
            windows[3 * index + 2] = promotionLift(window, v, regular: factors.regular)
        }
        var full = 0.0
        for week in 0..<count {
            full += done[week]
            let all = market * ws.demandBaseline[week] + arrived[week] + full
            // A promotion's effect by the week's end: its lift × raw demand from its first day to
            // the earlier of its last and the week's end, in raw units (its factor applies to them).
            var promoted = 0.0
            for (index, window) in promotions.enumerated() where weekEnds[week] > window.start {
                let to = weekEnds[week] >= window.end ? windows[3 * index + 1] : all
                promoted += windows[3 * index + 2] * (to - windows[3 * index])
            }
            // Cumulative demand never falls: on a flat stretch (a month whose seasonal index is 0,
            // the launch price's share to its last day computed apart from the week's total) two
            // ways of summing it may differ in their last bits.
            if launchPrice != nil, launchDays > 0 {
                let before = weekEnds[week] <= launchDays ? all : early
                cumulative[week + 1] = max(cumulative[week], factors.launch * before + factors.regular * (all - before) + promoted)
            } else {
                cumulative[week + 1] = max(cumulative[week], factors.regular * all + promoted)
            }
        }
        if let repurchase {
            // `repeatParts` at each week end, its look-back days' curve shares and arrivals read
            // from the workspace and the plan rather than worked out again.
            // Raw demand at every look-back day at once, response by response over the days (the
            // same sums `raw` makes, term by term in the same order, without a pass of the
            // responses per day).
            let lags = repeatLagDays.count
            let lagRaw = ws.repeatLagRaw
            for index in 0..<lags { lagRaw[index] = market * ws.repeatLagBaseline[index] }
            repeatLagFractions.withUnsafeBufferPointer { fractions in
                for (r, response) in responses.enumerated() {
                    if response.toCampaign, !kolRetail { continue }
                    guard let base = fractions.baseAddress else { continue }
                    addScaled(ws.scratch[response.buyers], base + r * lags, to: lagRaw, count: lags)
                }
            }
            // First purchases by each look-back day, from its raw demand (in place: each day's
            // reads only its own), once however many week ends look back to it.
            for index in 0..<lags {
                let day = repeatLagDays[index]
                let all = lagRaw[index]
                lagRaw[index] = priced(day, all: all, early: day <= launchDays ? all : early, factors: factors) { index in
                    (windows[3 * index + 2], (day >= promotions[index].end ? windows[3 * index + 1] : all) - windows[3 * index])
                }
            }
            for week in 0..<count {
                let parts = repeatLags.withUnsafeBufferPointer { days in
                    repeatSum(v, repurchase, repeatLagStart[week]..<repeatLagStart[week + 1]) { lagRaw[days[$0]] }
                }
                // Never below the week before: on a flat stretch (months whose seasonal index is
                // 0) the look-back sums may differ in their last bits from week to week.
                cumulative[week + 1] = max(cumulative[week], cumulative[week + 1] + parts.all)
                ws.subscribedCumulative[week + 1] = max(ws.subscribedCumulative[week], parts.subscribed)
            }
        }
        // The season's end: the weeks from the one it falls in hold what was bought by then.
        if sellByDays < horizonDays {
            let last = total(sellByDays, v, ws, kolRetail: kolRetail)
            let subscribed = repeatParts(sellByDays, v, ws, kolRetail: kolRetail).subscribed
            for week in 0..<count where weekEnds[week] >= sellByDays {
                // Never below the week before (the two sums may differ in their last bits).
                cumulative[week + 1] = max(cumulative[week], min(cumulative[week + 1], last))
                ws.subscribedCumulative[week + 1] = min(ws.subscribedCumulative[week + 1], subscribed)
            }
        }
    }

    /// The season's months over a horizon of `days` from `launch`: each calendar month a stretch
    /// whose lift is its index ÷ the horizon's weight, so that the months reshape the horizon's
    /// sales while the market's size holds how much the season sells.
    static func seasonMonths(_ season: [Double], launch: CivilDate, days: Int) -> [Event] {
        let months = calendarMonths(season, launch: launch, days: days)
        let weight = seasonWeight(months, days: days)
        return weight > 0 ? months.map { Event(name: $0.name, last: $0.last, start: $0.start, end: $0.end, lift: $0.lift / weight) } : months
    }

    /// The weight of `season` over `days` from `launch`: the mean index of its days (1 over a
    /// whole year, or without a season; a June-to-October horizon of a summer product about 2).
    /// The market's size over the horizon is its pro-rata cut × this: the season's share of the year.
    static func seasonWeight(_ season: [Double]?, launch: CivilDate, days: Int) -> Double {
        guard let season else { return 1 }
        return seasonWeight(calendarMonths(season, launch: launch, days: days), days: days)
    }

    private static func seasonWeight(_ months: [Event], days: Int) -> Double {
        days > 0 ? months.reduce(0) { $0 + ($1.end - $1.start) * $1.lift } / Double(days) : 1
    }

    /// Each calendar month of the horizon as a stretch of its days, lifted by its index.
    private static func calendarMonths(_ season: [Double], launch: CivilDate, days: Int) -> [Event] {
        var months: [Event] = []
        var first = SalesEvents.fixedDay(launch.year, month: launch.month, day: 1)
        while launch.days(to: first) < days {
            let next = first.adding(months: 1)
            let start = max(0, launch.days(to: first)), end = min(days, launch.days(to: next))
            if end > start { months.append(Event(name: "season", last: next.adding(days: -1), start: Double(start), end: Double(end),
                                                lift: season[first.month - 1])) }
            first = next
        }
        return months
    }

    /// Cumulative demand by `day` from the cumulative demand at the week ends (`cumulative[k]` at
    /// the end of week k, `cumulative[0]` = 0 at launch), spread evenly over each week's days.
    static func interpolate(_ cumulative: [Double], weekEnds: [Double], at day: Double) -> Double {
        guard day > 0 else { return 0 }
        var start = 0.0
        for (index, end) in weekEnds.enumerated() {
            if day <= end {
                let share = end > start ? (day - start) / (end - start) : 1
                return cumulative[index] + share * (cumulative[index + 1] - cumulative[index])
            }
            start = end
        }
        return cumulative[weekEnds.count]
    }

    /// The units of the first `days` days that are actual sales, not forecast.
    @inline(__always)
    func sold(within days: Double) -> Double {
        guard let actualCumulative, soldDays > 0 else { return 0 }
        return Self.interpolate(actualCumulative, weekEnds: weekEnds, at: min(days, soldDays))
    }

    /// The weekly curve of one evaluation (the report's table), from `weekly`'s cumulative demand.
    func curve(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, launch: CivilDate) -> DemandCurve {
        var weeks: [DemandCurve.Week] = []
        var start = 0.0
        for (index, end) in weekEnds.enumerated() {
            weeks.append(.init(number: index + 1, start: launch.adding(days: Int(start)), days: Int(end - start),
                               units: ws.demandCumulative[index + 1] - ws.demandCumulative[index],
                               cumulative: ws.demandCumulative[index + 1]))
            start = end
        }
        return DemandCurve(fromTopDown: size == .somUnits, weeks: weeks, p: v[p], q: v[q], launchBoost: v[boost], shape: shape,
                           halfLife: halfLife,
                           events: events.map { .init(name: $0.name, last: $0.last, lift: $0.lift, first: launch.adding(days: Int($0.start))) },
                           elasticity: v[elasticity], referencePrice: reference)
    }

    /// The week with the most sales (the first such week on a tie).
    /// The week with the most sales; of weeks that tie (within floating-point noise), the first.
    static func peakWeek(_ weeks: [DemandCurve.Week]) -> Int {
        var best = weeks.first
        for week in weeks where week.units > (best?.units ?? 0) * (1 + 1e-9) + 1e-9 { best = week }
        return best?.number ?? 1
    }
}

// MARK: Outputs

extension Output.Section {
    /// Demand within the horizon and what each part adds to it (`DemandModel`).
    static let demand = Output.Section("demand")
}

extension Output {
    static let horizonUnits = Output(50, .demand, "horizon_units", "Demand within the horizon", "计划期内需求", .count, ranged: true)
    static let firstWeekUnits = Output(51, .demand, "first_week_units", "Launch-week sales", "首发周销量", .count, ranged: true, compared: true)
    static let peakWeek = Output(52, .demand, "peak_week", "Best week", "销量最高周", .number)
    static let baselineUnits = Output(53, .demand, "baseline_units", "The market's curve", "市场曲线", .count, ranged: true)
    static let eventUnits = Output(54, .demand, "event_units", "Added by sales events", "大促带来的增量", .count, ranged: true, signed: true)
    static let kolUnits = Output(55, .demand, "kol_units", "Buyers from KOL posts", "KOL 内容带来的买家", .count, ranged: true)
    static let adsUnits = Output(56, .demand, "ads_units", "Buyers from ads", "广告带来的买家", .count, ranged: true)
    static let priceEffectUnits = Output(57, .demand, "price_effect_units", "Price response (elasticity)", "价格效应（弹性）", .count, ranged: true, signed: true)
    static let repeatUnits = Output(59, .demand, "repeat_units", "Repeat purchases", "复购", .count, ranged: true)
    static let seasonUnits = Output(60, .demand, "season_units", "Seasonality", "季节性", .count, ranged: true, signed: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let demandOutputs: [Output] = [.horizonUnits, .firstWeekUnits, .peakWeek, .baselineUnits, .eventUnits, .kolUnits, .adsUnits, .priceEffectUnits,
                                          .repeatUnits, .seasonUnits]
}
