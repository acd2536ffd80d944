/// Learning from data: the analogs' fits (in the demand section) and the plan on the sales so far.
extension MarkdownReport {
    /// The analogs' Bass fits, one row each, and how the curve uses them.
    func analogsBlock() -> String? {
        guard let analogs = plan.scenario.demand?.analogs, !analogs.isEmpty, let demand = plan.demand else { return nil }
        func ranged(_ value: Double, _ range: ClosedRange<Double>?) -> String {
            style.number(value) + (range.map { " (\(style.number($0.lowerBound))–\(style.number($0.upperBound)))" } ?? "")
        }
        let rows = analogs.map { fit -> [String] in
            let periods: String
            switch fit.periodDays {
            case 7: periods = t("\(fit.periods) weeks", "\(fit.periods) 周")
            case 365.25 / 4: periods = t("\(fit.periods) quarters", "\(fit.periods) 个季度")
            case 365.25: periods = t("\(fit.periods) years", "\(fit.periods) 年")
            default: periods = t("\(fit.periods) months", "\(fit.periods) 个月")
            }
            return ["`" + Markdown.escape(fit.path) + "`", periods, ranged(fit.estimate.p, fit.estimate.pRange),
                    ranged(fit.estimate.q, fit.estimate.qRange), style.count(fit.estimate.m), Format.grouped(fit.estimate.r2, decimals: 3)]
        }
        let table = Markdown.table([t("Analog", "类比产品"), t("Sales data", "销售数据"), t("p a year (95% range)", "创新系数 p，按年（95% 区间）"),
                                    t("q a year (95% range)", "模仿系数 q，按年（95% 区间）"), t("Its market potential m", "其市场潜量 m"), "R²"],
                                   [.left, .right, .right, .right, .right, .right], rows)
        let use = analogs.count == 1
            ? t("The curve takes its p and q.", "曲线采用其 p 与 q。")
            : t("""
                The curve takes the middle of their spread (p = \(style.number(demand.p)), q = \(style.number(demand.q))); the Monte Carlo draws p \
                and q across it, the analogs' lowest and highest taken as a 90% range, so the decisions carry the disagreement.
                """,
                "曲线取其区间中值（p = \(style.number(demand.p))，q = \(style.number(demand.q))）；蒙特卡洛在该区间内抽取 p 与 q（以各类比的最低与最高值作为 90% 区间），决策因此考虑了类比之间的差异。")
        let method = t("""
            p and q are fitted to each analog's sales by nonlinear least squares on period sales, m·(F(tᵢ) − F(tᵢ₋₁)) against each period's units \
            (Srinivasan & Mason 1986); the 95% ranges come from the fit's standard errors. m is the analog's own market potential, shown to judge \
            the fit: this plan's size comes from the market section. \(use)
            """,
                       """
                       按各期销量的非线性最小二乘为每个类比产品拟合 p 与 q：以 m·(F(tᵢ) − F(tᵢ₋₁)) 拟合每期销量（Srinivasan & Mason 1986）；95% 区间来自拟合的标准误。m \
                       是类比产品自身的市场潜量，仅用于判断拟合：本计划的规模来自市场规模一节。\(use)
                       """)
        let refit = plan.actuals != nil
            ? t(" This is the curve before the sales data; Sales to date gives its refit.", "以上为纳入销售数据前的曲线；重新拟合见“至今销量”。") : ""
        return "### " + t("Analogs: where p and q come from", "类比产品：p 与 q 的来源") + "\n\n" + table + "\n\n" + method + refit
    }

    /// The demand section's opening with actual sales: what is sold, what is re-forecast.
    func actualsDemandText(_ actuals: ActualsReport) -> String {
        let horizon = style.period(plan.scenario.horizon)
        let last = actuals.asOf.adding(days: -1)
        return t("""
            Weeks 1–\(actuals.weeks) are the units sold (to \(style.longDate(last)), `\(Markdown.escape(actuals.path))`); from \
            \(style.longDate(actuals.asOf)) on, the re-forecast (see Sales to date). Demand within \(horizon) is now \
            **\(value(.reforecastHorizonUnits)) units**; the plan before the sales data said \
            \(actuals.before.horizonUnits.map(style.count) ?? "—"). The Plan column is that forecast.
            """,
                 """
                 第 1–\(actuals.weeks) 周为实际销量（截至 \(style.longDate(last))，`\(Markdown.escape(actuals.path))`）；自 \(style.longDate(actuals.asOf)) \
                 起为重新预测（见“至今销量”）。\(horizon)内需求现为 **\(value(.reforecastHorizonUnits)) 件**；纳入销售数据前的计划为 \
                 \(actuals.before.horizonUnits.map(style.count) ?? "—") 件。“计划”列为纳入销售数据前的计划。
                 """)
    }

