/// The optimiser's part of the report (`optimize`): the recommended decisions beside the
/// scenario's, the objective and the constraints for both, the marginal returns, and what to
/// learn first (EVPI).
extension MarkdownReport {
    /// The decisions line: what the search would change, what it is worth, and what else it moves
    /// (the first batch, the peak need, the chance of passing cash + credit).
    func optimizeDecision(_ o: Optimization) -> String {
        // A choice left to `auto` whose rule picks the recommended option does not change.
        let changed = o.decisions.filter { $0.chosen != $0.given && $0.pick.map { Optimizer.Setting.word($0) } != $0.chosen }
        let list = o.decisions.map { "`\($0.path)`" + t(": ", "：") + givenSetting($0) }.joined(separator: t(", ", "，"))
        if changed.isEmpty || o.chosen.mean == o.given.mean {
            return t("**Optimize:** the search found nothing better than these decisions (\(list)); see Recommended plan.",
                     "**优化**：搜索未找到优于当前决策的方案（\(list)）；见推荐方案。")
        }
        let gain = style.money((o.chosen.mean - o.given.mean).rounded()), error = style.money(o.gainError.rounded())
        // The moves only: a decision the search keeps is the scenario's, already in the plan.
        let moves = changed.map {
            "`\($0.path)`" + t(" from \(givenSetting($0)) to \(setting($0.chosen, $0.kind))", " 由 \(givenSetting($0)) 改为 \(setting($0.chosen, $0.kind))")
        }.joined(separator: t(", ", "，"))
        let kept = changed.count < o.decisions.count ? t(" (the other free decisions as written)", "（其余可选决策保持不变）") : ""
        // What else moves with it: what a lead signs beside the decisions. The batch and the peak need as
        // changes (their levels here are on the search's trials; the plan's sections give their own).
        var also: [String] = []
        func signed(_ text: String, _ value: Double) -> String { (value > 0 ? "+" : "") + text }
        if let a = o.given.firstBatch, let b = o.chosen.firstBatch, a != b {
            let change = signed(style.exactCount(b - a), b - a)
            also.append(t("the first batch by \(change) units", "首批 \(change) 件"))
        }
        if let peak = o.constraints.first(where: { $0.kind == .maxPeakNeed }), peak.given.rounded() != peak.chosen.rounded() {
            let change = signed(style.money((peak.chosen - peak.given).rounded()), peak.chosen - peak.given)
            also.append(t("the peak need 1 launch in 10 exceeds by \(change)", "十次上市中有一次超过的峰值资金需求 \(change)"))
        }
        if let a = o.given.shortfallChance, let b = o.chosen.shortfallChance, style.percent(a) != style.percent(b) {
            also.append(t("the chance it passes cash on hand + credit from \(style.percent(a)) to \(style.percent(b))",
                          "超过现有资金 + 授信的概率由 \(style.percent(a)) 变为 \(style.percent(b))"))
        }
        let moved = also.isEmpty ? "" : t("; it moves ", "；同时") + also.joined(separator: t(", ", "，"))
        return t("**Optimize:** change \(moves)\(kept): it would add \(gain) ± \(error) of expected net cash"
                 + "\(o.chosen.withinConstraints ? "" : ", nearest to the constraints")\(moved)"
                 + "; see Recommended plan (`gtm optimize --emit-variant NAME` writes it as a variant).",
                 "**优化**：将 \(moves)\(kept)，可使期望净现金增加 \(gain) ± \(error)\(o.chosen.withinConstraints ? "" : "（最接近约束的方案）")\(moved)"
                 + "；见推荐方案（`gtm optimize --emit-variant NAME` 可将其写为情景变体）。")
    }

