import Foundation
import Testing
@testable import GTMCLI
@testable import GTMKit

/// What a careless or hostile scenario, override or path can do to a CI machine: read files
/// outside the root, replace files that are not reports, hang on a FIFO, run for minutes, or
/// succeed when its output was lost. Each defect of issue 14 has a test here.
@Suite(.serialized) struct HostileInputTests {
    static let product = "product:\n  name: Lamp\n  price: 399\n  unit_cost: 120\nlaunch:\n  date: 2027-03-15\n"

    /// A fresh folder with `files`, resolved (so paths compare with what gtm resolves).
    func folder(_ files: [String: String] = [:]) throws -> String {
        let url = TempFolder.parent.appendingPathComponent("gtm-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return Platform.resolved(url.path)!
    }

    // MARK: 1. Includes stay inside the root

    @Test func noByteOfAFileOutsideTheRootIsPrinted() throws {
        let canary = "CANARY-\(UUID().uuidString)"
        let outside = try folder(["secret.txt": "\(canary): 1\napi_key: \(canary)\n", "secret.yaml": "product:\n  name: \(canary)\n"])
        let dir = try folder(["plan.txt": "x"])
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: outside + "/secret.txt")
        let includes = [outside + "/secret.txt", "../" + URL(fileURLWithPath: outside).lastPathComponent + "/secret.txt",
                        outside + "/secret.yaml", "link.txt", "/proc/self/environ"]
        for include in includes {
            try ("include: \(include)\n" + Self.product).write(toFile: dir + "/plan.txt", atomically: true, encoding: .utf8)
            for command in [["plan", "plan.txt"], ["check", "plan.txt"], ["plan", "plan.txt", "--format", "json"]] {
                let result = try GTMProcess.run(command, environment: ["GTM_TEST_SECRET": canary], in: URL(fileURLWithPath: dir))
                #expect(result.status == 1, "\(include): \(result.err)")
                #expect(!result.out.contains(canary) && !result.err.contains(canary), "\(include) leaked: \(result.err)")
                #expect(result.err.contains("plan.txt:1:10: error: cannot include"), "\(include): \(result.err)")
            }
        }
        // A scenario that is itself a link out of the root (a pull request can add one).
        let named = try GTMProcess.run(["plan", "link.txt"], in: URL(fileURLWithPath: dir))
        #expect(named.status == 1)
        #expect(!named.err.contains(canary))
        #expect(named.err.contains("outside the root folder"))
    }

