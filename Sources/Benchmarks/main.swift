// Benchmarks: `swift run -c release gtm-bench [name…]`. Figures go in the README.
// Its scenarios are its own, written here and fixed: a `try!` on them never meets user input.
import GTMKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` `repeats` times after one warm-up and prints the median and fastest times.
func measure(_ name: String, repeats: Int = 7, _ body: () -> Double) {
    _ = body()
    var times: [Double] = []
    var check = 0.0
    let clock = ContinuousClock()
    for _ in 0..<repeats {
        let start = clock.now
        check += body()
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    times.sort()
    let median = times[times.count / 2]
    print("\(name.padding(48))  median \(milliseconds(median))  fastest \(milliseconds(times[0]))  (check \(Int(check) % 1000))")
}

func milliseconds(_ seconds: Double) -> String {
    let value = (seconds * 1e5).rounded() / 100
    return "\(value) ms"
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

/// Deterministic candidates: fees from ¥200 to ¥200,000 with odd amounts, followers 1k–2M.
func roster(_ count: Int, seed: UInt64) -> (fees: [Double], values: [Double]) {
    var state = seed
    func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    var fees: [Double] = []
    var values: [Double] = []
    for _ in 0..<count {
        let followers = Double(1_000 + next() % 2_000_000)
        fees.append(Double(20_000 + next() % 20_000_000) / 100)
        values.append(followers * (0.01 + Double(next() % 400) / 10_000))
    }
    return (fees, values)
}

let selected = Set(CommandLine.arguments.dropFirst())
/// `gtm-bench pass N`: one pass of N trials of aurora's whole plan, cash flow included, for
/// counting allocations from outside (valgrind's heap summary at two values of N).
let passTrials = CommandLine.arguments.firstIndex(of: "pass").flatMap { index in
    index + 1 < CommandLine.arguments.count ? Int(CommandLine.arguments[index + 1]) : nil
}
func wanted(_ name: String) -> Bool { (selected.isEmpty && passTrials == nil) || selected.contains(name) }

if wanted("roster") {
    for count in [100, 1_000, 10_000] {
        let (fees, values) = roster(count, seed: 42)
        var gap = 0.0
        measure("roster: \(count) candidates, budget ¥2,000,000") {
            let found = RosterSelector.select(fees: fees, values: values, budget: 2_000_000)
            gap = found.gap
            return Double(found.chosen.count)
        }
        print("    optimality gap \((gap * 1e6).rounded() / 1e4)%")
    }
}

if wanted("roster-plan") {
    // The whole pipeline on a scenario file holding 10,000 candidates: read, decode, plan, render.
    let (fees, values) = roster(10_000, seed: 42)
    var text = "product:\n  name: Lamp\n  price: 399\n  unit_cost: 142\nlaunch:\n  date: 2027-03-15\nkol:\n  budget: 2M\n  roster:\n"
    for index in 0..<fees.count {
        let followers = Int(values[index] / 0.02)
        text += "    - name: creator \(index)\n      followers: \(followers)\n      fee: \(Format.grouped(fees[index], decimals: 2, separator: ""))\n"
    }
    let bytes = Array(text.utf8)
    print("    scenario file: \(bytes.count / 1024) KiB")
    measure("plan: 10,000-candidate roster, file to report", repeats: 5) {
        let document = try! Document.parse(name: "roster.txt", bytes: bytes)
        let plan = try! Planner.plan(document: document)
        return Double(MarkdownReport(plan).render().utf8.count)
    }
}

if wanted("roster-stages") {
    let (fees, values) = roster(10_000, seed: 42)
    var text = "product:\n  name: Lamp\n  price: 399\n  unit_cost: 142\nlaunch:\n  date: 2027-03-15\nkol:\n  budget: 2M\n  roster:\n"
    for index in 0..<fees.count {
        text += """
                - name: creator \(index)\n      followers: \(Int(values[index] / 0.02))\n      fee: \
            \(Format.grouped(fees[index], decimals: 2, separator: ""))\n
            """
    }
    let bytes = Array(text.utf8)
    let document = try! Document.parse(name: "roster.txt", bytes: bytes)
    let scenario = try! document.decode()
    let plan = Planner.plan(scenario)
    measure("stage: parse", repeats: 3) { Double((try! Document.parse(name: "roster.txt", bytes: bytes)).root.pairs!.count) }
    measure("stage: decode", repeats: 3) { Double((try! document.decode()).inputs.count) }
    measure("stage: plan", repeats: 3) { Double(Planner.plan(scenario).timeline.count) }
    measure("stage: render markdown", repeats: 3) { Double(MarkdownReport(plan).render().utf8.count) }
}

/// A file of the package, read relative to the package root (run `swift run -c release gtm-bench` there).
func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer.prefix(count)
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// An example scenario with the data files it names (analogs, actuals) attached, as `gtm plan`
/// reads them: relative to the scenario's folder.
func example(_ path: String) -> Scenario? {
    guard let text = readFile(path) else { return nil }
    let folder = path.split(separator: "/").dropLast().joined(separator: "/")
    func inFolder(_ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }
    var document = try! Document.parse(name: path, identity: path, bytes: Array(text.utf8)) { name, _ in
        readFile(inFolder(name)).map { .success(Document.IncludedFile(name: inFolder(name), identity: inFolder(name), bytes: Array($0.utf8))) }
            ?? .failure(IncludeFailure(message: "not found", hint: ""))
    }
    for reference in document.dataReferences {
        let joined = inFolder(reference.path)
        document.attach(reference, name: joined, bytes: Array((readFile(joined) ?? "").utf8))
    }
    return try! document.decode()
}

/// The four-input market model of the README's comparison with numpy: the same file the
/// whole-process timing plans.
let marketScenario = readFile("Sources/Benchmarks/market-1m.txt") ?? ""

if marketScenario.isEmpty {
    print("Sources/Benchmarks/market-1m.txt not found: run from the package root")
}

if wanted("market") {
    let scenario = try! Document.parse(name: "market.txt", bytes: Array(marketScenario.utf8)).decode()
    for threads in [1, 2] {
        measure("market model: 1,000,000 trials, \(threads) thread\(threads == 1 ? "" : "s"), plan") {
            let plan = Planner.plan(scenario, simulation: Simulation.Options(threads: threads))
            return plan.uncertainty?.summary(.somUnits)?.p50 ?? 0
        }
    }
    measure("market model: base plan only (no simulation)") {
        Planner.plan(scenario, simulation: nil)[.somUnits] ?? 0
    }
}

if wanted("draws") {
    let sampler = Sampler(.lognormal(low: 30e6, high: 45e6), bounds: 0...1e15)
    let buffer = UnsafeMutablePointer<Double>.allocate(capacity: 1_000_000)
    measure("draws: 1,000,000 normals (ziggurat)") {
        var rng = Xoshiro256(seed: 1)
        var sum = 0.0
        for _ in 0..<1_000_000 { sum += Ziggurat.shared.next(&rng) }
        return sum
    }
    measure("draws: 1,000,000 lognormals, batched fill") {
        var rng = Xoshiro256(seed: 1)
        sampler.fill(buffer, count: 1_000_000, &rng, Ziggurat.shared)
        return buffer[7]
    }
    measure("draws: 1,000,000 exp (gtm)") {
        var sum = 0.0
        for i in 0..<1_000_000 { sum += Exp.core(Double(i) * 1e-5) }
        return sum
    }
    measure("draws: 1,000,000 uniform (xoshiro)") {
        var rng = Xoshiro256(seed: 1)
        var sum = 0.0
        for _ in 0..<1_000_000 { sum += rng.nextUnit() }
        return sum
    }
}

if wanted("market-stages") {
    let scenario = try! Document.parse(name: "market.txt", bytes: Array(marketScenario.utf8)).decode()
    for threads in [1, 2] {
        var trials: [Double] = []
        var summaries: [Double] = []
        for _ in 0..<7 {
            let (a, b) = Simulation.benchmark(scenario, threads: threads)
            trials.append(Double(a.components.attoseconds) * 1e-15 + Double(a.components.seconds) * 1e3)
            summaries.append(Double(b.components.attoseconds) * 1e-15 + Double(b.components.seconds) * 1e3)
        }
        trials.sort()
        summaries.sort()
        print("market stages, \(threads) thread(s): trials \((trials[3] * 100).rounded() / 100) ms, summaries \((summaries[3] * 100).rounded() / 100) ms")
    }
}

if wanted("fill") {
    measure("fill: 4,000,000 lognormal draws") { Sampler.benchmarkFill(.lognormal(low: 30e6, high: 45e6), count: 4_000_000) }
    measure("fill: 4,000,000 standard normals") { Sampler.benchmarkNormals(count: 4_000_000) }
}

/// Trials per second of a whole plan (draws, the models, percentiles, decisions, tornado).
func trialsPerSecond(_ name: String, _ scenario: Scenario, trials: Int) {
    var scenario = scenario
    scenario.settings.trials = trials
    var fastest = Double.infinity
    let clock = ContinuousClock()
    _ = Planner.plan(scenario)
    for _ in 0..<5 {
        let start = clock.now
        _ = Planner.plan(scenario)
        let elapsed = clock.now - start
        fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    let rate = Double(trials) / fastest
    print("""
        \(name.padding(48))  \(Format.grouped(rate, separator: ",")) trials/s  (\(Format.grouped(Double(trials))) trials in \
        \((fastest * 1e5).rounded() / 100) ms)
        """)
}

if wanted("throughput") {
    trialsPerSecond("market model (4 uncertain inputs)", try! Document.parse(name: "market.txt", bytes: Array(marketScenario.utf8)).decode(),
                    trials: 1_000_000)
    for path in ["Scenarios/aurora-lamp.txt", "Scenarios/ridgeline-kickstarter.txt"] {
        guard let scenario = example(path) else {
            print("\(path): run from the package root")
            continue
        }
        trialsPerSecond("full plan: \(path)", scenario, trials: 200_000)
    }
}

if wanted("examples") {
    // Each example at its default settings (trials chosen for the decisions' precision), in process.
    for path in ["Scenarios/aurora-lamp.txt", "Scenarios/ridgeline-kickstarter.txt", "Scenarios/ridgeline-week8.txt"] {
        guard let scenario = example(path) else {
            print("\(path): run from the package root")
            continue
        }
        var trials = 0
        measure("plan: \(path), default settings") {
            let plan = Planner.plan(scenario)
            trials = plan.uncertainty?.trials ?? 0
            return Double(trials)
        }
        print("    \(Format.grouped(Double(trials))) trials, chosen automatically")
    }
}

if wanted("cash") {
    // What the weekly cash flow adds to a trial: one pass of each example's trials (decisions
    // taken), on one core, recording every ranged output with and without the cash flow's.
    for path in ["Scenarios/aurora-lamp.txt", "Scenarios/ridgeline-kickstarter.txt"] {
        guard let scenario = example(path) else {
            print("\(path): run from the package root")
            continue
        }
        let trials = 20_480
        for withCash in [false, true] {
            var times: [Double] = []
            for _ in 0..<7 {
                let elapsed = Simulation.benchmarkPass(scenario, trials: trials, threads: 1, withCash: withCash)
                times.append(Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) * 1e-9)
            }
            times.sort()
            let perTrial = (times[3] / Double(trials) * 10).rounded() / 10
            print("\(path) \(withCash ? "with" : "without") the cash flow".padding(64) + "  \(perTrial) ns a trial (median of 7, one core)")
        }
    }
}

if let trials = passTrials {
    let text = readFile("Scenarios/aurora-lamp.txt") ?? ""
    let scenario = try! Document.parse(name: "aurora-lamp.txt", bytes: Array(text.utf8)).decode()
    let elapsed = Simulation.benchmarkPass(scenario, trials: trials, threads: 1, withCash: true)
    print("pass of \(trials) trials: \(elapsed)")
}

if wanted("fit") {
    // The analog fit: 5 analogs of 60 monthly periods each (Bass curves with m 20,000–60,000,
    // p 0.01–0.05, q 0.3–0.7 a year, ±10% deterministic noise), as `demand.analogs` fits them
    // when the file is read (once, never per trial).
    var state: UInt64 = 7
    func noise() -> Double {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return 0.9 + 0.2 * Double(state >> 11) / Double(1 << 53)
    }
    let boundaries = (0...60).map { Double($0) / 12 }
    let analogs: [[Double]] = (0..<5).map { index in
        let m = 20_000 + 10_000 * Double(index), p = 0.01 + 0.01 * Double(index), q = 0.3 + 0.1 * Double(index)
        return (1...60).map { k in
            m * (Bass.cumulative(boundaries[k], p: p, q: q) - Bass.cumulative(boundaries[k - 1], p: p, q: q)) * noise()
        }
    }
    measure("fit: 5 analogs × 60 periods") {
        analogs.reduce(0) { $0 + ((try? BassFit.fit($1, boundaries: boundaries))?.q ?? 0) }
    }
}
