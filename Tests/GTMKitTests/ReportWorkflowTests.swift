import Foundation
import Testing
@testable import GTMCLI
@testable import GTMKit

/// Golden reports: the example's report in each language, byte for byte. Re-record on purpose
/// only, after reading the difference: `GTM_RECORD_GOLDEN=1 swift test --filter GoldenReportTests`.
@Suite struct GoldenReportTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: ["en", "zh"])
    func auroraLampReport(language: String) throws {
        let example = GTMProcess.root.appendingPathComponent("Scenarios/aurora-lamp.txt").path
        let outcome = CLI.run(["plan", example, "--lang", language])
        #expect(outcome.status == 0)
        let golden = Self.directory.appendingPathComponent("aurora-lamp.\(language).md")
        if ProcessInfo.processInfo.environment["GTM_RECORD_GOLDEN"] == "1" {
            try outcome.stdout.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(outcome.stdout == expected, "report differs from \(golden.lastPathComponent); see the Development article on re-recording")
    }
}

/// `--out`, `--check`, `gtm diff` and `gtm init` on real files.
@Suite struct ReportWorkflowTests {
    func folder() throws -> URL {
        let directory = TempFolder.parent.appendingPathComponent("gtm-workflow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: GTMProcess.root.appendingPathComponent("Scenarios/aurora-lamp.txt"),
                                         to: directory.appendingPathComponent("plan.txt"))
        return directory
    }

