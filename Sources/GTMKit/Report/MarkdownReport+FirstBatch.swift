/// The first-batch section: the decision in one paragraph, then the numbers.
extension MarkdownReport {
    func firstBatchSection(_ batch: FirstBatch) -> String {
        var parts = ["## " + t("First batch", "首批生产")]
        parts.append(firstBatchStory(batch))
        var rows: [[String]] = []
        let window = style.period(batch.coverage)
        rows.append([t("Demand in the first \(window) (mean ± sd)", "首\(window)需求（均值 ± 标准差）"),
                     "\(style.count(batch.mean)) ± \(style.count(batch.sd))"])
        rows.append([t("Cost of a missed sale (price − cost)", "少卖一件的损失（售价 − 成本）"), style.money(batch.underage)])
        rows.append([t("Cost of an unsold unit (cost − salvage)", "多备一件的损失（成本 − 残值）"), style.money(batch.overage)])
        rows.append([batch.ratioSource == .serviceLevel ? t("Service level (given)", "服务水平（指定）") : t("Critical ratio", "临界比率"),
                     style.percent(batch.criticalRatio)])
        rows.append([t("z = Φ⁻¹(ratio), exact", "z = Φ⁻¹(比率)，精确值"), batch.z.isFinite ? NumberStyle.fixed(batch.z, 4) : "—"])
        rows.append([t("Newsvendor quantity μ + zσ", "报童最优量 μ + zσ"), NumberStyle.fixed(batch.optimalUnits, 1)])
        if let simulated = plan.uncertainty?.batch {
            rows.append([t("Simulated \(style.percent(simulated.ratio)) quantile of demand", "模拟需求的 \(style.percent(simulated.ratio)) 分位数"),
                         NumberStyle.fixed(simulated.retailQuantity, 1)])
        }
        if batch.pledgedUnits > 0 {
            rows.append([t("Pledged crowdfunding units", "众筹已认购件数"), style.count(batch.pledgedUnits)])
        }
        rows.append([t("MOQ / case pack", "最小起订量 / 箱规"), "\(style.count(Double(batch.moq))) / \(batch.casePack)"])
        rows.append(["**" + t("First batch", "首批数量") + "**", "**" + style.count(Double(batch.units)) + "**"])
        rows.append([t("Last day to place the order", "最晚下单日"), style.date(batch.poDate)])
        rows.append([t("Cash tied up (units × cost)", "占用资金（件数 × 成本）"), style.money(batch.cash)])
        rows.append([t("Expected sales in the window", "覆盖期预期销量"), style.count(batch.outcome.expectedSales)])
        rows.append([t("Expected leftover", "预期剩余"), style.count(batch.outcome.expectedLeftover)])
        rows.append([t("Expected lost sales", "预期缺货损失销量"), style.count(batch.outcome.expectedLostSales)])
        rows.append([t("Fill rate (sales ÷ demand)", "满足率（销量 ÷ 需求）"), style.percent(batch.outcome.fillRate)])
        rows.append([t("In-stock probability (cycle service level)", "不断货概率（周期服务水平）"), style.percent(batch.outcome.inStockProbability)])
        rows.append([t("Reorder: safety stock / reorder point", "补货：安全库存 / 再订货点"),
                     "\(style.count(batch.safetyStock)) / \(style.count(batch.reorderPoint))"])
        parts.append(Markdown.table([t("First batch", "首批"), t("Value", "数值")], [.left, .right], rows))
        parts.append(t("The fill rate is the share of demand served; the in-stock probability is the chance of not running out at all. They differ, and a plan should not confuse them. The reorder point assumes the window's daily demand continues through the lead time (\(style.period(batch.leadTime))).",
                       "满足率是被满足的需求占比；不断货概率是整个覆盖期都不缺货的概率，两者不同，不应混淆。再订货点假设覆盖期的日均需求在 \(style.period(batch.leadTime)) 交期内持续。"))
        return parts.joined(separator: "\n\n")
    }

