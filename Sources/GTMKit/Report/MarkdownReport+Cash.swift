/// The cash flow: what the launch needs and when, every payment and receipt, the balance by week.
extension MarkdownReport {
    /// The decisions' line: the money to raise and the week it must be there (a week's payments
    /// count before its receipts).
    func cashDecision() -> String? {
        guard let need = plan[.peakNeed] else { return nil }
        let onHand = plan.cash?.onHand ?? 0
        let payback = (plan.date(.payback).map {
            t(" After launch, by the week of \(style.longDate($0)), the launch has brought in what it paid out.",
              "至 \(style.longDate($0)) 当周，上市收回的现金已抵过全部支出（累计净现金流回正）。")
        } ?? t(" Within the horizon the launch does not bring in what it pays out.", "计划期内上市收回的现金未能抵过支出。")) + belowAgain()
        guard need > 0, let date = plan.date(.peakDate) else {
            return t("**Cash:** the plan never spends more than it has received.", "**资金**：计划支出从未超过已收款项。") + payback
        }
        let gap = plan[.fundingGap] ?? need
        // The money is needed as the payments fall due: the first of the gap when the cash on
        // hand runs out, which may be weeks before the peak.
        let runsOut = plan.cash?.runsOut.map { week in
            week.start < date ? t(": the cash on hand runs out in the week of \(style.longDate(week.start)), so the first of it is due then",
                                  "：现有资金在 \(style.longDate(week.start)) 当周用尽，届时即需第一笔") : ""
        } ?? ""
        // A shortfall that the same week's receipts close (a deposit due the day before a payout)
        // is a matter of days: a bridge or a moved payment date may do instead of new money
        // (said only when there is money to raise).
        let brief = plan.cash?.weeks.first { $0.start == date }.flatMap { week in
            gap > 0 && week.balance - onHand >= 0
                ? t("""
                     The same week's receipts close it by the week's end, so it lasts days: a short bridge, or moving that payment after the \
                    receipt, may do instead.
                    """,
                    "当周收款在周末前即可补上，缺口只持续数天：短期过桥资金，或把该笔付款挪到收款之后，也可解决。")
                : nil
        } ?? ""
        let onHandText = onHand > 0
            ? (gap > 0 ? t(" With \(style.exactMoney(onHand)) on hand, raise **\(style.exactMoney(gap))**\(runsOut).",
                           "现有 \(style.exactMoney(onHand))，需再筹 **\(style.exactMoney(gap))**\(runsOut)。")
                       : t(" The \(style.exactMoney(onHand)) on hand covers it.", "现有 \(style.exactMoney(onHand)) 足以覆盖。"))
            : ""
        let first = plan.cash?.weeks.first.map { style.longDate($0.start) } ?? ""
        return t("""
            **Cash:** you need **\(style.exactMoney(need))** by \(style.longDate(date)), the week the cumulative shortfall peaks, a week's payments \
            counted before its receipts\(range(.peakNeed, exact: true).map { " (P10–P90 \($0))" } ?? ""); payments start in the week of \(first).
            """,
                 """
                 **资金**：在 \(style.longDate(date)) 前需要 **\(style.exactMoney(need))**，即累计资金缺口最大的那一周（每周先计付款、后计收\
                 款）\(range(.peakNeed, exact: true).map { "（P10–P90 \($0)）" } ?? "")；付款自 \(first) 当周开始。
                 """)
            + onHandText + brief + payback
    }

    /// After the payback week, the lowest the cumulative net cash falls again (payments before
    /// receipts, as the peak need), when later orders take it below zero.
    func belowAgain() -> String {
        guard let flow = plan.cash, let payback = plan.date(.payback) else { return "" }
        let later = flow.weeks.filter { $0.start > payback }
        guard let lowest = later.min(by: { $0.lowest < $1.lowest }), lowest.lowest - flow.onHand < -0.5 else { return "" }
        let short = style.money((flow.onHand - lowest.lowest).rounded())
        return t("""
             Later payments (reorders) take the cumulative net cash (cash on hand aside) below zero again: by up to \(short), in the week of \
            \(style.longDate(lowest.start)).
            """,
                 "之后的付款（补货）会使累计净现金流再次为负：最多 \(short)，在 \(style.longDate(lowest.start)) 当周。")
    }

    /// "Mondays", "Tuesdays"… for the week grid's first day.
    func weekdays(_ date: CivilDate) -> String {
        let en = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
        let zh = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        return t(en[date.weekday - 1], zh[date.weekday - 1])
    }