    @Test func outWritesAtomicallyAndLeavesNoTemporaryFile() throws {
        let dir = try folder()
        let out = dir.appendingPathComponent("plan.md").path
        let written = CLI.run(["plan", dir.appendingPathComponent("plan.txt").path, "--out", out, "--trials", "1000"])
        #expect(written == Outcome(stdout: "", stderr: "", status: 0))
        #expect(Platform.list(dir.path) == ["plan.md", "plan.txt"])
        let printed = CLI.run(["plan", dir.appendingPathComponent("plan.txt").path, "--trials", "1000"]).stdout
        #expect(try String(contentsOfFile: out, encoding: .utf8) == printed)
        // Over an existing file: replaced whole, still no temporary file left.
        #expect(CLI.run(["plan", dir.appendingPathComponent("plan.txt").path, "--out", out, "--trials", "2000"]).status == 0)
        #expect(Platform.list(dir.path) == ["plan.md", "plan.txt"])
        // Into a folder that does not exist: a clear error, nothing written.
        let bad = CLI.run(["plan", dir.appendingPathComponent("plan.txt").path, "--out", dir.path + "/no/such/plan.md"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("cannot write the report"))
    }

    @Test func checkFreshStaleAndMissing() throws {
        let dir = try folder()
        let scenario = dir.appendingPathComponent("plan.txt").path
        let out = dir.appendingPathComponent("plan.md").path
        let missing = CLI.run(["plan", scenario, "--out", out, "--check"])
        #expect(missing.status == Outcome.staleStatus)
        #expect(missing.stderr.hasPrefix("\(out): error: the report does not exist"))
        #expect(Platform.list(dir.path) == ["plan.txt"])   // --check writes nothing

        #expect(CLI.run(["plan", scenario, "--out", out]).status == 0)
        let fresh = CLI.run(["plan", scenario, "--out", out, "--check"])
        #expect(fresh == Outcome(stdout: "\(out) is up to date\n", stderr: "", status: 0))

        // The scenario changes; the committed report is now stale and says where.
        let text = try String(contentsOfFile: scenario, encoding: .utf8)
        try text.replacingOccurrences("price: 399 ", with: "price: 429 ").write(toFile: scenario, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: out, encoding: .utf8)
        let stale = CLI.run(["plan", scenario, "--out", out, "--check", "--lang", "en"])
        #expect(stale.status == Outcome.staleStatus)
        #expect(stale.stderr.hasPrefix("\(out): error: the report is stale:"))
        // A unified diff with context, and the whole command to bring it up to date.
        #expect(stale.stderr.contains("--- \(out)\n+++ \(out) (gtm plan now)\n@@ -"))
        #expect(stale.stderr.contains("\n-") && stale.stderr.contains("\n+") && stale.stderr.contains("at ¥429"))
        #expect(stale.stderr.contains("hint: update it with: gtm plan \(scenario) --out \(out) --lang en\n"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == before)
        // Without --out, --check reads the report beside the scenario (plan.md here).
        let beside = CLI.run(["plan", scenario, "--check"])
        #expect(beside.status == Outcome.staleStatus)
        #expect(beside.stdout.hasSuffix("1 report checked: 0 up to date, 1 stale or missing\n"))
    }

    @Test func diffOfTwoVersionsOfAnExample() throws {
        let dir = try folder()
        let old = dir.appendingPathComponent("plan.txt").path
        let new = dir.appendingPathComponent("plan-v2.txt").path
        let text = try String(contentsOfFile: old, encoding: .utf8)
        try text.replacingOccurrences("  moq: 2000 ", with: "  moq: 12000 ")
            .replacingOccurrences("price: 399 ", with: "price: 429 ")
            .write(toFile: new, atomically: true, encoding: .utf8)
        let outcome = CLI.run(["diff", old, new])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "# Plan diff: plan.txt → plan-v2.txt")
        // The headline comes first: the MOQ of 12,000 lifts the first batch to at least 12,000.
        #expect(lines[1].hasPrefix("**Decisions that change:** First batch (units) "))
        #expect(lines[1].contains(" → 12,000 (+"))
        let row = { (path: String) in lines.first { $0.hasPrefix("| `\(path)`") }?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(row("product.price") == ["`product.price`", "`399`", "`429`"])
        #expect(row("inventory.moq") == ["`inventory.moq`", "`2000`", "`12000`"])
        #expect(outcome.stdout.contains("| Unit margin "))
        let json = try JSONSerialization.jsonObject(with: Data(CLI.run(["diff", old, new, "--format", "json"]).stdout.utf8)) as? [String: Any]
        let inputs = try #require(json?["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == ["product.price", "inventory.moq"])
        let margin = try #require((json?["outputs"] as? [[String: Any]])?.first { $0["key"] as? String == "economics.unit_margin" })
        #expect(margin["old"] as? Double == 257)   // 399 − 142
        #expect(margin["new"] as? Double == 287)   // 429 − 142
        #expect(CLI.run(["diff", old, old]).stdout.contains("**No decision changes.** 0 other outputs changed."))
    }

    @Test(arguments: ["en", "zh"])
    func initWritesAStarterThatPassesCheckAndNeverOverwrites(language: String) throws {
        let dir = try folder()
        let path = dir.appendingPathComponent("new.txt").path
        let outcome = CLI.run(["init", path, "--lang", language])
        #expect(outcome.status == 0)
        #expect(CLI.run(["check", path]) == Outcome(stdout: "ok\n", stderr: "", status: 0))
        #expect(CLI.run(["plan", path]).status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for field in Schema.fields { #expect(text.contains(language == "zh" ? field.docZh : field.doc), "\(field.path)") }
        let again = CLI.run(["init", path])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("\(path): error: the file exists; gtm init never overwrites a file"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        #expect(Platform.list(dir.path) == ["new.txt", "plan.txt"])
        // `-` prints the starter instead of writing a file named `-`.
        #expect(CLI.run(["init", "-", "--lang", language]) == Outcome(stdout: text, stderr: "", status: 0))
    }
}

/// The reports through a real GitHub-flavoured Markdown renderer (`cmark-gfm`, from Debian's
/// packages): every table renders with the same number of cells in each row as in its header,
/// no Markdown punctuation is left over as text, and the charts stay Mermaid code blocks.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm"), "needs cmark-gfm (apt install cmark-gfm)"))
struct RenderedReportTests {
    func html(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table", "-e", "strikethrough", "-e", "autolink"]
        let input = Pipe()
        let output = TempFolder.parent.appendingPathComponent("gtm-html-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardInput = input
        process.standardOutput = handle
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try handle.close()
        return try String(contentsOf: output, encoding: .utf8)
    }

    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt", "ridgeline-week8.txt"], ["en", "zh"])
    func rendersCleanly(example: String, language: String) throws {
        let path = GTMProcess.root.appendingPathComponent("Scenarios/\(example)").path
        let markdown = CLI.run(["plan", path, "--lang", language, "--trials", "1000"]).stdout
        let rendered = try html(markdown)
        let tables = rendered.components(separatedBy: "<table>").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
        // As many HTML tables as the Markdown has delimiter rows.
        let delimiterRows = markdown.split(separator: "\n").filter { $0.hasPrefix("| -") || $0.hasPrefix("|-") }.count
        #expect(tables.count == delimiterRows)
        for table in tables {
            let parts = table.components(separatedBy: "</thead>")
            let header = parts[0].components(separatedBy: "<th").count - 2   // minus the <thead> tag itself
            for row in parts[1].components(separatedBy: "<tr>").dropFirst() {
                #expect(row.components(separatedBy: "<td").count - 1 == header)
            }
        }
        // Outside code, nothing of the Markdown syntax may survive as text.
        var text = rendered
        while let start = text.range(of: "<code"), let end = text.range(of: "</code>", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        for leftover in ["**", "\\|", "\\_", "| ---"] { #expect(!text.contains(leftover), "\(leftover) in \(example) \(language)") }
        // Every chart (demand, cash, timeline) stays a Mermaid code block.
        let charts = markdown.components(separatedBy: "```mermaid\n").count - 1
        #expect(charts == 3)
        #expect(rendered.components(separatedBy: "<code class=\"language-mermaid\">").count - 1 == charts)
        #expect(rendered.contains("<h1>"))
    }
}

/// Raw pipe tables: columns line up (CJK counts two), and a cell past the padded width is left
/// as it is instead of widening every row. Expected text written out by hand.
@Suite struct MarkdownTableTests {
    @Test func columnsLineUpWithWideCharacters() {
        // Widths: Tier 4 (头部 is two wide characters), Fee 4 ("$120"); right-aligned "---:".
        let table = Markdown.table(["Tier", "Fee"], [.left, .right], [["头部", "$9"], ["tail", "$120"], ["a|b", "$1"]])
        #expect(table == """
            | Tier |  Fee |
            | ---- | ---: |
            | 头部 |   $9 |
            | tail | $120 |
            | a\\|b |   $1 |
            """)
    }

    @Test func aLongCellIsNotPaddedAndDoesNotWidenOtherRows() {
        let long = String(repeating: "x", count: Markdown.paddedWidth + 1)
        let table = Markdown.table(["Name", "Units"], [.left, .right], [[long, "1"], ["lamp", "20"]])
        #expect(table == """
            | Name | Units |
            | ---- | ----: |
            | \(long) |     1 |
            | lamp |    20 |
            """)
    }
}
