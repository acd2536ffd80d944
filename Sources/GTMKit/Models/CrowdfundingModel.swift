/// What the report lists of a campaign beside its numbers (which are outputs): the platform,
/// the dates, where the backers come from, how the tiers fill, and the fee rates.
struct Campaign: Sendable, Equatable {
    struct TierFill: Sendable, Equatable {
        var name: String
        var price: Double
        var limit: Int?
        var unitsPerPledge: Int
        var pledges: Double
        var amount: Double { pledges * price }
    }

    /// Why the campaign is or is not recommended, as data; the renderers word it.
    enum Reason: Sendable, Equatable {
        /// The rule: the chance the pledges reach the goal against `min_chance`; the goal against
        /// the minimum raise (what it must net for tooling and a first batch at MOQ) and the
        /// median pledges; `spread`: the funnel's documented dispersion, when the conversions are
        /// single values (nil when the trials carry it).
        /// `allIn`: the money comes whatever is raised, so the chance informs but does not gate.
        case chance(probability: Double, minChance: Double, goal: Double, minimumRaise: Double, medianPledges: Double, spread: Double?,
                    allIn: Bool)
        /// Fees and dropped pledges take every pledge: no goal can fund the launch.
        case feesTakeEverything
        /// What the campaign adds to the launch: its net, less the units owed at cost and the
        /// rewards' shipping it pays (the rule needs it above zero).
        /// `goods`: the add-ons' and the pledge manager's goods at cost.
        case contribution(net: Double, unitsCost: Double, shipping: Double, goods: Double)
        /// The indicator the report keeps: first-48-hour pledges against the goal (campaigns past
        /// 20–30% of their goal in two days mostly fund).
        case firstTwoDays(firstTwoDays: Double, goal: Double)
        /// How many more subscribers (at the list's conversion) would bring the chance to
        /// `min_chance`. With `cost_per_lead`, what they cost.
        case growList(subscribers: Double, cost: Double?)
        /// Rewards ship after the retail launch.
        case shipsAfterLaunch(fulfillment: CivilDate, launch: CivilDate)
        /// The tiers' limits turn backers away.
        case soldOut(backersTurnedAway: Double)
    }

    var platform: Scenario.Platform
    var start: CivilDate
    /// The campaign's last day: start + duration − 1.
    var end: CivilDate
    var fulfillment: CivilDate
    /// Backers from the email list, from paid reservations, and from the platform itself.
    var listBackers: Double
    var reservationBackers: Double
    /// Buyers of the KOL posts timed to the campaign.
    var kolBackers: Double
    var organicBackers: Double
    /// Backers who find every tier sold out.
    var backersTurnedAway: Double
    var tiers: [TierFill]
    var droppedShare: Double
    var platformRate: Double
    var paymentRate: Double
    var perPledgeFee: Double
    /// What the campaign must net: fixed costs + MOQ × unit cost.
    var neededNet: Double
    var reasons: [Reason]
}

/// The crowdfunding model (see the Models article, "Crowdfunding"): the funnel, the tiers and the fees, one
/// computation for the base case and every trial; the goal and the recommendation are decisions
/// taken from its simulated pledges (`Decisions`).
final class CrowdfundingModel: Sendable {
    let inputs: Scenario.Crowdfunding
    let emailList: Int, listConversion: Int, reservations: Int, reservationConversion: Int, organicShare: Int
    let dropped: Int, platformRate: Int, paymentRate: Int, perPledge: Int
    /// Add-ons (share of backers, value each), a pledge manager's uplift, and the product's price
    /// (the add-ons cost its cost ratio).
    let addOnShare: Int, addOnValue: Int, pledgeManager: Int, productPrice: Int
    /// The tiers' prices sit in consecutive slots from here.
    let prices: Int
    let tierCount: Int
    let limits: [Double], unitsPerPledge: [Double], shares: [Double]
    let schedule: FeeSchedule
    let fixedCosts: Int, unitCost: Int
    /// Reward shipping per paying backer; `shippingCharged`: backers pay it with their pledge.
    let shipping: Int
    let shippingCharged: Bool
    let moq: Double
    let end: CivilDate, fulfillment: CivilDate
    /// The dates as the outputs hold them (days since 1970-01-01), worked out once.
    let days: (start: Double, end: Double, fulfillment: Double)

