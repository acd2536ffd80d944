/// The Monte Carlo part: what is uncertain, the spread of the key outputs, what drives them,
/// and how the decisions used the spread.
extension MarkdownReport {
    /// How an input value is written in its kind.
    func inputValue(_ path: String, _ value: Double) -> String {
        switch Schema.field(Schema.schemaPath(path))?.valueKind {
        case .share: return style.percent(value)
        case .money: return style.money(value)
        default: return style.number(value)
        }
    }

    /// "25,270–50,561" for the key numbers, when the output varies over the trials.
    /// `exact`: as the decision it qualifies is written (money to pay in full, also in a zh report).
    func range(_ output: Output, exact: Bool = false) -> String? {
        guard let summary = plan.uncertainty?.summary(output), summary.p10 != summary.p90 else { return nil }
        return "\(style.format(summary.p10, output.unit, exact: exact))–\(style.format(summary.p90, output.unit, exact: exact))"
    }

    func uncertaintySection(_ uncertainty: Uncertainty) -> String {
        var parts = ["## " + t("Uncertainty", "不确定性")]
        let count = uncertainty.inputs.count
        let trials = style.count(Double(uncertainty.trials))
        // The target, and each decision's precision as reached (the Decisions give the same).
        let reached = uncertainty.precision.map { t("\($0.output.label(language)) ±", "\($0.output.label(language))±") + style.percent($0.error) }
            .joined(separator: t(", ", "，"))
        // The automatic trials stop at the target, at a third of a case pack, or at the limit.
        let met = uncertainty.precision.allSatisfy { $0.error <= Simulation.targetError }
        let chosen = uncertainty.requestedTrials != nil ? ""
            : uncertainty.precision.isEmpty
            ? t(" (gtm's starting number: no decision here is taken from the trials)", "（自动选择的起始次数：本计划没有依据模拟作出的决策）")
            : (met ? t("""
                 (chosen so that each decision is precise to ±\(style.percent(Simulation.targetError)) or better, one standard \
                error\(reached.isEmpty ? "" : ": " + reached))
                """,
                       "（自动选择，使每项决策的误差在 ±\(style.percent(Simulation.targetError)) 以内，一个标准误\(reached.isEmpty ? "" : "：" + reached)）")
                   : t("""
                        (chosen to bring each decision to ±\(style.percent(Simulation.targetError)) or a third of a case pack, as far as the trial \
                       limit allows; one standard error: \(reached))
                       """,
                       "（自动选择，力求每项决策的误差在 ±\(style.percent(Simulation.targetError)) 或三分之一箱规以内，以模拟次数上限为限；一个标准误：\(reached)）"))
        parts.append(t("""
            \(count) input\(count == 1 ? " is" : "s are") uncertain, so the plan ran \(trials) Monte Carlo trials\(chosen), seed \
            \(uncertainty.seed). Numbers elsewhere in this report are the plan's: the base case (each uncertain input at its median), a decision \
            taken from the simulated distributions, or, for what a decision leads to (expected sales, leftover, lost sales), the average over the \
            simulated launches. P10 and P90 bound the middle 80% of outcomes (percentiles interpolated between neighbouring trials).
            """,
                       """
                       有 \(count) 个输入不确定，因此运行了 \(trials) 次蒙特卡洛模拟\(chosen)，种子 \(uncertainty.seed)。本报告其他数字均为计划值：基准情形（各不确定输入取中位数）、依据模拟分布作出的决策，或决策的结果（预期\
                       销量、剩余、缺货）在所有模拟上市中的平均值。P10 与 P90 之间是中间 80% 的结果（百分位数取相邻模拟值插值）。
                       """))
        let inputRows = uncertainty.inputs.map { input in
            [Markdown.code(input.path), describe(input.distribution, path: input.path),
             inputValue(input.path, input.p10), inputValue(input.path, input.median), inputValue(input.path, input.p90)]
        }
        parts.append(Markdown.table([t("Uncertain input", "不确定输入"), t("As given", "形式"), "P10", t("Median", "中位数"), "P90"],
                                    [.left, .left, .right, .right, .right], inputRows))
        // The window's demand has its range (with the forecast error) in the key numbers.
        let shown = uncertainty.outputs.filter { $0.output != .windowDemandMean && $0.p10 != $0.p90 }
        let rows = shown.map { summary -> [String] in
            let unit = summary.output.unit
            return [summary.output.label(language), style.format(summary.p10, unit), style.format(summary.p50, unit),
                    style.format(summary.p90, unit), unit == .date ? "—" : style.format(summary.mean, unit), value(summary.output)]
        }
        parts.append(Markdown.table([t("Output", "输出"), "P10", "P50", "P90", t("Mean", "均值"), t("Plan", "计划值")],
                                    [.left, .right, .right, .right, .right, .right], rows))
        parts.append(t("""
            Outputs that the uncertain inputs do not move are left out (the JSON lists every recorded output). Each range is the spread of the \
            uncertain inputs alone.
            """,
                       "不受不确定输入影响的输出未列出（JSON 列出全部记录的输出）。各区间仅反映不确定输入的波动。"))
        parts.append(decisionsUnderUncertainty(uncertainty))
        if !uncertainty.tornado.isEmpty {
            let headline = uncertainty.headline
            let unit = headline.unit
            parts.append("### " + t("What drives it: \(headline.label(language))", "影响因素：\(headline.label(language))"))
            if headline.isDecision {
                let each = style.count(Double(uncertainty.tornadoTrials ?? uncertainty.trials))
                parts.append(t("""
                    Each row takes the decision again as if one input were known to sit at its P10, then at its P90 (\(each) simulated launches \
                    each, the other inputs still uncertain); the plan orders \(style.format(uncertainty.headlineBase, unit, exact: true)). Largest \
                    swing first.
                    """,
                               """
                               每行假设某个输入已知取其 P10 或 P90，重新作出决策（各 \(each) 次模拟，其余输入仍不确定）；计划下单 \
                               \(style.format(uncertainty.headlineBase, unit, exact: true))。按波动从大到小排列。
                               """))
            } else {
                parts.append(t("""
                    Each input at its P10 and its P90 with the others at their medians (base case \(style.format(uncertainty.headlineBase, unit))), \
                    largest swing first.
                    """,
                               "每次将一个输入分别取 P10 与 P90，其余取中位数（基准 \(style.format(uncertainty.headlineBase, unit))），按波动从大到小排列。"))
            }
            let exact = headline.isDecision
            let rows = uncertainty.tornado.map { swing in
                [Markdown.code(swing.input), inputValue(swing.input, swing.inputLow) + " → " + style.format(swing.outputAtLow, unit, exact: exact),
                 inputValue(swing.input, swing.inputHigh) + " → " + style.format(swing.outputAtHigh, unit, exact: exact),
                 style.format(swing.swing, unit, exact: exact)]
            }
            parts.append(Markdown.table([t("Input", "输入"), t("At P10", "取 P10"), t("At P90", "取 P90"), t("Swing", "波动")],
                                        [.left, .right, .right, .right], rows))
        }
        return parts.joined(separator: "\n\n")
    }

