/// A scenario read from text: its sources and node tree, before decoding.
/// Overrides are applied here, to the tree, so they are typed and checked like the file.
package struct Document: Sendable {
    package internal(set) var sources: SourceTable
    package internal(set) var root: Node
    /// The tree as the files write it, before overrides and variants (the reference price).
    var written: Node
    /// Data files attached by path as written: the index of their source.
    var dataFiles: [String: Int] = [:]
    /// The overrides applied so far, for the fingerprint and the report.
    private(set) var overrides: [String] = []
    /// The analogs' fits, shared by every copy (each variant of `--compare`): one fit a file.
    let fits = AnalogFits()

    /// Reads a scenario file's bytes; `name` is how diagnostics name the file.
    package static func parse(name: String, bytes: [UInt8]) throws(ScenarioError) -> Document {
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
    package mutating func set(_ argument: String, option: String = "--set") throws(ScenarioError) {
        let index = sources.add(SourceFile(name: option, bytes: Array(argument.utf8)))
        let start = Mark(source: index, line: 1, column: 1)
        if let (offset, scalar) = Parser.controlCharacter(inLine: argument) {
            throw ScenarioError([Diagnostic("a control character (\(scalar.codePointName)) in `\(option)`",
                                            at: Mark(source: index, line: 1, column: offset + 1),
                                            hint: "an override is one line of plain text, as in a scenario file; remove it")], sources: sources)
        }
        guard let equals = argument.firstIndex(of: "=") else {
            throw ScenarioError([Diagnostic("`--set` takes PATH=VALUE", at: start,
                                            hint: "e.g. --set market.obtainable=2%")], sources: sources)
        }
        let pathText = String(argument[..<equals]).trimmingCharacters
        do {
            let path = try OverridePath(pathText, at: start)
            let value = try Parser.overrideValue(Array(argument.utf8), from: argument[...equals].utf8.count, source: index)
            try Override(path: path, value: value, origin: option).apply(to: &root)
            overrides.append(argument)
        } catch {
            throw ScenarioError([error], sources: sources)
        }
    }

    /// Applies the `what_if` variant `name`; nil when the scenario has no such variant.
    package mutating func applyVariant(_ name: String) throws(ScenarioError) -> Bool {
        do {
            guard let list = try Variants.overrides(name, in: root) else { return false }
            try Override.apply(list, to: &root)
            overrides.append("--what-if \(name)")
            return true
        } catch {
            throw ScenarioError([error], sources: sources)
        }
    }

    /// Applies a variant's overrides, read beforehand (`variants()`).
    package mutating func apply(_ list: [Override], variant name: String) throws(ScenarioError) {
        do {
            try Override.apply(list, to: &root)
            overrides.append("--what-if \(name)")
        } catch {
            throw ScenarioError([error], sources: sources)
        }
    }

    /// Every `what_if` variant with its overrides, read in one pass, and the document they apply
    /// to: this one without its `what_if` section, so that planning or checking many variants
    /// copies the scenario, not every variant with it, once each.
    package func variants() throws(ScenarioError) -> (base: Document, list: [(name: String, overrides: [Override])]) {
        var base = self
        guard case .mapping(var pairs) = base.root.content, let index = pairs.firstIndex(where: { $0.key == "what_if" }) else {
            return (self, [])
        }
        let section = pairs.remove(at: index).value
        base.root.content = .mapping(pairs)
        var list: [(name: String, overrides: [Override])] = []
        do {
            for variant in section.pairs ?? [] {
                list.append((variant.key, try Variants.overrides(in: variant.value, name: variant.key)))
            }
        } catch {
            throw ScenarioError([error], sources: sources)
        }
        return (base, list)
    }

    package var variantNames: [String] { Variants.names(in: root) }

    /// The typed scenario, or every error in it.
    /// The typed scenario: the sections decoded, then the analogs fitted (`AnalogModel`).
    package func decode() throws(ScenarioError) -> Scenario {
        var scenario = try ScenarioDecoder.decode(root, written: written, sources: sources, dataFiles: dataFiles)
        let refused = AnalogModel.fit(&scenario, memo: fits)
        guard refused.isEmpty else {
            // A model's error names its key; the scenario's inputs know where each key is written.
            let inputs = scenario.inputs
            throw ScenarioError(refused.map { refusal in
                Diagnostic(refusal.message, at: inputs.first { $0.path == refusal.key }?.mark ?? Mark(source: 0, line: 1, column: 1),
                           hint: refusal.hint)
            }, sources: sources)
        }
        return scenario
    }

    /// A fingerprint of everything the plan depends on: every source's bytes and the overrides.
    /// File names count without their directory, so the report does not depend on where gtm ran.
    var fingerprint: String {
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

}

extension String {
    var trimmingCharacters: String {
        String(Substring(self).trimmingSpaces)
    }
}
