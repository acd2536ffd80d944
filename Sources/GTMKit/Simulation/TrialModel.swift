/// Every numeric input one trial reads, as plain numbers: the base case (medians) until a
/// trial overwrites its uncertain ones. Arrays are sized once per chunk of trials and only
/// written in place afterwards, so a trial allocates nothing.
struct TrialInputs: Sendable {
    var price = 0.0, unitCost = 0.0, salvage = 0.0, fixedCosts = 0.0
    var population = 0.0, purchasesPerYear = 0.0, serviceable = 0.0, obtainable = 0.0
    var channelReach: [Double] = [], channelConversion: [Double] = []
    var p = 0.03, q = 0.38, boost = 0.0
    var forecast = 0.0, forecastSD = 0.0, forecastCV = 0.3
    var emailList = 0.0, listConversion = 0.0, reservations = 0.0, reservationConversion = 0.0
    var organicShare = 0.0, dropped = 0.0, platformFee = 0.0, paymentFee = 0.0, paymentFixed = 0.0
    var tierPrices: [Double] = []
    var kolFee: [Double] = [], kolFollowers: [Double] = [], kolEngagement: [Double] = []
    var kolView: [Double] = [], kolClick: [Double] = [], kolConversion: [Double] = []
    var reviewRate = 0.35
}

/// What one trial computes: the key outputs of every section present.
struct TrialOutputs: Sendable {
    var tam = 0.0, sam = 0.0, som = 0.0, bottomUp = 0.0
    var horizonUnits = 0.0, firstWeekUnits = 0.0
    var windowMean = 0.0, windowSD = 0.0, firstBatchUnits = 0.0
    /// One draw of the window's demand itself (the curve's mean plus forecast noise), for the decision.
    var windowDemand = 0.0
    var backers = 0.0, pledged = 0.0, net = 0.0, pledgedUnits = 0.0
    var kolCost = 0.0, kolReach = 0.0, kolEngagements = 0.0, kolBuyers = 0.0
    var unitMargin = 0.0
}

/// An uncertain input: its path, its sampler, and where a draw goes.
struct UncertainInput: Sendable {
    enum Target: Sendable, Equatable {
        case price, unitCost, salvage, fixedCosts
        case population, purchasesPerYear, serviceable, obtainable
        case channelReach(Int), channelConversion(Int)
        case p, q, boost
        case forecast, forecastSD, forecastCV
        case emailList, listConversion, reservations, reservationConversion, organicShare, dropped
        case platformFee, paymentFee, paymentFixed, tierPrice(Int)
        case kolFee(Int), kolFollowers(Int), kolEngagement(Int), kolView(Int), kolClick(Int), kolConversion(Int)
        case reviewRate
        /// Read by no output the simulation records (a date-only section, the target margin).
        case none
    }

    var path: String
    var distribution: Distribution
    var sampler: Sampler
    var target: Target
    var bounds: ClosedRange<Double>

    @inline(__always)
    static func set(_ value: Double, _ target: Target, in x: inout TrialInputs) {
        switch target {
        case .price: x.price = value
        case .unitCost: x.unitCost = value
        case .salvage: x.salvage = value
        case .fixedCosts: x.fixedCosts = value
        case .population: x.population = value
        case .purchasesPerYear: x.purchasesPerYear = value
        case .serviceable: x.serviceable = value
        case .obtainable: x.obtainable = value
        case .channelReach(let i): x.channelReach[i] = value
        case .channelConversion(let i): x.channelConversion[i] = value
        case .p: x.p = value
        case .q: x.q = value
        case .boost: x.boost = value
        case .forecast: x.forecast = value
        case .forecastSD: x.forecastSD = value
        case .forecastCV: x.forecastCV = value
        case .emailList: x.emailList = value
        case .listConversion: x.listConversion = value
        case .reservations: x.reservations = value
        case .reservationConversion: x.reservationConversion = value
        case .organicShare: x.organicShare = value
        case .dropped: x.dropped = value
        case .platformFee: x.platformFee = value
        case .paymentFee: x.paymentFee = value
        case .paymentFixed: x.paymentFixed = value
        case .tierPrice(let i): x.tierPrices[i] = value
        case .kolFee(let i): x.kolFee[i] = value
        case .kolFollowers(let i): x.kolFollowers[i] = value
        case .kolEngagement(let i): x.kolEngagement[i] = value
        case .kolView(let i): x.kolView[i] = value
        case .kolClick(let i): x.kolClick[i] = value
        case .kolConversion(let i): x.kolConversion[i] = value
        case .reviewRate: x.reviewRate = value
        case .none: break
        }
    }
}

