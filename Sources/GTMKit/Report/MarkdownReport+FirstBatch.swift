/// The first-batch section: the decision in one paragraph, then the numbers.
extension MarkdownReport {
    func firstBatchSection(_ batch: FirstBatch) -> String {
        var parts = ["## " + t("First batch", "首批生产")]
        parts.append(firstBatchStory(batch))
        let window = style.period(batch.coverage)
        let mean = plan[.windowForecastMean] ?? 0
        let sd = plan[.windowDemandSD] ?? 0
        let simulated = plan.uncertainty != nil
        var rows: [[String]] = []
        let demandLabel = plan.actuals != nil
            ? t("Demand in the first \(window), at the sales so far and the re-forecast (mean ± sd)", "首\(window)需求，按目前销量与重新预测（均值 ± 标准差）")
            : simulated ? t("Demand in the first \(window), over the simulated launches (mean ± sd)", "首\(window)需求，所有模拟上市（均值 ± 标准差）")
            : t("Demand in the first \(window) (mean ± sd)", "首\(window)需求（均值 ± 标准差）")
        rows.append([demandLabel, "\(style.count(mean)) ± \(style.count(sd))"])
        let expected = simulated ? t(", expected", "，期望值") : ""
        let underage = plan.channelTerms.isEmpty ? t("price − cost", "售价 − 成本") : t("contribution per unit", "单件边际贡献")
        rows.append([t("Cost of a missed sale (\(underage)\(expected))", "少卖一件的损失（\(underage)\(expected)）"),
                     style.money(batch.underage)])
        rows.append([t("Cost of an unsold unit (cost − salvage\(expected))", "多备一件的损失（成本 − 残值\(expected)）"), style.money(batch.overage)])
        rows.append([batch.ratioSource == .serviceLevel ? t("Service level (given)", "服务水平（指定）") : t("Critical ratio", "临界比率"),
                     value(.criticalRatio)])
        if let z = batch.z {
            rows.append([t("z = Φ⁻¹(ratio), exact", "z = Φ⁻¹(比率)，精确值"), NumberStyle.fixed(z, 4)])
        }
        let before = plan.actuals != nil ? t(", decided before launch", "，上市前决定") : ""
        rows.append([(simulated ? t("Ratio-quantile of demand over the simulated launches", "临界比率对应的需求分位数（全部模拟上市）")
                                : t("Newsvendor quantity μ + zσ", "报童最优量 μ + zσ")) + before,
                     Format.grouped(plan[.newsvendorUnits] ?? 0, decimals: 1)])
        if let pledged = plan[.pledgedUnits], pledged > 0 {
            rows.append([t("Units owed to backers", "应交付支持者件数"), style.exactCount(pledged)])
        }
        if let samples = plan[.sampleUnits], samples > 0 {
            rows.append([t("KOL samples and testers' units (no pilot run)", "KOL 样品与内测产品（无试产）"), style.exactCount(samples)])
        }
        rows.append([batch.terms.terms.map { t($0.en, $0.zh) }.joined(separator: " / "),
                     batch.terms.terms.map { style.exactCount(Double($0.value)) }.joined(separator: " / ")])
        rows.append(["**" + t("First batch", "首批数量") + "**", "**" + value(.firstBatchUnits) + "**"])
        rows.append([t("Last day to place the order", "最晚下单日"), style.date(batch.poDate)])
        rows.append([Output.arrival.label(language), style.date(batch.arrival)])
        rows.append([t("Cash tied up (units × cost)", "占用资金（件数 × 成本）"), value(.inventoryCash)])
        rows.append([Output.depositAmount.label(language), value(.depositAmount)])
        // Sales and lost sales add up to the demand to expect, which leaves out the forecast's tail
        // below zero: shown where that makes a difference the table can see.
        if let expected = plan[.windowDemandMean], style.count(expected) != style.count(mean) {
            rows.append([t("Demand to expect (the forecast's tail below zero is no demand)", "预期需求（预测中低于零的部分计为零）"),
                         style.count(expected)])
        }
        for output in [Output.expectedSales, .expectedLostSales, .expectedLeftover] { rows.append([output.label(language), value(output)]) }
        rows.append([Output.fillRate.label(language), value(.fillRate)])
        rows.append([t("In-stock probability (cycle service level)", "不断货概率（周期服务水平）"), value(.inStockProbability)])
        if batch.reorder != nil {
            rows.append([t("Reorder: safety stock / stock position when the first is placed", "补货：安全库存 / 下首张补货单时的库存（在库 + 在途）"),
                         "\(style.count(plan[.safetyStock] ?? 0)) / \(style.count(plan[.reorderPoint] ?? 0))"])
        }
        if let reorder = batch.reorder, let asOf = plan.actuals?.asOf, reorder.date < asOf {
            rows.append(["**" + t("Reorder (placed)", "补货（已下单）") + "**",
                         "**" + t("\(style.exactCount(Double(reorder.units))) units on \(style.date(reorder.date))",
                                  "\(style.date(reorder.date)) 已下 \(style.exactCount(Double(reorder.units))) 件") + "**"])
            rows.append([Output.reorderArrival.label(language), style.date(reorder.arrival)])
            if let stockout = reorder.stockout { rows.append([t("Stock runs out before it lands", "到货前断货日"), style.date(stockout)]) }
        } else if let reorder = batch.reorder {
            rows.append(["**" + t("Reorder", "补货") + "**",
                         "**" + t("\(style.exactCount(Double(reorder.units))) units by \(style.date(reorder.date))",
                                  "\(style.date(reorder.date)) 前 \(style.exactCount(Double(reorder.units))) 件") + "**"])
            rows.append([Output.reorderArrival.label(language), style.date(reorder.arrival)])
            if let stockout = reorder.stockout { rows.append([Output.stockoutDate.label(language), style.date(stockout)]) }
        }
        parts.append(Markdown.table([t("First batch", "首批"), t("Value", "数值")], [.left, .right], rows))
        if !batch.skus.isEmpty { parts.append(skuTable(batch)) }
        if !batch.reorders.isEmpty {
            let orderRows = batch.reorders.enumerated().map { index, order in
                // Numbered as the timeline's ids: `inventory.reorder`, `inventory.reorder.2`, …
                [index == 0 ? "`inventory.reorder`" : "`inventory.reorder.\(index + 1)`",
                 style.date(order.date) + (plan.actuals.map { order.date < $0.asOf } == true ? t(" (placed)", "（已下）") : ""),
                 style.exactCount(Double(order.units)), style.date(order.arrival), style.count(order.stockAtArrival), style.count(order.safetyStock),
                 order.stockout.map(style.date) ?? "—",
                 style.count(order.serves) + (order.sizing == .demandLeft ? t(" (the demand left)", "（剩余需求）") : "")]
            }
            parts.append(Markdown.table([t("Reorder", "补货单"), t("Place by", "下单日"), t("Units", "件数"), t("In the warehouse", "入仓"),
                                         t("Stock when it lands", "到货时库存"), t("Safety stock then", "届时安全库存"),
                                         t("Stock runs out without it", "不下此单的断货日"), t("Demand it serves", "覆盖需求")],
                                        [.left, .left, .right, .left, .right, .right, .left, .right], orderRows))
        }
        parts.append(t("""
            Expected sales + lost sales = demand; expected sales + leftover = the units ordered for retail. The fill rate is the share of demand \
            served; the in-stock probability is the chance of not running out at all. They differ, and a plan should not confuse them.
            """,
                       "预期销量 + 缺货损失 = 需求；预期销量 + 剩余 = 零售备货量。满足率是被满足的需求占比；不断货概率是整个覆盖期都不缺货的概率，两者不同，不应混淆。"))
        if !batch.reorders.isEmpty || batch.schedule.skipped != nil { parts.append(reorderRule(batch)) }
        return parts.joined(separator: "\n\n")
    }

