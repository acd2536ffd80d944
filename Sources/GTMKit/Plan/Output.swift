/// Every number the plan computes, by typed id: the one table the renderers, the key numbers,
/// `--compare`, `gtm diff`, the tornado and the JSON read. A section's computation writes its
/// outputs by id; nothing finds an output by a string.
public enum Output: Int, CaseIterable, Sendable, Comparable {
    // Market
    case tamUnits, tamRevenue, samUnits, samRevenue, somUnits, somRevenue, bottomUpUnits, bottomUpRevenue
    // Demand
    case horizonUnits, firstWeekUnits, peakWeek, baselineUnits, eventUnits, kolUnits, adsUnits, priceEffectUnits
    // Economics
    case unitMargin, grossMargin, contributionMargin, breakEvenUnits, unitCostCeiling, marketingSpend
    // Inventory
    case windowDemandMean, windowForecastMean, windowDemandSD, windowKOLUnits, windowDemandP10, windowDemandP90, criticalRatio, newsvendorUnits,
         firstBatchUnits, pledgedUnits, sampleUnits, expectedSales, expectedLeftover, expectedLostSales, fillRate,
         inStockProbability, inventoryCash, depositAmount, poDate, arrival, safetyStock, reorderPoint,
         reorderDate, reorderUnits, reorderArrival, stockoutDate, reorderTotalUnits
    // Pilot
    case pilotReady, pilotUnits, pilotCost
    // Crowdfunding
    case recommended, inPlan, backers, pledged, collected, platformFees, paymentFees, fees, net, goal,
         crowdfundingUnits, minimumRaise, firstTwoDays, goalProbability, firstTwoDaysCoverProbability,
         campaignStart, campaignEnd, fulfillment
    // KOL
    case kolCost, kolReach, kolEngagements, kolBuyers, kolCPM, kolCPE, kolCostPerBuyer, kolSamples, kolSampleCost
    // Ads
    case adsCost, adsImpressions, adsClicks, adsBuyers
    // Seed reviews
    case testers, testerUnits, testerCost, recruitStart, shipBy
    // Actuals
    case actualWeeks, actualToDate, planToDate, reforecastHorizonUnits, nextReorderDate, nextReorderUnits
    // Cash
    case peakNeed, peakDate, fundingGap, payback, endingCash, unitsSold
    // Launch
    case launchDate

    public static func < (a: Output, b: Output) -> Bool { a.rawValue < b.rawValue }

    /// The part of the plan (and of the JSON) an output belongs to.
    public enum Section: String, Sendable, CaseIterable {
        case market, demand, economics, inventory, pilot, crowdfunding, kol
        case seedReviews = "seed_reviews"
        case ads, actuals, cash, launch
    }

    /// How an output's numbers are written.
    public enum Unit: Sendable {
        /// Units, people, posts: `12,345` or `1.23万`.
        case count
        /// Units needed to reach a threshold (break-even): a count, shown rounded up.
        case unitsNeeded
        /// In the scenario's currency.
        case money
        /// A fraction shown as a percentage.
        case share
        /// A plain number (a ratio, a week number).
        case number
        /// Days since 1970-01-01, shown as a date.
        case date
        /// 1 or 0, shown as yes or no.
        case flag
    }

    /// Which value of an output the report shows when the plan ran a simulation.
    public enum Central: Sendable {
        /// The base case: every uncertain input at its median.
        case base
        /// The average over the simulated launches (the outcomes of a decision taken under
        /// uncertainty: expected sales, leftover…), so that they add up with the demand the
        /// decision was sized on.
        case mean
        /// Taken from the simulated distribution by a decision rule (the first batch, the goal).
        case decision
    }

    /// Everything the renderers need to know of one output.
    public struct Info: Sendable {
        public let section: Section
        /// The JSON key within the section: `first_batch_units`.
        public let key: String
        public let en: String
        public let zh: String
        public let unit: Unit
        public let central: Central
        /// Recorded in every trial, so its P10–P90 is known and shown.
        public let ranged: Bool
        /// One of the numbers `--compare` and `gtm diff` set side by side.
        public let compared: Bool
        /// May be below zero (a margin, a price effect, the cash at the end); every other output
        /// is zero or more, and a share of this kind may exceed 100%.
        public let signed: Bool
        /// May not happen within the horizon (a break-even, a payback): a trial without it counts
        /// as beyond every number, so its range may be open-ended.
        public let mayNeverHappen: Bool
    }

