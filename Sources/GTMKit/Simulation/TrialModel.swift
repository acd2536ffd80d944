/// Where each numeric input of a trial lives in the register file: fixed slots for the
/// scalars, ranges for the lists (one slot per channel, tier…). Laid out once per model.
struct TrialLayout: Sendable {
    static let price = 0, unitCost = 1, salvage = 2, fixedCosts = 3
    static let population = 4, purchasesPerYear = 5, serviceable = 6, obtainable = 7
    static let p = 8, q = 9, boost = 10
    static let forecast = 11, forecastSD = 12, forecastCV = 13
    static let emailList = 14, listConversion = 15, reservations = 16, reservationConversion = 17
    static let organicShare = 18, dropped = 19, platformFee = 20, paymentFee = 21, paymentFixed = 22
    static let reviewRate = 23
    static let scalars = 24

    var channels = 0, tiers = 0, kolTiers = 0
    var channelReach: Int { Self.scalars }
    var channelConversion: Int { channelReach + channels }
    var tierPrices: Int { channelConversion + channels }
    var kolFee: Int { tierPrices + tiers }
    var kolFollowers: Int { kolFee + kolTiers }
    var kolEngagement: Int { kolFollowers + kolTiers }
    var kolView: Int { kolEngagement + kolTiers }
    var kolClick: Int { kolView + kolTiers }
    var kolConversion: Int { kolClick + kolTiers }
    var count: Int { kolConversion + kolTiers }
}

/// Every numeric input one trial reads, in one flat buffer: the base case (medians) until a
/// trial overwrites its uncertain slots. A class that owns its memory, so the hot loop writes
/// and reads it in place: no copies, no copy-on-write checks, no allocation per trial.
final class TrialInputs: @unchecked Sendable {
    let layout: TrialLayout
    let values: UnsafeMutablePointer<Double>

    init(layout: TrialLayout) {
        self.layout = layout
        values = .allocate(capacity: max(layout.count, 1))
        values.initialize(repeating: 0, count: max(layout.count, 1))
    }

    deinit { values.deallocate() }

    /// A copy with its own memory.
    func copy() -> TrialInputs {
        let other = TrialInputs(layout: layout)
        other.values.update(from: values, count: max(layout.count, 1))
        return other
    }

    @inline(__always)
    subscript(slot: Int) -> Double {
        get { values[slot] }
        set { values[slot] = newValue }
    }
}

/// An uncertain input: its path, its sampler, and the slot a draw goes to.
struct UncertainInput: Sendable {
    var path: String
    var distribution: Distribution
    var sampler: Sampler
    /// The register the draw goes to; nil when no recorded output reads it (the target margin).
    var slot: Int?
    var bounds: ClosedRange<Double>
}

/// The plan reduced to what a trial needs: the fixed structure (which sections exist, lists'
/// fixed parts, dates turned into day counts) and the base inputs. Built once per run and
/// never changed after; a class, so the hot loop reads it by reference instead of copying it.
final class TrialModel: @unchecked Sendable {
    typealias L = TrialLayout
    var layout = TrialLayout()
    let base: TrialInputs
    var inputs: [UncertainInput] = []
    var hasMarket = false, hasChannels = false, hasDemand = false
    var hasInventory = false, hasCrowdfunding = false, hasKOL = false
    var years = 1.0, horizonDays = 365.0, windowDays = 0.0
    var usesForecast = false, givenForecastSD = false
    var serviceLevel: Double?
    var moq = 0, casePack = 1
    var tierLimits: [Double] = [], tierUnits: [Double] = []
    var fees = CrowdfundingModel.FeeSchedule(platformRate: 0, paymentRate: 0, perPledge: 0, microBelow: nil, microRate: 0, microFixed: 0)
    var kolPosts: [Double] = []
    /// The roster picks are decided once, on the base case; their numbers are constants.
    var rosterCost = 0.0, rosterReach = 0.0, rosterEngagements = 0.0, rosterBuyers = 0.0

