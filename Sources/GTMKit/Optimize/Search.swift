/// The optimiser's search (see `Optimizer`): candidates evaluated on the same trials, cached by
/// their settings, compared within the constraints first and by the objective second.
final class Search {
    let document: Document
    let spec: Scenario.Optimize
    let scenario: Scenario
    let options: Simulation.Options
    private var cache: [[Optimizer.Setting]: Optimizer.Evaluation] = [:]
    private var order: [[Optimizer.Setting]] = []
    /// The constraints' limits, `ConstraintKind` order; nil where not set.
    private(set) var limits: [Double?]

    /// True when the scenario as written keeps its own `product.target_margin`: then every candidate must.
    let keepsMargin: Bool

    init(document: Document, spec: Scenario.Optimize, scenario: Scenario, threads: Int) {
        self.document = document
        self.spec = spec
        self.scenario = scenario
        keepsMargin = !Self.belowTargetMargin(scenario)
        options = Simulation.Options(threads: threads)
        let onHand = scenario.cash?.onHand.value ?? 0
        limits = Optimizer.ConstraintKind.allCases.map { kind in
            switch kind {
            case .maxPeakNeed: return spec.maxPeakNeed ?? (scenario.cash != nil ? onHand + spec.credit : nil)
            case .maxMarketing: return spec.maxMarketing
            case .minFillRate: return spec.minFillRate
            case .maxShortfallChance: return spec.maxShortfallChance
            }
        }
    }

    // MARK: Candidates

    /// A setting as `--set` writes it: money and counts to the unit, shares to a hundredth of a
    /// percentage point, other numbers to four decimals (the grid the search moves on).
    static func text(_ setting: Optimizer.Setting, kind: ValueKind) -> String {
        switch setting {
        case .word(let word): return word
        case .unset: return ""
        case .number(let value):
            let places = kind == .money || kind == .count || kind == .integer ? 0 : 4
            return Format.grouped(value, decimals: places, separator: "")
        }
    }

    /// A number rounded to the grid `text` writes it on.
    static func rounded(_ value: Double, kind: ValueKind) -> Double {
        let scale = kind == .money || kind == .count || kind == .integer ? 1.0 : 10_000
        return (value * scale).rounded() / scale
    }

    /// True when a price the scenario sells at (the list price, the launch price) keeps less gross
    /// margin than `product.target_margin`, at the unit cost's middle value.
    static func belowTargetMargin(_ scenario: Scenario) -> Bool {
        guard let target = scenario.product.targetMargin?.value else { return false }
        let cost = scenario.product.unitCost.value
        return [scenario.product.price.value, scenario.product.launchPrice?.value].compactMap { $0 }
            .contains { $0 <= 0 || cost > EconomicsModel.unitCostCeiling(price: $0, targetMargin: target) + 1e-12 * $0 }
    }

    /// The grain a free interval moves on: money over a range at least 10,000 wide in 1,000s (a
    /// budget's last ¥1,000), from 1,000 wide in 100s, narrower in whole units (a price); a share
    /// over a range at least 10 points wide in whole points (a discount, a service level), narrower
    /// in tenths; other kinds on the grid `rounded` writes. What a GTM lead signs, and the
    /// resolution of the search.
    static func grain(_ free: Scenario.Optimize.Free) -> Double {
        guard case .interval(let low, let high, _) = free.range else { return 1 }
        switch free.kind {
        case .money: return high - low >= 10_000 ? 1_000 : high - low >= 1_000 ? 100 : 1
        case .share: return high - low >= 0.1 ? 0.01 : 0.001
        case .count, .integer: return 1
        default: return 1e-4
        }
    }

    /// `value` on the decision's grain, within its bounds.
    func snap(_ value: Double, _ index: Int) -> Double {
        let free = spec.free[index]
        guard case .interval(let low, let high, _) = free.range else { return value }
        let grain = Self.grain(free)
        return Self.rounded(min(max((value / grain).rounded() * grain, low), high), kind: free.kind)
    }

    /// The scenario with these settings written in as overrides (`--set`; an unset one left as the file has it).
    func scenario(_ settings: [Optimizer.Setting]) throws(ScenarioError) -> Scenario {
        var candidate = document
        for (free, setting) in zip(spec.free, settings) where setting != .unset {
            try candidate.set("\(free.path)=\(Self.text(setting, kind: free.kind))", option: "optimize.free")
        }
        return try candidate.decode()
    }

