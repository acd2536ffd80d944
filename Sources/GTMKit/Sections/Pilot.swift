/// `pilot`: a pre-production run that supplies KOL samples and tester units before the first
/// batch exists, and extra units for photography and certification.
extension Scenario {
    struct Pilot: Sendable {
        var ready: CivilDate
        /// Per unit; nil: the product's unit cost.
        var unitCost: Quantity?
        var extra: Quantity
    }
}

extension Schema {
    static let pilotFields: [Field] = [
        Field("pilot", .section,
              "A pre-production (pilot) run: KOL samples and tester units come from it, not from the first batch.",
              zh: "试产批次：KOL 样品与内测用户的产品来自试产，而非首批。"),
        Field("pilot.ready", .value(.date), example: "2027-01-20", required: true,
              "Day the pilot units are available to ship.", zh: "试产产品可发货的日期。"),
        Field("pilot.unit_cost", .value(.money), example: "180", note: "product.unit_cost",
              "Cost per pilot unit (often above the batch's).", zh: "试产单件成本（通常高于量产）。"),
        Field("pilot.extra", .value(.count), default: "0",
              "Units beyond samples and testers: photography, certification, spares.", zh: "样品与内测之外的件数：拍摄、认证、备用。"),
    ]
}

extension ScenarioDecoder {
    mutating func pilot(_ section: Section) -> Scenario.Pilot? {
        let ready = date("ready", in: section)
        let unitCost = quantity("unit_cost", in: section)
        let extra = quantity("extra", in: section)
        guard let ready, let extra else { return nil }
        return .init(ready: ready, unitCost: unitCost, extra: extra)
    }
}
