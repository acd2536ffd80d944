/// The starter scenario `gtm init` writes, generated from the schema table: every section and
/// key with its one-line doc. The sections a first plan needs are filled in with realistic
/// values (so the file passes `gtm check` as written); the rest are commented out, ready to use.
package enum Template {
    /// Optional keys written with their section's required ones: uncommenting a section's
    /// block gives a plan that means something (a campaign with backers to count).
    static let starter: Set<String> = ["crowdfunding.email_list", "crowdfunding.list_conversion", "crowdfunding.reservations",
                                       "crowdfunding.reservation_conversion", "kol.budget"]

    /// Sections written as live YAML; the others are commented out. A commented line is the
    /// live line with `#` in front (no space), so removing the `#` restores its indentation.
    static let live: Set<String> = ["scenario", "product", "launch", "market", "channels", "demand", "inventory", "what_if"]

    package static func text(language: Scenario.Language) -> String {
        let zh = language == .zh
        var lines: [String] = zh ? [
            "# gtm 上市场景：复制本文件开始规划。运行 `gtm plan 本文件` 生成计划，`gtm check 本文件` 只做校验。",
            "# 每个键的含义、默认值与取值范围见 `gtm explain 键名`。以 # 开头的行是注释：",
            "# 去掉行首的 #（只去掉 # 本身）即可启用一个可选键；去掉一个小节每行的 # 即启用该小节。",
            "# 除 product 与 launch 外，其余小节都可省略。",
        ] : [
            "# A gtm launch scenario: copy this file to start a plan. `gtm plan FILE` prints the plan;",
            "# `gtm check FILE` only validates it. `gtm explain KEY` says what any key means, its",
            "# default and its bounds. Lines starting with # are comments: remove the # (only the #)",
            "# to use an optional key, or from every line of a section to use it. Only `product` and",
            "# `launch` are required.",
        ]
        for top in Schema.children(of: "") {
            lines.append("")
            let doc = zh ? top.docZh : top.doc
            switch top.shape {
            case .value:
                lines.append(comment("#\(top.key): \(top.example ?? "")", doc))
            case .section:
                let on = live.contains(top.key)
                lines.append(comment((on ? "" : "#") + "\(top.key):", doc))
                lines += keys(of: top.path, indent: "  ", live: on, zh: zh)
            case .list:
                let on = live.contains(top.key)
                lines.append(comment((on ? "" : "#") + "\(top.key):", doc))
                lines += item(of: top.path, indent: "  ", live: on, zh: zh)
            case .variants:
                lines.append(comment("what_if:", doc))
                lines.append(comment("  pessimistic:", zh ? "gtm plan 文件 --what-if pessimistic" : "gtm plan FILE --what-if pessimistic"))
                lines.append("    market.obtainable: 0.5% to 1%")
                lines.append("    channels[0].conversion: 0.6%")
            case .decisions:
                break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The keys of a section: required ones with an example value, optional ones commented out.
    static func keys(of path: String, indent: String, live: Bool, zh: Bool) -> [String] {
        var lines: [String] = []
        for field in Schema.children(of: path) {
            if zh, field.path == "scenario.language" {
                lines.append(comment("\(indent)language: zh", field.docZh))
                continue
            }
            let doc = zh ? field.docZh : field.doc
            let off = live ? "" : "#"
            switch field.shape {
            case .list:
                // SKUs are a choice, not a first plan's need: written commented out.
                let on = live && field.path != "product.skus"
                lines.append(comment("\(on ? "" : "#")\(indent)\(field.key):", doc))
                lines += item(of: field.path, indent: indent + "  ", live: on, zh: zh)
            case .section:
                // An optional section inside one (`product.repurchase`): written commented out.
                lines.append(comment("#\(indent)\(field.key):", doc))
                lines += keys(of: field.path, indent: indent + "  ", live: false, zh: zh)
            case .value:
                if field.required || starter.contains(field.path) {
                    lines.append(comment("\(off)\(indent)\(field.key): \(value(field))", doc))
                } else {
                    lines.append(comment("#\(indent)\(field.key): \(value(field))", doc))
                }
            case .decisions:
                lines.append(comment("#\(indent)\(field.key):", doc))
                lines.append("#\(indent)  inventory.service_level: 50% to 99%")
            default:
                break
            }
        }
        return lines
    }

    /// One list item: `- first: …` then its other keys lined up under the first.
    static func item(of path: String, indent: String, live: Bool, zh: Bool) -> [String] {
        let fields = Schema.children(of: path + "[]")
        var lines: [String] = []
        let off = live ? "" : "#"
        for (index, field) in fields.enumerated() {
            let doc = zh ? field.docZh : field.doc
            // A limited (early) tier takes no share: the share goes on a second, open tier.
            if path == "crowdfunding.tiers", field.key == "share" { continue }
            // A promotion takes a discount or a price: the price stays a comment even where the section is uncommented.
            if path == "promotions", field.key == "price" {
                lines.append(comment("##\(indent)  \(field.key): \(value(field))", doc))
                continue
            }
            let lead = index == 0 ? "- " : "  "
            // A promotion needs its price: the discount is written with the required keys.
            if field.required || index == 0 || field.path == "promotions[].discount" {
                lines.append(comment("\(off)\(indent)\(lead)\(field.key): \(value(field))", doc))
            } else {
                lines.append(comment("#\(indent)\(lead)\(field.key): \(value(field))", doc))
            }
        }
        if path == "product.skus" {
            lines.append(comment("#\(indent)- name: Black", zh ? "第二个 SKU：各占比合计 100%。" : "A second SKU: the shares add up to 100%."))
            lines.append(comment("#\(indent)  share: 50%", ""))
        }
        if path == "crowdfunding.tiers", let share = Schema.field("crowdfunding.tiers[].share") {
            lines.append(comment("\(off)\(indent)- name: Standard", zh ? "不限量档位。" : "An open tier."))
            lines.append(comment("\(off)\(indent)  price: 349", ""))
            lines.append(comment("#\(indent)  share: 100%", zh ? share.docZh : share.doc))
        }
        return lines
    }

    /// The example, else the default, else a placeholder of the kind.
    static func value(_ field: Field) -> String {
        if let example = field.example { return example }
        if let value = field.defaultText { return value }
        switch field.valueKind {
        case .share: return "5%"
        case .money: return "0"
        case .period: return "2 weeks"
        case .date: return "2027-09-01"
        case .choice(let options): return options[0]
        default: return "1"
        }
    }

    /// `text` with `# doc` aligned at column 40.
    static func comment(_ text: String, _ doc: String) -> String {
        guard !doc.isEmpty else { return text }
        let width = Markdown.displayWidth(text)
        let pad = String(repeating: " ", count: max(1, 40 - width))
        return text + pad + "# " + doc
    }
}

