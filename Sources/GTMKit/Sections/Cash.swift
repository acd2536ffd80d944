/// `cash`: the money available for the launch.
extension Scenario {
    struct Cash: Sendable {
        var onHand: Quantity
    }
}

extension Schema {
    static let cashFields: [Field] = [
        Field("cash", .section, "Cash for the launch: what is on hand when the first payment is due.",
              zh: "上市资金：首笔付款时的现有资金。"),
        Field("cash.on_hand", .value(.money), default: "0",
              "Cash available for the launch; the funding gap is the peak need beyond it.",
              zh: "可用于上市的现金；资金缺口为峰值资金需求超出它的部分。"),
    ]
}

extension ScenarioDecoder {
    mutating func cash(_ section: Section) -> Scenario.Cash? {
        quantity("on_hand", in: section).map { Scenario.Cash(onHand: $0) }
    }
}