    /// True when the KOL posts are timed to the campaign: their buyers are backers.
    let kolBackers: Bool

    /// Nil without the section.
    init?(_ scenario: Scenario, _ inputs: inout InputTable, fixedCosts: Int, unitCost: Int, price: Int, kolBackers: Bool) {
        guard let campaign = scenario.crowdfunding else { return nil }
        self.inputs = campaign
        self.kolBackers = kolBackers
        emailList = inputs.bind(campaign.emailList, "crowdfunding.email_list")
        shipping = inputs.bind(campaign.shipping, "crowdfunding.shipping")
        shippingCharged = campaign.shippingCharged
        listConversion = inputs.bind(campaign.listConversion, "crowdfunding.list_conversion")
        reservations = inputs.bind(campaign.reservations, "crowdfunding.reservations")
        reservationConversion = inputs.bind(campaign.reservationConversion, "crowdfunding.reservation_conversion")
        organicShare = inputs.bind(campaign.organicShare, "crowdfunding.organic_share")
        dropped = campaign.droppedPledges.map { inputs.bind($0, "crowdfunding.dropped_pledges") }
            ?? inputs.constant(PlatformFees.droppedPledges(campaign.platform))
        addOnShare = inputs.bind(campaign.addOnShare, "crowdfunding.add_on_share")
        addOnValue = inputs.bind(campaign.addOnValue, "crowdfunding.add_on_value")
        pledgeManager = inputs.bind(campaign.pledgeManager, "crowdfunding.pledge_manager")
        productPrice = price
        schedule = Self.feeSchedule(campaign, currency: scenario.settings.currency)
        platformRate = campaign.platformFee.map { inputs.bind($0, "crowdfunding.platform_fee") } ?? inputs.constant(schedule.platformRate)
        paymentRate = campaign.paymentFee.map { inputs.bind($0, "crowdfunding.payment_fee") } ?? inputs.constant(schedule.paymentRate)
        perPledge = campaign.paymentFixed.map { inputs.bind($0, "crowdfunding.payment_fixed") } ?? inputs.constant(schedule.perPledge)
        prices = inputs.count
        for (index, tier) in campaign.tiers.enumerated() {
            _ = inputs.bind(tier.price, list: "crowdfunding.tiers", index: index, name: tier.name, key: "price")
        }
        tierCount = campaign.tiers.count
        limits = campaign.tiers.map { $0.limit.map(Double.init) ?? .infinity }
        unitsPerPledge = campaign.tiers.map { Double($0.units) }
        shares = Self.shares(campaign.tiers)
        self.fixedCosts = fixedCosts
        self.unitCost = unitCost
        moq = Double(scenario.inventory?.terms.moq ?? 0)
        end = campaign.duration.after(campaign.start).adding(days: -1)
        if let lead = campaign.fulfillmentLead {
            fulfillment = lead.after(end)
        } else if let inventory = scenario.inventory {
            // Rewards ship when the batch that holds them is in the warehouse (never before the end).
            fulfillment = max(end, inventory.leadTime.after(inventory.leadTime.before(scenario.launch.date)))
        } else {
            fulfillment = Self.defaultFulfillmentLead.after(end)
        }
        days = (Double(campaign.start.daysSinceEpoch), Double(end.daysSinceEpoch), Double(fulfillment.daysSinceEpoch))
    }

    /// Rewards ship this long after the campaign without `fulfillment_lead` or an inventory section
    /// (a typical 6–10-week production run; see the Models article).
    static let defaultFulfillmentLead = Period.weeks(8)

