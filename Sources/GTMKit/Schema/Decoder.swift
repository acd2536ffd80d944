/// Decodes a node tree into a typed `Scenario` through the schema table.
///
/// Every problem is collected (up to `Limits.diagnostics`) so the user sees all
/// of them at once: unknown keys with "did you mean", wrong kinds, bounds,
/// missing required keys, and the checks that involve two keys.
struct ScenarioDecoder {
    var diagnostics: [Diagnostic] = []
    var inputs: [InputRecord] = []
    /// Marks of the values read, by concrete path, for checks that involve two keys.
    var marks: [String: Mark] = [:]
    var currency = "CNY"
    /// Keys an unknown key was taken for ("did you mean"): not reported again as missing.
    var suggested: Set<String> = []
    let sources: SourceTable
    let root: Node
    /// Attached data files: path as written → source index.
    var dataFiles: [String: Int] = [:]

    init(root: Node, sources: SourceTable) {
        self.root = root
        self.sources = sources
    }

    /// The typed scenario, or every error found.
    static func decode(_ root: Node, written: Node? = nil, sources: SourceTable,
                              dataFiles: [String: Int] = [:]) throws(ScenarioError) -> Scenario {
        var decoder = ScenarioDecoder(root: root, sources: sources)
        decoder.dataFiles = dataFiles
        var scenario = decoder.scenario()
        // The reference price: `product.price` as the file writes it, so that an override or a
        // variant of the price moves demand (demand.elasticity).
        if var found = scenario, found.curve.referencePrice == nil {
            var asWritten = ScenarioDecoder(root: written ?? root, sources: sources)
            // In the scenario's currency, so that `$179` in a USD file reads as it does in the file.
            asWritten.currency = decoder.currency
            let price = asWritten.section("product", in: nil).flatMap { asWritten.quantity("price", in: $0) }
            found.curve.referencePrice = price?.value ?? found.product.price.value
            found.demand?.referencePrice = found.curve.referencePrice
            scenario = found
        }
        guard let scenario, decoder.diagnostics.isEmpty else {
            let shown = decoder.sortedDiagnostics
            var error = ScenarioError(shown, sources: sources)
            error.omitted = max(0, decoder.uniqueCount - shown.count)
            throw error
        }
        return scenario
    }

