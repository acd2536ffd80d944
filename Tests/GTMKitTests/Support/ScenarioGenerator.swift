// Shared by the property tests (`swift test`) and the `generated` fuzz target (Tests/Fuzz/run.sh
// compiles this file into it): scenarios generated from the schema, judged by `PlanInvariants`.
// No Testing import here, so that the fuzz build can use it as it is.
#if canImport(GTMKit)
@testable import GTMKit
#endif

/// Where a generated scenario's choices come from: a seeded generator (the property test) or
/// a fuzzer's bytes (each choice reads the next bytes; past the end every choice is 0).
protocol ChoiceSource {
    /// A number in `0..<bound` (0 when `bound` ≤ 1).
    mutating func next(_ bound: Int) -> Int
}

struct SeededChoices: ChoiceSource {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func next(_ bound: Int) -> Int {
        bound <= 1 ? 0 : Int(generator.next() % UInt64(bound))
    }
}

struct ByteChoices: ChoiceSource {
    let bytes: [UInt8]
    var position = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    mutating func next(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        var value = 0
        var range = 1
        while range < bound, range < 1 << 48 {
            value = value << 8 | Int(position < bytes.count ? bytes[position] : 0)
            position += 1
            range <<= 8
        }
        return value % bound
    }
}

/// A scenario file and the data files it names (analogs, actuals), by the path it writes.
struct GeneratedScenario {
    var text: String
    var files: [(path: String, text: String)]
}

/// Writes scenarios from the schema (`Schema.fields`): every section and key may appear, each
/// value of its key's kind, mostly inside its bounds and in realistic proportions (a unit cost
/// below the price, dates around the launch), sometimes at a bound, in any of the accepted
/// spellings, and for uncertain keys as a range or a distribution. Launches fall anywhere in
/// 1970–2200. Most scenarios are valid; the rest must fail with located diagnostics.
struct ScenarioGenerator<Source: ChoiceSource> {
    var source: Source
    /// Longest list written; most lists are far shorter.
    var maxItems = 40

    private var launch = CivilDate(daysSinceEpoch: 20_000)
    private var price = 100.0
    private var unitCost = 40.0
    private var currency = "USD"
    private var files: [(path: String, text: String)] = []
    /// Overridable value paths written so far (for `what_if`).
    private var written: [(path: String, field: Field)] = []
    private var eventNames: Set<String> = []
    /// The top-level sections and lists written so far.
    private var sections: Set<String> = []

    init(_ source: Source) { self.source = source }

