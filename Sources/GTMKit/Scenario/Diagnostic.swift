/// One error found in a scenario or an override, with where it is and how to fix it.
///
/// Its text is compiler-style: `file:line:col: error: message`, then the source
/// line with a caret under the place, then the hint.
package struct Diagnostic: Error, Sendable, Hashable {
    var mark: Mark
    var message: String
    var hint: String?

    package init(_ message: String, at mark: Mark, hint: String? = nil) {
        self.message = message
        self.mark = mark
        self.hint = hint
    }

    /// The full text, with file name, source line and caret taken from `sources`.
    func rendered(with sources: SourceTable) -> String {
        let file = sources[mark.source]
        let name = file?.name ?? "<input>"
        var text = "\(name.visible):\(mark.line):\(mark.column): error: \(message.visible)"
        if let file {
            let (line, column) = Self.excerpt(file.line(mark.line), column: mark.column)
            if !line.isEmpty || mark.line == 1 {
                let gutter = String(mark.line)
                let pad = String(repeating: " ", count: gutter.count)
                text += "\n \(gutter) | \(line)"
                text += "\n \(pad) | \(Self.caretPadding(line, column: column))^"
            }
        }
        if let hint { text += "\n  hint: \(hint.visible)" }
        return text
    }

    /// The source line as it is safe to print: control characters shown as their
    /// Unicode pictures (a file cannot send escape sequences to the terminal), and a long
    /// line cut to a window around `column`. Returns the text and the caret's column in it.
    static func excerpt(_ line: String, column: Int, width: Int = 120) -> (String, Int) {
        // Control characters become their pictures; other invisible characters (zero-width,
        // bidirectional) their code point, so the line shows what the parser saw.
        var scalars: [Unicode.Scalar] = []
        var caret = column
        for (index, scalar) in line.unicodeScalars.enumerated() {
            switch scalar.value {
            // U+2400…U+241F, the control pictures: scalars for every value in the range.
            case 0x00..<0x09, 0x0A..<0x20: scalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F: scalars.append("\u{2421}")
            case 0x80..<0xA0: scalars.append("\u{FFFD}")
            default:
                guard scalar.isInvisible else {
                    scalars.append(scalar)
                    continue
                }
                let name = scalar.codePointName.unicodeScalars
                scalars.append(contentsOf: name)
                if index < column - 1 { caret += name.count - 1 }
            }
        }
        if scalars.count > width {
            let start = max(0, min(caret - 1 - width / 2, scalars.count - width))
            let end = min(scalars.count, start + width)
            var window = Array(scalars[start..<end])
            if start > 0 { window.insert("…", at: 0); caret = caret - start + 1 }
            if end < scalars.count { window.append("…") }
            scalars = window
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return (text, caret)
    }

    /// Spaces that put a caret under `column` in a terminal: a wide (CJK) character
    /// takes two cells, a tab keeps its place.
    static func caretPadding(_ line: String, column: Int) -> String {
        var padding = ""
        for (index, scalar) in line.unicodeScalars.enumerated() where index < column - 1 {
            if scalar == "\t" {
                padding.append("\t")
            } else {
                padding.append(scalar.isWide ? "  " : " ")
            }
        }
        let missing = column - 1 - line.unicodeScalars.count
        if missing > 0 { padding += String(repeating: " ", count: missing) }
        return padding
    }
}

/// All the diagnostics of one file, sorted by place; what the decoder throws.
package struct ScenarioError: Error, Sendable {
    package var diagnostics: [Diagnostic]
    var sources: SourceTable

    package init(_ diagnostics: [Diagnostic], sources: SourceTable) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// Without repeats (the same message at the same place), in the order of the file.
    package var deduplicated: ScenarioError {
        var seen = Set<Diagnostic>()
        let unique = diagnostics.filter { seen.insert($0).inserted }.sorted { $0.mark < $1.mark }
        var error = ScenarioError(unique, sources: sources)
        error.omitted = omitted
        return error
    }

    /// Errors found beyond those listed (past `Limits.diagnostics`).
    var omitted = 0

    /// Every diagnostic rendered, separated by blank lines, with a count at the end.
    package var rendered: String {
        var parts = diagnostics.map { $0.rendered(with: sources) }
        if omitted > 0 {
            parts.append("\(diagnostics.count + omitted) errors, the first \(diagnostics.count) shown; fix these and run again to see the rest")
        } else if diagnostics.count > 1 {
            parts.append("\(diagnostics.count) errors")
        }
        return parts.joined(separator: "\n\n")
    }
}

extension Unicode.Scalar {
    /// East Asian wide and full-width characters: two terminal cells.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