    @Test func rootOptionWidensOrNarrowsWhatMayBeIncluded() throws {
        let dir = try folder(["shared/fees.txt": "product:\n  salvage: 30\n", "plans/plan.txt": "include: ../shared/fees.txt\n" + Self.product])
        // From the plan's own folder the shared file is outside the root…
        let narrow = try GTMProcess.run(["plan", "plan.txt"], in: URL(fileURLWithPath: dir + "/plans"))
        #expect(narrow.status == 1)
        #expect(narrow.err.contains("outside the root folder"))
        // …and inside it with --root.
        let wide = try GTMProcess.run(["plan", "plan.txt", "--root", dir], in: URL(fileURLWithPath: dir + "/plans"))
        #expect(wide.status == 0, "\(wide.err)")
        let missing = CLI.run(["plan", dir + "/plans/plan.txt", "--root", dir + "/nowhere"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("gtm: error: '--root' names"))
    }

    // MARK: 2. --out writes only a report

    @Test func outRefusesTheScenarioItsIncludesAndFilesThatAreNotReports() throws {
        let dir = try folder(["shared.txt": "product:\n  salvage: 30\n", "plan.txt": "include: shared.txt\n" + Self.product,
                              "notes.md": "# Our notes\n\nNot a report.\n"])
        let originals = try ["plan.txt", "shared.txt", "notes.md"].map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
        for target in ["plan.txt", "shared.txt", "./plan.txt", "notes.md"] {
            // (`--format` past the extension check, which refuses a .txt target on its own.)
            let result = CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/" + target, "--format", "markdown"])
            #expect(result.status == 1, "\(target)")
            #expect(result.stderr.contains("error: "), "\(target)")
        }
        for (name, text) in zip(["plan.txt", "shared.txt", "notes.md"], originals) {
            #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8) == text, "\(name) was changed")
        }
        // A report gtm wrote is replaced; an empty file too.
        #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/plan.md"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--lang", "zh", "--out", dir + "/plan.md"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/plan.json"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/plan.json"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/plan.csv"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/plan.csv"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/plan.html"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/plan.html"]).status == 0)
        // An empty file is not a report (issue 24): it is kept.
        #expect(FileManager.default.createFile(atPath: dir + "/empty.md", contents: Data()))
        let empty = CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/empty.md"])
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("is not a gtm report"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/empty.md")).isEmpty)
    }

    @Test func outRefusesDevicesFIFOsAndFolders() throws {
        let dir = try folder(["plan.txt": Self.product])
        #expect(mkfifo(dir + "/pipe", 0o644) == 0)
        var targets = ["pipe", "."]
        if getuid() == 0 {
            // As root, `mknod` makes a device node (a copy of /dev/null) in the folder.
            #expect(mknod(dir + "/null", S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
            targets.append("null")
        }
        for target in targets {
            let result = CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/" + target, "--format", "markdown"])
            #expect(result.status == 1, "\(target)")
            #expect(result.stderr.contains("gtm writes a report only to a regular file"), "\(target): \(result.stderr)")
        }
        var status = stat()
        #expect(stat(dir + "/pipe", &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        if getuid() == 0 {
            #expect(stat(dir + "/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        }
    }

    @Test func aLongOutNameStillGetsATemporaryFile() throws {
        let dir = try folder(["plan.txt": Self.product])
        let name = String(repeating: "r", count: 240) + ".md"   // 243 bytes: valid, near NAME_MAX
        let result = CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/" + name])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Platform.list(dir).sorted() == [name, "plan.txt"].sorted())
        #expect(Platform.temporaryPrefix(for: name).utf8.count < 40)
    }

    // MARK: 3. A FIFO never hangs

    @Test func aFIFOIncludeIsRefusedAtOnce() throws {
        let dir = try folder(["plan.txt": "include: pipe\n" + Self.product])
        #expect(mkfifo(dir + "/pipe", 0o644) == 0)
        let started = ContinuousClock.now
        let result = try GTMProcess.run(["plan", "plan.txt"], in: URL(fileURLWithPath: dir))
        #expect(result.status == 1)
        #expect(result.err.contains("cannot include `pipe`: it is a named pipe (FIFO), not a regular file"), "\(result.err)")
        // Not a timing test: a blocked open would never return at all.
        #expect(ContinuousClock.now - started < .seconds(60))
        let named = try GTMProcess.run(["plan", "pipe"], in: URL(fileURLWithPath: dir))
        #expect(named.status == 1)
        #expect(named.err.contains("it is a named pipe (FIFO), not a regular file"))
    }

    // MARK: 4. A work budget

    /// 10,000 channels whose reach and conversion are ranges.
    static func manyChannels(_ count: Int) -> String {
        var text = Self.product + "channels:\n"
        for index in 0..<count { text += "  - name: c\(index)\n    reach: 1k to 2k\n    conversion: 1% to 2%\n" }
        return text + "demand:\ninventory:\n  lead_time: 4 weeks\n"
    }

    @Test func tenThousandUncertainChannelsStayWithinTheBudget() throws {
        var document = try Document.parse(name: "many.txt", bytes: Array(Self.manyChannels(10_000).utf8))
        try document.set("scenario.trials=2000000")
        // The budget scaled down 100×, so that a debug build runs it quickly; the same code path.
        let work = Limits.simulationWork / 100
        let plan = try Planner.plan(document: document, simulation: Simulation.Options(workLimit: work))
        let uncertainty = try #require(plan.uncertainty)
        #expect(uncertainty.requestedTrials == 2_000_000)
        // 20,000 inputs plus what a trial evaluates (the registers, the weeks, 10,000 channels),
        // within the work allowed, and never below the floor of 100 trials.
        let perTrial = 20_000 + PlanModel(plan.scenario).workPerTrial
        #expect(uncertainty.trials == max(100, work / perTrial))
        #expect(perTrial > 40_000)
        #expect(plan.warnings.contains { $0.code == "trials_reduced" })
        // The tornado swings each long list as one row, not 20,000 rows.
        #expect(uncertainty.tornado.count == 2)
        #expect(uncertainty.tornado.contains { $0.input == "channels[*].reach (10,000 items)" })
        // Memory: the stored outputs and one worker's draws stay bounded whatever the trials.
        #expect(Simulation.affordableTrials(2_000_000, inputs: 20_000, registers: perTrial - 20_000, columns: 20) * 20 * 8
                <= Limits.simulationBytes)
        #expect(MonteCarlo.rowLength(trials: 2_000_000, inputs: 20_000) * 20_001 <= Limits.drawBufferValues)
    }

    // MARK: 5. Every write is checked

    @Test func aFullDiskIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let process = Process()
        process.executableURL = GTMProcess.executable
        process.arguments = ["plan", "Scenarios/aurora-lamp.txt", "--trials", "1000"]
        process.currentDirectoryURL = GTMProcess.root
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(message == "gtm: error: cannot write to standard output: no space left on device\n")
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let process = Process()
        process.executableURL = GTMProcess.executable
        process.arguments = ["plan", "Scenarios/aurora-lamp.txt", "--trials", "1000"]
        process.currentDirectoryURL = GTMProcess.root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try output.fileHandleForReading.close()   // the reader is gone before gtm writes
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(message.isEmpty)
    }

