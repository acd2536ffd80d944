/// Wording shared by the Markdown and JSON renderers, in the report's language.
struct ReportText {
    let language: Scenario.Language
    let style: NumberStyle
    /// Whether the scenario fixes the number of trials (`scenario.trials` or `--trials`).
    let trialsGiven: Bool
    /// Whether the KOL posts' buyers back the campaign, and whether buyers buy again.
    let kolBuyersBack: Bool
    let repeatBuyers: Bool

    init(_ plan: Plan) {
        language = plan.scenario.settings.language
        style = NumberStyle(language: language, currency: plan.scenario.settings.currency)
        trialsGiven = plan.scenario.settings.trials != nil
        kolBuyersBack = plan.kolBuyersBack
        repeatBuyers = plan.scenario.product.repurchase != nil
    }

    /// Picks the English or the Chinese text.
    func t(_ en: String, _ zh: String) -> String {
        language == .zh ? Self.typeset(zh) : en
    }

    /// Chinese typesetting: no space between Chinese text and a number, a date or an amount set
    /// into it (`于 2027年3月15日 上市` → `于2027年3月15日上市`, `2.05万 次` → `2.05万次`), nor
    /// between two Chinese characters. Spaces beside Latin words and code (`KOL 计划`,
    /// `` `gtm plan` ``) stay, and code is left as written (`` `ads[618 千川].budget` ``).
    static func typeset(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var code = false
        for (index, character) in characters.enumerated() {
            if character == "`" { code.toggle() }
            if character == " ", !code, index > 0, index + 1 < characters.count {
                let before = characters[index - 1], after = characters[index + 1]
                // A minus sign starts a number only when one follows it (`成本 − 残值` keeps its spaces).
                let number = startsNumber(after) && (after != "−" || (index + 2 < characters.count && startsNumber(characters[index + 2])))
                // Digits ending a Latin token are not a number set into the text (`P10 与 P90`).
                var token = index - 1
                while token > 0, characters[token - 1].isNumber || characters[token - 1] == "." { token -= 1 }
                let latin = token > 0 && characters[token - 1].isASCII && characters[token - 1].isLetter
                if (isChinese(before) && number) || (endsNumber(before) && !latin && isChinese(after)) { continue }
                // Nor between two Chinese characters (a Chinese name set into the text: `在 摩点 上`).
                if isChinese(before) && isChinese(after) { continue }
            }
            out.append(character)
        }
        return out
    }

    static func isChinese(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || "，。；：（）、“”".unicodeScalars.contains(scalar)
    }

    /// A number, a date or an amount as the Chinese report writes it begins with one of these.
    static func startsNumber(_ character: Character) -> Bool {
        character.isNumber || "¥$€£−".contains(character)
    }

    /// …and ends with a digit, a percent sign, or a unit written in Chinese (万, 件, 日…).
    static func endsNumber(_ character: Character) -> Bool {
        character.isNumber || "%万亿件天周日月年元次人条位组".contains(character)
    }

