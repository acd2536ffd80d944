/// The number grammar shared by counts, shares and money:
/// `1200`, `1,200`, `1_200`, `-3`, `1.5`, `1.2e6`, `12k`, `3.5M`, `2B`, `300万`, `1.2亿`.
enum NumberText {
    static let suffixes: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "万": 1e4, "亿": 1e8]

    /// The value of `text`, finite and within `Limits.magnitude`.
    static func parse(_ text: Substring, allowSuffix: Bool = true) throws(ValueError) -> Double {
        let text = text.trimmingSpaces
        let scalars = Array(text)
        var index = 0
        var digits = ""
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" || scalars[index] == "−" {
            if scalars[index] != "+" { digits.append("-") }
            index += 1
        }
        // Integer part, with thousands separators or underscores.
        var groups: [Int] = [0]
        var sawComma = false
        var sawDigit = false
        while index < scalars.count {
            let c = scalars[index]
            if c.isASCII, c.isNumber {
                digits.append(c)
                groups[groups.count - 1] += 1
                sawDigit = true
            } else if c == "," {
                guard sawDigit else { break }
                sawComma = true
                groups.append(0)
            } else if c == "_" {
                guard sawDigit, index + 1 < scalars.count, scalars[index + 1].isASCII, scalars[index + 1].isNumber else {
                    throw ValueError("`_` must stand between digits in `\(text)`", hint: "write e.g. 1_200", offset: index)
                }
            } else {
                break
            }
            index += 1
        }
        if sawComma {
            let first = groups[0]
            guard (1...3).contains(first), groups.dropFirst().allSatisfy({ $0 == 3 }) else {
                throw ValueError("misplaced thousands separator in `\(text)`",
                                 hint: "commas group digits by three (1,200,000); inside normal(…) and the like, commas separate the numbers")
            }
        }
        if index < scalars.count, scalars[index] == "." {
            digits.append(".")
            index += 1
            while index < scalars.count, scalars[index].isASCII, scalars[index].isNumber {
                digits.append(scalars[index])
                sawDigit = true
                index += 1
            }
        }
        guard sawDigit else {
            throw ValueError("`\(text)` is not a number", hint: "write digits, e.g. 1200, 1.2k, 3.5M or 300万")
        }
        var exponent = false
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            var look = index + 1
            var part = "e"
            if look < scalars.count, scalars[look] == "-" || scalars[look] == "+" {
                part.append(scalars[look])
                look += 1
            }
            var exponentDigits = 0
            while look < scalars.count, scalars[look].isASCII, scalars[look].isNumber {
                part.append(scalars[look])
                look += 1
                exponentDigits += 1
            }
            if exponentDigits > 0 {
                digits += part
                index = look
                exponent = true
            }
        }
        var multiplier = 1.0
        if index < scalars.count, let factor = suffixes[scalars[index]], allowSuffix, !exponent {
            multiplier = factor
            index += 1
        }
        guard index == scalars.count else {
            let rest = String(scalars[index...])
            let hint: String
            switch rest.trimmingCharacters.lowercased() {
            case "million", "millions", "mn", "mio": hint = "write M for millions: \(String(scalars[..<index]))M"
            case "thousand", "thousands": hint = "write k for thousands: \(String(scalars[..<index]))k"
            case "billion", "billions", "bn": hint = "write B for billions: \(String(scalars[..<index]))B"
            case "m" where rest == "m": hint = "write M for millions (m is not a unit here)"
            case "b": hint = "write B for billions"
            case "w": hint = "write 万 for ten thousands"
            case "千": hint = "write k for thousands"
            case "%": hint = "this key is not a share; remove the `%`"
            default: hint = allowSuffix ? "write digits, e.g. 1200, 1.2k, 3.5M or 300万" : "write digits, e.g. 5% or 0.05"
            }
            throw ValueError("`\(text)` is not a number (unexpected `\(rest)`)", hint: hint, offset: index)
        }
        guard let value = Double(digits), value.isFinite else {
            throw ValueError("`\(text)` is too large to represent", hint: "check the number of digits")
        }
        let result = value * multiplier
        guard abs(result) <= Limits.magnitude else {
            throw ValueError("`\(text)` is larger than 10^15, the largest number gtm accepts",
                             hint: "check the number of digits and the unit (k, M, B, 万, 亿)")
        }
        return result == 0 ? 0 : result
    }
}
