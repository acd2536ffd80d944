/// Runs the Monte Carlo for a plan and takes the decisions from the simulated distributions.
public enum Simulation {
    public struct Options: Sendable {
        public var threads: Int
        /// Called from a worker thread with the share of trials done.
        public var progress: (@Sendable (Double) -> Void)?
        /// The work ceiling (trials × inputs and registers per trial); lower only in tests.
        public var workLimit: Int

        public init(threads: Int = Processors.online, progress: (@Sendable (Double) -> Void)? = nil,
                    workLimit: Int = Limits.simulationWork) {
            self.threads = threads
            self.progress = progress
            self.workLimit = workLimit
        }
    }

    /// The uncertainty of `plan`, or nil when no input is uncertain.
    static func run(_ scenario: Scenario, plan: Plan, options: Options) -> Uncertainty? {
        let model = TrialModel(scenario, plan: plan)
        guard model.isUncertain else { return nil }
        let requested = scenario.settings.trials
        let trials = affordableTrials(requested, inputs: model.inputs.count, registers: model.layout.count,
                                      columns: OutputKey.recorded(by: model).count, work: options.workLimit)
        let seed = scenario.settings.seed
        let table = MonteCarlo.run(model, trials: trials, seed: seed, threads: options.threads, progress: options.progress)
        let base = model.outputs(model.base)

        // Decisions first: they read whole columns, before the percentiles reorder them.
        var batch: Uncertainty.Batch?
        var campaign: Uncertainty.Campaign?
        var summaries: [OutputKey: Uncertainty.Output] = [:]
        for key in table.keys {
            guard let column = table.column(key), let totals = table.totals(key) else { continue }
            summaries[key] = summarize(key, column, totals: totals, base: base[key] ?? 0, threads: options.threads)
        }
        if let plannedBatch = plan.firstBatch, let demand = table.column(.windowDemand) {
            let pledged = summaries[.pledgedUnits]?.p50 ?? 0
            batch = firstBatch(demand: demand, ratio: plannedBatch.criticalRatio, pledged: pledged,
                               moq: plannedBatch.moq, casePack: plannedBatch.casePack, threads: options.threads)
        }
        if let planned = plan.crowdfunding, let pledgedColumn = table.column(.pledged), let p50 = summaries[.pledged]?.p50 {
            let minimum = planned.minimumRaise
            let goal = max(CrowdfundingModel.roundDown(p50 * CrowdfundingModel.firstTwoDaysShare),
                           minimum.isFinite ? CrowdfundingModel.roundUp(minimum) : 0, 1)
            var reach = 0
            var cover = 0
            for pledged in pledgedColumn {
                if pledged >= goal { reach += 1 }
                if minimum.isFinite, pledged * CrowdfundingModel.firstTwoDaysShare >= minimum { cover += 1 }
            }
            campaign = .init(pledgedP50: p50, goal: goal, probabilityOfGoal: Double(reach) / Double(trials),
                             probabilityFirstTwoDaysCover: Double(cover) / Double(trials),
                             recommended: minimum.isFinite && p50 * CrowdfundingModel.firstTwoDaysShare >= minimum && p50 > 0)
        }
        let outputs = table.keys.filter { $0 != .windowDemand }.compactMap { summaries[$0] }
        let inputs = model.inputs.map { input in
            Uncertainty.Input(path: input.path, distribution: input.distribution, median: input.distribution.median,
                              p10: clamp(input.distribution.quantile(0.1), input.bounds),
                              p90: clamp(input.distribution.quantile(0.9), input.bounds))
        }
        let (headline, tornado) = Sensitivity.tornado(model, inputs: inputs)
        return Uncertainty(trials: trials, requestedTrials: requested, seed: seed, inputs: inputs, outputs: outputs,
                           headline: headline.rawValue, headlineBase: base[headline] ?? 0, tornado: tornado, batch: batch,
                           campaign: campaign)
    }

    /// The trials a run can afford within `Limits.simulationWork` (trials × the inputs drawn and
    /// registers evaluated per trial) and `Limits.simulationBytes` (the stored outputs): the
    /// requested number, or fewer, never below 100.
    static func affordableTrials(_ requested: Int, inputs: Int, registers: Int, columns: Int,
                                 work: Int = Limits.simulationWork) -> Int {
        let perTrial = max(1, inputs + registers)
        let byWork = work / perTrial
        let byMemory = Limits.simulationBytes / (8 * max(1, columns))
        return max(100, min(requested, byWork, byMemory))
    }

    /// For the benchmark target: the trials alone, and then the summaries, timed apart.
    package static func benchmarkStages(_ scenario: Scenario, threads: Int) -> (trials: Duration, summaries: Duration) {
        let clock = ContinuousClock()
        let plan = Planner.plan(scenario, simulation: nil)
        let model = TrialModel(scenario, plan: plan)
        let start = clock.now
        let table = MonteCarlo.run(model, trials: scenario.settings.trials, seed: scenario.settings.seed, threads: threads)
        let middle = clock.now
        for key in table.keys {
            guard let column = table.column(key), let totals = table.totals(key) else { continue }
            _ = summarize(key, column, totals: totals, base: 0, threads: threads)
        }
        return (middle - start, clock.now - middle)
    }

