/// A cursor over the UTF-8 bytes of one line. Backtracking is a copy of the value.
struct Reader {
    let bytes: [UInt8]
    /// Current byte offset.
    var position: Int
    /// One past the last byte of the line (the line break excluded).
    let end: Int

    init(_ bytes: [UInt8], from position: Int, to end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    /// The byte at the cursor, or nil at the end of the line.
    var current: UInt8? { position < end ? bytes[position] : nil }

    /// The byte `offset` places ahead, or nil past the end of the line.
    func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < end ? bytes[index] : nil
    }

    /// Moves past `byte` when it is next; says whether it did.
    mutating func read(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        position += 1
        return true
    }

    mutating func advance(_ count: Int = 1) {
        position = min(position + count, end)
    }

    mutating func skipSpaces() {
        while let byte = current, byte == .space || byte == .tab { position += 1 }
    }

    /// True at the end of the line or at a comment (a `#` the cursor sits on).
    var isAtEndOrComment: Bool {
        guard let byte = current else { return true }
        return byte == .hash
    }

    /// True when the next byte ends a token: a space, a tab or the end of the line.
    func isBlank(at offset: Int) -> Bool {
        guard let byte = peek(offset) else { return true }
        return byte == .space || byte == .tab
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let hash = UInt8(ascii: "#")
    static let colon = UInt8(ascii: ":")
    static let dash = UInt8(ascii: "-")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let dot = UInt8(ascii: ".")
}
