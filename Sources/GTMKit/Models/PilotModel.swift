/// The pilot run (see the Models article, "Where units come from"): KOL samples, tester units and extra
/// units, made before the first batch, at the pilot's unit cost.
final class PilotModel: Sendable {
    let ready: CivilDate
    let readyDay: Double
    let unitCost: Int
    let extra: Int

    /// Nil without the section.
    init?(_ scenario: Scenario, _ inputs: inout InputTable, productUnitCost: Int) {
        guard let pilot = scenario.pilot else { return nil }
        ready = pilot.ready
        readyDay = Double(pilot.ready.daysSinceEpoch)
        unitCost = pilot.unitCost.map { inputs.bind($0, "pilot.unit_cost") } ?? productUnitCost
        extra = inputs.bind(pilot.extra, "pilot.extra")
    }

    /// After the KOL plan and the seed reviews, whose samples and tester units it supplies.
    @inline(__always)
    func run(_ v: UnsafeMutablePointer<Double>, _ ws: Workspace, kol: Bool, seed: Bool) {
        let units = (kol ? ws[.kolSamples] : 0) + (seed ? ws[.testerUnits] : 0) + v[extra]
        ws[.pilotReady] = readyDay
        ws[.pilotUnits] = units
        ws[.pilotCost] = units * v[unitCost]
    }
}

// MARK: Outputs

extension Output.Section {
    /// The pilot run (`PilotModel`).
    static let pilot = Output.Section("pilot")
}

extension Output {
    static let pilotReady = Output(200, .pilot, "ready", "Pilot units ready", "试产品就绪", .date)
    static let pilotUnits = Output(201, .pilot, "units", "Pilot units", "试产件数", .count, ranged: true)
    static let pilotCost = Output(202, .pilot, "cost", "Pilot run cost", "试产成本", .money, ranged: true)

    /// The section's outputs, in the order the report and the JSON list them.
    static let pilotOutputs: [Output] = [.pilotReady, .pilotUnits, .pilotCost]
}