    func cashSection(_ flow: CashFlow) -> String {
        var parts = ["## " + t("Cash over time", "现金流")]
        let first = flow.weeks.first?.start ?? plan.scenario.launch.date
        let horizonEnd = plan.scenario.horizon.after(plan.scenario.launch.date).adding(days: -1)
        parts.append(t("""
            Every payment and receipt the plan implies, on the plan's own dates, summed by week (weeks start on \(weekdays(first)), the launch's \
            weekday) from the first payment, in the week of \(style.date(first)), to the end of the horizon on \(style.date(horizonEnd)). The \
            balance is the cash on hand (\(style.money(flow.onHand)), `cash.on_hand`) plus what has come in less what has gone out. The peak need \
            counts each week's payments before its receipts, so money that lands later in a week never covers a payment due earlier in it.
            """,
                       """
                       计划涉及的每笔付款与收款，按计划自身的日期逐周汇总（每周从\(weekdays(first))开始，即上市日的星期），从首笔付款所在周（\(style.date(first))）到计划期结束（\(style.date(horizonEnd))）。余额\
                        = 现有资金（\(style.money(flow.onHand))，`cash.on_hand`）加已收款减已付款。峰值资金需求按每周先付款、后收款计算，周内晚到的收款不会抵消同周较早的付款。
                       """))
        var rows: [[String]] = []
        let ranged = plan.uncertainty != nil
        for output in Output.outputs(of: .cash) where plan.values[output.id].isFinite || output == .payback {
            let shown = output == .payback && plan[.payback] == nil ? t("not within the horizon", "计划期内未回正") : value(output)
            rows.append([output.label(language), shown] + (ranged ? [range(output) ?? "—"] : []))
        }
        parts.append(Markdown.table([t("Measure", "指标"), t("Plan", "计划值")] + (ranged ? ["P10–P90"] : []),
                                    ranged ? [.left, .right, .right] : [.left, .right], rows))
        parts.append("### " + t("What is paid and received", "付款与收款明细"))
        parts.append(ledgerTable(flow))
        parts.append(cashNotes(flow).joined(separator: t(" ", "")))
        parts.append(balanceChart(flow))
        // Whole amounts: a weekly cash table in cents would only look precise.
        let weekRows = flow.weeks.map { week in
            [style.date(week.start), week.inflow == 0 ? "" : style.money(week.inflow.rounded()),
             week.outflow == 0 ? "" : style.money(week.outflow.rounded()), style.money(week.balance.rounded())]
        }
        let table = Markdown.table([t("Week of", "周（起）"), t("In", "收入"), t("Out", "支出"), t("Balance", "余额")],
                                   [.left, .right, .right, .right], weekRows)
        parts.append(folded(t("Week by week (\(flow.weeks.count) weeks)", "逐周明细（\(flow.weeks.count) 周）"), table))
        return parts.joined(separator: "\n\n")
    }

    /// Each item's total, with the day (or the first and last day) it is paid or received.
    func ledgerTable(_ flow: CashFlow) -> String {
        var paid = 0.0, received = 0.0
        var rows: [[String]] = flow.totals.map { total in
            let when = total.first == total.last ? style.date(total.first) : style.date(total.first) + " – " + style.date(total.last)
            if total.item.isReceipt { received += total.amount } else { paid += total.amount }
            return [text.cashItem(total.item), when, total.item.isReceipt ? "" : style.money(total.amount.rounded()),
                    total.item.isReceipt ? style.money(total.amount.rounded()) : ""]
        }
        rows.append(["**" + t("Total", "合计") + "**", "", "**" + style.money(paid.rounded()) + "**", "**" + style.money(received.rounded()) + "**"])
        return Markdown.table([t("Item", "项目"), t("When", "时间"), t("Paid", "付出"), t("Received", "收到")],
                              [.left, .left, .right, .right], rows)
    }

