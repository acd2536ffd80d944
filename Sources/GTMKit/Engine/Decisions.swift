/// The decisions the plan takes under uncertainty, and what they were taken from. Every section,
/// table, date and later model uses these values: the first batch ordered is the one the cash
/// ties up and the one the timeline schedules.
struct Decisions: Sendable, Equatable {
    // First batch
    /// The critical ratio (or service level) the order is sized at.
    var criticalRatio = 0.0
    /// Φ⁻¹(critical ratio): the normal's z; nil when the ratio is 0 or 1.
    var z: Double?
    /// Cost of a missed sale and of an unsold unit, as the ratio weighs them (expected values).
    var underage = 0.0
    var overage = 0.0
    /// The ratio-quantile of the window's demand over every simulated launch: units for retail.
    var retailUnits = 0.0
    /// Units owed to backers, in the batch when the campaign is in the plan.
    var pledgedUnits = 0.0
    /// Units for KOL samples and testers, in the batch when there is no pilot run to supply them.
    var sampleUnits = 0.0
    /// What to order: retail units + pledged, rounded up to the MOQ and the case pack.
    var batchUnits = 0.0
    /// The window's demand over every simulated launch (inputs' spread and forecast error): the
    /// forecast normals' mixture, its mean and standard deviation.
    var windowMean = 0.0
    var windowSD = 0.0
    var windowP10 = 0.0
    var windowP90 = 0.0
    var safetyStock = 0.0
    var reorderPoint = 0.0
    /// The units the batch holds for retail: what is ordered, less what backers are owed (the
    /// MOQ and case pack may add to the newsvendor's quantity).
    var retailStock: Double { retailStock(owed: pledgedUnits) }
    /// The batch's units for retail in a launch whose backers are owed `owed` units (none when its
    /// campaign does not fund; more or fewer than the batch holds for them when its pledges differ).
    func retailStock(owed: Double) -> Double { max(0, batchUnits - owed - sampleUnits) }
    /// The orders after the first batch, on the base case's projected demand, through the
    /// horizon (none when the batch lasts it), with the stock they keep.
    var schedule = ReorderSchedule()
    var reorders: [Reorder] { schedule.orders }
    /// With actual sales: the first day a new order can be placed (the day after the last week
    /// sold), and the orders placed before it (kept as placed).
    var notBefore: CivilDate?
    var placed: [Reorder] = []
    /// The second order.
    var reorder: Reorder? { reorders.first }
    /// Monte Carlo standard error of `retailUnits` (0 without uncertain inputs).
    var batchError = 0.0
    /// Each SKU's part of the orders (`product.skus`), in the scenario's order; empty without SKUs.
    var skus: [SKUOrder] = []

    /// One SKU's orders: its newsvendor on its share of the window's demand, its part of the units
    /// owed to backers and samples, its units after its MOQ and the order's terms, and its part of
    /// the reorders.
    struct SKUOrder: Sendable, Equatable {
        var name: String
        /// Its expected share of demand (the shares' means, normalised to add up to 1), and the
        /// standard deviation of that share (from a range's P10–P90; 0 for a single value).
        var share: Double
        var shareSD: Double
        /// Its unit cost (the base case's) and the critical ratio at its expected cost.
        var unitCost: Double
        var criticalRatio: Double
        var retailUnits: Double
        var owed: Int
        var moq: Int
        var units: Int
        var reorderUnits: Int
    }

    // Crowdfunding
    var recommended = false
    var inPlan = false
    /// All or nothing (`crowdfunding.funding`): the campaign pays, and owes rewards, only when its
    /// pledges reach the goal.
    var allOrNothing = false
    /// Whether a launch with these pledges has a funded campaign: in the plan, and (all or nothing)
    /// its pledges at the goal or above.
    func funds(pledged: Double) -> Bool { Self.funds(inPlan: inPlan, allOrNothing: allOrNothing, pledged: pledged, goal: goal) }
    static func funds(inPlan: Bool, allOrNothing: Bool, pledged: Double, goal: Double) -> Bool {
        inPlan && (!allOrNothing || pledged >= goal)
    }
    /// First-48-hour pledges the goal is set from: a third of the (median simulated) pledges.
    var firstTwoDays = 0.0
    var goal = 0.0
    /// The chance the pledges reach the goal (the recommendation's rule: at least `min_chance`),
    /// and the share of simulated launches whose first 48 hours cover the minimum raise (an indicator).
    var goalProbability = 0.0
    var coverProbability = 0.0
    /// The funnel's documented spread applied to the pledges (0 when the trials carry it), and the
    /// pledges at the `1 − min_chance` quantile of the trials.
    var funnelSpread = 0.0
    var pledgedLow = 0.0
    /// Monte Carlo standard error of `firstTwoDays`.
    var goalError = 0.0

