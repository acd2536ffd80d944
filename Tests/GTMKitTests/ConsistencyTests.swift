import Foundation
import Testing
@testable import GTMCLI
@testable import GTMKit

/// One plan, one number per fact: for every example and a generated set of scenarios (with and
/// without each section, with ranges on every key that takes one), the JSON's numbers fit
/// together, and each decision is the one every section uses.
@Suite struct ConsistencyTests {
    /// A scenario with every section, each numeric key given where it matters.
    static let full = """
    product:
      name: Lamp
      price: 399
      unit_cost: 142
      salvage: 90
      fixed_costs: 260k
      target_margin: 60%
      launch_price: 359
      repurchase:
        interval: 5 months
        share: 3%
      skus:
        - name: White
          share: 70%
        - name: Walnut
          share: 30%
          unit_cost: 150
          moq: 400
    launch:
      date: 2027-06-15
    market:
      population: 38M
      purchases_per_year: 0.35
      serviceable: 40%
      obtainable: 0.7%
      horizon: 12 months
    channels:
      - name: Tmall
        reach: 1.2M
        conversion: 1.1%
      - name: JD
        reach: 500k
        conversion: 0.9%
    demand:
      p: 0.03
      q: 0.38
      launch_boost: 4%
      elasticity: -1.5
      events:
        - name: 双11
          lift: 2
    inventory:
      lead_time: 6 weeks
      coverage: 10 weeks
      forecast_cv: 35%
      moq: 2000
      case_pack: 8
    crowdfunding:
      platform: modian
      add_on_share: 20%
      add_on_value: 40
      pledge_manager: 5%
      start: 2027-02-01
      email_list: 40k
      list_conversion: 6%
      reservations: 2000
      reservation_conversion: 40%
      organic_share: 20%
      dropped_pledges: 5%
      platform_fee: 6%
      payment_fee: 1%
      payment_fixed: 0.5
      tiers:
        - name: Early
          price: 299
          limit: 800
        - name: Standard
          price: 339
    kol:
      budget: 150k
      tiers:
        - tier: 腰部
          count: 4
          fee: 12k
          followers: 150k
          engagement: 2%
          view_rate: 15%
          click_rate: 2%
          conversion: 1.8%
    seed_reviews:
      target: 40
      review_rate: 35%
    pilot:
      ready: 2027-03-01
      unit_cost: 180
      extra: 20
    ads:
      - name: Qianchuan
        platform: douyin_qianchuan
        budget: 50k
    email:
      - name: Launch newsletter
        list: 40k
        date: 2027-06-15
        cost_per_send: 0.05
    promotions:
      - name: Double 11
        start: 2027-11-01
        end: 2027-11-11
        discount: 15%
        channels: Tmall
        deposit: 30
        deposit_date: 2027-10-24

    """