    /// One decision line: the sales so far against the plan, and the re-forecast.
    func actualsDecision(_ actuals: ActualsReport) -> String {
        let change = actuals.planToDate > 0 ? (actuals.toDate - actuals.planToDate) / actuals.planToDate : 0
        let direction = change >= 0 ? t("above", "高") : t("below", "低")
        let horizon = style.period(plan.scenario.horizon)
        return t("""
            **Sales to date:** \(units(actuals.toDate)) in \(actuals.weeks) weeks, \(style.percent(abs(change))) \(direction) the plan's \
            \(style.count(actuals.planToDate)); demand within \(horizon) re-forecast at \(units(actuals.reforecastHorizonUnits)) (the plan said \
            \(actuals.before.horizonUnits.map(style.count) ?? "—")).
            """,
                 """
                 **至今销量**：\(actuals.weeks) 周售出 \(units(actuals.toDate))，比计划的 \(style.count(actuals.planToDate)) 件\(direction) \
                 \(style.percent(abs(change)))；\(horizon)内需求重新预测为 \(units(actuals.reforecastHorizonUnits))（原计划 \
                 \(actuals.before.horizonUnits.map(style.count) ?? "—") 件）。
                 """)
    }

    /// The reorders on the sales so far: the orders placed, then the next to place.
    func actualsReorderDecision(_ actuals: ActualsReport, _ batch: FirstBatch) -> String? {
        let placed = batch.reorders.filter { $0.date < actuals.asOf }
        let next = batch.reorders.filter { $0.date >= actuals.asOf }
        guard !placed.isEmpty || !next.isEmpty else { return nil }
        var sentences: [String] = []
        for order in placed {
            let late = order.stockout.map { t(" (at the sales so far stock runs out on \(style.longDate($0)), before it lands)",
                                              "（按目前销量，库存将在 \(style.longDate($0)) 断货，早于其到货）") } ?? ""
            sentences.append(t("""
                placed on \(style.longDate(order.date)), \(units(Double(order.units), exact: true)), in the warehouse on \
                \(style.longDate(order.arrival))\(late)
                """,
                               "\(style.longDate(order.date)) 已下单 \(units(Double(order.units), exact: true))，\(style.longDate(order.arrival)) 入仓\(late)"))
        }
        if let first = next.first {
            let more = next.count - 1
            let then = more > 0 ? t("; then \(more) more through the horizon, \(units(Double(next.dropFirst().reduce(0) { $0 + $1.units }), exact: true))",
                                    "；此后计划期内再下 \(more) 单，共 \(units(Double(next.dropFirst().reduce(0) { $0 + $1.units }), exact: true))") : ""
            let order = first.date == actuals.asOf
                ? t("next: order \(units(Double(first.units), exact: true)) now (\(style.longDate(first.date)))",
                    "下一单：今日（\(style.longDate(first.date))）即下单 \(units(Double(first.units), exact: true))")
                : t("next: order \(units(Double(first.units), exact: true)) by \(style.longDate(first.date))",
                    "下一单：在 \(style.longDate(first.date)) 前下单 \(units(Double(first.units), exact: true))")
            sentences.append(order + t(", in the warehouse on \(style.longDate(first.arrival))\(then)", "，\(style.longDate(first.arrival)) 入仓\(then)"))
        }
        return t("**Reorders:** ", "**补货**：") + sentences.joined(separator: t("; ", "；")) + t(".", "。")
    }

