/// The optimiser's part of the report (`optimize`): the recommended decisions beside the
/// scenario's, the objective and the constraints for both, the marginal returns, and what to
/// learn first (EVPI).
extension MarkdownReport {
    /// The decisions line: what the search would change, and what it is worth.
    func optimizeDecision(_ o: Optimization) -> String {
        let changed = o.decisions.filter { $0.chosen != $0.given }
        let list = o.decisions.map { "`\($0.path)`" + t(": ", "：") + setting($0.chosen, $0.kind) }.joined(separator: t(", ", "，"))
        if changed.isEmpty || o.chosen.mean == o.given.mean {
            return t("**Optimize:** the search found nothing better than these decisions (\(list)); see Recommended plan.",
                     "**优化**：搜索未找到优于当前决策的方案（\(list)）；见推荐方案。")
        }
        let gain = style.money((o.chosen.mean - o.given.mean).rounded()), error = style.money(o.gainError.rounded())
        // The moves only: a decision the search keeps is the scenario's, already in the plan.
        let moves = changed.map {
            "`\($0.path)`" + t(" from \(setting($0.given, $0.kind)) to \(setting($0.chosen, $0.kind))",
                              " 由 \(setting($0.given, $0.kind)) 改为 \(setting($0.chosen, $0.kind))")
        }.joined(separator: t(", ", "，"))
        let kept = changed.count < o.decisions.count ? t(" (the other free decisions as written)", "（其余可选决策保持不变）") : ""
        return t("**Optimize:** change \(moves)\(kept): it would add \(gain) ± \(error) of expected net cash"
                 + "\(o.chosen.withinConstraints ? "" : ", nearest to the constraints")"
                 + "; see Recommended plan (`gtm optimize --emit-variant NAME` writes it as a variant).",
                 "**优化**：将 \(moves)\(kept)，可使期望净现金增加 \(gain) ± \(error)\(o.chosen.withinConstraints ? "" : "（最接近约束的方案）")"
                 + "；见推荐方案（`gtm optimize --emit-variant NAME` 可将其写为情景变体）。")
    }

    /// A decision's value as the report writes it.
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

