/// Unit economics at the core price point.
extension MarkdownReport {
    func economicsSection(_ economics: UnitEconomics) -> String {
        var parts = ["## " + t("Unit economics", "单件经济")]
        var rows: [[String]] = [
            [t("Price (core price point)", "售价（核心价位）"), style.money(economics.price)],
            [t("Unit cost", "单件成本"), style.money(economics.unitCost)],
            [t("Unit margin", "单件毛利"), style.money(economics.unitMargin)],
            [t("Gross margin", "毛利率"), economics.grossMargin.map(style.percent) ?? "—"],
            [t("Fixed launch costs", "一次性上市成本"), style.money(economics.fixedCosts)],
        ]
        if economics.marketingSpend > 0 {
            rows.append([t("Marketing spend in this plan", "本计划营销支出"), style.money(economics.marketingSpend)])
        }
        rows.append([t("Break-even units", "盈亏平衡件数"), economics.breakEvenUnits.map { style.count($0.rounded(.up)) } ?? t("never (no unit margin)", "无法（单件无毛利）")])
        if let target = economics.targetMargin, let ceiling = economics.unitCostCeiling {
            rows.append([t("Target gross margin", "目标毛利率"), style.percent(target)])
            rows.append([t("Highest unit cost that keeps it", "保持目标的单件成本上限"), style.money(ceiling)])
        }
        parts.append(Markdown.table([t("Per unit", "单件"), t("Value", "数值")], [.left, .right], rows))
        if let ceiling = economics.unitCostCeiling {
            let room = ceiling - economics.unitCost
            parts.append(room >= 0
                ? t("The unit cost is \(style.money(room)) under the ceiling that keeps the target margin.",
                    "单件成本比目标毛利对应的上限低 \(style.money(room))。")
                : t("The unit cost is \(style.money(-room)) over the ceiling that keeps the target margin.",
                    "单件成本比目标毛利对应的上限高 \(style.money(-room))。"))
        }
        return parts.joined(separator: "\n\n")
    }
}
