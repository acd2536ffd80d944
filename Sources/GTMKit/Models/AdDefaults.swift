/// Paid-media rates by platform, for what an `ads` flight leaves out (see the README, "Paid
/// media", for each source). Prices hold only in the platform's currency.
struct AdDefaults: Sendable, Equatable {
    /// Cost per 1,000 impressions, or per click, in `priceCurrency`.
    var cpm: Double?
    var cpc: Double?
    var priceCurrency: String?
    var clickRate: Double?
    var conversion: Double?

    /// Meta: CTR 0.90%, CPC $1.72, conversion 9.21% (WordStream, all industries). Google Search:
    /// CTR 6.42%, CPC $4.66, conversion 6.96% (LocalIQ/WordStream 2024). Amazon Sponsored
    /// Products: CTR 0.36%, median CPC $0.98 (Atom11), conversion about 10%. 巨量千川: CPM ¥30,
    /// CTR 3%, click-to-purchase 3% (practitioner pages; ranges ¥10–120, 2–10%, 1–5%). 小红书聚光:
    /// CPM ¥45 and CTR 2.3% for 数码科技 (a practitioner's category table); no conversion found.
    static func of(_ platform: Scenario.AdPlatform) -> AdDefaults {
        switch platform {
        case .meta: return AdDefaults(cpm: nil, cpc: 1.72, priceCurrency: "USD", clickRate: 0.009, conversion: 0.0921)
        case .google: return AdDefaults(cpm: nil, cpc: 4.66, priceCurrency: "USD", clickRate: 0.0642, conversion: 0.0696)
        case .amazonPPC: return AdDefaults(cpm: nil, cpc: 0.98, priceCurrency: "USD", clickRate: 0.0036, conversion: 0.10)
        case .douyinQianchuan: return AdDefaults(cpm: 30, cpc: nil, priceCurrency: "CNY", clickRate: 0.03, conversion: 0.03)
        case .xiaohongshuJuguang: return AdDefaults(cpm: 45, cpc: nil, priceCurrency: "CNY", clickRate: 0.023, conversion: nil)
        case .other: return AdDefaults(cpm: nil, cpc: nil, priceCurrency: nil, clickRate: nil, conversion: nil)
        }
    }

    /// The published price in `currency`, or nil (another currency, or none).
    func price(in currency: String) -> (cpm: Double?, cpc: Double?)? {
        guard priceCurrency == currency else { return nil }
        return (cpm, cpc)
    }
}
