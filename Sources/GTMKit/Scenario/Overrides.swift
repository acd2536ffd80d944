/// One change to an input, applied to the node tree before decoding, so that it
/// gets the file's own typing and errors (`--set`, `what_if` variants).
package struct Override: Sendable {
    var path: OverridePath
    /// The new value, with its own mark (in a `--set` argument or the variant's line).
    var value: Node
    /// Where the override comes from, for the inputs table: `--set`, `what_if pessimistic`.
    var origin: String

    init(path: OverridePath, value: Node, origin: String) {
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// Puts the value in place in `root`, creating absent sections on the way.
    /// List items must exist; they are picked by position or by name.
    func apply(to root: inout Node) throws(Diagnostic) {
        var names: [String: [String: Int]] = [:]
        try apply(to: &root, names: &names)
    }

    /// Applies `overrides` in order (a variant): one index of each list's item names serves them
    /// all, and each change is made in place, so a variant of many overrides by name costs time
    /// in proportion to its overrides, not to overrides × items.
    static func apply(_ overrides: [Override], to root: inout Node) throws(Diagnostic) {
        var names: [String: [String: Int]] = [:]
        for override in overrides { try override.apply(to: &root, names: &names) }
    }

    /// `names`: for each list (by its concrete path), the position of the first item of each name.
    private func apply(to root: inout Node, names: inout [String: [String: Int]]) throws(Diagnostic) {
        var value = self.value
        value.origin = origin
        try Self.set(value, at: Array(path.components.indices)[...], in: &root, path: path, done: "", origin: origin, names: &names)
    }

    /// Sets `value` at the components `steps` (indices into `path.components`) below `node`.
    /// Each level's array is taken out of its node while it changes, so it is changed in place.
    private static func set(_ value: Node, at steps: ArraySlice<Int>, in node: inout Node,
                            path: OverridePath, done: String, origin: String,
                            names: inout [String: [String: Int]]) throws(Diagnostic) {
        guard let step = steps.first else {
            node = value
            return
        }
        let rest = steps.dropFirst()
        let mark = path.marks[step]
        switch path.components[step] {
        case .key(let key):
            var pairs: [Pair] = []
            if case .mapping(let existing) = node.content { pairs = existing }
            let content = node.content
            node.content = .empty
            let here = done.isEmpty ? key : "\(done).\(key)"
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if !rest.isEmpty, case .empty = pairs[index].value.content {
                    pairs[index].value = Node(.mapping([]), at: value.mark)
                }
                do {
                    try set(value, at: rest, in: &pairs[index].value, path: path, done: here, origin: origin, names: &names)
                } catch {
                    node.content = content
                    throw error
                }
            } else {
                node.content = content
                if let nextStep = rest.first {
                    switch path.components[nextStep] {
                    case .index, .named: throw missingItem(here, path: path, at: path.marks[nextStep], count: 0)
                    case .key: break
                    }
                }
                let schemaHere = Schema.schemaPath(here)
                if let nextStep = rest.first, case .key(let nextKey) = path.components[nextStep],
                   case .section = Schema.field(schemaHere)?.shape {
                    let required = Schema.children(of: schemaHere).filter { $0.required && $0.key != nextKey }.map(\.key)
                    if !required.isEmpty {
                        throw Diagnostic("\(origin.describedAsOverride) sets `\(path)`, but the scenario has no `\(here)` section",
                                         at: mark,
                                         hint: """
                                             add `\(here):` to the file with \(required.map { "`\($0)`" }.naturalList); an override changes inputs, \
                                             it does not add sections
                                             """)
                    }
                }
                var child = Node(.mapping([]), at: value.mark)
                try set(value, at: rest, in: &child, path: path, done: here, origin: origin, names: &names)
                if case .mapping(let existing) = node.content { pairs = existing }
                node.content = .empty
                pairs.append(Pair(key: key, keyMark: value.mark, value: child))
            }
            node.content = .mapping(pairs)
        case .index(let position):
            guard case .sequence(var items) = node.content, items.indices.contains(position) else {
                throw missingItem(done, path: path, at: mark, count: node.items?.count ?? 0)
            }
            node.content = .empty
            defer { node.content = .sequence(items) }
            try set(value, at: rest, in: &items[position], path: path, done: "\(done)[\(position)]", origin: origin, names: &names)
        case .named(let name):
            let itemKey: String
            if case .list(let key) = Schema.field(Schema.schemaPath(done))?.shape { itemKey = key } else { itemKey = "name" }
            guard case .sequence(var items) = node.content else {
                throw Diagnostic("`\(done)` has no item with \(itemKey) `\(name)`", at: mark, hint: "the scenario has no `\(done)` items to change")
            }
            if names[done] == nil {
                var index: [String: Int] = [:]
                for (position, item) in items.enumerated() {
                    if let text = item[itemKey]?.scalar, index[text] == nil { index[text] = position }
                }
                names[done] = index
            }
            guard let position = names[done]?[name] else {
                let known = items.compactMap { $0[itemKey]?.scalar }
                let guess = Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`? " } ?? ""
                throw Diagnostic("`\(done)` has no item with \(itemKey) `\(name)`", at: mark,
                                 hint: known.isEmpty ? "the scenario has no `\(done)` items to change"
                                     : "\(guess)the \(itemKey)s are: \(known.prefix(20).joined(separator: ", "))\(known.count > 20 ? "…" : "")")
            }
            // A change to an item's name makes the index stale.
            if let nextStep = rest.first, case .key(itemKey) = path.components[nextStep] { names[done] = nil }
            node.content = .empty
            defer { node.content = .sequence(items) }
            try set(value, at: rest, in: &items[position], path: path, done: "\(done)[\(name)]", origin: origin, names: &names)
        }
    }

    private static func missingItem(_ list: String, path: OverridePath, at mark: Mark, count: Int) -> Diagnostic {
        Diagnostic("`\(path)` names an item `\(list)` does not have (it has \(count) item\(count == 1 ? "" : "s"))",
                   at: mark,
                   hint: count == 0 ? "overrides change existing list items; add the item to the file"
                       : "positions run from 0 to \(count - 1)")
    }
}

extension Array where Element == String {
    /// "a", "a and b", "a, b and c".
    var naturalList: String {
        count <= 2 ? joined(separator: " and ") : dropLast().joined(separator: ", ") + " and " + (last ?? "")
    }
}

extension String {
    /// `--set` → "`--set`"; `what_if pessimistic` → "the variant `pessimistic`".
    var describedAsOverride: String {
        hasPrefix("what_if ") ? "the variant `\(dropFirst(8))`" : "`\(self)`"
    }
}

/// The `what_if` variants of a scenario's node tree.
enum Variants {
    /// The overrides of variant `name`, or nil when there is no such variant.
    static func overrides(_ name: String, in root: Node) throws(Diagnostic) -> [Override]? {
        guard let variant = root["what_if"]?.pairs?.first(where: { $0.key == name }) else { return nil }
        return try overrides(in: variant.value, name: name)
    }

    /// The overrides of one variant's mapping.
    static func overrides(in variant: Node, name: String) throws(Diagnostic) -> [Override] {
        var overrides: [Override] = []
        for pair in variant.pairs ?? [] {
            let path = try OverridePath(pair.key, at: pair.keyMark)
            overrides.append(Override(path: path, value: pair.value, origin: "what_if \(name)"))
        }
        return overrides
    }

    /// The variant names, in file order.
    static func names(in root: Node) -> [String] {
        root["what_if"]?.pairs?.map(\.key) ?? []
    }
}
