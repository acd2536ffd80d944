/// The crowdfunding section: the decision and its reasons, then the funnel and the money.
extension MarkdownReport {
    var platformName: String {
        switch plan.crowdfunding?.platform ?? .other {
        case .kickstarter: return "Kickstarter"
        case .indiegogo: return "Indiegogo"
        case .modian: return t("Modian (摩点)", "摩点")
        case .jd: return t("JD Crowdfunding (京东众筹)", "京东众筹")
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

    private func firstReasonShort() -> String {
        guard let minimum = plan[.minimumRaise], minimum.isFinite, minimum > 0 else { return t("fees take every pledge", "费用吞掉全部认筹") }
        let first = plan[.firstTwoDays] ?? 0
        return t("first-48-hour pledges cover \(style.percent(first / minimum)) of the \(style.money(minimum)) minimum raise",
                 "前 48 小时认筹只覆盖 \(style.money(minimum)) 最低筹款额的 \(style.percent(first / minimum))")
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
        let simulated = plan.uncertainty != nil
        let basis = simulated ? t("a third of the median of the simulated pledges", "模拟认筹额中位数的三分之一") : t("a third of the pledges", "认筹额的三分之一")
        var method = t("""
            The goal is what the first 48 hours should bring (\(basis), by campaign agencies' rule of thumb), rounded down to two significant \
            figures and never below the minimum raise: the net needed for fixed costs (\(style.money(plan.scenario.product.fixedCosts))) and a \
            first batch at MOQ, grossed up for fees and dropped pledges. Campaigns past 20–30% of their goal in two days mostly fund, so the plan \
            recommends a campaign when its first 48 hours cover the minimum raise\(simulated ? " in at least half of the simulated launches" : "").
            """,
                       """
                       目标金额取前 48 小时的预期认筹（\(basis)，众筹代理机构的经验法则），向下取两位有效数字，且不低于最低筹款额：支付一次性成本（\(style.money(plan.scenario.product.fixedCosts))）与按最小起订量生\
                       产首批所需的净额，再计入平台费用与扣款失败。两天内达到目标 20–30% 的项目大多成功，因此若前 48 小时认筹\(simulated ? "在至少一半的模拟上市中" : "")覆盖最低筹款额，计划即建议众筹。
                       """)
        if campaign.platform == .kickstarter {
            method += t(" Kickstarter reports that about 41–44% of its projects fund.", "Kickstarter 的项目成功率约为 41–44%。")
        }
        parts.append(method)
        let funnel: [[String]] = [
            [t("From the email list", "来自邮件列表"), style.count(campaign.listBackers)],
            [t("From paid reservations", "来自付费预约"), style.count(campaign.reservationBackers)],
        ] + (campaign.kolBackers > 0 ? [[t("From KOL posts timed to the campaign", "来自对准众筹的 KOL 内容"), style.count(campaign.kolBackers)]] : []) + [
            [t("From the platform itself", "来自平台自然流量"), style.count(campaign.organicBackers)],
        ] + (campaign.backersTurnedAway > 0.5 ? [[t("Turned away (tiers sold out)", "被挡（档位售罄）"),
                                                  NumberStyle.minus + style.count(campaign.backersTurnedAway)]] : [])
            + [["**" + t("Backers", "支持者") + "**", "**" + value(.backers) + "**"]]
        parts.append(Markdown.table([t("Backers", "支持者"), t("Count", "人数")], [.left, .right], funnel))
        let tierRows = campaign.tiers.map { fill in
            [Markdown.escape(fill.name), style.money(fill.price), fill.limit.map { style.count(Double($0)) } ?? t("unlimited", "不限"),
             style.count(fill.pledges), String(fill.unitsPerPledge), style.money(fill.amount)]
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