    /// Where the dates and terms come from, and what the flow leaves out.
    func cashNotes(_ flow: CashFlow) -> [String] {
        var notes: [String] = []
        let scenario = plan.scenario
        if let inventory = scenario.inventory {
            notes.append(t("""
                Purchase orders pay \(style.percent(inventory.deposit.value)) when placed and the rest when the goods leave the factory \
                (`inventory.freight` = \(style.period(inventory.freight)) before they arrive).
                """,
                           "采购单下单时付 \(style.percent(inventory.deposit.value))，其余在出厂时支付（`inventory.freight` = 到货前 \(style.period(inventory.freight))）。"))
        }
        if let payout = flow.payout, let rule = flow.payoutRule, plan.flag(.inPlan) {
            let source = scenario.crowdfunding?.payoutDelay != nil ? "`crowdfunding.payout_delay`"
                : t("the timing \(platformName) publishes, see gtm's Models article, Cash over time; `crowdfunding.payout_delay` overrides it",
                    "\(platformName) 公布的到账时间，见 gtm 文档 Models 一文（Cash over time）；可用 `crowdfunding.payout_delay` 覆盖")
            let when: String
            switch rule {
            case .afterEnd(let delay): when = t("\(style.period(delay)) after the campaign closes", "众筹结束后 \(style.period(delay))")
            case .afterRewards(let delay): when = t("\(style.period(delay)) after rewards ship", "回报发货后 \(style.period(delay))")
            }
            let allOrNothing = scenario.crowdfunding?.funding == .allOrNothing
            let pledged = plan[.pledged] ?? 0, goal = plan[.goal] ?? 0
            let funds = Decisions.funds(inPlan: true, allOrNothing: allOrNothing, pledged: pledged, goal: goal)
            notes.append(t("The campaign's money \(funds ? "arrives" : "would arrive") on \(style.date(payout)), \(when) (\(source)).",
                           "众筹款\(funds ? "" : "若成功将")于 \(style.date(payout)) 到账，即\(when)（\(source)）。"))
            if allOrNothing {
                notes.append(funds
                    ? t("""
                        All or nothing: a simulated launch whose pledges miss the goal is paid nothing and owes no rewards (the batch's \
                        units for its backers sell at retail).
                        """, "全有或全无：认筹未达目标的模拟情形不到账、也无需交付回报（首批中为支持者预留的件数转为零售）。")
                    : t("""
                        All or nothing: in the base case the pledges (\(style.money(pledged))) miss the \(style.money(goal)) goal, so the \
                        campaign pays nothing and owes no rewards here; its money counts only in the simulated launches that reach the goal.
                        """, """
                        全有或全无：基准情形的认筹（\(style.money(pledged))）未达 \(style.money(goal)) 的目标，此处众筹不到账、也无需交付回报；\
                        众筹款只计入达成目标的模拟情形。
                        """))
            }
        }
        if let ships = flow.rewardsShip, let campaign = plan.crowdfunding, plan.flag(.inPlan) {
            let payoutFollows = flow.payoutRule.map { if case .afterRewards = $0 { true } else { false } } ?? false
            notes.append(t("""
                Rewards cannot ship on \(style.date(campaign.fulfillment)) as the scenario says: no unit exists before the first batch lands on \
                \(style.date(ships)) (see the warnings). The cash counts their shipping\(payoutFollows ? ", and the payout that follows it," : "") \
                from that day.
                """,
                           """
                           回报无法按情景在 \(style.date(campaign.fulfillment)) 发货：首批 \(style.date(ships)) 到货前没有产品（见警告）。\
                           现金流按该日计入回报运费\(payoutFollows ? "及随后的众筹款到账" : "")。
                           """))
        }
        if scenario.kol != nil {
            let upfront = scenario.kol?.upfront ?? 1
            notes.append(upfront >= 1 ? t("KOL fees are paid in full at contract (`kol.upfront`).", "KOL 费用在签约时全额支付（`kol.upfront`）。")
                : t("KOL fees: \(style.percent(upfront)) at contract, the rest on publishing (`kol.upfront`).",
                    "KOL 费用：签约时付 \(style.percent(upfront))，其余在发布时支付（`kol.upfront`）。"))
        }
        if scenario.kol != nil || scenario.seedReviews != nil {
            switch flow.samplesFrom {
            case .pilot: notes.append(t("Samples and tester units are in the pilot run's cost.", "样品与内测产品计入试产成本。"))
            case .batch: notes.append(t("Samples and tester units are in the first batch's cost.", "样品与内测产品计入首批成本。"))
            case .bought: notes.append(t("Samples and tester units are paid for when they ship.", "样品与内测产品在寄出时付款。"))
            }
        }
        if !plan.channelTerms.isEmpty {
            notes.append(t("""
                Retail money comes in after each channel's settlement delay (see Unit economics); what is still owed at the horizon's end is not \
                counted.
                """,
                           "零售款按各渠道结算周期到账（见“单位经济”）；计划期结束时尚未结算的款项不计入。"))
        }
        if scenario.inventory == nil {
            notes.append(t("Without an inventory section, units are paid for as they sell.", "没有 inventory 部分时，产品按售出时付款。"))
        } else if let end = scenario.curve.sellBy, plan[.clearanceUnits] != nil {
            let salvage = style.money(scenario.product.salvage.value)
            notes.append(t("Stock left when the season ends (\(style.date(end))) is cleared at salvage (\(salvage) a unit) that day; "
                           + "what a markdown before it would fetch above salvage is not counted.",
                           "销售季结束（\(style.date(end))）时的剩余库存当天按残值（每件 \(salvage)）清仓；季末降价高于残值的部分未计入。"))
        } else {
            notes.append(t("Unsold stock at the horizon's end is not counted as cash.", "计划期结束时的未售库存不计为现金。"))
        }
        return notes
    }

    /// The balance at the end of each week: a Mermaid line, or gtm's SVG in the HTML, with the
    /// P10–P90 band of the simulation where inputs are uncertain.
    func balanceChart(_ flow: CashFlow) -> String {
        let balances = flow.weeks.map(\.balance)
        let band = plan.uncertainty?.bands?.balance(lastWeeks: balances.count).map { (low: $0.p10, high: $0.p90) }
        var title = t("Cash balance at the end of each week", "每周末现金余额")
        if band != nil { title += bandNote }
        if svgCharts {
            return "<figure class=\"chart\">" + SVGChart.line(title: title, values: balances, dates: flow.weeks.map(\.start), band: band,
                                                             markers: chartMarkers(), lowest: t("Lowest week-end balance:", "周末最低余额："), axis: chartAxis,
                                                             format: { style.money($0) }) + "</figure>"
        }
        let first = flow.weeks.first.map { style.date($0.start) } ?? ""
        return xyChart(title: title, xAxis: t("Week (week 1 starts \(first))", "周（第 1 周始于 \(first)）"), values: balances, band: band,
                       reference: [], money: true)
    }
}