    /// A warning in words.
    func message(_ warning: PlanWarning) -> String {
        switch warning {
        case .monteCarloError(let path, let percentile, let error, let limit, let suggested):
            let what = percentile == 50 && Output.at(path: path)?.isDecision == true
                ? t("The Monte Carlo error of the decision `\(path)`", "决策 `\(path)` 的蒙特卡洛误差")
                : t("The Monte Carlo error of P\(percentile) of `\(path)`", "`\(path)` 的 P\(percentile) 蒙特卡洛误差")
            let instead = trialsGiven ? t(", or leave `scenario.trials` out so that gtm chooses them", "，或不填 `scenario.trials`，由 gtm 自动选择")
                : t(" (gtm chooses enough trials for the decisions, not for every percentile)", "（gtm 自动选择的次数保证决策精度，而非每个分位数）")
            return t("""
                \(what) is about \(style.percent(error)), above \(style.percent(limit)): too few trials for that figure. Run with `--trials \
                \(suggested)` or more\(instead).
                """,
                     "\(what)约为 \(style.percent(error))，超过 \(style.percent(limit))：模拟次数不足。请使用 `--trials \(suggested)` 或更多\(instead)。")
        case .trialsReduced(let requested, let used, let inputs):
            return t("""
                \(style.count(Double(inputs))) uncertain inputs at \(style.count(Double(requested))) trials would exceed gtm's work limit \
                (\(style.count(Double(Limits.simulationWork))) input-trials), so the plan ran \(style.count(Double(used))) trials. Give fewer \
                inputs as ranges (a single value where the spread matters little), or accept the wider Monte Carlo error.
                """,
                     """
                     \(style.count(Double(inputs))) 个不确定输入、\(style.count(Double(requested))) 次模拟会超出 gtm \
                     的计算上限（\(style.count(Double(Limits.simulationWork))) 次输入抽样），因此只运行了 \(style.count(Double(used))) 次。请减少以区间给出的输入（影响小的改为单一数值），或接受更大的\
                     蒙特卡洛误差。
                     """)
        case .unitsBeforeSupply(let milestone, let supply, let fromPilot, let others):
            let more = others > 0 ? t(" (and \(others) more like it)", "（另有 \(others) 项相同）") : ""
            let source = fromPilot ? t("the pilot units are ready on \(style.date(supply))", "试产品 \(style.date(supply)) 才就绪")
                : t("no unit exists before the first batch is in the warehouse on \(style.date(supply))", "首批 \(style.date(supply)) 入仓前没有任何产品")
            let fix: String
            if milestone.kind == .rewardsShip {
                fix = t("""
                    leave `crowdfunding.fulfillment_lead` out, so rewards ship when the batch arrives (\(style.date(supply))), or place the \
                    purchase order earlier
                    """,
                        "去掉 `crowdfunding.fulfillment_lead`，使回报在首批入仓（\(style.date(supply))）时发货，或提前下采购单")
            } else if fromPilot {
                fix = t("set `pilot.ready` to \(style.date(milestone.start)) or earlier", "将 `pilot.ready` 提前到 \(style.date(milestone.start)) 或更早")
            } else {
                fix = t("add a `pilot` run ready by \(style.date(milestone.start))", "增加 `pilot` 试产，并在 \(style.date(milestone.start)) 前就绪")
            }
            return t("“\(milestoneName(milestone))” on \(style.date(milestone.start))\(more) needs units, but \(source). Fix: \(fix).",
                     "\(milestoneName(milestone))（\(style.date(milestone.start))）\(more)需要产品，但\(source)。解决：\(fix)。")
        case .noUnitSupply(let milestone, let others):
            let more = others > 0 ? t(" (and \(others) more like it)", "（另有 \(others) 项相同）") : ""
            // Rewards come from a batch only; samples and tester units from a pilot run or the batch.
            let (source, fix) = milestone.kind == .rewardsShip
                ? (t("no `inventory` section", "没有 `inventory` 部分"),
                   t("add an `inventory` section whose first batch is in the warehouse by \(style.date(milestone.start))",
                     "增加 `inventory` 部分，使首批在 \(style.date(milestone.start)) 前入仓"))
                : (t("no `pilot` run and no `inventory` section", "既无 `pilot` 试产，也无 `inventory` 部分"),
                   t("add a `pilot` run ready by \(style.date(milestone.start)), or an `inventory` section whose first batch is in the warehouse by then",
                     "增加 `pilot` 试产并在 \(style.date(milestone.start)) 前就绪，或增加 `inventory` 部分使首批在此之前入仓"))
            return t("""
                “\(milestoneName(milestone))” on \(style.date(milestone.start))\(more) needs units, but the plan makes none \
                (\(source)): gtm counts them as bought at unit cost when they ship, which no order in the plan provides. Fix: \(fix).
                """,
                     """
                     \(milestoneName(milestone))（\(style.date(milestone.start))）\(more)需要产品，但计划中没有产品来源（\(source)）：gtm \
                     按单件成本在寄出时采购计入，但计划中没有对应的订单。解决：\(fix)。
                     """)
        case .purchaseOrderBeforeCampaignEnds(let order, let end, let startBy):
            return t("""
                The first purchase order is due on \(style.date(order)), before the campaign closes on \(style.date(end)): the units owed to \
                backers are a forecast, not a count, when the order is placed. Start the campaign by \(style.date(startBy)), or order the backers' \
                units separately after it closes.
                """,
                     "首批采购单须在 \(style.date(order)) 下达，早于众筹结束（\(style.date(end))）：下单时应交付支持者的件数只是预测。请在 \(style.date(startBy)) 前开始众筹，或在众筹结束后为支持者单独下单。")
        case .kolAfterLaunch(let milestone, let launch):
            return t("""
                \(milestoneName(milestone)) on \(style.date(milestone.start)), after the retail launch on \(style.date(launch)). Shorten \
                `kol.publish_window` or align the posts to the launch.
                """,
                     "\(milestoneName(milestone))（\(style.date(milestone.start))）晚于 \(style.date(launch)) 的正式上市。请缩短 `kol.publish_window` 或将发布对准上市。")
        case .stockoutBeforeReorder(let reorder, _, let afterLaunch):
            let out = reorder.stockout.map(style.date) ?? "—"
            if let placed = afterLaunch, !placed.placed {
                let short = style.count(placed.short)
                return t("""
                    At the sales so far and the re-forecast, stock runs out on \(out), before even the next order, placed on \
                    \(style.date(reorder.date)), lands on \(style.date(reorder.arrival)): about \(short) units of demand go unserved. Ask the \
                    factory to send part of it ahead by air, or hold stock back until it lands (limit units per order, no promotions).
                    """,
                         """
                         按目前销量与重新预测，库存将在 \(out) 断货，早于 \(style.date(reorder.date)) 下的下一张补货单入仓（\(style.date(reorder.arrival))）：约 \(short) \
                         件需求无法满足。请工厂将其中一部分提前空运，或在到货前控制出货（限购、暂停促销）。
                         """)
            }
            if let placed = afterLaunch {
                let days = reorder.stockout.map { $0.days(to: reorder.arrival) } ?? 0
                let short = style.count(placed.short)
                let shipped = !placed.left
                    ? t("It leaves the factory on \(style.date(placed.ships)): ask the factory to send part of it ahead by air",
                        "该批货 \(style.date(placed.ships)) 出厂：请工厂将其中一部分提前空运")
                    : t("It left the factory on \(style.date(placed.ships)): ask the forwarder for the fastest last leg",
                        "该批货已于 \(style.date(placed.ships)) 出厂：请货代安排最快的末程运输")
                return t("""
                    At the sales so far and the re-forecast, stock runs out on \(out), \(days) days before the reorder placed on \
                    \(style.date(reorder.date)) lands on \(style.date(reorder.arrival)): about \(short) units of demand go unserved. \(shipped), or \
                    hold stock back until it lands (limit units per order, no promotions).
                    """,
                         """
                         按目前销量与重新预测，库存将在 \(out) 断货，比 \(style.date(reorder.date)) 已下的补货单入仓（\(style.date(reorder.arrival))）早 \(days) 天：约 \(short) \
                         件需求无法满足。\(shipped)，或在到货前控制出货（限购、暂停促销）。
                         """)
            }
            return t("""
                Stock runs out on \(out), but the reorder placed on \(style.date(reorder.date)) arrives on \(style.date(reorder.arrival)). Raise \
                the first batch or shorten `inventory.lead_time`.
                """,
                     "库存将在 \(out) 售罄，但 \(style.date(reorder.date)) 下的补货单 \(style.date(reorder.arrival)) 才到货。请增加首批数量或缩短 `inventory.lead_time`。")
        case .reorderBeforeLaunch(let order, let launch, let atLaunch):
            let out = order.stockout.map(style.date) ?? "—"
            return t("""
                The first batch runs out on \(out), before an order placed at launch (\(style.date(launch))) could land \
                (\(style.date(atLaunch))): the reorder of \(style.exactCount(Double(order.units))) units must be placed on \
                \(style.date(order.date)), before any sale is seen. Raise the first batch (a longer `inventory.coverage` or a higher \
                `inventory.service_level`) or shorten `inventory.lead_time`.
                """,
                     """
                     首批将于 \(out) 售罄，早于上市当天（\(style.date(launch))）下的补货单到货（\(style.date(atLaunch))）：\
                     \(style.exactCount(Double(order.units))) 件补货须在 \(style.date(order.date)) 下单，早于任何销售。请增加首批（延长 `inventory.coverage` \
                     或提高 `inventory.service_level`），或缩短 `inventory.lead_time`。
                     """)
        case .cacAboveContribution(let section, let lines, let contribution):
            let named = lines.map { line in
                let each = line.costPerBuyer.isFinite ? style.money(line.costPerBuyer) : t("no buyer", "无买家")
                return Markdown.escape(line.name) + t(" (\(each))", "（\(each)）")
            }
            let kol = section == .kol
            let what = kol ? t(lines.count == 1 ? "The KOL line" : "The KOL lines", "KOL 投放") : t(lines.count == 1 ? "The ad flight" : "The ad flights", "广告投放")
            let one = lines.count == 1
            let unseen = repeatBuyers ? "reviews, search" : "reviews, search, repeat buyers"
            let worthZh = kol && kolBuyersBack ? "每位支持者的众筹贡献" : repeatBuyers ? "首购买家在计划期内含复购的边际贡献" : "单件边际贡献"
            let unseenZh = repeatBuyers ? "口碑与搜索" : "口碑、搜索与复购"
            let fix = kol ? t(one ? "cut its fee, pick another creator" : "cut their fees, pick other creators", "降低费用、换达人")
                : t(one ? "cut its budget" : "cut their budgets", "降低预算")
            return t("""
                \(what) \(named.naturalList) \(one ? "costs" : "cost") more per buyer than \(kol && kolBuyersBack ? "a backer contributes"
                    : repeatBuyers ? "a first buyer brings over the horizon, repeats included" : "a sale contributes") \
                (\(style.money(contribution))): each buyer \(one ? "it brings" : "they bring") loses money, unless you count on what \
                the sales table leaves out (\(unseen)). To break even, \(fix), or raise the contribution (price, channel terms).
                """,
                     """
                     \(what)\(named.map { "“\($0)”" }.joined(separator: "、"))的每位买家成本高于\(worthZh)（\(style.money(contribution))）：每带来一位买家都在亏钱\
                     （除非计入销量表未计的\(unseenZh)）。要保本，请\(fix)，或提高边际贡献（价格、渠道条款）。
                     """)
        case .actualsExceedStock(let week, let sold, let stock):
            return t("""
                By the end of the week of \(style.date(week)) the sales file counts \(style.exactCount(sold)) units sold, but only \
                \(style.exactCount(stock)) retail units had reached the warehouse (first batch and orders landed). Check the file (returns, \
                pre-orders or another channel's sales counted in), or `inventory` (batch, lead time, reorders) if stock came from elsewhere.
                """,
                     """
                     截至 \(style.date(week)) 当周结束，销售文件记录已售 \(style.exactCount(sold)) 件，但入仓的零售库存只有 \(style.exactCount(stock)) 件（首批与已到货补货）。\
                     请检查文件（是否计入退货、预售或其他渠道销量），或在库存另有来源时检查 `inventory`（首批、交期、补货）。
                     """)
        case .reorderSkipped(let skipped):
            return t("""
                The last reorder would be \(style.exactCount(Double(skipped.units))) units at the MOQ on \(style.date(skipped.date)), but the demand \
                left sells only about \(style.count(skipped.sales)) of them: it would lose \(style.money(-skipped.value)). The plan skips it; \
                that forgoes about \(style.count(skipped.sales)) sales (\(style.money(skipped.contribution)) of contribution). Ask the factory \
                for a smaller run (`inventory.moq`) to serve them.
                """,
                     """
                     最后一张补货单按起订量为 \(style.exactCount(Double(skipped.units))) 件（\(style.date(skipped.date))），但剩余需求只能卖出约 \
                     \(style.count(skipped.sales)) 件：将亏损 \(style.money(-skipped.value))。计划不下此单，放弃约 \(style.count(skipped.sales)) 件销售\
                     （边际贡献 \(style.money(skipped.contribution))）。可与工厂商议更小的起订量（`inventory.moq`）。
                     """)
        case .campaignNotRecommended:
            return t("""
                `crowdfunding.run: yes` keeps the campaign in the plan, but its numbers do not recommend it (see Crowdfunding): its dates \
                hold the timeline, and its money and the rewards owed count only in the simulated launches whose campaign funds.
                """,
                     "`crowdfunding.run: yes` 将众筹计入计划，但数据不建议众筹（见“众筹”）：时间线按众筹日期排定，众筹款与应交付的回报只计入众筹成功的模拟情形。")
        case .kolOverBudget(let cost, let budget):
            return t("""
                The KOL plan costs \(style.money(cost)), \(style.money(cost - budget)) over the \(style.money(budget)) budget. Cut slots or raise \
                `kol.budget`.
                """,
                     "KOL 计划花费 \(style.money(cost))，超出 \(style.money(budget)) 预算 \(style.money(cost - budget))。请减少名额或提高 `kol.budget`。")
        case .lateMilestone(let milestone, let days, let later):
            let more = later > 0 ? t(" (and \(later) later step\(later == 1 ? " is" : "s are") past too)", "（其后另有 \(later) 个步骤也已过期）") : ""
            return t("""
                \(milestoneName(milestone)) should have happened by \(style.date(milestone.start)), \(style.days(days)) before the planning \
                date\(more).
                """,
                     "\(milestoneName(milestone))应在 \(style.date(milestone.start)) 前完成，比计划日期早 \(style.days(days))\(more)。")
        case .priceOutsideElasticityRange(let key, let price, let reference):
            let low = DemandModel.elasticityRange.lowerBound, high = DemandModel.elasticityRange.upperBound
            let edge = price < reference * low ? reference * low : reference * high
            return t("""
                `\(key)` (\(style.money(price))) is outside \(style.number(low))–\(style.number(high))× the reference price \
                (\(style.money(reference))), the range constant elasticity is applied to: demand answers it as if the price were \
                \(style.money(edge)). Set `demand.reference_price` to the price your market numbers assume, or check the price.
                """,
                     """
                     `\(key)`（\(style.money(price))）超出参考价（\(style.money(reference))）的 \(style.number(low))–\(style.number(high)) 倍，即常弹性模型适用的范围：需求按 \
                     \(style.money(edge)) 的价格响应。请把 `demand.reference_price` 设为市场数据所对应的价格，或检查价格。
                     """)
        case .noUnitMargin(let price, let unitCost, let stocked):
            let batch = stocked ? t(" The first batch stocks nothing for retail on these numbers;", "按此数据首批不为零售备货；")
                : t("", "")
            return t("""
                The price (\(style.money(price))) does not cover the unit cost (\(style.money(unitCost))): every unit sold loses \
                \(style.money(unitCost - price)).\(batch) \(stocked ? "raise" : "Raise") the price or cut the cost.
                """,
                     "售价（\(style.money(price))）不足以覆盖单件成本（\(style.money(unitCost))）：每卖出一件亏损 \(style.money(unitCost - price))。\(batch)请提价或降本。")
        case .aboveCostCeiling(let unitCost, let ceiling):
            return t("""
                The unit cost (\(style.money(unitCost))) is above the \(style.money(ceiling)) that keeps `product.target_margin`: cut \
                \(style.money(unitCost - ceiling)) a unit or accept a lower margin.
                """,
                     "单件成本（\(style.money(unitCost))）高于保持 `product.target_margin` 的上限 \(style.money(ceiling))：需每件降本 \(style.money(unitCost - ceiling))，或接受更低毛利。")
        case .zeroDemand:
            return t("The first batch's window has no demand, so nothing is ordered for retail. Check the market size or `inventory.forecast`.",
                     "首批覆盖期内没有需求，因此不为零售下单。请检查市场规模或 `inventory.forecast`。")
        case .coveragePastHorizon(let days):
            return t("""
                `inventory.coverage` (\(style.days(days))) runs past `market.horizon`; demand after the horizon is not counted, so the first batch \
                may be short. Lengthen the horizon or shorten the coverage.
                """,
                     "`inventory.coverage`（\(style.days(days))）超出 `market.horizon`；超出部分的需求未计入，首批可能不足。请延长计划期或缩短覆盖期。")
        case .rewardsAfterLaunch(let fulfillment, let launch):
            return t("""
                Crowdfunding rewards ship on \(style.date(fulfillment)), after the retail launch on \(style.date(launch)): backers would wait \
                longer than shoppers. Start the campaign earlier or shorten `crowdfunding.fulfillment_lead`.
                """,
                     "众筹回报于 \(style.date(fulfillment)) 发货，晚于 \(style.date(launch)) 的零售上市：支持者比普通买家等得更久。请提前众筹或缩短 `crowdfunding.fulfillment_lead`。")
        case .tiersSoldOut(let backers):
            return t("""
                Every reward tier sells out: about \(style.count(backers)) more backers would pledge if a tier had room. Raise a limit or add an \
                unlimited tier.
                """,
                     "所有回报档位售罄：若有余量还有约 \(style.count(backers)) 名支持者会认筹。请提高限额或增加不限量档位。")
        case .shareWrittenAsOne(let path):
            return t("`\(path): 1` means 100%. Write 1% if you meant one percent, or 100% to say it plainly.",
                     "`\(path): 1` 表示 100%。若想表示百分之一请写 1%，若确为 100% 请写 100%。")
        case .demandAboveServiceable(let demand, let serviceable):
            return t("""
                Demand within the horizon (\(style.count(demand)) units, with what KOLs, ads, events and price add to the market's curve) is more \
                than the serviceable market holds over it (SAM, \(style.count(serviceable)) units): the levers' buyers are not all new to the \
                market. Check the KOL and ad conversion rates, the events' lifts and the elasticity.
                """,
                     """
                     计划期内需求（\(style.count(demand)) 件，含 KOL、广告、大促与价格在市场曲线之上的增量）超过计划期内可服务市场（SAM，\(style.count(serviceable)) 件）：各项动作带来的买家并非都是市场新增。请检查 \
                     KOL 与广告转化率、大促倍数与价格弹性。
                     """)
        case .sizesDisagree(let topDown, let bottomUp):
            let ratio = bottomUp > 0 && topDown > 0 ? max(topDown, bottomUp) / min(topDown, bottomUp) : 0
            let times = ratio > 0 ? style.number(ratio) + "×" : t("far", "远")
            if topDown >= bottomUp {
                return t("""
                    Top-down SOM (\(style.count(topDown)) units) is \(times) the channels' bottom-up total (\(style.count(bottomUp)) units): the \
                    share you expect to win is not backed by the reach and conversion of your channels. Check `market.obtainable` and the channels.
                    """,
                         "自上而下的 SOM（\(style.count(topDown)) 件）是渠道自下而上合计（\(style.count(bottomUp)) 件）的 \(times)：预期份额缺少渠道触达与转化的支撑。请检查 `market.obtainable` 与各渠道。")
            }
            return t("""
                The channels' bottom-up total (\(style.count(bottomUp)) units) is \(times) the top-down SOM (\(style.count(topDown)) units): the \
                channels promise more than the market share you expect. Check `market.obtainable` and the channels' reach.
                """,
                     "渠道自下而上合计（\(style.count(bottomUp)) 件）是自上而下 SOM（\(style.count(topDown)) 件）的 \(times)：渠道预期高于市场份额。请检查 `market.obtainable` 与渠道触达。")
        }
    }

