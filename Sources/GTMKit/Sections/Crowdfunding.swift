/// `crowdfunding`: a campaign before retail, its funnel, tiers and fees.
extension Scenario {
    enum Platform: String, Sendable, CaseIterable {
        case kickstarter, indiegogo, modian, jd, makuake, other
    }

    /// All or nothing (the money only when the goal is reached) or all in (the money whatever
    /// is raised, the rewards owed either way: Makuake's and CAMPFIRE's "All-in", Indiegogo's
    /// flexible funding).
    enum Funding: String, Sendable, CaseIterable {
        case allOrNothing = "all_or_nothing", allIn = "all_in"
    }

    /// Whether the campaign is part of the plan: `auto` follows the recommendation.
    enum CampaignRun: String, Sendable, CaseIterable {
        case auto, yes, no
    }

    struct Crowdfunding: Sendable {
        var platform: Platform
        var run: CampaignRun
        var start: CivilDate
        var duration: Period
        var emailList: Quantity
        var listConversion: Quantity
        var reservations: Quantity
        var reservationConversion: Quantity
        var organicShare: Quantity
        /// Pledges that fail to collect; nil: the platform's (5% where cards are charged at the end).
        var droppedPledges: Quantity?
        var funding: Funding
        /// Backers who add add-ons, and what those add (per adding backer), at the add-ons' cost share.
        var addOnShare: Quantity
        var addOnValue: Quantity
        /// Money a post-campaign pledge manager adds (upgrades, late add-ons), as a share of the pledges.
        var pledgeManager: Quantity
        var platformFee: Quantity?
        var paymentFee: Quantity?
        var paymentFixed: Quantity?
        var fulfillmentLead: Period?
        /// Campaign end to money in the bank; nil: the platform's published timing.
        var payoutDelay: Period?
        /// The share of the net paid at the payout; the rest when the rewards are delivered (staged payouts).
        var payoutFirst: Quantity
        /// Reward shipping per paying backer.
        var shipping: Quantity
        /// Backers pay the shipping on top of their pledge (the Kickstarter norm); it then counts
        /// in the pledges, the goal and the fees.
        var shippingCharged: Bool
        /// The chance of reaching the goal a campaign needs to be recommended.
        var minChance: Double
        /// What one more list subscriber costs to acquire.
        var costPerLead: Double?
        var tiers: [PledgeTier]
    }

    struct PledgeTier: Sendable {
        var name: String
        var price: Quantity
        var limit: Int?
        var units: Int
        /// Share of the backers left after the limited tiers who choose this open tier; nil: an
        /// equal part of what the given shares leave.
        var share: Double?
    }
}

