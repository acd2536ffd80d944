/// `kol`: influencer slots by tier, or a roster of candidates to choose from, within a budget.
extension Scenario {
    struct KOL: Sendable {
        /// A budget is a decision, not an uncertain input: the roster is picked to fit it.
        var budget: Double?
        var tiers: [KOLTier]
        var roster: [Candidate]
        var publishWindow: Period
        var align: KOLAlign
        /// Share of each fee paid when the contract is signed; the rest when the post goes live.
        var upfront: Double
        /// Where the tiers post, unless a tier says.
        var platform: String?
        var objective: KOLObjective
    }

    /// What the roster pick maximises within the budget.
    enum KOLObjective: String, Sendable, CaseIterable {
        case buyers, margin, engagements
    }

    /// What the posts are timed to: the retail launch, or the crowdfunding campaign's first days.
    enum KOLAlign: String, Sendable, CaseIterable {
        case launch, campaign
    }

    struct KOLTier: Sendable {
        var tier: String
        var count: Int
        var fee: Quantity
        var followers: Quantity
        var engagement: Quantity?
        var viewRate: Quantity?
        var clickRate: Quantity?
        var conversion: Quantity?
        var leadTime: Period?
        var platform: String?
        /// Invited creators who take the deal: `count ÷ acceptance` are invited.
        var acceptance: Quantity
        /// Share of the sales the posts drive paid to the creator (CPS, or a live stream's commission).
        var commission: Quantity
    }

    struct Candidate: Sendable {
        var name: String
        var platform: String?
        var followers: Double
        var fee: Double
        var engagement: Double?
        /// The chance the creator takes the deal.
        var acceptance: Double
        /// Share of the sales the post drives paid on top of the fee (CPS, live-stream commission).
        var commission: Double
    }
}

extension Schema {
    static let kolFields: [Field] = [
        Field("kol", .section, "Influencer (KOL) plan.", zh: "KOL（达人）计划。"),
        Field("kol.budget", .value(.money), example: "150k", uncertain: false,
              "Budget for KOL fees: a decision, so one amount (the roster is picked to fit it).", zh: "KOL 费用预算：是决策而非不确定输入，只能填一个金额（据此挑选达人）。"),
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
        Field("kol.tiers[].platform", .value(.text), example: "xiaohongshu", note: "`kol.platform`",
              "Where this tier posts: its defaults (engagement, view rate, decay) and a channel of the same platform's conversion.",
              zh: "该层级发布的平台：决定默认互动率、曝光率、衰减速度，并沿用同平台渠道的转化率。"),
        Field("kol.tiers[].acceptance", .value(.share), uncertain: false, default: "50%",
              "Invited creators who take the deal: `count ÷ acceptance` are invited to fill the slots.",
              zh: "受邀达人接受合作的比例：需邀约 `count ÷ acceptance` 位以填满名额。"),
        Field("kol.tiers[].commission", .value(.share), default: "0",
              "Share of the sales the posts drive paid to the creator on top of the fee (CPS; for a live stream the fee is the slot fee).",
              zh: "按带货销售额支付给达人的佣金比例（CPS；直播时 fee 为坑位费）。"),
        Field("kol.roster", .list(itemKey: "name"),
              "Candidates; the plan picks the set with the most expected engagements whose fees fit the budget.",
              zh: "候选达人；在预算内选出预期互动最多的组合。"),
        Field("kol.roster[].name", .value(.text), example: "Lamp Lady", required: true, "Creator's name or handle.", zh: "达人名称或账号。"),
        Field("kol.roster[].platform", .value(.text), example: "xiaohongshu", "Where they post.", zh: "所在平台。"),
        Field("kol.roster[].followers", .value(.count), example: "80k", required: true, uncertain: false, "Followers.", zh: "粉丝数。"),
        Field("kol.roster[].fee", .value(.money), example: "8k", required: true, uncertain: false, "Fee per post.", zh: "单条报价。"),
        Field("kol.roster[].engagement", .value(.share), example: "3%", uncertain: false, note: "by platform and the follower count's tier",
              "Engagements per follower per post.", zh: "互动率（相对粉丝数）。"),
        Field("kol.roster[].acceptance", .value(.share), uncertain: false, default: "100%",
              "The chance the creator takes the deal (a roster's quoted fee means they were asked): below 100% the pick weighs fees and buyers by it.",
              zh: "达人接受合作的概率（名单上的报价说明已联系过）：低于 100% 时挑选按此加权费用与买家。"),
        Field("kol.roster[].commission", .value(.share), uncertain: false, default: "0",
              "Share of the sales the post drives paid on top of the fee (CPS; a live stream's commission).",
              zh: "按带货销售额另付的佣金比例（CPS；直播佣金）。"),
        Field("kol.platform", .value(.text), example: "xiaohongshu",
              "Where the tiers post, unless a tier says: douyin, xiaohongshu, bilibili, kuaishou, weibo, wechat_channels, youtube, instagram, tiktok.",
              zh: "各层级默认发布的平台：抖音、小红书、B站、快手、微博、视频号、YouTube、Instagram、TikTok。"),
        Field("kol.objective", .value(.choice(Scenario.KOLObjective.allCases.map(\.rawValue))), default: "buyers",
              "What the roster pick maximises within the budget: expected buyers, margin after fees, or engagements.",
              zh: "在预算内挑选达人的目标：预期买家、扣除费用后的毛利，或互动量。"),
        Field("kol.publish_window", .value(.period), default: "2 weeks",
              "Posts spread over this window: ending at launch, or from the campaign's start with `align: campaign`.",
              zh: "内容发布窗口：截止于上市日；`align: campaign` 时自众筹开始起。"),
        Field("kol.upfront", .value(.share), uncertain: false, default: "50%",
              "Share of each fee paid at contract; the rest when the post goes live.",
              zh: "签约时支付的费用比例；其余在内容发布时支付。"),
        Field("kol.align", .value(.choice(["launch", "campaign"])), default: "launch",
              "Time the posts to the retail launch, or to the crowdfunding campaign's first days.",
              zh: "内容发布对准正式上市，或对准众筹开始的头几天。"),
    ]
}

