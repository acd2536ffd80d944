/// Paid-media rates by platform, for what an `ads` flight leaves out (see the Models article, "Paid
/// media", for each source). Prices hold only in the platform's currency.
struct AdDefaults: Sendable, Equatable {
    /// Cost per 1,000 impressions, or per click, in `priceCurrency`.
    var cpm: Double?
    var cpc: Double?
    var priceCurrency: String?
    var clickRate: Double?
    var conversion: Double?

    /// A new brand's cold (prospecting) traffic, session conversion rather than the platforms'
    /// all-objective averages. Meta: CPM $14.50 (Powerhouse Media's audit of $15M of spend, 2026),
    /// prospecting link CTR 1.0% (Lebesgue 2023–24: 0.92–1.57% by vertical), 1.5% of
    /// Facebook-referred sessions buy (Oribi e-commerce benchmark). Google Search: CTR 6.42%, CPC
    /// $4.66 (LocalIQ/WordStream 2024); 2.7% of Google-paid sessions buy (Oribi). Amazon Sponsored
    /// Products: CTR 0.36%, median CPC $0.98 (Atom11), conversion 9.9% (Ad Badger, 500M ads).
    /// 巨量千川: CPM ¥30, CTR 3%, click-to-purchase 2% (practitioner pages; ranges ¥10–120, 2–5%,
    /// 1–5%). 小红书聚光: CPM ¥45 and CTR 2.3% for 数码科技 (a practitioner's category table); no
    /// conversion found, so the Shopify store average, 1.4% (Littledata 2023).
    static func of(_ platform: Scenario.AdPlatform) -> AdDefaults {
        switch platform {
        case .meta: return AdDefaults(cpm: 14.5, cpc: nil, priceCurrency: "USD", clickRate: 0.01, conversion: 0.015)
        case .google: return AdDefaults(cpm: nil, cpc: 4.66, priceCurrency: "USD", clickRate: 0.0642, conversion: 0.027)
        case .amazonPPC: return AdDefaults(cpm: nil, cpc: 0.98, priceCurrency: "USD", clickRate: 0.0036, conversion: 0.099)
        case .douyinQianchuan: return AdDefaults(cpm: 30, cpc: nil, priceCurrency: "CNY", clickRate: 0.03, conversion: 0.02)
        case .xiaohongshuJuguang: return AdDefaults(cpm: 45, cpc: nil, priceCurrency: "CNY", clickRate: 0.023, conversion: 0.014)
        case .other: return AdDefaults(cpm: nil, cpc: nil, priceCurrency: nil, clickRate: nil, conversion: nil)
        }
    }

    /// The published price in `currency`, or nil (another currency, or none).
    func price(in currency: String) -> (cpm: Double?, cpc: Double?)? {
        guard priceCurrency == currency else { return nil }
        return (cpm, cpc)
    }
}
