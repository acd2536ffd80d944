/// The demand section: the weekly sales curve as a chart and a table.
extension MarkdownReport {
    func demandSection(_ demand: DemandCurve) -> String {
        var parts = ["## " + t("Demand over time", "需求随时间变化")]
        let source = demand.fromTopDown ? t("the top-down SOM", "自上而下的 SOM") : t("the channels' bottom-up total", "渠道自下而上合计")
        let horizon = style.period(plan.scenario.horizon)
        let total = style.count(plan[.horizonUnits] ?? 0)
        let firstWeek = style.count(plan[.firstWeekUnits] ?? 0)
        let peak = Int(plan[.peakWeek] ?? 1)
        let median = plan.uncertainty != nil
            ? t(" The curve and the table are the median case (every uncertain input at its median); the key numbers give the range.",
                "曲线与表格为中位情形（各不确定输入取中位数）；区间见关键数字。")
            : ""
        let boost = demand.launchBoost > 0
            ? t(", plus a launch boost of \(style.percent(demand.launchBoost)) of it in launch week", "，另有其中 \(style.percent(demand.launchBoost)) 作为首发周额外销量")
            : ""
        let market = style.count(plan[.baselineUnits] ?? 0)
        let shape = demand.shape == .decay
            ? t("a launch that peaks at once and halves every \(demand.halfLife.map(style.period) ?? "—") (Bass with q = 0)",
                "上市即达峰、每 \(demand.halfLife.map(style.period) ?? "—") 减半的曲线（q = 0 的 Bass 曲线）")
            : t("a Bass diffusion curve (p = \(style.number(demand.p)), q = \(style.number(demand.q)) a year)",
                "Bass 扩散曲线（p = \(style.number(demand.p))，q = \(style.number(demand.q))，按年计）")
        // With a season end, the curve's units are those sold before it.
        let within = plan.scenario.curve.sellBy.map { end in
            t("units of it before the season ends on \(style.date(end))", "件，至销售季结束 \(style.date(end))")
        }
        if let actuals = plan.actuals {
            parts.append(actualsDemandText(actuals))
        } else {
            parts.append(t("""
                The market's curve spreads \(source) (\(market) \(within ?? "units within \(horizon)")) over the weeks after launch with the shape of \
                \(shape)\(boost); the launch adds what its levers bring, so demand within \(horizon) is **\(total) units**. Launch week sells \
                \(firstWeek) units; the best week is week \(peak).\(median)
                """,
                           """
                           市场曲线按\(shape)的形状把\(source)（\(within.map { "\(market) \($0)" } ?? "\(horizon)内 \(market) 件")）分布到上市后各周\(boost)；\
                           上市动作再带来各自的增量，因此\(horizon)内需求为 **\(total) 件**。首发周销量 \
                           \(firstWeek) 件；销量最高的是第 \(peak) 周。\(median)
                           """))
            parts.append(componentsTable(demand))
        }
        if let analogs = analogsBlock() { parts.append(analogs) }
        parts.append(chart(demand))
        let rows = demand.weeks.map { week -> [String] in
            var row = [String(week.number), style.date(week.start) + (week.days < 7 ? t(" (\(style.days(week.days)))", "（\(style.days(week.days))）") : ""),
                       style.count(week.units), style.count(week.cumulative)]
            if let actuals = plan.actuals {
                row.append(week.number <= actuals.weeks ? t("sold", "实际销量") : t("re-forecast", "预测"))
                row.append(actuals.planWeekly.indices.contains(week.number - 1) ? style.count(actuals.planWeekly[week.number - 1]) : "—")
            }
            return row
        }
        var headers = [t("Week", "周"), t("Starts", "开始"), t("Units", "件数"), t("Cumulative", "累计")]
        var alignments: [Markdown.Alignment] = [.right, .left, .right, .right]
        if plan.actuals != nil {
            headers += [t("Basis", "数据类型"), t("Plan", "计划")]
            alignments += [.left, .right]
        }
        parts.append(folded(t("Week by week (\(rows.count) weeks)", "逐周明细（\(rows.count) 周）"),
                            Markdown.table(headers, alignments, rows)))
        return parts.joined(separator: "\n\n")
    }

