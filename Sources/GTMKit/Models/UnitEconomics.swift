/// Money per unit at the core price point, and what it takes to break even.
public struct UnitEconomics: Sendable, Equatable {
    public var price: Double
    public var unitCost: Double
    /// price − unit cost.
    public var unitMargin: Double
    /// unit margin ÷ price; nil at a zero price.
    public var grossMargin: Double?
    public var fixedCosts: Double
    /// Marketing spend the plan knows of (KOL fees, seed-review units), counted for break-even.
    public var marketingSpend: Double
    /// (fixed costs + marketing spend) ÷ unit margin; nil when a unit earns nothing.
    public var breakEvenUnits: Double?
    public var targetMargin: Double?
    /// price × (1 − target margin): the most a unit may cost and keep the target.
    public var unitCostCeiling: Double?
}

/// The unit-economics model (see README, "Unit economics").
public enum EconomicsModel {
    public static func economics(_ product: Scenario.Product, marketingSpend: Double = 0) -> UnitEconomics {
        let price = product.price.value
        let cost = product.unitCost.value
        let margin = price - cost
        let fixed = product.fixedCosts.value
        let target = product.targetMargin?.value
        return UnitEconomics(price: price, unitCost: cost, unitMargin: margin,
                             grossMargin: price > 0 ? margin / price : nil,
                             fixedCosts: fixed, marketingSpend: marketingSpend,
                             breakEvenUnits: margin > 0 ? (fixed + marketingSpend) / margin : nil,
                             targetMargin: target, unitCostCeiling: target.map { price * (1 - $0) })
    }
}
