/// What the report says of the first batch beside its numbers (which are outputs): where the
/// window's demand comes from, the ratio's source, the order terms and dates.
struct FirstBatch: Sendable, Equatable {
    enum DemandSource: Sendable, Equatable {
        /// Window demand from the sales curve; σ = mean × forecast_cv (or forecast_sd).
        case curve
        /// The user's own `inventory.forecast`.
        case forecast
    }

    enum RatioSource: Sendable, Equatable {
        /// From price, cost and salvage.
        case economics
        /// `inventory.service_level`.
        case serviceLevel
    }

    var demandSource: DemandSource
    var ratioSource: RatioSource
    var coverage: Period
    /// Days the window covers, counted from launch day.
    var windowDays: Int
    /// True when the window runs past the demand horizon (demand beyond it is not counted).
    var windowPastHorizon: Bool
    /// Cost of a missed sale (price − cost) and of an unsold unit (cost − salvage), as the
    /// critical ratio weighs them: expected values over the uncertain inputs.
    var underage: Double
    var overage: Double
    /// Φ⁻¹ of the critical ratio (nil when the ratio is 0 or 1): the safety stock's z.
    var z: Double?
    /// The MOQ and the case pack the order obeys.
    var terms: OrderTerms
    /// Whole units the newsvendor quantity asks for retail (⌈Q*⌉), and with the units owed to
    /// backers and the samples, before the terms round them.
    var retailUnits: Int
    var beforeTerms: Int
    /// The units the batch holds for retail (`Decisions.retailStock`).
    var retailStock: Double
    var leadTime: Period
    /// The last day to place the purchase order: launch minus lead time.
    var poDate: CivilDate
    /// The day its units are in the warehouse.
    var arrival: CivilDate
    /// The orders after the first, when the horizon's demand outgrows the first batch, and the
    /// stock they keep.
    var schedule: ReorderSchedule
    var reorders: [Reorder] { schedule.orders }
    /// True when `inventory.coverage` is shorter than the lead time: the window runs until an
    /// order placed at launch can land.
    var coverageRaised: Bool
    /// The second order.
    var reorder: Reorder? { reorders.first }
    /// Each SKU's part of the orders; empty without SKUs.
    var skus: [Decisions.SKUOrder] = []
}

/// The first-batch model (see the Models article, "First batch"): the window's demand (mean and spread) and
/// the outcomes of stocking the decided quantity against it. The quantity itself is a decision
/// (`Decisions`): the critical-ratio quantile of the window's demand over every simulated launch.
final class FirstBatchModel: Sendable {
    let inputs: Scenario.Inventory
    let forecast: Int?, forecastSD: Int?, forecastCV: Int, deposit: Int
    let price: Int, unitCost: Int, salvage: Int
    let windowDays: Double
    let coverage: Period
    let coverageRaised: Bool
    let poDate: CivilDate
    let poDay: Double
    /// The day the batch is in the warehouse: the order date plus the lead time.
    let arrival: CivilDate
    let arrivalDay: Double
    let launch: CivilDate
    /// What the channels keep of the price and what fulfilment costs, a unit (a missed sale
    /// loses its contribution, not its gross margin).
    let keep: Double, fulfillment: Double
    /// The SKUs (`product.skus`): name, the slots of the share and the unit cost, the MOQ per order.
    let skus: [(name: String, share: Int, cost: Int, moq: Int)]

