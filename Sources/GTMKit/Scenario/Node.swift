/// What the reader makes of a scenario: a tree of strings with their places.
///
/// Types come later, from the schema; a node never guesses that `no` is a boolean.
package struct Node: Sendable {
    enum Content: Sendable {
        /// A plain or quoted value, unescaped.
        case scalar(String)
        /// Keys in file order. Keys are unique (the reader rejects duplicates).
        case mapping([Pair])
        case sequence([Node])
        /// `key:` with nothing after it and no indented block.
        case empty
    }

    var content: Content
    var mark: Mark
    /// True when the value was written in quotes.
    var quoted: Bool
    /// Set on values put in place by `--set` or a `what_if` variant: which one.
    var origin: String?

    init(_ content: Content, at mark: Mark, quoted: Bool = false, origin: String? = nil) {
        self.content = content
        self.mark = mark
        self.quoted = quoted
        self.origin = origin
    }

    /// The scalar text, or nil for a mapping, list or empty value.
    var scalar: String? {
        if case .scalar(let text) = content { return text }
        return nil
    }

    package var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var items: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value under `key` in a mapping.
    subscript(key: String) -> Node? {
        pairs?.first { $0.key == key }?.value
    }

    /// How the node is spoken of in a message: "a list", "a value"…
    var kindName: String {
        switch content {
        case .scalar: return "a value"
        case .mapping: return "a set of keys"
        case .sequence: return "a list"
        case .empty: return "nothing"
        }
    }
}

/// One `key: value` of a mapping.
package struct Pair: Sendable {
    var key: String
    var keyMark: Mark
    var value: Node

    init(key: String, keyMark: Mark, value: Node) {
        self.key = key
        self.keyMark = keyMark
        self.value = value
    }
}
