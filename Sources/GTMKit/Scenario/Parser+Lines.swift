/// The first pass of the reader: checks the bytes (size, UTF-8, control
/// characters, line length, tabs in indentation) and finds the lines that hold content.
extension Parser {
    /// One line that holds content (blank and comment-only lines are dropped).
    struct Line {
        var number: Int
        /// Byte offset of the line's first byte.
        var start: Int
        /// Byte offset where the content begins. Moves right for the content after `- `.
        var content: Int
        /// Byte offset one past the last byte, before any `\r\n`.
        var end: Int

        /// Columns before the content; indentation is spaces (and `- `), one byte each.
        var indent: Int { content - start }
    }

    /// Splits `bytes` into content lines, or throws the first problem found.
    static func lines(of bytes: [UInt8], source: Int) throws(Diagnostic) -> [Line] {
        guard bytes.count <= Limits.fileBytes else {
            throw Diagnostic(
                "the file is \(bytes.count) bytes; the limit is \(Limits.fileBytes) bytes (8 MiB)",
                at: Mark(source: source, line: 1, column: 1),
                hint: "split shared assumptions into a file you `include:`, or shorten long lists")
        }
        try validateUTF8(bytes, source: source)
        var lines: [Line] = []
        var start = 0
        var number = 1
        var sawContent = false
        // Skip a byte-order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        var lineStart = start
        while lineStart <= bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != .newline { end += 1 }
            let next = end + 1
            if end > lineStart, bytes[end - 1] == .carriageReturn { end -= 1 }
            let line = try checkedLine(bytes, number: number, start: lineStart, end: end, source: source)
            if let line {
                if try isDocumentMarker(bytes, line, sawContent: sawContent, source: source) {
                    // A leading `---` is allowed and ignored.
                } else {
                    lines.append(line)
                    sawContent = true
                }
            }
            if end == bytes.count || next > bytes.count { break }
            lineStart = next
            number += 1
        }
        return lines
    }

    /// Checks one line's length and indentation; nil for a blank or comment-only line.
    private static func checkedLine(
        _ bytes: [UInt8], number: Int, start: Int, end: Int, source: Int
    ) throws(Diagnostic) -> Line? {
        if end - start > Limits.lineBytes {
            throw Diagnostic(
                "line \(number) is \(end - start) bytes long; the limit is \(Limits.lineBytes)",
                at: Mark(source: source, line: number, column: 1),
                hint: "a value this long is almost certainly a mistake; break it up or shorten it")
        }
        var content = start
        while content < end, bytes[content] == .space { content += 1 }
        // Whitespace-only and comment-only lines carry no structure, tabs or not.
        var rest = content
        while rest < end, bytes[rest] == .space || bytes[rest] == .tab { rest += 1 }
        if rest == end || bytes[rest] == .hash { return nil }
        if content < end, bytes[content] == .tab {
            throw Diagnostic(
                "a tab in the indentation; indent with spaces only",
                at: Mark(source: source, line: number, column: content - start + 1),
                hint: "YAML forbids tabs for indentation; set your editor to insert spaces")
        }
        if content == start, bytes[content] == UInt8(ascii: "%") {
            throw Diagnostic(
                "directives such as `%YAML` are not supported",
                at: Mark(source: source, line: number, column: 1),
                hint: "remove the line; a scenario needs no directives")
        }
        for index in start..<end where bytes[index] == .carriageReturn {
            throw Diagnostic(
                "a carriage return (\\r) inside a line",
                at: Mark(source: source, line: number, column: column(bytes, from: start, to: index)),
                hint: "save the file with Unix (LF) or Windows (CRLF) line endings")
        }
        return Line(number: number, start: start, content: content, end: end)
    }

    /// True for a leading `---`; throws for `---` after content and for `...`.
    private static func isDocumentMarker(
        _ bytes: [UInt8], _ line: Line, sawContent: Bool, source: Int
    ) throws(Diagnostic) -> Bool {
        guard line.indent == 0, line.end - line.start >= 3 else { return false }
        let head = Array(bytes[line.start..<line.start + 3])
        let isDashes = head == [.dash, .dash, .dash]
        let isDots = head == [.dot, .dot, .dot]
        guard isDashes || isDots else { return false }
        var reader = Reader(bytes, from: line.start + 3, to: line.end)
        guard reader.isBlank(at: 0) else { return false }
        let mark = Mark(source: source, line: line.number, column: 1)
        if isDots {
            throw Diagnostic("the document end marker `...` is not supported", at: mark,
                             hint: "remove the line; one scenario is one document")
        }
        if sawContent {
            throw Diagnostic("several documents in one file are not supported", at: mark,
                             hint: "put each scenario in a file of its own, or use `what_if:` variants")
        }
        reader.skipSpaces()
        guard reader.isAtEndOrComment else {
            throw Diagnostic("content after `---` is not supported", at: mark,
                             hint: "start the first section on the next line")
        }
        return true
    }

    /// Rejects bytes that are not UTF-8, and control characters other than tab and line breaks.
    private static func validateUTF8(_ bytes: [UInt8], source: Int) throws(Diagnostic) {
        var index = 0
        var line = 1
        var lineStart = 0
        func fail(_ message: String, _ hint: String) -> Diagnostic {
            Diagnostic(message, at: Mark(source: source, line: line, column: column(bytes, from: lineStart, to: index)),
                       hint: hint)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == .newline {
                    line += 1
                    lineStart = index + 1
                } else if byte < 0x20 && byte != .tab && byte != .carriageReturn || byte == 0x7F {
                    throw fail("a control character (byte 0x\(hex(byte))) in the text",
                               "remove it; a scenario is plain text")
                }
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
            default:
                throw fail("the file is not valid UTF-8 (byte 0x\(hex(byte)))",
                           "save the file as UTF-8")
            }
            guard index + length <= bytes.count else {
                throw fail("the file is not valid UTF-8 (a character is cut off at the end)",
                           "save the file as UTF-8")
            }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else {
                    throw fail("the file is not valid UTF-8 (byte 0x\(hex(byte)) then 0x\(hex(next)))",
                               "save the file as UTF-8")
                }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else {
                throw fail("the file is not valid UTF-8 (an overlong or out-of-range character)",
                           "save the file as UTF-8")
            }
            if (0x80..<0xA0).contains(scalar) {
                throw fail("a control character (U+00\(hex(UInt8(scalar)))) in the text", "remove it; a scenario is plain text")
            }
            index += length
        }
    }

    /// The first control character of a one-line text (an override): every C0 control, tab
    /// and line breaks included, DEL and the C1 controls. Returns its 0-based scalar offset.
    static func controlCharacter(inLine text: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        for (offset, scalar) in text.unicodeScalars.enumerated()
        where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            return (offset, scalar)
        }
        return nil
    }

    /// The 1-based column (in Unicode scalars) of byte `offset` on a line starting at `start`.
    static func column(_ bytes: [UInt8], from start: Int, to offset: Int) -> Int {
        var column = 1
        var index = start
        while index < offset, index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