    mutating func chance(_ percent: Int) -> Bool { source.next(100) < percent }
    mutating func pick<T>(_ options: [T]) -> T { options[source.next(options.count)] }
    /// Uniform in [low, high].
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(source.next(1_000_001)) / 1_000_000
    }
    /// Log-uniform in [low, high] (both positive).
    mutating func logUniform(_ low: Double, _ high: Double) -> Double {
        Math.exp(uniform(Math.log(low), Math.log(high)))
    }

    mutating func scenario() -> GeneratedScenario {
        files = []
        written = []
        sections = []
        eventNames = []
        currency = pick(["USD", "CNY", "JPY", "EUR", "CNY", "USD"])
        price = (logUniform(5, 3_000) * 100).rounded() / 100
        unitCost = (price * uniform(0.05, chance(5) ? 1.4 : 0.85) * 100).rounded() / 100
        let year = 1970 + source.next(231)
        launch = CivilDate(daysSinceEpoch: CivilDate.daysSinceEpoch(year: year, month: 1, day: 1) + source.next(365))
        var lines: [String] = []
        for field in Schema.children(of: "") {
            // The optimiser plans a scenario hundreds of times: its own tests cover it.
            if field.key == "optimize" { continue }
            switch field.shape {
            case .section:
                guard rule(field, [:]) ?? (field.required || chance(55)) else {
                    if field.key == "scenario" { currency = "CNY" }
                    continue
                }
                sections.insert(field.key)
                lines.append("\(field.key):")
                lines += mapping(of: field.path, indent: 2)
            case .list:
                guard rule(field, [:]) ?? chance(45) else { continue }
                sections.insert(field.key)
                lines.append("\(field.key):")
                lines += list(field, indent: 2)
            case .value:
                if field.key == "include" { continue }
                if field.key == "actuals" {
                    guard chance(10), sections.contains("demand"), sections.contains("market") else { continue }
                    lines.append("actuals: \(actuals())")
                    continue
                }
                guard chance(50) else { continue }
                lines.append("\(field.key): \(value(field))")
            case .variants, .decisions:
                guard chance(30), !written.isEmpty else { continue }
                lines.append("what_if:")
                for index in 0..<(1 + source.next(3)) {
                    lines.append("  variant_\(index):")
                    for _ in 0..<(1 + source.next(3)) {
                        let (path, field) = pick(written)
                        lines.append("    \(path): \(value(field))")
                    }
                }
            }
        }
        return GeneratedScenario(text: lines.joined(separator: "\n") + "\n", files: files)
    }

    private mutating func mapping(of parent: String, indent: Int, listPath: String? = nil) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var keys: [String: String] = [:]
        for field in Schema.children(of: parent) {
            let concrete = listPath.map { $0 + "." + field.key } ?? field.path
            let wanted = rule(field, keys) ?? (field.required || chance(field.key == "seed" || field.key == "trials" ? 20 : 45))
            guard wanted else { continue }
            switch field.shape {
            case .value(let kind):
                if field.path == "demand.analogs" {
                    lines.append("\(pad)analogs:")
                    for _ in 0..<(1 + source.next(2)) { lines.append("\(pad)  - \(analog())") }
                    keys[field.key] = "analogs"
                    continue
                }
                let text = value(field, keys)
                keys[field.key] = text
                lines.append("\(pad)\(field.key): \(text)")
                if field.overridable, kind.isNumeric || kind == .period || kind == .date { written.append((concrete, field)) }
            case .list:
                keys[field.key] = "list"
                lines.append("\(pad)\(field.key):")
                lines += list(field, indent: indent + 2)
            case .section:
                keys[field.key] = "section"
                lines.append("\(pad)\(field.key):")
                lines += mapping(of: field.path, indent: indent + 2)
            case .variants, .decisions:
                continue
            }
        }
        return lines
    }

    /// Whether to write `field` where the decoder ties it to another key (`forecast_sd` needs a
    /// `forecast`, an event without a preset needs its date and lift…), so that most generated
    /// scenarios are valid; nil where the key is free.
    private mutating func rule(_ field: Field, _ keys: [String: String]) -> Bool? {
        let platform = keys["platform"]
        let preset = keys["name"].flatMap { SalesEvents.preset(named: $0) }
        switch field.path {
        case "scenario.currency": return true
        case "demand", "inventory": return sections.contains("market") || sections.contains("channels") ? nil : false
        case "inventory.forecast_sd": return keys["forecast"] == nil ? false : nil
        case "demand.half_life": return keys["shape"] == "decay" ? true : nil
        case "demand.p", "demand.q": return keys["analogs"] == nil ? nil : false
        case "demand.events[].date": return preset == nil ? true : nil
        case "demand.events[].lift": return preset?.lift == nil ? true : nil
        case "crowdfunding.tiers[].share": return keys["limit"] == nil ? nil : false
        case "crowdfunding.platform_fee", "crowdfunding.payment_fee": return platform == "jd" || platform == "other" ? true : nil
        case "crowdfunding.payment_fixed": return currency != "USD" || platform == "jd" || platform == "other" ? true : nil
        case "kol.tiers": return true
        // SKUs' shares must add up to 100%: the consistency fixtures and SKUTests write them.
        case "product.skus": return false
        // Promotions must fall within the plan's sales and apart: PromotionTests and the fixtures write them.
        case "promotions": return false
        case "kol.align": return sections.contains("crowdfunding") ? nil : false
        case "ads[].cpm", "ads[].click_rate": return platform == nil || platform == "other" ? true : nil
        case "ads[].cpc": return platform == nil || platform == "other" ? false : nil
        case "ads[].conversion": return platform == nil || platform == "other" || platform == "xiaohongshu_juguang" ? true : nil
        default: return nil
        }
    }

    private mutating func list(_ field: Field, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let count: Int
        switch source.next(20) {
        case 0: count = field.required || field.path == "kol.tiers" ? 1 : 0
        case 1: count = 1 + source.next(maxItems)
        default: count = 1 + source.next(4)
        }
        var lines: [String] = []
        let itemKey: String
        if case .list(let key) = field.shape { itemKey = key } else { itemKey = "name" }
        let itemPath = field.path + "[]"
        if Schema.children(of: itemPath).isEmpty {
            for _ in 0..<count { lines.append("\(pad)- \(text())") }
            return lines
        }
        for index in 0..<count {
            var item = mapping(of: itemPath, indent: indent + 2, listPath: "\(field.path.replacingBrackets)[\(index)]")
            guard !item.isEmpty else { continue }
            // Names unique within a list, so that `what_if` paths by index stay meaningful.
            item = item.map { line in
                let key = line.drop { $0 == " " }.prefix { $0 != ":" }
                guard key == itemKey, !line.hasSuffix("\""), field.path != "demand.events" else { return line }
                return line + " \(index)"
            }
            let first = item[0].dropFirst(indent + 2)
            lines.append("\(pad)- \(first)")
            lines += item.dropFirst()
        }
        return lines
    }

    // MARK: Values

    mutating func value(_ field: Field, _ keys: [String: String] = [:]) -> String {
        guard case .value(let kind) = field.shape else { return "" }
        if field.path == "demand.events[].name" {
            // Each preset once (黑五 and Cyber Monday name Black Friday too); other names once each.
            let presets = ["618", "双11", "Black Friday"].filter { !eventNames.contains($0) }
            let name = chance(60) && !presets.isEmpty ? pick(presets) : "Event \(eventNames.count)"
            eventNames.insert(name)
            return name
        }
        if field.uncertain, chance(22) { return uncertain(field, kind) }
        switch kind {
        case .count, .integer, .number, .share, .money:
            return written(number(field, kind), kind: kind, field: field)
        case .period: return period(field)
        case .date: return date(field).description
        case .boolean: return pick(["yes", "no", "true", "false"])
        case .text:
            if field.path == "scenario.currency" { return currency }
            if field.key == "platform" { return pick(KOLPlatform.all.map { $0.keywords[0] } + ["somewhere", "other"]) }
            return text()
        case .choice(let options):
            return pick(options)
        }
    }

    /// A value of the key's kind inside its bounds, in proportions that make a plan.
    mutating func number(_ field: Field, _ kind: ValueKind) -> Double {
        let bounds = field.bounds
        if chance(4) { return pick([bounds.lowerBound, min(bounds.upperBound, kind == .share ? 1 : 1e7)]) }
        var value: Double
        switch field.path {
        case "product.price": value = price
        case "product.unit_cost", "pilot.unit_cost": value = unitCost * (field.path == "pilot.unit_cost" ? uniform(1, 2) : 1)
        case "product.salvage": value = unitCost * uniform(0, 0.95)
        case "product.launch_price", "demand.reference_price": value = price * uniform(0.5, 1.2)
        case "crowdfunding.payment_fixed": value = price * uniform(0, 0.02)
        case "crowdfunding.tiers[].price": value = price * uniform(0.5, 1.5)
        case "market.population": value = logUniform(1e3, 1e9)
        case "market.purchases_per_year": value = logUniform(0.05, 20)
        case "demand.p": value = logUniform(0.001, 0.2)
        case "demand.q": value = uniform(0, 1.2)
        case "demand.elasticity": value = uniform(-5, 0.5)
        case "demand.events[].lift": value = uniform(0.3, 6)
        default:
            switch kind {
            case .share: value = uniform(bounds.lowerBound, min(bounds.upperBound, chance(70) ? 0.3 : 1))
            case .integer: value = Double(source.next(chance(80) ? 60 : 5_000))
            case .count: value = logUniform(1, 5e6)
            case .money: value = price * logUniform(0.01, 2_000)
            default: value = uniform(-10, 10)
            }
        }
        value = min(max(value, bounds.lowerBound), bounds.upperBound)
        return kind == .integer ? value.rounded(.down) : value
    }

    /// The number in one of the spellings its kind accepts.
    mutating func written(_ value: Double, kind: ValueKind, field: Field) -> String {
        switch kind {
        case .share:
            return chance(60) ? "\(Format.shortest((value * 10_000).rounded() / 100))%" : Format.shortest((value * 10_000).rounded() / 10_000)
        case .integer:
            return String(Int(value))
        case .money:
            let amount = Format.shortest((value * 100).rounded() / 100)
            switch source.next(6) {
            case 0: return "\(amount) \(currency)"
            case 1: return currency == "USD" ? "$\(amount)" : currency == "CNY" ? "¥\(amount)" : "\(currency) \(amount)"
            default: return amount
            }
        default:
            let rounded = abs(value) >= 100 ? value.rounded() : (value * 1_000).rounded() / 1_000
            if rounded >= 10_000, chance(30) { return Format.shortest(rounded / 1_000) + "k" }
            return Format.shortest(rounded)
        }
    }

    mutating func uncertain(_ field: Field, _ kind: ValueKind) -> String {
        let a = number(field, kind), b = number(field, kind)
        let (low, high) = (min(a, b), max(a, b))
        func w(_ x: Double) -> String { written(x, kind: kind == .integer ? .number : kind, field: field) }
        // Ends far enough apart to stay apart when written (a share to 0.01%, a number to 0.001).
        let gap = max(high - low, kind == .share ? 0.01 : 1)
        let top = kind == .share ? min(low + gap, field.bounds.upperBound) : low + gap
        guard top > low else { return w(low) }
        switch source.next(6) {
        case 0, 1:
            guard low > 0 else { return "uniform(\(w(low)), \(w(top)))" }
            return "\(w(low)) to \(w(top))"
        case 2: return "normal(\(w((low + top) / 2)), \(w(gap / 4)))"
        case 3: return "uniform(\(w(low)), \(w(top)))"
        case 4: return "triangular(\(w(low)), \(w((low + top) / 2)), \(w(top)))"
        default: return "pert(\(w(low)), \(w(low + gap / 3)), \(w(top)))"
        }
    }

    mutating func period(_ field: Field) -> String {
        let low = max(field.bounds.lowerBound, 0)
        let high = min(field.bounds.upperBound, 1_100)
        var days = low + Double(source.next(Int(max(high - low, 0)) + 1))
        switch field.path {
        case "market.horizon": days = Double(28 + source.next(chance(90) ? 700 : 3_000))
        case "inventory.lead_time", "inventory.coverage": days = Double(7 + source.next(140))
        case "inventory.freight": days = Double(source.next(30))
        default: if chance(70) { days = min(days, low + 60) }
        }
        let whole = Int(max(days, low).rounded(.up))
        switch source.next(4) {
        case 0 where whole % 7 == 0: return "\(whole / 7) weeks"
        case 1 where whole % 30 == 0: return "\(whole / 30) months"
        case 2: return "\(whole)d"
        default: return "\(whole) days"
        }
    }

    mutating func date(_ field: Field) -> CivilDate {
        switch field.path {
        case "launch.date": return launch
        case "scenario.as_of": return launch.adding(days: -source.next(400))
        case "crowdfunding.start", "pilot.ready", "product.fixed_costs_due":
            return launch.adding(days: -source.next(300))
        case "seed_reviews.live_by": return launch.adding(days: source.next(60) - 30)
        default: return launch.adding(days: source.next(500) - 150)
        }
    }

    mutating func text() -> String {
        let name = pick(["Lamp", "Serum", "台灯", "Blender 2", "キーボード", "Café", "Mug 😀", "Tmall flagship store",
                         "Amazon", "JD", "Shopify", "Xiaohongshu notes", "Douyin", "head", "mid", "micro", "素人"])
        return chance(5) ? "\"\(name) #1\"" : name
    }

    // MARK: Data files

    /// A comparable product's sales on a Bass curve with noise, weekly or monthly.
    mutating func analog() -> String {
        let path = "data/analog-\(files.count).csv"
        let monthly = chance(50)
        let periods = 6 + source.next(chance(80) ? 40 : 400)
        let p = logUniform(0.002, 0.1), q = uniform(0.05, 0.9), m = logUniform(100, 1e6)
        var rows = ["date,units"]
        var day = CivilDate(year: 2015 + source.next(8), month: 1 + source.next(12), day: 1) ?? launch
        var previous = 0.0
        for period in 1...periods {
            let t = Double(period) * (monthly ? 1.0 / 12 : 7.0 / 365.25)
            let cumulative = m * Bass.cumulative(t, p: p, q: q)
            let units = max(0, ((cumulative - previous) * uniform(0.8, 1.2)).rounded())
            previous = cumulative
            rows.append("\(day),\(Format.shortest(units))")
            day = monthly ? day.adding(months: 1) : day.adding(days: 7)
        }
        files.append((path, rows.joined(separator: "\n") + "\n"))
        return path
    }

    /// Weekly sales since launch.
    mutating func actuals() -> String {
        let path = "data/actuals.csv"
        var rows = ["date,units"]
        for week in 0..<(1 + source.next(20)) {
            rows.append("\(launch.adding(days: 7 * week)),\(source.next(chance(10) ? 100_000 : 2_000))")
        }
        files.append((path, rows.joined(separator: "\n") + "\n"))
        return path
    }
}

