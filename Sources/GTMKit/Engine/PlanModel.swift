/// The plan's one computation: every section's model, bound to one register file and run in
/// order (market, demand, crowdfunding, first batch, KOL, seed reviews, unit economics). The base
/// case is this computation on the medians; each Monte Carlo trial runs it on its draws. A
/// section reads what an earlier one computed through the workspace's outputs, by id.
struct PlanModel: Sendable {
    let inputs: InputTable
    let economics: EconomicsModel
    let salvage: Int
    let market: MarketModel?
    let demand: DemandModel
    /// True when the report has a demand part (a `demand` section and a size to spread).
    let showsDemand: Bool
    let crowdfunding: CrowdfundingModel?
    let firstBatch: FirstBatchModel?
    let kol: KOLModel?
    let seed: SeedReviewModel?
    let launchDay: Double

    init(_ scenario: Scenario) {
        var table = InputTable()
        economics = EconomicsModel(scenario, &table)
        salvage = table.bind(scenario.product.salvage, "product.salvage")
        market = MarketModel(scenario, &table, price: economics.price)
        demand = DemandModel(scenario, &table, size: market?.sizeOutput)
        showsDemand = scenario.demand != nil && market != nil
        crowdfunding = scenario.crowdfunding == nil ? nil
            : CrowdfundingModel(scenario, &table, fixedCosts: economics.fixedCosts, unitCost: economics.unitCost)
        firstBatch = scenario.inventory == nil ? nil
            : FirstBatchModel(scenario, &table, price: economics.price, unitCost: economics.unitCost, salvage: salvage)
        kol = scenario.kol == nil ? nil : KOLModel(scenario, &table)
        seed = scenario.seedReviews == nil ? nil : SeedReviewModel(scenario, &table, unitCost: economics.unitCost)
        launchDay = Double(scenario.launch.date.daysSinceEpoch)
        inputs = table
    }

    /// One evaluation of the whole plan on the registers of `ws`, with the decisions taken. With
    /// `decisionInputsOnly`, it stops once the decisions' inputs are computed (the market, the
    /// campaign, the first batch's window): the trials the decisions are taken from need no more.
    @inline(__always)
    func run(_ ws: Workspace, _ decisions: Decisions, decisionInputsOnly: Bool = false) {
        let v = ws.registers
        market?.run(v, ws)
        crowdfunding?.run(v, ws)
        if decisionInputsOnly {
            firstBatch?.window(v, ws, demand: demand)
            return
        }
        if showsDemand { demand.run(v, ws) }
        if crowdfunding != nil {
            ws[.recommended] = decisions.recommended ? 1 : 0
            ws[.inPlan] = decisions.inPlan ? 1 : 0
            ws[.goal] = decisions.goal
            ws[.firstTwoDays] = decisions.firstTwoDays
        }
        firstBatch?.run(v, ws, demand: demand, decisions: decisions)
        kol?.run(v, ws)
        seed?.run(v, ws)
        economics.run(v, ws, kol: kol != nil, seed: seed != nil)
        ws[.launchDate] = launchDay
    }

    /// Whether the plan has an output: its section is in the scenario (and, for a few, the key
    /// that gives it).
    func has(_ output: Output) -> Bool {
        switch output.section {
        case .market:
            switch output {
            case .bottomUpUnits, .bottomUpRevenue: return !(market?.channels.isEmpty ?? true)
            default: return market?.topDown != nil
            }
        case .demand: return showsDemand
        case .economics: return output != .unitCostCeiling || economics.targetMargin != nil
        case .inventory: return firstBatch != nil
        case .crowdfunding: return crowdfunding != nil
        case .kol: return kol != nil
        case .seedReviews: return seed != nil
        case .launch: return true
        }
    }

    /// The outputs every trial records: those with a range, of the sections present.
    var rangedOutputs: [Output] { Output.allCases.filter { $0.info.ranged && has($0) } }

    /// What the decisions read from each trial: the window's demand (mean and spread), the
    /// pledges and the minimum raise.
    var decisionOutputs: [Output] {
        (firstBatch != nil ? [.windowDemandMean, .windowDemandSD] : []) + (crowdfunding != nil ? [.pledged, .minimumRaise] : [])
    }

    /// True when the plan takes a decision from simulated distributions.
    var hasDecisions: Bool { firstBatch != nil || crowdfunding != nil }
}