    /// How the warnings list names a warning: its stable code in English (as the JSON has it), a
    /// Chinese title in Chinese (no English identifier in Chinese prose; the code stays in the JSON).
    func warningTitle(_ warning: PlanWarning) -> String {
        guard language == .zh else { return warning.code }
        return Self.chineseWarningTitles[warning.code] ?? warning.code
    }

    static let chineseWarningTitles: [String: String] = [
        "market_sizes_disagree": "市场规模上下不一致", "share_written_as_one": "份额写成了 1", "no_unit_margin": "单件无毛利",
        "price_outside_elasticity_range": "价格超出弹性适用范围", "unit_cost_above_ceiling": "单件成本高于上限", "zero_demand": "需求为零",
        "coverage_past_horizon": "覆盖期超出计划期", "demand_above_sam": "需求超过可服务市场", "rewards_after_launch": "众筹回报晚于上市",
        "tiers_sold_out": "众筹档位售罄", "kol_over_budget": "KOL 超出预算", "cac_above_contribution": "获客成本高于单件边际贡献",
        "actuals_exceed_stock": "实际销量超过库存", "late_milestone": "里程碑已过期", "monte_carlo_error": "蒙特卡洛误差偏大",
        "trials_reduced": "模拟次数已减少", "units_before_supply": "产品到位前就需要产品", "po_before_campaign_end": "众筹结束前下采购单",
        "kol_after_launch": "KOL 发布晚于上市", "stockout_before_reorder": "补货到仓前断货", "reorder_before_launch": "上市前须下补货单",
        "reorder_skipped": "补货已略过", "campaign_not_recommended": "不建议众筹",
    ]

