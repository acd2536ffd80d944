/// Reads a scenario's text into a `Node` tree: a strict subset of YAML.
///
/// Block mappings and lists by indentation, plain and quoted scalars, comments.
/// Everything else YAML has (flow collections, anchors, tags, block scalars,
/// several documents) is rejected with a message of its own. The first syntax
/// error stops the read. Recursion is bounded by `Limits.depth`.
struct Parser {
    let bytes: [UInt8]
    let source: Int
    var lines: [Line]
    var index = 0
    /// Indentation of the blocks now open, outermost first, for messages.
    var openIndents: [Int] = []
    /// Indentation of the block that closed last, for messages about the line after it.
    var lastClosedIndent: Int?
    /// Duplicate keys: reported together after the read, since they do not stop it.
    var duplicates: [Diagnostic] = []

    /// Parses `bytes`, read from the source at index `source` of the run's `SourceTable`.
    /// Throws the first syntax error (or the first duplicate key).
    static func parse(_ bytes: [UInt8], source: Int) throws(Diagnostic) -> Node {
        let (root, duplicates) = try parseCollectingDuplicates(bytes, source: source)
        if let first = duplicates.first { throw first }
        return root
    }

    /// Parses `bytes`; duplicate keys do not stop the read and come back as a list.
    static func parseCollectingDuplicates(_ bytes: [UInt8], source: Int) throws(Diagnostic) -> (Node, [Diagnostic]) {
        var parser = Parser(bytes: bytes, source: source, lines: try lines(of: bytes, source: source))
        let root = try parser.document()
        return (root, parser.duplicates)
    }

    mutating func document() throws(Diagnostic) -> Node {
        guard let first = lines.first else {
            return Node(.mapping([]), at: Mark(source: source, line: 1, column: 1))
        }
        if first.indent != 0 {
            throw error("the first line is indented; top-level sections start at column 1", first,
                        hint: "remove the spaces before `\(text(first.content, min(first.end, first.content + 20)))`")
        }
        let root = try block(depth: 1, inItem: false)
        if index < lines.count {
            throw misindented(lines[index])
        }
        guard case .mapping = root.content else {
            throw Diagnostic("a scenario is a set of sections such as `product:` and `launch:`, not \(root.kindName)",
                             at: root.mark, hint: "start with `product:` on the first line")
        }
        return root
    }

    // MARK: Blocks

    /// A mapping, a list or (for a list item) a scalar starting at the current line.
    mutating func block(depth: Int, inItem: Bool) throws(Diagnostic) -> Node {
        let line = lines[index]
        guard depth <= Limits.depth else {
            throw error("nesting is deeper than \(Limits.depth) levels", line,
                        hint: "a scenario needs about 4 levels; check the indentation")
        }
        if isDash(line) {
            return try sequence(depth: depth)
        }
        if try keyOf(line) != nil {
            return try mapping(depth: depth)
        }
        if inItem {
            let node = try scalar(line, from: line.content)
            index += 1
            return node
        }
        throw error("expected `key: value`", line,
                    hint: "a value goes on the same line as its key: `name: value`")
    }

    /// Keys lined up at the current line's indentation.
    mutating func mapping(depth: Int) throws(Diagnostic) -> Node {
        let indent = lines[index].indent
        openIndents.append(indent)
        defer {
            openIndents.removeLast()
            lastClosedIndent = indent
        }
        var pairs: [Pair] = []
        var seen: [String: Int] = [:]
        let mark = self.mark(lines[index], lines[index].content)
        while index < lines.count {
            let line = lines[index]
            if line.indent < indent { break }
            if line.indent > indent { throw misindented(line) }
            if isDash(line) {
                throw error("a list item where a key was expected", line,
                            hint: "a block holds either `key: value` lines or `- item` lines, not both")
            }
            guard let key = try keyOf(line) else {
                throw error("expected `key: value`", line,
                            hint: "write `key: value`; text that continues a value belongs on the line above, in quotes")
            }
            guard pairs.count < Limits.items else {
                throw error("more than \(Limits.items) keys in one block", line, hint: "shorten the block")
            }
            let value = try value(after: key, on: line, indent: indent, depth: depth)
            if let first = seen[key.text] {
                duplicates.append(Diagnostic("duplicate key `\(key.text)` (first on line \(first))", at: key.mark,
                                             hint: "remove one of them; to try other values use `what_if:` or `--set`"))
            } else {
                seen[key.text] = line.number
                pairs.append(Pair(key: key.text, keyMark: key.mark, value: value))
            }
        }
        return Node(.mapping(pairs), at: mark)
    }

