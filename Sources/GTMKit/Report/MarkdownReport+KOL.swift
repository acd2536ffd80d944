/// The KOL plan and the seed-review programme.
extension MarkdownReport {
    func kolDecision(_ kol: KOLPlan) -> String {
        let who = kol.lines.count == 1 ? kol.lines[0].name : t("\(kol.lines.count) lines", "\(kol.lines.count) 组")
        let first = kol.lines.map(\.schedule.invite).min()
        let invite = first.map { t("; first invitations by \(style.longDate($0))", "；最早邀约日 \(style.longDate($0))") } ?? ""
        return t("**KOLs:** \(style.exactMoney(plan[.kolCost] ?? 0))\(kol.budget.map { " of the \(style.exactMoney($0)) budget" } ?? "") for \(who), \(style.exactCount(Double(kol.posts))) posts reaching \(value(.kolReach)) people\(invite).",
                 "**KOL**：\(style.exactMoney(plan[.kolCost] ?? 0))\(kol.budget.map { "（预算 \(style.exactMoney($0))）" } ?? "")，\(who)共 \(style.exactCount(Double(kol.posts))) 条内容，触达 \(value(.kolReach)) 人\(invite)。")
    }

    func kolSection(_ kol: KOLPlan) -> String {
        var parts = ["## " + t("KOL plan", "KOL 计划")]
        var intro: [String] = []
        if let selection = kol.selection {
            let quality = selection.exact
                ? t("the best possible pick (exact)", "最优组合（精确解）")
                : t("within \(style.percent(selection.gap)) of the best possible", "与最优解相差不超过 \(style.percent(selection.gap))")
            intro.append(t("From \(style.count(Double(kol.candidates))) candidates gtm picked the \(selection.chosen.count) with the most expected engagements (followers × engagement rate) whose fees fit the budget: \(quality).",
                           "从 \(style.count(Double(kol.candidates))) 位候选中选出 \(selection.chosen.count) 位：在预算内预期互动（粉丝 × 互动率）最多的组合，\(quality)。"))
        }
        if plan.scenario.kol?.align == .campaign, plan.flag(.inPlan) {
            intro.append(t("Posts go live over the \(style.period(kol.publishWindow)) from the campaign's first day, smallest audiences first; each creator is invited a lead time before their post.",
                           "内容自众筹首日起 \(style.period(kol.publishWindow)) 内陆续发布，粉丝少的先发；每位达人按其周期提前邀约。"))
        } else {
            intro.append(t("Posts go live over the \(style.period(kol.publishWindow)) before launch, smallest audiences first; each creator is invited a lead time before their post.",
                           "内容在上市前 \(style.period(kol.publishWindow)) 内陆续发布，粉丝少的先发；每位达人按其周期提前邀约。"))
        }
        let source = plan.scenario.pilot != nil ? t("the pilot run", "试产") : t("the first batch", "首批")
        intro.append(t("Each post needs a sample: \(value(.kolSamples)) units from \(source), \(value(.kolSampleCost)) at cost.",
                       "每条内容需一件样品：共 \(value(.kolSamples)) 件，来自\(source)，成本 \(value(.kolSampleCost))。"))
        parts.append(intro.joined(separator: t(" ", "")))
        let rows = kol.lines.map { line in
            [Markdown.escape(line.name), String(line.posts), style.count(line.followers), style.percent(line.engagementRate),
             style.money(line.cost), style.count(line.reach), style.count(line.engagements), style.count(line.buyers)]
        } + [["**" + t("Total", "合计") + "**", String(kol.posts), "", "",
              "**" + value(.kolCost) + "**", value(.kolReach), value(.kolEngagements), value(.kolBuyers)]]
        parts.append(Markdown.table([t("Creator / tier", "达人 / 层级"), t("Posts", "条数"), t("Followers", "粉丝"), t("Engagement", "互动率"),
                                     t("Cost", "费用"), t("Reach", "触达"), t("Engagements", "互动"), t("Buyers", "买家")],
                                    [.left, .right, .right, .right, .right, .right, .right, .right], rows))
        var metrics: [[String]] = []
        if let budget = kol.budget {
            let cost = plan[.kolCost] ?? 0
            let over = cost > budget + 0.005 ? t(" (over by \(style.money(cost - budget)))", "（超出 \(style.money(cost - budget))）") : ""
            metrics.append([t("Budget", "预算"), style.money(budget) + over])
        }
        for output in [Output.kolCPM, .kolCPE, .kolCostPerBuyer] { metrics.append([output.label(language), value(output)]) }
        parts.append(Markdown.table([t("Measure", "指标"), t("Value", "数值")], [.left, .right], metrics))
        let schedule = kol.lines.map { line in
            let s = line.schedule
            return [Markdown.escape(line.name), style.date(s.invite), style.date(s.contract), style.date(s.sampleShipped),
                    style.date(s.draftDue), style.date(s.reviewDone), style.date(s.publish)]
        }
        parts.append("### " + t("Schedule", "排期"))
        parts.append(Markdown.table([t("Creator / tier", "达人 / 层级"), t("Invite", "邀约"), t("Contract", "签约"), t("Sample shipped", "寄样"),
                                     t("Draft due", "初稿"), t("Review done", "审核"), t("Publish", "发布")],
                                    [.left, .left, .left, .left, .left, .left, .left], schedule))
        return parts.joined(separator: "\n\n")
    }