    /// The full scenario with `section` (a top-level key) and its block removed.
    static func without(_ section: String) -> String {
        var lines: [String] = []
        var skipping = false
        for line in full.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" "), !line.isEmpty { skipping = line.hasPrefix(section + ":") }
            // Without channels, a promotion prices every channel.
            if !skipping, !(section == "channels" && line.hasPrefix("    channels:")) { lines.append(String(line)) }
        }
        return lines.joined(separator: "\n")
    }

    /// A range around a key's value in the full scenario, in its kind.
    static func range(_ field: Field) -> String {
        switch field.path {
        case "demand.p": return "0.02 to 0.05"
        case "demand.q": return "0.3 to 0.5"
        case "market.purchases_per_year": return "0.3 to 0.4"
        case "product.target_margin": return "55% to 65%"
        case "product.salvage": return "70 to 110"
        case "crowdfunding.payment_fixed": return "0.3 to 0.8"
        case "inventory.forecast", "inventory.forecast_sd": return field.key == "forecast" ? "4000 to 6000" : "800 to 1500"
        case "demand.elasticity": return "uniform(-2, -1)"
        case "product.skus[].share": return "normal(70%, 5%)"
        case "promotions[].discount": return "10% to 20%"
        case "promotions[].deposit": return "20 to 40"
        default: break
        }
        switch field.valueKind {
        case .share: return "2% to 4%"
        case .money: return "100 to 150"
        case .number: return "0.5 to 1.5"
        default: return "800 to 1200"
        }
    }

    /// Scenarios to check: the full one, one without each optional section, a forecast instead of
    /// the curve, and the full one with every key that takes a range given one.
    static var generated: [(name: String, text: String, sets: [String])] {
        var list: [(String, String, [String])] = [("full", full, [])]
        for section in ["market", "channels", "demand", "crowdfunding", "kol", "seed_reviews", "pilot", "ads", "email"] {
            list.append(("without \(section)", without(section), []))
        }
        let forecast = full.replacingOccurrences("  forecast_cv: 35%", with: "  forecast: 5000\n  forecast_sd: 1200")
        list.append(("forecast", forecast, ["inventory.forecast=4000 to 6000"]))
        // A promotion takes a discount or a price, not both: the full scenario's has a discount.
        let ranges = Schema.fields.filter { $0.uncertain && $0.valueKind != nil && !$0.path.hasPrefix("inventory.forecast")
            && !$0.path.hasPrefix("kol.roster") && $0.path != "promotions[].price" }.map { field -> String in
            let path = field.path.replacingOccurrences("[]", with: "[0]")
            return "\(path)=\(range(field))"
        }
        // A fixed number of trials keeps a debug build quick; the checks hold at any number.
        list.append(("every range", full, ranges + ["scenario.trials=4096"]))
        return list
    }

    /// The plan's JSON, through the command line's own renderer.
    static func json(_ text: String, sets: [String], seed: Int? = nil, files: [String: String] = [:]) throws -> [String: Any] {
        // An example's includes are read from `Scenarios/`, as `gtm plan` reads them beside it.
        var document = try Document.parse(name: "plan.txt", identity: "plan.txt", bytes: Array(text.utf8)) { path, _ in
            guard let data = FileManager.default.contents(atPath: GTMProcess.root.appendingPathComponent("Scenarios/" + path).path) else {
                return .failure(IncludeFailure(message: "cannot include \(path)", hint: ""))
            }
            return .success(Document.IncludedFile(name: path, identity: path, bytes: Array(data)))
        }
        for set in sets { try document.set(set) }
        if let seed { try document.set("scenario.seed=\(seed)") }
        attachData(&document, files: files)
        let plan = try Planner.plan(document: document)
        let data = Data(JSONReport(plan).render().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func number(_ object: [String: Any], _ section: String, _ key: String) -> Double? {
        (object[section] as? [String: Any])?[key] as? Double
    }

    /// The generated scenarios and every example in `Scenarios/`.
    static var all: [(name: String, text: String, sets: [String])] {
        generated + GTMProcess.examples.map { path in
            let name = String(path.dropFirst("Scenarios/".count))
            return (name, (try? exampleText(name)) ?? "", [])
        }
    }

    /// Every scenario of `all` runs: 12 generated (the full one, one without each of 9 sections,
    /// a forecast, every range) and the 5 examples.
    @Test func everyScenarioIsChecked() {
        #expect(Self.all.count == 17)
        #expect(Self.all.allSatisfy { !$0.text.isEmpty })
        #expect(Set(Self.all.map(\.name)).count == Self.all.count)
    }

    @Test(arguments: ConsistencyTests.all.map(\.name))
    func theNumbersFitTogether(_ name: String) throws {
        let (_, text, sets) = try #require(Self.all.first { $0.name == name })
        let json = try Self.json(text, sets: sets)
        func value(_ section: String, _ key: String) -> Double? { Self.number(json, section, key) }
        func close(_ a: Double?, _ b: Double?, _ what: String) {
            guard let a, let b else {
                Issue.record("\(name): \(what): missing (\(String(describing: a)), \(String(describing: b)))")
                return
            }
            #expect(abs(a - b) <= 1e-6 * max(1, abs(a), abs(b)), "\(name): \(what): \(a) vs \(b)")
        }
        if json["inventory"] != nil {
            // Units in the batch owed to backers = the campaign's units owed (when it is in the plan).
            if let inPlan = (json["crowdfunding"] as? [String: Any])?["in_plan"] as? Bool, inPlan {
                close(value("inventory", "pledged_units"), value("crowdfunding", "units"), "pledged units in the batch")
            } else {
                close(value("inventory", "pledged_units"), 0, "no pledged units without a campaign")
            }
            // Expected sales + lost sales = the window's demand the order is sized on.
            close(value("inventory", "expected_sales").map { $0 + (value("inventory", "expected_lost_sales") ?? .nan) },
                  value("inventory", "window_demand_mean"), "sales + lost = demand")
            // Expected sales + leftover = the retail units ordered (what the batch holds beyond the
            // backers' rewards and the samples it supplies without a pilot run).
            close(value("inventory", "expected_sales").map { $0 + (value("inventory", "expected_leftover") ?? .nan) },
                  value("inventory", "first_batch_units").map {
                      $0 - (value("inventory", "pledged_units") ?? .nan) - (value("inventory", "sample_units") ?? .nan)
                  }, "sales + leftover = retail units")
            // The cash is the order at cost (each SKU's units at its own cost); the SKUs add up to the batch.
            let skus = ((json["inventory"] as? [String: Any])?["skus"] as? [[String: Any]]) ?? []
            if skus.isEmpty {
                close(value("inventory", "cash"), value("inventory", "first_batch_units").map { $0 * (value("economics", "unit_cost") ?? .nan) },
                      "cash = units × cost")
            } else {
                let units = skus.map { ($0["first_batch_units"] as? Double) ?? .nan }
                close(value("inventory", "cash"), zip(units, skus).reduce(0) { $0 + $1.0 * (($1.1["unit_cost"] as? Double) ?? .nan) },
                      "cash = SKUs' units × their costs")
                close(value("inventory", "first_batch_units"), units.reduce(0, +), "SKUs add up to the batch")
                close((json["inventory"] as? [String: Any])?["reorders"].flatMap { $0 as? [[String: Any]] }
                        .map { $0.reduce(0) { $0 + (($1["units"] as? Double) ?? .nan) } },
                      skus.reduce(0) { $0 + (($1["reorders_units"] as? Double) ?? .nan) }, "SKUs' reorders add up")
            }
        }
        // Each decision's value equals its entry in the uncertainty section; the outputs the
        // contract lists are there whenever their section is (outputs.md), moved by the draws or not.
        if let uncertainty = json["uncertainty"] as? [String: Any] {
            for path in ["market.som_units", "demand.horizon_units", "inventory.window_demand_mean", "inventory.first_batch_units",
                         "crowdfunding.pledged", "crowdfunding.net", "kol.buyers"] {
                let parts = path.split(separator: ".").map(String.init)
                guard Self.number(json, parts[0], parts[1]) != nil else { continue }
                #expect(uncertainty[path] != nil, "\(name): the uncertainty section has no \(path)")
            }
            for (section, key) in [("inventory", "first_batch_units"), ("crowdfunding", "goal")] where json[section] != nil {
                let entry = uncertainty["\(section).\(key)"] as? [String: Any]
                #expect(entry != nil, "\(name): no uncertainty entry for \(section).\(key)")
                for statistic in ["p10", "p50", "p90", "mean"] {
                    close(entry?[statistic] as? Double, value(section, key), "\(section).\(key) \(statistic)")
                }
            }
        }
        // Every lever's spend counted once: in unit economics' marketing spend (KOL fees and
        // samples, ads, list sends, tester units).
        close(value("economics", "marketing_spend"),
              (value("kol", "cost") ?? 0) + (value("kol", "sample_cost") ?? 0) + (value("ads", "cost") ?? 0)
                  + (value("email", "cost") ?? 0) + (value("seed_reviews", "cost") ?? 0),
              "marketing spend = KOL fees and samples + ads + list sends + testers")
        // Demand is the sum of its parts: the market's curve, the events, each lever's buyers
        // (KOL posts, ads, list sends), the price response and the repeat purchases. With actual
        // sales the weeks sold replace the curve, and the parts are not given.
        if let demand = json["demand"] as? [String: Any], json["actuals"] == nil {
            let parts = ["baseline_units", "event_units", "kol_units", "ads_units", "email_units", "price_effect_units", "repeat_units", "season_units"]
                .reduce(0.0) { $0 + ((demand[$1] as? Double) ?? 0) }
            close(parts, value("demand", "horizon_units"), "demand = its parts")
        }
        // The pilot supplies every sample and tester unit, and its extra units.
        if json["pilot"] != nil {
            #expect((value("pilot", "units") ?? 0) >= (value("kol", "samples") ?? 0) + (value("seed_reviews", "units") ?? 0),
                    "\(name): the pilot run is smaller than the samples and testers it supplies")
            close(value("inventory", "sample_units"), json["inventory"] != nil ? 0 : nil, "no samples in the batch with a pilot")
        }
        try Self.checkFeasibility(json, name: name)
    }

    /// No milestone that needs units starts before they exist unless a `units_before_supply`
    /// warning names it; a campaign out of the plan has no milestone; a reorder arrives before
    /// the projected stock-out or is warned about.
    static func checkFeasibility(_ json: [String: Any], name: String) throws {
        let timeline = json["timeline"] as? [[String: Any]] ?? []
        let warnings = json["warnings"] as? [[String: Any]] ?? []
        func date(_ text: Any?) -> CivilDate? {
            let parts = ((text as? String) ?? "").split(separator: "-").compactMap { Int($0) }
            return parts.count == 3 ? CivilDate(year: parts[0], month: parts[1], day: parts[2]) : nil
        }
        let arrival = date((json["inventory"] as? [String: Any])?["arrival"])
        let pilot = date((json["pilot"] as? [String: Any])?["ready"])
        let warned = Set(warnings.filter { $0["code"] as? String == "units_before_supply" }.compactMap { $0["milestone"] as? String })
        for milestone in timeline {
            guard let id = milestone["id"] as? String, let start = date(milestone["start"]) else { continue }
            let supply: CivilDate?
            if id.hasSuffix(".sample") || id == "seed_reviews.ship" { supply = pilot ?? arrival }
            else if id == "crowdfunding.rewards_ship" { supply = arrival }
            else { continue }
            guard let supply, start < supply else { continue }
            // The warning names the earliest of a kind; the others of the kind count on it.
            let kind = id.hasSuffix(".sample") ? "sample" : id
            #expect(warned.contains { kind == "sample" ? $0.hasSuffix(".sample") : $0 == id },
                    "\(name): \(id) on \(start) needs units before \(supply) and no warning names it")
        }
        if let campaign = json["crowdfunding"] as? [String: Any], campaign["in_plan"] as? Bool == false {
            #expect(!timeline.contains { ($0["id"] as? String)?.hasPrefix("crowdfunding.") == true },
                    "\(name): a campaign out of the plan has milestones")
            #expect((ConsistencyTests.number(json, "inventory", "pledged_units") ?? 0) == 0)
        }
        // `reorder` is absent, not null, when no second order is needed.
        #expect(!((json["inventory"] as? [String: Any])?["reorder"] is NSNull), "\(name): inventory.reorder is null")
        if let reorder = (json["inventory"] as? [String: Any])?["reorder"] as? [String: Any],
           let arrives = date(reorder["arrival"]), let stockout = date(reorder["stockout"]), arrives > stockout {
            #expect(warnings.contains { $0["code"] as? String == "stockout_before_reorder" }, "\(name): a late reorder is not warned")
        }
    }

    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt"])
    func theFirstBatchDoesNotMoveWithTheSeed(_ example: String) throws {
        // At the default settings each decision is precise to ±0.18% (one standard error): four
        // seeds order within ±0.5% of one another, or one case pack.
        let text = try exampleText(example)
        let batches = try (1...4).map { try #require(Self.number(try Self.json(text, sets: [], seed: $0), "inventory", "first_batch_units")) }
        let casePack = Double(try #require(text.split(separator: "\n").first { $0.contains("case_pack:") }?
            .split(separator: ":")[1].split(separator: "#")[0].trimmingCharacters(in: .whitespaces)).flatMap(Double.init) ?? 1)
        let spread = batches.max()! - batches.min()!
        #expect(spread <= max(0.01 * batches.min()!, casePack), "\(example): \(batches)")
    }
}

