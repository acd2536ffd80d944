import Foundation
import Testing
@testable import GTMCLI
@testable import GTMKit

/// `include:` through the real file system: precedence, relative paths, missing files, cycles.
@Suite struct IncludeTests {
    /// Writes `files` into a fresh folder and returns its path.
    func folder(_ files: [String: String]) throws -> String {
        let directory = TempFolder.parent.appendingPathComponent("gtm-include-\(UUID().uuidString)")
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory.path
    }

    let product = "product:\n  name: Lamp\n  price: 399\n  unit_cost: 120\nlaunch:\n  date: 2027-03-15\n"

    @Test func theIncludingFileWinsAndMappingsMerge() throws {
        let dir = try folder([
            "shared/fees.txt": "product:\n  salvage: 30\n  fixed_costs: 50k\nmarket:\n  population: 1M\n  serviceable: 10%\n  obtainable: 1%\n",
            "plan.txt": "include: shared/fees.txt\n" + product + "  \nmarket:\n  obtainable: 2%\n",
        ])
        let outcome = CLI.run(["plan", dir + "/plan.txt", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // SOM = 1M × 10% × 2% (the including file's value, not 1%) = 2,000.
        #expect(outcome.stdout.contains("\"som_units\": 2000"))
        #expect(outcome.stdout.contains("\"path\": \"product.salvage\",\n      \"value\": \"30\",\n      \"from\": \"fees.txt:2\""))
        #expect(outcome.stdout.contains("\"path\": \"product.price\",\n      \"value\": \"399\",\n      \"from\": \"plan.txt:4\""))
    }

    @Test func includesChainRelativeToEachFile() throws {
        let dir = try folder([
            "a/base.txt": "product:\n  salvage: 10\n",
            "a/mid.txt": "include: base.txt\nproduct:\n  fixed_costs: 5k\n",
            "plan.txt": "include: a/mid.txt\n" + product,
        ])
        let outcome = CLI.run(["plan", dir + "/plan.txt"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("| `product.salvage`     | `10`"))
    }

    @Test func aMissingFileIsALocatedError() throws {
        let dir = try folder(["plan.txt": "include: nowhere.txt\n" + product])
        let outcome = CLI.run(["check", dir + "/plan.txt"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("\(dir)/plan.txt:1:10: error: cannot include `nowhere.txt`: no such file"))
    }

    @Test func aCycleIsALocatedError() throws {
        let dir = try folder(["a.txt": "include: b.txt\n" + product, "b.txt": "include: a.txt\n"])
        let outcome = CLI.run(["check", dir + "/a.txt"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("\(dir)/b.txt:1:10: error: include cycle: \(dir)/a.txt → \(dir)/b.txt → \(dir)/a.txt"))
    }

    @Test func includeMustComeFirst() throws {
        let dir = try folder(["shared.txt": "", "plan.txt": product + "include: shared.txt\n"])
        #expect(CLI.run(["check", dir + "/plan.txt"]).stderr.contains("7:1: error: `include` must be the first key of the file"))
    }

    @Test func errorsInAnIncludedFileNameThatFile() throws {
        let dir = try folder(["shared.txt": "product:\n  salvage: lots\n", "plan.txt": "include: shared.txt\n" + product])
        let outcome = CLI.run(["check", dir + "/plan.txt"])
        #expect(outcome.stderr.hasPrefix("\(dir)/shared.txt:2:12: error: `salvage` is an amount of money, not `lots`"))
    }
}
