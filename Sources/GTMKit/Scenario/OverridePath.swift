/// A dotted path naming one input: `market.obtainable`, `crowdfunding.tiers[0].price`,
/// `kol.tiers[head].count`. Checked against the schema when it is read.
struct OverridePath: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        /// A list item by position, from 0.
        case index(Int)
        /// A list item by its `name` (or `tier`).
        case named(String)
    }

    let components: [Component]
    /// Where each component starts: the path's mark moved to the component's first character.
    let marks: [Mark]
    /// The schema path, with `[]` for list items.
    let schemaPath: String
    let text: String
    var description: String { text }

    /// Parses and checks `text`; errors point into it from `mark`.
    init(_ text: String, at mark: Mark) throws(Diagnostic) {
        self.text = text
        var components: [Component] = []
        var marks: [Mark] = []
        func place(_ offset: Int) -> Mark {
            var place = mark
            place.column += offset
            return place
        }
        var schemaPath = ""
        var parent = ""
        let characters = Array(text)
        var index = 0
        func fail(_ message: String, _ hint: String, at offset: Int = 0) -> Diagnostic {
            var where_ = mark
            where_.column += offset
            return Diagnostic(message, at: where_, hint: hint)
        }
        while index <= characters.count {
            // A key up to `.`, `[` or the end.
            let keyStart = index
            var key = ""
            while index < characters.count, characters[index] != ".", characters[index] != "[" {
                key.append(characters[index])
                index += 1
            }
            guard !key.isEmpty else {
                throw fail("`\(text)` is not a path", "write a dotted path such as `market.obtainable`", at: keyStart)
            }
            let path = parent.isEmpty ? key : "\(parent).\(key)"
            guard let field = Schema.field(path) else {
                let names = Schema.children(of: parent).map(\.key)
                let guess = Suggestion.closest(to: key, in: names)
                let place = parent.isEmpty ? "a section" : "a key of `\(parent.replacingBrackets)`"
                throw fail("`\(key)` in `\(text)` is not \(place)",
                           guess.map { "did you mean `\($0)`?" } ?? "known: \(names.joined(separator: ", "))",
                           at: keyStart)
            }
            guard field.overridable else {
                throw fail("`\(path)` cannot be overridden: it says which files are read, not an input of the plan",
                           "edit the scenario's own `\(path):` line", at: keyStart)
            }
            components.append(.key(key))
            marks.append(place(keyStart))
            schemaPath = path
            switch field.shape {
            case .list(let itemKey):
                guard index < characters.count, characters[index] == "[" else {
                    throw fail("`\(path)` is a list; pick an item by position or \(itemKey)",
                               "e.g. `\(path)[0].\(Schema.children(of: path + "[]").dropFirst().first?.key ?? itemKey)`",
                               at: index)
                }
                let open = index
                index += 1
                var selector = ""
                while index < characters.count, characters[index] != "]" {
                    selector.append(characters[index])
                    index += 1
                }
                guard index < characters.count, !selector.isEmpty else {
                    throw fail("`[` in `\(text)` has no closing `]`", "write e.g. `\(path)[0]`", at: open)
                }
                index += 1
                if let position = Int(selector), position >= 0 {
                    components.append(.index(position))
                } else {
                    components.append(.named(selector))
                }
                marks.append(place(open + 1))
                parent = path + "[]"
                schemaPath = parent
                guard index < characters.count, characters[index] == "." else {
                    throw fail("`\(text)` names a whole list item; name one of its keys",
                               "e.g. `\(text).\(Schema.children(of: parent).dropFirst().first?.key ?? itemKey)`", at: index)
                }
                index += 1
            case .section:
                guard index < characters.count, characters[index] == "." else {
                    throw fail("`\(path)` is a section; name one of its keys",
                               "e.g. `\(path).\(Schema.children(of: path).first?.key ?? "name")`", at: index)
                }
                parent = path
                index += 1
            case .value:
                guard index == characters.count else {
                    throw fail("`\(path)` is a single value; `\(text)` goes past it", "end the path at `\(path)`", at: index)
                }
                self.components = components
                self.marks = marks
                self.schemaPath = schemaPath
                return
            case .variants:
                throw fail("variants cannot be overridden", "use `--what-if NAME` to apply one", at: keyStart)
            case .decisions:
                throw fail("the free decisions cannot be overridden one by one", "edit `optimize.free` in the file", at: keyStart)
            }
        }
        throw fail("`\(text)` is not a path", "write a dotted path such as `market.obtainable`")
    }
}