    /// The units the newsvendor quantity orders for retail: ⌈Q*⌉, as the first batch's story says.
    var retailUnits: Double { Double(plan.firstBatch?.retailUnits ?? 0) }

    /// How each decision used the spread, in words, with its precision.
    func decisionsUnderUncertainty(_ uncertainty: Uncertainty) -> String {
        var lines: [String] = []
        let trials = style.count(Double(uncertainty.trials))
        if let batch = plan.firstBatch, let units = plan[.firstBatchUnits] {
            let source = batch.demandSource == .curve ? t("the curve's", "曲线的") : t("your forecast's", "您的预测的")
            lines.append(t("""
                **First batch:** each simulated launch has its own demand in the window (\(source) mean for its inputs, with the forecast error \
                around it); over all \(trials) of them the order covers the \(value(.criticalRatio)) quantile: \(style.exactCount(retailUnits)) \
                units for \
                retail\((plan[.pledgedUnits] ?? 0) > 0 ? t(" plus \(style.exactCount(plan[.pledgedUnits] ?? 0)) owed to backers", "") : ""), so \
                **\(self.units(units, exact: true))** after MOQ and case pack\(precision(.firstBatchUnits)).
                """,
                           """
                           **首批**：每次模拟上市在覆盖期内有各自的需求（按其输入得出的\(source)均值，加上围绕它的预测误差）；订单覆盖全部 \(trials) 次模拟需求的 \(value(.criticalRatio)) 分位数：零售备货 \
                           \(style.exactCount(retailUnits)) \
                           件\((plan[.pledgedUnits] ?? 0) > 0 ? "，另加应交付支持者的 \(style.exactCount(plan[.pledgedUnits] ?? 0)) 件" : "")，经最小起订量与箱规调整为 \
                           **\(self.units(units, exact: true))**\(precision(.firstBatchUnits))。
                           """))
        }
        if plan.crowdfunding != nil {
            lines.append(t("""
                **Crowdfunding:** the goal is a third of the median simulated pledges (\(value(.firstTwoDays))), rounded down, never below the \
                minimum raise: **\(value(.goal))**\(precision(.goal)). Pledges reach it with a \(value(.goalProbability)) chance (the rule asks \
                for \(style.percent(plan.scenario.crowdfunding?.minChance ?? 0.8))), so the campaign is \
                \(plan.flag(.recommended) ? "recommended" : "not recommended"); the first 48 hours cover the minimum raise in \
                \(value(.firstTwoDaysCoverProbability)) of the trials (an indicator, not the rule).
                """,
                           """
                           **众筹**：目标金额为模拟认筹额中位数的三分之一（\(value(.firstTwoDays))），向下取两位有效数字且不低于最低筹款额：\
                           **\(value(.goal))**\(precision(.goal))。认筹额达到目标的概率为 \(value(.goalProbability))（规则要求 \
                           \(style.percent(plan.scenario.crowdfunding?.minChance ?? 0.8))），因此\(plan.flag(.recommended) ? "建议" : "不建议")众筹；\
                           \(value(.firstTwoDaysCoverProbability)) 的模拟中前 48 小时即覆盖最低筹款额（参考指标，非规则）。
                           """))
        }
        if lines.isEmpty {
            return t("No decision in this plan depends on the uncertain inputs beyond the ranges above.", "本计划没有依赖不确定输入的决策：不确定性只体现在上面的区间中。")
        }
        return "### " + t("How the decisions used the spread", "决策如何使用不确定性") + "\n\n" + lines.map { "- " + $0 }.joined(separator: "\n")
    }

    /// `0.5% to 1%` style text for a distribution, in the input's kind.
    func describe(_ distribution: Distribution, path: String) -> String {
        let v = { self.inputValue(path, $0) }
        switch distribution {
        case .lognormal(let low, let high): return t("\(v(low)) to \(v(high)) (90%)", "\(v(low)) 至 \(v(high))（90%）")
        case .normal(let mean, let sd): return "normal(\(v(mean)), \(v(sd)))"
        case .uniform(let low, let high): return "uniform(\(v(low)), \(v(high)))"
        case .triangular(let low, let mode, let high): return "triangular(\(v(low)), \(v(mode)), \(v(high)))"
        case .pert(let low, let mode, let high): return "pert(\(v(low)), \(v(mode)), \(v(high)))"
        }
    }
}
