/// `AdDefaults`: each ad platform's published price (CPM or CPC, in its currency), click rate and conversion.
import Testing
@testable import GTMKit

@Suite struct AdDefaultsTests {
    @Test func everyPublishedFigureOfTheReadme() {
        // The README's "Paid media" table.
        // Meta, cold traffic: CPM $14.50 (Powerhouse Media 2026), prospecting CTR 1.0% (Lebesgue), 1.5% of sessions buy (Oribi).
        #expect(AdDefaults.of(.meta) == AdDefaults(cpm: 14.5, cpc: nil, priceCurrency: "USD", clickRate: 0.01, conversion: 0.015))
        // Google search: CPC $4.66, CTR 6.42% (LocalIQ/WordStream 2024); 2.7% of Google-paid sessions buy (Oribi).
        #expect(AdDefaults.of(.google) == AdDefaults(cpm: nil, cpc: 4.66, priceCurrency: "USD", clickRate: 0.0642, conversion: 0.027))
        // Amazon Sponsored Products: median CPC $0.98, CTR 0.36% (Atom11), conversion 9.87% → 9.9% (Ad Badger).
        #expect(AdDefaults.of(.amazonPPC) == AdDefaults(cpm: nil, cpc: 0.98, priceCurrency: "USD", clickRate: 0.0036, conversion: 0.099))
        // 巨量千川: CPM ¥30, CTR 3%, click-to-purchase 2% (practitioner pages).
        #expect(AdDefaults.of(.douyinQianchuan) == AdDefaults(cpm: 30, cpc: nil, priceCurrency: "CNY", clickRate: 0.03, conversion: 0.02))
        // 小红书聚光: CPM ¥45, CTR 2.3% (数码科技 category table); no conversion found: the Shopify average 1.4% (Littledata).
        #expect(AdDefaults.of(.xiaohongshuJuguang) == AdDefaults(cpm: 45, cpc: nil, priceCurrency: "CNY", clickRate: 0.023, conversion: 0.014))
        // other: nothing published, give all three.
        #expect(AdDefaults.of(.other) == AdDefaults(cpm: nil, cpc: nil, priceCurrency: nil, clickRate: nil, conversion: nil))
    }

    @Test func eachPlatformPublishesOnePriceOrNone() {
        // A platform prices by the click or by the thousand impressions, never both; only `other` has no price.
        for platform in Scenario.AdPlatform.allCases {
            let defaults = AdDefaults.of(platform)
            #expect(defaults.cpm == nil || defaults.cpc == nil, "\(platform)")
            #expect((defaults.cpm ?? defaults.cpc) != nil || platform == .other, "\(platform)")
            #expect((defaults.priceCurrency == nil) == (platform == .other), "\(platform)")
        }
    }

    @Test func pricesHoldOnlyInThePlatformsCurrency() throws {
        // Meta's CPM in USD is $14.50 and no CPC; in CNY there is no published price (gtm holds no exchange rates).
        let meta = try #require(AdDefaults.of(.meta).price(in: "USD"))
        #expect(meta.cpm == 14.5 && meta.cpc == nil)
        #expect(AdDefaults.of(.meta).price(in: "CNY") == nil)
        let qianchuan = try #require(AdDefaults.of(.douyinQianchuan).price(in: "CNY"))
        #expect(qianchuan.cpm == 30 && qianchuan.cpc == nil)
        #expect(AdDefaults.of(.douyinQianchuan).price(in: "USD") == nil)
        // `other` has no price in any currency.
        #expect(AdDefaults.of(.other).price(in: "CNY") == nil && AdDefaults.of(.other).price(in: "USD") == nil)
    }

    @Test func platformNamesAreTheSchemasExactWords() {
        // The scenario names a platform by its key (case included); anything else is refused by the decoder.
        #expect(Scenario.AdPlatform.allCases.map(\.rawValue)
                == ["douyin_qianchuan", "xiaohongshu_juguang", "meta", "google", "amazon_ppc", "other"])
        #expect(Scenario.AdPlatform(rawValue: "Meta") == nil)
        let found = errors(minimal + "ads:\n  - name: Push\n    platform: facebook\n    budget: 10k\n")
        #expect(found.count == 1 && found.first?.contains("facebook") == true, "\(found)")
    }
}