/// The plan reduced to what a trial needs: the fixed structure (which sections exist, lists'
/// fixed parts, dates turned into day counts) and the base inputs. Built once per run and
/// never changed after; a class, so the hot loop reads it by reference instead of copying it.
final class TrialModel: @unchecked Sendable {
    var base = TrialInputs()
    var inputs: [UncertainInput] = []
    var hasMarket = false, hasChannels = false, hasDemand = false
    var hasInventory = false, hasCrowdfunding = false, hasKOL = false, hasSeed = false
    var years = 1.0, horizonDays = 365.0, windowDays = 0.0
    var usesForecast = false, givenForecastSD = false
    var serviceLevel: Double?
    var moq = 0, casePack = 1
    var tierLimits: [Double] = [], tierUnits: [Double] = []
    var fees = CrowdfundingModel.FeeSchedule(platformRate: 0, paymentRate: 0, perPledge: 0, microBelow: nil, microRate: 0, microFixed: 0)
    var feesGiven = (platform: false, payment: false, fixed: false)
    var kolPosts: [Double] = []
    /// The roster picks are decided once, on the base case; their numbers are constants.
    var rosterCost = 0.0, rosterReach = 0.0, rosterEngagements = 0.0, rosterBuyers = 0.0
    var seedTarget = 0.0

