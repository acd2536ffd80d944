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
    /// Inputs of the verdict, kept to re-decide on simulated pledges.
    public var averagePledge: Double
    public var ownBackers: Double
    public var listConversion: Double
    public var organicShare: Double
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

    /// The funding reasons: first-48-hour pledges against the minimum raise, and when they fall
    /// short, how many more subscribers would close the gap.
    static func verdict(firstTwoDays: Double, minimumRaise: Double, averagePledge: Double, ownBackers: Double,
                        listConversion: Double, organicShare: Double) -> [Campaign.Reason] {
        var reasons: [Campaign.Reason] = [.firstTwoDays(firstTwoDays: firstTwoDays, minimumRaise: minimumRaise)]
        if firstTwoDays < minimumRaise, minimumRaise.isFinite, averagePledge > 0, listConversion > 0 {
            // Backers needed for 3 × minimum raise, of whom (1 − organic) you bring.
            let needed = minimumRaise / firstTwoDaysShare / averagePledge * (1 - organicShare)
            let extra = (needed - ownBackers) / listConversion
            if extra > 0 { reasons.append(.growList(subscribers: extra)) }
        }
        return reasons
    }

    /// `count` rounded down to a round figure: two significant digits (41,237 → 41,000).
    public static func roundDown(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 0 }
        let step = roundStep(value)
        return (value / step).rounded(.down) * step
    }

    /// Rounded up to two significant digits (the minimum raise is never undershot).
    public static func roundUp(_ value: Double) -> Double {
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
    public struct FeeSchedule: Sendable {
        public var platformRate: Double
        public var paymentRate: Double
        public var perPledge: Double
        /// Kickstarter's micropledges: pledges below this pay `microRate` and `microFixed`.
        public var microBelow: Double?
        public var microRate: Double
        public var microFixed: Double
    }

    /// The campaign's fees: given ones, else the platform's published ones. Kickstarter's
    /// micropledge rate applies when its published fees apply in its own currency.
    public static func feeSchedule(_ inputs: Scenario.Crowdfunding, currency: String) -> FeeSchedule {
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
    public struct Totals: Sendable, Equatable {
        public var backers: Double
        public var turnedAway: Double
        public var pledged: Double
        public var collected: Double
        public var platformFees: Double
        public var paymentFees: Double
        public var units: Double
    }

    /// Fills tiers cheapest first (ties in file order) up to their limits and counts the money.
    /// `order` and `pledges` are the caller's buffers (one slot per tier), so a Monte Carlo trial
    /// allocates nothing; on return `order` holds tier indices cheapest first.
    @inline(__always)
    public static func money(wanted: Double, prices: UnsafeBufferPointer<Double>, limits: [Double], unitsPerPledge: [Double],
                             dropped: Double, fees: FeeSchedule, order: inout [Int], pledges: inout [Double]) -> Totals {
        // Insertion sort: a handful of tiers, already in order on every trial but the first.
        for i in 1..<max(order.count, 1) {
            let item = order[i]
            var j = i - 1
            while j >= 0, (prices[order[j]], order[j]) > (prices[item], item) {
                order[j + 1] = order[j]
                j -= 1
            }
            order[j + 1] = item
        }
        var remaining = wanted
        var pledged = 0.0
        var paymentFees = 0.0
        var units = 0.0
        for index in order {
            let take = min(remaining, limits[index])
            remaining -= take
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
        let turnedAway = max(0, remaining)
        let collected = pledged * (1 - dropped)
        return Totals(backers: wanted - turnedAway, turnedAway: turnedAway, pledged: pledged, collected: collected,
                      platformFees: collected * fees.platformRate, paymentFees: paymentFees, units: units * (1 - dropped))
    }

    /// The base-case campaign. `moq` and `unitCost` set the first batch the campaign must fund.
    public static func campaign(_ inputs: Scenario.Crowdfunding, product: Scenario.Product, launch: CivilDate,
                                currency: String, moq: Int, leadTime: Period?) -> Campaign {
        let fees = feeSchedule(inputs, currency: currency)
        let platformRate = fees.platformRate
        let paymentRate = fees.paymentRate
        let perPledge = fees.perPledge

        let list = inputs.emailList.value * inputs.listConversion.value
        let reservations = inputs.reservations.value * inputs.reservationConversion.value
        let wanted = backers(list: inputs.emailList.value, listConversion: inputs.listConversion.value,
                             reservations: inputs.reservations.value, reservationConversion: inputs.reservationConversion.value,
                             organicShare: inputs.organicShare.value)
        let prices = inputs.tiers.map(\.price.value)
        var order = Array(inputs.tiers.indices)
        var pledges = [Double](repeating: 0, count: inputs.tiers.count)
        let totals = prices.withUnsafeBufferPointer { prices in
            money(wanted: wanted, prices: prices, limits: inputs.tiers.map { $0.limit.map(Double.init) ?? .infinity },
                  unitsPerPledge: inputs.tiers.map { Double($0.units) }, dropped: inputs.droppedPledges.value,
                  fees: fees, order: &order, pledges: &pledges)
        }
        let fills = order.map { index in
            Campaign.TierFill(name: inputs.tiers[index].name, price: prices[index], limit: inputs.tiers[index].limit,
                              unitsPerPledge: inputs.tiers[index].units, pledges: pledges[index])
        }
        let turnedAway = totals.turnedAway
        let all = totals.backers
        let dropped = inputs.droppedPledges.value
        let pledged = totals.pledged
        let collected = totals.collected
        let paymentFees = totals.paymentFees
        let platformFees = totals.platformFees
        let units = totals.units

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

        var reasons = verdict(firstTwoDays: firstTwoDays, minimumRaise: minimumRaise, averagePledge: averagePledge,
                              ownBackers: list + reservations, listConversion: inputs.listConversion.value,
                              organicShare: inputs.organicShare.value)
        let recommended = minimumRaise.isFinite && firstTwoDays >= minimumRaise && pledged > 0
        if turnedAway > 0.5 { reasons.append(.soldOut(backersTurnedAway: turnedAway)) }
        if fulfillment > launch { reasons.append(.shipsAfterLaunch(fulfillment: fulfillment, launch: launch)) }

        return Campaign(platform: inputs.platform, start: inputs.start, end: end, fulfillment: fulfillment,
                        listBackers: list, reservationBackers: reservations, organicBackers: wanted - list - reservations,
                        backersTurnedAway: turnedAway, backers: all, tiers: fills, pledged: pledged, droppedShare: dropped, collected: collected,
                        platformFees: platformFees, paymentFees: paymentFees, units: units,
                        minimumRaise: minimumRaise, neededNet: neededNet, goal: goal, recommended: recommended,
                        reasons: reasons, averagePledge: averagePledge, ownBackers: list + reservations,
                        listConversion: inputs.listConversion.value, organicShare: inputs.organicShare.value,
                        platformRate: platformRate, paymentRate: paymentRate, perPledgeFee: perPledge)
    }
}
