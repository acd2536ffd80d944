/// A JSON value with ordered keys, written deterministically.
indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        a.serialized() == b.serialized()
    }

    /// The value, or `null` when absent or not a finite number (a break-even that never comes).
    static func optional(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// Pretty-printed with two-space indentation (the caller adds the final newline).
    func serialized() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    /// Appends the value at nesting level `indent`: the whole document goes into one buffer,
    /// rather than each level building a string that its parent copies again.
    func write(to out: inout String, indent: Int) {
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                Self.pad(&out, indent + 1)
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                out += index == 0 ? "\n" : ",\n"
                Self.pad(&out, indent + 1)
                item.write(to: &out, indent: indent + 1)
            }
            out += "\n"
            Self.pad(&out, indent)
            out += "]"
        case .string(let text):
            Self.quote(text, into: &out)
        case .number(let value):
            out += Self.number(value)
        case .integer(let value):
            out += String(value)
        case .bool(let value):
            out += value ? "true" : "false"
        case .null:
            out += "null"
        }
    }

    static func pad(_ out: inout String, _ indent: Int) {
        for _ in 0..<indent { out += "  " }
    }

    /// A JSON number: integers without `.0`, others in Swift's shortest round-trip form.
    /// NaN and infinity, which JSON cannot hold, become null.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 9e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A JSON string. Only ASCII characters are ever escaped, so text without a quote, a
    /// backslash or a control character (nearly all of it) is copied whole.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        defer { out += "\"" }
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
