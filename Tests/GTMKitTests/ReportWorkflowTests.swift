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
        #expect(lines[0] == "# Plan diff: `\(old)` → `\(new)`")
        #expect(lines[1].hasPrefix("**") && lines[1].contains("decisions change"), "\(lines[1])")
        let row = { (path: String) in lines.first { $0.hasPrefix("| \(path) ") }?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        // The MOQ of 12,000 lifts the reorder to 12,000, in the decisions' table under Previous / New.
        #expect(lines.contains { $0.hasPrefix("| Output") && $0.contains(" Previous |") && $0.contains(" New |") })
        #expect(row("Reorder (units)")?[2] == "12,000")
        // The headline is there whether or not it moved.
        #expect(row("Demand within the horizon") != nil && row("Peak funding need") != nil && row("Cash at the end of the horizon") != nil)
        #expect(row("`product.price`") == ["`product.price`", "`399`", "`429`"])
        #expect(row("`inventory.moq`") == ["`inventory.moq`", "`2000`", "`12000`"])
        #expect(outcome.stdout.contains("| Unit margin "))
        let json = try JSONSerialization.jsonObject(with: Data(CLI.run(["diff", old, new, "--format", "json"]).stdout.utf8)) as? [String: Any]
        let inputs = try #require(json?["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == ["product.price", "inventory.moq"])
        let margin = try #require((json?["outputs"] as? [[String: Any]])?.first { $0["key"] as? String == "economics.unit_margin" })
        #expect(margin["old"] as? Double == 257)   // 399 − 142
        #expect(margin["new"] as? Double == 287)   // 429 − 142
        #expect(CLI.run(["diff", old, old]).stdout.contains("**No decision changes.** 0 other outputs changed."))
    }

    /// The pull-request recipe of the Reports article, run as written in a repository whose
    /// scenario includes a shared file that the branch changes: the difference is the include's.
    @Test func thePullRequestRecipeReadsTheIncludeAtTheRevision() throws {
        let article = try String(contentsOf: GTMProcess.root.appendingPathComponent("Sources/GTMKit/GTMKit.docc/Reports.md"), encoding: .utf8)
        let recipe = try #require(article.components(separatedBy: "For a pull request").dropFirst().first?
            .components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = recipe.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(commands.count == 2 && commands.allSatisfy { $0.first == "gtm" })
        #expect(commands.last?.contains { $0.hasPrefix("main:") } == true)
        let repo = TempFolder.parent.appendingPathComponent("gtm-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", "-c", "init.defaultBranch=main"] + arguments
            process.currentDirectoryURL = repo
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        func write(_ text: String, _ path: String) throws {
            let url = repo.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let scenario = "Scenarios/aurora-lamp.txt"
        try write("include: shared/market.txt\n" + CommandLineTests.lamp, scenario)
        try write("market:\n  population: 2M\n  serviceable: 40%\n  obtainable: 1%\n", "Scenarios/shared/market.txt")
        try git("init", "-q")
        try git("add", "-A")
        try git("commit", "-q", "-m", "main")
        try git("checkout", "-q", "-b", "feature")
        try write("market:\n  population: 2M\n  serviceable: 40%\n  obtainable: 2%\n", "Scenarios/shared/market.txt")
        try git("commit", "-q", "-a", "-m", "feature")
        let check = try GTMProcess.run(Array(commands[0].dropFirst()), in: repo)
        #expect(check.status == 0, "\(check.err)")
        let diff = try GTMProcess.run(Array(commands[1].dropFirst()), in: repo)
        #expect(diff.status == 1, "\(diff.err)")   // --exit-code: they differ
        let lines = diff.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("| `market.obtainable` | `1%`     | `2%` |"), "\(diff.out)")
        // SOM: 2M × 40% × 1% = 8,000 units, then 16,000.
        #expect(lines.contains { $0.hasPrefix("| SOM (units) |") && $0.contains("8,000 | 16,000 | +8,000 |") }, "\(diff.out)")
        // Two revisions, no working copy: main..feature gives the same comparison.
        let range = try GTMProcess.run(["diff", "main..feature", scenario], in: repo)
        #expect(range.out.replacingOccurrences("`main:\(scenario)` → `feature:\(scenario)`", with: "") ==
                diff.out.replacingOccurrences("`main:\(scenario)` → `\(scenario)`", with: ""))
        // A revision that does not exist, and a path that leaves the repository, are errors that say so.
        let missing = try GTMProcess.run(["diff", "nope:\(scenario)", scenario], in: repo)
        #expect(missing.status == 1 && missing.err.contains("no revision 'nope'"))
        let outside = try GTMProcess.run(["diff", "main:../../etc/passwd", scenario], in: repo)
        #expect(outside.status == 1 && outside.err.contains("outside the root folder") && !outside.err.contains("root:"))
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

    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt", "ridgeline-week8.txt", "lumen-serum.txt", "breeze-neck-fan.txt"],
          ["en", "zh"])
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
        // The charts' axes: the gantt's ticks an interval apart that leaves at most eight labels,
        // the value axes in thousands or millions (万) so that no number runs past six digits.
        let blocks = markdown.components(separatedBy: "```mermaid\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        for block in blocks {
            let lines = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if lines.contains("gantt") {
                let tasks = lines.compactMap { line -> (String, String)? in
                    let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    guard line.contains(" :"), fields.count >= 3 else { return nil }
                    return (fields[fields.count - 2], fields[fields.count - 1])
                }
                func date(_ text: String) -> CivilDate? {
                    let parts = text.split(separator: "-").compactMap { Int($0) }
                    return parts.count == 3 ? CivilDate(year: parts[0], month: parts[1], day: parts[2]) : nil
                }
                let starts = tasks.compactMap { date($0.0) }, ends = tasks.compactMap { date($0.1) } + starts
                let span = try #require(starts.min()).days(to: try #require(ends.max()))
                let interval = try #require(lines.first { $0.hasPrefix("tickInterval ") }?.dropFirst("tickInterval ".count))
                let ticks = interval.hasSuffix("week") ? span / 7 : span / (30 * (Int(interval.dropLast("month".count)) ?? 1))
                #expect(ticks <= 8, "\(example) \(language): \(interval) over \(span) days")
                // Six reorders are told apart by their number.
                let reorders = lines.filter { $0.contains("order to warehouse") || $0.contains("下单至入仓") }
                #expect(Set(reorders.map { $0.components(separatedBy: " :")[0] }).count == reorders.count)
            } else {
                for line in lines where line.hasPrefix("y-axis") || line.hasPrefix("line [") {
                    let numbers = line.split(whereSeparator: { " [],".contains($0) }).filter { Double($0) != nil }
                    #expect(numbers.allSatisfy { $0.count <= 7 }, "\(example) \(language): \(line.prefix(120))")
                }
            }
        }
    }
}