    /// The scenario's value of a decision: the rule's where the scenario leaves it to one (the
    /// service level the batch is ordered at, the option `auto` picks).
    func givenSetting(_ decision: Optimization.Decision) -> String {
        if decision.given == .unset, let rule = decision.rule { return style.percent(rule) + t(" (the plan's rule)", "（按计划规则）") }
        if let pick = decision.pick { return setting(decision.given, decision.kind) + t(" (the rule picks `\(pick)`)", "（规则选择 `\(pick)`）") }
        return setting(decision.given, decision.kind)
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
        let trials = style.exactCount(Double(o.trials))
        lines.append(t("""
            Every other section of this report is the plan as written; this part is what `gtm optimize` recommends instead, and what it \
            would change.
            """, "本报告其他各节均为场景所写的计划；本节是 `gtm optimize` 推荐的替代方案及其改变。"))
        let objective = o.objective == .contribution
            ? t("expected net cash of the launch within the horizon, stock left valued at salvage",
                "计划期内上市带来的期望净现金（剩余库存按残值计）")
            : t("expected net cash within the horizon, stock left at salvage, less the cost of capital on the peak need",
                "计划期内期望净现金（剩余库存按残值计）扣除峰值资金需求的资金成本")
        let basis = o.trials > 1
            ? t("Every candidate is planned on the same \(trials) simulated launches, so two candidates differ by their decisions, not by chance",
                "每个候选方案都在相同的 \(trials) 次模拟上市上计算，两方案之差来自决策而非随机")
            : t("Every candidate is planned on the base case (no input is uncertain)", "每个候选方案都按基准情形计算（没有不确定输入）")
        lines.append(t("**Rule:** choose the free decisions that maximise the ", "**规则**：在约束内选择使")
                     + objective + t("""
                        , within the constraints. \(basis); \(o.evaluations) candidates were tried, one decision at a time. A decision \
                        keeps the scenario's value unless moving it gains more than \(style.money(o.materiality.rounded())) (0.1% of the \
                        scenario's objective) and two standard errors.
                        """, """
                        最大的可选决策。\(basis)；逐项决策共尝试 \(o.evaluations) 个候选方案。某项决策只有在改动带来的提升超过 \
                        \(style.money(o.materiality.rounded()))（场景目标的 0.1%）且超过两个标准误时才偏离场景中的取值。
                        """))
        // Whole money: the search's own precision is far coarser than a cent.
        func money(_ value: Double) -> String { style.money(value.rounded()) }
        func note(_ decision: Optimization.Decision) -> String {
            switch decision.note {
            case .kept: return t("kept: moving it gains less than \(money(o.materiality))", "保留：改动的提升不足 \(money(o.materiality))")
            case .high: return t("top of its range: widen it to test more", "处于范围上限：可放宽范围再试")
            case .low: return t("bottom of its range", "处于范围下限")
            case .floor: return t("lowest the scenario allows: lower breaks `product.target_margin`", "场景允许的最低值：再低将低于 `product.target_margin`")
            case .inert: return t("changes nothing here: not a decision in this scenario", "在本场景中不改变任何结果：并非可选决策")
            case nil: return ""
            }
        }
        let notes = o.decisions.contains { $0.note != nil }
        lines.append(Markdown.table([t("Decision", "决策"), t("Scenario", "场景"), t("Recommended", "推荐")] + (notes ? [t("Note", "说明")] : []),
                                    [.left, .right, .right] + (notes ? [.left] : []),
                                    o.decisions.map { ["`\($0.path)`", givenSetting($0), setting($0.chosen, $0.kind)] + (notes ? [note($0)] : []) }))
        let limits = Dictionary(uniqueKeysWithValues: o.constraints.map { ($0.kind, $0.limit) })
        func format(_ kind: Optimizer.ConstraintKind, _ value: Double) -> String { kind.isShare ? style.percent(value) : money(value) }
        func breaks(_ names: [String], values: [Double] = []) -> String {
            guard !names.isEmpty else { return "" }
            return t(" — breaks ", " — 违反 ") + names.map { name in
                guard let index = o.constraints.firstIndex(where: { $0.name == name }), index < values.count else { return "`\(name)`" }
                let kind = o.constraints[index].kind
                return "`\(name)`" + t(": \(format(kind, values[index])) against \(kind.isMinimum ? "at least" : "at most") \(format(kind, limits[kind] ?? 0))",
                                       "：\(format(kind, values[index]))，限值\(kind.isMinimum ? "至少" : "至多") \(format(kind, limits[kind] ?? 0))")
            }.joined(separator: ", ")
        }
        func outcome(_ value: Optimization.Outcome) -> String {
            money(value.mean) + t(" (P10 ", "（P10 ") + money(value.p10) + t(", P90 ", "，P90 ") + money(value.p90) + t(")", "）")
                + breaks(value.broken)
        }
        let objectiveLabel = o.objective == .contribution
            ? t("Expected net cash + stock at salvage", "期望净现金 + 库存残值")
            : t("Expected net cash + stock at salvage − cost of capital", "期望净现金 + 库存残值 − 资金成本")
        let shortfallLabel = t("Chance the peak need passes cash on hand + credit", "峰值资金需求超过现有资金 + 授信的概率")
        var rows = [[objectiveLabel, outcome(o.given), outcome(o.chosen)]]
        if let given = o.given.firstBatch, let chosen = o.chosen.firstBatch {
            rows.append([t("First batch (units)", "首批（件）"), style.exactCount(given), style.exactCount(chosen)])
        }
        for constraint in o.constraints {
            let bound = constraint.kind.isMinimum ? "≥" : "≤"
            let label: String
            switch constraint.kind {
            case .maxPeakNeed: label = t("Peak funding need that 1 launch in 10 exceeds", "峰值资金需求（十次上市中有一次超过）")
            case .maxMarketing: label = t("Marketing spend: creators' fees and samples, ads, email, testers", "营销支出：达人费用与样品、广告、邮件、测试机")
            case .minFillRate: label = t("Share of demand served", "需求满足率")
            case .maxShortfallChance: label = shortfallLabel
            }
            let cap = constraint.kind == .maxPeakNeed && o.peakNeedDefaulted ? t(", cash on hand + credit", "，现有资金 + 授信") : ""
            rows.append([label + t(" (", "（") + "`\(constraint.name)` \(bound) \(format(constraint.kind, constraint.limit))\(cap)" + t(")", "）"),
                         format(constraint.kind, constraint.given), format(constraint.kind, constraint.chosen)])
        }
        if !o.constraints.contains(where: { $0.kind == .maxShortfallChance }), let given = o.given.shortfallChance,
           let chosen = o.chosen.shortfallChance {
            rows.append([shortfallLabel,
                         style.percent(given), style.percent(chosen)])
        }
        lines.append(Markdown.table([t("Expected", "期望值"), t("Scenario", "场景"), t("Recommended", "推荐")], [.left, .right, .right], rows))
        // The scenario's first batch is re-sized on the search's trials: say so where it differs from the plan's.
        var resized = (en: "", zh: "")
        if let here = o.given.firstBatch, let plan = plan[.firstBatchUnits], here != plan {
            resized = (", the first batch re-sized on them too (\(style.exactCount(here)) units here, \(style.exactCount(plan)) in the plan)",
                       "，首批也据此重新计算（此处 \(style.exactCount(here)) 件，计划中 \(style.exactCount(plan)) 件）")
        }
        let settled = o.lastImprovement == 0
            ? t("the search had settled (its last pass changed nothing)", "搜索已收敛（最后一轮无变化）")
            : t("the search's last pass still gained \(money(o.lastImprovement)): more passes may gain more",
                "搜索最后一轮仍提升 \(money(o.lastImprovement))：继续搜索或可更多")
        if o.trials > 1 {
            lines.append(t("""
                Gain \(money(o.chosen.mean - o.given.mean)) ± \(money(o.gainError)): the ± is the simulation's noise on these \(trials) \
                launches (one standard error), not the launch's risk, which is the P10–P90 above; \(settled). Figures in this part are on \
                these \(trials) launches\(resized.en); the plan's own sections use more, so their figures differ from these by that and by \
                sampling noise.
                """, """
                提升 \(money(o.chosen.mean - o.given.mean)) ± \(money(o.gainError))：± 是这 \(trials) 次模拟的噪声（一个标准误），\
                而非上市本身的风险（见上方 P10–P90）；\(settled)。本节数字基于这 \(trials) 次模拟\(resized.zh)；计划其他各节使用更多次模拟，\
                两处数字的差异来自于此及抽样噪声。
                """))
        } else {
            lines.append(t("Gain \(money(o.chosen.mean - o.given.mean)) (no input is uncertain: one launch, no noise); \(settled).",
                           "提升 \(money(o.chosen.mean - o.given.mean))（没有不确定输入：一次计算，无噪声）；\(settled)。"))
        }
        for constraint in o.constraints where constraint.binding {
            guard let shadow = constraint.shadowPrice else { continue }
            let isMoney = !constraint.kind.isShare
            let step = isMoney ? style.money(100_000) : t("a percentage point", "一个百分点")
            let gain = money(shadow * (isMoney ? 100_000 : 0.01))
            lines.append(t("- `\(constraint.name)` binds: another \(step) of it would add about \(gain) (its shadow price).",
                           "- `\(constraint.name)` 起约束作用：再放宽 \(step)，目标约可增加 \(gain)（影子价格）。"))
        }
        if !o.options.isEmpty {
            lines.append(t("""
                **Each option** of a choice, the other decisions as recommended. Each is the whole plan it implies, so the gap between \
                two options is not the option's own figure in its section: it also carries each option's batch, reorders, timing and cash:
                """, "**各选项**（其他决策按推荐）。每个选项都是它所对应的整套计划，因此两选项之差并非该选项在其章节中的数字：还包含各自的首批、补货、时间与现金："))
            lines.append(Markdown.table([t("Decision", "决策"), t("Option", "选项"), objectiveLabel], [.left, .left, .right],
                                        o.options.map { ["`\($0.path)`", "`\($0.option)`",
                                                         money($0.value) + breaks($0.broken, values: $0.values)] }))
        }
        if !o.marginalReturns.isEmpty {
            let rows = o.marginalReturns.map { marginal -> [String] in
                let kind = o.decisions.first { $0.path == marginal.path }?.kind
                let change = money(marginal.perUnit * marginal.step)
                let per = kind == .money ? change + t(" per \(money(marginal.step)) more", " / 每增加 \(money(marginal.step))")
                    : kind == .share ? change + t(" per percentage point", " / 每个百分点")
                    : change + t(" per one more", " / 每多一个")
                return ["`\(marginal.path)`", per]
            }
            lines.append(t("""
                **Marginal returns** at the recommendation, read across a twentieth of each range either side. The objective is net \
                of the spend, so where no limit holds a budget back its marginal return is about zero; where a cap binds (marketing or \
                peak need) it is positive, and under the marketing cap the budgets' are equal. One at an end of its range, or kept at \
                the scenario's value, need not be; cartons and reorders make the objective step, so a small one is noise:
                """,
                           """
                           **边际回报**（推荐方案处，按各范围的二十分之一两侧读取）。目标已扣除投入，故预算不受任何上限约束时约为零；\
                           有上限起作用（营销或峰值资金）时为正，营销上限起作用时各预算相等。处于范围端点或保留场景取值的决策不必如此；\
                           装箱与补货使目标呈阶梯状，较小的数值可视为噪声：
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
            lines.append(t("""
                **What to learn first** — the expected value of perfect information (EVPI): what choosing the free decisions above after \
                knowing the input would gain, on average. It counts these decisions only: the first batch and the other decisions \
                follow their own rules either way. Below \(money(o.materiality)) it is within the search's resolution.
                """,
                           """
                           **优先调研什么**——完全信息期望值（EVPI）：在知道该输入后再选择上述可选决策，平均可带来的收益。\
                           只计这些决策：首批与其他决策无论如何按各自规则。低于 \(money(o.materiality)) 的数值在搜索精度之内。
                           """))
            lines.append(Markdown.table([t("Input", "输入"), "EVPI"], [.left, .right], o.evpi.map { ["`\($0.input)`", money($0.value)] }))
        }
        return lines.joined(separator: "\n\n")
    }
}
