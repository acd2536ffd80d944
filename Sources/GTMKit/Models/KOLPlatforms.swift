/// What differs between the platforms creators post on (see the Models article, "KOL plan", for each
/// source): engagement by tier where a platform's own figures were found, the post's funnel
/// (followers who see it, viewers who click through, clicks that buy) and how fast a post's
/// effect decays (its half-life). What a platform does not publish falls back to the tier table
/// (`KOLTierDefaults`, Instagram-based). A post's funnel is the platform's, never a sales
/// channel's: a store's conversion is of its visitors, not of a post's audience.
struct KOLPlatform: Sendable, Equatable {
    var name: String
    /// Engagements per follower for nano, micro, mid, macro, mega; nil: the tier table's.
    var engagement: [Double]?
    /// Followers who see a post; viewers who click through to the product; clicks that buy.
    /// nil: the tier table's.
    var viewRate: Double?
    var clickRate: Double? = nil
    var conversion: Double? = nil
    /// Days for a post's buyers to halve: half of them arrive within this long of the post.
    var halfLifeDays: Double

    /// Douyin, TikTok, Kuaishou, WeChat Channels (short video): more than 80% of a video's
    /// traffic within 24 hours, so a half-life of about 10 hours; views are 16% of followers
    /// (Socialinsider × Wave.video, TikTok 2022); Douyin likes per follower 3.2% (10k–100k) and
    /// 1.5% (1M–5M) (practitioner pages; a low-confidence source), mid and macro between them. Xiaohongshu: a
    /// 0–3-day burst then a long tail (practitioner pages): half-life 3 days. YouTube and
    /// Bilibili: half of a video's views in its first 6 days (TubeMogul 2010); engagement per
    /// subscriber 1.7%, 0.4%, 0.2%, 0.2%, 0.15% by tier (Modash). Instagram: half-life 19 hours
    /// (Scott Graffius, after Simply Measured). Weibo: the short-video value (no figure found).
    /// Funnels: Instagram views 20% of followers (Minter.io 2019, median post reach 19–38% by
    /// size), 1.8% of viewers click the link (CreatorLane, after Tapmy's 12k-account cohort, 2026),
    /// 0.8% of Instagram-referred sessions buy (Oribi e-commerce benchmark). TikTok views 14.5% of
    /// followers (Socialinsider 2023), YouTube 10% (BrightBean); their clicks buy at the 1.4%
    /// Shopify average (Littledata 2023). Douyin, Kuaishou and WeChat Channels: 10% of viewers open
    /// the product card (below it is weak: 1984nian.com on 千川) and 2% of those buy (点击成交率
    /// 1–5%, chazhengzhuang.com); low-confidence practitioner figures.
    static let all: [(keywords: [String], platform: KOLPlatform)] = [
        (["douyin", "抖音"], KOLPlatform(name: "Douyin", engagement: [0.032, 0.032, 0.024, 0.02, 0.015], viewRate: 0.16,
                                          clickRate: 0.10, conversion: 0.02, halfLifeDays: 10.0 / 24)),
        (["tiktok"], KOLPlatform(name: "TikTok", engagement: nil, viewRate: 0.145, conversion: 0.014, halfLifeDays: 10.0 / 24)),
        (["kuaishou", "快手"], KOLPlatform(name: "Kuaishou", engagement: nil, viewRate: 0.16, clickRate: 0.10, conversion: 0.02,
                                            halfLifeDays: 10.0 / 24)),
        (["wechat_channels", "wechat channels", "视频号", "channels"], KOLPlatform(name: "WeChat Channels", engagement: nil, viewRate: 0.16,
                                                                              clickRate: 0.10, conversion: 0.02, halfLifeDays: 10.0 / 24)),
        (["xiaohongshu", "小红书", "red"], KOLPlatform(name: "Xiaohongshu", engagement: nil, viewRate: nil, halfLifeDays: 3)),
        (["youtube"], KOLPlatform(name: "YouTube", engagement: [0.017, 0.004, 0.002, 0.002, 0.0015], viewRate: 0.10, conversion: 0.014,
                                  halfLifeDays: 6)),
        (["bilibili", "b站", "哔哩哔哩"], KOLPlatform(name: "Bilibili", engagement: nil, viewRate: nil, halfLifeDays: 6)),
        (["instagram", "ig"], KOLPlatform(name: "Instagram", engagement: nil, viewRate: 0.20, clickRate: 0.018, conversion: 0.008,
                                          halfLifeDays: 19.0 / 24)),
        (["weibo", "微博"], KOLPlatform(name: "Weibo", engagement: nil, viewRate: nil, halfLifeDays: 10.0 / 24)),
    ]

    /// A platform gtm does not know, or none given: the tier table, and a half-life of a day.
    static let unknown = KOLPlatform(name: "", engagement: nil, viewRate: nil, halfLifeDays: 1)

    static func named(_ name: String?) -> KOLPlatform {
        guard let name else { return unknown }
        let key = name.lowercased().trimmingCharacters
        return all.first { $0.keywords.contains(key) }?.platform ?? unknown
    }

    /// The funnel for a tier: the platform's view rate, click-through and conversion where it
    /// publishes them, the tier table's otherwise.
    func funnel(_ tier: KOLTierDefaults) -> (view: Double, click: Double, conversion: Double) {
        (viewRate ?? tier.viewRate, clickRate ?? tier.clickRate, conversion ?? tier.conversion)
    }

    /// Engagement for a tier of the reference table (nano … mega).
    func engagement(_ tier: KOLTierDefaults) -> Double {
        guard let engagement, let index = KOLTierDefaults.all.firstIndex(of: tier) else { return tier.engagement }
        return engagement[index]
    }
}
