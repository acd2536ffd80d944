/// The crowdfunding section: the decision and its reasons, then the funnel and the money.
extension MarkdownReport {
    var platformName: String {
        switch plan.crowdfunding?.platform ?? .other {
        case .kickstarter: return "Kickstarter"
        case .indiegogo: return "Indiegogo"
        case .modian: return t("Modian (摩点)", "摩点")
        case .jd: return t("JD Crowdfunding (京东众筹)", "京东众筹")
        case .makuake: return "Makuake"
        case .other: return t("the platform", "众筹平台")
        }
    }

    /// The summary's decision line.
    func crowdfundingDecision(_ campaign: Campaign) -> String {
        if plan.flag(.inPlan), !plan.flag(.recommended) {
            return t("""
                **Crowdfunding:** in the plan because `crowdfunding.run: yes`, though the numbers do not recommend it (\(firstReasonShort())); goal \
                **\(value(.goal))**.
                """,
                     "**众筹**：因 `crowdfunding.run: yes` 计入计划，但数据不建议（\(firstReasonShort())）；目标金额 **\(value(.goal))**。")
        }
        if !plan.flag(.inPlan), plan.flag(.recommended) {
            return t("""
                **Crowdfunding:** recommended (goal \(value(.goal))), but left out of the plan (`crowdfunding.run: no`): the batch, dates and money \
                below are without it.
                """,
                     "**众筹**：建议众筹（目标 \(value(.goal))），但未计入计划（`crowdfunding.run: no`）：以下首批、日期与资金均不含众筹。")
        }
        if plan.flag(.recommended) {
            return t("""
                **Crowdfunding:** run it on \(platformName) from \(style.longDate(campaign.start)) to \(style.longDate(campaign.end)) with a goal \
                of **\(value(.goal))**; expect \(value(.pledged)) pledged and \(value(.net)) net\(precision(.goal)).
                """,
                     """
                     **众筹**：建议在 \(platformName) 于 \(style.longDate(campaign.start)) 至 \(style.longDate(campaign.end)) 发起，目标金额 \
                     **\(value(.goal))**；预计认筹 \(value(.pledged))，净得 \(value(.net))\(precision(.goal))。
                     """)
        }
        return t("**Crowdfunding:** not on these numbers, so the plan leaves it out: \(firstReasonShort()).",
                 "**众筹**：按当前数据不建议，计划不含众筹：\(firstReasonShort())。")
    }

    /// The rule's reason in a few words: the chance below `min_chance`, or a campaign that costs the launch.
    private func firstReasonShort() -> String {
        guard let minimum = plan[.minimumRaise], minimum.isFinite else { return t("fees take every pledge", "费用吞掉全部认筹") }
        let chance = plan[.goalProbability] ?? 0, minChance = plan.scenario.crowdfunding?.minChance ?? 0.8
        if !((plan[.firstTwoDays] ?? 0) > 0) { return t("no one is expected to back it", "预计没有支持者") }
        if chance < minChance {
            return t("a \(style.percent(chance)) chance of reaching the \(value(.goal)) goal, below the \(style.percent(minChance)) the rule asks",
                     "达成 \(value(.goal)) 目标的概率为 \(style.percent(chance))，低于规则要求的 \(style.percent(minChance))")
        }
        let adds = plan[.campaignContribution] ?? 0
        return t("it costs the launch \(style.money(-adds)) after the units owed", "扣除应交付产品后众筹使上市亏损 \(style.money(-adds))")
    }