extension ScenarioDecoder {
    mutating func kol(_ section: Section) -> Scenario.KOL? {
        var tiers: [Scenario.KOLTier] = []
        var valid = true
        for item in list("tiers", in: section) ?? [] {
            let tier = text("tier", in: item)
            let count = integer("count", in: item)
            let fee = quantity("fee", in: item)
            let followers = quantity("followers", in: item)
            let engagement = quantity("engagement", in: item)
            let view = quantity("view_rate", in: item)
            let click = quantity("click_rate", in: item)
            let conversion = quantity("conversion", in: item)
            let lead = period("lead_time", in: item)
            let platform = text("platform", in: item)
            let acceptance = quantity("acceptance", in: item)
            let commission = quantity("commission", in: item)
            guard let tier, let count, let fee, let followers, let acceptance, let commission else {
                valid = false
                continue
            }
            tiers.append(Scenario.KOLTier(tier: tier, count: count, fee: fee, followers: followers, engagement: engagement,
                                          viewRate: view, clickRate: click, conversion: conversion, leadTime: lead,
                                          platform: platform, acceptance: acceptance, commission: commission))
        }
        var roster: [Scenario.Candidate] = []
        for item in list("roster", in: section) ?? [] {
            let name = text("name", in: item)
            let platform = text("platform", in: item)
            let followers = quantity("followers", in: item)
            let fee = quantity("fee", in: item)
            let engagement = quantity("engagement", in: item)
            let acceptance = quantity("acceptance", in: item)
            let commission = quantity("commission", in: item)
            guard let name, let followers, let fee, let acceptance, let commission else {
                valid = false
                continue
            }
            roster.append(Scenario.Candidate(name: name, platform: platform, followers: followers.value, fee: fee.value,
                                             engagement: engagement?.value, acceptance: acceptance.value, commission: commission.value))
        }
        if tiers.isEmpty, roster.isEmpty, valid {
            report("`kol` needs `tiers` (planned slots) or a `roster` (candidates to choose from)", at: section.mark,
                   hint: "add `tiers:` with `- tier: mid` items, or `roster:` with `- name: …` items")
        }
        let budget = quantity("budget", in: section)
        let window = period("publish_window", in: section)
        let align = text("align", in: section).flatMap(Scenario.KOLAlign.init(rawValue:))
        if align == .campaign, root["crowdfunding"] == nil {
            report("`align: campaign` times the posts to the crowdfunding campaign, but the scenario has none",
                   at: marks["kol.align"] ?? section.mark, hint: "add a `crowdfunding` section, or write `align: launch`")
        }
        let upfront = quantity("upfront", in: section)
        let objective = text("objective", in: section).flatMap(Scenario.KOLObjective.init(rawValue:))
        guard let window, let align, let upfront, let objective, valid else { return nil }
        return .init(budget: budget?.value, tiers: tiers, roster: roster, publishWindow: window, align: align,
                     upfront: upfront.value, platform: text("platform", in: section), objective: objective)
    }
}