    /// Trials the window's P10 and P90 are read from.
    static let spreadTrials = 40_960

    /// The value of a decision output; nil for an output that is not a decision.
    func value(_ output: Output) -> Double? {
        switch output {
        case .criticalRatio: return criticalRatio
        case .newsvendorUnits: return retailUnits
        case .firstBatchUnits: return batchUnits
        case .windowForecastMean: return windowMean
        case .windowDemandSD: return windowSD
        case .windowDemandP10: return windowP10
        case .windowDemandP90: return windowP90
        case .safetyStock: return safetyStock
        case .reorderPoint: return reorderPoint
        case .reorderDate: return reorder.map { Double($0.date.daysSinceEpoch) } ?? .nan
        case .reorderUnits: return reorder.map { Double($0.units) } ?? .nan
        case .reorderArrival: return reorder.map { Double($0.arrival.daysSinceEpoch) } ?? .nan
        case .stockoutDate: return reorder?.stockout.map { Double($0.daysSinceEpoch) } ?? .nan
        case .reorderTotalUnits: return Double(reorders.reduce(0) { $0 + $1.units })
        case .recommended: return recommended ? 1 : 0
        case .inPlan: return inPlan ? 1 : 0
        case .firstTwoDays: return firstTwoDays
        case .goal: return goal
        case .goalProbability: return goalProbability
        case .firstTwoDaysCoverProbability: return coverProbability
        default: return nil
        }
    }

    /// The decisions' Monte Carlo errors, by output (what the report states as their precision).
    var errors: [(Output, Double)] { [(.firstBatchUnits, batchError), (.goal, goalError)] }

