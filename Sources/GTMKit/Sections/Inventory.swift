/// `inventory`: the first production batch and the terms it is ordered on.
extension Scenario {
    struct Inventory: Sendable {
        var leadTime: Period
        var coverage: Period
        /// Replaces the critical ratio when given (not uncertain: a target the user sets).
        var serviceLevel: Double?
        var forecast: Quantity?
        var forecastSD: Quantity?
        var forecastCV: Quantity
        /// The MOQ and the case pack every order obeys.
        var terms: OrderTerms
        /// Share of a purchase order paid when it is placed; the rest when goods leave the factory.
        var deposit: Quantity
        /// Factory to warehouse, part of the lead time: the balance is paid this long before arrival.
        var freight: Period

        /// The key that replaces the critical ratio (the optimiser names the rule's value for it).
        static let serviceLevelKey = "inventory.service_level"
    }
}

extension Schema {
    static let inventoryFields: [Field] = [
        Field("inventory", .section, "The first production batch (newsvendor).", zh: "首批生产数量（报童模型）。"),
        Field("inventory.lead_time", .value(.period), example: "6 weeks", required: true,
              "Purchase order to sellable units in the warehouse.", zh: "从下采购单到可售库存入仓的时间。"),
        Field("inventory.coverage", .value(.period), example: "10 weeks", note: "inventory.lead_time",
              "How long the first batch must last.", zh: "首批库存需覆盖的时长。"),
        Field(Scenario.Inventory.serviceLevelKey, .value(.share), example: "90%", uncertain: false, bounds: 0.005...0.9999,
              note: "the newsvendor critical ratio",
              "Chance of not running out; replaces the critical ratio from price, cost and salvage.",
              zh: "不断货的概率；替代由价格、成本、残值算出的临界比率。"),
        Field("inventory.forecast", .value(.count), example: "5000",
              "Your own demand forecast for the coverage window, instead of the curve.", zh: "您对覆盖期需求的自有预测（替代曲线）。"),
        Field("inventory.forecast_sd", .value(.count), example: "1500", note: "forecast × forecast_cv",
              "Standard deviation of the window's demand.", zh: "覆盖期需求的标准差。"),
        Field("inventory.forecast_cv", .value(.share), bounds: 0...3, default: "30%",
              "Spread of the window's demand as a share of its mean; may exceed 100%.",
              zh: "覆盖期需求的变异系数；可超过 100%。"),
        Field("inventory.moq", .value(.integer), default: "0", "Minimum order quantity.", zh: "最小起订量。"),
        Field("inventory.case_pack", .value(.integer), bounds: 1...Limits.magnitude, default: "1",
              "Order in multiples of this.", zh: "按此数的整数倍下单（箱规）。"),
        Field("inventory.pallet", .value(.integer), example: "480", bounds: 1...Limits.magnitude, note: "no pallets",
              "Units per pallet (a multiple of the case pack): every order is rounded up to whole pallets.",
              zh: "每托盘件数（箱规的整数倍）：每笔订单向上取整到整托盘。"),
        Field("inventory.deposit", .value(.share), default: "30%",
              "Share of a purchase order paid when it is placed (T/T deposit); the balance is paid when the goods leave the factory.",
              zh: "下采购单时支付的订金比例（电汇订金）；尾款在货物出厂时支付。"),
        Field("inventory.freight", .value(.period), default: "0 days",
              "Factory to warehouse, part of the lead time: the balance is paid when the goods leave the factory, this long before they arrive.",
              zh: "出厂到入仓的运输时间（含在交期内）：尾款在出厂时、即到货前这段时间支付。"),
    ]
}

extension ScenarioDecoder {
    mutating func inventory(_ section: Section) -> Scenario.Inventory? {
        let leadTime = period("lead_time", in: section)
        let coverage = period("coverage", in: section)
        if coverage == nil, let leadTime, !section.isAbsent {
            inputs.append(InputRecord(path: "inventory.coverage", text: leadTime.description, origin: .defaulted,
                                      isUncertain: false))
        }
        let forecast = quantity("forecast", in: section)
        let forecastSD = quantity("forecast_sd", in: section)
        if forecastSD != nil, forecast == nil {
            report("`forecast_sd` needs `forecast`", at: marks["inventory.forecast_sd"] ?? section.mark,
                   hint: "give your forecast of the window's demand too, or remove `forecast_sd` to use the curve")
        }
        let cv = quantity("forecast_cv", in: section)
        let moq = integer("moq", in: section)
        let casePack = integer("case_pack", in: section)
        let pallet = integer("pallet", in: section)
        if let pallet, let casePack, casePack > 0, pallet % casePack != 0 {
            report("`pallet` (\(pallet)) is not a whole number of cartons of \(casePack)", at: marks["inventory.pallet"] ?? section.mark,
                   hint: "give the units on a full pallet: cartons per pallet × `case_pack`")
        }
        let deposit = quantity("deposit", in: section)
        let freight = period("freight", in: section)
        if let freight, let leadTime, freight.averageDays > leadTime.averageDays {
            report("`freight` (\(freight)) is part of `lead_time` (\(leadTime)) and cannot be longer", at: marks["inventory.freight"] ?? section.mark,
                   hint: "give the days from the factory to the warehouse, at most the lead time")
        }
        guard let leadTime, let cv, let moq, let casePack, let deposit, let freight else { return nil }
        return .init(leadTime: leadTime, coverage: coverage ?? leadTime,
                     serviceLevel: quantity("service_level", in: section)?.value,
                     forecast: forecast, forecastSD: forecastSD, forecastCV: cv, terms: OrderTerms(moq: moq, casePack: casePack, pallet: pallet),
                     deposit: deposit, freight: freight)
    }

    /// The first batch needs a demand: a forecast, or a market or channels to draw the curve from.
    mutating func checkDemandSource(inventory: Scenario.Inventory?, hasMarket: Bool, hasChannels: Bool) {
        guard let inventory, inventory.forecast == nil, !hasMarket, !hasChannels,
              let pair = root.pairs?.first(where: { $0.key == "inventory" }) else { return }
        report("the first batch needs a demand to cover", at: pair.keyMark,
               hint: "add `forecast:` to `inventory`, or a `market` or `channels` section to draw the sales curve from")
    }
}