    init(_ scenario: Scenario, plan: Plan) {
        let product = scenario.product
        base.price = product.price.value
        base.unitCost = product.unitCost.value
        base.salvage = product.salvage.value
        base.fixedCosts = product.fixedCosts.value
        add("product.price", product.price, .price)
        add("product.unit_cost", product.unitCost, .unitCost)
        add("product.salvage", product.salvage, .salvage)
        add("product.fixed_costs", product.fixedCosts, .fixedCosts)
        if let margin = product.targetMargin { add("product.target_margin", margin, .none) }
        let horizon = plan.market?.horizon ?? scenario.market?.horizon ?? .months(12)
        years = horizon.years
        horizonDays = Double(horizon.days(from: scenario.launch.date))
        if let market = scenario.market {
            hasMarket = true
            base.population = market.population.value
            base.purchasesPerYear = market.purchasesPerYear.value
            base.serviceable = market.serviceable.value
            base.obtainable = market.obtainable.value
            add("market.population", market.population, .population)
            add("market.purchases_per_year", market.purchasesPerYear, .purchasesPerYear)
            add("market.serviceable", market.serviceable, .serviceable)
            add("market.obtainable", market.obtainable, .obtainable)
        }
        if let channels = scenario.channels, !channels.isEmpty {
            hasChannels = true
            base.channelReach = channels.map(\.reach.value)
            base.channelConversion = channels.map(\.conversion.value)
            for (i, channel) in channels.enumerated() {
                add("channels[\(i)].reach", channel.reach, .channelReach(i), name: channel.name, list: "channels")
                add("channels[\(i)].conversion", channel.conversion, .channelConversion(i), name: channel.name, list: "channels")
            }
        }
        if let demand = scenario.demand {
            hasDemand = hasMarket || hasChannels
            base.p = demand.p.value
            base.q = demand.q.value
            base.boost = demand.launchBoost?.value ?? 0
            add("demand.p", demand.p, .p)
            add("demand.q", demand.q, .q)
            if let boost = demand.launchBoost { add("demand.launch_boost", boost, .boost) }
        }
        if let inventory = scenario.inventory {
            hasInventory = true
            windowDays = Double(inventory.coverage.days(from: scenario.launch.date))
            serviceLevel = inventory.serviceLevel
            moq = inventory.moq
            casePack = inventory.casePack
            base.forecastCV = inventory.forecastCV.value
            add("inventory.forecast_cv", inventory.forecastCV, .forecastCV)
            if let forecast = inventory.forecast {
                usesForecast = true
                base.forecast = forecast.value
                add("inventory.forecast", forecast, .forecast)
            }
            if let sd = inventory.forecastSD {
                givenForecastSD = true
                base.forecastSD = sd.value
                add("inventory.forecast_sd", sd, .forecastSD)
            }
        }
        if let campaign = scenario.crowdfunding {
            hasCrowdfunding = true
            fees = CrowdfundingModel.feeSchedule(campaign, currency: scenario.settings.currency)
            base.emailList = campaign.emailList.value
            base.listConversion = campaign.listConversion.value
            base.reservations = campaign.reservations.value
            base.reservationConversion = campaign.reservationConversion.value
            base.organicShare = campaign.organicShare.value
            base.dropped = campaign.droppedPledges.value
            base.platformFee = fees.platformRate
            base.paymentFee = fees.paymentRate
            base.paymentFixed = fees.perPledge
            base.tierPrices = campaign.tiers.map(\.price.value)
            tierLimits = campaign.tiers.map { $0.limit.map(Double.init) ?? .infinity }
            tierUnits = campaign.tiers.map { Double($0.units) }
            add("crowdfunding.email_list", campaign.emailList, .emailList)
            add("crowdfunding.list_conversion", campaign.listConversion, .listConversion)
            add("crowdfunding.reservations", campaign.reservations, .reservations)
            add("crowdfunding.reservation_conversion", campaign.reservationConversion, .reservationConversion)
            add("crowdfunding.organic_share", campaign.organicShare, .organicShare)
            add("crowdfunding.dropped_pledges", campaign.droppedPledges, .dropped)
            if let fee = campaign.platformFee { add("crowdfunding.platform_fee", fee, .platformFee) }
            if let fee = campaign.paymentFee { add("crowdfunding.payment_fee", fee, .paymentFee) }
            if let fee = campaign.paymentFixed { add("crowdfunding.payment_fixed", fee, .paymentFixed) }
            for (i, tier) in campaign.tiers.enumerated() {
                add("crowdfunding.tiers[\(i)].price", tier.price, .tierPrice(i), name: tier.name, list: "crowdfunding.tiers")
            }
        }
        if let kol = scenario.kol, let kolPlan = plan.kol {
            hasKOL = true
            let lines = kolPlan.lines.prefix(kol.tiers.count)
            kolPosts = lines.map { Double($0.posts) }
            base.kolFee = kol.tiers.map(\.fee.value)
            base.kolFollowers = lines.map(\.followers)
            base.kolEngagement = lines.map(\.engagementRate)
            base.kolView = lines.map(\.viewRate)
            base.kolClick = lines.map(\.clickRate)
            base.kolConversion = lines.map(\.conversion)
            for (i, tier) in kol.tiers.enumerated() {
                let list = "kol.tiers"
                add("kol.tiers[\(i)].fee", tier.fee, .kolFee(i), name: tier.tier, list: list)
                add("kol.tiers[\(i)].followers", tier.followers, .kolFollowers(i), name: tier.tier, list: list)
                if let q = tier.engagement { add("kol.tiers[\(i)].engagement", q, .kolEngagement(i), name: tier.tier, list: list) }
                if let q = tier.viewRate { add("kol.tiers[\(i)].view_rate", q, .kolView(i), name: tier.tier, list: list) }
                if let q = tier.clickRate { add("kol.tiers[\(i)].click_rate", q, .kolClick(i), name: tier.tier, list: list) }
                if let q = tier.conversion { add("kol.tiers[\(i)].conversion", q, .kolConversion(i), name: tier.tier, list: list) }
            }
            if let budget = kol.budget { add("kol.budget", budget, .none) }
            for line in kolPlan.lines.dropFirst(kol.tiers.count) {
                rosterCost += line.cost
                rosterReach += line.reach
                rosterEngagements += line.engagements
                rosterBuyers += line.buyers
            }
        }
        if let seed = scenario.seedReviews {
            hasSeed = true
            seedTarget = Double(seed.target)
            base.reviewRate = seed.reviewRate.value
            add("seed_reviews.review_rate", seed.reviewRate, .reviewRate)
        }
    }

    /// Registers `quantity` when it is uncertain. List items are named by their name where
    /// the name is a valid selector, as `--set` would write them.
    private func add(_ path: String, _ quantity: Quantity, _ target: UncertainInput.Target,
                              name: String? = nil, list: String? = nil) {
        guard let distribution = quantity.distribution else { return }
        var display = path
        if let name, let list, !name.isEmpty, !name.contains(where: { "[].".contains($0) }),
           let close = path.firstIndex(of: "]") {
            display = "\(list)[\(name)]" + path[path.index(after: close)...]
        }
        inputs.append(UncertainInput(path: display, distribution: distribution,
                                     sampler: Sampler(distribution, bounds: quantity.bounds),
                                     target: target, bounds: quantity.bounds))
    }

