// Fuzz target: any bytes as `--set` arguments (one per line, up to four) applied to the example
// scenarios, then decoded, planned and rendered. Overrides get the file's own typing and errors.

/// The bases, read once: each run starts from a copy (documents are values).
let bases: [Document] = [baseLamp, baseCamera].map { try! Document.parse(name: "base.txt", bytes: Array($0.utf8)) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let base = bases[Int(data[0]) % bases.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    do {
        var document = base
        for argument in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(4) {
            try document.set(String(argument))
        }
        let scenario = try document.decode()
        exercise(scenario, document: document)
    } catch {
        _ = error.rendered
    }
    return 0
}