/// Every key that accepts a range moves an output of the simulation, or refuses the range.
@Suite struct EveryRangeMeansSomethingTests {
    @Test func eachUncertainKeyMovesAnOutput() throws {
        let forecast = ConsistencyTests.full.replacingOccurrences("  forecast_cv: 35%", with: "  forecast: 5000\n  forecast_sd: 1200")
        for field in Schema.fields where field.uncertain && field.valueKind != nil {
            let path = field.path.replacingOccurrences("[]", with: "[0]")
            var text = ["inventory.forecast", "inventory.forecast_sd"].contains(field.path) ? forecast : ConsistencyTests.full
            if field.path == "promotions[].price" { text = text.replacingOccurrences("    discount: 15%\n", with: "") }
            var document = try Document.parse(name: "plan.txt", bytes: Array(text.utf8))
            if field.path.hasPrefix("kol.roster") { continue }   // roster values are never uncertain
            try document.set("\(path)=\(ConsistencyTests.range(field))")
            // Reward shipping and a staged payout are paid only with a campaign in the plan; a subscription price only by subscribers.
            if ["crowdfunding.shipping", "crowdfunding.payout_first"].contains(field.path) { try document.set("crowdfunding.run=yes") }
            if field.path == "product.repurchase.subscription_price" { try document.set("product.repurchase.subscription=20%") }
            // 摩点 pays on delivery, when a staged payout's rest comes too: a payout after the campaign's end tells them apart.
            if field.path == "crowdfunding.payout_first" { try document.set("crowdfunding.payout_delay=21 days") }
            try document.set("scenario.trials=2000")
            let plan = try Planner.plan(document: document)
            let uncertainty = try #require(plan.uncertainty, "\(field.path): a range ran no simulation")
            let moved = uncertainty.outputs.contains { $0.p10 != $0.p90 }
            #expect(moved, "\(field.path): a range moves no output of the simulation")
        }
    }

    @Test func keysThatCannotBeUncertainRefuseARange() throws {
        for field in Schema.fields where !field.uncertain && field.valueKind?.isNumeric == true && field.valueKind != .integer {
            // The full scenario with a roster candidate, for the roster's keys.
            let text = ConsistencyTests.full.replacingOccurrences(
                "seed_reviews:", with: "  roster:\n    - name: A\n      followers: 80k\n      fee: 8k\nseed_reviews:")
            var document = try Document.parse(name: "plan.txt", bytes: Array(text.utf8))
            let path = field.path.replacingOccurrences("[]", with: "[0]")
            try document.set("\(path)=1 to 2")
            #expect(throws: ScenarioError.self, "\(field.path) accepted a range") { try document.decode() }
        }
    }
}
