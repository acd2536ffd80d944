/// The Markdown report: GitHub-flavoured, readable raw, byte-for-byte reproducible.
package struct MarkdownReport {
    let plan: Plan
    let text: ReportText
    var style: NumberStyle { text.style }
    /// Charts as inline SVG (for the HTML report) instead of Mermaid blocks.
    var svgCharts = false

    /// The Mermaid init line every chart starts with: a visible line colour (Mermaid's default
    /// first colour is a pale lavender that all but vanishes on white).
    /// Mermaid's theme for every chart. Gantt bars are light blue with a dark border and every
    /// gantt text colour is near-black, so a label reads whether Mermaid puts it inside a bar or
    /// beside it (WCAG AA: 8.9:1 on the bars, 16:1 on the sections); single days are red
    /// (`crit` milestones). `ReportRenderingTests` checks the contrast of each pair.
    static let mermaidInit = ##"""
        %%{init: {"theme": "base", "themeVariables": {"xyChart": {"plotColorPalette": "#1f5fa8, #b9c4d0, #b9c4d0, #6e7781"}, \##
        "primaryColor": "#dbe7f5", "primaryBorderColor": "#1f5fa8", "primaryTextColor": "#1b1f24", "taskBkgColor": "#9ec1e8", \##
        "taskBorderColor": "#1f5fa8", "taskTextColor": "#1b1f24", "taskTextDarkColor": "#1b1f24", "taskTextLightColor": "#1b1f24", \##
        "taskTextOutsideColor": "#1b1f24", "taskTextClickableColor": "#1b1f24", "critBkgColor": "#b3261e", "critBorderColor": "#8c1d18", \##
        "milestoneBkgColor": "#b3261e", "sectionBkgColor": "#f2f5f9", "altSectionBkgColor": "#ffffff", "sectionBkgColor2": "#f2f5f9", \##
        "gridColor": "#c9d1da", "titleColor": "#1b1f24"}}}%%
        """##

    package init(_ plan: Plan) {
        self.plan = plan
        self.text = ReportText(plan)
    }

    func t(_ en: String, _ zh: String) -> String { text.t(en, zh) }

    /// The whole report, ending with one newline. A comparison of variants goes after the summary.
    package func render(comparison: Comparison? = nil) -> String {
        var parts: [String] = []
        parts.append("# " + t("Launch plan: ", "上市计划：") + Markdown.escape(plan.scenario.settings.name))
        parts.append(summary())
        if let comparison { parts.append(comparison.markdown()) }
        if plan[.somUnits] != nil || plan[.bottomUpUnits] != nil { parts.append(marketSection()) }
        if let demand = plan.demand { parts.append(demandSection(demand)) }
        if let actuals = plan.actuals { parts.append(actualsSection(actuals)) }
        if let batch = plan.firstBatch { parts.append(firstBatchSection(batch)) }
        if let campaign = plan.crowdfunding { parts.append(crowdfundingSection(campaign)) }
        for lever in plan.leverReports { parts.append(lever.markdown(self)) }
        if let seed = plan.seedReviews { parts.append(seedSection(seed)) }
        if plan.scenario.pilot != nil { parts.append(pilotSection()) }
        parts.append(economicsSection())
        if !plan.promotions.isEmpty { parts.append(promotionsSection()) }
        if let flow = plan.cash { parts.append(cashSection(flow)) }
        if let uncertainty = plan.uncertainty { parts.append(uncertaintySection(uncertainty)) }
        if let optimization = plan.optimization { parts.append(optimizeSection(optimization)) }
        if plan.timeline.count > 1 { parts.append(timelineSection(plan.timeline)) }
        parts.append(warningsSection())
        parts.append(inputsSection())
        parts.append(footer())
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// An output's value as the report writes it (full digits for a decision), or "—".
    func value(_ output: Output) -> String {
        plan[output].map { style.format($0, output.unit, exact: output.isDecision) } ?? "—"
    }

    /// A long table folded under a one-line summary (GitHub renders `<details>`; raw, the table
    /// is still there to read).
    func folded(_ summary: String, _ table: String) -> String {
        "<details>\n<summary>" + summary + "</summary>\n\n" + table + "\n\n</details>"
    }

    /// `12,345 units` / `1.23万 件`.
    func units(_ value: Double, exact: Bool = false) -> String {
        let number = exact ? style.exactCount(value) : style.count(value)
        return t(number == "1" ? "1 unit" : "\(number) units", "\(number) 件")
    }

    // MARK: Summary

    /// What a GTM lead forwards: the launch in one line, the decisions, then the key numbers.
    func summary() -> String {
        let scenario = plan.scenario
        var parts: [String] = []
        // Re-planned on actual sales, the launch is past.
        let launched = plan.actuals != nil
        var opening = t("""
            **\(Markdown.escape(scenario.product.name))** \(launched ? "launched" : "launches") on \(style.longDate(scenario.launch.date)) at \
            \(style.money(scenario.product.price)).
            """,
                        """
                        **\(Markdown.escape(scenario.product.name))** \(launched ? "已于" : "于") \(style.longDate(scenario.launch.date)) 上市，售价 \
                        \(style.money(scenario.product.price))。
                        """)
        if !plan.warnings.isEmpty {
            let count = plan.warnings.count
            opening += t(" **\(count) warning\(count == 1 ? "" : "s")** at the end of the report.", "报告末尾有 **\(count) 条警告**。")
        }
        parts.append(opening)
        let decisions = decisionLines()
        if !decisions.isEmpty {
            parts.append("**" + t("Decisions", "决策") + "**\n\n" + decisions.map { "- " + $0 }.joined(separator: "\n"))
        }
        let rows = keyNumberRows()
        if !rows.isEmpty {
            let ranged = plan.uncertainty != nil
            let headers = ranged ? [t("Number", "指标"), t("Plan", "计划值"), t("P10–P90", "P10–P90")] : [t("Number", "指标"), t("Value", "数值")]
            let table = rows.map { row in ranged ? [row.label, row.value, row.range ?? "—"] : [row.label, row.value] }
            var block = "**" + t("Key numbers", "关键数字") + "**\n\n"
                + Markdown.table(headers, ranged ? [.left, .right, .right] : [.left, .right], table)
            if ranged {
                block += "\n\n" + t("""
                    P10–P90 is the middle 80% of the simulated launches: the spread of the uncertain inputs, and for demand in the first batch's \
                    window also the forecast error around the curve (`inventory.forecast_cv`).
                    """,
                                     "P10–P90 为模拟上市结果的中间 80%：来自不确定输入的波动；首批覆盖期需求还包含围绕曲线的预测误差（`inventory.forecast_cv`）。")
            }
            parts.append(block)
        }
        return parts.joined(separator: "\n\n")
    }

    /// One line per decision: the first batch, whether to crowdfund and the goal, the KOL
    /// budget, the seed reviews, then the key dates in order.
    func decisionLines() -> [String] {
        if let actuals = plan.actuals { return actualsDecisionLines(actuals) }
        var lines: [String] = []
        if let batch = plan.firstBatch, let units = plan[.firstBatchUnits] {
            lines.append(t("""
                **First batch:** order \(self.units(units, exact: true)) by \(style.longDate(batch.poDate)) (\(value(.inventoryCash)) at \
                cost)\(precision(.firstBatchUnits)).
                """,
                           """
                           **首批**：在 \(style.longDate(batch.poDate)) 前下单 \(self.units(units, exact: true))（成本 \
                           \(value(.inventoryCash))）\(precision(.firstBatchUnits))。
                           """))
        }
        if let batch = plan.firstBatch, let reorder = batch.reorder {
            let more = batch.reorders.count - 1
            let later = Double(batch.reorders.dropFirst().reduce(0) { $0 + $1.units })
            let all = Double(batch.reorders.reduce(0) { $0 + $1.units })
            let then = more > 0
                ? t("""
                    ; then \(more) more through the horizon, \(self.units(later, exact: true)) (\(self.units(all, exact: true)) with this one; see \
                    First batch)
                    """,
                    "；此后在计划期内再下 \(more) 单，共 \(self.units(later, exact: true))（连同本单 \(self.units(all, exact: true))；见“首批”）")
                : ""
            lines.append(t("""
                **Reorder:** order \(self.units(Double(reorder.units), exact: true)) by \(style.longDate(reorder.date)), in the warehouse on \
                \(style.longDate(reorder.arrival))\
                \(reorder.stockout.map { t(" (without it stock runs out on \(style.longDate($0)))", "（不补货将于 \(style.longDate($0)) 断货）") } ?? "")\
                \(then).
                """,
                           """
                           **补货**：在 \(style.longDate(reorder.date)) 前下单 \
                           \(self.units(Double(reorder.units), exact: true))，\(style.longDate(reorder.arrival)) 入\
                           仓\(reorder.stockout.map { "（不补货将于 \(style.longDate($0)) 断货）" } ?? "")\(then)。
                           """))
        }
        if plan.scenario.pilot != nil, let units = plan[.pilotUnits], let ready = plan.date(.pilotReady) {
            lines.append(t("""
                **Pilot run:** \(self.units(units, exact: true)) ready by \(style.longDate(ready)) for KOL samples and testers \
                (\(value(.pilotCost))).
                """,
                           "**试产**：\(style.longDate(ready)) 前备好 \(self.units(units, exact: true))，用于 KOL 样品与内测（\(value(.pilotCost))）。"))
        }
        if let campaign = plan.crowdfunding { lines.append(crowdfundingDecision(campaign)) }
        for lever in plan.leverReports { lines.append(lever.decision(self)) }
        if let seed = plan.seedReviews { lines.append(seedDecision(seed)) }
        if let cash = cashDecision() { lines.append(cash) }
        if let optimization = plan.optimization { lines.append(optimizeDecision(optimization)) }
        if let dates = keyDates() { lines.append(dates) }
        for warning in plan.warnings where warning.changesADecision {
            lines.append("⚠ **\(text.warningTitle(warning))**" + t(": ", "：") + text.message(warning))
        }
        return lines
    }

    /// After launch, on actual sales: what the weeks sold say and what to do now first, then the
    /// cash and the dates ahead, the warnings, and what was decided before launch in one line.
    func actualsDecisionLines(_ actuals: ActualsReport) -> [String] {
        var lines = [actualsDecision(actuals)]
        if let batch = plan.firstBatch, let reorders = actualsReorderDecision(actuals, batch) { lines.append(reorders) }
        if let batch = plan.firstBatch, let deferral = actualsDeferral(actuals, batch) { lines.append(deferral) }
        if let cash = actualsCashDecision(actuals) { lines.append(cash) }
        if let dates = actualsKeyDates(actuals) { lines.append(dates) }
        for warning in plan.warnings where warning.changesADecision {
            lines.append("⚠ **\(text.warningTitle(warning))**" + t(": ", "：") + text.message(warning))
        }
        if let decided = decidedBeforeLaunch() { lines.append(decided) }
        return lines
    }

    /// "; Monte Carlo precision ±0.1% (40,960 trials)" for a decision taken under uncertainty.
    func precision(_ output: Output) -> String {
        guard let uncertainty = plan.uncertainty, let error = uncertainty.precision.first(where: { $0.output == output })?.error else {
            return ""
        }
        let trials = style.count(Double(uncertainty.trials))
        return t("; Monte Carlo precision ±\(style.percent(error)) (one standard error, \(trials) trials)",
                 "；蒙特卡洛精度 ±\(style.percent(error))（一个标准误，\(trials) 次模拟）")
    }

    /// The dates a launch team puts in its calendar, in order.
    func keyDates() -> String? {
        var dates: [(CivilDate, String)] = []
        if let seed = plan.seedReviews { dates.append((seed.recruitStart, t("recruit testers", "招募内测用户"))) }
        if let kol = plan.kol, let invite = kol.lines.map(\.schedule.invite).min() {
            dates.append((invite, t("first KOL invitations", "首次 KOL 邀约")))
        }
        if let campaign = plan.crowdfunding, plan.flag(.inPlan) {
            dates.append((campaign.start, t("campaign opens", "众筹开始")))
            dates.append((campaign.end, t("campaign closes", "众筹结束")))
        }
        if let ready = plan.date(.pilotReady) { dates.append((ready, t("pilot units ready", "试产品就绪"))) }
        if let batch = plan.firstBatch { dates.append((batch.poDate, t("purchase order", "下采购单"))) }
        if let reorder = plan.firstBatch?.reorder { dates.append((reorder.date, t("reorder", "补货下单"))) }
        if let balance = plan.cash?.totals.first(where: { $0.item == .balance }) {
            dates.append((balance.first, t("first batch balance due", "首批尾款到期")))
        }
        if let payout = plan.cash?.totals.first(where: { $0.item == .campaignPayout }) {
            dates.append((payout.first, t("campaign payout", "众筹款到账")))
        }
        dates.append((plan.scenario.launch.date, t("launch", "上市")))
        guard dates.count > 1 else { return nil }
        let ordered = dates.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element)
        return t("**Key dates:** ", "**关键日期**：")
            + ordered.map { "\(style.date($0.0)) \($0.1)" }.joined(separator: t("; ", "；")) + t(".", "。")
    }

    /// The numbers behind the decisions, each with its P10–P90 range when simulated.
    func keyNumberRows() -> [(label: String, value: String, range: String?)] {
        var rows: [(label: String, value: String, range: String?)] = []
        let horizon = style.period(plan.scenario.horizon)
        if let som = plan[.somUnits] {
            rows.append((t("SOM within \(horizon)", "\(horizon)内 SOM"), units(som), range(.somUnits)))
        }
        if let bottomUp = plan[.bottomUpUnits] {
            rows.append((t("Channels, bottom-up", "渠道自下而上"), units(bottomUp), range(.bottomUpUnits)))
        }
        if plan.demand != nil, let week = plan[.firstWeekUnits] {
            rows.append((t("Launch-week sales", "首发周销量"), units(week), range(.firstWeekUnits)))
        }
        if let actuals = plan.actuals {
            rows.append((t("Sold in \(actuals.weeks) weeks (plan: \(style.count(actuals.planToDate)))",
                           "\(actuals.weeks) 周实际销量（计划 \(style.count(actuals.planToDate))）"),
                         units(actuals.toDate), nil))
            rows.append((Output.reforecastHorizonUnits.label(language), units(actuals.reforecastHorizonUnits), nil))
        }
        if let batch = plan.firstBatch, let mean = plan[.windowForecastMean], let sd = plan[.windowDemandSD] {
            let window = style.period(batch.coverage)
            let spread = plan.uncertainty == nil ? nil
                : plan[.windowDemandP10].flatMap { low in plan[.windowDemandP90].map { "\(style.count(low))–\(style.count($0))" } }
            rows.append((t("Demand in the first \(window)", "首\(window)需求"),
                         t("\(style.count(mean)) ± \(style.count(sd)) units", "\(style.count(mean)) ± \(style.count(sd)) 件"), spread))
        }
        if let reach = plan[.kolReach], let buyers = plan[.kolBuyers] {
            rows.append((t("KOL reach / buyers", "KOL 触达 / 买家"), "\(style.count(reach)) / \(style.count(buyers))", range(.kolBuyers)))
        }
        // After launch the campaign is over: its numbers are as planned, without the range of a
        // campaign still to come.
        if plan.crowdfunding != nil {
            rows.append((Output.pledged.label(language), value(.pledged), plan.actuals == nil ? range(.pledged) : nil))
            rows.append((Output.net.label(language), value(.net), plan.actuals == nil ? range(.net) : nil))
        }
        rows.append((Output.unitMargin.label(language),
                     value(.unitMargin) + (plan[.grossMargin].map { t(" (\(style.percent($0)))", "（\(style.percent($0))）") } ?? ""),
                     range(.unitMargin)))
        if !plan.channelTerms.isEmpty {
            rows.append((Output.contributionMargin.label(language), value(.contributionMargin), range(.contributionMargin)))
        }
        if plan[.breakEvenUnits] != nil {
            rows.append((t("Break-even", "盈亏平衡"), t("\(value(.breakEvenUnits)) units", "\(value(.breakEvenUnits)) 件"), range(.breakEvenUnits)))
        }
        if plan[.peakNeed] != nil {
            let past = plan.actuals.map { actuals in plan.date(.peakDate).map { $0 < actuals.asOf } ?? false } ?? false
            rows.append((Output.peakNeed.label(language), value(.peakNeed), past ? nil : range(.peakNeed)))
        }
        return rows
    }

    var language: Scenario.Language { plan.scenario.settings.language }

    /// Under a section decided before launch, in a re-plan on actual sales: a line that says so
    /// (its recommendations and dates are the plan's as it was, not things to do now).
    var pastSectionNote: [String] {
        plan.actuals.map { actuals in
            [t("*Decided before launch and kept as planned: the dates below that fall before \(style.longDate(actuals.asOf)) are past.*",
               "*上市前已决定并按计划执行：以下早于 \(style.longDate(actuals.asOf)) 的日期均已过去。*")]
        } ?? []
    }

    // MARK: Market

    func marketSection() -> String {
        var parts = ["## " + t("Market size", "市场规模")]
        let horizon = style.period(plan.scenario.horizon)
        var rows: [[String]] = []
        if let som = plan[.somUnits] {
            rows.append([t("TAM: everyone who could buy, a year", "TAM：全部潜在需求（每年）"), value(.tamUnits), value(.tamRevenue)])
            rows.append([t("SAM: what your channels serve, a year", "SAM：渠道可服务的市场（每年）"), value(.samUnits), value(.samRevenue)])
            rows.append([t("SOM: what you can win in \(horizon)", "SOM：\(horizon)内可获得"), "**" + style.count(som) + "**", value(.somRevenue)])
        }
        if plan[.bottomUpUnits] != nil {
            rows.append([t("Bottom-up: the channels, \(horizon)", "自下而上：各渠道合计（\(horizon)）"), value(.bottomUpUnits), value(.bottomUpRevenue)])
        }
        parts.append(Markdown.table([t("Measure", "指标"), t("Units", "件数"), t("Revenue", "收入")],
                                    [.left, .right, .right], rows))
        if let som = plan[.somUnits], let inputs = plan.scenario.market {
            let years = plan.scenario.horizon.years
            let weight = DemandModel.seasonWeight(plan.scenario.curve.season, launch: plan.scenario.launch.date,
                                                  days: plan.scenario.horizon.days(from: plan.scenario.launch.date))
            let seasonal = weight == 1 ? "" : t(" × \(NumberStyle.fixed(weight, 2)) (the season: the mean monthly index over the horizon)",
                                                 " × \(NumberStyle.fixed(weight, 2))（季节：计划期内月度指数的平均值）")
            parts.append(t("""
                TAM = \(style.count(inputs.population.value)) people × \(style.number(inputs.purchasesPerYear.value)) a year; SAM = TAM × \
                \(style.percent(inputs.serviceable.value)) serviceable; SOM = SAM × \(style.percent(inputs.obtainable.value)) obtainable × \
                \(style.number(years)) year\(years == 1 ? "" : "s")\(seasonal) = \(style.count(som)) units.
                """,
                           """
                           TAM = \(style.count(inputs.population.value)) 人 × 每年 \(style.number(inputs.purchasesPerYear.value)) 件；SAM = TAM × \
                           \(style.percent(inputs.serviceable.value)) 可服务；SOM = SAM × \(style.percent(inputs.obtainable.value)) 可获得 × \
                           \(style.number(years)) 年\(seasonal) = \(style.count(som)) 件。
                           """))
        }
        if let som = plan[.somUnits], let bottomUp = plan[.bottomUpUnits], bottomUp > 0 {
            let ratio = som / bottomUp
            parts.append(t("""
                Top-down SOM is \(style.number(ratio))× the bottom-up \
                total\(ratio > 2 || ratio < 0.5 ? " (more than 2× apart: see the warnings)" : "; the two agree within 2×").
                """,
                           "自上而下 SOM 是自下而上合计的 \(style.number(ratio)) 倍\(ratio > 2 || ratio < 0.5 ? "（相差超过 2 倍，见警告）" : "，两者相差在 2 倍以内")。"))
        }
        if !plan.channels.isEmpty {
            parts.append("### " + t("Channels", "渠道"))
            let rows = plan.channels.map {
                [Markdown.escape($0.name), style.count($0.reach), style.percent($0.conversion), style.count($0.buyers)]
            }
            parts.append(Markdown.table([t("Channel", "渠道"), t("Reach", "触达"), t("Conversion", "转化率"), t("Buyers", "买家")],
                                        [.left, .right, .right, .right], rows))
        }
        return parts.joined(separator: "\n\n")
    }

    // MARK: Warnings, inputs, footer

    func warningsSection() -> String {
        var parts = ["## " + t("Warnings", "警告")]
        if plan.warnings.isEmpty {
            parts.append(t("None.", "无。"))
        } else {
            parts.append(plan.warnings.map { "- **\(text.warningTitle($0))**" + t(": ", "：") + text.message($0) }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    func inputsSection() -> String {
        var parts = ["## " + t("Inputs used", "使用的输入")]
        if !plan.overrides.isEmpty {
            parts.append(t("Overrides: ", "覆盖：") + plan.overrides.map { Markdown.code($0) }.joined(separator: ", "))
        }
        var rows: [[String]] = []
        for group in InputGroup.grouped(plan.scenario.inputs) {
            switch group {
            case .single(let input):
                rows.append([Markdown.code(input.path), Markdown.code(input.text) + (input.isUncertain ? t(" (uncertain)", "（不确定）") : ""),
                             text.origin(input.origin)])
            case .list(let path, let items, let first, let last):
                let lines = first.flatMap { first in last.map { text.origin(first) + "–" + String($0) } } ?? ""
                rows.append([Markdown.code(path + "[…]"), t("\(style.count(Double(items))) items", "\(style.count(Double(items))) 项"), lines])
            }
        }
        parts.append(folded(t("Every input and the line it came from (\(rows.count))", "全部输入及其来源行（\(rows.count)）"),
                            Markdown.table([t("Input", "输入"), t("Value", "取值"), t("From", "来源")], [.left, .left, .left], rows)))
        return parts.joined(separator: "\n\n")
    }

    func footer() -> String {
        let settings = plan.scenario.settings
        let fingerprint = String(plan.fingerprint.prefix(16))
        return "---\n\n" + t("""
            Generated by gtm \(GTM.version) · inputs sha256:\(fingerprint) · seed \(settings.seed). Do not edit by hand: change the scenario and \
            run `gtm plan` again.
            """,
                             "由 gtm \(GTM.version) 生成 · 输入 sha256:\(fingerprint) · 种子 \(settings.seed)。请勿手工编辑：修改场景文件后重新运行 `gtm plan`。")
    }
}

extension NumberStyle {
    func money(_ quantity: Quantity) -> String { money(quantity.value) }
}