    /// Below plan: the orders placed that can wait (they land with more than the safety stock on
    /// hand: the days until the stock would fall to it) and the orders still to place that shrink
    /// against the plan before, with the cash that frees and the units that would have been left.
    func actualsDeferral(_ actuals: ActualsReport, _ batch: FirstBatch) -> String? {
        guard actuals.toDate < actuals.planToDate, let weeks = plan.demand?.weeks else { return nil }
        let daily = ReorderModel.daily(weeks)
        let safety = plan[.safetyStock] ?? 0
        let cost = plan.scenario.product.unitCost.value
        var sentences: [String] = []
        for order in batch.reorders where order.date < actuals.asOf && order.arrival > actuals.asOf && order.stockAtArrival > safety {
            // The days its arrival can wait: until the stock on hand, at the re-forecast, falls to the safety stock.
            var stock = order.stockAtArrival, days = 0
            var day = plan.scenario.launch.date.days(to: order.arrival)
            while day < daily.count, stock - daily[day] > safety {
                stock -= daily[day]
                day += 1
                days += 1
            }
            guard days >= 7 else { continue }
            sentences.append(t("""
                ask the factory to hold the order placed on \(style.longDate(order.date)) (\(units(Double(order.units), exact: true))) for about \
                \(style.days(days)): it lands with \(style.count(order.stockAtArrival)) on hand, above the \(style.count(safety)) safety stock, so \
                its balance is paid later
                """,
                               """
                               请工厂将 \(style.longDate(order.date)) 所下补货单（\(units(Double(order.units), exact: true))）推迟约 \(style.days(days))：\
                               到货时在库 \(style.count(order.stockAtArrival)) 件，高于安全库存 \(style.count(safety)) 件，尾款随之推迟
                               """))
        }
        let before = actuals.before.reorders.filter { $0.date >= actuals.asOf }.reduce(0) { $0 + $1.units }
        let now = batch.reorders.filter { $0.date >= actuals.asOf }.reduce(0) { $0 + $1.units }
        if now < before {
            let fewer = Double(before - now)
            sentences.append(t("""
                the orders still to place come to \(units(Double(now), exact: true)) instead of the \(units(Double(before), exact: true)) planned \
                before launch: \(style.exactMoney(fewer * cost)) less cash at unit cost, and \(units(fewer, exact: true)) that would have been \
                left unsold at these sales
                """,
                               """
                               尚待下达的补货共 \(units(Double(now), exact: true))，而非上市前计划的 \(units(Double(before), exact: true))：按单位成本少占用 \
                               \(style.exactMoney(fewer * cost)) 资金，按目前销量少剩 \(units(fewer, exact: true))
                               """))
        }
        guard !sentences.isEmpty else { return nil }
        return t("**Below plan:** ", "**低于计划**：") + sentences.joined(separator: t("; ", "；")) + t(".", "。")
    }

    /// The cash from the day after the last week sold: the lowest balance ahead, and what to raise.
    func actualsCashDecision(_ actuals: ActualsReport) -> String? {
        guard let flow = plan.cash else { return nil }
        let ahead = flow.weeks.filter { $0.start.adding(days: 6) >= actuals.asOf }
        // Within a week payments count before receipts, as in the peak need.
        guard let lowest = ahead.min(by: { $0.lowest < $1.lowest }) else { return nil }
        let basis = t("cash on hand and the plan's payments and receipts so far; money raised since is not in it",
                      "含现有资金及至今按计划的收支，不含此后新筹资金")
        if lowest.lowest < 0 {
            return t("""
                **Cash ahead:** from \(style.longDate(actuals.asOf)) the balance (\(basis)) falls lowest in the week of \
                \(style.longDate(lowest.start)), to \(style.exactMoney(lowest.lowest)) before that week's receipts: have \
                **\(style.exactMoney(-lowest.lowest))** more by then (see Cash over time).
                """,
                     """
                     **后续资金**：自 \(style.longDate(actuals.asOf)) 起，余额（\(basis)）在 \(style.longDate(lowest.start)) 当周收款前降至最低 \
                     \(style.exactMoney(lowest.lowest))：需在此前另备 **\(style.exactMoney(-lowest.lowest))**（见“现金流”）。
                     """)
        }
        return t("""
            **Cash ahead:** from \(style.longDate(actuals.asOf)) the balance (\(basis)) stays above zero; its lowest is \
            \(style.exactMoney(lowest.lowest)) in the week of \(style.longDate(lowest.start)), before that week's receipts.
            """,
                 "**后续资金**：自 \(style.longDate(actuals.asOf)) 起，余额（\(basis)）始终为正；最低为 \(style.longDate(lowest.start)) 当周收款前的 \(style.exactMoney(lowest.lowest))。")
    }