    var isUncertain: Bool { !inputs.isEmpty }

    /// One trial's outputs for inputs `x`. `noise` is a standard normal draw for the window's
    /// actual demand around its mean (0 for a deterministic evaluation). `order` and `pledges`
    /// are per-chunk buffers, one slot per reward tier.
    @inline(__always)
    func evaluate(_ x: inout TrialInputs, noise: Double, order: inout [Int], pledges: inout [Double]) -> TrialOutputs {
        var out = TrialOutputs()
        var size = 0.0
        if hasMarket {
            let top = MarketModel.topDown(population: x.population, purchasesPerYear: x.purchasesPerYear,
                                          serviceable: x.serviceable, obtainable: x.obtainable, years: years)
            out.tam = top.tamUnits
            out.sam = top.samUnits
            out.som = top.somUnits
            size = top.somUnits
        }
        if hasChannels {
            var total = 0.0
            for i in 0..<x.channelReach.count { total += x.channelReach[i] * x.channelConversion[i] }
            out.bottomUp = total
            if !hasMarket { size = total }
        }
        if hasDemand {
            out.horizonUnits = size
            out.firstWeekUnits = size * DemandModel.share(firstDays: 7, horizonDays: horizonDays, years: years,
                                                          p: x.p, q: x.q, boost: x.boost)
        }
        if hasCrowdfunding {
            let wanted = CrowdfundingModel.backers(list: x.emailList, listConversion: x.listConversion,
                                                   reservations: x.reservations, reservationConversion: x.reservationConversion,
                                                   organicShare: x.organicShare)
            var fees = self.fees
            fees.platformRate = x.platformFee
            fees.paymentRate = x.paymentFee
            fees.perPledge = x.paymentFixed
            let totals = CrowdfundingModel.money(wanted: wanted, prices: x.tierPrices, limits: tierLimits,
                                                 unitsPerPledge: tierUnits, dropped: x.dropped, fees: fees,
                                                 order: &order, pledges: &pledges)
            out.backers = totals.backers
            out.pledged = totals.pledged
            out.net = totals.collected - totals.platformFees - totals.paymentFees
            out.pledgedUnits = totals.units
        }
        if hasInventory {
            var mean: Double
            var sd: Double
            if usesForecast {
                mean = x.forecast
                sd = givenForecastSD ? x.forecastSD : x.forecast * x.forecastCV
            } else {
                mean = size * DemandModel.share(firstDays: windowDays, horizonDays: horizonDays, years: years,
                                                p: x.p, q: x.q, boost: x.boost)
                sd = mean * x.forecastCV
            }
            mean = max(0, mean)
            sd = max(0, sd)
            out.windowMean = mean
            out.windowSD = sd
            let ratio = serviceLevel ?? Newsvendor.criticalRatio(price: x.price, cost: x.unitCost, salvage: x.salvage) ?? 0.9999
            let optimal = Newsvendor.optimalQuantity(mean: mean, sd: sd, ratio: ratio)
            out.firstBatchUnits = Double(Newsvendor.rounded(optimal + out.pledgedUnits, moq: moq, casePack: casePack))
            out.windowDemand = max(0, mean + sd * noise)
        }
        var marketing = 0.0
        if hasKOL {
            var cost = rosterCost, reach = rosterReach, engagements = rosterEngagements, buyers = rosterBuyers
            for i in 0..<kolPosts.count {
                let m = KOLModel.metrics(posts: kolPosts[i], followers: x.kolFollowers[i], engagement: x.kolEngagement[i],
                                         view: x.kolView[i], click: x.kolClick[i], conversion: x.kolConversion[i], fee: x.kolFee[i])
                cost += m.cost
                reach += m.reach
                engagements += m.engagements
                buyers += m.buyers
            }
            out.kolCost = cost
            out.kolReach = reach
            out.kolEngagements = engagements
            out.kolBuyers = buyers
            marketing += cost
        }
        out.unitMargin = x.price - x.unitCost
        _ = marketing
        return out
    }
}
