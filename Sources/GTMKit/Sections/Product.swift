/// `product` and `launch`: what is sold, at what price and cost, from which day.
extension Scenario {
    struct Product: Sendable {
        var name: String
        var price: Quantity
        var unitCost: Quantity
        var salvage: Quantity
        var fixedCosts: Quantity
        /// When the fixed costs are paid; nil: with the first purchase order.
        var fixedCostsDue: CivilDate?
        var targetMargin: Quantity?
        /// An introductory price (首发价) for the first `launchPriceWeeks` after launch.
        var launchPrice: Quantity?
        var launchPriceWeeks: Period
        /// Buyers who buy again (consumables, refills); nil: each buyer buys once.
        var repurchase: Repurchase? = nil
        /// The variants the factory makes (colours, sizes); empty: one SKU.
        var skus: [SKU] = []
    }

    /// One variant: its share of demand (may be uncertain), its own unit cost and minimum order.
    struct SKU: Sendable {
        var name: String
        var share: Quantity
        var unitCost: Quantity?
        var moq: Int
    }

    /// A first buyer buys again every `interval` with chance `share` each time (a geometric chain:
    /// the k-th repeat with share^k); `subscription` of first buyers repeat every interval to the
    /// horizon's end.
    struct Repurchase: Sendable {
        var interval: Period
        var share: Quantity
        var subscription: Quantity
        /// What a subscriber pays a delivery; nil: the price of the day.
        var subscriptionPrice: Quantity? = nil
    }

    struct Launch: Sendable {
        var date: CivilDate
    }
}

extension Schema {
    static let productFields: [Field] = [
        Field("product", .section, required: true, "The product: price and costs.", zh: "产品：价格与成本。"),
        Field("product.name", .value(.text), example: "Aurora Lamp", required: true, "The product's name.", zh: "产品名称。"),
        Field("product.price", .value(.money), example: "399", required: true, "Retail price per unit (the core price point).",
              zh: "单件零售价（核心价位）。"),
        Field("product.unit_cost", .value(.money), example: "142", required: true, "Landed cost per unit.", zh: "单件到岸成本。"),
        Field("product.salvage", .value(.money), default: "0",
              "Value of an unsold unit at clearance; must stay below the unit cost.",
              zh: "未售出单件清仓时的残值；须低于单件成本。"),
        Field("product.fixed_costs", .value(.money), default: "0",
              "One-off launch costs (tooling, certification), for break-even and the crowdfunding minimum raise.",
              zh: "一次性上市成本（模具、认证），用于盈亏平衡与众筹最低筹款额。"),
        Field("product.fixed_costs_due", .value(.date), example: "2027-01-15", note: "the first purchase order's date",
              "When the fixed costs are paid (the cash flow).", zh: "一次性成本的支付日期（用于现金流）。"),
        Field("product.target_margin", .value(.share), example: "60%", bounds: 0...0.9999,
              "Gross margin the price must keep; gives the highest unit cost that keeps it.",
              zh: "价格须保持的毛利率；据此给出单件成本上限。"),

        Field("product.launch_price", .value(.money), example: "349",
              """
              Introductory price (首发价) for the first weeks after launch: with `demand.elasticity` it moves demand, and it is what those weeks' \
              sales bring in.
              """,
              zh: "首发价：上市最初几周的价格；配合 `demand.elasticity` 影响需求，也是这几周的实收单价。"),
        Field("product.launch_price_weeks", .value(.period), bounds: 1...Double(Limits.durationDays), default: "2 weeks",
              "How long the launch price lasts.", zh: "首发价持续时间。"),

        Field("product.repurchase", .section,
              "Buyers who buy again (consumables, refills): repeat orders that join demand, reorders and cash.",
              zh: "复购（耗材、替换装）：复购订单计入需求、补货与现金流。"),
        Field("product.repurchase.interval", .value(.period), example: "4 months", required: true, bounds: 1...Double(Limits.durationDays),
              "Time between one buyer's purchases.", zh: "同一买家两次购买的间隔。"),
        Field("product.repurchase.share", .value(.share), example: "40%", required: true,
              "Chance a buyer buys again after each interval: a first buyer in week t buys again in t + k·interval with share^k.",
              zh: "每个间隔后再次购买的概率：第 t 周的首购买家在 t + k·间隔 复购的概率为 share^k。"),
        Field("product.repurchase.subscription", .value(.share), default: "0%",
              "Share of first buyers on a subscription: they repeat every interval until the horizon ends.",
              zh: "订阅的首购买家占比：每个间隔复购一次，直至计划期结束。"),

        Field("product.repurchase.subscription_price", .value(.money), example: "52", note: "the price of the day",
              "What a subscriber pays a delivery (subscribe-and-save); the other repeats pay the price of the day.",
              zh: "订阅用户每次配送的价格（订阅优惠价）；其他复购按当日价格。"),

        Field("product.skus", .list(itemKey: "name"),
              """
              The variants the factory makes (colours, sizes): each SKU's first batch is a newsvendor on its share of the window's demand, \
              the order's MOQ shared.
              """,
              zh: "工厂生产的规格（颜色、尺码）：每个 SKU 的首批按其需求占比单独用报童模型计算，整单起订量共享。"),
        Field("product.skus[].name", .value(.text), example: "Walnut", required: true, "SKU name.", zh: "SKU 名称。"),
        Field("product.skus[].share", .value(.share), example: "50%", required: true,
              "Its share of demand; the shares add up to 100% (rescaled to exactly 100%). A range widens its batch.",
              zh: "其需求占比；各 SKU 合计 100%。区间会加大该 SKU 的首批。"),
        Field("product.skus[].unit_cost", .value(.money), example: "150", note: "product.unit_cost",
              "Its landed cost per unit: its critical ratio and what its units cost in the batch.", zh: "其单件到岸成本：用于其临界比率与首批货款。"),
        Field("product.skus[].moq", .value(.integer), default: "0", "Minimum order of this SKU in each purchase order.",
              zh: "每张采购单中此 SKU 的最小起订量。"),

        Field("launch", .section, required: true, "The public retail launch.", zh: "正式零售上市。"),
        Field("launch.date", .value(.date), example: "2027-09-01", required: true, "Public retail launch day.", zh: "正式上市日。"),
    ]
}