    /// The orders per SKU: each SKU's newsvendor on its share, its units and its part of the reorders, and the total.
    func skuTable(_ batch: FirstBatch) -> String {
        let owes = batch.skus.contains { $0.owed > 0 }
        var rows = batch.skus.map { sku in
            [sku.name, style.percent(sku.share) + (sku.shareSD > 0 ? " ± " + style.percent(sku.shareSD) : ""), style.money(sku.unitCost),
             style.percent(sku.criticalRatio), Format.grouped(sku.retailUnits, decimals: 1)]
                + (owes ? [style.exactCount(Double(sku.owed))] : [])
                + [sku.moq > 0 ? style.exactCount(Double(sku.moq)) : "—", "**" + style.exactCount(Double(sku.units)) + "**",
                   style.exactCount(Double(sku.reorderUnits))]
        }
        func sum(_ part: (Decisions.SKUOrder) -> Double) -> Double { batch.skus.reduce(0) { $0 + part($1) } }
        rows.append(["**" + t("Total", "合计") + "**", "100%", "", "", Format.grouped(sum(\.retailUnits), decimals: 1)]
                    + (owes ? [style.exactCount(sum { Double($0.owed) })] : [])
                    + ["", "**" + style.exactCount(sum { Double($0.units) }) + "**", style.exactCount(sum { Double($0.reorderUnits) })])
        let headers = [t("SKU", "SKU"), t("Share of demand (mean ± sd)", "需求占比（均值 ± 标准差）"), t("Unit cost", "单件成本"),
                       t("Critical ratio", "临界比率"), t("Newsvendor on its share", "按占比的报童量")]
            + (owes ? [t("Owed to backers, samples", "支持者与样品")] : [])
            + [t("SKU MOQ", "SKU 起订量"), t("First batch", "首批"), t("Reorders", "补货合计")]
        let table = Markdown.table(headers, [.left] + Array(repeating: .right, count: headers.count - 1), rows)
        let pallets = batch.terms.pallet != nil ? t(" and pallets, where they add units, add", "与托盘增加的件数") : t(", where it adds units, adds", "增加的件数")
        let rule = t("""
            Rule: each SKU is a newsvendor on its share of the window's demand (a share given as a range widens it), at its own unit cost; \
            the units owed to backers and samples split by share; then its MOQ and the case pack. The order's MOQ\(pallets) them by share \
            in whole cartons. Each reorder splits by the mix in whole cartons.
            """, """
            规则：每个 SKU 按其在覆盖期需求中的占比单独做报童决策（占比为区间时其首批相应加大），按其自身成本；应交付支持者与样品的件数按占比分配；\
            再按其起订量与箱规取整。整单起订量\(pallets)按占比以整箱分摊。每张补货单按占比以整箱拆分。
            """)
        var notes = [table, rule]
        // A SKU's part of a reorder below its own minimum: the factory may refuse it.
        let short = batch.skus.filter { sku in
            sku.moq > 0 && batch.reorders.contains { order in Double(order.units) * sku.share < Double(sku.moq) }
        }
        if !short.isEmpty {
            let names = short.map(\.name)
            notes.append(t("""
                ⚠ In some reorder, the part of \(names.joined(separator: ", ")) is below its SKU MOQ: agree a smaller run with the \
                factory, or order that SKU in fewer, larger reorders.
                """, "⚠ 部分补货单中 \(names.joined(separator: "、")) 的数量低于其 SKU 起订量：请与工厂协商小批量，或合并为更少、更大的补货单。"))
        }
        return notes.joined(separator: "\n\n")
    }