    /// Takes the decisions from what each simulated launch gave (`columns`, one value per trial
    /// of each of the model's decision outputs; with no uncertain input, one "trial": the base
    /// case). `base` is the base case's evaluation, for the units owed to backers.
    /// `spread`: also the window's P10 and P90 (for the report; not needed to decide).
    /// `pins`: inputs held at a value (a tornado row), whose expected value is that value.
    static func take(_ model: PlanModel, columns: [Output: UnsafeMutableBufferPointer<Double>], base: Workspace,
                     threads: Int, spread: Bool = true, pins: [MonteCarlo.Pin] = []) -> Decisions {
        var d = Decisions()
        if model.crowdfunding != nil, let pledged = columns[.pledged], let minimum = columns[.minimumRaise] {
            let n = Double(max(pledged.count, 1))
            let copy = UnsafeMutableBufferPointer<Double>.allocate(capacity: pledged.count)
            defer { copy.deallocate() }
            _ = copy.initialize(from: pledged)
            let median = Quantiles.estimate(copy, [0.5], threads: threads)[0]
            let share = CrowdfundingModel.firstTwoDaysShare
            d.firstTwoDays = median.value * share
            d.goalError = median.standardError * share
            let baseMinimum = base[.minimumRaise]
            // All in, the pledges come whatever is raised: the goal is the page's target the first days
            // can pass, not the minimum raise (which gates only an all-or-nothing campaign).
            let allIn = model.crowdfunding?.inputs.funding == .allIn
            d.allOrNothing = !allIn
            d.goal = max(CrowdfundingModel.roundDown(d.firstTwoDays),
                         baseMinimum.isFinite && !allIn ? CrowdfundingModel.roundUp(baseMinimum) : 0, 1)
            // The chance of the goal: over the trials, each launch's pledges spread by the funnel's
            // documented dispersion where a conversion is a single value (the trials carry a range).
            let campaign = model.crowdfunding!, v = base.registers
            let ranged = Set(model.inputs.uncertain.map(\.slot))
            d.funnelSpread = CrowdfundingModel.funnelSpread(
                list: v[campaign.emailList] * v[campaign.listConversion], reservations: v[campaign.reservations] * v[campaign.reservationConversion],
                others: campaign.kolBackers ? base[.kolBuyers] : 0, listRanged: ranged.contains(campaign.listConversion),
                reservationsRanged: ranged.contains(campaign.reservationConversion))
            var reach = 0.0
            var cover = 0.0
            for i in 0..<pledged.count {
                if d.funnelSpread > 0 {
                    reach += pledged[i] > 0 ? Normal.cdf(Math.log(pledged[i] / d.goal) / d.funnelSpread) : 0
                } else if pledged[i] >= d.goal {
                    reach += 1
                }
                if minimum[i].isFinite, pledged[i] * share >= minimum[i] { cover += 1 }
            }
            d.goalProbability = reach / n
            d.coverProbability = cover / n
            let minChance = campaign.inputs.minChance
            _ = copy.initialize(from: pledged)
            d.pledgedLow = Quantiles.estimate(copy, [1 - minChance], threads: threads)[0].value
            // The rule: the pledges reach the goal (never below the minimum raise) with at least
            // `min_chance`, and the campaign adds to the launch (its contribution above zero).
            // All in, the chance informs, the contribution decides.
            d.recommended = baseMinimum.isFinite && median.value > 0 && (allIn || d.goalProbability >= minChance)
                && base[.campaignContribution] > 0
            d.inPlan = model.campaignRun == .yes || (model.campaignRun == .auto && d.recommended)
        }
        if let batch = model.firstBatch, let means = columns[.windowForecastMean], let sds = columns[.windowDemandSD] {
            let v = base.registers
            // The ratio weighs expected money: the expected contribution of a sale against
            // E[cost − salvage].
            let price = model.mean(ofSlot: batch.price, v, pins: pins), cost = model.mean(ofSlot: batch.unitCost, v, pins: pins)
            let salvage = model.mean(ofSlot: batch.salvage, v, pins: pins)
            d.underage = batch.underage(price: price, cost: cost)
            d.overage = cost - salvage
            d.criticalRatio = batch.criticalRatio(price: price, cost: cost, salvage: salvage)
            // KOL posts timed to a campaign in the plan bring backers, not retail buyers: each
            // launch's window demand without them (its spread scaled with it: σ = mean × cv).
            var means = UnsafeBufferPointer(means), sds = UnsafeBufferPointer(sds)
            let adjusted = UnsafeMutableBufferPointer<Double>.allocate(capacity: d.inPlan ? 2 * means.count : 0)
            defer { adjusted.deallocate() }
            if d.inPlan, let kol = columns[.windowKOLUnits] {
                Self.retailWindow(means: means, sds: sds, backers: kol, into: adjusted)
                means = UnsafeBufferPointer(rebasing: adjusted[0..<means.count])
                sds = UnsafeBufferPointer(rebasing: adjusted[means.count...])
            }
            var mixture = NormalMixture(means: means, sds: sds)
            mixture.threads = threads
            if d.criticalRatio > 0 {
                let quantile = mixture.quantile(d.criticalRatio)
                d.retailUnits = quantile.value
                d.batchError = quantile.standardError
            }
            // The backers' units go into the batch when the base case's campaign funds (a campaign
            // that misses its goal owes none; one that funds after all orders them once it closes).
            d.pledgedUnits = d.funds(pledged: base[.pledged]) ? base[.crowdfundingUnits] : 0
            if model.pilot == nil {
                d.sampleUnits = (model.kol != nil ? base[.kolSamples] : 0) + (model.seed != nil ? base[.testerUnits] : 0)
            }
            d.batchUnits = Double(batch.inputs.terms.rounded(d.retailUnits + d.pledgedUnits + d.sampleUnits))
            if !batch.skus.isEmpty {
                d.orderSKUs(model, batch, means: means, sds: sds, price: price, salvage: salvage, v: v, pins: pins, threads: threads)
            }
            let mean = mixture.mean
            d.windowMean = mean
            d.windowSD = mixture.sd
            // Safety stock for the reorders: the window's forecast error, spread over its days, through a lead time.
            let days = max(batch.windowDays, 1)
            let lead = Double(batch.inputs.leadTime.days(from: batch.poDate))
            d.z = d.criticalRatio > 0 && d.criticalRatio < 1 ? Normal.quantile(d.criticalRatio) : nil
            let z = d.z ?? 0
            d.safetyStock = z > 0 ? z * d.windowSD / days.squareRoot() * lead.squareRoot() : 0
        }
        if spread { d.spread(model, columns: columns, base: base, threads: threads) }
        return d
    }