extension Schema {
    static let crowdfundingFields: [Field] = [
        Field("crowdfunding", .section, "A crowdfunding campaign before retail.", zh: "零售前的众筹活动。"),
        Field("crowdfunding.platform", .value(.choice(["kickstarter", "indiegogo", "modian", "jd", "makuake", "other"])), example: "modian",
              required: true, "Where the campaign runs; sets the default fees.", zh: "众筹平台；决定默认费率。"),
        Field("crowdfunding.run", .value(.choice(["auto", "yes", "no"])), default: "auto",
              "Whether the campaign is in the plan: auto follows the recommendation; yes and no decide it.",
              zh: "众筹是否计入计划：auto 按建议决定；yes、no 由您决定。"),
        Field("crowdfunding.start", .value(.date), example: "2027-06-01", required: true, "Campaign start.", zh: "众筹开始日。"),
        Field("crowdfunding.duration", .value(.period), bounds: 1...Double(Limits.durationDays), default: "30 days",
              "Campaign length.", zh: "众筹时长。"),
        Field("crowdfunding.email_list", .value(.count), example: "20k", default: "0", "Pre-launch subscribers.", zh: "预热期私域/社群名单人数（邮件、社群、公众号订阅）。"),
        Field("crowdfunding.list_conversion", .value(.share), default: "5%",
              "Subscribers who become backers.", zh: "名单用户转化为支持者的比例。"),
        Field("crowdfunding.reservations", .value(.count), example: "1000", default: "0", "Paid deposits (reservations).",
              zh: "付费预约用户（交了定金）人数。"),
        Field("crowdfunding.reservation_conversion", .value(.share), default: "35%",
              "Reservations that become backers.", zh: "预约用户转化为支持者的比例。"),
        Field("crowdfunding.organic_share", .value(.share), bounds: 0...0.95, default: "0",
              "Share of all backers who come from the platform itself.", zh: "来自平台自身流量的支持者占比。"),
        Field("crowdfunding.dropped_pledges", .value(.share), example: "5%", bounds: 0...0.95,
              note: "5% on Kickstarter (cards charged at the end); 0 where backers pay when they pledge (Indiegogo, modian, jd, makuake)",
              "Pledges that fail to collect.", zh: "扣款失败的认筹比例（Kickstarter 默认 5%；支持时即付款的平台默认 0）。"),
        Field("crowdfunding.funding", .value(.choice(["all_or_nothing", "all_in"])), default: "all_or_nothing",
              """
              All or nothing (the money only if the goal is reached), or all in (the money whatever is raised, the rewards owed either way: \
              Makuake and CAMPFIRE's All-in, Indiegogo's flexible funding; not on Kickstarter).
              """,
              zh: "全有全无（达到目标才收款），或 All-in（无论是否达标都收款，回报照常履行：Makuake、CAMPFIRE、Indiegogo 灵活筹款；Kickstarter 不支持）。"),
        Field("crowdfunding.add_on_share", .value(.share), default: "0",
              "Share of backers who add add-ons (accessories, a second unit) to their pledge.", zh: "在认筹时加购（配件、第二件）的支持者占比。"),
        Field("crowdfunding.add_on_value", .value(.money), default: "0",
              "What an adding backer's add-ons come to; they cost the product's cost ratio (unit cost ÷ price) of it.",
              zh: "加购支持者的加购金额；其成本按产品成本率（单件成本 ÷ 售价）计。"),
        Field("crowdfunding.pledge_manager", .value(.share), bounds: 0...1, default: "0",
              "Money a post-campaign pledge manager adds (upgrades, late add-ons), as a share of the pledges, received with the payout.",
              zh: "众筹结束后订单管理工具（pledge manager）带来的追加金额（升级、追加购），占认筹额的比例，随回款到账。"),
        Field("crowdfunding.platform_fee", .value(.share), example: "6%", note: "per platform", "Platform fee on funds collected.",
              zh: "平台按筹得金额收取的费率。"),
        Field("crowdfunding.payment_fee", .value(.share), example: "1%", note: "per platform", "Payment processing fee on funds collected.",
              zh: "支付处理费率。"),
        Field("crowdfunding.payment_fixed", .value(.money), example: "0", note: "per platform",
              "Payment fee per pledge, in the scenario's currency.", zh: "每笔认筹的固定支付费（本方案币种）。"),
        Field("crowdfunding.fulfillment_lead", .value(.period), example: "8 weeks",
              note: "when the first batch arrives (or 8 weeks without an inventory section)",
              "Campaign end to rewards shipped.", zh: "众筹结束到回报发货的时间。"),
        Field("crowdfunding.payout_delay", .value(.period), example: "21 days", note: "per platform",
              "Campaign end to the money in your bank.", zh: "众筹结束到款项到账的时间。"),
        Field("crowdfunding.payout_first", .value(.share), default: "100%",
              """
              Share of the net paid at the payout; the rest when the rewards are delivered (ten days after they ship, as a platform's \
              confirmation of receipt): for a platform that pays in stages, give its first stage.
              """,
              zh: "回款时先拨付的净额比例；其余在回报送达后拨付（发货后十天，按平台确认收货计）：分期拨款的平台请填写首期比例。"),
        Field("crowdfunding.shipping", .value(.money), default: "0",
              "Shipping each reward to a backer (paid when rewards ship).", zh: "每位支持者的回报运费（回报发货时支付）。"),
        Field("crowdfunding.shipping_charged", .value(.boolean), default: "no",
              "Backers pay the shipping on top of their pledge (the Kickstarter norm): it counts in the pledges, the goal and the fees.",
              zh: "运费由支持者在认筹之外另付（Kickstarter 惯例）：计入认筹额、目标与费用。"),
        Field("crowdfunding.min_chance", .value(.share), uncertain: false, bounds: 0.5...0.99, default: "80%",
              "The chance of reaching the goal a campaign needs to be recommended.", zh: "建议众筹所需的达成目标概率。"),
        Field("crowdfunding.cost_per_lead", .value(.money), example: "2.50", uncertain: false,
              "What one more list subscriber costs (ads to a sign-up page): prices the advice to grow the list.",
              zh: "多获取一位名单用户的成本（引流至登记页的广告）：用于估算扩充名单的花费。"),
        Field("crowdfunding.tiers", .list(itemKey: "name"), required: true, "Reward tiers.", zh: "回报档位。"),
        Field("crowdfunding.tiers[].name", .value(.text), example: "Early bird", required: true, "Tier name.", zh: "档位名称。"),
        Field("crowdfunding.tiers[].price", .value(.money), example: "299", required: true, "Pledge for this tier.", zh: "该档认筹金额。"),
        Field("crowdfunding.tiers[].limit", .value(.integer), example: "500", note: "unlimited", "Pledges on offer at this price.",
              zh: "该价位可认筹的份数。"),
        Field("crowdfunding.tiers[].units", .value(.integer), bounds: 1...1000, default: "1",
              "Product units per pledge.", zh: "每份认筹包含的产品件数。"),
        Field("crowdfunding.tiers[].share", .value(.share), example: "60%", uncertain: false,
              note: "an equal part of the backers left after the limited tiers",
              "For a tier without a limit: the share of the backers left after the limited (early) tiers who choose it.",
              zh: "不限量档位：限量（早鸟）档位售罄后，剩余支持者中选择该档的比例。"),
    ]
}