    /// Nil without the section.
    init?(_ scenario: Scenario, _ inputs: inout InputTable, price: Int, unitCost: Int, salvage: Int, channels: ChannelEconomics) {
        keep = channels.keep
        fulfillment = channels.fulfillment
        guard let inventory = scenario.inventory else { return nil }
        skus = scenario.product.skus.enumerated().map { index, sku in
            (sku.name, inputs.bind(sku.share, list: "product.skus", index: index, name: sku.name, key: "share"),
             sku.unitCost.map { inputs.bind($0, list: "product.skus", index: index, name: sku.name, key: "unit_cost") } ?? unitCost, sku.moq)
        }
        self.inputs = inventory
        forecast = inventory.forecast.map { inputs.bind($0, "inventory.forecast") }
        forecastSD = inventory.forecastSD.map { inputs.bind($0, "inventory.forecast_sd") }
        forecastCV = inputs.bind(inventory.forecastCV, "inventory.forecast_cv")
        deposit = inputs.bind(inventory.deposit, "inventory.deposit")
        self.price = price
        self.unitCost = unitCost
        self.salvage = salvage
        // The batch covers at least until an order placed at launch can land (with the user's own
        // forecast, its window is the forecast's).
        let leadDays = inventory.leadTime.days(from: scenario.launch.date)
        coverageRaised = inventory.forecast == nil && leadDays > inventory.coverage.days(from: scenario.launch.date)
        coverage = coverageRaised ? inventory.leadTime : inventory.coverage
        windowDays = Double(coverage.days(from: scenario.launch.date))
        poDate = inventory.leadTime.before(scenario.launch.date)
        poDay = Double(poDate.daysSinceEpoch)
        launch = scenario.launch.date
        arrival = inventory.leadTime.after(poDate)
        arrivalDay = Double(arrival.daysSinceEpoch)
    }

    /// The cost of a missed sale: the contribution a unit sold would have left.
    func underage(price: Double, cost: Double) -> Double {
        ChannelEconomics.contribution(price: price, unitCost: cost, keep: keep, fulfillment: fulfillment)
    }

    /// The critical ratio at the given economics: `service_level` when set, else Cu ÷ (Cu + Co)
    /// with Cu the contribution of a unit sold and Co = cost − salvage.
    func criticalRatio(price: Double, cost: Double, salvage: Double) -> Double {
        inputs.serviceLevel ?? Newsvendor.criticalRatio(underage: underage(price: price, cost: cost), overage: cost - salvage)
            ?? Self.freeOverstockRatio
    }

    /// The ratio when an unsold unit costs nothing (salvage at cost): stock for nearly every case.
    static let freeOverstockRatio = 0.9999