    static func clamp(_ value: Double, _ bounds: ClosedRange<Double>) -> Double {
        min(max(value, bounds.lowerBound), bounds.upperBound)
    }

    /// P10, P50, P90, mean and the worst Monte Carlo error of one column.
    static func summarize(_ key: OutputKey, _ column: UnsafeMutableBufferPointer<Double>,
                          totals: (sum: Double, low: Double, high: Double), base: Double, threads: Int) -> Uncertainty.Output {
        let mean = totals.sum / Double(max(column.count, 1))
        guard totals.low < totals.high else {
            return .init(path: key.rawValue, base: base, p10: totals.low, p50: totals.low, p90: totals.low, mean: mean,
                         worstError: nil, worstPercentile: 50)
        }
        let estimates = Quantiles.estimate(column, [0.1, 0.5, 0.9], low: totals.low, high: totals.high, threads: threads)
        let (p10, p50, p90) = (estimates[0].value, estimates[1].value, estimates[2].value)
        var worst: (Double, Int)?
        for (estimate, label) in zip(estimates, [10, 50, 90]) where estimate.value != 0 {
            let error = estimate.standardError / abs(estimate.value)
            if error > (worst?.0 ?? -1) { worst = (error, label) }
        }
        return .init(path: key.rawValue, base: base, p10: p10, p50: p50, p90: p90, mean: mean,
                     worstError: worst?.0, worstPercentile: worst?.1 ?? 50)
    }

    /// The newsvendor on simulated demand: stock the ratio-quantile of the draws, then add the
    /// median pledges, MOQ and case pack; outcomes are averages over the draws.
    static func firstBatch(demand: UnsafeMutableBufferPointer<Double>, ratio: Double, pledged: Double,
                           moq: Int, casePack: Int, threads: Int) -> Uncertainty.Batch {
        var sum = 0.0
        for value in demand { sum += value }
        let mean = sum / Double(max(demand.count, 1))
        let quantity = ratio > 0 ? Quantiles.estimate(demand, [min(max(ratio, 0), 1)], threads: threads)[0].value : 0
        let units = Newsvendor.rounded(quantity + pledged, moq: moq, casePack: casePack)
        let retail = max(0, Double(units) - pledged)
        var sales = 0.0
        var inStock = 0
        for value in demand {
            sales += min(retail, value)
            if value <= retail { inStock += 1 }
        }
        let n = Double(max(demand.count, 1))
        let expectedSales = sales / n
        let spread = Quantiles.estimate(demand, [0.1, 0.5, 0.9], threads: threads)
        let (p10, p50, p90) = (spread[0].value, spread[1].value, spread[2].value)
        return .init(ratio: ratio, retailQuantity: quantity, pledgedUnits: pledged, units: units,
                     expectedSales: expectedSales, expectedLeftover: retail - expectedSales,
                     expectedLostSales: mean - expectedSales, fillRate: mean > 0 ? expectedSales / mean : 1,
                     inStockProbability: Double(inStock) / n, demandP10: p10, demandP50: p50, demandP90: p90)
    }
}

/// The tornado: the headline output with each uncertain input at its P10 and its P90, the
/// others at their medians, sorted by swing.
enum Sensitivity {
    static func headline(_ model: TrialModel) -> OutputKey {
        if model.hasInventory { return .firstBatchUnits }
        if model.hasCrowdfunding { return .net }
        if model.hasMarket { return .som }
        if model.hasChannels { return .bottomUp }
        if model.hasKOL { return .kolBuyers }
        return .unitMargin
    }

    static func tornado(_ model: TrialModel, inputs: [Uncertainty.Input]) -> (OutputKey, [Uncertainty.Swing]) {
        let key = headline(model)
        var rows: [(Int, Uncertainty.Swing)] = []
        for (first, group) in groups(model.inputs).enumerated() {
            let slots = group.compactMap { model.inputs[$0].slot }
            guard !slots.isEmpty else { continue }
            let x = model.base.copy()
            for index in group { if let slot = model.inputs[index].slot { x[slot] = inputs[index].p10 } }
            let low = model.outputs(x)[key] ?? 0
            for index in group { if let slot = model.inputs[index].slot { x[slot] = inputs[index].p90 } }
            let high = model.outputs(x)[key] ?? 0
            let lead = group[0]
            let name = group.count == 1 ? model.inputs[lead].path : grouped(model.inputs[lead].path, count: group.count)
            rows.append((first, .init(input: name, inputLow: inputs[lead].p10, inputHigh: inputs[lead].p90,
                                      outputAtLow: low, outputAtHigh: high)))
        }
        rows.sort { ($1.1.swing, $0.0) < ($0.1.swing, $1.0) }
        return (key, rows.map(\.1))
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
            let members = byKey[key]!
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