    /// What the plan's final decisions add to those a pass of trials takes (`take` without
    /// `spread`, whose result they complete: the same columns): the window's range the report
    /// shows and the reorders.
    mutating func spread(_ model: PlanModel, columns: [Output: UnsafeMutableBufferPointer<Double>], base: Workspace, threads: Int) {
        guard model.firstBatch != nil, let means = columns[.windowForecastMean], let sds = columns[.windowDemandSD] else { return }
        // The range from the first trials (at most 40,960: it is shown to three significant
        // figures, and each quantile of the whole mixture costs a pass of error functions over
        // every trial), without the KOL buyers who are backers (as `take` reads the window).
        let shown = min(means.count, Self.spreadTrials)
        let window = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * shown)
        defer { window.deallocate() }
        Self.retailWindow(means: UnsafeBufferPointer(rebasing: means[0..<shown]), sds: UnsafeBufferPointer(rebasing: sds[0..<shown]),
                          backers: inPlan ? columns[.windowKOLUnits] : nil, into: window)
        var prefix = NormalMixture(means: UnsafeBufferPointer(rebasing: window[0..<shown]), sds: UnsafeBufferPointer(rebasing: window[shown...]))
        prefix.threads = threads
        windowP10 = prefix.quantile(0.1).value
        windowP90 = prefix.quantile(0.9).value
        planReorders(model, base: base)
    }

    /// Each launch's window demand for retail, into `window` (the means, then the spreads): without
    /// the KOL buyers who are backers (`backers`, when the campaign is in the plan), its spread
    /// scaled with it (σ = mean × cv); as it is without them.
    static func retailWindow(means: UnsafeBufferPointer<Double>, sds: UnsafeBufferPointer<Double>,
                             backers: UnsafeMutableBufferPointer<Double>?, into window: UnsafeMutableBufferPointer<Double>) {
        let n = means.count
        for i in 0..<n {
            let mean = backers.map { max(0, means[i] - $0[i]) } ?? means[i]
            window[i] = mean
            window[n + i] = backers == nil ? sds[i] : means[i] > 0 ? sds[i] * mean / means[i] : 0
        }
    }

    /// The first batch per SKU: SKU i's window demand in a launch is ŝᵢ·D, D ~ N(μ, σ) that
    /// launch's and ŝᵢ its share, whose spread (σₛ, read from a range's P10–P90 as a normal's)
    /// widens it: mean ŝᵢμ, variance (ŝᵢ² + σₛ²)σ² + σₛ²μ² (a product of independent variables).
    /// Its newsvendor is the critical-ratio quantile of that over every launch (its own unit cost
    /// in the ratio); it carries its share of the units owed to backers and samples (largest
    /// remainder), then its MOQ and the case pack; the order's MOQ and pallets, when they add
    /// units, add them by share in whole cartons. The batch is the SKUs' sum.
    mutating func orderSKUs(_ model: PlanModel, _ batch: FirstBatchModel, means: UnsafeBufferPointer<Double>,
                            sds: UnsafeBufferPointer<Double>, price: Double, salvage: Double, v: UnsafeMutablePointer<Double>,
                            pins: [MonteCarlo.Pin], threads: Int) {
        let expected = batch.skus.map { model.mean(ofSlot: $0.share, v, pins: pins) }
        let total = expected.reduce(0, +)
        guard total > 0 else { return }
        let n = means.count
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * n)
        defer { buffer.deallocate() }
        let owed = Self.apportion(Int(pledgedUnits + sampleUnits), expected.map { $0 / total }, step: 1)
        let casePack = batch.inputs.terms.casePack
        skus = []
        for (index, sku) in batch.skus.enumerated() {
            let share = expected[index] / total
            var spread = 0.0
            if !pins.contains(where: { $0.slot == sku.share }), let input = model.inputs.uncertain.first(where: { $0.slot == sku.share }) {
                spread = (input.p90 - input.p10) / (2 * Normal.quantile(0.9)) / total
            }
            for i in 0..<n {
                buffer[i] = share * means[i]
                buffer[n + i] = ((share * share + spread * spread) * sds[i] * sds[i] + spread * spread * means[i] * means[i]).squareRoot()
            }
            var mixture = NormalMixture(means: UnsafeBufferPointer(rebasing: buffer[0..<n]), sds: UnsafeBufferPointer(rebasing: buffer[n...]))
            mixture.threads = threads
            // The ratio weighs the expected cost (as the batch's); the batch is paid at the base case's.
            let ratio = batch.criticalRatio(price: price, cost: model.mean(ofSlot: sku.cost, v, pins: pins), salvage: salvage)
            let retail = ratio > 0 ? mixture.quantile(ratio).value : 0
            let units = OrderTerms(moq: sku.moq, casePack: casePack).rounded(retail + Double(owed[index]))
            skus.append(SKUOrder(name: sku.name, share: share, shareSD: spread, unitCost: v[sku.cost], criticalRatio: ratio, retailUnits: retail,
                                 owed: owed[index], moq: sku.moq, units: units, reorderUnits: 0))
        }
        let sum = skus.reduce(0) { $0 + $1.units }
        let extra = batch.inputs.terms.rounded(Double(sum)) - sum
        if extra > 0 {
            for (index, add) in Self.apportion(extra, skus.map(\.share), step: casePack).enumerated() { skus[index].units += add }
        }
        retailUnits = skus.reduce(0) { $0 + $1.retailUnits }
        batchUnits = Double(skus.reduce(0) { $0 + $1.units })
    }

    /// `total` split by `shares` in multiples of `step`, by largest remainder (Hamilton's method):
    /// the parts add up to `total` (a multiple of `step`), ties to the earlier share.
    static func apportion(_ total: Int, _ shares: [Double], step: Int) -> [Int] {
        let step = max(step, 1), steps = total / step
        let sum = shares.reduce(0, +)
        guard sum > 0, steps > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { Double(steps) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let left = steps - parts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), $1) > (exact[$1] - Double(parts[$1]), $0) }
        for index in order.prefix(left) { parts[index] += 1 }
        return parts.map { $0 * step }
    }

    /// The orders after the first batch, on the base case's projected demand (`base` evaluated),
    /// from the batch's stock, reorder point and safety stock.
    mutating func planReorders(_ model: PlanModel, base: Workspace) {
        guard let batch = model.firstBatch else { return }
        let v = base.registers
        let daily: [Double]
        if let forecast = batch.forecast {
            daily = [Double](repeating: v[forecast] / max(batch.windowDays, 1), count: Int(model.demand.horizonDays))
        } else {
            model.demand.weekly(v, base, kolRetail: model.demand.kolIsRetail(inPlan))
            daily = ReorderModel.daily(model.demand.curve(v, base, launch: batch.launch).weeks)
        }
        // The safety stock moves with the demand of the lead time before each order lands: this is its
        // reference, the window's pace over a lead time.
        let lead = Double(batch.inputs.leadTime.days(from: batch.launch))
        let policy = ReorderPolicy(launch: batch.launch, arrives: batch.arrival, stock: retailStock, safetyStock: safetyStock,
                                   referenceLeadDemand: windowMean / max(batch.windowDays, 1) * lead,
                                   leadTime: batch.inputs.leadTime, firstOrder: max(batch.poDate, notBefore ?? batch.poDate),
                                   // No retail unit is worth stocking (a critical ratio of 0): no reorder either.
                                   coverageDays: criticalRatio > 0 ? Int(batch.windowDays) : 0, terms: batch.inputs.terms,
                                   spread: windowMean > 0 ? windowSD / windowMean : 0, z: z ?? 0, underage: underage, overage: overage)
        schedule = ReorderModel.plan(daily, policy, placed: placed)
        // Each SKU's part of the reorders: every order split by the mix, whole units by largest remainder.
        if !skus.isEmpty {
            for index in skus.indices { skus[index].reorderUnits = 0 }
            // In whole cartons where the order is whole cartons.
            let pack = batch.inputs.terms.casePack
            for order in schedule.orders.dropFirst(placed.count) {
                let step = order.units % max(pack, 1) == 0 ? pack : 1
                for (index, part) in Self.apportion(order.units, skus.map(\.share), step: step).enumerated() { skus[index].reorderUnits += part }
            }
        }
        // The reorder point: the stock position (on hand and on order) the day the first new order
        // is placed, in the median case: the safety stock and the demand until it lands.
        reorderPoint = 0
        if let first = schedule.orders.dropFirst(placed.count).first {
            let from = max(0, batch.launch.days(to: first.date)), to = min(daily.count, batch.launch.days(to: first.arrival))
            reorderPoint = first.stockAtArrival + (from < to ? daily[from..<to].reduce(0, +) : 0)
        }
    }
}

extension PlanModel {
    /// The mean of the input in `slot`: its distribution's mean when uncertain, else its value.
    func mean(ofSlot slot: Int, _ v: UnsafeMutablePointer<Double>, pins: [MonteCarlo.Pin] = []) -> Double {
        if let pin = pins.first(where: { $0.slot == slot }) { return pin.value }
        return inputs.uncertain.first { $0.slot == slot }?.mean ?? v[slot]
    }
}