    init(_ scenario: Scenario, plan: Plan) {
        layout.channels = scenario.channels?.count ?? 0
        layout.tiers = scenario.crowdfunding?.tiers.count ?? 0
        layout.kolTiers = scenario.kol?.tiers.count ?? 0
        base = TrialInputs(layout: layout)
        let product = scenario.product
        set(L.price, "product.price", product.price)
        set(L.unitCost, "product.unit_cost", product.unitCost)
        set(L.salvage, "product.salvage", product.salvage)
        set(L.fixedCosts, "product.fixed_costs", product.fixedCosts)
        if let margin = product.targetMargin { set(nil, "product.target_margin", margin) }
        let horizon = plan.market?.horizon ?? scenario.market?.horizon ?? .months(12)
        years = horizon.years
        horizonDays = Double(horizon.days(from: scenario.launch.date))
        base[L.p] = 0.03
        base[L.q] = 0.38
        base[L.forecastCV] = 0.3
        base[L.reviewRate] = 0.35
        if let market = scenario.market {
            hasMarket = true
            set(L.population, "market.population", market.population)
            set(L.purchasesPerYear, "market.purchases_per_year", market.purchasesPerYear)
            set(L.serviceable, "market.serviceable", market.serviceable)
            set(L.obtainable, "market.obtainable", market.obtainable)
        }
        if let channels = scenario.channels, !channels.isEmpty {
            hasChannels = true
            for (i, channel) in channels.enumerated() {
                set(layout.channelReach + i, "channels[\(i)].reach", channel.reach, name: channel.name, list: "channels")
                set(layout.channelConversion + i, "channels[\(i)].conversion", channel.conversion, name: channel.name, list: "channels")
            }
        }
        if let demand = scenario.demand {
            hasDemand = hasMarket || hasChannels
            set(L.p, "demand.p", demand.p)
            set(L.q, "demand.q", demand.q)
            if let boost = demand.launchBoost { set(L.boost, "demand.launch_boost", boost) }
        }
        if let inventory = scenario.inventory {
            hasInventory = true
            windowDays = Double(inventory.coverage.days(from: scenario.launch.date))
            serviceLevel = inventory.serviceLevel
            moq = inventory.moq
            casePack = inventory.casePack
            set(L.forecastCV, "inventory.forecast_cv", inventory.forecastCV)
            if let forecast = inventory.forecast {
                usesForecast = true
                set(L.forecast, "inventory.forecast", forecast)
            }
            if let sd = inventory.forecastSD {
                givenForecastSD = true
                set(L.forecastSD, "inventory.forecast_sd", sd)
            }
        }
        if let campaign = scenario.crowdfunding {
            hasCrowdfunding = true
            fees = CrowdfundingModel.feeSchedule(campaign, currency: scenario.settings.currency)
            set(L.emailList, "crowdfunding.email_list", campaign.emailList)
            set(L.listConversion, "crowdfunding.list_conversion", campaign.listConversion)
            set(L.reservations, "crowdfunding.reservations", campaign.reservations)
            set(L.reservationConversion, "crowdfunding.reservation_conversion", campaign.reservationConversion)
            set(L.organicShare, "crowdfunding.organic_share", campaign.organicShare)
            set(L.dropped, "crowdfunding.dropped_pledges", campaign.droppedPledges)
            base[L.platformFee] = fees.platformRate
            base[L.paymentFee] = fees.paymentRate
            base[L.paymentFixed] = fees.perPledge
            if let fee = campaign.platformFee { set(L.platformFee, "crowdfunding.platform_fee", fee) }
            if let fee = campaign.paymentFee { set(L.paymentFee, "crowdfunding.payment_fee", fee) }
            if let fee = campaign.paymentFixed { set(L.paymentFixed, "crowdfunding.payment_fixed", fee) }
            tierLimits = campaign.tiers.map { $0.limit.map(Double.init) ?? .infinity }
            tierUnits = campaign.tiers.map { Double($0.units) }
            for (i, tier) in campaign.tiers.enumerated() {
                set(layout.tierPrices + i, "crowdfunding.tiers[\(i)].price", tier.price, name: tier.name, list: "crowdfunding.tiers")
            }
        }
        if let kol = scenario.kol, let kolPlan = plan.kol {
            hasKOL = true
            let lines = Array(kolPlan.lines.prefix(kol.tiers.count))
            kolPosts = lines.map { Double($0.posts) }
            for (i, tier) in kol.tiers.enumerated() {
                let list = "kol.tiers"
                // Rates a tier leaves out take their tier default: constants, set from the plan's lines.
                base[layout.kolEngagement + i] = lines[i].engagementRate
                base[layout.kolView + i] = lines[i].viewRate
                base[layout.kolClick + i] = lines[i].clickRate
                base[layout.kolConversion + i] = lines[i].conversion
                set(layout.kolFee + i, "kol.tiers[\(i)].fee", tier.fee, name: tier.tier, list: list)
                set(layout.kolFollowers + i, "kol.tiers[\(i)].followers", tier.followers, name: tier.tier, list: list)
                if let q = tier.engagement { set(layout.kolEngagement + i, "kol.tiers[\(i)].engagement", q, name: tier.tier, list: list) }
                if let q = tier.viewRate { set(layout.kolView + i, "kol.tiers[\(i)].view_rate", q, name: tier.tier, list: list) }
                if let q = tier.clickRate { set(layout.kolClick + i, "kol.tiers[\(i)].click_rate", q, name: tier.tier, list: list) }
                if let q = tier.conversion { set(layout.kolConversion + i, "kol.tiers[\(i)].conversion", q, name: tier.tier, list: list) }
            }
            if let budget = kol.budget { set(nil, "kol.budget", budget) }
            for line in kolPlan.lines.dropFirst(kol.tiers.count) {
                rosterCost += line.cost
                rosterReach += line.reach
                rosterEngagements += line.engagements
                rosterBuyers += line.buyers
            }
        }
        if let seed = scenario.seedReviews {
            set(L.reviewRate, "seed_reviews.review_rate", seed.reviewRate)
        }
    }

