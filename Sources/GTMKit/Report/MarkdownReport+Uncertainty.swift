/// The Monte Carlo part: what is uncertain, the spread of the key outputs, what drives them,
/// and how the decisions used the spread.
extension MarkdownReport {
    /// How an output is named in the report.
    func outputName(_ path: String) -> String {
        switch path {
        case "market.tam_units": return t("TAM (units a year)", "TAM（每年件数）")
        case "market.sam_units": return t("SAM (units a year)", "SAM（每年件数）")
        case "market.som_units": return t("SOM (units)", "SOM（件数）")
        case "market.bottom_up_units": return t("Channels, bottom-up (units)", "渠道自下而上（件数）")
        case "demand.horizon_units": return t("Units sold within the horizon", "时间范围内销量")
        case "demand.first_week_units": return t("Launch-week units", "首发周销量")
        case "inventory.window_demand_mean": return t("Demand in the first batch's window", "首批覆盖期需求")
        case "inventory.first_batch_units": return t("First batch (units)", "首批数量（件）")
        case "crowdfunding.backers": return t("Backers", "支持者")
        case "crowdfunding.pledged": return t("Crowdfunding pledged", "众筹认筹额")
        case "crowdfunding.net": return t("Crowdfunding net", "众筹净得")
        case "crowdfunding.units": return t("Units owed to backers", "应交付支持者件数")
        case "kol.cost": return t("KOL cost", "KOL 费用")
        case "kol.reach": return t("KOL reach", "KOL 触达")
        case "kol.engagements": return t("KOL engagements", "KOL 互动")
        case "kol.buyers": return t("KOL buyers", "KOL 买家")
        case "economics.unit_margin": return t("Unit margin", "单件毛利")
        default: return path
        }
    }

    /// A value of an output in its unit: money for money outputs, a count otherwise.
    func outputValue(_ path: String, _ value: Double) -> String {
        switch path {
        case "crowdfunding.pledged", "crowdfunding.net", "kol.cost", "economics.unit_margin": return style.money(value)
        default: return style.count(value)
        }
    }

    /// How an input value is written in its kind.
    func inputValue(_ path: String, _ value: Double) -> String {
        switch Schema.field(Schema.schemaPath(path))?.valueKind {
        case .share: return style.percent(value)
        case .money: return style.money(value)
        default: return style.number(value)
        }
    }

    /// "P10–P90 25,270–50,561" for the summary, when the output varies.
    func range(_ path: String) -> String? {
        guard let output = plan.uncertainty?.output(path), output.p10 != output.p90 else { return nil }
        return "\(outputValue(path, output.p10))–\(outputValue(path, output.p90))"
    }

    func uncertaintySection(_ uncertainty: Uncertainty) -> String {
        var parts = ["## " + t("Uncertainty", "不确定性")]
        parts.append(t("\(uncertainty.inputs.count) input\(uncertainty.inputs.count == 1 ? " is" : "s are") uncertain, so the plan ran \(style.count(Double(uncertainty.trials))) Monte Carlo trials (seed \(uncertainty.seed)); every number elsewhere in this report is the base case, with each uncertain input at its median, unless it says otherwise. P10 and P90 bound the middle 80% of outcomes (type-7 percentiles).",
                       "有 \(uncertainty.inputs.count) 个输入不确定，因此运行了 \(style.count(Double(uncertainty.trials))) 次蒙特卡洛模拟（种子 \(uncertainty.seed)）；除特别说明外，本报告其他数字均为基准情形（各不确定输入取中位数）。P10 与 P90 之间是中间 80% 的结果（第 7 类百分位数）。"))
        let inputRows = uncertainty.inputs.map { input in
            [Markdown.code(input.path), describe(input.distribution, path: input.path),
             inputValue(input.path, input.p10), inputValue(input.path, input.median), inputValue(input.path, input.p90)]
        }
        parts.append(Markdown.table([t("Uncertain input", "不确定输入"), t("As given", "形式"), "P10", t("Median", "中位数"), "P90"],
                                    [.left, .left, .right, .right, .right], inputRows))
        let varying = uncertainty.outputs.filter { $0.p10 != $0.p90 || $0.p50 != $0.base }
        let rows = varying.map { output in
            [outputName(output.path), outputValue(output.path, output.p10), outputValue(output.path, output.p50),
             outputValue(output.path, output.p90), outputValue(output.path, output.mean), outputValue(output.path, output.base)]
        }
        parts.append(Markdown.table([t("Output", "输出"), "P10", "P50", "P90", t("Mean", "均值"), t("Base case", "基准")],
                                    [.left, .right, .right, .right, .right, .right], rows))
        if varying.count < uncertainty.outputs.count {
            parts.append(t("Outputs that the uncertain inputs do not move are left out (the JSON lists them all).",
                           "不受不确定输入影响的输出未列出（JSON 中全部列出）。"))
        }
        parts.append(decisionsUnderUncertainty(uncertainty))
        if !uncertainty.tornado.isEmpty {
            parts.append("### " + t("What drives \(outputName(uncertainty.headline).lowercasedFirstLetter)", "影响\(outputName(uncertainty.headline))的因素"))
            parts.append(t("Each input at its P10 and its P90 with the others at their medians (base case \(outputValue(uncertainty.headline, uncertainty.headlineBase))), largest swing first.",
                           "每次将一个输入分别取 P10 与 P90，其余取中位数（基准 \(outputValue(uncertainty.headline, uncertainty.headlineBase))），按波动从大到小排列。"))
            let rows = uncertainty.tornado.map { swing in
                [Markdown.code(swing.input), inputValue(swing.input, swing.inputLow) + " → " + outputValue(uncertainty.headline, swing.outputAtLow),
                 inputValue(swing.input, swing.inputHigh) + " → " + outputValue(uncertainty.headline, swing.outputAtHigh),
                 outputValue(uncertainty.headline, swing.swing)]
            }
            parts.append(Markdown.table([t("Input", "输入"), t("At P10", "取 P10"), t("At P90", "取 P90"), t("Swing", "波动")],
                                        [.left, .right, .right, .right], rows))
        }
        return parts.joined(separator: "\n\n")
    }