extension ScenarioDecoder {
    mutating func crowdfunding(_ section: Section) -> Scenario.Crowdfunding? {
        let platform = text("platform", in: section).flatMap(Scenario.Platform.init(rawValue:))
        let run = text("run", in: section).flatMap(Scenario.CampaignRun.init(rawValue:))
        let start = date("start", in: section)
        var tiers: [Scenario.PledgeTier] = []
        var tiersValid = true
        for item in list("tiers", in: section) ?? [] {
            let name = text("name", in: item)
            let price = quantity("price", in: item)
            let units = integer("units", in: item)
            let limit = integer("limit", in: item)
            let share = quantity("share", in: item)?.value
            if share != nil, limit != nil {
                report("`share` is for a tier without a limit: a limited tier fills first, up to its limit",
                       at: marks["\(item.display).share"] ?? item.mark,
                       hint: "remove `share`, or remove `limit` to make it an open tier")
            }
            guard let name, let price, let units else {
                tiersValid = false
                continue
            }
            tiers.append(Scenario.PledgeTier(name: name, price: price, limit: limit, units: units, share: share))
        }
        let given = tiers.compactMap(\.share).reduce(0, +)
        if given > 1 + 1e-9, let first = tiers.firstIndex(where: { $0.share != nil }) {
            report("the open tiers' shares add up to \(Format.shortest((given * 1000).rounded() / 10))%, more than 100%",
                   at: marks["crowdfunding.tiers[\(tiers[first].name)].share"] ?? section.mark,
                   hint: "give shares that add up to 100% or less; tiers without one share what is left")
        }
        if tiers.isEmpty, tiersValid, let pair = section.node.pairs?.first(where: { $0.key == "tiers" }) {
            report("`crowdfunding.tiers` has no items", at: pair.keyMark, hint: "add at least one `- name: …` with its `price`")
        }
        let duration = period("duration", in: section)
        let emailList = quantity("email_list", in: section)
        let listConversion = quantity("list_conversion", in: section)
        let reservations = quantity("reservations", in: section)
        let reservationConversion = quantity("reservation_conversion", in: section)
        let organic = quantity("organic_share", in: section)
        let dropped = quantity("dropped_pledges", in: section)
        let funding = text("funding", in: section).flatMap(Scenario.Funding.init(rawValue:))
        if platform == .kickstarter, funding == .allIn {
            report("Kickstarter is all or nothing: `funding: all_in` cannot hold there", at: marks["crowdfunding.funding"] ?? section.mark,
                   hint: "remove `funding`, or pick a platform with an all-in option (indiegogo, makuake, other)")
        }
        let addOnShare = quantity("add_on_share", in: section), addOnValue = quantity("add_on_value", in: section)
        let pledgeManager = quantity("pledge_manager", in: section)
        let platformFee = quantity("platform_fee", in: section)
        let paymentFee = quantity("payment_fee", in: section)
        let paymentFixed = quantity("payment_fixed", in: section)
        let lead = period("fulfillment_lead", in: section)
        let payoutDelay = period("payout_delay", in: section)
        let payoutFirst = quantity("payout_first", in: section)
        let shipping = quantity("shipping", in: section)
        let shippingCharged = boolean("shipping_charged", in: section)
        let minChance = quantity("min_chance", in: section)?.value
        if let platform { checkFees(platform: platform, given: (platformFee, paymentFee, paymentFixed), section: section) }
        guard let platform, let run, let start, let duration, let emailList, let listConversion, let reservations,
              let reservationConversion, let organic, let funding, let payoutFirst, let addOnShare, let addOnValue, let pledgeManager, let shipping,
              let shippingCharged, let minChance, tiersValid
        else { return nil }
        let campaign = Scenario.Crowdfunding(
            platform: platform, run: run, start: start, duration: duration, emailList: emailList, listConversion: listConversion,
            reservations: reservations, reservationConversion: reservationConversion, organicShare: organic,
            droppedPledges: dropped, funding: funding, addOnShare: addOnShare, addOnValue: addOnValue, pledgeManager: pledgeManager,
            platformFee: platformFee, paymentFee: paymentFee, paymentFixed: paymentFixed,
            fulfillmentLead: lead, payoutDelay: payoutDelay, payoutFirst: payoutFirst, shipping: shipping, shippingCharged: shippingCharged,
            minChance: minChance,
            costPerLead: quantity("cost_per_lead", in: section)?.value, tiers: tiers)
        checkFeesLeaveSomething(campaign, section: section)
        return campaign
    }