    /// Puts `quantity`'s base value in `slot` and registers it when it is uncertain. List items
    /// are named by their name where the name is a valid selector, as `--set` would write them.
    private func set(_ slot: Int?, _ path: String, _ quantity: Quantity, name: String? = nil, list: String? = nil) {
        if let slot { base[slot] = quantity.value }
        guard let distribution = quantity.distribution else { return }
        var display = path
        if let name, let list, !name.isEmpty, !name.contains(where: { "[].".contains($0) }),
           let close = path.firstIndex(of: "]") {
            display = "\(list)[\(name)]" + path[path.index(after: close)...]
        }
        inputs.append(UncertainInput(path: display, distribution: distribution,
                                     sampler: Sampler(distribution, bounds: quantity.bounds),
                                     slot: slot, bounds: quantity.bounds))
    }

    var isUncertain: Bool { !inputs.isEmpty }

    /// What `evaluate` reads, as a value: copied once per worker so the hot loop keeps it in
    /// registers instead of reloading a class's fields.
    var kernel: TrialKernel {
        TrialKernel(layout: layout, hasMarket: hasMarket, hasChannels: hasChannels, hasDemand: hasDemand,
                    hasInventory: hasInventory, hasCrowdfunding: hasCrowdfunding, hasKOL: hasKOL, years: years,
                    horizonDays: horizonDays, windowDays: windowDays, usesForecast: usesForecast,
                    givenForecastSD: givenForecastSD, serviceLevel: serviceLevel, moq: moq, casePack: casePack,
                    tierLimits: tierLimits, tierUnits: tierUnits, fees: fees, kolPosts: kolPosts, rosterCost: rosterCost,
                    rosterReach: rosterReach, rosterEngagements: rosterEngagements, rosterBuyers: rosterBuyers)
    }

    /// `evaluate` into a fresh output buffer, for code off the hot path (sensitivity, tests).
    func outputs(_ x: TrialInputs, noise: Double = 0) -> [OutputKey: Double] {
        var order = Array(0..<layout.tiers)
        var pledges = [Double](repeating: 0, count: layout.tiers)
        let out = UnsafeMutablePointer<Double>.allocate(capacity: OutputKey.allCases.count)
        defer { out.deallocate() }
        out.initialize(repeating: 0, count: OutputKey.allCases.count)
        kernel.evaluate(x.values, noise: noise, into: out, order: &order, pledges: &pledges)
        return Dictionary(uniqueKeysWithValues: OutputKey.allCases.map { ($0, out[$0.slot]) })
    }
}

/// The fixed part of a trial: which sections exist, their constants, and the register layout.
struct TrialKernel: Sendable {
    typealias L = TrialLayout
    let layout: TrialLayout
    let hasMarket: Bool, hasChannels: Bool, hasDemand: Bool, hasInventory: Bool, hasCrowdfunding: Bool, hasKOL: Bool
    let years: Double, horizonDays: Double, windowDays: Double
    let usesForecast: Bool, givenForecastSD: Bool
    let serviceLevel: Double?
    let moq: Int, casePack: Int
    let tierLimits: [Double], tierUnits: [Double]
    let fees: CrowdfundingModel.FeeSchedule
    let kolPosts: [Double]
    let rosterCost: Double, rosterReach: Double, rosterEngagements: Double, rosterBuyers: Double