extension ScenarioDecoder {
    mutating func product(_ section: Section) -> Scenario.Product? {
        let name = text("name", in: section)
        let price = quantity("price", in: section)
        let unitCost = quantity("unit_cost", in: section)
        let salvage = quantity("salvage", in: section)
        let fixedCosts = quantity("fixed_costs", in: section)
        let targetMargin = quantity("target_margin", in: section)
        if let unitCost, let salvage, salvage.value >= unitCost.value, unitCost.value > 0 || salvage.value > 0 {
            report("`salvage` (\(Format.shortest(salvage.value))) must be below `unit_cost` (\(Format.shortest(unitCost.value)))",
                   at: marks["product.salvage"] ?? section.mark,
                   hint: """
                       an unsold unit worth its cost makes overstock free, so the first batch would have no limit; write the clearance value of an \
                       unsold unit
                       """)
        }
        let launchPrice = quantity("launch_price", in: section)
        // Its length is read only with a launch price (the inputs list it then).
        let launchWeeks = launchPrice == nil ? Period.weeks(2) : period("launch_price_weeks", in: section)
        var repurchase: Scenario.Repurchase?
        if let repeats = self.section("repurchase", in: section) {
            let interval = period("interval", in: repeats), share = quantity("share", in: repeats)
            let subscription = quantity("subscription", in: repeats)
            let subscriptionPrice = quantity("subscription_price", in: repeats)
            if let interval, let share, let subscription {
                repurchase = .init(interval: interval, share: share, subscription: subscription, subscriptionPrice: subscriptionPrice)
            }
        }
        let skus = self.skus(in: section)
        guard let name, let price, let unitCost, let salvage, let fixedCosts, let launchWeeks else { return nil }
        return .init(name: name, price: price, unitCost: unitCost, salvage: salvage, fixedCosts: fixedCosts,
                     fixedCostsDue: date("fixed_costs_due", in: section), targetMargin: targetMargin,
                     launchPrice: launchPrice, launchPriceWeeks: launchWeeks, repurchase: repurchase, skus: skus)
    }

    /// `product.skus`: names, shares that add up to 100% (as written, the ranges' medians), costs and MOQs.
    mutating func skus(in section: Section) -> [Scenario.SKU] {
        var skus: [Scenario.SKU] = []
        for item in list("skus", in: section) ?? [] {
            let name = text("name", in: item), share = quantity("share", in: item), moq = integer("moq", in: item)
            let cost = quantity("unit_cost", in: item)
            guard let name, let share, let moq else { continue }
            skus.append(.init(name: name, share: share, unitCost: cost, moq: moq))
        }
        // The shares are rescaled to 100% (a tornado row or a `--set` moves one); far from it is a slip.
        let total = skus.reduce(0) { $0 + $1.share.value }
        if !skus.isEmpty, !(0.5...1.5).contains(total) {
            report("the SKUs' shares add up to \(Format.shortest((total * 1000).rounded() / 10))%, far from 100%",
                   at: marks["product.skus[\(skus[0].name)].share"] ?? section.mark,
                   hint: "give each SKU its share of demand so that they add up to 100% (gtm rescales them to exactly 100%)")
        }
        return skus
    }
}