/// The gantt's text colours against the fills they sit on, as Mermaid's theme declares them
/// (GitHub renders the chart with mermaid.js, which this machine does not have offline): WCAG
/// AA asks 4.5:1 for text. The contrast formula is checked against published ratios first.
@Suite struct MermaidThemeTests {
    static func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        let channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func theFormulaGivesThePublishedRatios() {
        // WCAG 2.x: black on white 21:1; #777777 on white 4.48:1 (just short of AA, the usual example).
        #expect(abs(Self.contrast("#000000", "#ffffff") - 21) < 1e-9)
        #expect(abs(Self.contrast("#777777", "#ffffff") - 4.48) < 0.005)
    }

    @Test func ganttTextReadsOnEveryFillItSitsOn() throws {
        let json = MarkdownReport.mermaidInit.components(separatedBy: "\"themeVariables\": ")[1]
        var colours: [String: String] = [:]
        for match in json.matches(of: /"(\w+)": "(#[0-9a-f]{6})"/) { colours[String(match.1)] = String(match.2) }
        // Inside a bar, beside it on either section band, the title on the page.
        let pairs = [("taskTextColor", "taskBkgColor"), ("taskTextDarkColor", "taskBkgColor"), ("taskTextLightColor", "taskBkgColor"),
                     ("taskTextOutsideColor", "sectionBkgColor"), ("taskTextOutsideColor", "altSectionBkgColor"),
                     ("taskTextDarkColor", "sectionBkgColor"), ("taskTextDarkColor", "altSectionBkgColor"),
                     ("titleColor", "altSectionBkgColor"), ("primaryTextColor", "primaryColor")]
        for (text, fill) in pairs {
            let ratio = Self.contrast(try #require(colours[text], "\(text)"), try #require(colours[fill], "\(fill)"))
            #expect(ratio >= 4.5, "\(text) on \(fill): \(ratio)")
        }
        // Single days in the theme's red, set apart from the blue spans.
        #expect(colours["critBkgColor"] == colours["milestoneBkgColor"] && colours["critBkgColor"] != colours["taskBkgColor"])
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