    /// A milestone's name, reorders numbered in order (`inventory.reorder` is reorder 1,
    /// `inventory.reorder.2` reorder 2): six rows of "Reorder" cannot be told apart.
    func milestoneName(_ milestone: Milestone) -> String {
        guard case .reorder = milestone.kind else { return milestoneName(milestone.kind) }
        let number = milestone.id == TimelineModel.reorderID(0) ? 1 : Int(milestone.id.split(separator: ".").last ?? "") ?? 1
        return t("Reorder \(number): order to warehouse", "第 \(number) 次补货：下单至入仓")
    }

    /// A milestone's name in the report's language.
    func milestoneName(_ kind: Milestone.Kind) -> String {
        switch kind {
        case .pilotReady: return t("Pilot units ready", "试产品就绪")
        case .purchaseOrder: return t("Place the first purchase order", "下首批采购单")
        case .production: return t("Production and freight", "生产与运输")
        case .reorder: return t("Reorder: order to warehouse", "补货：下单至入仓")
        case .launch: return t("Retail launch", "正式上市")
        case .campaign: return t("Crowdfunding campaign", "众筹进行中")
        case .rewardsShip: return t("Crowdfunding rewards ship", "众筹回报发货")
        case .kolInvite(let line): return t("KOL \(line): invitations out", "KOL \(line)：发出邀约")
        case .kolContract(let line): return t("KOL \(line): contracts signed", "KOL \(line)：签约")
        case .kolSample(let line): return t("KOL \(line): samples shipped", "KOL \(line)：寄出样品")
        case .kolDraft(let line): return t("KOL \(line): drafts due", "KOL \(line)：提交初稿")
        case .kolReview(let line): return t("KOL \(line): brand review done", "KOL \(line)：品牌审核完成")
        case .kolPublish(let line): return t("KOL \(line): published", "KOL \(line)：发布")
        case .seedRecruit: return t("Recruit beta testers", "招募内测用户")
        case .seedShip: return t("Ship units to beta testers", "向内测用户寄出产品")
        case .seedTrial: return t("Beta trial", "内测试用")
        case .seedReviewsLive: return t("Reviews live", "评论上线")
        }
    }