    /// One trial's outputs for the inputs in registers `v`, written to `out` at each `OutputKey`'s slot (only the
    /// outputs of the sections present). `noise` is a standard normal draw for the window's
    /// actual demand around its mean (0 for a deterministic evaluation). `order` and `pledges`
    /// are per-worker buffers, one slot per reward tier.
    @inline(__always)
    func evaluate(_ v: UnsafeMutablePointer<Double>, noise: Double, into out: UnsafeMutablePointer<Double>,
                  order: inout [Int], pledges: inout [Double]) {
        var size = 0.0
        if hasMarket {
            let top = MarketModel.topDown(population: v[L.population], purchasesPerYear: v[L.purchasesPerYear],
                                          serviceable: v[L.serviceable], obtainable: v[L.obtainable], years: years)
            out[OutputKey.tam.slot] = top.tamUnits
            out[OutputKey.sam.slot] = top.samUnits
            out[OutputKey.som.slot] = top.somUnits
            size = top.somUnits
        }
        if hasChannels {
            var total = 0.0
            for i in 0..<layout.channels { total += v[layout.channelReach + i] * v[layout.channelConversion + i] }
            out[OutputKey.bottomUp.slot] = total
            if !hasMarket { size = total }
        }
        if hasDemand {
            out[OutputKey.horizonUnits.slot] = size
            out[OutputKey.firstWeekUnits.slot] = size * DemandModel.share(firstDays: 7, horizonDays: horizonDays, years: years,
                                                                          p: v[L.p], q: v[L.q], boost: v[L.boost])
        }
        var pledgedUnits = 0.0
        if hasCrowdfunding {
            let wanted = CrowdfundingModel.backers(list: v[L.emailList], listConversion: v[L.listConversion],
                                                   reservations: v[L.reservations], reservationConversion: v[L.reservationConversion],
                                                   organicShare: v[L.organicShare])
            var fees = self.fees
            fees.platformRate = v[L.platformFee]
            fees.paymentRate = v[L.paymentFee]
            fees.perPledge = v[L.paymentFixed]
            let totals = CrowdfundingModel.money(wanted: wanted, prices: UnsafeBufferPointer(start: v + layout.tierPrices, count: layout.tiers),
                                                 limits: tierLimits, unitsPerPledge: tierUnits, dropped: v[L.dropped], fees: fees,
                                                 order: &order, pledges: &pledges)
            out[OutputKey.backers.slot] = totals.backers
            out[OutputKey.pledged.slot] = totals.pledged
            out[OutputKey.net.slot] = totals.collected - totals.platformFees - totals.paymentFees
            out[OutputKey.pledgedUnits.slot] = totals.units
            pledgedUnits = totals.units
        }
        if hasInventory {
            var mean: Double
            var sd: Double
            if usesForecast {
                mean = v[L.forecast]
                sd = givenForecastSD ? v[L.forecastSD] : v[L.forecast] * v[L.forecastCV]
            } else {
                mean = size * DemandModel.share(firstDays: windowDays, horizonDays: horizonDays, years: years,
                                                p: v[L.p], q: v[L.q], boost: v[L.boost])
                sd = mean * v[L.forecastCV]
            }
            mean = max(0, mean)
            sd = max(0, sd)
            out[OutputKey.windowMean.slot] = mean
            let ratio = serviceLevel ?? Newsvendor.criticalRatio(price: v[L.price], cost: v[L.unitCost], salvage: v[L.salvage]) ?? 0.9999
            let optimal = Newsvendor.optimalQuantity(mean: mean, sd: sd, ratio: ratio)
            out[OutputKey.firstBatchUnits.slot] = Double(Newsvendor.rounded(optimal + pledgedUnits, moq: moq, casePack: casePack))
            out[OutputKey.windowDemand.slot] = max(0, mean + sd * noise)
        }
        if hasKOL {
            var cost = rosterCost, reach = rosterReach, engagements = rosterEngagements, buyers = rosterBuyers
            for i in 0..<layout.kolTiers {
                let m = KOLModel.metrics(posts: kolPosts[i], followers: v[layout.kolFollowers + i],
                                         engagement: v[layout.kolEngagement + i], view: v[layout.kolView + i],
                                         click: v[layout.kolClick + i], conversion: v[layout.kolConversion + i],
                                         fee: v[layout.kolFee + i])
                cost += m.cost
                reach += m.reach
                engagements += m.engagements
                buyers += m.buyers
            }
            out[OutputKey.kolCost.slot] = cost
            out[OutputKey.kolReach.slot] = reach
            out[OutputKey.kolEngagements.slot] = engagements
            out[OutputKey.kolBuyers.slot] = buyers
        }
        out[OutputKey.unitMargin.slot] = v[L.price] - v[L.unitCost]
    }

}
