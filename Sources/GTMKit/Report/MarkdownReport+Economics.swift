/// Unit economics at the core price point, and what each sales channel leaves of it.
extension MarkdownReport {
    /// The promotions: each one's price, the margin a unit keeps at it, the units its channels
    /// bought at it and what the discount cost, and a presale's deposit.
    func promotionsSection() -> String {
        let product = plan.scenario.product
        let target = product.targetMargin?.value
        let rows = plan.promotions.map { promotion in
            let off = product.price.value > 0 ? 1 - promotion.price / product.price.value : 0
            let margin = promotion.price > 0 ? (promotion.price - product.unitCost.value) / promotion.price : 0
            let below = target.map { margin < $0 } == true ? t(" (below the target)", "（低于目标）") : ""
            let presale = promotion.depositDate.map { t("presale from \(style.date($0)), ", "预售自 \(style.date($0))，") } ?? ""
            return [promotion.name, presale + "\(style.date(promotion.start)) – \(style.date(promotion.end))",
                    promotion.channels.isEmpty ? t("all", "全部") : promotion.channels.joined(separator: ", "),
                    style.money(promotion.price) + " (−" + style.percent(off) + ")", style.percent(margin) + below,
                    style.count(promotion.units), style.money(promotion.discountCost),
                    promotion.deposit.map { style.money($0) + t(" on ", "，") + style.date(promotion.depositDate ?? promotion.start) } ?? "—"]
        }
        let table = Markdown.table([t("Promotion", "促销"), t("Days at its price", "促销价日期"), t("Channels", "渠道"),
                                    t("Promotion price (off list)", "促销价（相对标价）"), t("Gross margin at it", "促销价毛利率"),
                                    t("Units at it", "促销价销量"), t("Discount cost", "让利"), t("Presale deposit", "预售定金")],
                                   [.left, .left, .left, .right, .right, .right, .right, .left], rows)
        let rule = t("""
            Rule: a promotion sets the price of its days on its channels. Their demand those days is the list price's × (promotion price ÷ \
            list price)^elasticity (`demand.elasticity`; no change without it), and those units sell at the promotion price; the discount \
            cost is (list price − promotion price) × those units. A presale's deposits (定金) are received on their day, net of the \
            channels' fees and returns like any sale, and the balance (尾款) with the sale. If an event's lift comes from past sales that \
            were discounted, it already holds the price effect: lower the lift, or leave the elasticity out.
            """, """
            规则：促销设定其日期内、其渠道的价格。这些日期的需求 = 标价时的需求 × (促销价 ÷ 标价)^弹性（`demand.elasticity`，未设则不变），\
            这些件数按促销价成交；让利 = (标价 − 促销价) × 这些件数。预售定金在定金日到账（与其他销售一样扣除渠道费用与退货），尾款随销售到账。\
            若大促倍数取自过去的打折销量，它已包含价格效应：请调低倍数或不设弹性。
            """)
        return ["## " + t("Promotions", "促销"), table, rule].joined(separator: "\n\n")
    }

    func economicsSection() -> String {
        var parts = ["## " + t("Unit economics", "单位经济")]
        let product = plan.scenario.product
        var rows: [[String]] = [
            [t("List price", "售价（核心价位）"), style.money(product.price)],
            [t("Unit cost", "单件成本"), style.money(product.unitCost)],
            [Output.unitMargin.label(language), value(.unitMargin)],
            [Output.grossMargin.label(language), value(.grossMargin)],
            [t("Fixed launch costs", "一次性上市成本"), style.money(product.fixedCosts)],
        ]
        if !plan.channelTerms.isEmpty {
            rows.append([Output.contributionMargin.label(language), value(.contributionMargin)])
        }
        if let marketing = plan[.marketingSpend], marketing > 0 {
            rows.append([Output.marketingSpend.label(language), value(.marketingSpend)])
        }
        if let ltv = plan[.lifetimeValue], plan[.repeatUnits] != nil || plan[.acquisitionCost] != nil {
            rows.append([Output.lifetimeValue.label(language), style.money(ltv)])
        }
        if plan[.acquisitionCost] != nil { rows.append([Output.acquisitionCost.label(language), value(.acquisitionCost)]) }
        rows.append([Output.breakEvenUnits.label(language),
                     plan[.breakEvenUnits] != nil ? value(.breakEvenUnits) : t("never (no contribution per unit)", "无法（单件无边际贡献）")])
        if let target = product.targetMargin, let ceiling = plan[.unitCostCeiling] {
            rows.append([t("Target gross margin", "目标毛利率"), style.percent(target.value)])
            rows.append([t("Highest unit cost that keeps it", "保持目标的单件成本上限"), style.money(ceiling)])
            parts.append(Markdown.table([t("Per unit", "单件"), t("Value", "数值")], [.left, .right], rows))
            let room = ceiling - product.unitCost.value
            parts.append(room >= 0
                ? t("The unit cost is \(style.money(room)) under the ceiling that keeps the target margin.",
                    "单件成本比目标毛利对应的上限低 \(style.money(room))。")
                : t("The unit cost is \(style.money(-room)) over the ceiling that keeps the target margin.",
                    "单件成本比目标毛利对应的上限高 \(style.money(-room))。"))
        } else {
            parts.append(Markdown.table([t("Per unit", "单件"), t("Value", "数值")], [.left, .right], rows))
        }
        parts.append(t("Break-even counts the units whose contribution pays back the fixed launch costs, the pilot's extra units and the marketing.",
                       "盈亏平衡为其边际贡献足以收回一次性上市成本、试产额外件数与营销支出的件数。"))
        if let payback = cohortPayback() { parts.append(payback) }
        if !plan.channelTerms.isEmpty { parts.append(channelSection()) }
        return parts.joined(separator: "\n\n")
    }