    func optimizeSection(_ o: Optimization) -> String {
        var lines: [String] = ["## " + t("Recommended plan (optimize)", "推荐方案（optimize）")]
        let objective = o.objective == .contribution
            ? t("expected net cash of the launch within the horizon, stock left valued at salvage",
                "计划期内上市带来的期望净现金（剩余库存按残值计）")
            : t("expected net cash within the horizon, stock left at salvage, less the cost of capital on the peak need",
                "计划期内期望净现金（剩余库存按残值计）扣除峰值资金需求的资金成本")
        lines.append(t("**Rule:** choose the free decisions that maximise the ", "**规则**：在约束内选择使")
                     + objective + t(", within the constraints; every candidate runs the same \(style.exactCount(Double(o.trials))) trials "
                                     + "(common random numbers), \(o.evaluations) candidates evaluated by coordinate search. "
                                     + "A decision keeps the scenario's value unless moving it gains more than "
                                     + "\(style.money(o.materiality.rounded())) (0.1% of the scenario's objective) and two standard errors.",
                                     "最大的可选决策；每个候选方案使用相同的 \(style.exactCount(Double(o.trials))) 次模拟（共同随机数），"
                                     + "按坐标搜索共评估 \(o.evaluations) 个候选方案。某项决策只有在改动带来的提升超过 "
                                     + "\(style.money(o.materiality.rounded()))（场景目标的 0.1%）且超过两个标准误时才偏离场景中的取值。"))
        lines.append(Markdown.table([t("Decision", "决策"), t("Scenario", "场景"), t("Recommended", "推荐")], [.left, .right, .right],
                                    o.decisions.map { ["`\($0.path)`", setting($0.given, $0.kind), setting($0.chosen, $0.kind)] }))
        // Whole money: the search's own precision is far coarser than a cent.
        func money(_ value: Double) -> String { style.money(value.rounded()) }
        func breaks(_ names: [String]) -> String {
            names.isEmpty ? "" : t(" — breaks ", " — 违反 ") + names.map { "`\($0)`" }.joined(separator: ", ")
        }
        func outcome(_ value: Optimization.Outcome) -> String {
            money(value.mean) + t(" (P10 ", "（P10 ") + money(value.p10) + t(", P90 ", "，P90 ") + money(value.p90) + t(")", "）")
                + breaks(value.broken)
        }
        var rows = [[t("Objective", "目标"), outcome(o.given), outcome(o.chosen)]]
        for constraint in o.constraints {
            let isMoney = !constraint.kind.isShare
            func format(_ value: Double) -> String { isMoney ? money(value) : style.percent(value) }
            let bound = constraint.kind.isMinimum ? "≥" : "≤"
            let note = constraint.kind == .maxPeakNeed
                ? (o.peakNeedDefaulted ? t(" (P90; cash on hand + credit)", "（P90；现有资金 + 授信）") : t(" (P90)", "（P90）")) : ""
            rows.append(["`\(constraint.name)` \(bound) " + format(constraint.limit) + note, format(constraint.given), format(constraint.chosen)])
        }
        lines.append(Markdown.table([t("Expected", "期望值"), t("Scenario", "场景"), t("Recommended", "推荐")], [.left, .right, .right], rows))
        lines.append(t("Gain \(money(o.chosen.mean - o.given.mean)) ± \(money(o.gainError)) (one standard error on the same trials); "
                       + "the search's last sweep changed the objective by \(money(o.lastImprovement)).",
                       "提升 \(money(o.chosen.mean - o.given.mean)) ± \(money(o.gainError))（相同模拟下的一个标准误）；"
                       + "搜索最后一轮使目标变化 \(money(o.lastImprovement))。"))
        for constraint in o.constraints where constraint.binding {
            guard let shadow = constraint.shadowPrice else { continue }
            let isMoney = !constraint.kind.isShare
            let step = isMoney ? style.money(100_000) : t("a percentage point", "一个百分点")
            let gain = money(shadow * (isMoney ? 100_000 : 0.01))
            lines.append(t("- `\(constraint.name)` binds: another \(step) of it would add \(gain) to the objective (its shadow price).",
                           "- `\(constraint.name)` 起约束作用：再放宽 \(step)，目标可增加 \(gain)（影子价格）。"))
        }
        if !o.options.isEmpty {
            lines.append(t("**Each option** of a choice, the other decisions as recommended:", "**各选项**（其他决策按推荐）："))
            lines.append(Markdown.table([t("Decision", "决策"), t("Option", "选项"), t("Objective", "目标")], [.left, .left, .right],
                                        o.options.map { ["`\($0.path)`", "`\($0.option)`",
                                                         money($0.value) + breaks($0.broken)] }))
        }
        if !o.marginalReturns.isEmpty {
            let rows = o.marginalReturns.map { marginal -> [String] in
                let kind = o.decisions.first { $0.path == marginal.path }?.kind
                let change = money(marginal.perUnit * marginal.step)
                let per = kind == .money ? change + t(" per \(money(marginal.step)) more", " / 每增加 \(money(marginal.step))")
                    : kind == .share ? change + t(" per percentage point", " / 每个百分点")
                    : change + t(" per unit", " / 每单位")
                return ["`\(marginal.path)`", per]
            }
            lines.append(t("""
                **Marginal returns** at the recommendation, read across a twentieth of each range either side. The objective is net \
                of the spend, so at an optimum where no constraint binds each is about zero (where one binds, they are equal); one at a \
                bound or kept at the scenario's value need not be, and cartons and reorders make the objective step, so a small one is noise:
                """,
                           """
                           **边际回报**（推荐方案处，按各范围的二十分之一两侧读取）。目标已扣除投入，故在无约束起作用的最优处各项约为零\
                           （有约束起作用时彼此相等）；处于边界或保留场景取值的决策不必如此；装箱与补货使目标呈阶梯状，较小的数值可视为噪声：
                           """))
            lines.append(Markdown.table([t("Decision", "决策"), t("Objective's change", "目标变化")], [.left, .right], rows))
        }
        if !o.evpi.isEmpty, o.evpi.allSatisfy({ $0.value == 0 }) {
            lines.append(t("""
                **What to learn first:** nothing — knowing any uncertain input first would not change the free decisions above (EVPI 0 \
                for each; the other decisions follow their own rules).
                """,
                           "**优先调研什么**：无——提前知道任何不确定输入都不会改变上述可选决策（各项完全信息期望值均为 0；其他决策按各自规则）。"))
        } else if !o.evpi.isEmpty {
            lines.append(t("**What to learn first** — the expected value of perfect information: what deciding after knowing the input would gain.",
                           "**优先调研什么**——完全信息期望值：在知道该输入后再决策可带来的期望收益。"))
            lines.append(Markdown.table([t("Input", "输入"), "EVPI"], [.left, .right], o.evpi.map { ["`\($0.input)`", money($0.value)] }))
        }
        return lines.joined(separator: "\n\n")
    }
}