    /// The value of `key`: on the same line, an indented block below, or nothing.
    private mutating func value(after key: Key, on line: Line, indent: Int, depth: Int) throws(Diagnostic) -> Node {
        var reader = Reader(bytes, from: key.valueStart, to: line.end)
        reader.skipSpaces()
        if !reader.isAtEndOrComment {
            let node = try scalar(line, from: reader.position)
            index += 1
            if index < lines.count, lines[index].indent > indent {
                let next = lines[index]
                if let nextKey = try? keyOf(next) {
                    throw error("`\(nextKey.text)` is indented \(spaces(next.indent)), but the keys around it use \(indent)", next,
                                hint: "line it up with `\(key.text)` on line \(line.number)")
                }
                throw error("this line is indented under `\(key.text)`, which already has a value on line \(line.number)",
                            next, hint: "put the whole value on line \(line.number), in quotes if it holds special characters")
            }
            return node
        }
        index += 1
        guard index < lines.count else { return Node(.empty, at: key.mark) }
        let next = lines[index]
        if next.indent > indent {
            return try block(depth: depth + 1, inItem: false)
        }
        if next.indent == indent, isDash(next) {
            throw error("list items must be indented under `\(key.text):`", next,
                        hint: "add two spaces before `-`")
        }
        return Node(.empty, at: key.mark)
    }

    /// `- item` lines lined up at the current line's indentation.
    mutating func sequence(depth: Int) throws(Diagnostic) -> Node {
        let indent = lines[index].indent
        openIndents.append(indent)
        defer {
            openIndents.removeLast()
            lastClosedIndent = indent
        }
        var items: [Node] = []
        let mark = self.mark(lines[index], lines[index].content)
        while index < lines.count {
            let line = lines[index]
            if line.indent < indent { break }
            if line.indent > indent { throw misindented(line) }
            guard isDash(line) else {
                throw error("expected a list item `- …`; this line lines up with the list above", line,
                            hint: "indent it under the list item it belongs to, or start it with `- `")
            }
            guard items.count < Limits.items else {
                throw error("more than \(Limits.items) items in one list", line, hint: "shorten the list")
            }
            var reader = Reader(bytes, from: line.content + 1, to: line.end)
            reader.skipSpaces()
            if reader.isAtEndOrComment {
                // `-` alone: the item is the indented block below, or empty.
                index += 1
                if index < lines.count, lines[index].indent > indent {
                    items.append(try block(depth: depth + 1, inItem: true))
                } else {
                    items.append(Node(.empty, at: self.mark(line, line.content)))
                }
            } else {
                // `- content`: read the content as a block that starts at its own column.
                lines[index].content = reader.position
                items.append(try block(depth: depth + 1, inItem: true))
            }
        }
        return Node(.sequence(items), at: mark)
    }

    // MARK: Keys

    struct Key {
        var text: String
        var mark: Mark
        /// Byte offset just past the `:`.
        var valueStart: Int
    }

    /// The key of a `key: value` line, or nil when the line holds no `key:`.
    func keyOf(_ line: Line) throws(Diagnostic) -> Key? {
        var reader = Reader(bytes, from: line.content, to: line.end)
        let mark = self.mark(line, line.content)
        if let quote = reader.current, quote == .doubleQuote || quote == .singleQuote {
            var after = reader
            let text = try quoted(line, &after)
            after.skipSpaces()
            guard after.read(.colon), after.isBlank(at: 0) else { return nil }
            return Key(text: text, mark: mark, valueStart: after.position)
        }
        if reader.current == UInt8(ascii: "?"), reader.isBlank(at: 1) {
            throw error("complex keys (`? `) are not supported", line, hint: "write `key: value`")
        }
        while let byte = reader.current {
            if byte == .hash, reader.position > line.content,
               bytes[reader.position - 1] == .space || bytes[reader.position - 1] == .tab {
                return nil
            }
            if byte == .colon, reader.isBlank(at: 1) {
                var end = reader.position
                while end > line.content, bytes[end - 1] == .space || bytes[end - 1] == .tab { end -= 1 }
                guard end > line.content else {
                    throw error("a `:` with no key before it", line, hint: "write `key: value`")
                }
                try rejectIndicator(line, at: line.content)
                return Key(text: text(line.content, end), mark: mark, valueStart: reader.position + 1)
            }
            reader.advance()
        }
        return nil
    }

    // MARK: Helpers

    func isDash(_ line: Line) -> Bool {
        let reader = Reader(bytes, from: line.content, to: line.end)
        return reader.current == .dash && reader.isBlank(at: 1)
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<to], as: UTF8.self)
    }

    func mark(_ line: Line, _ offset: Int) -> Mark {
        Mark(source: source, line: line.number, column: Self.column(bytes, from: line.start, to: offset))
    }

    func error(_ message: String, _ line: Line, hint: String? = nil) -> Diagnostic {
        Diagnostic(message, at: mark(line, line.content), hint: hint)
    }

    /// "1 space", "3 spaces".
    func spaces(_ count: Int) -> String {
        count == 1 ? "1 space" : "\(count) spaces"
    }

    /// A line whose indentation matches no block that is open.
    func misindented(_ line: Line) -> Diagnostic {
        var indents = openIndents
        if let closed = lastClosedIndent, !indents.contains(closed) { indents.append(closed) }
        let levels = indents.sorted().map(String.init)
        let expected: String
        switch levels.count {
        case 0: expected = "0"
        case 1: expected = levels[0]
        default: expected = levels.dropLast().joined(separator: ", ") + " or " + (levels.last ?? "")
        }
        return error("this line is indented \(spaces(line.indent)), which matches no block above (expected \(expected))",
                     line, hint: "line it up exactly with the keys or list items it belongs with")
    }
}
