import Synchronization

/// The data files a scenario names: each `demand.analogs` item and `actuals`. gtm's library reads
/// no file: the command line reads them (inside its root folder) and attaches their bytes, which
/// join the document's sources (diagnostics name them, the fingerprint covers them).
extension Document {
    package struct DataReference: Sendable, Equatable {
        /// As written.
        package var path: String
        /// Where it is written (for an error about the file).
        package var mark: Mark
        /// True for a path given on the command line (`--actuals`, `--set`): relative to the
        /// working directory; else relative to the scenario's folder.
        package var fromCommandLine: Bool
    }

    /// The data files the document names, in order.
    package var dataReferences: [DataReference] {
        var references: [DataReference] = []
        func add(_ node: Node) {
            switch node.content {
            case .scalar(let text):
                // A `what_if` variant is written in the file: its paths are the file's.
                let commandLine = node.origin.map { !$0.hasPrefix("what_if ") } ?? false
                references.append(DataReference(path: text, mark: node.mark, fromCommandLine: commandLine))
            case .sequence(let items): items.forEach(add)
            default: break
            }
        }
        if let analogs = root["demand"]?["analogs"] { add(analogs) }
        if let actuals = root["actuals"] { add(actuals) }
        return references
    }

    /// Attaches the bytes of the data file `reference` names; `name` is how diagnostics name it
    /// (the path as read). Two files may write the same relative path for different files: each
    /// reference has its own.
    package mutating func attach(_ reference: DataReference, name: String, bytes: [UInt8]) {
        dataFiles[Self.dataKey(source: reference.mark.source, path: reference.path)] = sources.add(SourceFile(name: name, bytes: bytes))
    }

    /// The key a data file is attached under: the file that names it and the path as written.
    static func dataKey(source: Int, path: String) -> String { "\(source):\(path)" }
}

extension ScenarioDecoder {
    /// The key of the data file `node` (a path) names.
    func dataKey(_ node: Node) -> String { Document.dataKey(source: node.mark.source, path: node.scalar ?? "") }
}

/// The analogs' fits of one run, by the file's bytes: `--compare` decodes the scenario once per
/// variant, and a fit of a long series takes a while; each file is fitted once. Shared by the
/// copies of a document (a class), and safe across threads.
final class AnalogFits: Sendable {
    private let table = Mutex<[[UInt8]: Result<BassFit.Estimate, BassFit.Refusal>]>([:])

    func fit(_ bytes: [UInt8], _ make: () -> Result<BassFit.Estimate, BassFit.Refusal>) -> Result<BassFit.Estimate, BassFit.Refusal> {
        if let known = table.withLock({ $0[bytes] }) { return known }
        let result = make()
        table.withLock { $0[bytes] = result }
        return result
    }

    /// The files fitted so far.
    var count: Int { table.withLock { $0.count } }
}
