/// One change to an input, applied to the node tree before decoding, so that it
/// gets the file's own typing and errors (`--set`, `what_if` variants).
public struct Override: Sendable {
    public var path: OverridePath
    /// The new value, with its own mark (in a `--set` argument or the variant's line).
    public var value: Node
    /// Where the override comes from, for the inputs table: `--set`, `what_if pessimistic`.
    public var origin: String

    public init(path: OverridePath, value: Node, origin: String) {
        self.path = path
        self.value = value
        self.origin = origin
    }

    /// Puts the value in place in `root`, creating absent sections on the way.
    /// List items must exist; they are picked by position or by name.
    public func apply(to root: inout Node) throws(Diagnostic) {
        var value = self.value
        value.origin = origin
        try Self.set(value, at: path.components[...], in: &root, path: path, done: "")
    }

    private static func set(_ value: Node, at components: ArraySlice<OverridePath.Component>, in node: inout Node,
                            path: OverridePath, done: String) throws(Diagnostic) {
        guard let first = components.first else {
            node = value
            return
        }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            var pairs = node.pairs ?? []
            let here = done.isEmpty ? key : "\(done).\(key)"
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if !rest.isEmpty, case .empty = pairs[index].value.content {
                    pairs[index].value = Node(.mapping([]), at: value.mark)
                }
                try set(value, at: rest, in: &pairs[index].value, path: path, done: here)
            } else {
                if case .index = rest.first {
                    throw missingItem(here, path: path, value: value, count: 0)
                }
                if case .named = rest.first {
                    throw missingItem(here, path: path, value: value, count: 0)
                }
                var child = Node(.mapping([]), at: value.mark)
                try set(value, at: rest, in: &child, path: path, done: here)
                pairs.append(Pair(key: key, keyMark: value.mark, value: child))
            }
            node.content = .mapping(pairs)
        case .index(let position):
            guard var items = node.items, items.indices.contains(position) else {
                throw missingItem(done, path: path, value: value, count: node.items?.count ?? 0)
            }
            try set(value, at: rest, in: &items[position], path: path, done: "\(done)[\(position)]")
            node.content = .sequence(items)
        case .named(let name):
            let itemKey: String
            if case .list(let key) = Schema.field(Schema.schemaPath(done))?.shape { itemKey = key } else { itemKey = "name" }
            guard var items = node.items,
                  let position = items.firstIndex(where: { $0[itemKey]?.scalar == name }) else {
                let names = (node.items ?? []).compactMap { $0[itemKey]?.scalar }
                let guess = Suggestion.closest(to: name, in: names).map { "did you mean `\($0)`? " } ?? ""
                throw Diagnostic("`\(done)` has no item with \(itemKey) `\(name)`", at: value.mark,
                                 hint: names.isEmpty ? "the scenario has no `\(done)` items to change"
                                     : "\(guess)the \(itemKey)s are: \(names.joined(separator: ", "))")
            }
            try set(value, at: rest, in: &items[position], path: path, done: "\(done)[\(name)]")
            node.content = .sequence(items)
        }
    }

    private static func missingItem(_ list: String, path: OverridePath, value: Node, count: Int) -> Diagnostic {
        Diagnostic("`\(path)` names an item `\(list)` does not have (it has \(count) item\(count == 1 ? "" : "s"))",
                   at: value.mark,
                   hint: count == 0 ? "overrides change existing list items; add the item to the file"
                       : "positions run from 0 to \(count - 1)")
    }
}

/// The `what_if` variants of a scenario's node tree.
public enum Variants {
    /// The overrides of variant `name`, or nil when there is no such variant.
    public static func overrides(_ name: String, in root: Node) throws(Diagnostic) -> [Override]? {
        guard let variant = root["what_if"]?.pairs?.first(where: { $0.key == name }) else { return nil }
        var overrides: [Override] = []
        for pair in variant.value.pairs ?? [] {
            let path = try OverridePath(pair.key, at: pair.keyMark)
            overrides.append(Override(path: path, value: pair.value, origin: "what_if \(name)"))
        }
        return overrides
    }

    /// The variant names, in file order.
    public static func names(in root: Node) -> [String] {
        root["what_if"]?.pairs?.map(\.key) ?? []
    }
}
