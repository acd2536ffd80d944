/// A sales channel's costs and settlement, by the platform its name names (see the Models article,
/// "Channel economics", for each source). Amounts per unit hold only in the platform's own
/// currency; in another currency they are 0 and the report says so.
struct ChannelDefaults: Sendable, Equatable {
    var platform: String
    /// Commission or referral fee on each sale.
    var fee: Double
    /// Pick, pack and ship per unit, in `currency`.
    var fulfillment: Double
    var currency: String?
    /// Units that come back.
    var returns: Double
    /// Sale to cash in the account.
    var settlementDays: Int

    /// Tmall: technical service fee 2–5% (HI-COM) + about 1% Alipay; express ¥4 a parcel (Great
    /// Handshake: ¥3–5); Alipay pays out when the buyer confirms, automatically 10 days after
    /// dispatch: 14 days. JD POP: 5% + 0.6% transaction fee (2023 fee rules), monthly statements
    /// (JD's channel guide): 30 days. Douyin and Xiaohongshu shops: 5% (2–10% by category), about
    /// 20 days (receipt confirmed + the 7-day return window). Amazon US: 15% referral fee for most
    /// categories (Seller Central fee schedule), FBA $4.60 for a boxed item up to 1 lb (2026),
    /// paid every 14 days with a 7-day reserve after delivery: 19 days. A brand's own store on
    /// Shopify Payments: 2.9% + 30¢ an order (Basic): 2.9%, and the 30¢ with the 3PL's pick and
    /// pack of $3.50 as the order's fulfilment, $3.80; paid 2 business days
    /// after the order plus the bank: 5 days. Returns: consumer electronics 8–12% online
    /// (Attribute; NRF puts all online sales at 17.6%): 10%.
    static let platforms: [(keywords: [String], defaults: ChannelDefaults)] = [
        (["tmall", "天猫", "taobao", "淘宝"], ChannelDefaults(platform: "Tmall", fee: 0.06, fulfillment: 4, currency: "CNY", returns: 0.10, settlementDays: 14)),
        (["jd", "京东", "jingdong"], ChannelDefaults(platform: "JD", fee: 0.056, fulfillment: 4, currency: "CNY", returns: 0.10, settlementDays: 30)),
        (["douyin", "抖音", "tiktok shop"], ChannelDefaults(platform: "Douyin", fee: 0.05, fulfillment: 4, currency: "CNY", returns: 0.10, settlementDays: 20)),
        (["xiaohongshu", "小红书", "red"],
         ChannelDefaults(platform: "Xiaohongshu", fee: 0.05, fulfillment: 4, currency: "CNY", returns: 0.10, settlementDays: 20)),
        (["amazon"], ChannelDefaults(platform: "Amazon", fee: 0.15, fulfillment: 4.60, currency: "USD", returns: 0.10, settlementDays: 19)),
        (["shopify", "own store", "官网", ".com", "website", "webshop", "d2c", "dtc"],
         ChannelDefaults(platform: "own store", fee: 0.029, fulfillment: 3.80, currency: "USD", returns: 0.10, settlementDays: 5)),
    ]

    /// No platform recognised: no costs, paid on the day of the sale.
    static let none = ChannelDefaults(platform: "", fee: 0, fulfillment: 0, currency: nil, returns: 0, settlementDays: 0)

    /// The defaults of the platform a channel's name names (first match in the table's order).
    static func named(_ name: String) -> ChannelDefaults {
        let lower = name.lowercased()
        // Short keywords match whole runs of ASCII letters and digits: "JD.com", "JD自营" and
        // "RED店铺" name JD and Xiaohongshu; "Redwood" and "JDX" name nothing.
        let words = Set(lower.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }).map(String.init))
        for (keywords, defaults) in platforms where keywords.contains(where: { keyword in
            keyword.count <= 3 && keyword.allSatisfy(\.isASCII) ? words.contains(keyword) : lower.contains(keyword)
        }) {
            return defaults
        }
        return none
    }

    /// The per-unit fulfilment in `currency`: the platform's, or 0 when it is in another one.
    func fulfillment(in currency: String) -> Double {
        self.currency == nil || self.currency == currency ? fulfillment : 0
    }
}