    /// Per channel: its terms (given, or its platform's defaults), its share of retail sales and
    /// what a unit sold there contributes.
    func channelSection() -> String {
        var parts = ["### " + t("Channel economics", "渠道经济")]
        let sold = plan[.unitsSold]
        let rows = plan.channelTerms.map { channel -> [String] in
            [Markdown.escape(channel.name), channel.platform.isEmpty ? "—" : text.platformName(channel.platform),
             style.percent(channel.fee), style.money(channel.fulfillment) + (channel.fulfillmentMissing ? " ⚠" : ""),
             style.percent(channel.returns), style.days(channel.settlementDays), style.percent(channel.share),
             style.money(channel.contribution)] + (sold.map { [style.money($0 * channel.share * channel.contribution)] } ?? [])
        }
        let headers = [t("Channel", "渠道"), t("Default terms of", "默认条款来自"), t("Fee", "平台费"), t("Fulfilment / unit", "履约 / 件"),
                       t("Returns", "退货"), t("Settlement", "回款周期"), t("Share of sales", "销量占比"), t("Contribution / unit", "边际贡献 / 件")]
            + (sold != nil ? [t("Contribution within the horizon", "计划期内边际贡献")] : [])
        parts.append(Markdown.table(headers, [.left, .left, .right, .right, .right, .right, .right, .right] + (sold != nil ? [.right] : []), rows))
        var notes = [t("""
            Contribution per unit = price × (1 − fee) × (1 − returns) − unit cost − fulfilment: a returned unit is refunded and written off. Terms \
            a channel does not give are the default terms of the platform in its name (Tmall, JD, Douyin, Xiaohongshu, Amazon, an own store; \
            sources in gtm's Models article), else 0. Sales split by each channel's bottom-up buyers unless `share` is given.
            """,
                       """
                       单件边际贡献 = 售价 × (1 − 平台费) × (1 − 退货率) − 单件成本 − 履约成本：退货按退款并报废计。渠道未给出的条款取其名称中平台的默认条款（天猫、京东、抖音、小红书、亚马逊、品牌官网；来源见 gtm 文档 Models 一文），否则为 0。未给出 \
                       `share` 时按各渠道自下而上的买家数分配销量。
                       """)]
        if sold != nil {
            notes.append(t("""
                Within the horizon: the retail units sold (\(value(.unitsSold)), stock allowing) × the channel's share × its contribution, before \
                fixed costs and marketing; some of it is received after the horizon (see Cash over time).
                """,
                           "计划期内：零售销量（\(value(.unitsSold))，受库存限制）× 渠道占比 × 单件边际贡献，未扣一次性成本与营销支出；其中部分款项在计划期结束后才到账（见“现金流”）。"))
        }
        for channel in plan.channelTerms where channel.fulfillmentMissing {
            notes.append(t("""
                ⚠ \(Markdown.escape(channel.name)): \(channel.platform)'s default fulfilment is not in \(plan.scenario.settings.currency), so it \
                counts as 0; give `fulfillment` for this channel.
                """,
                           """
                           ⚠ \(Markdown.escape(channel.name))：\(channel.platform) 的默认履约成本不是以 \(plan.scenario.settings.currency) 计价，按 0 计；请为该渠道给出 \
                           `fulfillment`。
                           """))
        }
        parts.append(notes.joined(separator: t(" ", "")))
        return parts.joined(separator: "\n\n")
    }

    /// With repeat purchase and marketing: after how many purchases a first buyer's contribution
    /// covers what marketing paid to bring one (the cohort's expected contribution after k
    /// intervals, c × Σ wⱼ with w₀ = 1 and wⱼ = σ + (1 − σ)·sʲ, against the CAC).
    func cohortPayback() -> String? {
        guard let repurchase = plan.scenario.product.repurchase, let cac = plan[.acquisitionCost], cac > 0,
              let contribution = plan[.contributionMargin], contribution > 0 else { return nil }
        let share = repurchase.share.value, subscribed = repurchase.subscription.value
        let horizon = plan.scenario.horizon.days(from: plan.scenario.launch.date)
        let interval = repurchase.interval.days(from: plan.scenario.launch.date)
        var earned = contribution, chain = 1.0, k = 0
        while earned < cac, interval > 0, (k + 1) * interval < horizon {
            k += 1
            chain *= share
            earned += contribution * (subscribed + (1 - subscribed) * chain)
        }
        guard earned >= cac else {
            return t("""
                A cohort does not earn back its acquisition cost (\(style.money(cac)) a buyer) within the horizon: its expected contribution \
                comes to \(style.money(earned)) a first buyer.
                """,
                     "一批首购买家在计划期内收不回获客成本（每位 \(style.money(cac))）：其预期边际贡献为每位首购买家 \(style.money(earned))。")
        }
        return k == 0
            ? t("A first purchase alone earns back the acquisition cost (\(style.money(cac)) a buyer).", "首次购买即可收回获客成本（每位 \(style.money(cac))）。")
            : t("""
                A cohort earns back its acquisition cost (\(style.money(cac)) a buyer) after \(k) repeat purchase\(k == 1 ? "" : "s"), \
                \(style.days(k * interval)) after its first: its expected contribution is then \(style.money(earned)) a first buyer.
                """,
                "一批首购买家在第 \(k) 次复购后（首购后 \(style.days(k * interval))）收回获客成本（每位 \(style.money(cac))）：届时预期边际贡献为每位 \(style.money(earned))。")
    }
}
