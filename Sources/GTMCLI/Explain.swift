import GTMKit

/// `gtm explain`: the key reference, from the schema table.
enum Explain {
    /// Every section and key, one line each.
    static func list() -> String {
        var lines = ["Sections and keys of a scenario (R = required when its section is present).",
                     "Run 'gtm explain KEY' for one key in full.", ""]
        let width = Schema.fields.map { indentation($0).count + displayKey($0).count }.max() ?? 0
        for field in Schema.fields {
            let head = indentation(field) + displayKey(field)
            let kind = field.kindName.padding(to: 12)
            let required = field.required ? "R " : "  "
            lines.append(head.padding(to: width) + "  " + required + kind + " " + field.doc)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The key reference as Markdown: a table per section, as the Key reference article shows it.
    static func markdownReference() -> String {
        var parts: [String] = []
        for top in Schema.children(of: "") {
            var part = "#### `\(top.key)`" + (top.required ? " (required)" : "") + "\n\n" + top.doc
            let children: [Field]
            switch top.shape {
            case .section: children = Schema.fields.filter { $0.path.hasPrefix(top.path + ".") }
            case .list: children = Schema.fields.filter { $0.path.hasPrefix(top.path + "[].") }
            default: children = []
            }
            if !children.isEmpty {
                var rows = ["| Key | Kind | Default | Meaning |", "|---|---|---|---|"]
                for field in children {
                    // `channels[].name` → `name`; `crowdfunding.tiers[].price` → `tiers[].price`.
                    let key = field.path.dropFirst(top.path.count)
                    let name = key.hasPrefix("[].") ? String(key.dropFirst(3)) : String(key.dropFirst(1))
                    var kind = field.kindName
                    if let bounds = field.boundsDescription, !["0 or more", "0–100%"].contains(bounds) { kind += ", " + bounds }
                    if field.uncertain { kind += ", may be uncertain" }
                    let required = field.required ? " **R**" : ""
                    let meaning = field.doc.replacingOccurrences("|", with: "\\|")
                    kind = kind.replacingOccurrences("|", with: "\\|")
                    rows.append("| `\(name)`\(required) | \(kind) | \(field.defaultDescription ?? "") | \(meaning) |")
                }
                part += "\n\n" + rows.joined(separator: "\n")
            }
            parts.append(part)
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// One key in full, or nil when `key` names none.
    static func key(_ key: String) -> String? {
        let path = normalise(key)
        guard let field = Schema.field(path) else { return nil }
        var lines = [displayPath(field.path) + " (" + field.kindName + ")", "  " + field.doc]
        if field.required {
            let parent = displayPath(field.parent)
            lines.append("  Required" + (parent.isEmpty ? "" : " when `\(parent)` is present") + ".")
        }
        if let value = field.defaultDescription { lines.append("  Default: \(value)") }
        if let bounds = field.boundsDescription { lines.append("  Bounds: \(bounds)") }
        if field.uncertain {
            lines.append("""
                  Uncertain forms allowed: `a to b` (a 90% interval), normal(m, sd), lognormal(a, b), uniform(a, b), triangular(min, mode, max), \
                pert(min, mode, max).
                """)
        }
        switch field.shape {
        case .section, .list:
            let children = Schema.children(of: field.path + (field.kindName == "list" ? "[]" : ""))
            lines.append("  Keys: " + children.map { $0.key + ($0.required ? " (R)" : "") }.joined(separator: ", "))
        case .value(let kind):
            lines.append("  Example: \(field.key): \(example(kind, field: field))")
        case .variants:
            lines.append("  Example:\n    what_if:\n      pessimistic:\n        market.obtainable: 1%")
        case .decisions:
            lines.append("  Example:\n    optimize:\n      free:\n        ads[Meta].budget: 0 to 80k\n        crowdfunding.run: yes or no")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Keys that are close to `key`, for "did you mean".
    static func suggestion(for key: String) -> String? {
        Suggestion.closest(to: normalise(key), in: Schema.fields.map(\.path)).map(displayPath)
    }

    /// `crowdfunding.tiers.price`, `crowdfunding.tiers[0].price` → `crowdfunding.tiers[].price`.
    static func normalise(_ key: String) -> String {
        let schema = Schema.schemaPath(key)
        if Schema.field(schema) != nil { return schema }
        // Insert `[]` after list names written without brackets.
        var path = ""
        for part in schema.split(separator: ".") {
            path += path.isEmpty ? String(part) : "." + part
            if case .list = Schema.field(path)?.shape { path += "[]" }
        }
        return path.hasSuffix("[]") && Schema.field(path) == nil ? String(path.dropLast(2)) : path
    }

    static func displayPath(_ path: String) -> String {
        path.replacingOccurrences("[]", with: "[]")
    }

    private static func displayKey(_ field: Field) -> String {
        field.key.replacingOccurrences("[]", with: "")
    }

    private static func indentation(_ field: Field) -> String {
        String(repeating: "  ", count: field.path.split(separator: ".").count - 1)
    }

    private static func example(_ kind: ValueKind, field: Field) -> String {
        // The schema's example (as `gtm init` writes it), else the default, else one of the kind.
        if let value = field.example ?? field.defaultText { return value }
        switch kind {
        case .count: return "12k"
        case .integer: return "500"
        case .number: return "0.5"
        case .share: return "5%"
        case .money: return "399"
        case .period: return "6 weeks"
        case .date: return "2027-03-15"
        case .boolean: return "yes"
        case .text: return field.key == "include" ? "shared.txt" : "Aurora"
        case .choice(let options): return options[0]
        }
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
