import Foundation
import Testing
@testable import GTMCLI

/// Runs the built `gtm` executable and checks stdout, stderr and the exit code.
enum GTMProcess {
    /// The executable beside the test bundle (`.build/<triple>/debug/gtm`).
    static var executable: URL {
        #if os(macOS)
        let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL.deletingLastPathComponent()
        #else
        let products = Bundle.main.bundleURL
        #endif
        return products.appendingPathComponent("gtm")
    }

    /// The package root, for the example scenarios.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Result: Equatable {
        var stdout: Data
        var stderr: Data
        var status: Int32
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                    stdin: Data? = nil) throws -> Result {
        let process = Process()
        var input: Pipe?
        if stdin != nil {
            input = Pipe()
            process.standardInput = input
        }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, so a large report cannot fill a pipe and stall the run.
        let directory = TempFolder.parent
        let outURL = directory.appendingPathComponent("gtm-out-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("gtm-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        if let stdin, let input {
            try input.fileHandleForWriting.write(contentsOf: stdin)
            try input.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = try Data(contentsOf: outURL)
        let stderr = try Data(contentsOf: errURL)
        return Result(stdout: stdout, stderr: stderr, status: process.terminationStatus)
    }

    static var examples: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Scenarios").path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { "Scenarios/" + $0 }
    }
}

@Suite(.serialized) struct EndToEndTests {
    @Test func planPrintsAReportForEachExample() throws {
        #expect(GTMProcess.examples.count >= 2)
        for example in GTMProcess.examples {
            let result = try GTMProcess.run(["plan", example])
            #expect(result.status == 0, "\(example): \(result.err)")
            #expect(result.err == "")
            #expect(result.out.hasPrefix("# Launch plan: "))
            #expect(result.out.contains("## Market size"))
            #expect(try GTMProcess.run(["check", example]).out == "ok\n")
        }
    }

