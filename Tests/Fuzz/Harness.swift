// Shared by the fuzz targets: compiled together with GTMKit's sources into one module.

/// Plans a decoded scenario the way `gtm plan` does, with the simulation kept small and on one
/// thread, renders both reports, and traps if a number that is not finite reaches the JSON.
func exercise(_ scenario: Scenario, document: Document) {
    var scenario = scenario
    scenario.settings.trials = min(scenario.settings.trials, 200)
    let plan = Planner.plan(scenario, fingerprint: document.fingerprint, overrides: document.overrides,
                            simulation: Simulation.Options(threads: 1))
    _ = MarkdownReport(plan).render()
    let json = JSONReport(plan).object()
    requireFinite(json)
}

/// No NaN and no infinity in a report: every number in the JSON is finite.
func requireFinite(_ value: JSONValue) {
    switch value {
    case .number(let number):
        precondition(number.isFinite, "a non-finite number reached the report")
    case .object(let pairs):
        for (_, child) in pairs { requireFinite(child) }
    case .array(let items):
        for item in items { requireFinite(item) }
    default:
        break
    }
}