    func seedDecision(_ seed: SeedReviewPlan) -> String {
        t("**Seed reviews:** recruit \(value(.testers)) beta testers from \(style.longDate(seed.recruitStart)) and ship their units by \(style.longDate(seed.shipBy)), so that \(seed.target) reviews are live by \(style.longDate(seed.liveBy)).",
          "**内测评论**：自 \(style.longDate(seed.recruitStart)) 起招募 \(value(.testers)) 名内测用户，\(style.longDate(seed.shipBy)) 前寄出产品，确保 \(style.longDate(seed.liveBy)) 前有 \(seed.target) 条评论上线。")
    }

    func seedSection(_ seed: SeedReviewPlan) -> String {
        var parts = ["## " + t("Seed reviews", "内测评论")]
        let by = seed.liveByIsCrowdfundingStart ? t("the crowdfunding campaign opens", "众筹开始时") : style.longDate(seed.liveBy)
        parts.append(t("To have **\(seed.target) reviews** live when \(seed.liveByIsCrowdfundingStart ? by : "it matters (\(by))"), recruit **\(value(.testers)) testers**: only \(style.percent(seed.reviewRate)) of testers post a review, so the target is divided by that rate and rounded up. Their units cost \(value(.testerCost)) at cost. The first five reviews carry most of the lift in purchase likelihood, and shoppers distrust reviews older than 90 days, so earlier is not better.",
                       "要在\(seed.liveByIsCrowdfundingStart ? by : "关键时点（\(by)）")有 **\(seed.target) 条评论**上线，需招募 **\(value(.testers)) 名内测用户**：只有 \(style.percent(seed.reviewRate)) 的用户会发布评论，因此目标除以该比例并向上取整。产品成本 \(value(.testerCost))。前五条评论贡献了大部分购买意愿提升，而消费者不信任 90 天前的评论，因此并非越早越好。"))
        let rows: [[String]] = [
            [t("Recruit testers from", "开始招募"), style.date(seed.recruitStart)],
            [t("Ship units by", "寄出产品"), style.date(seed.shipBy)],
            [t("Trial starts (units arrive)", "试用开始（产品送达）"), style.date(seed.trialStart)],
            [t("Reviews posted by", "发布评论"), style.date(seed.reviewsDue)],
            [t("Reviews live by", "评论上线"), style.date(seed.liveBy)],
            [t("Testers / units", "内测人数 / 件数"), "\(value(.testers)) / \(value(.testerUnits))"],
            [t("Cost of units", "产品成本"), value(.testerCost)],
        ]
        parts.append(Markdown.table([t("Step", "步骤"), t("Date or value", "日期或数值")], [.left, .right], rows))
        return parts.joined(separator: "\n\n")
    }

    func pilotSection() -> String {
        var parts = ["## " + t("Pilot run", "试产")]
        let ready = plan.date(.pilotReady).map(style.longDate) ?? "—"
        parts.append(t("KOL samples and testers' units come from a pilot run ready by \(ready), not from the first batch, so they can ship before the batch exists.",
                       "KOL 样品与内测用户的产品来自 \(ready) 前完成的试产，而非首批，因此可在首批之前寄出。"))
        var rows: [[String]] = []
        if plan.kol != nil { rows.append([Output.kolSamples.label(language), value(.kolSamples)]) }
        if plan.seedReviews != nil { rows.append([Output.testerUnits.label(language), value(.testerUnits)]) }
        rows.append([t("Extra (photography, certification)", "额外（拍摄、认证）"), style.count(plan.scenario.pilot?.extra.value ?? 0)])
        rows.append(["**" + Output.pilotUnits.label(language) + "**", "**" + value(.pilotUnits) + "**"])
        rows.append([Output.pilotCost.label(language), value(.pilotCost)])
        rows.append([Output.pilotReady.label(language), value(.pilotReady)])
        parts.append(Markdown.table([t("Pilot", "试产"), t("Value", "数值")], [.left, .right], rows))
        return parts.joined(separator: "\n\n")
    }
}
