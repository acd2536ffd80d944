// Fuzz target: any bytes as `--set` arguments applied to an example scenario (and over its
// first variant), then decoded, planned and rendered. Overrides get the file's own typing and
// errors. The first byte picks the example (bit 0) and whether its first `what_if` variant is
// planned and compared (bit 1); the rest is up to four arguments, one per line.

/// The bases, read once: each run starts from a copy (documents are values).
let bases: [Document] = [baseLamp, baseCamera].map { attachingData(try! Document.parse(name: "base.txt", bytes: Array($0.utf8))) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let arguments = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(4).map(String.init)
    do {
        try exercise(bases[Int(data[0] & 1)], overrides: arguments, variants: Int(data[0] >> 1 & 1))
    } catch {
        _ = error.rendered
    }
    return 0
}
