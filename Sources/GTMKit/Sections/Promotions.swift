/// `promotions`: price promotions over dates (a Black Friday discount, 双11 满减, a 618 coupon, a
/// 定金/尾款 presale). Each sets a price on its days for its channels: demand moves through the
/// elasticity, each unit sold there brings the promotion's price, and a presale's deposit is
/// received on its date. The model is `DemandModel.PriceWindow` and the cash flow's retail loop.
extension Scenario {
    struct Promotion: Sendable {
        var name: String
        var start: CivilDate
        /// The promotion's last day.
        var end: CivilDate
        /// The price: a discount off the list price, or a price.
        var discount: Quantity?
        var price: Quantity?
        /// The channels it prices (names); empty: every channel.
        var channels: [String]
        /// A presale: the deposit per unit, paid on `depositDate`; the balance is paid at `start`.
        var deposit: Quantity?
        var depositDate: CivilDate?
    }
}

extension Schema {
    static let promotionFields: [Field] = [
        Field("promotions", .list(itemKey: "name"),
              "Price promotions (Black Friday, 双11 满减, a 618 coupon, a 定金/尾款 presale): a price on some days, for some channels.",
              zh: "价格促销（黑五、双11 满减、618 优惠券、定金/尾款预售）：某些日期、某些渠道的价格。"),
        Field("promotions[].name", .value(.text), example: "Double 11", required: true, "Promotion name.", zh: "促销名称。"),
        Field("promotions[].start", .value(.date), example: "2027-11-01", required: true,
              "First day at the promotion's price (a presale's balance day, 尾款).", zh: "促销价首日（预售为付尾款日）。"),
        Field("promotions[].end", .value(.date), example: "2027-11-11", required: true, "Last day at the promotion's price.", zh: "促销价末日。"),
        Field("promotions[].discount", .value(.share), example: "15%", bounds: 0...0.95,
              "Off the list price (`product.price`); give this or `price`.", zh: "相对标价（`product.price`）的折扣；与 `price` 二选一。"),
        Field("promotions[].price", .value(.money), example: "339", "The promotion's price; give this or `discount`.", zh: "促销价；与 `discount` 二选一。"),
        Field("promotions[].channels", .value(.text), example: "Tmall flagship store", note: "every channel",
              "The sales channels it prices (names from `channels`, a list or one name); its demand effect applies to their share of sales.",
              zh: "适用的销售渠道（名称）；其需求效应按这些渠道的销量占比计算。"),
        Field("promotions[].deposit", .value(.money), example: "50",
              "A presale's deposit (定金) per unit, received on `deposit_date`; the balance (尾款) when the promotion starts.",
              zh: "预售定金（每件），在 `deposit_date` 收到；尾款在促销开始日收到。"),
        Field("promotions[].deposit_date", .value(.date), example: "2027-10-24", "When the presale's deposits are paid.", zh: "预售定金支付日。"),
    ]
}

extension ScenarioDecoder {
    /// `promotions`: each a price (or discount) on dates within the horizon, after launch, and
    /// apart from the launch price's days and from each other.
    mutating func promotions(launch: CivilDate?, horizon: Period?, product: Scenario.Product?) -> [Scenario.Promotion] {
        guard let items = list("promotions", in: nil) else { return [] }
        var promotions: [Scenario.Promotion] = []
        for item in items {
            let name = text("name", in: item), start = date("start", in: item), end = date("end", in: item)
            let discount = quantity("discount", in: item), price = quantity("price", in: item)
            let deposit = quantity("deposit", in: item), depositDate = date("deposit_date", in: item)
            let channels = eventChannels(item)
            guard let name, let start, let end else { continue }
            if (discount == nil) == (price == nil) {
                report("`\(item.display)` needs its price: `discount` or `price`, one of them", at: item.mark,
                       hint: "write `discount: 15%` (off `product.price`) or `price: 339`")
                continue
            }
            if end < start {
                report("`end` (\(end)) is before `start` (\(start))", at: marks["\(item.display).end"] ?? item.mark,
                       hint: "`start` is the promotion's first day and `end` its last")
                continue
            }
            if (deposit == nil) != (depositDate == nil) {
                report("a presale needs both `deposit` and `deposit_date`", at: item.mark,
                       hint: "give the deposit per unit and the day it is paid, or remove both")
                continue
            }
            if let depositDate, depositDate > start {
                report("`deposit_date` (\(depositDate)) is after `start` (\(start)): the deposit comes before the balance",
                       at: marks["\(item.display).deposit_date"] ?? item.mark, hint: "give the day buyers pay the deposit (定金), before `start`")
            }
            if let deposit, let product, deposit.value >= (price?.value ?? product.price.value * (1 - (discount?.value ?? 0))) {
                report("the deposit (\(Format.shortest(deposit.value))) is not below the promotion's price",
                       at: marks["\(item.display).deposit"] ?? item.mark, hint: "a deposit is part of the price: give the 定金 per unit")
            }
            if let launch, let horizon {
                let last = launch.adding(days: horizon.days(from: launch) - 1)
                if start < launch || end > last {
                    report("`\(item.display)` runs \(start) to \(end), outside the plan's sales (\(launch) to \(last))",
                           at: marks["\(item.display).start"] ?? item.mark,
                           hint: "give dates from launch to the horizon's end; before launch, use a crowdfunding campaign or `product.launch_price`")
                    continue
                }
                if let product, product.launchPrice != nil, start < product.launchPriceWeeks.after(launch) {
                    report("`\(item.display)` starts while the launch price still holds (until \(product.launchPriceWeeks.after(launch)))",
                           at: marks["\(item.display).start"] ?? item.mark,
                           hint: "start it after the launch price's weeks, or shorten `product.launch_price_weeks`")
                    continue
                }
            }
            if let other = promotions.first(where: { $0.start <= end && start <= $0.end }) {
                report("`\(item.display)` overlaps the promotion `\(other.name)` (\(other.start) to \(other.end))",
                       at: marks["\(item.display).start"] ?? item.mark, hint: "one price a day: move one of them, or merge them")
                continue
            }
            promotions.append(.init(name: name, start: start, end: end, discount: discount, price: price, channels: channels,
                                    deposit: deposit, depositDate: depositDate))
        }
        return promotions
    }
}
