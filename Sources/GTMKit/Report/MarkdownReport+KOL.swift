/// The KOL plan in the reports.
extension KOLPlan: LeverReport {
    func decision(_ report: MarkdownReport) -> String { report.kolDecision(self) }
    func markdown(_ report: MarkdownReport) -> String { report.kolSection(self) }
    func json(_ report: JSONReport) -> (key: String, value: JSONValue) { ("kol", report.kolObject(self)) }
}

/// The KOL plan and the seed-review programme.
extension MarkdownReport {
    /// KOL posts timed to a campaign that is in the plan: their buyers are backers.
    var kolToCampaign: Bool { plan.kolBuyersBack }

    func kolDecision(_ kol: KOLPlan) -> String {
        let picks = kol.fromTiers.filter { !$0 }.count, tiers = kol.lines.count - picks
        let who = kol.lines.count == 1 ? kol.lines[0].name
            : [tiers > 0 ? t("\(tiers) tier\(tiers == 1 ? "" : "s")", "\(tiers) 个层级") : nil,
               picks > 0 ? t("\(picks) creator\(picks == 1 ? "" : "s")", "\(picks) 位达人") : nil]
                .compactMap { $0 }.joined(separator: t(" and ", "和"))
        let first = kol.lines.map(\.schedule.invite).min()
        let invite = first.map { t("; first invitations by \(style.longDate($0))", "；最早邀约日 \(style.longDate($0))") } ?? ""
        let invitations = kol.lines.reduce(0) { $0 + $1.invitations }
        let posts = style.number(kol.posts)
        let destination = kolToCampaign
            ? t("backers of the campaign", "众筹支持者") : t("buyers at launch", "上市买家")
        // Named picks alone: "for 6 creators: invite 6 creators" says it twice.
        let named = tiers == 0 && kol.lines.count > 1 && invitations == picks
        let forWho = named ? "" : t(" for \(who)", "，\(who)")
        let cost = plan[.kolCost] ?? 0
        let budget = kol.budget.map { budget in
            cost > budget + 0.005
                ? t(" (⚠ \(style.exactMoney(cost - budget)) over the \(style.exactMoney(budget)) budget)",
                    "（超出预算 \(style.exactMoney(budget)) 共 \(style.exactMoney(cost - budget)) ⚠）")
                : t(" of the \(style.exactMoney(budget)) budget", "（预算 \(style.exactMoney(budget))）")
        } ?? ""
        return t("""
            **KOLs:** \(style.exactMoney(cost))\(budget)\(forWho): invite \
            \(invitations) creators for about \(posts) posts reaching \(value(.kolReach)) people and bringing \(value(.kolBuyers)) \
            \(destination)\(invite).
            """,
                 """
                 **KOL**：\(style.exactMoney(cost))\(budget)\(forWho)：邀约 \
                 \(invitations) 位达人，预计约 \(posts) 条内容，触达 \(value(.kolReach)) 人，带来 \(value(.kolBuyers)) 位\(destination)\(invite)。
                 """)
    }