    /// One evaluation: the window's demand, the ratio at this evaluation's economics, and the
    /// outcomes of stocking the decided quantity for retail.
    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, demand: DemandModel, decisions: Decisions) {
        window(v, ws, demand: demand, kolRetail: demand.kolIsRetail(decisions.inPlan))
        let mean = ws[.windowForecastMean], sd = ws[.windowDemandSD]
        ws[.criticalRatio] = criticalRatio(price: v[price], cost: v[unitCost], salvage: v[salvage])
        let outcome = Newsvendor.outcome(quantity: decisions.retailStock, mean: mean, sd: sd)
        ws[.expectedSales] = outcome.expectedSales
        ws[.expectedLeftover] = outcome.expectedLeftover
        ws[.expectedLostSales] = outcome.expectedLostSales
        ws[.fillRate] = outcome.fillRate
        ws[.inStockProbability] = outcome.inStockProbability
        ws[.pledgedUnits] = decisions.pledgedUnits
        ws[.sampleUnits] = decisions.sampleUnits
        ws[.firstBatchUnits] = decisions.batchUnits
        let cost = batchCost(v, decisions)
        ws[.inventoryCash] = cost
        ws[.depositAmount] = cost * v[deposit]
        ws[.poDate] = poDay
        ws[.arrival] = arrivalDay
    }

    /// The window's demand: its mean (the forecast, or the demand model's units in the window:
    /// the curve and the launch's responses) and its standard deviation (the forecast error).
    /// With KOL posts timed to the campaign, also the part of it their buyers make, so that the
    /// decision can leave them out when the campaign, whose backers they then are, is in the plan.
    @inline(__always)
    func window(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, demand: DemandModel, kolRetail: Bool) {
        let mean: Double
        let sd: Double
        if let forecast {
            mean = v[forecast]
            sd = forecastSD.map { v[$0] } ?? v[forecast] * v[forecastCV]
            ws[.windowKOLUnits] = 0
        } else {
            mean = demand.total(windowDays, v, ws, kolRetail: kolRetail)
            // Weeks already sold carry no forecast error.
            sd = (mean - demand.sold(within: windowDays)) * v[forecastCV]
            if demand.kolToCampaign {
                ws[.windowKOLUnits] = kolRetail ? mean - demand.total(windowDays, v, ws, kolRetail: false) : 0
            }
        }
        // The forecast is N(μ, σ); the decision reads μ and σ of each simulated launch. The demand
        // to expect never counts the normal's tail below zero (`Newsvendor.outcome`), so that
        // expected sales and lost sales add up to it.
        let mu = max(0, mean), sigma = max(0, sd)
        ws[.windowForecastMean] = mu
        ws[.windowDemandSD] = sigma
        ws[.windowDemandMean] = sigma > 0 ? mu + sigma * Normal.loss(mu / sigma) : mu
    }

    /// What the first batch costs: its units at the unit cost, or each SKU's units at its own.
    @inline(__always)
    func batchCost(_ v: UnsafeMutablePointer<Double>, _ d: Decisions) -> Double {
        guard !skus.isEmpty, d.skus.count == skus.count else { return d.batchUnits * v[unitCost] }
        var cost = 0.0
        for (sku, order) in zip(skus, d.skus) { cost += Double(order.units) * v[sku.cost] }
        return cost
    }

    /// What a unit of a reorder costs: the unit cost, or the SKUs' costs weighed by their shares.
    @inline(__always)
    func reorderUnitCost(_ v: UnsafeMutablePointer<Double>) -> Double {
        guard !skus.isEmpty else { return v[unitCost] }
        var weight = 0.0, cost = 0.0
        for sku in skus {
            weight += v[sku.share]
            cost += v[sku.share] * v[sku.cost]
        }
        return weight > 0 ? cost / weight : v[unitCost]
    }

    /// The report's view: sources, terms and dates.
    func firstBatch(horizonDays: Double, decisions d: Decisions) -> FirstBatch {
        FirstBatch(demandSource: forecast == nil ? .curve : .forecast,
                   ratioSource: inputs.serviceLevel == nil ? .economics : .serviceLevel,
                   coverage: coverage, windowDays: Int(windowDays),
                   windowPastHorizon: forecast == nil && windowDays > horizonDays,
                   underage: d.underage, overage: d.overage, z: d.z, terms: inputs.terms,
                   retailUnits: OrderTerms.none.rounded(d.retailUnits), beforeTerms: OrderTerms.none.rounded(d.retailUnits + d.pledgedUnits + d.sampleUnits),
                   retailStock: d.retailStock,
                   leadTime: inputs.leadTime, poDate: poDate, arrival: arrival, schedule: d.schedule,
                   coverageRaised: coverageRaised, skus: d.skus)
    }
}

// MARK: Outputs

extension Output.Section {
    /// The first batch, its window and outcomes, and the reorders (`FirstBatchModel`, `Decisions`).
    static let inventory = Output.Section("inventory")
}

