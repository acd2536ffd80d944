/// Runs the Monte Carlo for a plan: first the trials the decisions read (as many as the
/// decisions need to be precise, unless the scenario fixes the number), then the decisions,
/// then every trial again with the decisions taken, recording each output that has a range.
/// Both passes run the plan's one computation (`PlanModel.run`); so does the base case.
package enum Simulation {
    package struct Options: Sendable {
        package var threads: Int
        /// Called from a worker thread with the share of trials done.
        package var progress: (@Sendable (Double) -> Void)?
        /// The work ceiling (trials × inputs and registers per trial); lower only in tests.
        package var workLimit: Int

        package init(threads: Int = Processors.online, progress: (@Sendable (Double) -> Void)? = nil,
                    workLimit: Int = Limits.simulationWork) {
            self.threads = threads
            self.progress = progress
            self.workLimit = workLimit
        }
    }

    /// Trials chosen automatically: a first run of this many, doubled while a decision is less
    /// precise than `targetError`, up to `automaticLimit` (chunk-aligned, so a longer run
    /// extends a shorter one).
    static let automaticStart = 5 * MonteCarlo.chunkSize
    static let automaticLimit = 160 * MonteCarlo.chunkSize
    /// The largest Monte Carlo standard error a decision may keep, as a share of its value:
    /// two runs with different seeds then agree within ±0.5% 95% of the time (0.5% ÷ 1.96√2).
    static let targetError = 0.0018

    struct Result {
        var decisions: Decisions
        var uncertainty: Uncertainty?
        /// Each recorded output's average over the trials.
        var means: [Output: Double]
    }

    /// The decisions, and the uncertainty when any input is uncertain. `base` holds the base
    /// case's evaluation; on return it is evaluated again with the decisions taken. Without
    /// `options` (or an uncertain input), the decisions are taken on the base case alone.
    /// `committed`: decisions already taken (re-planning on actual sales: the first batch, the
    /// campaign and the orders placed before the weeks sold ended). They are kept; the window's
    /// demand, the safety stock and the later reorders are taken again on this model's demand.
    /// `decisionsOnly`: stop after the decisions (the plan before actual sales, whose ranges and
    /// tornado the re-plan does not show).
    static func run(_ model: PlanModel, base: Workspace, settings: Scenario.Settings, options: Options?,
                    committed: Decisions? = nil, decisionsOnly: Bool = false) -> Result {
        var (decisions, trials) = decide(model, base: base, settings: settings, options: options)
        if var kept = committed {
            kept.windowMean = decisions.windowMean
            kept.windowSD = decisions.windowSD
            kept.windowP10 = decisions.windowP10
            kept.windowP90 = decisions.windowP90
            kept.safetyStock = decisions.safetyStock
            kept.planReorders(model, base: base)
            decisions = kept
        }
        model.run(base, decisions)
        guard let options, !model.inputs.uncertain.isEmpty, !decisionsOnly else {
            return Result(decisions: decisions, uncertainty: nil, means: [:])
        }
        // Decisions already taken (re-planning on actual sales: the first batch is bought) are not
        // taken again input by input: no tornado.
        return simulate(model, base: base, decisions: decisions, trials: trials, settings: settings, options: options,
                        tornado: committed == nil)
    }

    /// Pass one: the decisions, from the base case alone or from as many trials as they need to
    /// be precise (unless the scenario fixes the number), and the trials run.
    static func decide(_ model: PlanModel, base: Workspace, settings: Scenario.Settings, options: Options?) -> (Decisions, Int) {
        guard !model.inputs.uncertain.isEmpty, let options else {
            // One launch, the base case: its decision columns have one value each.
            let columns = model.decisionOutputs.map { key -> (Output, UnsafeMutableBufferPointer<Double>) in
                let column = UnsafeMutableBufferPointer<Double>.allocate(capacity: 1)
                column[0] = base[key]
                return (key, column)
            }
            defer { for (_, column) in columns { column.deallocate() } }
            return (Decisions.take(model, columns: Dictionary(uniqueKeysWithValues: columns), base: base, threads: 1), 1)
        }
        let limit = limit(model, settings, options)
        var trials = settings.trials.map { min($0, limit) } ?? min(automaticStart, limit)
        let seed = settings.seed
        var decisions = Decisions()
        guard model.hasDecisions else { return (decisions, trials) }
        let table = TrialTable(keys: model.decisionOutputs, capacity: limit, filled: trials == limit)
        MonteCarlo.run(model, decisions, trials: trials, seed: seed, into: table, threads: options.threads)
        decisions = take(model, table, trials: trials, base: base, threads: options.threads, spread: false)
        while settings.trials == nil, !isPrecise(decisions, model), trials * 2 <= limit {
            let from = MonteCarlo.chunks(trials)
            trials *= 2
            MonteCarlo.run(model, decisions, trials: trials, fromChunk: from, seed: seed, into: table, threads: options.threads)
            decisions = take(model, table, trials: trials, base: base, threads: options.threads, spread: false)
        }
        // The last pass's decisions, completed (`take` with `spread` would take them again).
        decisions.spread(model, columns: columns(table, trials: trials), base: base, threads: options.threads)
        return (decisions, trials)
    }

    /// The trials this plan can afford (`affordableTrials` with the plan's inputs and outputs).
    static func limit(_ model: PlanModel, _ settings: Scenario.Settings, _ options: Options) -> Int {
        // At most this many columns (the memory ceiling's count); pass two records those that move.
        let columns = Output.all.filter { $0.info.ranged && model.has($0) }.count
        return affordableTrials(settings.trials ?? automaticLimit, inputs: model.inputs.uncertain.count,
                                registers: model.workPerTrial, columns: columns, work: options.workLimit)
    }

    /// Pass two: every trial with the decisions taken (`base` evaluated with them), recording the
    /// outputs that move; their summaries, the tornado and the decisions' precision.
    static func simulate(_ model: PlanModel, base: Workspace, decisions: Decisions, trials: Int,
                         settings: Scenario.Settings, options: Options, tornado wanted: Bool = true) -> Result {
        let uncertain = model.inputs.uncertain
        let perTrial = uncertain.count + model.workPerTrial
        let seed = settings.seed
        let recorded = model.rangedOutputs(base: base, decisions: decisions)
        let table = TrialTable(keys: recorded, capacity: trials)
        // The weekly band, from the first trials: only the weeks this pass computes.
        let steps = PlanModel.steps(for: recorded)
        let band = BandRecorder(count: min(trials, WeeklyBands.trials), demandWeeks: steps.contains(.demand) && model.showsDemand ? base.demandWeeks : 0,
                                cashWeeks: steps.contains(.cash) && model.cash != nil ? base.cashWeeks : 0, onHand: model.cash?.onHand,
                                weekly: steps.contains(.cash) && model.cash?.computesWeeklyDemand == true ? nil : model.demand,
                                kolRetail: model.demand.kolIsRetail(decisions.inPlan))
        MonteCarlo.run(model, decisions, trials: trials, seed: seed, into: table, threads: options.threads, band: band,
                       progress: options.progress)
        var summaries: [Uncertainty.Summary] = []
        var means: [Output: Double] = [:]
        for key in recorded {
            guard let column = table.column(key, trials: trials), let totals = table.totals(key, trials: trials) else { continue }
            means[key] = totals.sum / Double(trials)
            summaries.append(summarize(key, column, totals: totals, base: base[key], threads: options.threads))
        }
        let inputs = uncertain.map {
            Uncertainty.Input(path: $0.path, distribution: $0.distribution, median: $0.distribution.median, p10: $0.p10, p90: $0.p90)
        }
        let headline = Sensitivity.headline(model)
        let tornado = wanted
            ? Sensitivity.tornado(model, headline: headline, base: base, decisions: decisions, trials: trials,
                                  seed: seed, perTrial: perTrial, options: options)
            : (base: base[headline], rows: [], trials: nil)
        var precision: [(output: Output, error: Double)] = []
        if model.firstBatch != nil {
            precision.append((.firstBatchUnits, decisions.retailUnits > 0 ? decisions.batchError / decisions.retailUnits : 0))
        }
        if model.crowdfunding != nil {
            precision.append((.goal, decisions.firstTwoDays > 0 ? decisions.goalError / decisions.firstTwoDays : 0))
        }
        let uncertainty = Uncertainty(trials: trials, requestedTrials: settings.trials, seed: seed, inputs: inputs,
                                      outputs: summaries, headline: headline, headlineBase: tornado.base,
                                      tornadoTrials: tornado.trials, tornado: tornado.rows, precision: precision, bands: band.bands(threads: options.threads))
        return Result(decisions: decisions, uncertainty: uncertainty, means: means)
    }

    /// The decisions from the first `trials` trials of `table`.
    /// `pins`: inputs held at a value (a tornado row): known, so their expected value is that value.
    static func take(_ model: PlanModel, _ table: TrialTable, trials: Int, base: Workspace, threads: Int,
                     spread: Bool = true, pins: [MonteCarlo.Pin] = []) -> Decisions {
        Decisions.take(model, columns: columns(table, trials: trials), base: base, threads: threads, spread: spread, pins: pins)
    }

    /// The first `trials` trials of each of `table`'s columns.
    static func columns(_ table: TrialTable, trials: Int) -> [Output: UnsafeMutableBufferPointer<Double>] {
        var columns: [Output: UnsafeMutableBufferPointer<Double>] = [:]
        for key in table.keys { columns[key] = table.column(key, trials: trials) }
        return columns
    }

    /// True when every decision's Monte Carlo error is within `targetError` (or, for the first
    /// batch, a third of a case pack, whichever is larger).
    static func isPrecise(_ d: Decisions, _ model: PlanModel) -> Bool {
        if let batch = model.firstBatch, d.retailUnits > 0,
           d.batchError > max(targetError * d.retailUnits, Double(batch.inputs.terms.step) / 3) { return false }
        if model.crowdfunding != nil, d.firstTwoDays > 0, d.goalError > targetError * d.firstTwoDays { return false }
        return true
    }

    /// The trials a run can afford within `work` (trials × the inputs drawn and registers
    /// evaluated per trial) and `Limits.simulationBytes` (the stored outputs): the requested
    /// number, or fewer, never below 100.
    static func affordableTrials(_ requested: Int, inputs: Int, registers: Int, columns: Int,
                                 work: Int = Limits.simulationWork) -> Int {
        let perTrial = max(1, inputs + registers)
        let byWork = work / perTrial
        let byMemory = Limits.simulationBytes / (8 * max(1, columns))
        return max(100, min(requested, byWork, byMemory))
    }

    /// For the benchmark target: the trials and the percentiles of a plan, timed apart.
    package static func benchmark(_ scenario: Scenario, threads: Int) -> (trials: Duration, summaries: Duration) {
        let clock = ContinuousClock()
        let model = PlanModel(scenario)
        let base = Workspace(model)
        model.run(base, Decisions())
        let trials = scenario.settings.trials ?? automaticStart
        let table = TrialTable(keys: model.rangedOutputs(base: base, decisions: Decisions()), capacity: trials)
        let start = clock.now
        MonteCarlo.run(model, Decisions(), trials: trials, seed: scenario.settings.seed, into: table, threads: threads)
        let middle = clock.now
        for key in table.keys {
            guard let column = table.column(key, trials: trials), let totals = table.totals(key, trials: trials) else { continue }
            _ = summarize(key, column, totals: totals, base: 0, threads: threads)
        }
        return (middle - start, clock.now - middle)
    }

    /// For the benchmark target: one pass of `trials` trials with the plan's decisions taken,
    /// recording every ranged output, or every one but the cash flow's (so that the cash step
    /// does not run); its time.
    package static func benchmarkPass(_ scenario: Scenario, trials: Int, threads: Int, withCash: Bool) -> Duration {
        let model = PlanModel(scenario)
        let base = Workspace(model)
        model.run(base, Decisions())
        let decisions = run(model, base: base, settings: scenario.settings, options: Options(threads: threads)).decisions
        let keys = Output.all.filter { $0.info.ranged && model.has($0) && (withCash || $0.section != .cash) }
        let table = TrialTable(keys: keys, capacity: trials)
        let clock = ContinuousClock()
        let start = clock.now
        MonteCarlo.run(model, decisions, trials: trials, seed: scenario.settings.seed, into: table, threads: threads)
        return clock.now - start
    }

    /// P10, P50, P90, mean and the worst Monte Carlo error of one column. Values that are not
    /// numbers (a break-even that never comes, a minimum raise that fees make impossible) count
    /// as above every number: a percentile that falls among them is infinite, and so is the mean.
    static func summarize(_ key: Output, _ column: UnsafeMutableBufferPointer<Double>,
                          totals: (sum: Double, low: Double, high: Double), base: Double, threads: Int) -> Uncertainty.Summary {
        var totals = totals
        var finite = column.count
        if !totals.sum.isFinite || !totals.low.isFinite || !totals.high.isFinite {
            finite = 0
            totals.low = .infinity
            totals.high = -.infinity
            for index in column.indices where column[index].isFinite {
                column.swapAt(index, finite)
                totals.low = min(totals.low, column[finite])
                totals.high = max(totals.high, column[finite])
                finite += 1
            }
            if finite < column.count {
                let n = Double(column.count)
                let ranks = [0.1, 0.5, 0.9].map { (n - 1) * $0 }
                let part = UnsafeMutableBufferPointer(rebasing: column[0..<finite])
                let values = ranks.map { rank -> Double in
                    guard rank.rounded(.up) < Double(finite), finite > 0 else { return .infinity }
                    let p = finite > 1 ? rank / Double(finite - 1) : 0
                    return totals.low < totals.high
                        ? Quantiles.estimate(part, [p], low: totals.low, high: totals.high, threads: threads)[0].value : totals.low
                }
                return .init(output: key, base: base, p10: values[0], p50: values[1], p90: values[2], mean: .infinity,
                             worstError: nil, worstPercentile: 50)
            }
        }
        let mean = totals.sum / Double(max(column.count, 1))
        guard totals.low < totals.high else {
            return .init(output: key, base: base, p10: totals.low, p50: totals.low, p90: totals.low, mean: mean,
                         worstError: nil, worstPercentile: 50)
        }
        let estimates = Quantiles.estimate(column, [0.1, 0.5, 0.9], low: totals.low, high: totals.high, threads: threads)
        let (p10, p50, p90) = (estimates[0].value, estimates[1].value, estimates[2].value)
        // Relative to the value, or to the spread where a percentile sits near zero (a handful of
        // lost sales at P10 is not imprecise because its error is a large share of a small number).
        let scale = max(abs(p90 - p10), 1e-12)
        var worst: (Double, Int)?
        for (estimate, label) in zip(estimates, [10, 50, 90]) {
            let error = estimate.standardError / max(abs(estimate.value), scale)
            if error > (worst?.0 ?? -1) { worst = (error, label) }
        }
        return .init(output: key, base: base, p10: p10, p50: p50, p90: p90, mean: mean,
                     worstError: worst?.0, worstPercentile: worst?.1 ?? 50)
    }
}