    /// How each decision used the spread, in words.
    func decisionsUnderUncertainty(_ uncertainty: Uncertainty) -> String {
        var lines: [String] = []
        if let batch = uncertainty.batch {
            lines.append(t("**First batch:** instead of the normal formula on the base case, the order covers the \(style.percent(batch.ratio)) quantile of \(style.count(Double(uncertainty.trials))) simulated window demands (which carry both the input uncertainty and the forecast error): \(style.count(batch.retailQuantity)) units for retail\(batch.pledgedUnits > 0 ? t(", plus the median \(style.count(batch.pledgedUnits)) pledged", "") : ""), so **\(style.count(Double(batch.units))) units** after MOQ and case pack. Simulated demand runs from \(style.count(batch.demandP10)) (P10) to \(style.count(batch.demandP90)) (P90); the order leaves \(style.count(batch.expectedLeftover)) units unsold and misses \(style.count(batch.expectedLostSales)) sales on average, serving \(style.percent(batch.fillRate)) of demand.",
                           "**首批**：不再用基准情形的正态公式，而是取 \(style.count(Double(uncertainty.trials))) 次模拟覆盖期需求（同时包含输入不确定性与预测误差）的 \(style.percent(batch.ratio)) 分位数：零售备货 \(style.count(batch.retailQuantity)) 件\(batch.pledgedUnits > 0 ? "，另加认购中位数 \(style.count(batch.pledgedUnits)) 件" : "")，经最小起订量与箱规调整为 **\(style.count(Double(batch.units))) 件**。模拟需求从 \(style.count(batch.demandP10))（P10）到 \(style.count(batch.demandP90))（P90）；平均剩余 \(style.count(batch.expectedLeftover)) 件、缺货 \(style.count(batch.expectedLostSales)) 件，满足 \(style.percent(batch.fillRate)) 的需求。"))
        }
        if let campaign = uncertainty.campaign {
            lines.append(t("**Crowdfunding:** the goal comes from the median simulated pledges (\(style.money(campaign.pledgedP50))): a third of that, rounded down, never below the minimum raise, gives **\(style.money(campaign.goal))**. Pledges reach that goal in \(style.percent(campaign.probabilityOfGoal)) of trials, and the first 48 hours cover the minimum raise in \(style.percent(campaign.probabilityFirstTwoDaysCover)) of them.",
                           "**众筹**：目标金额取模拟认筹额的中位数（\(style.money(campaign.pledgedP50))）的三分之一，向下取整且不低于最低筹款额，为 **\(style.money(campaign.goal))**。\(style.percent(campaign.probabilityOfGoal)) 的模拟中认筹额达到该目标，\(style.percent(campaign.probabilityFirstTwoDaysCover)) 的模拟中前 48 小时即覆盖最低筹款额。"))
        }
        if lines.isEmpty {
            return t("No decision in this plan depends on the uncertain inputs beyond the ranges above.", "本计划的决策不受上述不确定输入以外的影响。")
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

extension String {
    var lowercasedFirstLetter: String {
        guard let first, first.isUppercase, !hasPrefix("TAM"), !hasPrefix("SAM"), !hasPrefix("SOM"), !hasPrefix("KOL") else { return self }
        return first.lowercased() + dropFirst()
    }
}