    /// What each part of demand adds within the horizon: they add up to the total. Only the
    /// market's curve is bounded by SOM; the levers add to it.
    func componentsTable(_ demand: DemandCurve) -> String {
        var rows: [[String]] = [[Output.baselineUnits.label(language), value(.baselineUnits)]]
        for output in [Output.seasonUnits, .eventUnits] + Levers.components + [.priceEffectUnits, .repeatUnits] where plan[output] != nil {
            if output == .kolUnits, kolToCampaign { continue }
            rows.append([output.label(language), value(output)])
        }
        rows.append(["**" + Output.horizonUnits.label(language) + "**", "**" + value(.horizonUnits) + "**"])
        var notes: [String] = []
        if !demand.events.isEmpty {
            // Each event's week from launch on, so that a preset dated by its last day (Cyber
            // Monday for Black Friday) reads as the week it is.
            let list = demand.events.map {
                """
                \(Markdown.escape($0.name)) \(style.date($0.first))–\(style.date($0.last)) \
                ×\(style.number($0.lift))
                """
            }.joined(separator: t(", ", "、"))
            notes.append(t("""
                Events multiply the curve's sales on their days (the 7 ending on their date, unless a `start` is given; an event that lifts \
                some channels lifts their share of sales, 1 + (lift − 1) × share): \(list).
                """,
                           "大促期间（默认为活动日及其前 6 天，或自 `start` 起）的曲线销量按倍数放大（只拉动部分渠道的活动按其销量占比：1 + (倍数 − 1) × 占比）：\(list)。"))
        }
        if let season = plan.scenario.curve.season, plan[.seasonUnits] != nil {
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let list = zip(months.indices, season).map { index, value in
                t("\(months[index]) \(NumberStyle.fixed(value, 2))", "\(index + 1)月 \(NumberStyle.fixed(value, 2))")
            }.joined(separator: t(", ", "、"))
            let weight = DemandModel.seasonWeight(season, launch: plan.scenario.launch.date,
                                                  days: plan.scenario.horizon.days(from: plan.scenario.launch.date))
            let within = weight == 1 ? "" : t(" ÷ \(NumberStyle.fixed(weight, 2)), the horizon's mean index, which the market's size already holds",
                                               " ÷ \(NumberStyle.fixed(weight, 2))（计划期内的平均指数，已计入市场规模）")
            notes.append(t("Seasonality multiplies each month's sales on the curve by its index (normalised to average 1)\(within): \(list).",
                           "季节性按各月指数（归一化使平均为 1）\(within)放大或缩小曲线销量：\(list)。"))
        }
        if plan[.priceEffectUnits] != nil {
            let launchPrice = plan.scenario.product.launchPrice.map {
                t(", at the launch price of \(style.money($0.value)) for the first \(style.period(plan.scenario.product.launchPriceWeeks))",
                  "，首发价 \(style.money($0.value)) 持续 \(style.period(plan.scenario.product.launchPriceWeeks))")
            } ?? ""
            notes.append(t("Price moves demand by (price ÷ \(style.money(demand.referencePrice)))^\(style.number(demand.elasticity))\(launchPrice).",
                           "价格按 (价格 ÷ \(style.money(demand.referencePrice)))^\(style.number(demand.elasticity)) 影响需求\(launchPrice)。"))
        }
        if let repurchase = plan.scenario.product.repurchase, plan[.repeatUnits] != nil {
            let subscribed = repurchase.subscription.value > 0
                ? t("; \(style.percent(repurchase.subscription.value)) of first buyers subscribe and repeat every interval",
                    "；\(style.percent(repurchase.subscription.value)) 的首购买家订阅，每个间隔复购一次")
                : ""
            notes.append(t("""
                Every first buyer buys again \(style.period(repurchase.interval)) later with a \(style.percent(repurchase.share.value)) chance, and \
                again after each interval with the same chance (the k-th repeat with \(style.percent(repurchase.share.value))^k)\(subscribed): \
                the repeats join the weeks, the first batch, the reorders and the cash.
                """,
                           """
                           每位首购买家在 \(style.period(repurchase.interval)) 后以 \(style.percent(repurchase.share.value)) 的概率复购，此后每个间隔同样\
                           （第 k 次复购概率为 \(style.percent(repurchase.share.value))^k）\(subscribed)：复购计入各周需求、首批、补货与现金流。
                           """))
        }
        if plan.kol != nil, kolToCampaign {
            notes.append(t("The KOL posts are timed to the campaign: their buyers are backers, counted in Crowdfunding.",
                           "KOL 内容对准众筹：其买家计为众筹支持者（见“众筹”）。"))
        }
        var block = Markdown.table([t("Demand within the horizon", "计划期内需求"), t("Units", "件数")], [.left, .right], rows)
        if !notes.isEmpty { block += "\n\n" + notes.joined(separator: t(" ", "")) }
        return block
    }

