/// Number formatting that depends on nothing but the number: no locale, no platform.
public enum Format {
    /// The shortest text that reads back as `value`, without a trailing `.0`:
    /// `2`, `0.02`, `1.5e-07`.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }

    /// `value` rounded half away from zero to `decimals` places, with `,` between
    /// groups of three digits (or no grouping when `separator` is empty).
    public static func grouped(_ value: Double, decimals: Int = 0, separator: String = ",") -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return shortest(value) }
        let whole = UInt64(scaled)
        var integer = String(whole / UInt64(scale))
        let fraction = whole % UInt64(scale)
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
}