    @Test func jsonHasTheContractsMarketKeys() throws {
        let result = try GTMProcess.run(["plan", GTMProcess.examples[0], "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
        let market = try #require(object?["market"] as? [String: Any])
        for key in ["tam_units", "tam_revenue", "sam_units", "sam_revenue", "som_units", "som_revenue", "bottom_up_units"] {
            #expect(market[key] is NSNumber, "market.\(key)")
        }
        let scenario = try #require(object?["scenario"] as? [String: Any])
        for key in ["name", "currency", "trials", "seed"] { #expect(scenario[key] != nil, "scenario.\(key)") }
    }

    @Test func aBadFileExitsOneWithALocatedMessage() throws {
        let directory = TempFolder.parent.appendingPathComponent("gtm-e2e-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("aurora.txt")
        try """
        product:
          name: Aurora
          price: 399
          unit_cost: 120
        launch:
          date: 2027-03-15
        market:
          population: 1M
          serviceable: 30%
          obtainable: 2

        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try GTMProcess.run(["plan", "aurora.txt"], in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.err == """
        aurora.txt:10:15: error: `obtainable` is a share; write 2% or 0.02, not 2
         10 |   obtainable: 2
            |               ^
          hint: a bare number is a fraction: 0.05 means 5%

        """)
    }

    @Test func aBadCommandLineExitsTwo() throws {
        let result = try GTMProcess.run(["plan", GTMProcess.examples[0], "--fromat", "json"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.err == """
        gtm: error: unknown option '--fromat' for 'gtm plan'
          hint: did you mean '--format'?
          usage: gtm plan FILE... [options] (see 'gtm help plan')

        """)
    }

    @Test func sameBytesTwiceAndUnderAnotherTimeZoneAndLocale() throws {
        for example in GTMProcess.examples {
            for format in ["markdown", "json"] {
                let first = try GTMProcess.run(["plan", example, "--format", format])
                let second = try GTMProcess.run(["plan", example, "--format", format])
                let elsewhere = try GTMProcess.run(["plan", example, "--format", format],
                                                   environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8",
                                                                 "LC_ALL": "de_DE.UTF-8"])
                #expect(first.status == 0)
                #expect(first.stdout == second.stdout)
                #expect(first.stdout == elsewhere.stdout)
            }
        }
    }

    @Test func reportDoesNotDependOnTheWorkingDirectory() throws {
        let example = GTMProcess.examples[0]
        let fromRoot = try GTMProcess.run(["plan", example])
        let fromScenarios = try GTMProcess.run(["plan", String(example.dropFirst("Scenarios/".count))],
                                               in: GTMProcess.root.appendingPathComponent("Scenarios"))
        #expect(fromRoot.stdout == fromScenarios.stdout)
    }
}

extension EndToEndTests {
    @Test func aLongRunPrintsNoProgressWhenStderrIsNotATerminal() throws {
        // 400,000 trials of a full plan take over a second in a debug build.
        let result = try GTMProcess.run(["plan", GTMProcess.examples[0], "--trials", "400000", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.out.hasPrefix("{"))
    }

    @Test func trialsBeyondTheLimitAreRefused() throws {
        // A command-line error (exit 2) at both ends of the key's bounds, as --seed (issue 24).
        let result = try GTMProcess.run(["plan", GTMProcess.examples[0], "--trials", "5000000"])
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("gtm: error: '--trials' takes a whole number from 100 to 2000000, not '5000000'"))
        let few = try GTMProcess.run(["plan", GTMProcess.examples[0], "--trials", "50"])
        #expect(few.status == 2)
    }
}

/// A report file is never left half-written: `gtm` killed at random moments of writing leaves
/// the old report or the new one, whole.
@Suite(.serialized) struct KilledWriterTests {
    @Test func killedMidWriteLeavesTheOldFileOrTheNewOne() throws {
        let directory = TempFolder.parent.appendingPathComponent("gtm-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A large report: a 30-year weekly table and a long roster.
        var text = "scenario:\n  trials: 100\nproduct:\n  name: Lamp\n  price: 399\n  unit_cost: 142\nlaunch:\n  date: 2027-03-15\n"
        text += "market:\n  population: 1M\n  serviceable: 30%\n  obtainable: 1% to 2%\n  horizon: 30 years\ndemand:\n  q: 0.4\n"
        text += "kol:\n  budget: 10M\n  roster:\n"
        for index in 0..<3000 { text += "    - name: creator \(index)\n      followers: \(1000 + index * 37)\n      fee: \(300 + index % 97)\n" }
        let scenarios = [directory.appendingPathComponent("a.txt"), directory.appendingPathComponent("b.txt")]
        try text.write(to: scenarios[0], atomically: true, encoding: .utf8)
        try text.replacingOccurrences("price: 399", with: "price: 429").write(to: scenarios[1], atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("plan.md")
        // The two complete reports the file may hold.
        let whole = try scenarios.map { scenario -> Data in
            let result = try GTMProcess.run(["plan", scenario.path])
            #expect(result.status == 0)
            return result.stdout
        }
        #expect(whole[0] != whole[1])
        #expect(try GTMProcess.run(["plan", scenarios[0].path, "--out", out.path]).status == 0)
        var killed = 0
        for attempt in 0..<24 {
            let process = Process()
            process.executableURL = GTMProcess.executable
            process.arguments = ["plan", scenarios[attempt % 2].path, "--out", out.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill at spread-out moments across the run (a debug build plans this in well over 100 ms).
            usleep(UInt32(5_000 + attempt * 9_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            let content = try Data(contentsOf: out)
            #expect(content == whole[0] || content == whole[1], "attempt \(attempt): a partial report")
        }
        #expect(killed > 0)
        // The next successful write clears the temporary files the killed writers left.
        #expect(try GTMProcess.run(["plan", scenarios[0].path, "--out", out.path]).status == 0)
        #expect(try Data(contentsOf: out) == whole[0])
        #expect(Platform.list(directory.path) == ["a.txt", "b.txt", "plan.md"])
    }
}
