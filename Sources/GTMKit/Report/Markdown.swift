/// Helpers for GitHub-flavoured Markdown that reads well raw and rendered.
enum Markdown {
    enum Alignment { case left, right }

    /// Columns are padded to line up in the raw text up to this display width; a longer cell
    /// (a long name from the file, say) is left unpadded rather than widening every row.
    static let paddedWidth = 60

    /// A pipe table. Cells are escaped; columns are padded so the raw text lines up.
    static func table(_ headers: [String], _ alignments: [Alignment], _ rows: [[String]]) -> String {
        let cells = [headers.map(escapeCell)] + rows.map { $0.map(escapeCell) }
        let cellWidths = cells.map { $0.map(displayWidth) }
        var widths = [Int](repeating: 3, count: headers.count)
        for row in cellWidths {
            for (index, width) in row.enumerated() where index < widths.count {
                if width <= paddedWidth { widths[index] = max(widths[index], width) }
            }
        }
        // One string, appended to in place: no string per cell or per line.
        var out = ""
        out.reserveCapacity((widths.reduce(0, +) + 3 * widths.count + 2) * (cells.count + 1))
        let spaces = String(repeating: " ", count: paddedWidth)
        let dashes = String(repeating: "-", count: paddedWidth)
        // Every width is at most `paddedWidth`, so a prefix of these is always long enough.
        func append(_ filler: String, _ count: Int) {
            if count > 0 { out.append(contentsOf: filler.prefix(count)) }
        }
        func line(_ row: Int) {
            out.append("|")
            for (index, cell) in cells[row].enumerated() {
                let pad = widths[index] - cellWidths[row][index]
                out.append(" ")
                if alignments[index] == .right { append(spaces, pad) }
                out.append(cell)
                if alignments[index] == .left { append(spaces, pad) }
                out.append(" |")
            }
        }
        line(0)
        out.append("\n|")
        for (index, width) in widths.enumerated() {
            out.append(" ")
            append(dashes, alignments[index] == .right ? width - 1 : width)
            out.append(alignments[index] == .right ? ": |" : " |")
        }
        for row in 1..<cells.count {
            out.append("\n")
            line(row)
        }
        return out
    }

    /// Bytes that may need a backslash (or a space) in running text.
    static let special = Set("\\`*_[]<>|#~\n\r\t".utf8)

    /// Text from the user, safe inside a paragraph: Markdown and HTML characters escaped.
    /// Invisible characters (zero-width, bidirectional controls) are shown by code point.
    static func escape(_ text: String) -> String {
        // Most names need nothing: skip the character walk.
        if !text.utf8.contains(where: { Self.special.contains($0) }), !text.unicodeScalars.contains(where: \.isInvisible) {
            return text
        }
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character.unicodeScalars.contains(where: \.isInvisible), !"\n\r\t".contains(character) {
                for scalar in character.unicodeScalars {
                    if scalar.isInvisible { out += "\\<" + scalar.codePointName.dropFirst().dropLast() + "\\>" } else { out.unicodeScalars.append(scalar) }
                }
                continue
            }
            switch character {
            case "_":
                // Inside a word GFM never reads `_` as emphasis: keep the raw text clean.
                let before = index > 0 && (characters[index - 1].isLetter || characters[index - 1].isNumber)
                let after = index + 1 < characters.count && (characters[index + 1].isLetter || characters[index + 1].isNumber)
                if !(before && after) { out.append("\\") }
                out.append(character)
            case "\\", "`", "*", "[", "]", "<", ">", "|", "#", "~":
                out.append("\\")
                out.append(character)
            case "\n", "\r", "\t":
                out.append(" ")
            default:
                out.append(character)
            }
        }
        return out
    }

    /// A table cell: pipes escaped, line breaks flattened. Other Markdown is kept so
    /// that cells can hold `code` and **bold** the renderer wrote.
    ///
    /// GFM splits a row at every pipe that is not escaped, and a backslash escapes the one
    /// character after it (a backslash too), in code spans as well. So a pipe after an odd
    /// run of backslashes is already escaped (`\|`); after an even run (`\\|`, or none) it
    /// gets one more backslash.
    static func escapeCell(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            return text
        }
        var out = ""
        var backslashes = 0
        for character in text {
            if character == "|", backslashes % 2 == 0 { out.append("\\") }
            out.append(character == "\n" || character == "\r" ? " " : character)
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return out
    }

    /// Inline code, with a fence long enough for backticks inside.
    static func code(_ text: String) -> String {
        let text = text.visible
        if !text.utf8.contains(UInt8(ascii: "`")) { return "`" + text + "`" }
        var fence = "`"
        while text.contains(fence) { fence += "`" }
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// Terminal-ish width: CJK characters count two, so raw tables line up in editors.
    static func displayWidth(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : ($1.properties.generalCategory == .nonspacingMark ? 0 : 1)) }
    }
}
