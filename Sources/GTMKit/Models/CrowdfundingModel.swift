/// A crowdfunding campaign's funnel, money, goal and dates, and whether to run it.
public struct Campaign: Sendable, Equatable {
    public struct TierFill: Sendable, Equatable {
        public var name: String
        public var price: Double
        public var limit: Int?
        public var unitsPerPledge: Int
        public var pledges: Double
        public var amount: Double { pledges * price }
    }

    /// Why the campaign is or is not recommended, as data; the renderers word it.
    public enum Reason: Sendable, Equatable {
        /// First-48-hour pledges against the minimum raise (their ratio decides).
        case firstTwoDays(firstTwoDays: Double, minimumRaise: Double)
        /// How many more subscribers (at the list's conversion) would close the gap.
        case growList(subscribers: Double)
        /// Rewards ship after the retail launch.
        case shipsAfterLaunch(fulfillment: CivilDate, launch: CivilDate)
        /// The tiers' limits turn backers away.
        case soldOut(backersTurnedAway: Double)
    }

    public var platform: Scenario.Platform
    public var start: CivilDate
    /// The campaign's last day: start + duration − 1.
    public var end: CivilDate
    public var fulfillment: CivilDate
    /// Backers from the email list, from paid reservations, and from the platform itself.
    public var listBackers: Double
    public var reservationBackers: Double
    public var organicBackers: Double
    /// Backers who find every tier sold out.
    public var backersTurnedAway: Double
    /// Backers who pledge: those you bring ÷ (1 − organic share), less those turned away.
    public var backers: Double
    public var tiers: [TierFill]
    /// Gross pledges, before drops and fees.
    public var pledged: Double
    public var droppedShare: Double
    /// Pledges that collect: pledged × (1 − dropped).
    public var collected: Double
    public var platformFees: Double
    public var paymentFees: Double
    public var fees: Double { platformFees + paymentFees }
    public var net: Double { collected - fees }
    /// Product units owed to backers whose pledges collected.
    public var units: Double
    /// What must be collected to fund fixed costs and the first batch at MOQ, grossed up
    /// for fees and dropped pledges (in pledges).
    public var minimumRaise: Double
    /// What the campaign must net: fixed costs + MOQ × unit cost.
    public var neededNet: Double
    /// About a third of all pledges arrive in the first 48 hours.
    public var firstTwoDays: Double { pledged / 3 }
    /// The goal to publish: first-48-hour pledges rounded down to a round figure,
    /// never below the minimum raise (rounded up), never zero.
    public var goal: Double
    public var recommended: Bool
    public var reasons: [Reason]
    /// Fees the campaign pays: platform and payment shares, and the per-pledge fee.
    public var platformRate: Double
    public var paymentRate: Double
    public var perPledgeFee: Double
}

/// The crowdfunding model (see README, "Crowdfunding").
public enum CrowdfundingModel {
    /// Share of all pledges made in the first 48 hours (campaign agencies' rule of thumb).
    public static let firstTwoDaysShare = 1.0 / 3

    /// Backers you bring (list and reservations) grossed up by the platform's own share.
    @inline(__always)
    public static func backers(list: Double, listConversion: Double, reservations: Double,
                               reservationConversion: Double, organicShare: Double) -> Double {
        (list * listConversion + reservations * reservationConversion) / (1 - min(organicShare, 0.95))
    }

    /// `count` rounded down to a round figure: two significant digits (41,237 → 41,000).
    public static func roundDown(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        let step = roundStep(value)
        return (value / step).rounded(.down) * step
    }

    /// Rounded up to two significant digits (the minimum raise is never undershot).
    public static func roundUp(_ value: Double) -> Double {
        guard value > 0 else { return 0 }
        let step = roundStep(value)
        return (value / step - 1e-9).rounded(.up) * step
    }

    static func roundStep(_ value: Double) -> Double {
        var step = 1.0
        while step * 100 <= value { step *= 10 }
        return step
    }

