// Benchmarks: `swift run -c release gtm-bench [name…]`. Figures go in the README.
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
func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

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
        text += "    - name: creator \(index)\n      followers: \(Int(values[index] / 0.02))\n      fee: \(Format.grouped(fees[index], decimals: 2, separator: ""))\n"
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
