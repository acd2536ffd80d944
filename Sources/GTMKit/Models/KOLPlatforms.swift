/// What differs between the platforms creators post on (see the README, "KOL plan", for each
/// source): engagement by tier where a platform's own figures were found, the share of
/// followers who see a post, and how fast a post's effect decays (its half-life). What a
/// platform does not publish falls back to the tier table (`KOLTierDefaults`, Instagram-based).
struct KOLPlatform: Sendable, Equatable {
    var name: String
    /// Engagements per follower for nano, micro, mid, macro, mega; nil: the tier table's.
    var engagement: [Double]?
    /// Followers who see a post; nil: the tier table's.
    var viewRate: Double?
    /// Days for a post's buyers to halve: half of them arrive within this long of the post.
    var halfLifeDays: Double
    /// The sales channel of the same platform, by `ChannelDefaults` name: a channel of that
    /// platform in the scenario gives the posts its conversion of those reached.
    var channel: String?

    /// Douyin, TikTok, Kuaishou, WeChat Channels (short video): more than 80% of a video's
    /// traffic within 24 hours, so a half-life of about 10 hours; views are 16% of followers
    /// (Socialinsider × Wave.video, TikTok 2022); Douyin likes per follower 3.2% (10k–100k) and
    /// 1.5% (1M–5M) (practitioner pages; a low-confidence source), mid and macro between them. Xiaohongshu: a
    /// 0–3-day burst then a long tail (practitioner pages): half-life 3 days. YouTube and
    /// Bilibili: half of a video's views in its first 6 days (TubeMogul 2010); engagement per
    /// subscriber 1.7%, 0.4%, 0.2%, 0.2%, 0.15% by tier (Modash). Instagram: half-life 19 hours
    /// (Scott Graffius, after Simply Measured). Weibo: the short-video value (no figure found).
    static let all: [(keywords: [String], platform: KOLPlatform)] = [
        (["douyin", "抖音"], KOLPlatform(name: "Douyin", engagement: [0.032, 0.032, 0.024, 0.02, 0.015], viewRate: 0.16,
                                          halfLifeDays: 10.0 / 24, channel: "Douyin")),
        (["tiktok"], KOLPlatform(name: "TikTok", engagement: nil, viewRate: 0.16, halfLifeDays: 10.0 / 24, channel: "Douyin")),
        (["kuaishou", "快手"], KOLPlatform(name: "Kuaishou", engagement: nil, viewRate: 0.16, halfLifeDays: 10.0 / 24, channel: nil)),
        (["wechat_channels", "wechat channels", "视频号", "channels"], KOLPlatform(name: "WeChat Channels", engagement: nil, viewRate: 0.16,
                                                                              halfLifeDays: 10.0 / 24, channel: nil)),
        (["xiaohongshu", "小红书", "red"], KOLPlatform(name: "Xiaohongshu", engagement: nil, viewRate: nil, halfLifeDays: 3,
                                                    channel: "Xiaohongshu")),
        (["youtube"], KOLPlatform(name: "YouTube", engagement: [0.017, 0.004, 0.002, 0.002, 0.0015], viewRate: nil,
                                  halfLifeDays: 6, channel: nil)),
        (["bilibili", "b站", "哔哩哔哩"], KOLPlatform(name: "Bilibili", engagement: nil, viewRate: nil, halfLifeDays: 6, channel: nil)),
        (["instagram", "ig"], KOLPlatform(name: "Instagram", engagement: nil, viewRate: nil, halfLifeDays: 19.0 / 24, channel: nil)),
        (["weibo", "微博"], KOLPlatform(name: "Weibo", engagement: nil, viewRate: nil, halfLifeDays: 10.0 / 24, channel: nil)),
    ]

    /// A platform gtm does not know, or none given: the tier table, and a half-life of a day.
    static let unknown = KOLPlatform(name: "", engagement: nil, viewRate: nil, halfLifeDays: 1, channel: nil)

    static func named(_ name: String?) -> KOLPlatform {
        guard let name else { return unknown }
        let key = name.lowercased().trimmingCharacters
        return all.first { $0.keywords.contains(key) }?.platform ?? unknown
    }

    /// Engagement for a tier of the reference table (nano … mega).
    func engagement(_ tier: KOLTierDefaults) -> Double {
        guard let engagement, let index = KOLTierDefaults.all.firstIndex(of: tier) else { return tier.engagement }
        return engagement[index]
    }
}
