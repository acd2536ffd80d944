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
        if campaign.recommended {
            return t("**Crowdfunding:** run it on \(platformName) from \(style.longDate(campaign.start)) to \(style.longDate(campaign.end)) with a goal of **\(style.money(campaign.goal))**; expect \(style.money(campaign.pledged)) pledged and \(style.money(campaign.net)) net.",
                     "**众筹**：建议在 \(platformName) 于 \(style.longDate(campaign.start)) 至 \(style.longDate(campaign.end)) 发起，目标金额 **\(style.money(campaign.goal))**；预计认筹 \(style.money(campaign.pledged))，净得 \(style.money(campaign.net))。")
        }
        return t("**Crowdfunding:** not on these numbers: \(firstReasonShort(campaign)).",
                 "**众筹**：按当前数据不建议：\(firstReasonShort(campaign))。")
    }

    private func firstReasonShort(_ campaign: Campaign) -> String {
        let minimum = campaign.minimumRaise
        guard minimum.isFinite, minimum > 0 else { return t("fees take every pledge", "费用吞掉全部认筹") }
        return t("first-48-hour pledges cover \(style.percent(campaign.firstTwoDays / minimum)) of the \(style.money(minimum)) minimum raise",
                 "前 48 小时认筹只覆盖 \(style.money(minimum)) 最低筹款额的 \(style.percent(campaign.firstTwoDays / minimum))")
    }

    func crowdfundingSection(_ campaign: Campaign) -> String {
        var parts = ["## " + t("Crowdfunding", "众筹")]
        let verdict = campaign.recommended
            ? t("**Recommended.** Publish a goal of **\(style.money(campaign.goal))** on \(platformName).",
                "**建议众筹**。在 \(platformName) 公布目标金额 **\(style.money(campaign.goal))**。")
            : t("**Not recommended on these numbers.**", "**按当前数据不建议众筹**。")
        parts.append(verdict + t(" ", "") + campaign.reasons.map { text.reason($0, campaign: campaign) }.joined(separator: t(" ", "")))
        parts.append(t("The goal is what the first 48 hours should bring (about a third of all pledges, by campaign agencies' rule of thumb), rounded down to a round figure and never below the minimum raise: the net needed for fixed costs (\(style.money(plan.economics.fixedCosts))) and a first batch at MOQ, grossed up for fees and dropped pledges. Kickstarter reports that about 41–44% of its projects fund; those that pass 20–30% of their goal in two days mostly do.",
                       "目标金额取前 48 小时的预期认筹（按众筹代理机构的经验约为总额的三分之一），向下取整到整数，且不低于最低筹款额：支付一次性成本（\(style.money(plan.economics.fixedCosts))）与按最小起订量生产首批所需的净额，再计入平台费用与扣款失败。Kickstarter 的项目成功率约为 41–44%；两天内达到目标 20–30% 的项目大多成功。"))
        let funnel: [[String]] = [
            [t("From the email list", "来自邮件列表"), style.count(campaign.listBackers)],
            [t("From paid reservations", "来自付费预约"), style.count(campaign.reservationBackers)],
            [t("From the platform itself", "来自平台自然流量"), style.count(campaign.organicBackers)],
        ] + (campaign.backersTurnedAway > 0.5 ? [[t("Turned away (tiers sold out)", "被挡（档位售罄）"), "−" + style.count(campaign.backersTurnedAway)]] : [])
            + [["**" + t("Backers", "支持者") + "**", "**" + style.count(campaign.backers) + "**"]]
        parts.append(Markdown.table([t("Backers", "支持者"), t("Count", "人数")], [.left, .right], funnel))
        let tierRows = campaign.tiers.map { fill in
            [Markdown.escape(fill.name), style.money(fill.price), fill.limit.map { style.count(Double($0)) } ?? t("unlimited", "不限"),
             style.count(fill.pledges), String(fill.unitsPerPledge), style.money(fill.amount)]
        }
        parts.append(Markdown.table([t("Tier (cheapest first)", "档位（由低到高）"), t("Pledge", "金额"), t("Limit", "限额"),
                                     t("Pledges", "份数"), t("Units each", "每份件数"), t("Pledged", "认筹额")],
                                    [.left, .right, .right, .right, .right, .right], tierRows))
        var money: [[String]] = [
            [t("Pledged", "认筹总额"), style.money(campaign.pledged)],
            [t("Dropped pledges (\(style.percent(campaign.droppedShare)))", "扣款失败（\(style.percent(campaign.droppedShare))）"),
             "−" + style.money(campaign.pledged - campaign.collected)],
            [t("Collected", "实收"), style.money(campaign.collected)],
            [t("Platform fee (\(style.percent(campaign.platformRate)))", "平台费（\(style.percent(campaign.platformRate))）"),
             "−" + style.money(campaign.platformFees)],
            [t("Payment fees (\(style.percent(campaign.paymentRate)) + \(style.money(campaign.perPledgeFee)) a pledge)",
               "支付费（\(style.percent(campaign.paymentRate)) + 每笔 \(style.money(campaign.perPledgeFee))）"),
             "−" + style.money(campaign.paymentFees)],
            ["**" + t("Net", "净得") + "**", "**" + style.money(campaign.net) + "**"],
            [t("Units owed to backers", "应交付支持者件数"), style.count(campaign.units)],
            [t("Minimum raise", "最低筹款额"), campaign.minimumRaise.isFinite ? style.money(campaign.minimumRaise) : "—"],
            [t("Expected first-48-hour pledges", "预期前 48 小时认筹"), style.money(campaign.firstTwoDays)],
            ["**" + t("Goal", "目标金额") + "**", "**" + style.money(campaign.goal) + "**"],
        ]
        money += [
            [t("Campaign", "众筹期"), "\(style.date(campaign.start)) – \(style.date(campaign.end))"],
            [t("Rewards ship", "回报发货"), style.date(campaign.fulfillment)],
        ]
        parts.append(Markdown.table([t("Money and dates", "金额与日期"), t("Value", "数值")], [.left, .right], money))
        if campaign.units > 0, plan.firstBatch != nil {
            parts.append(t("The \(style.count(campaign.units)) units owed to backers are added to the first batch.",
                           "应交付支持者的 \(style.count(campaign.units)) 件已计入首批生产。"))
        }
        return parts.joined(separator: "\n\n")
    }
}
