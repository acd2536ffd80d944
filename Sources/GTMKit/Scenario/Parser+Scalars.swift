/// Scalars: plain values, `"double"` and `'single'` quoted values, and the
/// YAML indicators a plain value may not start with.
extension Parser {
    /// An override's value read by the file's own grammar: `argument` is one `PATH=VALUE` line
    /// and the value starts at byte `offset` (after the `=`). Quotes, a trailing comment, the
    /// indicators a plain value may not start with (`*alias`, `[a, b]`, `&`, `!`, `|`), a `: `
    /// inside a plain value, the line limit and UTF-8 are checked as in a scenario file, so
    /// `--set` and a `what_if` variant accept exactly what the file does.
    static func overrideValue(_ argument: [UInt8], from offset: Int, source: Int) throws(Diagnostic) -> Node {
        let lines = try lines(of: argument, source: source)
        guard lines.count <= 1, let line = lines.first else {
            let mark = Mark(source: source, line: 1, column: 1)
            if lines.isEmpty { return Node(.scalar(""), at: mark) }
            throw Diagnostic("an override is one line", at: Mark(source: source, line: 2, column: 1),
                             hint: "give one PATH=VALUE per --set")
        }
        let parser = Parser(bytes: argument, source: source, lines: lines)
        var start = max(offset, line.content)
        while start < line.end, argument[start] == .space { start += 1 }
        return try parser.scalar(line, from: min(start, line.end))
    }

    /// The value starting at byte `offset` of `line`, up to a comment or the end of the line.
    func scalar(_ line: Line, from offset: Int) throws(Diagnostic) -> Node {
        var reader = Reader(bytes, from: offset, to: line.end)
        let mark = self.mark(line, offset)
        if let quote = reader.current, quote == .doubleQuote || quote == .singleQuote {
            let text = try quoted(line, &reader)
            reader.skipSpaces()
            guard reader.isAtEndOrComment else {
                throw Diagnostic("text after the closing quote", at: self.mark(line, reader.position),
                                 hint: "put the whole value inside the quotes, or start a comment with ` #`")
            }
            return Node(.scalar(text), at: mark, quoted: true)
        }
        try rejectIndicator(line, at: offset)
        while let byte = reader.current {
            if byte == .hash, bytes[reader.position - 1] == .space || bytes[reader.position - 1] == .tab { break }
            reader.advance()
        }
        var end = reader.position
        while end > offset, bytes[end - 1] == .space || bytes[end - 1] == .tab { end -= 1 }
        var scan = Reader(bytes, from: offset, to: end)
        while let byte = scan.current {
            if byte == .colon, scan.isBlank(at: 1) {
                throw Diagnostic("a `:` followed by a space inside a value", at: self.mark(line, scan.position),
                                 hint: "put the value in quotes: \"\(text(offset, end))\"")
            }
            scan.advance()
        }
        return Node(.scalar(text(offset, end)), at: mark)
    }

