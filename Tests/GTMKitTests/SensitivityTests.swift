import Foundation
import Testing
@testable import GTMKit

/// The tornado (`Sensitivity`): each row is the decision taken again with one input known, so it
/// must be what two `--set` runs at the input's P10 and P90 give, within the Monte Carlo error.
@Suite struct SensitivityTests {
    /// A feeder with its price, unit cost and salvage uncertain: inputs that move the first batch
    /// through the critical ratio, not through demand (their rows once swung it by 0).
    static let feeder = """
    product:
      name: Feeder
      price: 90 to 110
      unit_cost: 30 to 50
      salvage: 5 to 15
    launch:
      date: 2027-05-03
    market:
      population: 2M
      serviceable: 20%
      obtainable: 1%
    inventory:
      lead_time: 8 weeks
      coverage: 12 weeks
    scenario:
      trials: 20480

    """

    static var scenarios: [(name: String, text: String)] {
        [("feeder", feeder)] + GTMProcess.examples.map { path in
            let name = String(path.dropFirst("Scenarios/".count))
            return (name, (try? exampleText(name)) ?? "")
        }
    }

    @Test(arguments: SensitivityTests.scenarios.map(\.name))
    func everyRowIsWhatSetGives(_ name: String) throws {
        let text = try #require(Self.scenarios.first { $0.name == name }?.text)
        let json = try ConsistencyTests.json(text, sets: [])
        let run = try #require(json["run"] as? [String: Any])
        // A re-plan on actual sales shows no tornado.
        guard json["actuals"] == nil else { return }
        let tornado = try #require(run["tornado"] as? [String: Any]), rows = try #require(tornado["rows"] as? [[String: Any]])
        let output = try #require(tornado["output"] as? String)
        let (section, key) = (String(output.split(separator: ".")[0]), String(output.split(separator: ".")[1]))
        let base = try #require(tornado["base"] as? Double)
        // The decision's precision (one standard error, relative) and a case pack: three standard errors or a carton.
        let precision = (run["precision"] as? [String: Double])?[output] ?? 0
        let inventory = json["inventory"] as? [String: Any]
        let pack = (inventory?["case_pack"] as? Double) ?? 1
        let tolerance = max(3 * precision * base, pack)
        #expect(!rows.isEmpty)
        for row in rows {
            let input = try #require(row["input"] as? String)
            for (side, at) in [("p10", "output_at_p10"), ("p90", "output_at_p90")] {
                let value = try #require(row["input_\(side)"] as? Double)
                let set = try ConsistencyTests.json(text, sets: ["\(input)=\(value)"])
                let decided = try #require(ConsistencyTests.number(set, section, key))
                let shown = try #require(row[at] as? Double)
                #expect(abs(decided - shown) <= tolerance, "\(name): \(input) at its \(side) \(value): --set gives \(decided), the tornado \(shown)")
            }
        }
        if name == "feeder" {
            // Price, unit cost and salvage each move the batch: a dearer unit cost orders less.
            let cost = try #require(rows.first { $0["input"] as? String == "product.unit_cost" })
            #expect((cost["output_at_p90"] as? Double ?? 0) < (cost["output_at_p10"] as? Double ?? 0))
            for input in ["product.price", "product.unit_cost", "product.salvage"] {
                #expect((rows.first { $0["input"] as? String == input }?["swing"] as? Double ?? 0) > 0, "\(input)")
            }
        }
    }
}