    /// Why this many, and what it risks, for a reader who never met a newsvendor.
    func firstBatchStory(_ batch: FirstBatch) -> String {
        let product = Markdown.escape(plan.scenario.product.name)
        let window = style.period(batch.coverage)
        var sentences: [String] = []
        sentences.append(t("Order **\(style.count(Double(batch.units))) units** by **\(style.longDate(batch.poDate))**, \(style.period(batch.leadTime)) before launch; they tie up \(style.money(batch.cash)).",
                           "请在 **\(style.longDate(batch.poDate))** 前下单 **\(style.count(Double(batch.units))) 件**（上市前 \(style.period(batch.leadTime))），占用资金 \(style.money(batch.cash))。"))
        switch batch.demandSource {
        case .curve:
            sentences.append(t("In the first \(window) after launch the sales curve expects about \(style.count(batch.mean)) units, give or take \(style.count(batch.sd)) (one standard deviation).",
                               "上市后首\(window)，销售曲线预计约 \(style.count(batch.mean)) 件，上下浮动约 \(style.count(batch.sd)) 件（一个标准差）。"))
        case .forecast:
            sentences.append(t("Your forecast for the first \(window) is \(style.count(batch.mean)) units, give or take \(style.count(batch.sd)).",
                               "您对首\(window)的预测为 \(style.count(batch.mean)) 件，上下浮动约 \(style.count(batch.sd)) 件。"))
        }
        if batch.ratioSource == .serviceLevel {
            sentences.append(t("You asked for a \(style.percent(batch.criticalRatio)) chance of not running out, so the order stocks for that.",
                               "您要求 \(style.percent(batch.criticalRatio)) 的不断货概率，备货据此确定。"))
        } else if batch.underage <= 0 {
            sentences.append(t("Every \(product) sells for less than it costs, so stocking for retail only adds to the loss.",
                               "每件 \(product) 的售价低于成本，为零售备货只会增加亏损。"))
        } else {
            let above = batch.criticalRatio > 0.5
            sentences.append(t("A missed sale costs \(style.money(batch.underage)) of margin and an unsold unit costs \(style.money(batch.overage)) (cost less what it fetches at clearance), so it pays to stock \(above ? "above" : "below") the average: enough to cover demand \(style.percent(batch.criticalRatio)) of the time.",
                               "少卖一件损失毛利 \(style.money(batch.underage))，多备一件损失 \(style.money(batch.overage))（成本减清仓残值），因此备货应\(above ? "高于" : "低于")平均需求：覆盖 \(style.percent(batch.criticalRatio)) 的需求情形。"))
        }
        let simulated = plan.uncertainty?.batch
        if let simulated {
            sentences.append(t("Because some inputs are uncertain, the quantity is the \(style.percent(simulated.ratio)) quantile of the simulated demand rather than the normal formula on the base case: \(style.count(simulated.retailQuantity)) units for retail.",
                               "由于部分输入不确定，数量取模拟需求的 \(style.percent(simulated.ratio)) 分位数，而非基准情形的正态公式：零售备货 \(style.count(simulated.retailQuantity)) 件。"))
        }
        let newsvendor = Newsvendor.rounded((simulated?.retailQuantity ?? batch.optimalUnits) + batch.pledgedUnits, moq: 0, casePack: 1)
        if batch.units != newsvendor {
            var reasons: [String] = []
            if batch.moq > newsvendor { reasons.append(t("the minimum order of \(style.count(Double(batch.moq)))", "最小起订量 \(style.count(Double(batch.moq)))")) }
            if batch.casePack > 1 { reasons.append(t("cartons of \(batch.casePack)", "每箱 \(batch.casePack) 件")) }
            sentences.append(t("That is \(style.count(Double(newsvendor))) units; \(reasons.joined(separator: " and ")) make it \(style.count(Double(batch.units))).",
                               "即 \(style.count(Double(newsvendor))) 件；因\(reasons.joined(separator: "与"))调整为 \(style.count(Double(batch.units))) 件。"))
        }
        if batch.pledgedUnits > 0 {
            sentences.append(t("It includes the \(style.count(batch.pledgedUnits)) units backers already pledged.",
                               "其中包含众筹支持者已认购的 \(style.count(batch.pledgedUnits)) 件。"))
        }
        if batch.mean > 0 {
            let leftoverCost = batch.outcome.expectedLeftover * batch.unitCost
            sentences.append(t("On average about \(style.count(batch.outcome.expectedLeftover)) units are left when the window ends (\(style.money(leftoverCost)) at cost) and about \(style.count(batch.outcome.expectedLostSales)) sales are missed; the order serves \(style.percent(batch.outcome.fillRate)) of demand and does not run out \(style.percent(batch.outcome.inStockProbability)) of the time.",
                               "平均而言，覆盖期结束时约剩 \(style.count(batch.outcome.expectedLeftover)) 件（按成本计 \(style.money(leftoverCost))），约少卖 \(style.count(batch.outcome.expectedLostSales)) 件；满足 \(style.percent(batch.outcome.fillRate)) 的需求，\(style.percent(batch.outcome.inStockProbability)) 的情况下不会断货。"))
        }
        return sentences.joined(separator: t(" ", ""))
    }
}

extension NumberStyle {
    /// A fixed number of decimals, no grouping: `0.8416`, for exact model quantities.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        Format.grouped(value, decimals: decimals, separator: "")
    }
}
