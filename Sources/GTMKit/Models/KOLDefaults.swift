/// Rates and lead times by creator tier, for the keys a `kol.tiers` item leaves out.
/// Sources are in the Models article ("KOL plan").
struct KOLTierDefaults: Sendable, Equatable {
    /// The tier's name in the reference table: nano, micro, mid, macro, mega.
    var name: String
    /// Engagements per follower per post (Instagram, Statista/HypeAuditor 2025 via
    /// organicmediabuying.com: nano 4.8% … mega 1.2%).
    var engagement: Double
    /// Followers who see a post (untapper.com: Instagram feed reach is typically 10–20%).
    var viewRate: Double
    /// Viewers who go to the product page (link-in-bio and story-link CTRs of 1–3%).
    var clickRate: Double
    /// Product-page visitors who buy (Digital Applied via lookfluence.com: nano 2.41%,
    /// micro 2.18%, macro 1.42%, mega 0.91%; mid between micro and macro).
    var conversion: Double
    /// Invitation to publish (truleado.com: 6–10 weeks all told; larger creators take longer).
    var leadTimeDays: Int

    static let nano = KOLTierDefaults(name: "nano", engagement: 0.048, viewRate: 0.15, clickRate: 0.02, conversion: 0.0241, leadTimeDays: 42)
    static let micro = KOLTierDefaults(name: "micro", engagement: 0.024, viewRate: 0.15, clickRate: 0.02, conversion: 0.0218, leadTimeDays: 49)
    static let mid = KOLTierDefaults(name: "mid", engagement: 0.018, viewRate: 0.15, clickRate: 0.02, conversion: 0.018, leadTimeDays: 56)
    static let macro = KOLTierDefaults(name: "macro", engagement: 0.015, viewRate: 0.15, clickRate: 0.02, conversion: 0.0142, leadTimeDays: 63)
    static let mega = KOLTierDefaults(name: "mega", engagement: 0.012, viewRate: 0.15, clickRate: 0.02, conversion: 0.0091, leadTimeDays: 70)

    static let all = [nano, micro, mid, macro, mega]

    /// The defaults for a tier name: Western (nano … mega) or Xiaohongshu (头部 head, 腰部 mid,
    /// 尾部 tail, 素人 KOC), which map onto macro, mid, micro and nano by their follower ranges.
    static func named(_ tier: String) -> KOLTierDefaults? {
        switch tier.lowercased() {
        case "nano", "koc", "素人", "kocs": return nano
        case "micro", "tail", "尾部": return micro
        case "mid", "腰部", "mid-tier", "middle": return mid
        case "macro", "head", "头部": return macro
        case "mega", "celebrity", "明星": return mega
        default: return nil
        }
    }

    /// The tier of a creator by followers: nano under 10k, micro to 50k, mid to 500k,
    /// macro to 1M, mega above (models.md, Western tiers).
    static func forFollowers(_ followers: Double) -> KOLTierDefaults {
        switch followers {
        case ..<10_000: return nano
        case ..<50_000: return micro
        case ..<500_000: return mid
        case ..<1_000_000: return macro
        default: return mega
        }
    }
}