/// Plans a generated scenario the way `gtm plan` does (data attached, every variant planned
/// beside the base case), with at most `trials` trials on one thread, and returns the
/// violations of the plans' invariants; nil when the scenario is invalid (its diagnostics
/// rendered, which must not trap).
func plannedViolations(_ generated: GeneratedScenario, trials: Int = 200, variants: Int = 3, renderers: Bool = true) -> [String]? {
    do {
        var document = try Document.parse(name: "generated.txt", identity: "generated.txt", bytes: Array(generated.text.utf8)) { path, _ in
            .failure(IncludeFailure(message: "no include in a generated scenario: \(path)", hint: ""))
        }
        for reference in document.dataReferences {
            let text = generated.files.first { $0.path == reference.path }?.text ?? ""
            document.attach(reference, name: reference.path, bytes: Array(text.utf8))
        }
        var found: [String] = []
        for variant in [nil] + document.variantNames.prefix(variants).map(Optional.some) {
            var planned = document
            if let variant { _ = try planned.applyVariant(variant) }
            var scenario = try planned.decode()
            scenario.settings.trials = min(scenario.settings.trials ?? trials, trials)
            let plan = Planner.plan(scenario, fingerprint: planned.fingerprint, overrides: planned.overrides,
                                    simulation: Simulation.Options(threads: 1))
            found += PlanInvariants.violations(plan).map { (variant.map { "[\($0)] " } ?? "") + $0 }
            // Every renderer on the plan: none may trap (the property test; the fuzz target leaves
            // them to the `scenario` and `set` targets, for speed).
            guard renderers else { continue }
            _ = MarkdownReport(plan).render(comparison: nil)
            _ = JSONReport(plan).render(comparison: nil)
            _ = CSVReport(plan).render(comparison: nil)
            _ = HTMLReport(plan).render(comparison: nil)
        }
        return found
    } catch {
        _ = error.rendered
        return nil
    }
}