    /// The candidate with these settings, planned and run on the search's trials (cached).
    func evaluate(_ candidateSettings: [Optimizer.Setting]) throws(ScenarioError) -> Optimizer.Evaluation {
        if let known = cache[candidateSettings] { return known }
        var decoded: Scenario?
        do {
            decoded = try self.scenario(candidateSettings)
        } catch {
            decoded = nil
        }
        // A combination the scenario refuses (a launch price above the list price), or a price below
        // its own target margin (`product.target_margin`, "the gross margin the price must keep"): not a plan.
        guard let scenario = decoded, !(keepsMargin && Self.belowTargetMargin(scenario)) else {
            let refused = Optimizer.Evaluation(settings: candidateSettings, objective: [], mean: -.infinity, p10: -.infinity, p90: -.infinity,
                                               values: [])
            cache[candidateSettings] = refused
            order.append(candidateSettings)
            return refused
        }
        let model = PlanModel(scenario)
        var settings = scenario.settings
        let uncertain = !model.inputs.uncertain.isEmpty
        settings.trials = uncertain ? spec.trials : nil
        let base = Workspace(model)
        model.run(base, Decisions())
        let (decisions, trials) = Simulation.decide(model, base: base, settings: settings, options: options)
        model.run(base, decisions)
        let keys = [Output.endingCash, .peakNeed, .stockLeft, .marketingSpend, .fillRate].filter { model.has($0) }
        let table = TrialTable(keys: keys, capacity: max(trials, 1))
        if uncertain {
            MonteCarlo.run(model, decisions, trials: trials, seed: settings.seed, into: table, threads: options.threads)
        } else {
            // One launch: the base case, with the decisions taken.
            for (column, key) in keys.enumerated() { table.storage[column * table.capacity] = base[key] }
        }
        let count = uncertain ? trials : 1
        func column(_ key: Output) -> UnsafeMutableBufferPointer<Double>? { table.column(key, trials: count) }
        let v = base.registers
        let onHand = model.cash.map { v[$0.onHand] } ?? 0
        let salvage = v[model.salvage]
        let capital = spec.objective == .profit ? (spec.costOfCapital ?? 0) * scenario.horizon.years : 0
        var objective = [Double](repeating: 0, count: count)
        let ending = column(.endingCash), peak = column(.peakNeed), left = column(.stockLeft)
        for trial in 0..<count {
            let net = (ending?[trial] ?? onHand) - onHand
            objective[trial] = net + (left?[trial] ?? 0) * salvage - capital * (peak?[trial] ?? 0)
        }
        func mean(_ values: UnsafeMutableBufferPointer<Double>?) -> Double {
            guard let values, !values.isEmpty else { return 0 }
            return values.reduce(0, +) / Double(values.count)
        }
        let shortfallLine = onHand + spec.credit
        let shortfall = peak.map { Double($0.filter { $0 > shortfallLine }.count) / Double(max($0.count, 1)) } ?? 0
        let values = Optimizer.ConstraintKind.allCases.map { kind -> Double in
            switch kind {
            // The cash a bank line must cover in a bad case, not on average: the P90 peak need.
            case .maxPeakNeed:
                guard let peak, peak.count > 0 else { return 0 }
                var copy = Array(peak)
                return copy.withUnsafeMutableBufferPointer { BandRecorder.percentile($0, 0.9) }
            case .maxMarketing: return mean(column(.marketingSpend))
            case .minFillRate: return column(.fillRate) == nil ? 1 : mean(column(.fillRate))
            case .maxShortfallChance: return shortfall
            }
        }
        var sorted = objective
        let tails = sorted.withUnsafeMutableBufferPointer { (BandRecorder.percentile($0, 0.1), BandRecorder.percentile($0, 0.9)) }
        let evaluation = Optimizer.Evaluation(settings: candidateSettings, objective: objective, mean: objective.reduce(0, +) / Double(count),
                                              p10: tails.0, p90: tails.1, values: values,
                                              firstBatch: model.firstBatch != nil ? decisions.batchUnits : nil,
                                              serviceLevel: model.firstBatch != nil ? decisions.criticalRatio : nil,
                                              shortfall: model.cash != nil ? shortfall : nil)
        cache[candidateSettings] = evaluation
        order.append(candidateSettings)
        return evaluation
    }

