/// Number formatting that depends on nothing but the number: no locale, no platform.
package enum Format {
    /// The shortest text that reads back as `value`, without a trailing `.0`:
    /// `2`, `0.02`, `1.5e-07`.
    static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }

    /// `value` rounded half away from zero to `decimals` places, with `,` between
    /// groups of three digits (or no grouping when `separator` is empty).
    package static func grouped(_ value: Double, decimals: Int = 0, separator: String = ",") -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        var integer: String
        var fraction: UInt64 = 0
        if scaled < 9e15 {
            let whole = UInt64(scaled)
            integer = String(whole / UInt64(scale))
            fraction = whole % UInt64(scale)
        } else {
            // Past 2^53 every double is a whole number: write its digits out in full.
            integer = wholeDigits(abs(value).rounded())
        }
        if !separator.isEmpty, integer.count > 3 {
            var out = ""
            for (index, character) in integer.enumerated() {
                if index > 0, (integer.count - index) % 3 == 0 { out += separator }
                out.append(character)
            }
            integer = out
        }
        var text = integer
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        let negative = value < 0 && scaled > 0
        return negative ? "-" + text : text
    }

    /// `value` to `digits` significant digits, without trailing zeros or grouping: `0.348`, `2.53`, `1500`.
    static func significant(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite, value != 0 else { return grouped(value) }
        var magnitude = 0
        var scaled = abs(value)
        while scaled >= 10 { scaled /= 10; magnitude += 1 }
        while scaled < 1 { scaled *= 10; magnitude -= 1 }
        let text = grouped(value, decimals: max(0, digits - 1 - magnitude), separator: "")
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// The decimal digits of a whole, finite, non-negative double of any size: `1.5e+17` → `150000000000000000`.
    static func wholeDigits(_ value: Double) -> String {
        if value < 9e15 { return String(UInt64(value)) }
        let text = String(value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        let digits = text[..<e].filter(\.isNumber)
        let length = exponent + 1
        return digits.count >= length ? String(digits.prefix(length)) : digits + String(repeating: "0", count: length - digits.count)
    }
}