extension Output {
    static let windowDemandMean = Output(150, .inventory, "window_demand_mean", "Demand in the first batch's window (mean)", "首批覆盖期需求（均值）", .count,
                                         .mean, ranged: true, compared: true)
    static let windowForecastMean = Output(151, .inventory, "window_forecast_mean", "Forecast of the first batch's window (the normal's mean μ)",
                                           "首批覆盖期需求预测（正态均值 μ）", .count, .decision)
    static let windowDemandSD = Output(152, .inventory, "window_demand_sd", "Demand in the first batch's window (standard deviation)", "首批覆盖期需求（标准差）",
                                       .count, .decision)
    static let windowKOLUnits = Output(153, .inventory, "window_kol_units", "Buyers from KOL posts in the first batch's window", "首批覆盖期内 KOL 内容带来的买家",
                                       .count, ranged: true)
    static let windowDemandP10 = Output(154, .inventory, "window_demand_p10", "Demand in the first batch's window (P10)", "首批覆盖期需求（P10）", .count, .decision)
    static let windowDemandP90 = Output(155, .inventory, "window_demand_p90", "Demand in the first batch's window (P90)", "首批覆盖期需求（P90）", .count, .decision)
    static let criticalRatio = Output(156, .inventory, "critical_ratio", "Critical ratio", "临界比率", .share, .decision, ranged: true)
    static let newsvendorUnits = Output(157, .inventory, "newsvendor_units", "Newsvendor quantity for retail", "零售报童最优量", .number, .decision)
    static let firstBatchUnits = Output(158, .inventory, "first_batch_units", "First batch (units)", "首批数量（件）", .count, .decision, compared: true)
    static let pledgedUnits = Output(159, .inventory, "pledged_units", "Units in the batch owed to backers", "首批中应交付支持者的件数", .count)
    static let sampleUnits = Output(160, .inventory, "sample_units", "Units in the batch for KOL samples and testers", "首批中用作 KOL 样品与内测的件数", .count)
    static let expectedSales = Output(161, .inventory, "expected_sales", "Expected sales in the window", "覆盖期预期销量", .count, .mean, ranged: true)
    static let expectedLeftover = Output(162, .inventory, "expected_leftover", "Expected leftover", "预期剩余", .count, .mean, ranged: true)
    static let expectedLostSales = Output(163, .inventory, "expected_lost_sales", "Expected lost sales", "预期缺货损失销量", .count, .mean, ranged: true)
    static let fillRate = Output(164, .inventory, "fill_rate", "Fill rate (sales ÷ demand)", "满足率（销量 ÷ 需求）", .share, .mean)
    static let inStockProbability = Output(165, .inventory, "in_stock_probability", "In-stock probability", "不断货概率", .share, .mean, ranged: true)
    static let inventoryCash = Output(166, .inventory, "cash", "First batch cash", "首批资金", .money, .decision, compared: true)
    static let depositAmount = Output(167, .inventory, "deposit_amount", "Deposit paid with the purchase order", "下单时支付的订金", .money, ranged: true)
    static let poDate = Output(168, .inventory, "po_date", "Purchase order by", "最晚下单日", .date, compared: true)
    static let arrival = Output(169, .inventory, "arrival", "First batch in the warehouse", "首批入仓", .date)
    static let safetyStock = Output(170, .inventory, "safety_stock", "Safety stock for the reorder", "补货安全库存", .count, .decision)
    static let reorderPoint = Output(171, .inventory, "reorder_point", "Reorder point", "再订货点", .count, .decision)
    static let reorderDate = Output(172, .inventory, "reorder_date", "Reorder by", "补货下单日", .date, .decision, compared: true)
    static let reorderUnits = Output(173, .inventory, "reorder_units", "Reorder (units)", "补货数量（件）", .count, .decision, compared: true)
    static let reorderArrival = Output(174, .inventory, "reorder_arrival", "Reorder in the warehouse", "补货入仓", .date, .decision)
    static let stockoutDate = Output(175, .inventory, "stockout_date", "Stock runs out without a reorder", "不补货时的断货日", .date, .decision)
    static let reorderTotalUnits = Output(176, .inventory, "reorders_units", "Units reordered through the horizon", "计划期内补货总量", .count, .decision,
                                          compared: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let inventoryOutputs: [Output] = [.windowDemandMean, .windowForecastMean, .windowDemandSD, .windowKOLUnits, .windowDemandP10,
                                             .windowDemandP90, .criticalRatio, .newsvendorUnits, .firstBatchUnits, .pledgedUnits, .sampleUnits,
                                             .expectedSales, .expectedLeftover, .expectedLostSales, .fillRate, .inStockProbability, .inventoryCash,
                                             .depositAmount, .poDate, .arrival, .safetyStock, .reorderPoint, .reorderDate, .reorderUnits,
                                             .reorderArrival, .stockoutDate, .reorderTotalUnits]
}
