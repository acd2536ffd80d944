/// Wording shared by the Markdown and JSON renderers, in the report's language.
struct ReportText {
    let language: Scenario.Language
    let style: NumberStyle

    init(_ plan: Plan) {
        language = plan.scenario.settings.language
        style = NumberStyle(language: language, currency: plan.scenario.settings.currency)
    }

    /// Picks the English or the Chinese text.
    func t(_ en: String, _ zh: String) -> String {
        language == .zh ? zh : en
    }

    /// A warning in words.
    func message(_ warning: PlanWarning) -> String {
        switch warning {
        case .noUnitMargin(let price, let unitCost):
            return t("The price (\(style.money(price))) does not cover the unit cost (\(style.money(unitCost))): every unit sold loses \(style.money(unitCost - price)). The first batch stocks nothing for retail on these numbers; raise the price or cut the cost.",
                     "售价（\(style.money(price))）不足以覆盖单件成本（\(style.money(unitCost))）：每卖出一件亏损 \(style.money(unitCost - price))。按此数据首批不为零售备货；请提价或降本。")
        case .aboveCostCeiling(let unitCost, let ceiling):
            return t("The unit cost (\(style.money(unitCost))) is above the \(style.money(ceiling)) that keeps `product.target_margin`: cut \(style.money(unitCost - ceiling)) a unit or accept a lower margin.",
                     "单件成本（\(style.money(unitCost))）高于保持 `product.target_margin` 的上限 \(style.money(ceiling))：需每件降本 \(style.money(unitCost - ceiling))，或接受更低毛利。")
        case .zeroDemand:
            return t("The first batch's window has no demand, so nothing is ordered for retail. Check the market size or `inventory.forecast`.",
                     "首批覆盖期内没有需求，因此不为零售下单。请检查市场规模或 `inventory.forecast`。")
        case .coveragePastHorizon(let days):
            return t("`inventory.coverage` (\(style.days(days))) runs past `market.horizon`; demand after the horizon is not counted, so the first batch may be short. Lengthen the horizon or shorten the coverage.",
                     "`inventory.coverage`（\(style.days(days))）超出 `market.horizon`；超出部分的需求未计入，首批可能不足。请延长时间范围或缩短覆盖期。")
        case .shareWrittenAsOne(let path):
            return t("`\(path): 1` means 100%. Write 1% if you meant one percent, or 100% to say it plainly.",
                     "`\(path): 1` 表示 100%。若想表示百分之一请写 1%，若确为 100% 请写 100%。")
        case .sizesDisagree(let topDown, let bottomUp):
            let ratio = bottomUp > 0 && topDown > 0 ? max(topDown, bottomUp) / min(topDown, bottomUp) : 0
            let times = ratio > 0 ? style.number(ratio) + "×" : t("far", "远")
            if topDown >= bottomUp {
                return t("Top-down SOM (\(style.count(topDown)) units) is \(times) the channels' bottom-up total (\(style.count(bottomUp)) units): the share you expect to win is not backed by the reach and conversion of your channels. Check `market.obtainable` and the channels.",
                         "自上而下的 SOM（\(style.count(topDown)) 件）是渠道自下而上合计（\(style.count(bottomUp)) 件）的 \(times)：预期份额缺少渠道触达与转化的支撑。请检查 `market.obtainable` 与各渠道。")
            }
            return t("The channels' bottom-up total (\(style.count(bottomUp)) units) is \(times) the top-down SOM (\(style.count(topDown)) units): the channels promise more than the market share you expect. Check `market.obtainable` and the channels' reach.",
                     "渠道自下而上合计（\(style.count(bottomUp)) 件）是自上而下 SOM（\(style.count(topDown)) 件）的 \(times)：渠道预期高于市场份额。请检查 `market.obtainable` 与渠道触达。")
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
