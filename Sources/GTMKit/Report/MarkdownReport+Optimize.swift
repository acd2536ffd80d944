/// The optimiser's part of the report (`optimize`): the recommended decisions beside the
/// scenario's, the objective and the constraints for both, the marginal returns, and what to
/// learn first (EVPI).
extension MarkdownReport {
    func optimizeSection(_ o: Optimization) -> String {
        var lines: [String] = ["## " + t("Recommended plan (optimize)", "推荐方案（optimize）")]
        let objective = o.objective == .contribution
            ? t("expected net cash of the launch within the horizon, stock left valued at salvage",
                "计划期内上市带来的期望净现金（剩余库存按残值计）")
            : t("expected net cash within the horizon, stock left at salvage, less the cost of capital on the peak need",
                "计划期内期望净现金（剩余库存按残值计）扣除峰值资金需求的资金成本")
        lines.append(t("**Rule:** choose the free decisions that maximise the ", "**规则**：在约束内选择使")
                     + objective + t(", within the constraints; every candidate runs the same \(style.exactCount(Double(o.trials))) trials "
                                     + "(common random numbers), \(o.evaluations) candidates evaluated by coordinate search.",
                                     "最大的可选决策；每个候选方案使用相同的 \(style.exactCount(Double(o.trials))) 次模拟（共同随机数），"
                                     + "按坐标搜索共评估 \(o.evaluations) 个候选方案。"))
        func setting(_ value: Optimizer.Setting, _ kind: ValueKind) -> String {
            switch value {
            case .unset: return t("(the plan's rule)", "（按计划规则）")
            case .word(let word): return "`\(word)`"
            case .number(let number):
                switch kind {
                case .money: return style.money(number)
                case .share: return style.percent(number)
                default: return style.count(number)
                }
            }
        }
        lines.append(Markdown.table([t("Decision", "决策"), t("Scenario", "场景"), t("Recommended", "推荐")], [.left, .right, .right],
                                    o.decisions.map { ["`\($0.path)`", setting($0.given, $0.kind), setting($0.chosen, $0.kind)] }))
        func outcome(_ value: Optimization.Outcome) -> String {
            style.money(value.mean) + " (P10 " + style.money(value.p10) + ", P90 " + style.money(value.p90) + ")"
                + (value.withinConstraints ? "" : t(" — breaks a constraint", " — 违反约束"))
        }
        var rows = [[t("Objective", "目标"), outcome(o.given), outcome(o.chosen)]]
        for constraint in o.constraints {
            let money = constraint.name != "min_fill_rate" && constraint.name != "max_shortfall_chance"
            let style = self.style
            func format(_ value: Double) -> String { money ? style.money(value) : style.percent(value) }
            let bound = constraint.name.hasPrefix("min_") ? "≥" : "≤"
            rows.append(["`\(constraint.name)` \(bound) " + format(constraint.limit), format(constraint.given), format(constraint.chosen)])
        }
        lines.append(Markdown.table([t("Expected", "期望值"), t("Scenario", "场景"), t("Recommended", "推荐")], [.left, .right, .right], rows))
        lines.append(t("Gain \(style.money(o.chosen.mean - o.given.mean)) ± \(style.money(o.gainError)) (one standard error on the same trials); "
                       + "the search's last sweep changed the objective by \(style.money(o.lastImprovement)).",
                       "提升 \(style.money(o.chosen.mean - o.given.mean)) ± \(style.money(o.gainError))（相同模拟下的一个标准误）；"
                       + "搜索最后一轮使目标变化 \(style.money(o.lastImprovement))。"))
        for constraint in o.constraints where constraint.binding {
            guard let shadow = constraint.shadowPrice else { continue }
            let isMoney = constraint.name != "min_fill_rate" && constraint.name != "max_shortfall_chance"
            let step = isMoney ? style.money(100_000) : t("a percentage point", "一个百分点")
            let gain = style.money(shadow * (isMoney ? 100_000 : 0.01))
            lines.append(t("- `\(constraint.name)` binds: another \(step) of it would add \(gain) to the objective (its shadow price).",
                           "- `\(constraint.name)` 起约束作用：再放宽 \(step)，目标可增加 \(gain)（影子价格）。"))
        }
        if !o.options.isEmpty {
            lines.append(t("**Each option** of a choice, the other decisions as recommended:", "**各选项**（其他决策按推荐）："))
            lines.append(Markdown.table([t("Decision", "决策"), t("Option", "选项"), t("Objective", "目标")], [.left, .left, .right],
                                        o.options.map { ["`\($0.path)`", "`\($0.option)`",
                                                         style.money($0.value) + ($0.withinConstraints ? "" : t(" — breaks a constraint", " — 违反约束"))] }))
        }
        if !o.marginalReturns.isEmpty {
            let rows = o.marginalReturns.map { marginal -> [String] in
                let kind = o.decisions.first { $0.path == marginal.path }?.kind
                let per = kind == .money ? style.money(marginal.perUnit * 1000) + t(" per 1,000 more", " / 每增加 1,000")
                    : kind == .share ? style.money(marginal.perUnit / 100) + t(" per percentage point", " / 每个百分点")
                    : style.money(marginal.perUnit) + t(" per unit", " / 每单位")
                return ["`\(marginal.path)`", per]
            }
            lines.append(t("**Marginal returns** at the recommendation (equal across budgets where no constraint binds):",
                           "**边际回报**（推荐方案处；无约束起作用时各预算相等）："))
            lines.append(Markdown.table([t("Decision", "决策"), t("Objective's change", "目标变化")], [.left, .right], rows))
        }
        if !o.evpi.isEmpty, o.evpi.allSatisfy({ $0.value == 0 }) {
            lines.append(t("**What to learn first:** nothing — knowing any uncertain input first would not change the recommended decisions (EVPI 0 for each).",
                           "**优先调研什么**：无——提前知道任何不确定输入都不会改变推荐决策（各项完全信息期望值均为 0）。"))
        } else if !o.evpi.isEmpty {
            lines.append(t("**What to learn first** — the expected value of perfect information: what deciding after knowing the input would gain.",
                           "**优先调研什么**——完全信息期望值：在知道该输入后再决策可带来的期望收益。"))
            lines.append(Markdown.table([t("Input", "输入"), "EVPI"], [.left, .right], o.evpi.map { ["`\($0.input)`", style.money($0.value)] }))
        }
        return lines.joined(separator: "\n\n")
    }
}
