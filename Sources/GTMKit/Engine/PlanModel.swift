/// The plan's one computation: every section's model, bound to one register file and run in
/// order (market, KOL, ads, crowdfunding, demand, first batch, seed reviews, pilot, unit
/// economics, cash flow). The base case is this computation on the medians; each Monte Carlo trial runs it
/// on its draws. A section reads what an earlier one computed through the workspace's outputs, by id.
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
    /// The marketing levers of the scenario (`Levers.all`), each with its offset in a workspace's
    /// scratch, and the scratch they take in all.
    let levers: [(lever: any Lever, offset: Int)]
    /// The same levers unretained, for the trial loop: `levers` keeps them alive, and calling
    /// through these costs no reference counting per trial.
    let leverRefs: [UnretainedLever]
    /// The levers' parts of demand the plan has (none without a demand part): their buyers.
    private(set) var boughtComponents: [Output] = []
    let scratchCount: Int
    /// What the levers spend, counted in marketing spend, in the levers' order.
    let leverSpend: [Output]
    /// The KOL lever, which other sections read (samples, backers, the pilot's units).
    let kol: KOLModel?
    let seed: SeedReviewModel?
    let pilot: PilotModel?
    let cash: CashModel?
    /// True when the plan has actual sales (the `actuals` outputs are filled in by the planner).
    let actuals: Bool
    /// Each channel's fee, fulfilment, returns, settlement and share of retail sales.
    let channelTerms: ChannelEconomics
    /// `crowdfunding.run`: whether the recommendation decides if the campaign is in the plan.
    let campaignRun: Scenario.CampaignRun
    let launchDay: Double

    /// `actualCumulative`: with actual sales, the weekly cumulative demand they and the
    /// re-forecast give (`ActualsModel`), which the weekly curve, the reorders and the cash use.
    init(_ scenario: Scenario, actualCumulative: [Double]? = nil, soldWeeks: Int = 0) {
        var table = InputTable()
        let channels = ChannelEconomics(scenario)
        channelTerms = channels
        actuals = actualCumulative != nil
        economics = EconomicsModel(scenario, &table, channels: channels)
        salvage = table.bind(scenario.product.salvage, "product.salvage")
        pilot = PilotModel(scenario, &table, productUnitCost: economics.unitCost)
        // Samples and tester units cost what the pilot's cost, or the product's without one.
        let sampleCost = pilot?.unitCost ?? economics.unitCost
        market = MarketModel(scenario, &table, price: economics.price)
        let contribution = ChannelEconomics.contribution(price: scenario.product.price.value, unitCost: scenario.product.unitCost.value,
                                                         keep: channels.keep, fulfillment: channels.fulfillment)
        var context = LeverContext(scenario: scenario, inputs: table, price: economics.price, contribution: contribution,
                                   sampleCost: sampleCost)
        var levers: [(lever: any Lever, offset: Int)] = []
        var scratch = 0
        for kind in Levers.all {
            guard let lever = kind.make(&context) else { continue }
            levers.append((lever, scratch))
            scratch += lever.scratchCount
        }
        table = context.inputs
        self.levers = levers
        leverRefs = levers.map { UnretainedLever($0.lever, offset: $0.offset) }
        scratchCount = scratch
        leverSpend = levers.flatMap(\.lever.spend)
        kol = levers.lazy.compactMap { $0.lever as? KOLModel }.first
        demand = DemandModel(scenario, &table, size: market?.sizeOutput, price: economics.price, levers: levers,
                             channelShares: Dictionary(channels.channels.map { ($0.name, $0.share) }, uniquingKeysWith: +),
                             actualCumulative: actualCumulative, soldWeeks: soldWeeks)
        showsDemand = scenario.demand != nil && market != nil
        crowdfunding = CrowdfundingModel(scenario, &table, fixedCosts: economics.fixedCosts, unitCost: economics.unitCost, price: economics.price,
                                kolBackers: demand.kolToCampaign)
        firstBatch = FirstBatchModel(scenario, &table, price: economics.price, unitCost: economics.unitCost, salvage: salvage,
                              channels: channels)
        seed = SeedReviewModel(scenario, &table, unitCost: sampleCost)
        // The cash flow, when the plan pays for anything beyond fixed costs (or has cash on hand).
        let spends = scenario.inventory != nil || scenario.pilot != nil || scenario.crowdfunding != nil
            || scenario.seedReviews != nil || scenario.cash != nil || !levers.isEmpty
        cash = spends ? CashModel(scenario, &table, economics: economics, channels: channels, demand: demand,
                                  firstBatch: firstBatch, pilot: pilot, levers: levers, sampleCost: sampleCost, seed: seed,
                                  crowdfunding: crowdfunding) : nil
        campaignRun = scenario.crowdfunding?.run ?? .no
        launchDay = Double(scenario.launch.date.daysSinceEpoch)
        inputs = table
        boughtComponents = showsDemand ? Levers.components.filter { has($0) } : []
    }

    /// The steps of one evaluation, so that a pass of trials runs only those whose outputs it
    /// records (and the steps they read): the same code, less of it.
    struct Steps: OptionSet, Sendable {
        let rawValue: Int
        static let market = Steps(rawValue: 1 << 0)
        static let campaign = Steps(rawValue: 1 << 1)
        /// The first batch's window: its demand's mean and spread.
        static let window = Steps(rawValue: 1 << 2)
        static let demand = Steps(rawValue: 1 << 3)
        static let firstBatch = Steps(rawValue: 1 << 4)
        /// Every marketing lever.
        static let levers = Steps(rawValue: 1 << 5)
        static let seed = Steps(rawValue: 1 << 6)
        static let economics = Steps(rawValue: 1 << 7)
        static let pilot = Steps(rawValue: 1 << 8)
        static let cash = Steps(rawValue: 1 << 9)
        static let all: Steps = [.market, .campaign, .window, .demand, .firstBatch, .levers, .seed, .economics, .pilot, .cash]
        /// What demand reads: the market size, and the levers' buyers.
        static let demandInputs: Steps = [.market, .levers]
    }

    /// The steps that compute `outputs`, with the steps each of them reads.
    static func steps(for outputs: [Output]) -> Steps {
        var steps: Steps = []
        for output in outputs {
            switch output.section {
            case .market, .launch: steps.insert(.market)
            case .demand: steps.formUnion(Steps.demandInputs.union(.demand))
            case .crowdfunding: steps.formUnion([.campaign, .levers])
            case .inventory:
                steps.formUnion(Steps.demandInputs.union(.window))
                if ![.windowDemandMean, .windowForecastMean, .windowDemandSD, .windowKOLUnits].contains(output) {
                    steps.formUnion([.campaign, .firstBatch])
                }
            case .seedReviews: steps.insert(.seed)
            case .pilot: steps.formUnion([.levers, .seed, .pilot])
            case .economics: steps.formUnion([.levers, .seed, .pilot, .economics])
            case .cash: steps = .all
            case .actuals: break
            default: if isLeverOutput(output) { steps.insert(.levers) }
            }
        }
        return steps
    }

    /// One evaluation of the plan on the registers of `ws`, with the decisions taken: every step,
    /// or the `steps` a pass of trials needs.
    @inline(__always)
    func run(_ ws: Workspace, _ decisions: Decisions, steps: Steps = .all) {
        let v = ws.registers
        if steps.contains(.market) { market?.run(v, ws) }
        if steps.contains(.levers) {
            for lever in leverRefs { lever.run(v, ws) }
        }
        if steps.contains(.campaign), let crowdfunding {
            crowdfunding.run(v, ws)
            ws[.recommended] = decisions.recommended ? 1 : 0
            ws[.inPlan] = decisions.inPlan ? 1 : 0
            ws[.goal] = decisions.goal
            ws[.firstTwoDays] = decisions.firstTwoDays
        }
        let kolRetail = demand.kolIsRetail(decisions.inPlan)
        if steps.contains(.demand), showsDemand { demand.run(v, ws, kolRetail: kolRetail) }
        if steps.contains(.firstBatch) {
            firstBatch?.run(v, ws, demand: demand, decisions: decisions)
        } else if steps.contains(.window) {
            firstBatch?.window(v, ws, demand: demand, kolRetail: kolRetail)
        }
        if steps.contains(.seed) { seed?.run(v, ws, campaignInPlan: decisions.inPlan) }
        if steps.contains(.pilot) { pilot?.run(v, ws, kol: kol != nil, seed: seed != nil) }
        if steps.contains(.economics) {
            // What a first buyer brings over the horizon (repeats included), and what marketing pays for one.
            let units = showsDemand ? ws[.horizonUnits] : 0, repeated = demand.repurchase != nil && showsDemand ? ws[.repeatUnits] : 0
            var bought = 0.0
            for component in boughtComponents { bought += ws[component] }
            economics.run(v, ws, spend: leverSpend, seed: seed != nil, pilot: pilot,
                          purchasesPerBuyer: units > repeated && repeated > 0 ? units / (units - repeated) : 1, leverBuyers: bought)
        }
        if steps.contains(.cash) { cash?.run(v, ws, decisions, pilot: pilot != nil, seed: seed != nil) }
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
        case .demand:
            // With actual sales, the parts of the plan's demand no longer add up to it.
            if actuals, ([.baselineUnits, .eventUnits, .seasonUnits, .priceEffectUnits] + Levers.components).contains(output) { return false }
            if Self.isLeverOutput(output) { return showsDemand && demand.components.contains(output) }
            switch output {
            case .eventUnits: return showsDemand && !demand.events.isEmpty
            case .priceEffectUnits: return showsDemand && demand.respondsToPrice
            case .repeatUnits: return showsDemand && demand.repurchase != nil
            case .seasonUnits: return showsDemand && !demand.seasons.isEmpty
            default: return showsDemand
            }
        case .economics: return output != .unitCostCeiling || economics.targetMargin != nil
        case .inventory: return firstBatch != nil && (output != .windowKOLUnits || demand.kolToCampaign)
        case .pilot: return pilot != nil
        case .crowdfunding: return crowdfunding != nil
        case .seedReviews: return seed != nil
        case .actuals: return actuals
        case .cash: return cash != nil && (![Output.clearanceUnits, .clearanceCash].contains(output) || cash?.clearanceDay != nil)
            && (output != .stockLeft || firstBatch != nil)
        case .launch: return true
        default: return levers.contains { type(of: $0.lever).outputs.contains(output) }
        }
    }

    /// True for an output a lever makes: one of its section's, or its part of demand.
    static func isLeverOutput(_ output: Output) -> Bool {
        Levers.all.contains { $0.outputs.contains(output) } || Levers.components.contains(output)
    }

    /// The outputs every trial records: those with a range, of the sections present, that the
    /// uncertain inputs move. Which ones they move is found by evaluating the plan with every
    /// uncertain input at its P10 and then at its P90 beside the base case (`base`): an output
    /// equal in all three does not depend on them, and a column of one value costs memory and a
    /// pass for nothing. The outputs the JSON always summarizes (`Output.alwaysSummarized`) are
    /// recorded even so.
    func rangedOutputs(base: Workspace, decisions: Decisions) -> [Output] {
        let candidates = Output.all.filter { $0.info.ranged && has($0) }
        let ws = Workspace(self)
        var moved = Set<Output>()
        for low in [true, false] {
            ws.registers.update(from: base.registers, count: inputs.count)
            for input in inputs.uncertain { ws.registers[input.slot] = low ? input.p10 : input.p90 }
            run(ws, decisions)
            for output in candidates where !(ws[output] == base[output] || (ws[output].isNaN && base[output].isNaN)) {
                moved.insert(output)
            }
        }
        // The averages over the simulated launches add up (sales + lost sales = demand; sales +
        // leftover = the units ordered): one recorded (moved, or always summarized), all are
        // averaged, even those that move only in the tails the P10 and P90 evaluations miss.
        let recorded = candidates.filter { moved.contains($0) || Output.alwaysSummarized.contains($0) }
        guard recorded.contains(where: { $0.info.central == .mean }) else { return recorded }
        return candidates.filter { recorded.contains($0) || $0.info.central == .mean }
    }

    /// What the decisions read from each trial: the window's demand (mean and spread), the
    /// pledges and the minimum raise.
    var decisionOutputs: [Output] {
        (firstBatch != nil ? [.windowForecastMean, .windowDemandSD] : [])
            + (firstBatch != nil && demand.kolToCampaign ? [.windowKOLUnits] : [])
            + (crowdfunding != nil ? [.pledged, .minimumRaise] : [])
    }

    /// What one evaluation reads and writes, for the work budget: the registers, the demand
    /// curve's weeks (each with every sales event's share and every KOL post's and ad flight's
    /// arrivals), the cash flow's weeks (three numbers each), and the KOL lines, channels and
    /// reward tiers. Every per-trial cost a scenario can make large is counted, so that no list
    /// (100 sales events, 10,000 creators) escapes the budget.
    var workPerTrial: Int {
        let weeks = demand.weekEnds.count
        // Repeat purchase: each week end sums a first-purchase term per repeat date before it.
        let repeats = demand.repurchase.map { Int(demand.horizonDays / max($0.days, 1)) } ?? 0
        return inputs.count + 3 * (cash?.weeks ?? 0) + weeks * (2 + demand.lifts.count + demand.responses.count) * (1 + repeats)
            + (kol?.lineCount ?? 0) + (market?.channels.count ?? 0) + (crowdfunding?.tierCount ?? 0)
    }

    /// True when the plan takes a decision from simulated distributions.
    var hasDecisions: Bool { firstBatch != nil || crowdfunding != nil }
}
