/// Unit economics at the core price point.
extension MarkdownReport {
    func economicsSection() -> String {
        var parts = ["## " + t("Unit economics", "单位经济")]
        let product = plan.scenario.product
        var rows: [[String]] = [
            [t("Price (core price point)", "售价（核心价位）"), style.money(product.price)],
            [t("Unit cost", "单件成本"), style.money(product.unitCost)],
            [Output.unitMargin.label(language), value(.unitMargin)],
            [Output.grossMargin.label(language), value(.grossMargin)],
            [t("Fixed launch costs", "一次性上市成本"), style.money(product.fixedCosts)],
        ]
        if let marketing = plan[.marketingSpend], marketing > 0 {
            rows.append([Output.marketingSpend.label(language), value(.marketingSpend)])
        }
        rows.append([t("Break-even units", "盈亏平衡件数"), plan[.breakEvenUnits].map { style.count($0.rounded(.up)) } ?? t("never (no unit margin)", "无法（单件无毛利）")])
        if let target = product.targetMargin, let ceiling = plan[.unitCostCeiling] {
            rows.append([t("Target gross margin", "目标毛利率"), style.percent(target.value)])
            rows.append([t("Highest unit cost that keeps it", "保持目标的单件成本上限"), style.money(ceiling)])
            parts.append(Markdown.table([t("Per unit", "单件"), t("Value", "数值")], [.left, .right], rows))
            let room = ceiling - product.unitCost.value
            parts.append(room >= 0
                ? t("The unit cost is \(style.money(room)) under the ceiling that keeps the target margin.",
                    "单件成本比目标毛利对应的上限低 \(style.money(room))。")
                : t("The unit cost is \(style.money(-room)) over the ceiling that keeps the target margin.",
                    "单件成本比目标毛利对应的上限高 \(style.money(-room))。"))
            return parts.joined(separator: "\n\n")
        }
        parts.append(Markdown.table([t("Per unit", "单件"), t("Value", "数值")], [.left, .right], rows))
        return parts.joined(separator: "\n\n")
    }
}
