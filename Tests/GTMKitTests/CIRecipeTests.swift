import Foundation
import Testing

/// The README's CI recipe, run on a copy of this repository's scenarios and committed reports:
/// `gtm plan Scenarios/*.txt --check` exits 0 when every report is current, 3 with a unified
/// diff when one is stale, 1 when a scenario is invalid.
@Suite(.serialized) struct CIRecipeTests {
    static func copy() throws -> URL {
        let dir = TempFolder.parent.appendingPathComponent("gtm-ci-\(UUID().uuidString)")
        let scenarios = dir.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        let source = GTMProcess.root.appendingPathComponent("Scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where name.hasSuffix(".txt") || name.hasSuffix(".md") || name == "data" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: scenarios.appendingPathComponent(name))
        }
        return dir
    }

    /// `Scenarios/*.txt`, as the shell expands it.
    static func scenarios(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".txt") }.sorted().map { "Scenarios/" + $0 }
    }

    @Test func writeRewritesOnlyTheStaleReportsAndSeveralFilesPlanAndCheck() throws {
        let dir = try Self.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Self.scenarios(in: dir)
        let target = try #require(files.first { $0.hasSuffix("ridgeline-kickstarter.txt") })
        let changed = dir.appendingPathComponent(target)
        try String(contentsOf: changed, encoding: .utf8).replacingOccurrences("price: $189", with: "price: $199")
            .write(to: changed, atomically: true, encoding: .utf8)
        let aurora = dir.appendingPathComponent("Scenarios/aurora-lamp.md")
        let before = try FileManager.default.attributesOfItem(atPath: aurora.path)[.modificationDate] as? Date
        // The changed scenario's report and the one that includes it are written; the others are left as they are.
        let write = try GTMProcess.run(["plan"] + files + ["--write"], in: dir)
        #expect(write.status == 0, "\(write.err)")
        #expect(write.out.contains("Scenarios/ridgeline-kickstarter.md: written") && write.out.contains("Scenarios/ridgeline-week8.md: written"))
        #expect(write.out.hasSuffix("\(files.count) reports checked: \(files.count - 2) up to date, 2 written\n"))
        #expect(try FileManager.default.attributesOfItem(atPath: aurora.path)[.modificationDate] as? Date == before)
        #expect(try GTMProcess.run(["plan"] + files + ["--check"], in: dir).status == 0)
        // Several files: each report in turn; `gtm check` says ok for each.
        let two = try GTMProcess.run(["plan", files[0], files[1], "-f", "json"], in: dir)
        #expect(two.status == 0 && two.out.components(separatedBy: "\"schema_version\"").count == 3)
        let checked = try GTMProcess.run(["check"] + files, in: dir)
        #expect(checked.status == 0 && checked.out == files.map { "\($0): ok\n" }.joined())
        #expect(try GTMProcess.run(["plan", files[0], "--check", "--write"], in: dir).status == 2)
    }

    @Test func theRecipePassesHereAndCatchesStaleAndInvalid() throws {
        let dir = try Self.copy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = try Self.scenarios(in: dir)
        #expect(files.count >= 2)
        // Fresh: the committed reports are what gtm writes now.
        let fresh = try GTMProcess.run(["plan"] + files + ["--check"], in: dir)
        #expect(fresh.status == 0, "\(fresh.err)")
        #expect(fresh.out.hasSuffix("\(files.count) reports checked: \(files.count) up to date\n"))

        // One scenario changes (the Kickstarter example): its report is stale (exit 3), with a unified diff and the command.
        let target = try #require(files.first { $0.hasSuffix("ridgeline-kickstarter.txt") })
        let changed = dir.appendingPathComponent(target)
        let text = try String(contentsOf: changed, encoding: .utf8)
        try text.replacingOccurrences("price: $189", with: "price: $199").write(to: changed, atomically: true, encoding: .utf8)
        let stale = try GTMProcess.run(["plan"] + files + ["--check"], in: dir)
        #expect(stale.status == 3)
        let report = target.replacingOccurrences(".txt", with: ".md")
        #expect(stale.err.contains("\(report): error: the report is stale"))
        #expect(stale.err.contains("--- \(report)\n+++ \(report) (gtm plan now)\n@@ -"))
        #expect(stale.err.contains("hint: update it with: gtm plan \(target) --out \(report)\n"))
        // ridgeline-week8.txt includes ridgeline-kickstarter.txt: its report is stale too.
        #expect(stale.out.contains("2 stale or missing"))
        #expect(stale.err.contains("Scenarios/ridgeline-week8.md: error: the report is stale"))

        // One scenario is invalid: exit 1, whatever else is stale.
        let broken = dir.appendingPathComponent(files[0])
        try (try String(contentsOf: broken, encoding: .utf8) + "\nnot_a_section: 1\n").write(to: broken, atomically: true, encoding: .utf8)
        let invalid = try GTMProcess.run(["plan"] + files + ["--check"], in: dir)
        #expect(invalid.status == 1)
        #expect(invalid.err.contains("\(files[0]):"))
        #expect(invalid.out.contains("1 with an invalid scenario"))
    }
}
