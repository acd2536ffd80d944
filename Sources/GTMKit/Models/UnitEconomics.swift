/// The unit-economics model (see README, "Unit economics"): margin at the core price point, the
/// contribution a unit leaves after channel fees, returns and fulfilment, the units whose
/// contribution pays back fixed costs and marketing, and the unit-cost ceiling of a target margin.
final class EconomicsModel: Sendable {
    let price: Int, unitCost: Int, fixedCosts: Int
    let targetMargin: Int?
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
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kol: Bool, ads: Bool, seed: Bool, pilot: PilotModel?) {
        let price = v[self.price]
        let margin = price - v[unitCost]
        let marketing = (kol ? ws[.kolCost] + ws[.kolSampleCost] : 0) + (ads ? ws[.adsCost] : 0) + (seed ? ws[.testerCost] : 0)
        let launchCosts = v[fixedCosts] + (pilot.map { v[$0.extra] * v[$0.unitCost] } ?? 0)
        ws[.unitMargin] = margin
        ws[.grossMargin] = price > 0 ? margin / price : .nan
        ws[.marketingSpend] = marketing
        let contribution = ChannelEconomics.contribution(price: price, unitCost: v[unitCost], keep: keep, fulfillment: fulfillment)
        ws[.contributionMargin] = contribution
        ws[.breakEvenUnits] = contribution > 0 ? (launchCosts + marketing) / contribution : .nan
        ws[.unitCostCeiling] = targetMargin.map { price * (1 - v[$0]) } ?? .nan
    }
}