    /// The reorder policy in one paragraph: when, how much, the last order.
    func reorderRule(_ batch: FirstBatch) -> String {
        t("""
            **The rule:** each reorder is placed \(style.period(batch.leadTime)) (the lead time) before the day the median case's projected \
            stock, with every earlier order, would fall to the safety stock, so that it lands then (never before launch while the first batch \
            lasts until an order placed at launch lands). The safety stock, \(style.count(plan[.safetyStock] ?? 0)) units at the first \
            window's pace, moves with the demand forecast for the lead time after each order lands. An order covers the demand from its \
            arrival to \(style.period(batch.coverage)) after that day, plus the safety stock then, less the stock on hand when it lands. The \
            last order of the horizon is a newsvendor on the demand left, at the first batch's critical ratio. Orders within a week of each \
            other are merged.
            """,
          """
          **规则**：在中位情形下，预计库存（计入此前各单）降到安全库存（按首批覆盖期的节奏为 \(style.count(plan[.safetyStock] ?? 0)) 件，随每单到货后一个交期的预测需求增减）的那一天之前一个交期\
          （\(style.period(batch.leadTime))）下补货单，使其当天到货（首批能撑到上市当天所下补货单到货时，不在上市前下单）；补货量覆盖到货起至该日后 \
          \(style.period(batch.coverage)) 的需求，加安全库存，减到货时在库。计划期最后一单按剩余需求以首批的临界比率（报童模型）决定。相隔不足一周的补货单合并。
          """)
    }