    /// Reports fees that take a whole pledge: the platform's and the processor's shares plus the
    /// per-pledge fee on the cheapest tier reach 100%, so no campaign size could raise anything
    /// (and the minimum raise would have no value).
    mutating func checkFeesLeaveSomething(_ campaign: Scenario.Crowdfunding, section: Section) {
        let fees = CrowdfundingModel.feeSchedule(campaign, currency: currency)
        guard let cheapest = campaign.tiers.map(\.price.value).min() else { return }
        let perPledge = fees.perPledge > 0 ? fees.perPledge / cheapest : 0
        let taken = fees.platformRate + fees.paymentRate + perPledge
        guard taken >= 1 else { return }
        let key = campaign.paymentFixed != nil && perPledge >= 0.5 ? "payment_fixed"
            : campaign.paymentFee != nil ? "payment_fee" : "platform_fee"
        let share = taken.isFinite ? "\(Format.shortest((taken * 1000).rounded() / 10))%" : "more than all"
        report("the fees take \(share) of the cheapest pledge (\(Format.shortest(cheapest))): "
               + """
                   platform \(Format.shortest(fees.platformRate * 100))%, payment \(Format.shortest(fees.paymentRate * 100))% and \
                   \(Format.shortest(fees.perPledge)) a pledge
                   """,
               at: marks["crowdfunding.\(key)"] ?? section.mark,
               hint: """
                   crowdfunding fees are a few percent of each pledge (Kickstarter 5% + 3% + 0.20 USD); check `platform_fee`, `payment_fee` and \
                   `payment_fixed`
                   """)
    }

    /// Reports the fees the user must give: all of them where the platform publishes none, and
    /// the per-pledge fee where the platform's is in another currency (gtm holds no exchange rates).
    mutating func checkFees(platform: Scenario.Platform, given: (platform: Quantity?, payment: Quantity?, fixed: Quantity?),
                            section: Section) {
        let mark = marks["crowdfunding.platform"] ?? section.mark
        guard let fees = PlatformFees.published(platform) else {
            let missing = [given.platform == nil ? "platform_fee" : nil, given.payment == nil ? "payment_fee" : nil].compactMap { $0 }
            if !missing.isEmpty {
                report("`\(platform.rawValue)` has no published fees, so `crowdfunding` must give \(missing.map { "`\($0)`" }.joined(separator: " and "))",
                       at: mark, hint: "ask the platform for its rates and add e.g. `platform_fee: 5%` and `payment_fee: 2%`")
            }
            return
        }
        if given.fixed == nil, fees.fixed > 0, fees.fixedCurrency != currency {
            report("\(platform.rawValue)'s per-pledge fee is \(Format.shortest(fees.fixed)) \(fees.fixedCurrency), but the scenario is in \(currency)",
                   at: mark, hint: "gtm holds no exchange rates: add `payment_fixed:` in \(currency) to `crowdfunding`")
        }
    }
}