    /// One evaluation: backers, tiers, money, units owed and the minimum raise.
    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace) {
        let wanted = Self.backers(list: v[emailList], listConversion: v[listConversion], reservations: v[reservations],
                                  reservationConversion: v[reservationConversion], kol: kolBackers ? ws[.kolBuyers] : 0,
                                  organicShare: v[organicShare])
        var fees = schedule
        fees.platformRate = v[platformRate]
        fees.paymentRate = v[paymentRate]
        fees.perPledge = v[perPledge]
        let totals = Self.money(wanted: wanted, prices: UnsafeBufferPointer(start: v + prices, count: tierCount),
                                limits: limits, shares: shares, unitsPerPledge: unitsPerPledge, dropped: v[dropped], fees: fees,
                                order: ws.tierOrder, pledges: ws.tierPledges)
        // Shipping charged on top of the pledge counts in the pledges, the goal and the fees
        // (Kickstarter counts it toward the goal).
        let charged = shippingCharged ? totals.backers * v[shipping] : 0
        // Add-ons pledged with the rewards count in the pledges and the goal; a pledge manager's
        // money comes after the campaign (not in the goal), paid like a pledge.
        let addOns = totals.backers * v[addOnShare] * v[addOnValue]
        let managed = (totals.pledged + addOns) * v[pledgeManager]
        let extra = (charged + addOns) * (1 - v[dropped]) + managed
        let collected = totals.collected + extra
        let platformFees = collected * fees.platformRate
        let paymentFees = totals.paymentFees + extra * fees.paymentRate
        ws[.backers] = totals.backers
        ws[.pledged] = totals.pledged + charged + addOns
        ws[.collected] = collected
        ws[.platformFees] = platformFees
        ws[.paymentFees] = paymentFees
        ws[.fees] = platformFees + paymentFees
        ws[.net] = collected - platformFees - paymentFees
        // What it adds to the launch: the net, less the units owed at cost, their shipping, and
        // the add-ons' and the pledge manager's goods at the product's cost ratio.
        let costRatio = v[productPrice] > 0 ? v[unitCost] / v[productPrice] : 0
        ws[.campaignContribution] = ws[.net] - totals.units * v[unitCost] - totals.backers * (1 - v[dropped]) * v[shipping]
            - (addOns * (1 - v[dropped]) + managed) * costRatio
        ws[.crowdfundingUnits] = totals.units
        // Minimum raise: net ≥ fixed costs + MOQ × unit cost, with the average pledge from the tiers.
        let averagePledge = totals.backers > 0 ? totals.pledged / totals.backers : (tierCount > 0 ? v[prices + ws.tierOrder[0]] : 0)
        let keep = 1 - fees.platformRate - fees.paymentRate - (averagePledge > 0 ? fees.perPledge / averagePledge : 0)
        let neededNet = v[fixedCosts] + moq * v[unitCost]
        ws[.minimumRaise] = keep > 0 && v[dropped] < 1 ? neededNet / ((1 - v[dropped]) * keep) : .infinity
        ws[.campaignStart] = days.start
        ws[.campaignEnd] = days.end
        ws[.fulfillment] = days.fulfillment
    }

    /// The report's view of one evaluation (the base case): funnel, tier fills, rates.
    func campaign(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, reasons: [Campaign.Reason]) -> Campaign {
        let list = v[emailList] * v[listConversion]
        let reserved = v[reservations] * v[reservationConversion]
        let kol = kolBackers ? ws[.kolBuyers] : 0
        let wanted = Self.backers(list: v[emailList], listConversion: v[listConversion], reservations: v[reservations],
                                  reservationConversion: v[reservationConversion], kol: kol, organicShare: v[organicShare])
        let fills = ws.tierOrder.map { index in
            Campaign.TierFill(name: inputs.tiers[index].name, price: v[prices + index], limit: inputs.tiers[index].limit,
                              unitsPerPledge: inputs.tiers[index].units, pledges: ws.tierPledges[index])
        }
        return Campaign(platform: inputs.platform, start: inputs.start, end: end, fulfillment: fulfillment,
                        listBackers: list, reservationBackers: reserved, kolBackers: kol, organicBackers: wanted - list - reserved - kol,
                        backersTurnedAway: max(0, wanted - ws[.backers]), tiers: fills, droppedShare: v[dropped],
                        platformRate: v[platformRate], paymentRate: v[paymentRate], perPledgeFee: v[perPledge],
                        neededNet: v[fixedCosts] + moq * v[unitCost], reasons: reasons)
    }

    /// Share of all pledges made in the first 48 hours (campaign agencies' rule of thumb).
    static let firstTwoDaysShare = 1.0 / 3

    /// Backers you bring (list, reservations and the buyers of KOL posts timed to the campaign)
    /// grossed up by the platform's own share.
    @inline(__always)
    static func backers(list: Double, listConversion: Double, reservations: Double,
                        reservationConversion: Double, kol: Double = 0, organicShare: Double) -> Double {
        (list * listConversion + reservations * reservationConversion + kol) / (1 - min(organicShare, 0.95))
    }

    /// The spread of the backers you bring when a conversion is a single value: the published
    /// range taken as a 90% interval around its middle, on the log scale (LaunchBoom, quoted by
    /// Stonemaier Games: email subscribers back at 5–10%, $1-reservation holders at 35–45%), the
    /// sources combined by weight (the delta method). KOL buyers and a ranged conversion add none
    /// (the trials carry a range). 0 when nothing is spread.
    static func funnelSpread(list: Double, reservations: Double, others: Double, listRanged: Bool, reservationsRanged: Bool) -> Double {
        let total = list + reservations + others
        guard total > 0 else { return 0 }
        let a = listRanged ? 0 : list * listSpread, b = reservationsRanged ? 0 : reservations * reservationSpread
        return (a * a + b * b).squareRoot() / total
    }

    /// The subscribers to add so that the pledges reach `goal` with `minChance`: the median pledges
    /// must reach goal ÷ q, where q is the low quantile's share of the median (the trials' spread
    /// and the funnel's, combined); the pledges missing are bought at the marginal pledge (the open
    /// tiers' prices by share: the limited tiers are full by then), grossed down by the platform's
    /// organic share and divided by the list's conversion. Nil when nothing can close it (no open
    /// tier, no conversion) or nothing is missing.
    static func subscribersToReach(goal: Double, minChance: Double, medianPledges: Double, lowPledges: Double, spread: Double,
                                   marginalPledge: Double, organicShare: Double, listConversion: Double) -> Double? {
        guard medianPledges > 0, marginalPledge > 0, listConversion > 0 else { return nil }
        let trials = lowPledges > 0 && lowPledges < medianPledges ? Math.log(medianPledges / lowPledges) : 0
        let funnel = Normal.quantile(minChance) * spread
        let q = Math.exp(-(trials * trials + funnel * funnel).squareRoot())
        let missing = goal / q - medianPledges
        guard missing > 0 else { return nil }
        return missing / marginalPledge * (1 - min(organicShare, 0.95)) / listConversion
    }

    /// What one more backer pledges once the limited tiers are full: the open tiers' prices by
    /// their shares (and the shipping they pay, when charged); 0 with no open tier.
    func marginalPledge(_ v: UnsafeMutablePointer<Double>) -> Double {
        var pledge = 0.0
        for index in 0..<tierCount where !limits[index].isFinite { pledge += shares[index] * v[prices + index] }
        return pledge > 0 && shippingCharged ? pledge + v[shipping] : pledge
    }

    /// ln(10% ÷ 5%) ÷ (2 × 1.6449) and ln(45% ÷ 35%) ÷ (2 × 1.6449).
    static let listSpread = Math.log(0.10 / 0.05) / (2 * 1.6448536269514722)
    static let reservationSpread = Math.log(0.45 / 0.35) / (2 * 1.6448536269514722)

    /// `count` rounded down to a round figure: two significant digits (41,237 → 41,000).
    static func roundDown(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 0 }
        let step = roundStep(value)
        return (value / step).rounded(.down) * step
    }

    /// Rounded up to two significant digits (the minimum raise is never undershot).
    static func roundUp(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 0 }
        let step = roundStep(value)
        return (value / step - 1e-9).rounded(.up) * step
    }

    static func roundStep(_ value: Double) -> Double {
        var step = 1.0
        while step * 100 <= value { step *= 10 }
        return step
    }

    /// Fees as they apply to one pledge.
    struct FeeSchedule: Sendable {
        var platformRate: Double
        var paymentRate: Double
        var perPledge: Double
        /// Kickstarter's micropledges: pledges below this pay `microRate` and `microFixed`.
        var microBelow: Double?
        var microRate: Double
        var microFixed: Double
    }

    /// The campaign's fees: given ones, else the platform's published ones. Kickstarter's
    /// micropledge rate applies when its published fees apply in its own currency.
    static func feeSchedule(_ inputs: Scenario.Crowdfunding, currency: String) -> FeeSchedule {
        let published = PlatformFees.published(inputs.platform)
        let fixedFromPlatform = published.map { $0.fixedCurrency == currency ? $0.fixed : 0 } ?? 0
        let micro = inputs.paymentFee == nil && inputs.paymentFixed == nil && published?.fixedCurrency == currency
            ? published?.smallPledgeBelow : nil
        return FeeSchedule(platformRate: inputs.platformFee?.value ?? published?.platform ?? 0,
                           paymentRate: inputs.paymentFee?.value ?? published?.payment ?? 0,
                           perPledge: inputs.paymentFixed?.value ?? fixedFromPlatform,
                           microBelow: micro, microRate: published?.smallPayment ?? 0, microFixed: published?.smallFixed ?? 0)
    }

    /// What the tiers raise from `wanted` backers.
    struct Totals: Sendable, Equatable {
        var backers: Double
        var turnedAway: Double
        var pledged: Double
        var collected: Double
        var platformFees: Double
        var paymentFees: Double
        var units: Double
    }

    /// The tiers as backers choose them (see the Models article, "Crowdfunding"): limited (early) tiers fill
    /// first, cheapest first (ties in file order), each up to its limit; the backers left split
    /// across the open tiers by `shares` (weights of the open tiers that add up to 1, 0 for a
    /// limited tier); with no open tier they are turned away. `order` and `pledges` are the
    /// caller's buffers (one slot per tier), so a Monte Carlo trial allocates nothing; on return
    /// `order` holds the limited tiers cheapest first, then the open ones cheapest first.
    @inline(__always)
    static func money(wanted: Double, prices: UnsafeBufferPointer<Double>, limits: [Double], shares: [Double],
                      unitsPerPledge: [Double], dropped: Double, fees: FeeSchedule, order: UnsafeMutableBufferPointer<Int>,
                      pledges: UnsafeMutableBufferPointer<Double>) -> Totals {
        // Insertion sort: a handful of tiers, already in order on every trial but the first.
        @inline(__always) func key(_ index: Int) -> (Int, Double, Int) { (limits[index].isFinite ? 0 : 1, prices[index], index) }
        for i in 1..<max(order.count, 1) {
            let item = order[i]
            var j = i - 1
            while j >= 0, key(order[j]) > key(item) {
                order[j + 1] = order[j]
                j -= 1
            }
            order[j + 1] = item
        }
        var remaining = wanted
        var open = 0.0
        var pledged = 0.0
        var paymentFees = 0.0
        var units = 0.0
        var anyOpen = false
        for index in order {
            let take: Double
            if limits[index].isFinite {
                take = min(remaining, limits[index])
                remaining -= take
            } else {
                if !anyOpen { open = remaining }
                anyOpen = true
                take = open * shares[index]
            }
            pledges[index] = take
            pledged += take * prices[index]
            units += take * unitsPerPledge[index]
            let paying = take * (1 - dropped)
            if let below = fees.microBelow, prices[index] < below {
                paymentFees += paying * (prices[index] * fees.microRate + fees.microFixed)
            } else {
                paymentFees += paying * (prices[index] * fees.paymentRate + fees.perPledge)
            }
        }
        let turnedAway = anyOpen ? 0 : max(0, remaining)
        let collected = pledged * (1 - dropped)
        return Totals(backers: wanted - turnedAway, turnedAway: turnedAway, pledged: pledged, collected: collected,
                      platformFees: collected * fees.platformRate, paymentFees: paymentFees, units: units * (1 - dropped))
    }

    /// The open tiers' weights: each given share, the rest split evenly among the open tiers
    /// without one; scaled to add up to 1 (0 for a limited tier).
    static func shares(_ tiers: [Scenario.PledgeTier]) -> [Double] {
        let open = tiers.indices.filter { tiers[$0].limit == nil }
        let given = open.compactMap { tiers[$0].share }.reduce(0, +)
        let missing = open.filter { tiers[$0].share == nil }.count
        let each = missing > 0 ? max(0, 1 - given) / Double(missing) : 0
        var weights = tiers.map { $0.limit == nil ? ($0.share ?? each) : 0 }
        let total = weights.reduce(0, +)
        if total > 0 { weights = weights.map { $0 / total } } else if !open.isEmpty {
            for index in open { weights[index] = 1 / Double(open.count) }
        }
        return weights
    }
}