    /// Throws when the text at `offset` starts with a YAML feature gtm does not read.
    func rejectIndicator(_ line: Line, at offset: Int) throws(Diagnostic) {
        let reader = Reader(bytes, from: offset, to: line.end)
        guard let byte = reader.current else { return }
        let mark = self.mark(line, offset)
        let problem: (String, String)?
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "}"):
            problem = ("flow mappings (`{…}`) are not supported",
                       "write one `key: value` per line, indented under the key")
        case UInt8(ascii: "["), UInt8(ascii: "]"):
            problem = ("flow lists (`[…]`) are not supported",
                       "write one `- item` per line, indented under the key")
        case UInt8(ascii: "&"):
            problem = ("anchors (`&name`) are not supported",
                       "repeat the value where it is needed, or share it through `include:`")
        case UInt8(ascii: "*"):
            problem = ("aliases (`*name`) are not supported",
                       "repeat the value where it is needed, or share it through `include:`")
        case UInt8(ascii: "!"):
            problem = ("tags (`!tag`) are not supported",
                       "remove the tag: each key's type comes from the schema (see `gtm explain KEY`)")
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            problem = ("block scalars (`|` and `>`) are not supported",
                       "write the text on one line, in quotes if it holds special characters")
        case UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "%"), UInt8(ascii: ","):
            let character = String(decoding: [byte], as: UTF8.self)
            problem = ("a plain value cannot start with `\(character)` in YAML",
                       "put the value in quotes: \"\(text(offset, line.end))\"")
        case .dash where reader.isBlank(at: 1):
            problem = ("a list cannot start on the same line as its key",
                       "put each `- item` on a line of its own, indented under the key")
        case UInt8(ascii: "?") where reader.isBlank(at: 1):
            problem = ("complex keys (`? `) are not supported", "write `key: value`")
        default:
            problem = nil
        }
        if let (message, hint) = problem {
            throw Diagnostic(message, at: mark, hint: hint)
        }
    }

    /// Reads a quoted value at the reader, which must sit on the opening quote,
    /// and leaves the reader after the closing quote.
    func quoted(_ line: Line, _ reader: inout Reader) throws(Diagnostic) -> String {
        let open = reader.current ?? .doubleQuote
        let mark = self.mark(line, reader.position)
        let quote = open == .doubleQuote ? "\"" : "'"
        let unterminated = Diagnostic("this quoted value has no closing \(quote)", at: mark,
                                      hint: "quoted values end on the line they start on; add the closing \(quote)")
        reader.advance()
        var out: [UInt8] = []
        if open == .singleQuote {
            while true {
                guard let byte = reader.current else { throw unterminated }
                reader.advance()
                if byte == .singleQuote {
                    guard reader.read(.singleQuote) else { break }
                }
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
        while true {
            guard let byte = reader.current else { throw unterminated }
            if byte == .doubleQuote {
                reader.advance()
                break
            }
            guard byte == .backslash else {
                out.append(byte)
                reader.advance()
                continue
            }
            let escapeMark = self.mark(line, reader.position)
            reader.advance()
            guard let escape = reader.current else { throw unterminated }
            reader.advance()
            switch escape {
            case .doubleQuote: out.append(.doubleQuote)
            case .backslash: out.append(.backslash)
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
            case UInt8(ascii: "n"): out.append(.newline)
            case UInt8(ascii: "t"): out.append(.tab)
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let scalar = try unicodeEscape(line, &reader, digits: escape == UInt8(ascii: "u") ? 4 : 8, at: escapeMark)
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw Diagnostic("unknown escape `\\\(String(decoding: [escape], as: UTF8.self))` in a quoted value",
                                 at: escapeMark,
                                 hint: "the escapes are \\\" \\\\ \\n \\t and \\uXXXX; write \\\\ for a backslash, or use 'single quotes'")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar of a `\uXXXX` (or `\UXXXXXXXX`) escape; a UTF-16 surrogate pair is joined.
    private func unicodeEscape(_ line: Line, _ reader: inout Reader, digits: Int, at mark: Mark) throws(Diagnostic) -> Unicode.Scalar {
        let letter = digits == 4 ? "u" : "U"
        let bad = Diagnostic("`\\\(letter)` must be followed by \(digits) hex digits naming a character", at: mark,
                             hint: digits == 4 ? "for example \\u00e9 for é" : "for example \\U0001F600 for 😀")
        func hex(_ reader: inout Reader, _ count: Int) throws(Diagnostic) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let byte = reader.current, let digit = hexValue(byte) else { throw bad }
                value = value << 4 | digit
                reader.advance()
            }
            return value
        }
        var value = try hex(&reader, digits)
        if (0xD800...0xDBFF).contains(value) {
            guard reader.read(.backslash), reader.read(UInt8(ascii: "u")) else { throw bad }
            let low = try hex(&reader, 4)
            guard (0xDC00...0xDFFF).contains(low) else { throw bad }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else { throw bad }
        guard value >= 0x20 || value == 0x09 || value == 0x0A, value != 0x7F, !(0x80..<0xA0).contains(value) else {
            throw Diagnostic("`\\\(letter)\(hexText(value, digits))` is a control character", at: mark,
                             hint: "quoted values may hold \\t and \\n, but no other control characters")
        }
        return scalar
    }

    private func hexText(_ value: UInt32, _ digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