    func kolSection(_ kol: KOLPlan) -> String {
        var parts = ["## " + t("KOL plan", "KOL 计划")] + pastSectionNote
        var intro: [String] = []
        if let selection = kol.selection {
            let quality = selection.exact
                ? t("the best possible pick (exact)", "最优组合（精确解）")
                : t("within \(style.percent(selection.gap)) of the best possible", "与最优解相差不超过 \(style.percent(selection.gap))")
            let objective: String
            switch kol.objective {
            case .buyers: objective = t("the most expected buyers", "预期买家最多")
            case .margin: objective = t("the most expected margin after fees and commissions", "扣除费用与佣金后预期毛利最多")
            case .engagements: objective = t("the most expected engagements (followers × engagement rate)", "预期互动（粉丝 × 互动率）最多")
            }
            intro.append(t("""
                From \(style.count(Double(kol.candidates))) candidates gtm picked the \(selection.chosen.count) with \(objective) (`kol.objective`) \
                whose expected cost (fee and commissions × the chance they accept) fits the budget: \(quality).
                """,
                           """
                           从 \(style.count(Double(kol.candidates))) 位候选中选出 \(selection.chosen.count) 位：预期费用（报价与佣金 × 接受概率）在预算内、\(objective)的组合（\
                           `kol.objective`），\(quality)。
                           """))
        }
        if kolToCampaign {
            intro.append(t("""
                Posts go live over the \(style.period(kol.publishWindow)) from the campaign's first day, smallest audiences first; each creator is \
                invited a lead time before their post.
                """,
                           "内容自众筹首日起 \(style.period(kol.publishWindow)) 内陆续发布，粉丝少的先发；每位达人按其周期提前邀约。"))
        } else {
            intro.append(t("""
                Posts go live over the \(style.period(kol.publishWindow)) before launch, smallest audiences first; each creator is invited a lead \
                time before their post.
                """,
                           "内容在上市前 \(style.period(kol.publishWindow)) 内陆续发布，粉丝少的先发；每位达人按其周期提前邀约。"))
        }
        if kol.fromTiers.contains(true) {
            intro.append(t("""
                Not every invited creator takes the deal (`acceptance`, by default half: Heepsy finds about 40% reply and advises contacting twice \
                as many as you need), so a tier's slots need `count ÷ acceptance` invitations.
                """,
                           "并非每位受邀达人都会接受合作（`acceptance`，默认一半：Heepsy 统计约 40% 回复，建议邀约所需人数的两倍），因此层级名额需邀约 `count ÷ acceptance` 位。"))
        }
        // Roster picks below a certain yes count as their chance; say what all of them would cost.
        // (A tier's slots cost what they cost: invitations stop when the slots are filled.)
        if zip(kol.lines, kol.fromTiers).contains(where: { !$1 && $0.acceptance < 1 }) {
            let all = zip(kol.lines, kol.fromTiers).reduce(0.0) { total, line in
                total + (line.1 ? line.0.cost : line.0.cost / max(line.0.acceptance, 1e-9))
            }
            let budget = kol.budget.map { t(" against the budget of \(style.exactMoney($0))", "（预算 \(style.exactMoney($0))）") } ?? ""
            intro.append(t("""
                A roster pick below 100% `acceptance` counts as its chance in posts, fees and buyers; if every invited creator on the roster says \
                yes, the KOL plan costs \(style.exactMoney(all))\(budget).
                """,
                           "名单中 `acceptance` 低于 100% 的达人按接受概率计入条数、费用与买家；若名单上受邀达人全部接受，KOL 费用为 \(style.exactMoney(all))\(budget)。"))
        }
        intro.append(t("""
            A post's buyers arrive over the days after it, halving every platform half-life (Douyin 10 hours, Instagram 19 hours, Xiaohongshu 3 \
            days, YouTube 6 days)
            """
                        + (kolToCampaign ? "; timed to the campaign, they back it." : "; those before launch buy on launch day."),
                       "每条内容的买家在发布后陆续到来，按平台半衰期递减（抖音 10 小时、Instagram 19 小时、小红书 3 天、YouTube 6 天）"
                        + (kolToCampaign ? "；内容对准众筹，买家即成为众筹支持者。" : "；上市前到来的买家在上市日购买。")))
        let source = plan.scenario.pilot != nil ? t("from the pilot run", "来自试产")
            : plan.firstBatch != nil ? t("from the first batch", "来自首批") : t("bought as they ship (no pilot run or batch)", "寄出时采购（无试产或首批）")
        intro.append(t("Each post needs a sample: \(value(.kolSamples)) units \(source), \(value(.kolSampleCost)) at cost.",
                       "每条内容需一件样品：共 \(value(.kolSamples)) 件，\(source)，成本 \(value(.kolSampleCost))。"))
        let worth = plan.kolBuyerWorth
        intro.append(marketingRule(contribution: worth.contribution, backers: kolToCampaign))
        parts.append(intro.joined(separator: t(" ", "")))
        let price = worth.sale
        func row(_ line: KOLPlan.Line) -> [String] {
            let funnel = "\(style.percent(line.viewRate)) × \(style.percent(line.clickRate)) × \(style.percent(line.conversion))"
            let commission = line.commission > 0
                ? t(" (incl. \(style.percent(line.commission)) commission)", "（含 \(style.percent(line.commission)) 佣金）") : ""
            return [Markdown.escape(line.name), line.platform.isEmpty ? "—" : text.platformName(line.platform), String(line.invitations),
                    style.number(line.posts), style.count(line.followers), style.percent(line.engagementRate), funnel,
                    style.money(line.cost) + commission, style.count(line.reach), style.count(line.engagements), style.number(line.buyers),
                    line.buyers > 0 ? style.money(line.costPerBuyer) : "—", roas(sales: line.buyers * price, cost: line.cost)]
        }
        let total = ["**" + t("Total", "合计") + "**", "", String(kol.lines.reduce(0) { $0 + $1.invitations }), style.number(kol.posts), "", "",
                     "", "**" + value(.kolCost) + "**", value(.kolReach), value(.kolEngagements), value(.kolBuyers), value(.kolCostPerBuyer),
                     roas(sales: (plan[.kolBuyers] ?? 0) * price, cost: plan[.kolCost] ?? 0)]
        let rows = kol.lines.map(row) + [total]
        parts.append(Markdown.table([t("Creator / tier", "达人 / 层级"), t("Platform", "平台"), t("Invite", "邀约"), t("Posts", "条数"),
                                     t("Followers", "粉丝"), t("Engagement", "互动率"), t("View × click × buy", "观看 × 点击 × 购买"),
                                     t("Cost", "费用"), t("Reach", "触达"), t("Engagements", "互动"), t("Buyers", "买家"),
                                     t("Per buyer", "每位买家"), "ROAS"],
                                    [.left, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right],
                                    rows))
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
        t("""
            **Seed reviews:** recruit \(value(.testers)) beta testers from \(style.longDate(seed.recruitStart)) and ship their units by \
            \(style.longDate(seed.shipBy)), so that \(seed.target) reviews are live by \(style.longDate(seed.liveBy)).
            """,
          """
          **内测评论**：自 \(style.longDate(seed.recruitStart)) 起招募 \(value(.testers)) 名内测用户，\(style.longDate(seed.shipBy)) 前寄出产品，确保 \
          \(style.longDate(seed.liveBy)) 前有 \(seed.target) 条评论上线。
          """)
    }