// MARK: Outputs

extension Output.Section {
    /// The campaign: funnel, fees, goal and verdict (`CrowdfundingModel`, `Decisions`).
    static let crowdfunding = Output.Section("crowdfunding")
}

extension Output {
    static let recommended = Output(250, .crowdfunding, "recommended", "Crowdfund?", "是否众筹", .flag, .decision, compared: true)
    static let inPlan = Output(251, .crowdfunding, "in_plan", "Campaign in the plan", "众筹计入计划", .flag, .decision)
    static let backers = Output(252, .crowdfunding, "backers", "Backers", "支持者", .count, ranged: true)
    static let pledged = Output(253, .crowdfunding, "pledged", "Crowdfunding pledged", "众筹认筹额", .money, ranged: true, compared: true)
    static let collected = Output(254, .crowdfunding, "collected", "Collected", "实收", .money, ranged: true)
    static let platformFees = Output(255, .crowdfunding, "platform_fees", "Platform fee", "平台费", .money)
    static let paymentFees = Output(256, .crowdfunding, "payment_fees", "Payment fees", "支付费", .money)
    static let fees = Output(257, .crowdfunding, "fees", "Fees", "费用", .money, ranged: true)
    static let net = Output(258, .crowdfunding, "net", "Crowdfunding net", "众筹净得", .money, ranged: true, compared: true, signed: true)
    static let goal = Output(259, .crowdfunding, "goal", "Crowdfunding goal", "众筹目标", .money, .decision, compared: true)
    static let crowdfundingUnits = Output(260, .crowdfunding, "units", "Units owed to backers", "应交付支持者件数", .count, ranged: true)
    static let minimumRaise = Output(261, .crowdfunding, "minimum_raise", "Minimum raise", "最低筹款额", .money, ranged: true, never: true)
    static let firstTwoDays = Output(262, .crowdfunding, "first_48h_pledges", "First-48-hour pledges", "前 48 小时认筹", .money, .decision)
    static let goalProbability = Output(263, .crowdfunding, "goal_probability", "Chance of reaching the goal", "达成目标的概率", .share, .decision)
    static let firstTwoDaysCoverProbability = Output(264, .crowdfunding, "first_48h_cover_probability",
                                                     "Chance the first 48 hours cover the minimum raise", "前 48 小时覆盖最低筹款额的概率", .share, .decision)
    static let campaignStart = Output(265, .crowdfunding, "start", "Campaign opens", "众筹开始", .date)
    static let campaignEnd = Output(266, .crowdfunding, "end", "Campaign closes", "众筹结束", .date)
    static let fulfillment = Output(267, .crowdfunding, "fulfillment", "Rewards ship", "回报发货", .date)
    static let campaignContribution = Output(268, .crowdfunding, "contribution", "Campaign contribution",
                                             "众筹贡献", .money, ranged: true, signed: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let crowdfundingOutputs: [Output] = [.recommended, .inPlan, .backers, .pledged, .collected, .platformFees, .paymentFees, .fees, .net,
                                                .goal, .crowdfundingUnits, .minimumRaise, .firstTwoDays, .goalProbability,
                                                .firstTwoDaysCoverProbability, .campaignStart, .campaignEnd, .fulfillment,
                                                .campaignContribution]
}