    func crowdfundingSection(_ campaign: Campaign) -> String {
        var parts = ["## " + t("Crowdfunding", "众筹")] + pastSectionNote
        let verdict = plan.flag(.recommended)
            ? t("**Recommended.** Publish a goal of **\(value(.goal))** on \(platformName).",
                "**建议众筹**。在 \(platformName) 公布目标金额 **\(value(.goal))**。")
            : t("**Not recommended on these numbers.**", "**按当前数据不建议众筹**。")
        parts.append(verdict + t(" ", "") + campaign.reasons.map { text.reason($0, campaign: campaign) }.joined(separator: t(" ", "")))
        if !plan.flag(.inPlan) {
            parts.append(t("""
                **Not in the plan.** The first batch, the timeline and every later number are planned without the campaign (`crowdfunding.run: \
                \(plan.scenario.crowdfunding?.run.rawValue ?? "auto")`); this section shows what it would bring and what it would take. Set \
                `crowdfunding.run: yes` to plan with it anyway.
                """,
                           """
                           **未计入计划。** 首批、时间线与其后各项数字均按不众筹计划（`crowdfunding.run: \
                           \(plan.scenario.crowdfunding?.run.rawValue ?? "auto")`）；本节列出众筹可带来什么、需要什么。若仍要众筹，请设 `crowdfunding.run: yes`。
                           """))
        }
        let minChance = plan.scenario.crowdfunding?.minChance ?? 0.8
        var method = t("""
            **The rule:** recommend a campaign when its pledges reach the goal with a chance of at least \(style.percent(minChance)) \
            (`crowdfunding.min_chance`; over the simulated launches, and where a conversion is a single value, over its published spread) \
            and it adds to the launch (its net above the units owed at cost and their shipping). The goal is a third of the median pledges \
            (what the first 48 hours bring, by campaign agencies' rule of thumb, so that the campaign funds in its first days), rounded down to \
            two significant figures, and never below the minimum raise: the pledges that net the fixed costs \
            (\(style.money(plan.scenario.product.fixedCosts))) and a first batch at MOQ after fees and dropped pledges. With `run: auto` the plan \
            follows the rule.
            """,
                       """
                       **规则**：若认筹额达到目标的概率不低于 \(style.percent(minChance))（`crowdfunding.min_chance`；按所有模拟上市计算，转化率为单一数值时按其公开的波动范围计算），\
                       且众筹为上市带来正贡献（净得高于应交付产品的成本与运费），即建议众筹。目标金额取认筹额中位数的三分之一（即前 48 小时的预期认筹，众筹代理机构的经验法则，使众筹在开头几天即可达标），\
                       向下取两位有效数字，且不低于最低筹款额：扣除费用与扣款失败后足以支付一次性成本（\(style.money(plan.scenario.product.fixedCosts))）与按最小起订量生产首批的认筹额。\
                       `run: auto` 时计划按此规则决定是否众筹。
                       """)
        if campaign.platform == .kickstarter {
            method += t(" Kickstarter reports that about 41–44% of its projects fund.", "Kickstarter 的项目成功率约为 41–44%。")
        }
        parts.append(method)
        let funnel: [[String]] = [
            [t("From the email list", "来自私域/社群名单"), style.count(campaign.listBackers)],
            [t("From paid reservations", "来自付费预约"), style.count(campaign.reservationBackers)],
        ] + (campaign.kolBackers > 0 ? [[t("From KOL posts timed to the campaign", "来自对准众筹的 KOL 内容"), style.count(campaign.kolBackers)]] : []) + [
            [t("From the platform itself", "来自平台自然流量"), style.count(campaign.organicBackers)],
        ] + (campaign.backersTurnedAway > 0.5 ? [[t("Turned away (tiers sold out)", "被挡（档位售罄）"),
                                                  NumberStyle.minus + style.count(campaign.backersTurnedAway)]] : [])
            + [["**" + t("Backers", "支持者") + "**", "**" + value(.backers) + "**"]]
        parts.append(Markdown.table([t("Backers", "支持者"), t("Count", "人数")], [.left, .right], funnel))
        var tierRows = campaign.tiers.map { fill in
            [Markdown.escape(fill.name), style.money(fill.price), fill.limit.map { style.count(Double($0)) } ?? t("unlimited", "不限"),
             style.count(fill.pledges), String(fill.unitsPerPledge), style.money(fill.amount)]
        }
        // Shipping the backers pay on top of their pledges is pledged too: the rows add up to the total.
        if let terms = plan.scenario.crowdfunding, terms.shippingCharged, terms.shipping.value > 0 {
            let backers = plan[.backers] ?? 0
            tierRows.append([t("Shipping paid by backers", "支持者支付的运费"), style.money(terms.shipping.value), "", style.count(backers), "",
                             style.money(backers * terms.shipping.value)])
        }
        parts.append(t("""
            Limited (early) tiers fill first, cheapest first; the backers left split across the open tiers by `share` (an equal part each where \
            none is given: no published split was found, so give your pre-launch survey's).
            """,
                       "限量（早鸟）档位先售，由低到高；其余支持者按 `share` 分配到不限量档位（未给出时平均分配：未找到公开的分配数据，请填入预热调研的结果）。"))
        parts.append(Markdown.table([t("Tier", "档位"), t("Pledge", "金额"), t("Limit", "限额"),
                                     t("Pledges", "份数"), t("Units each", "每份件数"), t("Pledged", "认筹额")],
                                    [.left, .right, .right, .right, .right, .right], tierRows))
        let pledged = plan[.pledged] ?? 0
        let collected = plan[.collected] ?? 0
        let simulated = plan.uncertainty != nil
        let firstLabel = simulated ? t("First-48-hour pledges (a third of the median simulated pledges)", "前 48 小时认筹（模拟认筹额中位数的三分之一）")
                                   : t("First-48-hour pledges (a third of the pledges)", "前 48 小时认筹（认筹额的三分之一）")
        let money: [[String]] = [
            [t("Pledged", "认筹总额"), value(.pledged)],
            [t("Dropped pledges (\(style.percent(campaign.droppedShare)))", "扣款失败（\(style.percent(campaign.droppedShare))）"),
             NumberStyle.minus + style.money(pledged - collected)],
            [t("Collected", "实收"), value(.collected)],
            [t("Platform fee (\(style.percent(campaign.platformRate)))", "平台费（\(style.percent(campaign.platformRate))）"),
             NumberStyle.minus + value(.platformFees)],
            [campaign.perPledgeFee > 0
                ? t("Payment fees (\(style.percent(campaign.paymentRate)) + \(style.money(campaign.perPledgeFee)) a pledge)",
                    "支付费（\(style.percent(campaign.paymentRate)) + 每笔 \(style.money(campaign.perPledgeFee))）")
                : t("Payment fees (\(style.percent(campaign.paymentRate)))", "支付费（\(style.percent(campaign.paymentRate))）"),
             NumberStyle.minus + value(.paymentFees)],
            ["**" + t("Net", "净得") + "**", "**" + value(.net) + "**"],
            [t("Units owed to backers", "应交付支持者件数"), style.exactCount(plan[.crowdfundingUnits] ?? 0)],
            [t("Minimum raise", "最低筹款额"), (plan[.minimumRaise]?.isFinite ?? false) ? value(.minimumRaise) : "—"],
            [firstLabel, value(.firstTwoDays)],
            ["**" + t("Goal", "目标金额") + "**", "**" + value(.goal) + "**"],
            [Output.goalProbability.label(language), value(.goalProbability)],
            [Output.campaignContribution.label(language), value(.campaignContribution)],
            [t("Campaign", "众筹期"), "\(style.date(campaign.start)) – \(style.date(campaign.end))"],
            [t("Rewards ship", "回报发货"), style.date(campaign.fulfillment)],
        ]
        parts.append(Markdown.table([t("Money and dates", "金额与日期"), t("Value", "数值")], [.left, .right], money))
        if let units = plan[.pledgedUnits], units > 0 {
            parts.append(t("The \(style.exactCount(units)) units owed to backers are in the first batch.",
                           "应交付支持者的 \(style.exactCount(units)) 件已计入首批生产。"))
        }
        return parts.joined(separator: "\n\n")
    }
}
