/// The data files a scenario names: each `demand.analogs` item and `actuals`. gtm's library reads
/// no file: the command line reads them (inside its root folder) and attaches their bytes, which
/// join the document's sources (diagnostics name them, the fingerprint covers them).
extension Document {
    public struct DataReference: Sendable, Equatable {
        /// As written.
        public var path: String
        /// Where it is written (for an error about the file).
        public var mark: Mark
        /// True for a path given on the command line (`--actuals`, `--set`): relative to the
        /// working directory; else relative to the scenario's folder.
        public var fromCommandLine: Bool
    }

    /// The data files the document names, in order.
    public var dataReferences: [DataReference] {
        var references: [DataReference] = []
        func add(_ node: Node) {
            switch node.content {
            case .scalar(let text): references.append(DataReference(path: text, mark: node.mark, fromCommandLine: node.origin != nil))
            case .sequence(let items): items.forEach(add)
            default: break
            }
        }
        if let analogs = root["demand"]?["analogs"] { add(analogs) }
        if let actuals = root["actuals"] { add(actuals) }
        return references
    }

    /// Attaches the bytes of the data file named `path`; `name` is how diagnostics name it.
    public mutating func attach(path: String, name: String, bytes: [UInt8]) {
        dataFiles[path] = sources.add(SourceFile(name: name, bytes: bytes))
    }
}
