// Fuzz target: the bytes drive the schema's scenario generator (Tests/GTMKitTests/Support/
// ScenarioGenerator.swift, the property test's own), so every input is a scenario of the
// schema's keys, mostly valid: dates across two centuries, ranges and distributions, lists of
// any length, variants. Each is planned with its variants and judged by `PlanInvariants`: a
// violation traps with the violations and the scenario; an invalid scenario must render its
// diagnostics.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGenerated(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var generator = ScenarioGenerator(ByteChoices(Array(UnsafeBufferPointer(start: data, count: size))))
    generator.maxItems = 12
    let scenario = generator.scenario()
    if let violations = plannedViolations(scenario, trials: 100, variants: 1, renderers: false), !violations.isEmpty {
        report("a plan breaks its invariants:\n" + violations.prefix(10).joined(separator: "\n") + "\n---\n" + scenario.text)
    }
    return 0
}
