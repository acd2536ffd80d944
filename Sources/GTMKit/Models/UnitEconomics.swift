/// The unit-economics model (see README, "Unit economics"): margin at the core price point, the
/// units that pay back fixed costs and marketing, and the unit-cost ceiling of a target margin.
final class EconomicsModel: Sendable {
    let price: Int, unitCost: Int, fixedCosts: Int
    let targetMargin: Int?

    init(_ scenario: Scenario, _ inputs: inout InputTable) {
        let product = scenario.product
        price = inputs.bind(product.price, "product.price")
        unitCost = inputs.bind(product.unitCost, "product.unit_cost")
        fixedCosts = inputs.bind(product.fixedCosts, "product.fixed_costs")
        targetMargin = product.targetMargin.map { inputs.bind($0, "product.target_margin") }
    }

    /// After the sections whose spending it counts: KOL fees and samples, tester units, and the
    /// pilot's extra units (photography, certification), a launch cost.
    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kol: Bool, seed: Bool, pilot: PilotModel?) {
        let price = v[self.price]
        let margin = price - v[unitCost]
        let marketing = (kol ? ws[.kolCost] + ws[.kolSampleCost] : 0) + (seed ? ws[.testerCost] : 0)
        let launchCosts = v[fixedCosts] + (pilot.map { v[$0.extra] * v[$0.unitCost] } ?? 0)
        ws[.unitMargin] = margin
        ws[.grossMargin] = price > 0 ? margin / price : .nan
        ws[.marketingSpend] = marketing
        ws[.breakEvenUnits] = margin > 0 ? (launchCosts + marketing) / margin : .nan
        ws[.unitCostCeiling] = targetMargin.map { price * (1 - v[$0]) } ?? .nan
    }
}
