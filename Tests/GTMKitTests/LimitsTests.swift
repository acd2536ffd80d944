import Foundation
import Testing
@testable import GTMCLI
@testable import GTMKit

/// Every limit of `Limits`, hit, with its message.
@Suite struct LimitsTests {
    func firstError(_ bytes: [UInt8]) -> String? {
        do {
            _ = try Document.parse(name: "t.txt", bytes: bytes).decode()
            return nil
        } catch {
            return error.diagnostics.first.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
        }
    }

    @Test func fileSize() {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: Limits.fileBytes + 1)
        #expect(firstError(bytes) == "1:1: the file is \(Limits.fileBytes + 1) bytes; the limit is 8388608 bytes (8 MiB)")
    }

    @Test func itemsInOneList() {
        var text = "roster:\n"
        text.reserveCapacity(1_300_000)
        for _ in 0...Limits.items { text += "  - x\n" }
        #expect(firstError(Array(text.utf8)) == "100002:3: more than 100000 items in one list")
    }

    @Test func keysInOneBlock() {
        var text = "what_if:\n  v:\n"
        for index in 0...Limits.items { text += "    k\(index): 1\n" }
        #expect(firstError(Array(text.utf8)) == "100003:5: more than 100000 keys in one block")
    }

    @Test func errorsReportedAtOnce() {
        // 60 unknown keys: the first 50 are listed, then the count says how many there are in all.
        var text = minimal
        for index in 0..<60 { text += "bogus\(index): 1\n" }
        do {
            _ = try decode(text)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.count == Limits.diagnostics)
            #expect(error.omitted == 10)
            #expect(error.rendered.hasSuffix("\n\n60 errors, the first 50 shown; fix these and run again to see the rest"))
        }
    }

    @Test func trials() {
        #expect(errors(minimal, sets: ["scenario.trials=2000001"]) == ["1:17: `trials` must be at most 2000000, not 2000001"])
        #expect(errors(minimal, sets: ["scenario.trials=99"]) == ["1:17: `trials` must be 100 or more, not 99"])
    }

    @Test func numbers() {
        #expect(errors(minimal, sets: ["product.price=1.1e15"]) == ["1:15: `1.1e15` is larger than 10^15, the largest number gtm accepts"])
        #expect(errors(minimal, sets: ["product.price=1e309"]) == ["1:15: `1e309` is too large to represent"])
        #expect(errors(minimal, sets: ["product.price=nan"]) == ["1:15: `price` is an amount of money, not `nan`"])
        #expect(errors(minimal, sets: ["product.price=inf"]) == ["1:15: `price` is an amount of money, not `inf`"])
    }

    @Test func durations() {
        let inventory = minimal + "inventory:\n  lead_time: 2 weeks\n  forecast: 100\n"
        #expect(errors(inventory, sets: ["inventory.lead_time=31 years"])
            == ["1:21: `lead_time` is longer than 11000 days, the longest duration gtm accepts"])
        #expect(errors(inventory, sets: ["inventory.lead_time=99999999999999999999 years"])
            == ["1:21: `lead_time` is longer than 11000 days, the longest duration gtm accepts"])
        #expect(errors(inventory, sets: ["inventory.lead_time=11000 days"]) == [])
    }

    @Test func dates() {
        #expect(errors(minimal, sets: ["launch.date=2201-01-01"]) == ["1:13: year 2201 is outside 1900–2200"])
        #expect(errors(minimal, sets: ["launch.date=1899-12-31"]) == ["1:13: year 1899 is outside 1900–2200"])
        #expect(errors(minimal, sets: ["launch.date=2200-12-31"]) == [])
    }

    @Test func kolSlots() {
        let kol = minimal + "kol:\n  tiers:\n    - tier: mid\n      count: 4\n      fee: 1k\n      followers: 10k\n"
        #expect(errors(kol, sets: ["kol.tiers[mid].count=100001"]) == ["1:22: `count` must be at most 100000, not 100001"])
    }

    @Test func includeDepth() throws {
        // a0 includes a1, …, a9 includes nothing: 9 files deep, one more than the limit.
        let directory = TempFolder.parent.appendingPathComponent("gtm-deep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<10 {
            let text = index < 9 ? "include: a\(index + 1).txt\n" : "product:\n  salvage: 1\n"
            try (text + (index == 0 ? minimal : "")).write(to: directory.appendingPathComponent("a\(index).txt"), atomically: true, encoding: .utf8)
        }
        let outcome = CLI.run(["check", directory.appendingPathComponent("a0.txt").path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("error: includes nest deeper than 8 files"))
    }
}