    /// Why this many, and what it risks, for a reader who never met a newsvendor.
    func firstBatchStory(_ batch: FirstBatch) -> String {
        let product = Markdown.escape(plan.scenario.product.name)
        let window = style.period(batch.coverage)
        let units = plan[.firstBatchUnits] ?? 0
        let mean = plan[.windowForecastMean] ?? 0
        let sd = plan[.windowDemandSD] ?? 0
        let ratio = plan[.criticalRatio] ?? 0
        let simulated = plan.uncertainty
        var sentences: [String] = []
        if let actuals = plan.actuals {
            let pledged = plan[.pledgedUnits] ?? 0
            let owed = pledged > 0 ? t(", \(style.exactCount(pledged)) of them owed to backers", "，其中 \(style.exactCount(pledged)) 件用于众筹回报") : ""
            sentences.append(t("""
                The first batch of **\(self.units(units, exact: true))**, ordered by \(style.longDate(batch.poDate)) as the plan before launch \
                decided\(owed), is bought: the sales data do not change it, and the sizing rows below are that decision.
                """,
                               "首批 **\(self.units(units, exact: true))** 已按上市前的计划于 \(style.longDate(batch.poDate)) 前下单\(owed)：销售数据不影响这一决定，下表的备货计算即当时的决定。"))
            sentences.append(t("""
                At the sales so far and the re-forecast, demand in the first \(window) is \(style.count(mean)) units \
                (\(style.count(actuals.toDate)) of them sold), give or take \(style.count(sd)): only the weeks after \
                \(style.longDate(actuals.asOf.adding(days: -1))) are uncertain. Before any reorder lands, the batch alone would serve \
                \(value(.fillRate)) of it and miss about \(value(.expectedLostSales)) sales (the reorders, Cash over time and the warnings count \
                them in).
                """,
                               """
                               按目前销量与重新预测，首\(window)需求为 \(style.count(mean)) 件（其中已售 \(style.count(actuals.toDate)) 件），上下浮动约 \(style.count(sd)) 件：只有 \
                               \(style.longDate(actuals.asOf.adding(days: -1))) 之后的各周尚不确定。若不计补货，首批可满足其中 \(value(.fillRate))，预计缺货损失约 \
                               \(value(.expectedLostSales)) 件（补货、现金流与警告已计入补货）。
                               """))
            return sentences.joined(separator: t(" ", ""))
        }
        if units == 0 {
            sentences.append(t("Order **nothing**: no unit is worth stocking on these numbers.", "**不下单**：按此数据，备货不划算。"))
        } else {
            sentences.append(t("""
                Order **\(self.units(units, exact: true))** by **\(style.longDate(batch.poDate))**, \(style.period(batch.leadTime)) before launch; \
                they tie up \(value(.inventoryCash)).
                """,
                               """
                               请在 **\(style.longDate(batch.poDate))** 前下单 **\(self.units(units, exact: true))**（上市前 \
                               \(style.period(batch.leadTime))），占用资金 \(value(.inventoryCash))。
                               """))
        }
        switch (batch.demandSource, simulated != nil) {
        case (.curve, false):
            sentences.append(t("""
                In the first \(window) after launch the sales curve expects about \(style.count(mean)) units, give or take \(style.count(sd)) (one \
                standard deviation).
                """,
                               "上市后首\(window)，销售曲线预计约 \(style.count(mean)) 件，上下浮动约 \(style.count(sd)) 件（一个标准差）。"))
        case (.forecast, false):
            sentences.append(t("Your forecast for the first \(window) is \(style.count(mean)) units, give or take \(style.count(sd)).",
                               "您对首\(window)的预测为 \(style.count(mean)) 件，上下浮动约 \(style.count(sd)) 件。"))
        case (_, true):
            sentences.append(t("""
                Over \(style.count(Double(simulated!.trials))) simulated launches, demand in the first \(window) averages \(style.count(mean)) \
                units, give or take \(style.count(sd)): the spread of the uncertain inputs and the forecast error around \
                \(batch.demandSource == .curve ? "the curve" : "your forecast") together.
                """,
                               """
                               在 \(style.count(Double(simulated!.trials))) 次模拟上市中，首\(window)需求平均 \(style.count(mean)) 件，上下浮动约 \(style.count(sd)) \
                               件：包括不确定输入的波动与围绕\(batch.demandSource == .curve ? "曲线" : "您的预测")的预测误差。
                               """))
        }
        if batch.ratioSource == .serviceLevel {
            sentences.append(t("You asked for a \(style.percent(ratio)) chance of not running out, so the order stocks for that.",
                               "您要求 \(style.percent(ratio)) 的不断货概率，备货据此确定。"))
        } else if batch.underage <= 0 {
            sentences.append(t("Every \(product) sells for less than it costs, so stocking for retail only adds to the loss.",
                               "每件 \(product) 的售价低于成本，为零售备货只会增加亏损。"))
        } else {
            let above = ratio > 0.5
            sentences.append(t("""
                A missed sale costs \(style.money(batch.underage)) of \(plan.channelTerms.isEmpty ? "margin" : "contribution") and an unsold unit \
                costs \(style.money(batch.overage)) (cost less what it fetches at clearance), so it pays to stock \(above ? "above" : "below") the \
                average: enough to cover demand \(style.percent(ratio)) of the time.
                """,
                               """
                               少卖一件损失\(plan.channelTerms.isEmpty ? "毛利" : "边际贡献") \(style.money(batch.underage))，多备一件损失 \
                               \(style.money(batch.overage))（成本减清仓残值），因此备货应\(above ? "高于" : "低于")平均需求：覆盖 \(style.percent(ratio)) 的需求情形。
                               """))
        }
        let pledged = plan[.pledgedUnits] ?? 0
        let samples = plan[.sampleUnits] ?? 0
        let newsvendor = batch.beforeTerms
        // Every unit in the batch: retail, backers' and samples', then what the terms add.
        var held = [t("\(style.exactCount(Double(batch.retailUnits))) for retail", "零售 \(style.exactCount(Double(batch.retailUnits))) 件")]
        if pledged > 0 { held.append(t("\(style.exactCount(pledged)) owed to backers", "应交付支持者 \(style.exactCount(pledged)) 件")) }
        if samples > 0 {
            held.append(t("\(style.exactCount(samples)) KOL samples and testers' units", "KOL 样品与内测产品 \(style.exactCount(samples)) 件"))
        }
        var terms = ""
        if Double(newsvendor) != units {
            let binding = batch.terms.binding(for: newsvendor)
            let reasons = binding.map { term in
                t(term.changedEn, term.changedZh).replacing("{}", with: style.exactCount(Double(term.value)))
            }
            // "the minimum order of 500 makes it", "cartons of 6 make it".
            let make = binding.count == 1 && binding[0].key == "moq" ? "makes" : "make"
            terms = t("; \(reasons.naturalList) \(make) it \(style.exactCount(units))",
                      "；因" + (reasons.count <= 2 ? reasons.joined(separator: "与") : reasons.dropLast().joined(separator: "、") + "与" + (reasons.last ?? ""))
                        + "调整为 \(style.exactCount(units)) 件")
        }
        if held.count > 1 {
            sentences.append(t("The batch holds \(held.naturalList): \(style.exactCount(Double(newsvendor))) units\(terms).",
                               "首批包括\(held.joined(separator: "、"))，共 \(style.exactCount(Double(newsvendor))) 件\(terms)。"))
        } else if !terms.isEmpty {
            sentences.append(t("That is \(style.exactCount(Double(newsvendor))) units\(terms).", "即 \(style.exactCount(Double(newsvendor))) 件\(terms)。"))
        }
        if batch.coverageRaised {
            sentences.append(t("""
                The window is the lead time, \(window), not the shorter `inventory.coverage`: the batch must last until an order placed at launch \
                can land.
                """,
                               "覆盖期取交期 \(window)，而非更短的 `inventory.coverage`：首批须撑到上市当天所下补货单到货。"))
        }
        if mean > 0, units == 0 {
            sentences.append(t("Every sale in the window, about \(style.count(mean)) units, goes unserved.",
                               "覆盖期内约 \(style.count(mean)) 件需求全部无法满足。"))
        } else if mean > 0 {
            let leftover = plan[.expectedLeftover] ?? 0
            let leftoverCost = leftover * plan.scenario.product.unitCost.value
            let average = simulated != nil ? t("Averaged over the simulated launches", "按所有模拟上市平均") : t("On average", "平均而言")
            sentences.append(t("""
                \(average), about \(style.count(leftover)) units are left when the window ends (\(style.money(leftoverCost)) at cost) and about \
                \(style.count(plan[.expectedLostSales] ?? 0)) sales are missed; the order serves \(value(.fillRate)) of demand and does not run out \
                \(value(.inStockProbability)) of the time.
                """,
                               """
                               \(average)，覆盖期结束时约剩 \(style.count(leftover)) 件（按成本计 \(style.money(leftoverCost))），约少卖 \
                               \(style.count(plan[.expectedLostSales] ?? 0)) 件；满足 \(value(.fillRate)) 的需求，\(value(.inStockProbability)) 的情况下不会断货。
                               """))
        }
        return sentences.joined(separator: t(" ", ""))
    }
}

extension NumberStyle {
    /// A fixed number of decimals, no grouping: `0.8416`, for exact model quantities.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        signed(Format.grouped(value, decimals: decimals, separator: ""))
    }
}
