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
        parts.append(t("The curve spreads \(source) (**\(total) units** within \(horizon)) over the weeks after launch with the shape of a Bass diffusion curve (p = \(style.number(demand.p)), q = \(style.number(demand.q)) a year)\(boost). Launch week sells \(firstWeek) units; the best week is week \(peak).\(median)",
                       "本曲线按 Bass 扩散曲线的形状（p = \(style.number(demand.p))，q = \(style.number(demand.q))，按年计）把\(source)（\(horizon)内 **\(total) 件**）分布到上市后各周\(boost)。首发周销量 \(firstWeek) 件；销量最高的是第 \(peak) 周。\(median)"))
        parts.append(chart(demand))
        let rows = demand.weeks.map { week in
            [String(week.number), style.date(week.start) + (week.days < 7 ? t(" (\(week.days) days)", "（\(week.days)天）") : ""),
             style.count(week.units), style.count(week.cumulative)]
        }
        parts.append(Markdown.table([t("Week", "周"), t("Starts", "开始"), t("Units", "件数"), t("Cumulative", "累计")],
                                    [.right, .left, .right, .right], rows))
        return parts.joined(separator: "\n\n")
    }

    /// A Mermaid `xychart-beta` line of weekly units (GitHub renders it; raw, it is a list of numbers).
    func chart(_ demand: DemandCurve) -> String {
        let values = demand.weeks.map { Format.grouped($0.units, separator: "") }
        let top = demand.weeks.map(\.units).max() ?? 0
        let ceiling = max(1, niceCeiling(top))
        return """
        ```mermaid
        xychart-beta
            title "\(t("Units sold per week", "每周销量"))"
            x-axis "\(t("Week after launch", "上市后第几周"))" 1 --> \(max(demand.weeks.count, 2))
            y-axis "\(t("Units", "件数"))" 0 --> \(Format.grouped(ceiling, separator: ""))
            line [\(values.joined(separator: ", "))]
        ```
        """
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