    /// A Mermaid `xychart-beta` line of weekly units (GitHub renders it; raw, it is a list of
    /// numbers). A last partial week is drawn at its weekly rate, not as a collapse.
    func chart(_ demand: DemandCurve) -> String {
        // A last partial week at its weekly rate.
        func rate(_ units: Double, _ week: DemandCurve.Week) -> Double { week.days > 0 && week.days < 7 ? units * 7 / Double(week.days) : units }
        let rates = demand.weeks.map { rate($0.units, $0) }
        // With actual sales, the plan before them as another line.
        let planRates: [Double] = plan.actuals.map { actuals in
            demand.weeks.enumerated().map { index, week -> Double in
                rate(actuals.planWeekly.indices.contains(index) ? actuals.planWeekly[index] : 0, week)
            }
        } ?? []
        let band = plan.uncertainty?.bands?.demand(weeks: demand.weeks.count).map {
            (low: zip($0.p10, demand.weeks).map(rate), high: zip($0.p90, demand.weeks).map(rate))
        }
        var title = plan.actuals == nil ? t("Units sold per week", "每周销量")
            : t("Units per week: sold, then re-forecast (dashed: the plan before the sales data)",
                "每周销量：实际与重新预测（虚线：纳入销售数据前的计划）")
        if band != nil { title += bandNote }
        if svgCharts {
            return "<figure class=\"chart\">" + SVGChart.line(title: title, values: rates, dates: demand.weeks.map(\.start), band: band,
                                                             reference: planRates, markers: chartMarkers(), axis: chartAxis,
                                                             format: { style.count($0) }) + "</figure>"
        }
        return xyChart(title: title, xAxis: t("Week after launch (week 1 starts \(demand.weeks.first.map { style.date($0.start) } ?? ""))",
                                              "上市后周数（第 1 周始于 \(demand.weeks.first.map { style.date($0.start) } ?? "")）"),
                       values: rates, band: band, reference: planRates, money: false)
    }

    /// What a chart's title adds when it draws the P10–P90 band: shaded in the HTML, two light lines in Mermaid.
    var bandNote: String { svgCharts ? t(", P10–P90 shaded", "，阴影为 P10–P90") : t(" (light lines: P10 and P90)", "（浅色线：P10 与 P90）") }

    /// A Mermaid `xychart-beta` of one weekly series (GitHub renders it; raw, it is a list of
    /// numbers): the plan's line first, then the P10 and P90 lines, then a reference line; the
    /// value axis from 0 (or below, for money) to a round number, in thousands or millions when large.
    func xyChart(title: String, xAxis: String, values: [Double], band: (low: [Double], high: [Double])?, reference: [Double],
                 money: Bool) -> String {
        let all = values + reference + (band.map { $0.low + $0.high } ?? [])
        let scale = chartScale(all, money: money)
        let scaled = scale.divisor > 1
        func line(_ series: [Double]) -> String {
            "\n    line [" + series.map { chartNumber($0 / scale.divisor, scaled: scaled) }.joined(separator: ", ") + "]"
        }
        let low = min(0, all.min() ?? 0) / scale.divisor, high = max(0, all.max() ?? 0) / scale.divisor
        let floor = low < 0 ? -niceCeiling(-low) : 0
        let ceiling = high > 0 ? niceCeiling(high) : 1
        let lines = line(values) + (band.map { line($0.low) + line($0.high) } ?? "") + (reference.isEmpty ? "" : line(reference))
        return """
        ```mermaid
        \(Self.mermaidInit)
        xychart-beta
            title "\(title)"
            x-axis "\(xAxis)" 1 --> \(max(values.count, 2))
            y-axis "\(scale.unit)" \(chartNumber(floor, scaled: scaled)) --> \(chartNumber(ceiling, scaled: scaled))\(lines)
        ```
        """
    }

    /// The days a chart marks: launch, each sales event's first day and each promotion's.
    func chartMarkers() -> [SVGChart.Marker] {
        [SVGChart.Marker(date: plan.scenario.launch.date, label: t("Launch", "上市"))]
            + (plan.demand?.events ?? []).map { SVGChart.Marker(date: $0.first, label: $0.name) }
            + plan.promotions.map { SVGChart.Marker(date: $0.start, label: $0.name) }
    }

    var chartAxis: SVGChart.DateAxis { SVGChart.DateAxis(chinese: text.language == .zh) }

    /// The unit of a chart's value axis: amounts in thousands or millions (万 or 亿 in Chinese)
    /// when they run that large, so the axis reads `2.5`, not `2500000`; the axis title names it.
    func chartScale(_ values: [Double], money: Bool) -> (divisor: Double, unit: String) {
        let top = values.map(abs).max() ?? 0
        let currency = plan.scenario.settings.currency
        let (divisor, name): (Double, String) = text.language == .zh
            ? (top >= 1e9 ? (1e8, "亿") : top >= 1e5 ? (1e4, "万") : (1, ""))
            : (top >= 1e6 ? (1e6, "million") : top >= 1e5 ? (1e3, "thousand") : (1, ""))
        if money {
            let unit = text.language == .zh ? name + (currency == "CNY" ? "元" : NumberStyle.chineseCurrencyNames[currency] ?? " " + currency)
                : name.isEmpty ? currency : currency + " " + name
            return (divisor, unit)
        }
        return (divisor, text.language == .zh ? "件数" + (name.isEmpty ? "" : "（\(name)）") : "Units" + (name.isEmpty ? "" : " (\(name)s)"))
    }

    /// A chart value, whole or (in thousands, millions, 万) with two decimals, no grouping: Mermaid reads it as a number.
    func chartNumber(_ value: Double, scaled: Bool) -> String {
        style.trimmed(Format.grouped(value, decimals: scaled ? 2 : 0, separator: ""))
    }

    /// The next "round" number at or above `value` (1, 2 or 5 times a power of ten).
    func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }
}