    public var info: Info { Self.table[rawValue] }
    /// `inventory.first_batch_units`: the JSON path, stable across versions.
    public var path: String { "\(info.section.rawValue).\(info.key)" }
    public var section: Section { info.section }
    public var unit: Unit { info.unit }
    public var isDecision: Bool { info.central == .decision }

    /// The label in a report's language.
    public func label(_ language: Scenario.Language) -> String { language == .zh ? info.zh : info.en }

    /// The output at a JSON path, for the contract's string keys only (tests and `gtm explain`).
    public static func at(path: String) -> Output? { allCases.first { $0.path == path } }

    /// The outputs of one section, in table order.
    public static func outputs(of section: Section) -> [Output] { allCases.filter { $0.section == section } }

    private static func row(_ section: Section, _ key: String, _ en: String, _ zh: String, _ unit: Unit,
                            _ central: Central = .base, ranged: Bool = false, compared: Bool = false, signed: Bool = false,
                            never: Bool = false) -> Info {
        Info(section: section, key: key, en: en, zh: zh, unit: unit, central: central, ranged: ranged, compared: compared,
             signed: signed, mayNeverHappen: never)
    }

    /// The outputs the JSON's `uncertainty` holds whenever any input is uncertain, moved by the
    /// draws or not (outputs.md), when their section is in the plan; the first batch is there as
    /// its decision entry.
    static let alwaysSummarized: [Output] = [.somUnits, .horizonUnits, .windowDemandMean, .pledged, .net, .kolBuyers]

