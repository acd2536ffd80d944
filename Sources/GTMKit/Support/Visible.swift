extension Unicode.Scalar {
    /// Characters a reader cannot see, or that pass for others or reorder what follows: control
    /// and format characters (zero-width spaces and joiners, bidirectional overrides and
    /// isolates, the byte-order mark, the soft hyphen), line and paragraph separators, every
    /// space but the ASCII one (no-break, ideographic, thin), the default-ignorable code points
    /// (the combining grapheme joiner U+034F, the Hangul fillers U+115F, U+1160, U+3164, U+FFA0,
    /// variation selectors, tags) and the blank braille pattern U+2800. In a message, a file
    /// name, a diff line or a report they are shown by code point, so "unknown key `pri͏ce`"
    /// cannot pass for `price`.
    var isInvisible: Bool {
        // Printable ASCII, most of any text, without a lookup of the Unicode tables.
        if value >= 0x21 && value < 0x7F || value == 0x20 { return false }
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        case .spaceSeparator: return value != 0x20
        default: return properties.isDefaultIgnorableCodePoint || value == 0x2800
        }
    }

    /// `<U+200B>`.
    var codePointName: String {
        let digits = String(value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ">"
    }
}

extension String {
    /// The text with every invisible character shown as `<U+XXXX>` (see `isInvisible`).
    package var visible: String {
        escapingInvisible(keeping: [])
    }

    /// A message for a terminal: every invisible character shown as `<U+XXXX>` but the line
    /// breaks and tabs that lay it out. The command line passes all it prints to stderr through
    /// it: one rule for every message, hint, file name and diff line.
    package var visibleMessage: String {
        escapingInvisible(keeping: ["\n", "\t"])
    }

    func escapingInvisible(keeping kept: Set<Unicode.Scalar>) -> String {
        guard unicodeScalars.contains(where: { $0.isInvisible && !kept.contains($0) }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.isInvisible, !kept.contains(scalar) { out += scalar.codePointName } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