    /// The base-case campaign. `moq` and `unitCost` set the first batch the campaign must fund.
    public static func campaign(_ inputs: Scenario.Crowdfunding, product: Scenario.Product, launch: CivilDate,
                                currency: String, moq: Int, leadTime: Period?) -> Campaign {
        let published = PlatformFees.published(inputs.platform)
        let platformRate = inputs.platformFee?.value ?? published?.platform ?? 0
        let paymentRate = inputs.paymentFee?.value ?? published?.payment ?? 0
        let fixedFromPlatform = published.map { $0.fixedCurrency == currency ? $0.fixed : 0 } ?? 0
        let perPledge = inputs.paymentFixed?.value ?? fixedFromPlatform
        // Kickstarter's micropledge rate applies when its published fees apply in its own currency.
        let micro = inputs.paymentFee == nil && inputs.paymentFixed == nil && published?.fixedCurrency == currency
            ? published.flatMap { fees in fees.smallPledgeBelow.map { (below: $0, rate: fees.smallPayment, fixed: fees.smallFixed) } }
            : nil

        let list = inputs.emailList.value * inputs.listConversion.value
        let reservations = inputs.reservations.value * inputs.reservationConversion.value
        let wanted = backers(list: inputs.emailList.value, listConversion: inputs.listConversion.value,
                             reservations: inputs.reservations.value, reservationConversion: inputs.reservationConversion.value,
                             organicShare: inputs.organicShare.value)
        // Tiers fill cheapest first, up to their limits.
        var remaining = wanted
        var fills: [Campaign.TierFill] = []
        for tier in inputs.tiers.enumerated().sorted(by: { ($0.element.price.value, $0.offset) < ($1.element.price.value, $1.offset) }).map(\.element) {
            let take = tier.limit.map { min(remaining, Double($0)) } ?? remaining
            remaining -= take
            fills.append(.init(name: tier.name, price: tier.price.value, limit: tier.limit, unitsPerPledge: tier.units, pledges: take))
        }
        let turnedAway = max(0, remaining)
        let all = wanted - turnedAway
        let dropped = inputs.droppedPledges.value
        let pledged = fills.reduce(0) { $0 + $1.amount }
        let collected = pledged * (1 - dropped)
        var paymentFees = 0.0
        for fill in fills {
            let paying = fill.pledges * (1 - dropped)
            if let micro, fill.price < micro.below {
                paymentFees += paying * (fill.price * micro.rate + micro.fixed)
            } else {
                paymentFees += paying * (fill.price * paymentRate + perPledge)
            }
        }
        let platformFees = collected * platformRate
        let units = fills.reduce(0) { $0 + $1.pledges * Double($1.unitsPerPledge) } * (1 - dropped)

        // Minimum raise: net ≥ fixed costs + MOQ × unit cost, with the average pledge from the tiers.
        let neededNet = product.fixedCosts.value + Double(moq) * product.unitCost.value
        let averagePledge = all > 0 ? pledged / all : (fills.first?.price ?? 0)
        let keep = 1 - platformRate - paymentRate - (averagePledge > 0 ? perPledge / averagePledge : 0)
        let minimumRaise = keep > 0 && dropped < 1 ? neededNet / ((1 - dropped) * keep) : .infinity

        let firstTwoDays = pledged * firstTwoDaysShare
        let goal = max(roundDown(firstTwoDays), minimumRaise.isFinite ? roundUp(minimumRaise) : 0, 1)

        let end = inputs.duration.after(inputs.start).adding(days: -1)
        let lead = inputs.fulfillmentLead ?? leadTime ?? .weeks(8)
        let fulfillment = lead.after(end)

        var reasons: [Campaign.Reason] = [.firstTwoDays(firstTwoDays: firstTwoDays, minimumRaise: minimumRaise)]
        let recommended = minimumRaise.isFinite && firstTwoDays >= minimumRaise && pledged > 0
        if !recommended, minimumRaise.isFinite, averagePledge > 0, inputs.listConversion.value > 0 {
            // Backers needed for 3 × minimum raise, of whom (1 − organic) you bring.
            let neededBackers = 3 * minimumRaise / averagePledge
            let neededOwn = neededBackers * (1 - inputs.organicShare.value)
            let extra = (neededOwn - list - reservations) / inputs.listConversion.value
            if extra > 0 { reasons.append(.growList(subscribers: extra)) }
        }
        if turnedAway > 0.5 { reasons.append(.soldOut(backersTurnedAway: turnedAway)) }
        if fulfillment > launch { reasons.append(.shipsAfterLaunch(fulfillment: fulfillment, launch: launch)) }

        return Campaign(platform: inputs.platform, start: inputs.start, end: end, fulfillment: fulfillment,
                        listBackers: list, reservationBackers: reservations, organicBackers: wanted - list - reservations,
                        backersTurnedAway: turnedAway, backers: all, tiers: fills, pledged: pledged, droppedShare: dropped, collected: collected,
                        platformFees: platformFees, paymentFees: paymentFees, units: units,
                        minimumRaise: minimumRaise, neededNet: neededNet, goal: goal, recommended: recommended,
                        reasons: reasons, platformRate: platformRate, paymentRate: paymentRate, perPledgeFee: perPledge)
    }
}