    /// The dates ahead, from the day after the last week sold: orders to place, orders that land,
    /// the stock-out a warning names, the purchase orders' balances.
    func actualsKeyDates(_ actuals: ActualsReport) -> String? {
        var dates: [(CivilDate, String)] = []
        for order in plan.firstBatch?.reorders ?? [] {
            if order.date >= actuals.asOf {
                dates.append((order.date,
                              t("place a reorder (\(units(Double(order.units), exact: true)))", "下补货单（\(units(Double(order.units), exact: true))）")))
            }
            if order.arrival >= actuals.asOf { dates.append((order.arrival, t("a reorder lands", "补货入仓"))) }
            if order.date < actuals.asOf, let out = order.stockout, out >= actuals.asOf {
                dates.append((out, t("stock runs out", "断货")))
            }
        }
        for item in plan.cash?.ledger ?? [] where item.item == .reorderBalance && CivilDate(daysSinceEpoch: item.day) >= actuals.asOf {
            dates.append((CivilDate(daysSinceEpoch: item.day),
                          t("reorder balance due (\(style.exactMoney(item.amount)))", "补货尾款到期（\(style.exactMoney(item.amount))）")))
        }
        guard !dates.isEmpty else { return nil }
        let ordered = dates.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element).prefix(8)
        return t("**Key dates ahead:** ", "**后续关键日期**：")
            + ordered.map { "\(style.date($0.0)) \($0.1)" }.joined(separator: t("; ", "；")) + t(".", "。")
    }

    /// What was decided before launch and is kept, in one line.
    func decidedBeforeLaunch() -> String? {
        var parts: [String] = []
        if let batch = plan.firstBatch, let units = plan[.firstBatchUnits] {
            parts.append(t("first batch \(self.units(units, exact: true)) (ordered by \(style.longDate(batch.poDate)))",
                           "首批 \(self.units(units, exact: true))（\(style.longDate(batch.poDate)) 前下单）"))
        }
        if let campaign = plan.crowdfunding, plan.flag(.inPlan) {
            parts.append(t("the \(platformName) campaign (\(style.date(campaign.start)) – \(style.date(campaign.end)), goal \(value(.goal)))",
                           "\(platformName) 众筹（\(style.date(campaign.start)) – \(style.date(campaign.end))，目标 \(value(.goal))）"))
        }
        if plan.kol != nil { parts.append(t("KOL posts (\(value(.kolCost)))", "KOL 内容（\(value(.kolCost))）")) }
        if plan.ads != nil { parts.append(t("ads (\(value(.adsCost)))", "广告（\(value(.adsCost))）")) }
        if plan.seedReviews != nil { parts.append(t("\(value(.testers)) beta testers", "\(value(.testers)) 位内测用户")) }
        if plan.scenario.pilot != nil { parts.append(t("the pilot run (\(value(.pilotUnits)) units)", "试产（\(value(.pilotUnits)) 件）")) }
        guard !parts.isEmpty else { return nil }
        return t("**Decided before launch, kept as planned:** ", "**上市前已定、按计划执行**：") + parts.joined(separator: t("; ", "；"))
            + t(". The sections below give them in full; their dates are past.", "。详见下文各节；其日期均已过去。")
    }

    /// The sales to date against the plan, what changes now, and how the re-forecast learns.
    func actualsSection(_ actuals: ActualsReport) -> String {
        var parts = ["## " + t("Sales to date", "至今销量")]
        let horizon = style.period(plan.scenario.horizon)
        let before = actuals.before
        let next = plan.firstBatch?.reorders.first { $0.date >= actuals.asOf }
        let planned = actuals.beforeNext
        func order(_ order: Reorder?) -> String {
            guard let order else { return t("none", "无") }
            return "\(style.date(order.date)), \(self.units(Double(order.units), exact: true))"
        }
        var rows: [[String]] = [
            [t("Units sold in weeks 1–\(actuals.weeks)", "第 1–\(actuals.weeks) 周销量"), style.count(actuals.planToDate),
             "**" + style.count(actuals.toDate) + "**"],
            [t("Demand within \(horizon)", "\(horizon)内需求"), before.horizonUnits.map(style.count) ?? "—", "**" + value(.reforecastHorizonUnits) + "**"],
        ]
        // Orders and cash only where the plan has them.
        if plan.firstBatch != nil { rows += [
            [t("Next order from \(style.date(actuals.asOf)) (place by, units)", "\(style.date(actuals.asOf)) 起的下一单（下单日、数量）"),
             order(planned), order(next)],
            [t("Stock runs out without it", "不下此单的断货日"), planned?.stockout.map(style.date) ?? "—", next?.stockout.map(style.date) ?? "—"],
            [t("Units reordered through the horizon", "计划期内补货总量"), style.exactCount(Double(before.reorders.reduce(0) { $0 + $1.units })),
             value(.reorderTotalUnits)],
        ] }
        if plan.cash != nil { rows += [
            [Output.peakNeed.label(language), before.peakNeed.map(style.money) ?? "—", value(.peakNeed)],
            [Output.endingCash.label(language), before.ending.map(style.money) ?? "—", value(.endingCash)],
        ] }
        parts.append(Markdown.table(["", t("Plan before the sales data", "纳入销售数据前的计划"), t("Now", "最新（纳入销售数据后）")],
                                    [.left, .right, .right], rows))
        if let before = before.horizonUnits, before > 0, abs(actuals.reforecastHorizonUnits / before - 1) > 0.2, let som = plan[.somUnits] {
            let change = actuals.reforecastHorizonUnits / before - 1
            parts.append(t("""
                The re-forecast is \(style.percent(abs(change))) \(change > 0 ? "above" : "below") the plan's demand: the market section (SOM \
                \(style.count(som)) within \(horizon), `market.obtainable`) is the assumption the sales data now question. Revisit it for the next \
                plan.
                """,
                           """
                           重新预测比计划需求\(change > 0 ? "高" : "低") \(style.percent(abs(change)))：销售数据对市场规模一节的假设（\(horizon)内 SOM \
                           \(style.count(som))，`market.obtainable`）提出了疑问，下一版计划请重新审视。
                           """))
        }
        let weeks = Int(ActualsModel.planWeeks.rounded())
        var method = t("""
            How the re-forecast learns: the plan's weekly demand is a Bass curve (p = \(style.number(actuals.priorP)), q = \
            \(style.number(actuals.priorQ)), market potential m = \(style.count(actuals.priorM)): the market's curve within \(horizon) ÷ F(H)) \
            times what the levers add (events, ads, KOL posts, price). The weeks sold, brought to the curve's scale, refit p, q and m by least \
            squares on the log scale with the plan as the prior (ln m and ln p within \(style.number(ActualsModel.tau.m)) of the plan's, ln q \
            within \(style.number(ActualsModel.tau.q)), one standard deviation; a week's sales within ±\(style.percent(ActualsModel.noiseShare)) of \
            the curve's). The plan weighs about as much as \(weeks) weeks of sales: n weeks at k times the plan move the rest of the horizon to \
            about k^(n ÷ (n + \(weeks))) times it, a quarter of the way (as a ratio) after two weeks, two thirds after twelve, up or down alike. \
            Later weeks keep the levers' effect on the moved curve.
            """,
                       """
                       重新预测的方法：计划的周需求是一条 Bass 曲线（p = \(style.number(actuals.priorP))，q = \(style.number(actuals.priorQ))，市场潜量 m = \
                       \(style.count(actuals.priorM))，即\(horizon)内的市场曲线 ÷ F(H)）乘以各上市动作的效果（大促、广告、KOL 内容、价格）。已售各周换算到曲线的尺度后，以计划为先验，在对数尺度上用最小二乘重新拟合 p、q \
                       与 m（ln m 与 ln p 偏离计划值的标准差为 \(style.number(ActualsModel.tau.m))，ln q 为 \(style.number(ActualsModel.tau.q))；每周销量视为在曲线该周的 \
                       ±\(style.percent(ActualsModel.noiseShare)) 之内）。计划的权重约等于 \(weeks) 周销量：若 n 周销量为计划的 k 倍，其余各周的预测约变为计划的 k^(n ÷ (n + \(weeks))) \
                       倍，即两周后按比例移动约四分之一，十二周后约三分之二，上调与下调相同。之后各周在调整后的曲线上保留各上市动作的效果。
                       """)
        if let fit = actuals.fit {
            method += t(" Refit: p = \(style.number(fit.p)), q = \(style.number(fit.q)), m = \(style.count(fit.m)).",
                        "重新拟合：p = \(style.number(fit.p))，q = \(style.number(fit.q))，m = \(style.count(fit.m))。")
        }
        method += t("""
             The first batch and the campaign stay as decided before launch (they are done); orders the plan placed before \
            \(style.longDate(actuals.asOf)) are taken as placed, and new orders start from that day.
            """,
                    "首批与众筹保持上市前的决定（已执行）；\(style.longDate(actuals.asOf)) 之前计划中的补货单视为已下，新的订单自该日起安排。")
        parts.append(method)
        return parts.joined(separator: "\n\n")
    }
}
