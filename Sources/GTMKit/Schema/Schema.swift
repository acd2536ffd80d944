/// The one schema: every section and key a scenario may hold (spec §3), in the
/// order the README, `gtm explain` and `gtm init` show them.
public enum Schema {
    public static let fields: [Field] = [
        Field("include", .value(.text), example: "shared-assumptions.txt", overridable: false,
              "Another scenario file whose values this one starts from (platform fees, rate cards); relative to this file, which wins on conflicts.",
              zh: "共享假设文件（平台费率、KOL 报价等），路径相对本文件；与本文件冲突时以本文件为准。"),

        Field("scenario", .section, "Run settings: name, planning date, currency, report language, Monte Carlo trials and seed.",
              zh: "运行设置：名称、计划日期、币种、报告语言、蒙特卡洛次数与随机种子。"),
        Field("scenario.name", .value(.text), example: "Aurora desk lamp, autumn 2027", note: "the product's name", "A name for the plan.", zh: "计划名称。"),
        Field("scenario.as_of", .value(.date), example: "2027-01-04",
              "The planning date: milestones before it are flagged as late. Without it the report never depends on today's date.",
              zh: "计划日期：早于该日的里程碑会被标为延误。不填则报告与今天的日期无关。"),
        Field("scenario.currency", .value(.text), default: "CNY",
              "ISO 4217 code of every amount in the file; gtm holds no exchange rates.",
              zh: "所有金额的 ISO 4217 币种代码；gtm 不做汇率换算。"),
        Field("scenario.language", .value(.choice(["en", "zh"])), default: "en", "Report language.", zh: "报告语言。"),
        Field("scenario.trials", .value(.integer), bounds: 100...Double(Limits.trials), default: "10000",
              "Monte Carlo trials when any input is uncertain.", zh: "有不确定输入时的蒙特卡洛模拟次数。"),
        Field("scenario.seed", .value(.integer), bounds: 0...Limits.magnitude, default: "1",
              "Random seed: the same seed gives the same numbers on every machine.",
              zh: "随机种子：同一种子在任何机器上得到相同结果。"),

        Field("product", .section, required: true, "The product: price and costs.", zh: "产品：价格与成本。"),
        Field("product.name", .value(.text), example: "Aurora Lamp", required: true, "The product's name.", zh: "产品名称。"),
        Field("product.price", .value(.money), example: "399", required: true, "Retail price per unit (the core price point).",
              zh: "单件零售价（核心价位）。"),
        Field("product.unit_cost", .value(.money), example: "142", required: true, "Landed cost per unit.", zh: "单件到岸成本。"),
        Field("product.salvage", .value(.money), default: "0",
              "Value of an unsold unit at clearance; must stay below the unit cost.",
              zh: "未售出单件清仓时的残值；须低于单件成本。"),
        Field("product.fixed_costs", .value(.money), default: "0",
              "One-off launch costs (tooling, certification), for break-even and the crowdfunding minimum raise.",
              zh: "一次性上市成本（模具、认证），用于盈亏平衡与众筹最低筹款额。"),
        Field("product.target_margin", .value(.share), example: "60%", bounds: 0...0.9999,
              "Gross margin the price must keep; gives the highest unit cost that keeps it.",
              zh: "价格须保持的毛利率；据此给出单件成本上限。"),

        Field("launch", .section, required: true, "The public retail launch.", zh: "正式零售上市。"),
        Field("launch.date", .value(.date), example: "2027-09-01", required: true, "Public retail launch day.", zh: "正式上市日。"),

        Field("market", .section, "Top-down market size: TAM, SAM, SOM.", zh: "自上而下的市场规模：TAM、SAM、SOM。"),
        Field("market.population", .value(.count), example: "12M", required: true, "Potential buyers in the target markets.",
              zh: "目标市场中的潜在买家数。"),
        Field("market.purchases_per_year", .value(.number), bounds: 0...1000, default: "1",
              "Units one buyer buys a year.", zh: "每位买家每年购买件数。"),
        Field("market.serviceable", .value(.share), example: "30%", required: true,
              "Share of TAM your channels and regions can serve (SAM).", zh: "渠道与地区可覆盖的 TAM 比例（SAM）。"),
        Field("market.obtainable", .value(.share), example: "1% to 2%", required: true,
              "Share of SAM you can win within the horizon (SOM).", zh: "在时间范围内可赢得的 SAM 比例（SOM）。"),
        Field("market.horizon", .value(.period), bounds: 1...Double(Limits.durationDays), default: "12 months",
              "How far ahead the plan sells; SOM is scaled to it.", zh: "计划的销售时间范围；SOM 按此缩放。"),

        Field("channels", .list(itemKey: "name"), "Bottom-up size: one item per sales channel.",
              zh: "自下而上的规模：每个销售渠道一项。"),
        Field("channels[].name", .value(.text), example: "Tmall flagship store", required: true, "Channel name.", zh: "渠道名称。"),
        Field("channels[].reach", .value(.count), example: "1M", required: true, "People reached within the horizon.",
              zh: "时间范围内触达的人数。"),
        Field("channels[].conversion", .value(.share), example: "1%", required: true, "Share of those reached who buy.",
              zh: "被触达者中购买的比例。"),

        Field("demand", .section, "How SOM is spread over time: a Bass diffusion curve.", zh: "SOM 如何随时间分布：Bass 扩散曲线。"),
        Field("demand.p", .value(.number), bounds: 0.000001...1, default: "0.03",
              "Bass innovation coefficient, per year.", zh: "Bass 创新系数（每年）。"),
        Field("demand.q", .value(.number), bounds: 0...5, default: "0.38",
              "Bass imitation coefficient, per year.", zh: "Bass 模仿系数（每年）。"),
        Field("demand.launch_boost", .value(.share), example: "4%",
              "Share of SOM bought in launch week, on top of the curve's shape.", zh: "上市首周额外购买的 SOM 比例。"),

        Field("inventory", .section, "The first production batch (newsvendor).", zh: "首批生产数量（报童模型）。"),
        Field("inventory.lead_time", .value(.period), example: "6 weeks", required: true,
              "Purchase order to sellable units in the warehouse.", zh: "从下采购单到可售库存入仓的时间。"),
        Field("inventory.coverage", .value(.period), example: "10 weeks", note: "inventory.lead_time",
              "How long the first batch must last.", zh: "首批库存需覆盖的时长。"),
        Field("inventory.service_level", .value(.share), example: "90%", uncertain: false, bounds: 0.005...0.9999,
              note: "the newsvendor critical ratio",
              "Chance of not running out; replaces the critical ratio from price, cost and salvage.",
              zh: "不断货的概率；替代由价格、成本、残值算出的临界比率。"),
        Field("inventory.forecast", .value(.count), example: "5000",
              "Your own demand forecast for the coverage window, instead of the curve.", zh: "您对覆盖期需求的自有预测（替代曲线）。"),
        Field("inventory.forecast_sd", .value(.count), example: "1500", note: "forecast × forecast_cv",
              "Standard deviation of the window's demand.", zh: "覆盖期需求的标准差。"),
        Field("inventory.forecast_cv", .value(.share), bounds: 0...3, default: "30%",
              "Spread of the window's demand as a share of its mean; may exceed 100%.",
              zh: "覆盖期需求的变异系数；可超过 100%。"),
        Field("inventory.moq", .value(.integer), default: "0", "Minimum order quantity.", zh: "最小起订量。"),
        Field("inventory.case_pack", .value(.integer), bounds: 1...Limits.magnitude, default: "1",
              "Order in multiples of this.", zh: "按此数的整数倍下单（箱规）。"),

        Field("crowdfunding", .section, "A crowdfunding campaign before retail.", zh: "零售前的众筹活动。"),
        Field("crowdfunding.platform", .value(.choice(["kickstarter", "indiegogo", "modian", "jd", "other"])), example: "modian",
              required: true, "Where the campaign runs; sets the default fees.", zh: "众筹平台；决定默认费率。"),
        Field("crowdfunding.start", .value(.date), example: "2027-06-01", required: true, "Campaign start.", zh: "众筹开始日。"),
        Field("crowdfunding.duration", .value(.period), bounds: 1...Double(Limits.durationDays), default: "30 days",
              "Campaign length.", zh: "众筹时长。"),
        Field("crowdfunding.email_list", .value(.count), default: "0", "Pre-launch subscribers.", zh: "预热期邮件订阅者数。"),
        Field("crowdfunding.list_conversion", .value(.share), default: "5%",
              "Subscribers who become backers.", zh: "订阅者转化为支持者的比例。"),
        Field("crowdfunding.reservations", .value(.count), default: "0", "Paid deposits (reservations).",
              zh: "付费预约（定金）人数。"),
        Field("crowdfunding.reservation_conversion", .value(.share), default: "35%",
              "Reservations that become backers.", zh: "预约者转化为支持者的比例。"),
        Field("crowdfunding.organic_share", .value(.share), bounds: 0...0.95, default: "0",
              "Share of all backers who come from the platform itself.", zh: "来自平台自身流量的支持者占比。"),
        Field("crowdfunding.dropped_pledges", .value(.share), bounds: 0...0.95, default: "5%",
              "Pledges that fail to collect.", zh: "扣款失败的认筹比例。"),
        Field("crowdfunding.platform_fee", .value(.share), example: "6%", note: "per platform", "Platform fee on funds collected.",
              zh: "平台按筹得金额收取的费率。"),
        Field("crowdfunding.payment_fee", .value(.share), example: "1%", note: "per platform", "Payment processing fee on funds collected.",
              zh: "支付处理费率。"),
        Field("crowdfunding.payment_fixed", .value(.money), example: "0", note: "per platform",
              "Payment fee per pledge, in the scenario's currency.", zh: "每笔认筹的固定支付费（本方案币种）。"),
        Field("crowdfunding.fulfillment_lead", .value(.period), example: "8 weeks", note: "inventory.lead_time, or 8 weeks",
              "Campaign end to rewards shipped.", zh: "众筹结束到回报发货的时间。"),
        Field("crowdfunding.tiers", .list(itemKey: "name"), required: true, "Reward tiers.", zh: "回报档位。"),
        Field("crowdfunding.tiers[].name", .value(.text), example: "Early bird", required: true, "Tier name.", zh: "档位名称。"),
        Field("crowdfunding.tiers[].price", .value(.money), example: "299", required: true, "Pledge for this tier.", zh: "该档认筹金额。"),
        Field("crowdfunding.tiers[].limit", .value(.integer), example: "500", note: "unlimited", "Pledges on offer at this price.",
              zh: "该价位可认筹的份数。"),
        Field("crowdfunding.tiers[].units", .value(.integer), bounds: 1...1000, default: "1",
              "Product units per pledge.", zh: "每份认筹包含的产品件数。"),

        Field("kol", .section, "Influencer (KOL) plan.", zh: "KOL（达人）计划。"),
        Field("kol.budget", .value(.money), example: "150k", "Budget for KOL fees.", zh: "KOL 费用预算。"),
        Field("kol.tiers", .list(itemKey: "tier"), "Planned slots by tier.", zh: "按层级规划的合作名额。"),
        Field("kol.tiers[].tier", .value(.text), example: "mid", required: true,
              "Tier: nano, micro, mid, macro, mega, or head, mid, tail, koc (头部, 腰部, 尾部, 素人).",
              zh: "层级：nano、micro、mid、macro、mega，或头部、腰部、尾部、素人。"),
        Field("kol.tiers[].count", .value(.integer), example: "4", required: true, bounds: 0...100_000, "Slots (posts) in this tier.", zh: "该层级的名额（帖子数）。"),
        Field("kol.tiers[].fee", .value(.money), example: "12k", required: true, "Fee per post.", zh: "单条报价。"),
        Field("kol.tiers[].followers", .value(.count), example: "150k", required: true, "Followers per creator.", zh: "每位达人的粉丝数。"),
        Field("kol.tiers[].engagement", .value(.share), example: "2%", note: "by tier", "Engagements per follower per post.",
              zh: "每条内容的互动率（相对粉丝数）。"),
        Field("kol.tiers[].view_rate", .value(.share), example: "15%", note: "by tier", "Followers who see the post.", zh: "看到内容的粉丝比例。"),
        Field("kol.tiers[].click_rate", .value(.share), example: "2%", note: "by tier", "Viewers who go to the product page.",
              zh: "观看者进入商品页的比例。"),
        Field("kol.tiers[].conversion", .value(.share), example: "2%", note: "by tier", "Product-page visitors who buy.",
              zh: "商品页访客的购买转化率。"),
        Field("kol.tiers[].lead_time", .value(.period), example: "8 weeks", note: "by tier", "Invitation to publish.", zh: "从邀约到发布的时间。"),
        Field("kol.roster", .list(itemKey: "name"),
              "Candidates; the plan picks the set with the most expected engagements whose fees fit the budget.",
              zh: "候选达人；在预算内选出预期互动最多的组合。"),
        Field("kol.roster[].name", .value(.text), example: "Lamp Lady", required: true, "Creator's name or handle.", zh: "达人名称或账号。"),
        Field("kol.roster[].platform", .value(.text), example: "xiaohongshu", "Where they post.", zh: "所在平台。"),
        Field("kol.roster[].followers", .value(.count), example: "80k", required: true, uncertain: false, "Followers.", zh: "粉丝数。"),
        Field("kol.roster[].fee", .value(.money), example: "8k", required: true, uncertain: false, "Fee per post.", zh: "单条报价。"),
        Field("kol.roster[].engagement", .value(.share), example: "3%", uncertain: false, note: "by the follower count's tier",
              "Engagements per follower per post.", zh: "互动率（相对粉丝数）。"),
        Field("kol.publish_window", .value(.period), default: "2 weeks",
              "Posts spread over this window, ending at launch.", zh: "内容发布窗口，截止于上市日。"),

        Field("seed_reviews", .section, "Beta testers whose reviews are live by launch.", zh: "内测用户：上市时评论已上线。"),
        Field("seed_reviews.target", .value(.integer), example: "30", required: true, "Reviews live by `live_by`.", zh: "在 live_by 之前上线的评论数。"),
        Field("seed_reviews.review_rate", .value(.share), bounds: 0.01...1, default: "35%",
              "Testers who post a review.", zh: "发布评论的内测用户比例。"),
        Field("seed_reviews.recruit", .value(.period), default: "14 days", "Time to recruit testers.", zh: "招募内测用户的时间。"),
        Field("seed_reviews.shipping", .value(.period), default: "7 days", "Units in transit to testers.", zh: "寄送给内测用户的时间。"),
        Field("seed_reviews.trial", .value(.period), default: "14 days", "Use before reviewing.", zh: "评论前的试用期。"),
        Field("seed_reviews.buffer", .value(.period), default: "7 days", "Moderation and late posts.", zh: "审核与延迟发布的缓冲。"),
        Field("seed_reviews.live_by", .value(.date), example: "2027-09-01", note: "launch.date, or crowdfunding.start when crowdfunding is present",
              "Day the reviews must be live.", zh: "评论须上线的日期。"),

        Field("what_if", .variants, "Named variants, each a set of overrides by dotted path (`market.obtainable: 1%`).",
              zh: "命名的假设情景，每个是一组按路径覆盖的取值。"),
    ]

    /// Fields by path.
    static let index: [String: Field] = {
        var index: [String: Field] = [:]
        for field in fields { index[field.path] = field }
        return index
    }()

    /// The field at a schema path (`crowdfunding.tiers[].price`), if any.
    public static func field(_ path: String) -> Field? {
        index[path]
    }

    /// Fields by the path of their section or list.
    static let childrenIndex: [String: [Field]] = Dictionary(grouping: fields, by: \.parent)

    /// The fields directly under `parent` ("" for the top level), in table order.
    public static func children(of parent: String) -> [Field] {
        childrenIndex[parent] ?? []
    }

    /// The schema path of a concrete one: `crowdfunding.tiers[2].price` → `crowdfunding.tiers[].price`.
    public static func schemaPath(_ concrete: String) -> String {
        var out = ""
        var inBracket = false
        for character in concrete {
            if character == "[" {
                inBracket = true
                out.append("[")
            } else if character == "]" {
                inBracket = false
                out.append("]")
            } else if !inBracket {
                out.append(character)
            }
        }
        return out
    }
}
