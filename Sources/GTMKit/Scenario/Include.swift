/// `include: PATH`: a scenario that starts from another file's values.
///
/// The included file is read first; the including file's values win. Mappings
/// merge key by key; a value or a list in the including file replaces the
/// included one whole (a `kol.tiers` list is one input, not a list to append to).
extension Document {
    /// What the caller found at an include path: the name to show, and the bytes.
    package struct IncludedFile: Sendable {
        var name: String
        /// A canonical form of the path, to find cycles (`a.txt` → `b.txt` → `a.txt`).
        var identity: String
        var bytes: [UInt8]

        package init(name: String, identity: String, bytes: [UInt8]) {
            self.name = name
            self.identity = identity
            self.bytes = bytes
        }
    }

    /// Reads a scenario file and its includes. `open(path, includingFile)` returns the
    /// included file or a message saying why it cannot be read; it is the only I/O.
    package static func parse(name: String, identity: String, bytes: [UInt8],
                             open: (String, String) -> Result<IncludedFile, IncludeFailure>) throws(ScenarioError) -> Document {
        var document = try parse(name: name, bytes: bytes)
        var chain = [identity]
        var names = [name]
        var root = document.root
        var current = document.root
        var currentName = name
        while let pair = current.pairs?.first(where: { $0.key == "include" }) {
            let fail = { (message: String, hint: String) in
                ScenarioError([Diagnostic(message, at: pair.value.mark, hint: hint)], sources: document.sources)
            }
            guard current.pairs?.first?.key == "include" else {
                throw ScenarioError([Diagnostic("`include` must be the first key of the file", at: pair.keyMark,
                                                hint: "move `include: …` to the top, above every section")],
                                    sources: document.sources)
            }
            guard let path = pair.value.scalar, !path.isEmpty else {
                throw fail("`include` takes a file path", "write e.g. `include: shared-assumptions.txt`")
            }
            guard chain.count <= Limits.includeDepth else {
                throw fail("includes nest deeper than \(Limits.includeDepth) files", "include the shared files from one place")
            }
            let file: IncludedFile
            switch open(path, currentName) {
            case .success(let found): file = found
            case .failure(let failure): throw fail(failure.message, failure.hint)
            }
            if let start = chain.firstIndex(of: file.identity) {
                let cycle = (names[start...] + [file.name]).joined(separator: " → ")
                throw fail("include cycle: \(cycle)", "remove one of the `include:` lines so that no file includes itself")
            }
            let index = document.sources.add(SourceFile(name: file.name, bytes: file.bytes))
            let parsed: (root: Node, duplicates: [Diagnostic])
            do {
                parsed = try Parser.parseCollectingDuplicates(file.bytes, source: index)
            } catch {
                throw ScenarioError([error], sources: document.sources)
            }
            guard parsed.duplicates.isEmpty else { throw ScenarioError(parsed.duplicates, sources: document.sources) }
            let included = parsed.root
            root = included.merged(with: root.removingKey("include"))
            chain.append(file.identity)
            names.append(file.name)
            current = included
            currentName = file.name
        }
        document.root = root.removingKey("include")
        document.written = document.root
        return document
    }
}

/// Why an included file could not be read.
package struct IncludeFailure: Error, Sendable {
    var message: String
    var hint: String

    package init(message: String, hint: String) {
        self.message = message
        self.hint = hint
    }
}

extension Node {
    /// This mapping with `overlay`'s keys laid over it: mappings merge, anything else is replaced.
    func merged(with overlay: Node) -> Node {
        guard var pairs = pairs, let overlayPairs = overlay.pairs else { return overlay }
        for pair in overlayPairs {
            if let index = pairs.firstIndex(where: { $0.key == pair.key }) {
                pairs[index].value = pairs[index].value.merged(with: pair.value)
                pairs[index].keyMark = pair.keyMark
            } else {
                pairs.append(pair)
            }
        }
        var node = self
        node.content = .mapping(pairs)
        node.mark = overlay.mark
        return node
    }

    func removingKey(_ key: String) -> Node {
        guard let pairs else { return self }
        var node = self
        node.content = .mapping(pairs.filter { $0.key != key })
        return node
    }
}
