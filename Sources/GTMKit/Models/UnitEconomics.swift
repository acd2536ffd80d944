/// The unit-economics model (see the Models article, "Unit economics"): margin at the core price point, the
/// contribution a unit leaves after channel fees, returns and fulfilment, the units whose
/// contribution pays back fixed costs and marketing, and the unit-cost ceiling of a target margin.
final class EconomicsModel: Sendable {
    let price: Int, unitCost: Int, fixedCosts: Int
    let targetMargin: Int?
    /// The highest unit cost at which `price` keeps `targetMargin` of gross margin.
    static func unitCostCeiling(price: Double, targetMargin: Double) -> Double { price * (1 - targetMargin) }

    /// What the channels keep of a unit's price, on average, and its fulfilment.
    let keep: Double, fulfillment: Double

    init(_ scenario: Scenario, _ inputs: inout InputTable, channels: ChannelEconomics) {
        keep = channels.keep
        fulfillment = channels.fulfillment
        let product = scenario.product
        price = inputs.bind(product.price, "product.price")
        unitCost = inputs.bind(product.unitCost, "product.unit_cost")
        fixedCosts = inputs.bind(product.fixedCosts, "product.fixed_costs")
        targetMargin = product.targetMargin.map { inputs.bind($0, "product.target_margin") }
    }

    /// After the sections whose spending it counts: KOL fees and samples, ads, tester units, and the
    /// pilot's extra units (photography, certification), a launch cost.
    @inline(__always)
    /// `purchasesPerBuyer`: units a first buyer buys within the horizon (1 without repeat
    /// purchase); `leverBuyers`: the buyers the marketing levers bring.
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, spend: [Output], seed: Bool, pilot: PilotModel?,
             purchasesPerBuyer: Double = 1, leverBuyers: Double = 0) {
        let price = v[self.price]
        let margin = price - v[unitCost]
        // What the levers spend (`Lever.spend`, in the levers' order), then the tester units.
        var marketing = 0.0
        for output in spend { marketing += ws[output] }
        if seed { marketing += ws[.testerCost] }
        let launchCosts = v[fixedCosts] + (pilot.map { v[$0.extra] * v[$0.unitCost] } ?? 0)
        ws[.unitMargin] = margin
        ws[.grossMargin] = price > 0 ? margin / price : .nan
        ws[.marketingSpend] = marketing
        let contribution = ChannelEconomics.contribution(price: price, unitCost: v[unitCost], keep: keep, fulfillment: fulfillment)
        ws[.contributionMargin] = contribution
        ws[.breakEvenUnits] = contribution > 0 ? (launchCosts + marketing) / contribution : .nan
        ws[.unitCostCeiling] = targetMargin.map { Self.unitCostCeiling(price: price, targetMargin: v[$0]) } ?? .nan
        ws[.lifetimeValue] = contribution * purchasesPerBuyer
        // Without a buyer from the levers (under a millionth of one), no cost per buyer: a vanishing
        // count would make it overflow, and its mean over the trials with it.
        ws[.acquisitionCost] = leverBuyers >= 1e-6 ? marketing / leverBuyers : .nan
    }
}

// MARK: Outputs

extension Output.Section {
    /// Margins, break-even and the unit-cost ceiling (`EconomicsModel`).
    static let economics = Output.Section("economics")
}

extension Output {
    static let unitMargin = Output(100, .economics, "unit_margin", "Unit margin", "单件毛利", .money, ranged: true, compared: true, signed: true)
    static let grossMargin = Output(101, .economics, "gross_margin", "Gross margin", "毛利率", .share, ranged: true, signed: true, never: true)
    static let contributionMargin = Output(102, .economics, "contribution_margin", "Contribution per unit", "单件边际贡献", .money, ranged: true,
                                           compared: true, signed: true)
    static let breakEvenUnits = Output(103, .economics, "break_even_units", "Break-even (units, on contribution)", "盈亏平衡（件，按边际贡献）", .unitsNeeded,
                                       ranged: true, compared: true, never: true)
    static let unitCostCeiling = Output(104, .economics, "unit_cost_ceiling", "Highest unit cost that keeps the target margin", "保持目标毛利的单件成本上限",
                                        .money, ranged: true)
    static let marketingSpend = Output(105, .economics, "marketing_spend", "Marketing spend in this plan", "本计划营销支出", .money, ranged: true)
    static let lifetimeValue = Output(106, .economics, "ltv", "Contribution a first buyer brings over the horizon (LTV)", "首购买家在计划期内的边际贡献（LTV）",
                                      .money, ranged: true, signed: true)
    /// A launch whose levers bring no buyer has no CAC: it may never happen in a trial.
    static let acquisitionCost = Output(107, .economics, "cac", "Marketing spend per buyer it brings (CAC)", "营销带来每位买家的成本（CAC）", .money,
                                        ranged: true, never: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let economicsOutputs: [Output] = [.unitMargin, .grossMargin, .contributionMargin, .breakEvenUnits, .unitCostCeiling, .marketingSpend,
                                             .lifetimeValue, .acquisitionCost]
}
