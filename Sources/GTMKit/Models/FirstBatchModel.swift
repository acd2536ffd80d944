/// The first production batch: what to order, by when, and what it risks.
public struct FirstBatch: Sendable, Equatable {
    public enum DemandSource: Sendable, Equatable {
        /// Window demand from the sales curve; σ = mean × forecast_cv (or forecast_sd).
        case curve
        /// The user's own `inventory.forecast`.
        case forecast
    }

    public enum RatioSource: Sendable, Equatable {
        /// From price, cost and salvage.
        case economics
        /// `inventory.service_level`.
        case serviceLevel
    }

    public var demandSource: DemandSource
    public var coverage: Period
    /// Days the window covers, counted from launch day.
    public var windowDays: Int
    /// True when the window runs past the demand horizon (demand beyond it is not counted).
    public var windowPastHorizon: Bool
    /// Demand in the window, before pledges: mean and standard deviation.
    public var mean: Double
    public var sd: Double
    public var underage: Double
    public var overage: Double
    public var criticalRatio: Double
    public var ratioSource: RatioSource
    /// Φ⁻¹(critical ratio), exact.
    public var z: Double
    /// The unrounded newsvendor quantity μ + z·σ for retail demand.
    public var optimalUnits: Double
    /// Crowdfunding units already sold, added on top.
    public var pledgedUnits: Double
    public var moq: Int
    public var casePack: Int
    /// What to order: ⌈Q*⌉ + pledges, then the MOQ, then the case pack.
    public var units: Int
    /// Outcomes of the units left for retail demand (units − pledged).
    public var outcome: Newsvendor.Outcome
    public var unitCost: Double
    public var cash: Double { Double(units) * unitCost }
    /// The last day to place the purchase order: launch minus lead time.
    public var poDate: CivilDate
    public var leadTime: Period
    /// For the reorder after the first batch: z·σ_d·√L, with daily σ_d from the window.
    public var safetyStock: Double
    /// d̄·L + safety stock.
    public var reorderPoint: Double
}

/// The first-batch model (see README, "First batch").
public enum FirstBatchModel {
    /// Demand in the coverage window when it comes from the curve: total × the window's share.
    public static func windowMean(total: Double, windowDays: Int, horizonDays: Int, years: Double,
                                  p: Double, q: Double, boost: Double) -> Double {
        total * DemandModel.share(firstDays: Double(windowDays), horizonDays: Double(horizonDays), years: years,
                                  p: p, q: q, boost: boost)
    }

    /// The base-case first batch. `pledgedUnits` are crowdfunding units already sold.
    public static func plan(_ inventory: Scenario.Inventory, product: Scenario.Product, launch: CivilDate,
                            curveTotal: Double?, horizon: Period, p: Double, q: Double, boost: Double,
                            pledgedUnits: Double = 0) -> FirstBatch {
        let windowDays = inventory.coverage.days(from: launch)
        let horizonDays = horizon.days(from: launch)
        var mean: Double
        var sd: Double
        let source: FirstBatch.DemandSource
        if let forecast = inventory.forecast {
            source = .forecast
            mean = forecast.value
            sd = inventory.forecastSD?.value ?? forecast.value * inventory.forecastCV.value
        } else {
            source = .curve
            mean = windowMean(total: curveTotal ?? 0, windowDays: windowDays, horizonDays: horizonDays,
                              years: horizon.years, p: p, q: q, boost: boost)
            sd = mean * inventory.forecastCV.value
        }
        mean = max(0, mean)
        sd = max(0, sd)
        let price = product.price.value
        let cost = product.unitCost.value
        let salvage = product.salvage.value
        let underage = price - cost
        let overage = cost - salvage
        let ratio: Double
        let ratioSource: FirstBatch.RatioSource
        if let level = inventory.serviceLevel {
            ratio = level
            ratioSource = .serviceLevel
        } else {
            ratio = Newsvendor.criticalRatio(price: price, cost: cost, salvage: salvage) ?? 0.9999
            ratioSource = .economics
        }
        let z = ratio > 0 && ratio < 1 ? Normal.quantile(ratio) : (ratio >= 1 ? .infinity : -.infinity)
        let optimal = Newsvendor.optimalQuantity(mean: mean, sd: sd, ratio: ratio)
        let units = Newsvendor.rounded(optimal + pledgedUnits, moq: inventory.moq, casePack: inventory.casePack)
        let retail = max(0, Double(units) - pledgedUnits)
        let outcome = Newsvendor.outcome(quantity: retail, mean: mean, sd: sd)
        // Reorder: daily demand over the window, lead time in days.
        let days = Double(max(windowDays, 1))
        let lead = Double(inventory.leadTime.days(from: inventory.leadTime.before(launch)))
        let dailySD = sd / days.squareRoot()
        let safety = z.isFinite && z > 0 ? z * dailySD * lead.squareRoot() : 0
        return FirstBatch(demandSource: source, coverage: inventory.coverage, windowDays: windowDays,
                          windowPastHorizon: source == .curve && windowDays > horizonDays,
                          mean: mean, sd: sd, underage: underage, overage: overage, criticalRatio: ratio,
                          ratioSource: ratioSource, z: z, optimalUnits: optimal, pledgedUnits: pledgedUnits,
                          moq: inventory.moq, casePack: inventory.casePack, units: units, outcome: outcome,
                          unitCost: cost, poDate: inventory.leadTime.before(launch), leadTime: inventory.leadTime,
                          safetyStock: safety, reorderPoint: mean / days * lead + safety)
    }
}
