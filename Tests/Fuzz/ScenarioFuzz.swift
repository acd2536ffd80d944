// Fuzz target: any bytes as a scenario file (with `include:` reaching the examples or itself, and
// `demand.analogs` or `actuals` the examples' data files or itself),
// through the reader, the decoder, up to three `what_if` variants, the planner and the renderers.
// A rejected file must come back as diagnostics, never as a trap.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let document = try Document.parse(name: "fuzz.txt", identity: "fuzz.txt", bytes: bytes,
                                          open: includedFile(input: bytes))
        // A data file is an example's, or the input itself (read as CSV).
        try exercise(attachingData(document, fallback: bytes), variants: 3)
    } catch {
        // Every diagnostic must render (file, line, caret, hint) without trapping.
        _ = error.rendered
    }
    return 0
}