    /// What a payment or receipt of the cash flow is for.
    func cashItem(_ item: CashFlow.Item) -> String { t(item.en, item.zh) }

    /// A sales platform's name as the report writes it (天猫 for Tmall in Chinese).
    func platformName(_ platform: String) -> String {
        guard language == .zh else { return Markdown.escape(platform) }
        switch platform {
        case "Tmall": return "天猫"
        case "JD": return "京东"
        case "Douyin": return "抖音"
        case "Xiaohongshu": return "小红书"
        case "Amazon": return "亚马逊"
        case "own store": return "品牌官网"
        default: return Markdown.escape(platform)
        }
    }

    /// An owner's name.
    func ownerName(_ owner: Milestone.Owner) -> String {
        switch owner {
        case .supplyChain: return t("Supply chain", "供应链")
        case .crowdfunding: return t("Crowdfunding", "众筹")
        case .kol: return t("KOL", "KOL")
        case .seedReviews: return t("Seed reviews", "内测评论")
        case .launch: return t("Launch", "上市")
        }
    }

    /// A reason for (or against) crowdfunding, in plain words.
    func reason(_ reason: Campaign.Reason, campaign: Campaign) -> String {
        switch reason {
        case .feesTakeEverything:
            return t("Fees and dropped pledges take every pledge, so no goal can fund the launch.",
                     "费用与扣款失败吞掉了全部认筹，任何目标都无法为上市筹得资金。")
        case .chance(_, _, _, _, let median, _, _) where !(median > 0):
            return t("""
                No one is expected to back it: give the campaign an audience (`email_list` with `list_conversion`, `reservations`, or KOL \
                posts timed to it).
                """, "预计没有支持者：请为众筹提供受众（`email_list` 与 `list_conversion`、`reservations`，或对准众筹的 KOL 内容）。")
        case .chance(let probability, let minChance, let goal, let minimum, let median, let spread, let allIn):
            // Which rule set the goal: the minimum raise (rounded up) or a third of the median pledges (rounded down).
            let byMinimum = goal > CrowdfundingModel.roundDown(median * CrowdfundingModel.firstTwoDaysShare) && minimum > 0
            let why = byMinimum
                ? t("""
                    the goal is the minimum raise, \(style.money(minimum)), rounded up: what the campaign must pledge to net the fixed costs and a \
                    first batch at MOQ
                    """, "目标为最低筹款额 \(style.money(minimum)) 向上取整：众筹须认筹到此数，才能在扣费后覆盖模具与最小起订量首批")
                : t("""
                    the goal is a third of the median pledges (\(style.money(median))), rounded down, so that the campaign funds in its first days
                    """, "目标为认筹额中位数（\(style.money(median))）的三分之一向下取整，使众筹在开头几天即可达标")
            let spreadNote = spread.map { _ in
                t("""
                     Where a conversion is a single value, the chance adds its published spread (email subscribers back at 5–10%, reservation \
                    holders at 35–45%: LaunchBoom); a conversion given as a range spreads through the simulated launches.
                    """, "单一数值的转化率按其公开的波动范围计入概率（私域/社群名单 5–10%、预约用户 35–45% 成为支持者：LaunchBoom）；以区间给出的转化率由模拟上市体现其波动。")
            } ?? ""
            let verdict = allIn
                ? t("which does not gate it: the campaign is all in, so the pledges come whatever is raised (and the rewards are owed)",
                    "但不构成门槛：众筹为 All-in，无论是否达标都收款（回报照常履行）")
                : probability >= minChance
                ? t("above the \(style.percent(minChance)) the rule asks (`crowdfunding.min_chance`)",
                    "高于规则要求的 \(style.percent(minChance))（`crowdfunding.min_chance`）")
                : t("below the \(style.percent(minChance)) the rule asks (`crowdfunding.min_chance`)",
                    "低于规则要求的 \(style.percent(minChance))（`crowdfunding.min_chance`）")
            return t("The pledges reach the goal of \(style.money(goal)) with a \(style.percent(probability)) chance, \(verdict); \(why).",
                     "认筹额达到目标 \(style.money(goal)) 的概率为 \(style.percent(probability))，\(verdict)；\(why)。") + spreadNote
        case .contribution(let net, let unitsCost, let shipping, let goods):
            let adds = net - unitsCost - shipping - goods
            let shipped = (shipping > 0 ? t(" and their shipping \(style.money(shipping))", "，运费 \(style.money(shipping))") : "")
                + (goods > 0 ? t(", the add-ons' goods \(style.money(goods))", "，加购商品成本 \(style.money(goods))") : "")
            return adds > 0
                ? t("""
                    It nets \(style.money(net)) after fees; the units owed cost \(style.money(unitsCost)) at unit cost\(shipped), so the campaign \
                    adds \(style.money(adds)) to the launch.
                    """,
                    "扣费后净得 \(style.money(net))；应交付产品按成本计 \(style.money(unitsCost))\(shipped)，众筹为上市带来 \(style.money(adds))。")
                : t("""
                    It nets \(style.money(net)) after fees, but the units owed cost \(style.money(unitsCost)) at unit cost\(shipped): the campaign \
                    costs the launch \(style.money(-adds)), so the rule does not recommend it.
                    """,
                    "扣费后净得 \(style.money(net))，但应交付产品按成本计 \(style.money(unitsCost))\(shipped)：众筹使上市亏损 \(style.money(-adds))，因此规则不建议。")
        case .firstTwoDays(let first, let goal):
            let share = goal > 0 ? style.percent(first / goal) : "—"
            return t("""
                As an indicator, the first 48 hours should bring about \(style.money(first)), \(share) of the goal (campaigns past 20–30% of their \
                goal in two days mostly fund).
                """,
                     "作为参考指标，前 48 小时预计认筹约 \(style.money(first))，为目标的 \(share)（两天内达到目标 20–30% 的众筹大多成功）。")
        case .growList(let subscribers, let cost):
            let price = cost.map { t(", about \(style.money($0)) at `cost_per_lead`", "，按 `cost_per_lead` 约需 \(style.money($0))") } ?? ""
            return t("""
                To bring the chance up to the rule's, grow the email list by about \(style.count(subscribers.rounded(.up))) subscribers (at \
                its conversion rate\(price)), or collect more paid reservations.
                """,
                     "要把概率提高到规则要求，需再增加约 \(style.count(subscribers.rounded(.up))) 名私域/社群用户（按当前转化率\(price)），或收取更多付费预约。")
        case .shipsAfterLaunch(let fulfillment, let launch):
            return t("Rewards would ship on \(style.date(fulfillment)), after the retail launch on \(style.date(launch)).",
                     "回报将于 \(style.date(fulfillment)) 发货，晚于 \(style.date(launch)) 的零售上市。")
        case .soldOut(let backers):
            return t("The tiers' limits turn about \(style.count(backers)) backers away.", "档位限额将挡掉约 \(style.count(backers)) 名支持者。")
        }
    }

    /// Where an input came from, for the inputs table.
    func origin(_ origin: InputRecord.Origin) -> String {
        switch origin {
        case .file(let name, let line):
            return "\(baseName(name)):\(line)"
        case .override(let source):
            return source
        case .defaulted:
            return t("default", "默认")
        }
    }

    /// The last component of a path: reports do not depend on the directory gtm ran in.
    func baseName(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path))
    }
}
