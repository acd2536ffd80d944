/// `AdDefaults`: each ad platform's published price (CPM or CPC, in its currency), click rate and conversion.
import Testing
@testable import GTMKit

@Suite struct AdDefaultsTests {
    @Test func everyPublishedFigureOfTheReadme() {
        // The README's "Paid media" table.
        // Meta: CPC $1.72, CTR 0.90%, conversion 9.21% (WordStream, all industries).
        #expect(AdDefaults.of(.meta) == AdDefaults(cpm: nil, cpc: 1.72, priceCurrency: "USD", clickRate: 0.009, conversion: 0.0921))
        // Google search: CPC $4.66, CTR 6.42%, conversion 6.96% (LocalIQ/WordStream 2024).
        #expect(AdDefaults.of(.google) == AdDefaults(cpm: nil, cpc: 4.66, priceCurrency: "USD", clickRate: 0.0642, conversion: 0.0696))
        // Amazon Sponsored Products: median CPC $0.98 (Atom11), CTR 0.36%, conversion about 10%.
        #expect(AdDefaults.of(.amazonPPC) == AdDefaults(cpm: nil, cpc: 0.98, priceCurrency: "USD", clickRate: 0.0036, conversion: 0.10))
        // 巨量千川: CPM ¥30, CTR 3%, click-to-purchase 3% (practitioner pages).
        #expect(AdDefaults.of(.douyinQianchuan) == AdDefaults(cpm: 30, cpc: nil, priceCurrency: "CNY", clickRate: 0.03, conversion: 0.03))
        // 小红书聚光: CPM ¥45, CTR 2.3% (数码科技 category table); no conversion found.
        #expect(AdDefaults.of(.xiaohongshuJuguang) == AdDefaults(cpm: 45, cpc: nil, priceCurrency: "CNY", clickRate: 0.023, conversion: nil))
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
        // Meta's CPC in USD is $1.72 and no CPM; in CNY there is no published price (gtm holds no exchange rates).
        let meta = try #require(AdDefaults.of(.meta).price(in: "USD"))
        #expect(meta.cpm == nil && meta.cpc == 1.72)
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