    func seedSection(_ seed: SeedReviewPlan) -> String {
        var parts = ["## " + t("Seed reviews", "内测评论")] + pastSectionNote
        let by = seed.liveByIsCrowdfundingStart ? t("the crowdfunding campaign opens", "众筹开始时") : style.longDate(seed.liveBy)
        parts.append(t("""
            To have **\(seed.target) reviews** live when \(seed.liveByIsCrowdfundingStart ? by : "it matters (\(by))"), recruit \
            **\(value(.testers)) testers**: only \(style.percent(seed.reviewRate)) of testers post a review, so the target is divided by that rate \
            and rounded up. Their units come to \(value(.testerCost)) at \(plan.scenario.pilot != nil ? "the pilot's unit cost" : "unit cost"). \
            The first five reviews carry most of the lift in purchase likelihood, and shoppers distrust reviews older than 90 days, so earlier \
            is not better.
            """,
                       """
                       要在\(seed.liveByIsCrowdfundingStart ? by : "关键时点（\(by)）")有 **\(seed.target) 条评论**上线，需招募 **\(value(.testers)) 名内测用户**：只有 \
                       \(style.percent(seed.reviewRate)) 的用户会发布评论，因此目标除以该比例并向上取整。产品成本 \(value(.testerCost))。前五条评论贡献了大部分购买意愿提升，而消费者不信任 90 \
                       天前的评论，因此并非越早越好。
                       """))
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
        var parts = ["## " + t("Pilot run", "试产")] + pastSectionNote
        let ready = plan.date(.pilotReady).map(style.longDate) ?? "—"
        parts.append(t("""
            KOL samples and testers' units come from a pilot run ready by \(ready), not from the first batch, so they can ship before the batch \
            exists.
            """,
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

extension Plan {
    /// The KOL plan, when the scenario has a `kol` section.
    var kol: KOLPlan? { lever(KOLPlan.self) }
}
