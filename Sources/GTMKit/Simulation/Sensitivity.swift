/// The tornado: the headline output with each uncertain input at its P10 and at its P90, sorted
/// by swing. When the headline is a decision (the first batch), each row takes the decision
/// again as if that input were known: a full simulation with the input held, every other input
/// drawn from the same random numbers. Otherwise each row is one evaluation with the other
/// inputs at their medians.
enum Sensitivity {
    /// Trials per row of a decision's tornado: a row is the difference from the same trials
    /// unpinned (common random numbers), which settles at fewer trials than the decision needs.
    static let rowTrials = 3 * MonteCarlo.chunkSize

    static func headline(_ model: PlanModel) -> Output {
        if model.firstBatch != nil { return .firstBatchUnits }
        if model.crowdfunding != nil { return .net }
        if model.market?.topDown != nil { return .somUnits }
        if model.market != nil { return .bottomUpUnits }
        if model.kol != nil { return .kolBuyers }
        return .unitMargin
    }

    static func tornado(_ model: PlanModel, headline: Output, base: Workspace, decisions: Decisions, trials: Int, seed: UInt64,
                        perTrial: Int, options: Simulation.Options) -> (base: Double, rows: [Uncertainty.Swing], trials: Int?) {
        let inputs = model.inputs.uncertain
        let groups = Self.groups(inputs)
        var value: ([MonteCarlo.Pin]) -> Double
        // The base case with some inputs held at a value.
        let known = Workspace(model)
        func evaluate(_ pins: [MonteCarlo.Pin]) {
            known.registers.update(from: base.registers, count: model.inputs.count)
            for pin in pins { known.registers[pin.slot] = pin.value }
            model.run(known, decisions)
        }
        let baseValue = base[headline]
        var tornadoTrials: Int?
        if headline.isDecision {
            // Each row is a simulation, of at most `rowTrials` trials and within the work budget.
            // With the same random numbers in every row, a row's difference from the unpinned run
            // is stable at fewer trials than the decision needs; the table adds that difference to
            // the plan's decision, so its base is the number the plan orders.
            let allowed = options.workLimit / max(1, (2 * groups.count + 1) * perTrial)
            let runTrials = max(1, min(trials, rowTrials, allowed))
            let table = TrialTable(keys: model.decisionOutputs, capacity: runTrials)
            // The base case with the input known too: what the decision reads from it (the units
            // owed to backers) moves with the input, as it would once the input is known.
            func decide(_ pins: [MonteCarlo.Pin]) -> Double {
                evaluate(pins)
                MonteCarlo.run(model, decisions, trials: runTrials, seed: seed, into: table, threads: options.threads, pins: pins)
                return Simulation.take(model, table, trials: runTrials, base: known, threads: options.threads, spread: false, pins: pins)
                    .value(headline) ?? 0
            }
            let shift = runTrials == trials ? 0 : baseValue - decide([])
            value = { pins in decide(pins) + shift }
            tornadoTrials = runTrials
        } else {
            value = { pins in
                evaluate(pins)
                return known[headline]
            }
        }
        var rows: [(Int, Uncertainty.Swing)] = []
        for (order, group) in groups.enumerated() {
            let low = value(group.map { MonteCarlo.Pin(slot: inputs[$0].slot, value: inputs[$0].p10) })
            let high = value(group.map { MonteCarlo.Pin(slot: inputs[$0].slot, value: inputs[$0].p90) })
            let lead = inputs[group[0]]
            let name = group.count == 1 ? lead.path : grouped(lead.path, count: group.count)
            rows.append((order, .init(input: name, inputLow: lead.p10, inputHigh: lead.p90, outputAtLow: low, outputAtHigh: high)))
        }
        rows.sort { ($1.1.swing, $0.0) < ($0.1.swing, $1.0) }
        return (baseValue, rows.map(\.1), tornadoTrials)
    }

    /// Inputs swung together: one each, except that the items of a long list (more than
    /// `InputGroup.threshold` uncertain values of one key, `channels[*].reach`) move as one, so the
    /// tornado costs a few evaluations of the model, not one per item.
    static func groups(_ inputs: [UncertainInput]) -> [[Int]] {
        var byKey: [String: [Int]] = [:]
        var order: [String] = []
        for (index, input) in inputs.enumerated() {
            let key = Schema.schemaPath(input.path)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(index)
        }
        var groups: [[Int]] = []
        for key in order {
            let members = byKey[key] ?? []
            if members.count > InputGroup.threshold { groups.append(members) } else { groups += members.map { [$0] } }
        }
        return groups.sorted { $0[0] < $1[0] }
    }

    /// `channels[3].reach` → `channels[*].reach (12,000 items)`.
    static func grouped(_ path: String, count: Int) -> String {
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]") else { return path }
        return String(path[..<open]) + "[*]" + path[path.index(after: close)...] + " (\(Format.grouped(Double(count))) items)"
    }
}
