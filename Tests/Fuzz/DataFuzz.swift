// Fuzz target: any bytes as a sales CSV (`date,units`), through the reader, the Bass fit and the
// planner. The first byte picks the role (bit 0): an analog of the lamp below (its p and q
// fitted), or its actual sales since launch (the re-forecast and the re-plan). A file the model
// cannot read or fit must come back as a located diagnostic, never as a trap or a hang.

let lamp = """
product:
  name: Lamp
  price: 399
  unit_cost: 142
launch:
  date: 2024-01-01
market:
  population: 1M
  serviceable: 10%
  obtainable: 5%
  horizon: 52 weeks
inventory:
  lead_time: 6 weeks
  coverage: 10 weeks
  moq: 500

"""

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let csv = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let text = lamp + (data[0] & 1 == 0 ? "demand:\n  analogs:\n    - sales.csv\n" : "demand:\n  p: 0.03\n  q: 0.38\nactuals: sales.csv\n")
    do {
        var document = try Document.parse(name: "lamp.txt", bytes: Array(text.utf8))
        for reference in document.dataReferences { document.attach(reference, name: "sales.csv", bytes: csv) }
        try exercise(document, variants: 0)
    } catch {
        _ = error.rendered
    }
    return 0
}