    /// The constraints a candidate breaks, by name (`refused`: the scenario refused it).
    func broken(_ e: Optimizer.Evaluation) -> [String] {
        guard !e.values.isEmpty else { return ["refused"] }
        return excesses(e).map(\.kind.rawValue)
    }

    /// How far a candidate breaks the constraints under the current limits (0 within them): the
    /// excess over each limit as a share of it, summed.
    func violation(_ e: Optimizer.Evaluation) -> Double {
        guard !e.values.isEmpty else { return .infinity }
        return excesses(e).reduce(0) { $0 + $1.share }
    }

    /// Each constraint a candidate breaks under the current limits, and by how much as a share of its limit.
    private func excesses(_ e: Optimizer.Evaluation) -> [(kind: Optimizer.ConstraintKind, share: Double)] {
        zip(Optimizer.ConstraintKind.allCases, zip(limits, e.values)).compactMap { kind, pair in
            guard let limit = pair.0 else { return nil }
            let excess = kind.excess(pair.1, over: limit)
            return excess > 1e-9 * max(1, abs(limit)) ? (kind, excess / max(abs(limit), 1e-9)) : nil
        }
    }

    /// True when `a` is the better plan: within the constraints (or nearer them), then the higher objective.
    func better(_ a: Optimizer.Evaluation, than b: Optimizer.Evaluation) -> Bool {
        let (va, vb) = (violation(a), violation(b))
        if abs(va - vb) > 1e-12 { return va < vb }
        return a.mean > b.mean + 1e-9 * max(1, abs(b.mean))
    }

    // MARK: The search

    static func number(_ setting: Optimizer.Setting) -> Double {
        if case .number(let value) = setting { return value }
        return 0
    }

    /// The scenario's own value of each free decision, within its bounds.
    func givenSettings() -> [Optimizer.Setting] {
        spec.free.map { free in
            let schema = Schema.schemaPath(free.path)
            let record = scenario.inputs.first { $0.path == free.path }
                ?? scenario.inputs.first { Schema.schemaPath($0.path) == schema && !schema.contains("[]") }
            switch free.range {
            case .choice:
                // The file's word even outside the search's options (`auto`: the plan's own rule decides).
                guard case .choice(let words)? = Schema.field(schema)?.valueKind else { return .unset }
                return record.map(\.text).flatMap { words.contains($0) ? .word($0) : nil } ?? .unset
            case .interval(let low, let high, _):
                let field = Schema.field(schema)
                let parser = ValueParser(key: field?.key ?? "", kind: free.kind, bounds: field?.bounds ?? low...high, allowsUncertainty: true,
                                         currency: scenario.settings.currency)
                guard let text = record?.text, case .quantity(let quantity)? = try? parser.parse(text) else { return .unset }
                return .number(Self.rounded(min(max(quantity.value, low), high), kind: free.kind))
            }
        }
    }