    /// The first `Limits.diagnostics` errors, without repeats, in the order of the file.
    var sortedDiagnostics: [Diagnostic] {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }.sorted { $0.mark < $1.mark }
        return Array(unique.prefix(Limits.diagnostics))
    }

    /// Errors found, without repeats.
    var uniqueCount: Int { Set(diagnostics).count }

    mutating func report(_ message: String, at mark: Mark, hint: String? = nil) {
        diagnostics.append(Diagnostic(message, at: mark, hint: hint))
    }

    // MARK: Sections

    /// A mapping being decoded: its schema path, its concrete path and its node.
    struct Section {
        /// `crowdfunding.tiers[]`
        var path: String
        /// `crowdfunding.tiers[1]` (or `crowdfunding.tiers[Early bird]`), for messages and input records.
        var display: String
        var node: Node
        /// Where the section starts: its key, or a list item's first key.
        var mark: Mark
        /// A section the file leaves out, read for its defaults (not listed among the inputs).
        var isAbsent = false

        /// A section the file leaves out: every key reads as its schema default.
        static func absent(_ path: String) -> Section {
            Section(path: path, display: path, node: Node(.mapping([]), at: Mark(line: 0, column: 0)),
                    mark: Mark(line: 0, column: 0), isAbsent: true)
        }
    }

    /// The section `key` of `parent` (nil for the top level), checked against the
    /// schema; nil when absent or not a mapping.
    mutating func section(_ key: String, in parent: Section?) -> Section? {
        let path = parent.map { "\($0.path).\(key)" } ?? key
        let display = parent.map { "\($0.display).\(key)" } ?? key
        guard let pair = (parent?.node ?? root).pairs?.first(where: { $0.key == key }) else {
            if let parent, Schema.field(path)?.required == true, !suggested.contains(display) {
                report("`\(parent.display)` is missing the section `\(key)`", at: parent.mark,
                       hint: "add `\(key):` with its keys indented below; see `gtm explain \(path)`")
            }
            return nil
        }
        // `demand:` with nothing below it: the section is there, with every default.
        if case .empty = pair.value.content {
            return Section(path: path, display: display, node: Node(.mapping([]), at: pair.keyMark), mark: pair.keyMark)
        }
        guard case .mapping = pair.value.content else {
            report("`\(display)` is a section; put its keys on the lines below it, indented", at: pair.value.mark,
                   hint: "e.g. `\(key):` then `  \(Schema.children(of: path).first?.key ?? "name"): …`")
            return nil
        }
        let section = Section(path: path, display: display, node: pair.value, mark: pair.keyMark)
        checkKeys(of: section)
        return section
    }

    /// The items of the list `key` of `section`, each checked against the schema.
    mutating func list(_ key: String, in parent: Section?) -> [Section]? {
        let path = parent.map { "\($0.path).\(key)" } ?? key
        let display = parent.map { "\($0.display).\(key)" } ?? key
        guard let pair = (parent?.node ?? root).pairs?.first(where: { $0.key == key }) else {
            if let parent, Schema.field(path)?.required == true, !suggested.contains(display) {
                report("`\(parent.display)` is missing the list `\(key)`", at: parent.mark,
                       hint: "add `\(key):` with one `- name: …` item per line below it")
            }
            return nil
        }
        if case .empty = pair.value.content { return [] }
        guard let items = pair.value.items else {
            report("`\(display)` is a list; write one `- item` per line below it, indented", at: pair.value.mark,
                   hint: "see `gtm explain \(path)`")
            return nil
        }
        var sections: [Section] = []
        var names: [String: Int] = [:]
        let itemKey: String
        if case .list(let key) = Schema.field(path)?.shape { itemKey = key } else { itemKey = "name" }
        for (index, item) in items.enumerated() {
            guard case .mapping = item.content else {
                report("each item of `\(display)` is a set of keys starting with `- \(itemKey): …`", at: item.mark,
                       hint: "write `- \(itemKey): …` and the item's other keys lined up below it")
                continue
            }
            let name = item[itemKey]?.scalar
            let selector = name.flatMap { $0.isEmpty || $0.contains(where: { "[].".contains($0) }) ? nil : $0 }
            let section = Section(path: "\(path)[]", display: "\(display)[\(selector ?? String(index))]", node: item,
                                  mark: item.mark)
            checkKeys(of: section)
            if let name, let nameMark = item[itemKey]?.mark {
                if let first = names[name] {
                    report("two items of `\(display)` are named `\(name)` (the first on line \(first))", at: nameMark,
                           hint: "give each item its own \(itemKey), so that `--set \(display)[\(name)]…` can pick it")
                } else {
                    names[name] = nameMark.line
                }
            }
            sections.append(section)
        }
        return sections
    }

    /// Reports keys the schema does not know, with the nearest known one.
    mutating func checkKeys(of section: Section) {
        guard let pairs = section.node.pairs else { return }
        let known = Schema.children(of: section.path)
        for pair in pairs where !known.contains(where: { $0.key == pair.key }) {
            let names = known.map(\.key)
            if let guess = Suggestion.closest(to: pair.key, in: names) {
                report("unknown key `\(pair.key)` in `\(section.display)`", at: pair.keyMark, hint: "did you mean `\(guess)`?")
                suggested.insert("\(section.display).\(guess)")
            } else if let home = Schema.fields.first(where: { $0.key == pair.key && $0.parent != section.path }) {
                let elsewhere = home.parent.isEmpty ? "`\(pair.key)` is a section of its own, at the top level"
                    : "`\(pair.key)` is a key of `\(home.parent.replacingBrackets)`"
                report("`\(pair.key)` is not a key of `\(section.display)`", at: pair.keyMark,
                       hint: "\(elsewhere); the keys of `\(section.display)` are: \(names.joined(separator: ", "))")
            } else {
                report("unknown key `\(pair.key)` in `\(section.display)`", at: pair.keyMark,
                       hint: "the keys of `\(section.display)` are: \(names.joined(separator: ", "))")
            }
        }
    }

    /// Reports top-level sections the schema does not know.
    mutating func checkTopLevel() {
        guard let pairs = root.pairs else { return }
        let known = Schema.children(of: "").map(\.key)
        for pair in pairs where !known.contains(pair.key) {
            if let guess = Suggestion.closest(to: pair.key, in: known) {
                report("unknown section `\(pair.key)`", at: pair.keyMark, hint: "did you mean `\(guess)`?")
            } else if let home = Schema.fields.first(where: { $0.key == pair.key }) {
                report("`\(pair.key)` is not a section", at: pair.keyMark,
                       hint: "it is a key of `\(home.parent.replacingBrackets)`; indent it under that section")
            } else {
                report("unknown section `\(pair.key)`", at: pair.keyMark,
                       hint: "the sections are: \(known.joined(separator: ", "))")
            }
        }
    }

    // MARK: Values

    /// The typed value of `key` in `section`: parsed from the file, or the default,
    /// or nil (reporting a missing required key).
    mutating func value(_ key: String, in section: Section) -> Value? {
        let path = "\(section.path).\(key)"
        guard let field = Schema.field(path), case .value(let kind) = field.shape else {
            preconditionFailure("the decoder reads \(path), which the schema lacks")
        }
        let display = "\(section.display).\(key)"
        let parser = ValueParser(key: key, kind: kind, bounds: field.bounds,
                                 allowsUncertainty: field.uncertain, currency: currency)
        guard let pair = section.node.pairs?.first(where: { $0.key == key }) else {
            if field.required {
                if !suggested.contains(display) {
                    report("`\(section.display)` is missing `\(key)`", at: section.mark,
                           hint: "add `\(key):` to `\(section.display)`: \(field.doc.sentenceFragment); see `gtm explain \(path.replacingBrackets)`")
                }
                return nil
            }
            guard let text = field.defaultText else { return nil }
            guard let value = try? parser.parse(text) else {
                preconditionFailure("the default of \(path) does not parse: \(text)")
            }
            if !section.isAbsent {
                inputs.append(InputRecord(path: display, text: text, origin: .defaulted, isUncertain: false, mark: nil))
            }
            return value
        }
        let node = pair.value
        switch node.content {
        case .scalar(let text):
            do {
                let value = try parser.parse(text)
                marks[display] = node.mark
                let origin: InputRecord.Origin = node.origin.map { .override($0) }
                    ?? .file(name: sources[node.mark.source]?.name ?? "", line: node.mark.line)
                var uncertain = false
                if case .quantity(let quantity) = value { uncertain = quantity.isUncertain }
                inputs.append(InputRecord(path: display, text: text, origin: origin, isUncertain: uncertain, mark: node.mark))
                return value
            } catch {
                var mark = node.mark
                mark.column += error.offset + (node.quoted ? 1 : 0)
                report(error.message, at: mark, hint: error.hint)
                return nil
            }
        case .empty:
            report("`\(key)` has no value", at: pair.keyMark, hint: parser.example)
        case .mapping, .sequence:
            report("`\(key)` takes a single value, not \(node.kindName)", at: node.mark,
                   hint: "write `\(key): value` on one line; \(parser.example)")
        }
        return nil
    }

    mutating func quantity(_ key: String, in section: Section) -> Quantity? {
        if case .quantity(let quantity) = value(key, in: section) { return quantity }
        return nil
    }

    mutating func integer(_ key: String, in section: Section) -> Int? {
        quantity(key, in: section).map { Int($0.value) }
    }

    mutating func period(_ key: String, in section: Section) -> Period? {
        if case .period(let period) = value(key, in: section) { return period }
        return nil
    }

    mutating func date(_ key: String, in section: Section) -> CivilDate? {
        if case .date(let date) = value(key, in: section) { return date }
        return nil
    }

    mutating func text(_ key: String, in section: Section) -> String? {
        if case .text(let text) = value(key, in: section) { return text }
        return nil
    }

    mutating func boolean(_ key: String, in section: Section) -> Bool? {
        if case .boolean(let flag) = value(key, in: section) { return flag }
        return nil
    }
}

extension String {
    /// `crowdfunding.tiers[]` → `crowdfunding.tiers`, for messages.
    var replacingBrackets: String {
        var text = self
        while let range = text.firstRange(of: "[]") { text.removeSubrange(range) }
        return text
    }

    /// A one-line doc inside a sentence: first letter lowercased, final full stop dropped.
    var sentenceFragment: String {
        guard let first else { return self }
        var text = first.lowercased() + dropFirst()
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
