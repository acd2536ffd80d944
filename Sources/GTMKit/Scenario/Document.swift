/// A scenario read from text: its sources and node tree, before decoding.
/// Overrides are applied here, to the tree, so they are typed and checked like the file.
public struct Document: Sendable {
    public internal(set) var sources: SourceTable
    public internal(set) var root: Node
    /// The tree as the files write it, before overrides and variants (the reference price).
    var written: Node
    /// Data files attached by path as written: the index of their source.
    var dataFiles: [String: Int] = [:]
    /// The overrides applied so far, for the fingerprint and the report.
    public private(set) var overrides: [String] = []

    /// Reads a scenario file's bytes; `name` is how diagnostics name the file.
    public static func parse(name: String, bytes: [UInt8]) throws(ScenarioError) -> Document {
        var sources = SourceTable()
        let index = sources.add(SourceFile(name: name, bytes: bytes))
        let root: Node
        let duplicates: [Diagnostic]
        do {
            (root, duplicates) = try Parser.parseCollectingDuplicates(bytes, source: index)
        } catch {
            throw ScenarioError([error], sources: sources)
        }
        guard duplicates.isEmpty else { throw ScenarioError(duplicates, sources: sources) }
        return Document(sources: sources, root: root, written: root)
    }

    /// Applies `--set PATH=VALUE`. The argument becomes a source of its own, named `option`
    /// (`--set`, or `--trials` for the options that are overrides underneath), so an error in it
    /// is shown with a caret under the argument.
    public mutating func set(_ argument: String, option: String = "--set") throws(ScenarioError) {
        let index = sources.add(SourceFile(name: option, bytes: Array(argument.utf8)))
        let start = Mark(source: index, line: 1, column: 1)
        if let (offset, scalar) = Parser.controlCharacter(inLine: argument) {
            throw ScenarioError([Diagnostic("a control character (\(scalar.codePointName)) in `\(option)`", at: Mark(source: index, line: 1, column: offset + 1),
                                            hint: "an override is one line of plain text, as in a scenario file; remove it")], sources: sources)
        }
        guard let equals = argument.firstIndex(of: "=") else {
            throw ScenarioError([Diagnostic("`--set` takes PATH=VALUE", at: start,
                                            hint: "e.g. --set market.obtainable=2%")], sources: sources)
        }
        let pathText = String(argument[..<equals]).trimmingCharacters
        let valueText = String(argument[argument.index(after: equals)...])
        let valueColumn = argument[...equals].unicodeScalars.count + 1
        do {
            let path = try OverridePath(pathText, at: start)
            var value = Node(.scalar(valueText), at: Mark(source: index, line: 1, column: valueColumn))
            if let unquoted = Self.unquote(valueText) {
                value = Node(.scalar(unquoted), at: value.mark, quoted: true)
            }
            try Override(path: path, value: value, origin: option).apply(to: &root)
            overrides.append(argument)
        } catch {
            throw ScenarioError([error], sources: sources)
        }
    }

    /// Applies the `what_if` variant `name`; nil when the scenario has no such variant.
    public mutating func applyVariant(_ name: String) throws(ScenarioError) -> Bool {
        do {
            guard let list = try Variants.overrides(name, in: root) else { return false }
            for override in list { try override.apply(to: &root) }
            overrides.append("--what-if \(name)")
            return true
        } catch {
            throw ScenarioError([error], sources: sources)
        }
    }

    public var variantNames: [String] { Variants.names(in: root) }

    /// The typed scenario, or every error in it.
    public func decode() throws(ScenarioError) -> Scenario {
        try ScenarioDecoder.decode(root, written: written, sources: sources, dataFiles: dataFiles)
    }

    /// A fingerprint of everything the plan depends on: every source's bytes and the overrides.
    /// File names count without their directory, so the report does not depend on where gtm ran.
    public var fingerprint: String {
        var hasher = SHA256()
        for file in sources.files {
            let baseName = file.name.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
            hasher.update(Array(baseName.utf8))
            hasher.update([0])
            hasher.update(file.bytes)
            hasher.update([0])
        }
        return hasher.hexDigest
    }

    /// A `--set` value in quotes, unquoted: `--set 'product.name="A: B"'`.
    static func unquote(_ text: String) -> String? {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else { return nil }
        return String(text.dropFirst().dropLast())
    }
}

extension String {
    var trimmingCharacters: String {
        String(Substring(self).trimmingSpaces)
    }
}
