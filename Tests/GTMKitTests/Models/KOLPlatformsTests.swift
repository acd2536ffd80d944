/// `KOLPlatform`: each creator platform's engagement by tier, funnel (view rate, click-through, conversion) and post half-life, by name.
import Testing
@testable import GTMKit

@Suite struct KOLPlatformsTests {
    @Test func everyPublishedFigureOfTheReadme() {
        // The README's platform table. Short video: over 80% of a video's traffic in 24 hours → a 10-hour half-life;
        // views 16% of followers (Socialinsider × Wave.video, TikTok 2022). Douyin likes per follower 3.2% at
        // 10k–100k and 1.5% at 1M–5M, mid and macro between them.
        let shortVideo = 10.0 / 24
        // Douyin, Kuaishou, WeChat Channels: 10% of viewers open the product card (1984nian.com), 2% of those buy
        // (chazhengzhuang.com).
        #expect(KOLPlatform.named("douyin") == KOLPlatform(name: "Douyin", engagement: [0.032, 0.032, 0.024, 0.02, 0.015], viewRate: 0.16,
                                                          clickRate: 0.10, conversion: 0.02, halfLifeDays: shortVideo))
        // TikTok: views 14.49% of followers (Socialinsider 2023); clicks buy at the Shopify average 1.4% (Littledata).
        #expect(KOLPlatform.named("tiktok") == KOLPlatform(name: "TikTok", engagement: nil, viewRate: 0.145, conversion: 0.014,
                                                          halfLifeDays: shortVideo))
        #expect(KOLPlatform.named("kuaishou") == KOLPlatform(name: "Kuaishou", engagement: nil, viewRate: 0.16, clickRate: 0.10,
                                                            conversion: 0.02, halfLifeDays: shortVideo))
        #expect(KOLPlatform.named("wechat_channels") == KOLPlatform(name: "WeChat Channels", engagement: nil, viewRate: 0.16,
                                                                   clickRate: 0.10, conversion: 0.02, halfLifeDays: shortVideo))
        // Xiaohongshu: a 0–3-day burst → 3 days; the tier table's funnel (no figure for organic notes).
        #expect(KOLPlatform.named("xiaohongshu") == KOLPlatform(name: "Xiaohongshu", engagement: nil, viewRate: nil, halfLifeDays: 3))
        // YouTube: Modash's engagement per subscriber 1.7%, 0.4%, 0.2%, 0.2%, 0.15%; views 10% of subscribers (BrightBean);
        // 1.4% (Littledata); half the views in 6 days (TubeMogul).
        #expect(KOLPlatform.named("youtube") == KOLPlatform(name: "YouTube", engagement: [0.017, 0.004, 0.002, 0.002, 0.0015], viewRate: 0.10,
                                                           conversion: 0.014, halfLifeDays: 6))
        #expect(KOLPlatform.named("bilibili") == KOLPlatform(name: "Bilibili", engagement: nil, viewRate: nil, halfLifeDays: 6))
        // Instagram: reach 20% (Minter.io), link clicks 1.8% (CreatorLane), 0.8% of sessions buy (Oribi); 19 hours (Scott
        // Graffius). Weibo: the short-video value, 10 hours.
        #expect(KOLPlatform.named("instagram") == KOLPlatform(name: "Instagram", engagement: nil, viewRate: 0.20, clickRate: 0.018,
                                                             conversion: 0.008, halfLifeDays: 19.0 / 24))
        #expect(KOLPlatform.named("weibo") == KOLPlatform(name: "Weibo", engagement: nil, viewRate: nil, halfLifeDays: shortVideo))
        // None or unknown: the tier table and a one-day half-life.
        #expect(KOLPlatform.unknown == KOLPlatform(name: "", engagement: nil, viewRate: nil, halfLifeDays: 1))
    }

    @Test func aliasesCaseAndSpaces() {
        let expected: [(String?, String)] = [
            ("抖音", "Douyin"), ("DOUYIN", "Douyin"), ("  Douyin ", "Douyin"), ("TikTok", "TikTok"), ("快手", "Kuaishou"),
            ("视频号", "WeChat Channels"), ("WeChat Channels", "WeChat Channels"), ("channels", "WeChat Channels"),
            ("小红书", "Xiaohongshu"), ("RED", "Xiaohongshu"), ("YouTube", "YouTube"), ("B站", "Bilibili"), ("哔哩哔哩", "Bilibili"),
            ("IG", "Instagram"), ("微博", "Weibo"),
        ]
        for (name, platform) in expected {
            #expect(KOLPlatform.named(name).name == platform, "\(name ?? "nil")")
        }
        // Names gtm does not know, and none at all, take the unknown platform: no partial or fuzzy matches.
        for name in [nil, "", "twitch", "tik tok", "wechat", "douyin live", "xhs"] as [String?] {
            #expect(KOLPlatform.named(name) == KOLPlatform.unknown, "\(name ?? "nil")")
        }
    }

    @Test func engagementByTierFallsBackToTheTierTable() {
        // A platform's own figure where it has one: Douyin mid 2.4%, YouTube mega 0.15%, YouTube nano 1.7%.
        #expect(KOLPlatform.named("douyin").engagement(.mid) == 0.024)
        #expect(KOLPlatform.named("youtube").engagement(.mega) == 0.0015)
        #expect(KOLPlatform.named("youtube").engagement(.nano) == 0.017)
        // Otherwise the Instagram-based tier table: micro 2.4%, macro 1.5%.
        #expect(KOLPlatform.named("instagram").engagement(.micro) == 0.024)
        #expect(KOLPlatform.unknown.engagement(.macro) == 0.015)
        // A tier outside the table keeps its own rate, even on a platform with figures.
        let custom = KOLTierDefaults(name: "custom", engagement: 0.07, viewRate: 0.1, clickRate: 0.01, conversion: 0.01, leadTimeDays: 30)
        #expect(KOLPlatform.named("douyin").engagement(custom) == 0.07)
    }
}