    /// Coordinate search from `start`: each choice enumerated; each interval on a 9-point grid
    /// (its whole range on the first sweep unless `local`, then an eighth of it either side) and
    /// a golden-section search between the best point's neighbours. Until a sweep changes nothing.
    func search(from start: [Optimizer.Setting], sweeps: Int, local: Bool) throws(ScenarioError)
        -> (best: Optimizer.Evaluation, lastImprovement: Double) {
        var current = start
        var best = try evaluate(current)
        var lastImprovement = 0.0
        let phi = (5.0.squareRoot() - 1) / 2
        // A candidate evaluated, and kept as the current plan when it is the better one.
        func take(_ candidate: [Optimizer.Setting]) throws(ScenarioError) -> Optimizer.Evaluation {
            let e = try evaluate(candidate)
            if better(e, than: best) {
                best = e
                current = candidate
            }
            return e
        }
        for sweep in 0..<sweeps {
            let before = best
            for index in spec.free.indices {
                func consider(_ setting: Optimizer.Setting) throws(ScenarioError) -> Optimizer.Evaluation {
                    var candidate = current
                    candidate[index] = setting
                    return try take(candidate)
                }
                let free = spec.free[index]
                switch free.range {
                case .choice(let options):
                    for option in options { _ = try consider(.word(option)) }
                case .interval(let low, let high, _):
                    let x0 = current[index] == .unset ? (low + high) / 2 : Self.number(current[index])
                    let span = sweep == 0 && !local ? high - low : (high - low) / 8
                    let a = max(low, x0 - span), b = min(high, x0 + span)
                    for j in 0...8 { _ = try consider(.number(snap(a + (b - a) * Double(j) / 8, index))) }
                    let x = current[index] == .unset ? x0 : Self.number(current[index]), step = (b - a) / 8
                    var lo = max(a, x - step), hi = min(b, x + step)
                    let resolution = max((high - low) * 1e-4, Self.grain(free))
                    for _ in 0..<20 where hi - lo > resolution {
                        let m1 = snap(hi - phi * (hi - lo), index), m2 = snap(lo + phi * (hi - lo), index)
                        let e1 = try consider(.number(m1)), e2 = try consider(.number(m2))
                        if better(e1, than: e2) { hi = m2 } else { lo = m1 }
                    }
                }
            }
            // Money moved between two budgets (a golden-section search on the transfer): where a cap
            // binds, one budget alone cannot move, but the split still can.
            let budgets = spec.free.indices.filter { spec.free[$0].kind == .money && current[$0] != .unset }
            for (a, i) in budgets.enumerated() {
                for j in budgets[(a + 1)...] {
                    guard case .interval(let lowI, let highI, _) = spec.free[i].range,
                          case .interval(let lowJ, let highJ, _) = spec.free[j].range else { continue }
                    let xi = Self.number(current[i]), xj = Self.number(current[j])
                    var lo = -min(xi - lowI, highJ - xj), hi = min(highI - xi, xj - lowJ)
                    let origin = current
                    func transfer(_ t: Double) throws(ScenarioError) -> Optimizer.Evaluation {
                        var candidate = origin
                        // On the coarser of the two grains, so both budgets stay on theirs.
                        let grain = max(Self.grain(spec.free[i]), Self.grain(spec.free[j]))
                        let moved = (t / grain).rounded() * grain
                        candidate[i] = .number(xi + moved)
                        candidate[j] = .number(xj - moved)
                        return try take(candidate)
                    }
                    for _ in 0..<24 where hi - lo > max(Self.grain(spec.free[i]), Self.grain(spec.free[j])) {
                        let m1 = hi - phi * (hi - lo), m2 = lo + phi * (hi - lo)
                        if better(try transfer(m1), than: try transfer(m2)) { hi = m2 } else { lo = m1 }
                    }
                }
            }
            lastImprovement = best.mean - before.mean
            if best.settings == before.settings {
                lastImprovement = 0
                break
            }
        }
        return (best, lastImprovement)
    }

    /// The option a choice left at a word outside its options (`auto`) amounts to in `plan`: the
    /// first option whose plan is the same (objective and constraints), evaluated; nil when decision
    /// `index` is not such a choice, or no option is the same.
    func ruleOption(_ plan: Optimizer.Evaluation, _ index: Int) throws(ScenarioError) -> Optimizer.Evaluation? {
        guard case .choice(let options) = spec.free[index].range, case .word(let word) = plan.settings[index],
              !options.contains(word) else { return nil }
        for option in options {
            var settings = plan.settings
            settings[index] = .word(option)
            let same = try evaluate(settings)
            if same.objective == plan.objective, same.values == plan.values { return same }
        }
        return nil
    }

    /// `settings` with decision `index` one grain lower.
    func lowered(_ settings: [Optimizer.Setting], _ index: Int) -> [Optimizer.Setting] {
        var settings = settings
        settings[index] = .number(snap(Self.number(settings[index]) - Self.grain(spec.free[index]), index))
        return settings
    }

    /// The standard error of the mean difference between two candidates on the same trials.
    static func pairedError(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(min(a.count, b.count))
        guard n > 1 else { return 0 }
        var sum = 0.0, squares = 0.0
        for (x, y) in zip(a, b) {
            sum += x - y
            squares += (x - y) * (x - y)
        }
        return (max(0, (squares - sum * sum / n) / (n - 1)) / n).squareRoot()
    }

