/// `ChannelDefaults`: the fee, fulfilment, returns and settlement a sales channel takes from the platform its name names.
import Testing
@testable import GTMKit

@Suite struct ChannelDefaultsTests {
    /// One row of the README's "Channel economics" table.
    struct Row {
        var name: String, platform: String, fee: Double, fulfillment: Double, currency: String, returns: Double, days: Int
    }

    @Test func everyPublishedFigureOfTheReadme() {
        let rows = [
            // Tmall: technical service fee 2–5% (HI-COM) + about 1% Alipay = 6%; express ¥3–5 a parcel → ¥4;
            // Alipay auto-confirms 10 days after dispatch → 14 days.
            Row(name: "Tmall", platform: "Tmall", fee: 0.06, fulfillment: 4, currency: "CNY", returns: 0.10, days: 14),
            // JD POP: 5% technical fee + 0.6% transaction service fee = 5.6%; monthly statements → 30 days.
            Row(name: "JD", platform: "JD", fee: 0.056, fulfillment: 4, currency: "CNY", returns: 0.10, days: 30),
            // Douyin shop: 5% (2–10% by category); receipt confirmed + the 7-day return window → 20 days.
            Row(name: "Douyin", platform: "Douyin", fee: 0.05, fulfillment: 4, currency: "CNY", returns: 0.10, days: 20),
            // Xiaohongshu shop: 5% set at signing; settlement as Douyin → 20 days.
            Row(name: "Xiaohongshu", platform: "Xiaohongshu", fee: 0.05, fulfillment: 4, currency: "CNY", returns: 0.10, days: 20),
            // Amazon US: 15% referral fee; FBA $4.60 up to 1 lb; paid every 14 days + DD+7 reserve → 19 days.
            Row(name: "Amazon", platform: "Amazon", fee: 0.15, fulfillment: 4.60, currency: "USD", returns: 0.10, days: 19),
            // Own store on Shopify: 2.9% + 30¢ an order → 2.9%, and 30¢ + 3PL pick and pack $3.50 = $3.80 an order; 2 business
            // days + the bank → 5 days.
            Row(name: "Shopify", platform: "own store", fee: 0.029, fulfillment: 3.80, currency: "USD", returns: 0.10, days: 5),
        ]
        for row in rows {
            let found = ChannelDefaults.named(row.name)
            // Returns: consumer electronics online 8–12% (Attribute) → 10% for every platform.
            #expect(found == ChannelDefaults(platform: row.platform, fee: row.fee, fulfillment: row.fulfillment, currency: row.currency,
                                             returns: row.returns, settlementDays: row.days), "\(row.name)")
        }
        // The table has these six platforms and no others.
        #expect(ChannelDefaults.platforms.map(\.defaults.platform) == rows.map(\.platform))
    }

    @Test func aliasesAndCaseNameTheSamePlatform() {
        // The README's first-match list: "Tmall"/"天猫"/"Taobao", "JD"/"京东", "Douyin"/"抖音"/"TikTok Shop",
        // "Xiaohongshu"/"小红书"/"RED", "Amazon", "Shopify"/"own store"/"官网"/".com"/"website"/"DTC"; any case.
        let expected: [(String, String)] = [
            ("TMALL flagship store", "Tmall"), ("天猫旗舰店", "Tmall"), ("Taobao shop", "Tmall"), ("淘宝店", "Tmall"),
            ("jd self-run", "JD"), ("京东自营", "JD"), ("Jingdong POP", "JD"),
            ("douyin shop", "Douyin"), ("抖音小店", "Douyin"), ("TikTok Shop US", "Douyin"),
            ("小红书店铺", "Xiaohongshu"), ("RED store", "Xiaohongshu"),
            ("AMAZON US", "Amazon"), ("Amazon.com", "Amazon"),
            ("Shopify", "own store"), ("Own Store", "own store"), ("品牌官网", "own store"), ("aurora.com", "own store"),
            ("Website", "own store"), ("webshop", "own store"), ("DTC", "own store"), ("d2c", "own store"),
        ]
        for (name, platform) in expected {
            #expect(ChannelDefaults.named(name).platform == platform, "\(name)")
        }
        // Two platforms in one name: the first in the table's order wins (Tmall's row comes before Douyin's).
        #expect(ChannelDefaults.named("Douyin via Taobao").platform == "Tmall")
    }

    @Test func shortKeywordsAreWholeWordsAndUnknownNamesTakeNothing() {
        // "red", "jd", "dtc", "d2c" (≤ 3 ASCII letters) match only as words: "Redwood", "Shared", "JDX", "dtcx" name no platform.
        for name in ["Redwood outlet", "Shared store", "JDX", "dtcx", "Outdoor retailers", "", "TikTok"] {
            #expect(ChannelDefaults.named(name) == ChannelDefaults.none, "\(name)")
        }
        // No platform: no fee, no fulfilment, no returns, paid on the day.
        #expect(ChannelDefaults.none == ChannelDefaults(platform: "", fee: 0, fulfillment: 0, currency: nil, returns: 0, settlementDays: 0))
    }

    @Test func jdWrittenWithItsDomainOrBesideChineseIsJD() {
        // "JD.com" is JD's own English name: its word "jd" finds JD (5.6%, ¥4, 30 days), before the own store's ".com".
        #expect(ChannelDefaults.named("JD.com").platform == "JD")
        // "JD自营" (JD self-run) and "RED店铺": the ASCII run beside the Chinese is the word.
        #expect(ChannelDefaults.named("JD自营").platform == "JD")
        #expect(ChannelDefaults.named("RED店铺").platform == "Xiaohongshu")
        // Written apart, both are found; a domain of one's own is the own store.
        #expect(ChannelDefaults.named("JD 自营").platform == "JD" && ChannelDefaults.named("RED 店铺").platform == "Xiaohongshu")
        #expect(ChannelDefaults.named("aurora-lamps.com").platform == ChannelDefaults.named("Shopify").platform)
    }

    @Test func fulfilmentHoldsOnlyInThePlatformsCurrency() {
        // Tmall's ¥4 is 4 in CNY and 0 in USD; Amazon's $4.60 the other way round; no platform: 0 in any currency.
        #expect(ChannelDefaults.named("Tmall").fulfillment(in: "CNY") == 4)
        #expect(ChannelDefaults.named("Tmall").fulfillment(in: "USD") == 0)
        #expect(ChannelDefaults.named("Amazon").fulfillment(in: "USD") == 4.60)
        #expect(ChannelDefaults.named("Amazon").fulfillment(in: "CNY") == 0)
        #expect(ChannelDefaults.none.fulfillment(in: "EUR") == 0)
    }
}