    // MARK: Overrides obey the file's rules

    @Test(arguments: ["product.name=A\nB", "product.name=A\rB", "product.name=\u{1B}[31mred", "product.name=A\u{85}B",
                      "product.name=tab\there"])
    func controlCharactersInAnOverrideAreRefused(_ argument: String) throws {
        var document = try Document.parse(name: "plan.txt", bytes: Array(Self.product.utf8))
        #expect(throws: ScenarioError.self) { try document.set(argument) }
        do {
            try document.set(argument)
        } catch {
            #expect(error.rendered.contains("error: a control character (<U+"), "\(error.rendered)")
            #expect(!error.rendered.contains("\u{1B}"))
        }
    }

    @Test func includeCannotBeOverridden() throws {
        let outcome = CLI.run(["plan", GTMProcess.root.appendingPathComponent("Scenarios/aurora-lamp.txt").path,
                               "--set", "include=/etc/passwd"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("--set:1:1: error: `include` cannot be overridden"))
        let dir = try folder(["plan.txt": Self.product + "what_if:\n  sneaky:\n    include: /etc/passwd\n"])
        let variant = CLI.run(["plan", dir + "/plan.txt", "--what-if", "sneaky"])
        #expect(variant.status == 1)
        #expect(variant.stderr.contains("plan.txt:9:5: error: `include` cannot be overridden"), "\(variant.stderr)")
        #expect(CLI.run(["check", dir + "/plan.txt"]).stderr.contains("`include` cannot be overridden"))
    }

    // MARK: Text and numbers in reports and messages

    @Test func invisibleCharactersAreShownInMessagesAndReports() throws {
        let text = "product:\n  name: La\u{200B}mp\u{202E}\n  pr\u{200B}ice: 399\n  unit_cost: 120\nlaunch:\n  date: 2027-03-15\n"
        let document = try Document.parse(name: "plan.txt", bytes: Array(text.utf8))
        do {
            _ = try document.decode()
            Issue.record("expected an error")
        } catch {
            let rendered = error.rendered
            #expect(rendered.contains("unknown key `pr<U+200B>ice` in `product`"), "\(rendered)")
            #expect(!rendered.unicodeScalars.contains { $0.value == 0x200B || $0.value == 0x202E })
        }
        var fixed = try Document.parse(name: "plan.txt", bytes: Array(text.replacingOccurrences(of: "pr\u{200B}ice", with: "price").utf8))
        try fixed.set("product.salvage=10")
        let report = MarkdownReport(try Planner.plan(document: fixed)).render()
        #expect(report.contains("La\\<U+200B\\>mp\\<U+202E\\>"))
        #expect(!report.unicodeScalars.contains { $0.value == 0x200B || $0.value == 0x202E })
    }

    /// Splits a GFM table row the way cmark-gfm does: a backslash escapes the next character
    /// (a backslash too), and every other pipe ends a cell.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row.dropFirst().dropLast() {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        return cells
    }

    @Test(arguments: ["a\\b", "a\\\\|b", "a|b", "a\\|b", "`x`|", "<b>|</b>", "line\nbreak|", "\\", "|\\\\\\|"])
    func tableCellsHoldAnyText(_ name: String) {
        for cell in [Markdown.escape(name), Markdown.code(name)] {
            let table = Markdown.table(["Name", "Value"], [.left, .right], [[cell, "1"]])
            let row = table.split(separator: "\n").last.map(String.init) ?? ""
            #expect(Self.cells(row).count == 2, "\(name.debugDescription) split the row: \(row)")
            #expect(!row.contains("\n"))
        }
    }

    @Test func numbersInProseKeepTheirFormatAtAnySize() {
        let usd = NumberStyle(language: .en, currency: "USD")
        let cny = NumberStyle(language: .zh, currency: "CNY")
        // 2^53 and beyond: every digit written out, grouped, as in a table.
        #expect(usd.money(1.1238283775875724e16) == "$11,238,283,775,875,724")
        #expect(usd.count(1e30) == "1,000,000,000,000,000,000,000,000,000,000")
        #expect(usd.money(-1.5e17) == "−$150,000,000,000,000,000")
        #expect(cny.money(1.42e17) == "¥142,000万亿")
        #expect(cny.count(-12_345) == "−12,345" && cny.money(-12_345) == "−¥1.23万")
        #expect(usd.number(-0.25) == "−0.25")
        #expect(usd.percent(-0.125) == "−12.5%")
    }
}