    /// The search, then the chosen plan's marginal returns, the binding constraints' shadow
    /// prices and what to learn first.
    func run() throws(ScenarioError) -> Optimization {
        let given = givenSettings()
        let givenEvaluation = try evaluate(given)
        var (chosen, lastImprovement) = try search(from: given, sweeps: 4, local: false)
        // A decision keeps the scenario's value unless moving it is worth it: the objective lost by
        // putting it back must exceed `Optimizer.materiality` of the scenario's objective and two
        // standard errors of the difference (on a flat objective the search's best point is noise).
        // The whole scenario first (a split moved within a cap moves two budgets at once), then
        // decision by decision.
        let materiality = Optimizer.materiality * abs(givenEvaluation.mean)
        func keep(_ kept: Optimizer.Evaluation) {
            guard !kept.values.isEmpty, violation(kept) <= violation(chosen) else { return }
            if chosen.mean - kept.mean <= max(materiality, 2 * Self.pairedError(chosen.objective, kept.objective)) { chosen = kept }
        }
        let searched = chosen
        keep(givenEvaluation)
        for index in spec.free.indices where chosen.settings[index] != given[index] {
            var settings = chosen.settings
            settings[index] = given[index]
            keep(try evaluate(settings))
        }
        // A choice the scenario leaves to its rule (`auto`): the option the rule picks, by its plan.
        var picks: [String?] = []
        for index in spec.free.indices {
            if let same = try ruleOption(givenEvaluation, index), case .word(let option) = same.settings[index] {
                picks.append(option)
            } else {
                picks.append(nil)
            }
        }
        // What the reader needs told about each decision: kept at the scenario's value though the
        // search found better; at an end of its range; or unable to change the plan at all.
        var notes: [Optimization.Note?] = []
        for (index, free) in spec.free.enumerated() {
            guard case .interval(let low, let high, _) = free.range else {
                notes.append(searched.settings[index] != chosen.settings[index] ? .kept : nil)
                continue
            }
            var ends: [Optimizer.Evaluation] = []
            for end in [low, high] {
                var settings = chosen.settings
                settings[index] = .number(snap(end, index))
                ends.append(try evaluate(settings))
            }
            let x = Self.number(chosen.settings[index]), grain = Self.grain(free)
            let moved = chosen.settings[index] != given[index] && chosen.settings[index] != .unset
            if ends.allSatisfy({ $0.objective == chosen.objective && $0.values == chosen.values }) {
                notes.append(.inert)
            } else if searched.settings[index] != chosen.settings[index] {
                notes.append(.kept)
            } else if moved, x >= high - grain / 2 {
                notes.append(.high)
            } else if moved, x <= low + grain / 2 {
                notes.append(.low)
            } else if moved, x - grain >= low, try evaluate(lowered(chosen.settings, index)).values.isEmpty {
                // The scenario refuses one grain lower (its target margin): the lowest it allows.
                notes.append(.floor)
            } else {
                notes.append(nil)
            }
        }
        // A choice left at a word outside its options (`auto`) is named by the option it amounts to.
        for index in spec.free.indices {
            if let same = try ruleOption(chosen, index) { chosen = same }
        }
        // The marginal return of each interval: the objective's slope across a tenth of its range.
        var marginals: [Optimization.Marginal] = []
        for (index, free) in spec.free.enumerated() {
            guard case .interval(let low, let high, _) = free.range, chosen.settings[index] != .unset else { continue }
            // Across a twentieth of its range either side: case packs and reorders make the objective
            // step at a finer grain, and the last ¥1,000's return is read across them.
            let x = Self.number(chosen.settings[index]), h = max((high - low) * 0.05, Self.grain(free))
            let up = snap(x + h, index), down = snap(x - h, index)
            guard up > down else { continue }
            var above = chosen.settings, below = chosen.settings
            above[index] = .number(up)
            below[index] = .number(down)
            let slope = (try evaluate(above).mean - evaluate(below).mean) / (up - down)
            let step = free.kind == .money ? (high - low >= 10_000 ? 1_000 : 1) : free.kind == .share ? 0.01 : 1
            if slope.isFinite { marginals.append(.init(path: free.path, perUnit: slope, step: step)) }
        }
        // Each option of each choice, the other decisions as chosen: what the choice is worth.
        var options: [Optimization.Option] = []
        for (index, free) in spec.free.enumerated() {
            guard case .choice(let words) = free.range else { continue }
            for word in words {
                var settings = chosen.settings
                settings[index] = .word(word)
                let e = try evaluate(settings)
                if !e.values.isEmpty {
                    options.append(.init(path: free.path, option: word, value: e.mean, broken: broken(e),
                                         values: zip(limits, e.values).compactMap { $0.0 == nil ? nil : $0.1 }))
                }
            }
        }
        // Each constraint for both plans; where it binds, the gain from relaxing it by a tenth.
        var constraints: [Optimization.Constraint] = []
        let original = limits
        // The same local search under the limits as they are: what relaxing one is measured against
        // (the chosen plan is a local optimum only where no decision was kept at the scenario's value).
        var anchor: Optimizer.Evaluation?
        for (k, kind) in Optimizer.ConstraintKind.allCases.enumerated() {
            guard let limit = original[k] else { continue }
            let value = chosen.values[k]
            let slack = -kind.excess(value, over: limit)
            let binding = slack <= 0.05 * max(abs(limit), kind.isShare ? 0.01 : 1)
            var shadow: Double?
            if binding {
                let delta = kind.isShare ? 0.02 : max(abs(limit) * 0.05, 1)
                limits[k] = kind.isMinimum ? limit - delta : limit + delta
                let relaxed = try search(from: chosen.settings, sweeps: 2, local: true).best
                limits = original
                if anchor == nil { anchor = try search(from: chosen.settings, sweeps: 2, local: true).best }
                shadow = max(0, relaxed.mean - max(chosen.mean, anchor?.mean ?? chosen.mean)) / delta
            }
            // Binding: at its limit, and relaxing it gains something (within the limit, not broken).
            let binds = binding && slack >= -1e-9 * max(1, abs(limit)) && (shadow ?? 0) > 0
            constraints.append(.init(kind: kind, limit: limit, given: givenEvaluation.values[k], chosen: value,
                                     binding: binds, shadowPrice: binds ? shadow : nil))
        }
        // What to learn first: each uncertain input's EVPI over the candidates within the constraints.
        var evpi: [Optimization.Information] = []
        // (Those within the constraints; when none is, every candidate.)
        let evaluated = order.compactMap { cache[$0] }.filter { !$0.values.isEmpty }
        let feasible = evaluated.filter { violation($0) == 0 }
        let candidates = feasible.isEmpty ? evaluated : feasible
        if chosen.objective.count > 1, !candidates.isEmpty {
            let model = PlanModel(try scenario(chosen.settings))
            let draws = MonteCarlo.draws(model, trials: chosen.objective.count, seed: scenario.settings.seed)
            let objectives = candidates.map(\.objective)
            for (input, values) in zip(model.inputs.uncertain, draws) {
                evpi.append(.init(input: input.path, value: Optimizer.evpi(draws: values, objectives: objectives)))
            }
            evpi = evpi.enumerated().sorted { ($1.element.value, $0.offset) < ($0.element.value, $1.offset) }.map(\.element)
        }
        func outcome(_ e: Optimizer.Evaluation) -> Optimization.Outcome {
            .init(mean: e.mean, p10: e.p10, p90: e.p90, broken: broken(e), firstBatch: e.firstBatch, shortfallChance: e.shortfall)
        }
        return Optimization(objective: spec.objective,
                            decisions: spec.free.indices.map {
                                .init(path: spec.free[$0].path, kind: spec.free[$0].kind, given: given[$0], chosen: chosen.settings[$0],
                                      rule: given[$0] == .unset && Schema.schemaPath(spec.free[$0].path) == Scenario.Inventory.serviceLevelKey
                                          ? givenEvaluation.serviceLevel : nil,
                                      pick: picks[$0], note: notes[$0])
                            },
                            given: outcome(givenEvaluation), chosen: outcome(chosen),
                            gainError: Self.pairedError(chosen.objective, givenEvaluation.objective), materiality: materiality,
                            lastImprovement: lastImprovement, evaluations: cache.count, trials: chosen.objective.count,
                            constraints: constraints, peakNeedDefaulted: spec.maxPeakNeed == nil,
                            marginalReturns: marginals, options: options, evpi: evpi)
    }
}
