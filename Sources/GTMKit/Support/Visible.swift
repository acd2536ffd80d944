extension Unicode.Scalar {
    /// Characters a reader cannot see or that reorder what follows: control characters, format
    /// characters (zero-width spaces and joiners, bidirectional overrides and isolates, the
    /// byte-order mark, the soft hyphen) and the line and paragraph separators. In a message or a
    /// report they are shown by code point, so "unknown key `pr​ice`" cannot pass for `price`.
    var isInvisible: Bool {
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
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
    public var visible: String {
        guard unicodeScalars.contains(where: \.isInvisible) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.isInvisible { out += scalar.codePointName } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