    /// The table, in case order (a test checks that each case has its row).
    static let table: [Info] = [
        row(.market, "tam_units", "TAM (units a year)", "TAM（每年件数）", .count),
        row(.market, "tam_revenue", "TAM (revenue a year)", "TAM（每年收入）", .money),
        row(.market, "sam_units", "SAM (units a year)", "SAM（每年件数）", .count),
        row(.market, "sam_revenue", "SAM (revenue a year)", "SAM（每年收入）", .money),
        row(.market, "som_units", "SOM (units)", "SOM（件数）", .count, ranged: true, compared: true),
        row(.market, "som_revenue", "SOM (revenue)", "SOM（收入）", .money),
        row(.market, "bottom_up_units", "Channels, bottom-up (units)", "渠道自下而上（件数）", .count, ranged: true, compared: true),
        row(.market, "bottom_up_revenue", "Channels, bottom-up (revenue)", "渠道自下而上（收入）", .money),

        row(.demand, "horizon_units", "Demand within the horizon", "计划期内需求", .count, ranged: true),
        row(.demand, "first_week_units", "Launch-week sales", "首发周销量", .count, ranged: true, compared: true),
        row(.demand, "peak_week", "Best week", "销量最高周", .number),
        row(.demand, "baseline_units", "The market's curve", "市场曲线", .count, ranged: true),
        row(.demand, "event_units", "Added by sales events", "大促带来的增量", .count, ranged: true, signed: true),
        row(.demand, "kol_units", "Buyers from KOL posts", "KOL 内容带来的买家", .count, ranged: true),
        row(.demand, "ads_units", "Buyers from ads", "广告带来的买家", .count, ranged: true),
        row(.demand, "price_effect_units", "Price response (elasticity)", "价格效应（弹性）", .count, ranged: true, signed: true),

        row(.economics, "unit_margin", "Unit margin", "单件毛利", .money, ranged: true, compared: true, signed: true),
        row(.economics, "gross_margin", "Gross margin", "毛利率", .share, ranged: true, signed: true, never: true),
        row(.economics, "contribution_margin", "Contribution per unit", "单件边际贡献", .money, ranged: true, compared: true, signed: true),
        row(.economics, "break_even_units", "Break-even (units, on contribution)", "盈亏平衡（件，按边际贡献）", .unitsNeeded, ranged: true, compared: true, never: true),
        row(.economics, "unit_cost_ceiling", "Highest unit cost that keeps the target margin", "保持目标毛利的单件成本上限", .money, ranged: true),
        row(.economics, "marketing_spend", "Marketing spend in this plan", "本计划营销支出", .money, ranged: true),

        row(.inventory, "window_demand_mean", "Demand in the first batch's window (mean)", "首批覆盖期需求（均值）", .count, .mean, ranged: true, compared: true),
        row(.inventory, "window_forecast_mean", "Forecast of the first batch's window (the normal's mean μ)",
            "首批覆盖期需求预测（正态均值 μ）", .count, .decision),
        row(.inventory, "window_demand_sd", "Demand in the first batch's window (standard deviation)", "首批覆盖期需求（标准差）", .count, .decision),
        row(.inventory, "window_kol_units", "Buyers from KOL posts in the first batch's window", "首批覆盖期内 KOL 内容带来的买家", .count, ranged: true),
        row(.inventory, "window_demand_p10", "Demand in the first batch's window (P10)", "首批覆盖期需求（P10）", .count, .decision),
        row(.inventory, "window_demand_p90", "Demand in the first batch's window (P90)", "首批覆盖期需求（P90）", .count, .decision),
        row(.inventory, "critical_ratio", "Critical ratio", "临界比率", .share, .decision, ranged: true),
        row(.inventory, "newsvendor_units", "Newsvendor quantity for retail", "零售报童最优量", .number, .decision),
        row(.inventory, "first_batch_units", "First batch (units)", "首批数量（件）", .count, .decision, compared: true),
        row(.inventory, "pledged_units", "Units in the batch owed to backers", "首批中应交付支持者的件数", .count),
        row(.inventory, "sample_units", "Units in the batch for KOL samples and testers", "首批中用作 KOL 样品与内测的件数", .count),
        row(.inventory, "expected_sales", "Expected sales in the window", "覆盖期预期销量", .count, .mean, ranged: true),
        row(.inventory, "expected_leftover", "Expected leftover", "预期剩余", .count, .mean, ranged: true),
        row(.inventory, "expected_lost_sales", "Expected lost sales", "预期缺货损失销量", .count, .mean, ranged: true),
        row(.inventory, "fill_rate", "Fill rate (sales ÷ demand)", "满足率（销量 ÷ 需求）", .share, .mean),
        row(.inventory, "in_stock_probability", "In-stock probability", "不断货概率", .share, .mean),
        row(.inventory, "cash", "First batch cash", "首批资金", .money, .decision, compared: true),
        row(.inventory, "deposit_amount", "Deposit paid with the purchase order", "下单时支付的订金", .money, ranged: true),
        row(.inventory, "po_date", "Purchase order by", "最晚下单日", .date, compared: true),
        row(.inventory, "arrival", "First batch in the warehouse", "首批入仓", .date),
        row(.inventory, "safety_stock", "Safety stock for the reorder", "补货安全库存", .count, .decision),
        row(.inventory, "reorder_point", "Reorder point", "再订货点", .count, .decision),
        row(.inventory, "reorder_date", "Reorder by", "补货下单日", .date, .decision, compared: true),
        row(.inventory, "reorder_units", "Reorder (units)", "补货数量（件）", .count, .decision, compared: true),
        row(.inventory, "reorder_arrival", "Reorder in the warehouse", "补货入仓", .date, .decision),
        row(.inventory, "stockout_date", "Stock runs out without a reorder", "不补货时的断货日", .date, .decision),
        row(.inventory, "reorders_units", "Units reordered through the horizon", "计划期内补货总量", .count, .decision, compared: true),

        row(.pilot, "ready", "Pilot units ready", "试产品就绪", .date),
        row(.pilot, "units", "Pilot units", "试产件数", .count, ranged: true),
        row(.pilot, "cost", "Pilot run cost", "试产成本", .money, ranged: true),

        row(.crowdfunding, "recommended", "Crowdfund?", "是否众筹", .flag, .decision, compared: true),
        row(.crowdfunding, "in_plan", "Campaign in the plan", "众筹计入计划", .flag, .decision),
        row(.crowdfunding, "backers", "Backers", "支持者", .count, ranged: true),
        row(.crowdfunding, "pledged", "Crowdfunding pledged", "众筹认筹额", .money, ranged: true, compared: true),
        row(.crowdfunding, "collected", "Collected", "实收", .money, ranged: true),
        row(.crowdfunding, "platform_fees", "Platform fee", "平台费", .money),
        row(.crowdfunding, "payment_fees", "Payment fees", "支付费", .money),
        row(.crowdfunding, "fees", "Fees", "费用", .money, ranged: true),
        row(.crowdfunding, "net", "Crowdfunding net", "众筹净得", .money, ranged: true, compared: true, signed: true),
        row(.crowdfunding, "goal", "Crowdfunding goal", "众筹目标", .money, .decision, compared: true),
        row(.crowdfunding, "units", "Units owed to backers", "应交付支持者件数", .count, ranged: true),
        row(.crowdfunding, "minimum_raise", "Minimum raise", "最低筹款额", .money, ranged: true, never: true),
        row(.crowdfunding, "first_48h_pledges", "First-48-hour pledges", "前 48 小时认筹", .money, .decision),
        row(.crowdfunding, "goal_probability", "Chance of reaching the goal", "达成目标的概率", .share, .decision),
        row(.crowdfunding, "first_48h_cover_probability", "Chance the first 48 hours cover the minimum raise", "前 48 小时覆盖最低筹款额的概率", .share, .decision),
        row(.crowdfunding, "start", "Campaign opens", "众筹开始", .date),
        row(.crowdfunding, "end", "Campaign closes", "众筹结束", .date),
        row(.crowdfunding, "fulfillment", "Rewards ship", "回报发货", .date),

        row(.kol, "cost", "KOL cost", "KOL 费用", .money, ranged: true, compared: true),
        row(.kol, "reach", "KOL reach", "KOL 触达", .count, ranged: true),
        row(.kol, "engagements", "KOL engagements", "KOL 互动", .count, ranged: true),
        row(.kol, "buyers", "KOL buyers", "KOL 买家", .count, ranged: true, compared: true),
        row(.kol, "cpm", "CPM (cost per 1,000 reached)", "CPM（每千次触达成本）", .money),
        row(.kol, "cpe", "CPE (cost per engagement)", "CPE（每次互动成本）", .money),
        row(.kol, "cost_per_buyer", "Cost per buyer", "每位买家成本", .money),
        row(.kol, "samples", "KOL samples", "KOL 样品", .count),
        row(.kol, "sample_cost", "Cost of KOL samples", "KOL 样品成本", .money),

        row(.ads, "cost", "Ad spend", "广告花费", .money, ranged: true, compared: true),
        row(.ads, "impressions", "Ad impressions", "广告曝光", .count, ranged: true),
        row(.ads, "clicks", "Ad clicks", "广告点击", .count, ranged: true),
        row(.ads, "buyers", "Buyers from ads", "广告买家", .count, ranged: true, compared: true),

        row(.seedReviews, "testers", "Seed-review testers", "内测人数", .count, ranged: true, compared: true),
        row(.seedReviews, "units", "Tester units", "内测产品件数", .count, ranged: true),
        row(.seedReviews, "cost", "Cost of tester units", "内测产品成本", .money, ranged: true),
        row(.seedReviews, "recruit_start", "Recruit testers from", "开始招募", .date),
        row(.seedReviews, "ship_by", "Testers' units ship by", "内测产品寄出", .date, compared: true),

        row(.actuals, "weeks", "Weeks sold so far", "已售周数", .count),
        row(.actuals, "to_date", "Units sold to date", "至今实际销量", .count, compared: true),
        row(.actuals, "plan_to_date", "The plan's forecast for those weeks", "计划对同期的预测", .count),
        row(.actuals, "reforecast_horizon_units", "Re-forecast: demand within the horizon", "重新预测：计划期内需求", .count, compared: true),
        row(.actuals, "next_reorder_date", "Next reorder to place, by", "下一次补货下单日", .date, compared: true),
        row(.actuals, "next_reorder_units", "Next reorder to place (units)", "下一次补货数量（件）", .count, compared: true),

        row(.cash, "peak_need", "Peak funding need", "峰值资金需求", .money, ranged: true, compared: true),
        row(.cash, "peak_date", "Peak need reached (week of)", "资金需求达到峰值（所在周）", .date, never: true),
        row(.cash, "gap", "Funding gap beyond cash on hand", "超出现有资金的缺口", .money, ranged: true, compared: true),
        row(.cash, "payback", "The launch has earned back its cash (week of)", "累计净现金流回正（所在周）", .date, ranged: true, compared: true, never: true),
        row(.cash, "ending", "Cash at the end of the horizon", "计划期结束时的现金", .money, ranged: true, signed: true),
        row(.cash, "units_sold", "Retail units sold within the horizon, stock allowing", "计划期内零售销量（受库存限制）", .count, ranged: true),

        row(.launch, "date", "Launch", "上市日", .date, compared: true),
    ]
}
