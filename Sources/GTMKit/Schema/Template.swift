/// The starter scenario `gtm init` writes, generated from the schema table: every section and
/// key with its one-line doc. The sections a first plan needs are filled in with realistic
/// values (so the file passes `gtm check` as written); the rest are commented out, ready to use.
public enum Template {
    /// Sections written as live YAML; the others are commented out.
    static let live: Set<String> = ["scenario", "product", "launch", "market", "channels", "demand", "inventory", "what_if"]

    public static func text(language: Scenario.Language) -> String {
        let zh = language == .zh
        var lines: [String] = zh ? [
            "# gtm 上市场景：复制本文件开始规划。运行 `gtm plan 本文件` 生成计划，`gtm check 本文件` 只做校验。",
            "# 每个键的含义、默认值与取值范围见 `gtm explain 键名`。以 # 开头的行是注释：",
            "# 去掉行首的 # 即可启用一个可选键或一个小节。除 product 与 launch 外，其余小节都可省略。",
        ] : [
            "# A gtm launch scenario: copy this file to start a plan. `gtm plan FILE` prints the plan;",
            "# `gtm check FILE` only validates it. `gtm explain KEY` says what any key means, its",
            "# default and its bounds. Lines starting with # are comments: remove the # to use an",
            "# optional key or a whole section. Only `product` and `launch` are required.",
        ]
        for top in Schema.children(of: "") {
            lines.append("")
            let doc = zh ? top.docZh : top.doc
            switch top.shape {
            case .value:
                lines.append(comment("# \(top.key): \(top.example ?? "")", doc))
            case .section:
                let on = live.contains(top.key)
                lines.append(comment((on ? "" : "# ") + "\(top.key):", doc))
                lines += keys(of: top.path, indent: "  ", live: on, zh: zh)
            case .list:
                let on = live.contains(top.key)
                lines.append(comment((on ? "" : "# ") + "\(top.key):", doc))
                lines += item(of: top.path, indent: "  ", live: on, zh: zh)
            case .variants:
                lines.append(comment("what_if:", doc))
                lines.append(comment("  pessimistic:", zh ? "gtm plan 文件 --what-if pessimistic" : "gtm plan FILE --what-if pessimistic"))
                lines.append("    market.obtainable: 0.5% to 1%")
                lines.append("    channels[0].conversion: 0.6%")
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
            let off = live ? "" : "# "
            switch field.shape {
            case .list:
                lines.append(comment("\(off)\(indent)\(field.key):", doc))
                lines += item(of: field.path, indent: indent + "  ", live: live, zh: zh)
            case .value:
                if field.required {
                    lines.append(comment("\(off)\(indent)\(field.key): \(value(field))", doc))
                } else {
                    lines.append(comment("# \(indent)\(field.key): \(value(field))", doc))
                }
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
        let off = live ? "" : "# "
        for (index, field) in fields.enumerated() {
            let doc = zh ? field.docZh : field.doc
            let lead = index == 0 ? "- " : "  "
            if field.required || index == 0 {
                lines.append(comment("\(off)\(indent)\(lead)\(field.key): \(value(field))", doc))
            } else {
                lines.append(comment("# \(indent)\(lead)\(field.key): \(value(field))", doc))
            }
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
        let width = Markdown.displayWidth(text)
        let pad = String(repeating: " ", count: max(1, 40 - width))
        return text + pad + "# " + doc
    }
}

