import Foundation
import Testing
@testable import GTMCLI
@testable import GTMKit

/// The command line people expect: stdin, `--version` anywhere, help that fits a terminal,
/// completions, `gtm diff` for CI.
@Suite struct CommandLineTests {
    static let lamp = "product:\n  name: Lamp\n  price: 399\n  unit_cost: 120\nlaunch:\n  date: 2027-03-15\n"

    func folder(_ files: [String: String]) throws -> String {
        let dir = TempFolder.parent.appendingPathComponent("gtm-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func aDashReadsStandardInput() throws {
        let dir = URL(fileURLWithPath: try folder([:]))
        let result = try GTMProcess.run(["plan", "-"], in: dir, stdin: Data(Self.lamp.utf8))
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("# Launch plan: Lamp"))
        let bad = try GTMProcess.run(["check", "-"], in: dir, stdin: Data("product:\n  nme: x\n".utf8))
        #expect(bad.status == 1)
        #expect(bad.err.hasPrefix("<stdin>:1:1: error:") && bad.err.contains("<stdin>:2:3: error:"))
    }

    @Test func versionAnywhere() {
        for arguments in [["--version"], ["plan", "--version"], ["plan", "a.txt", "--version"], ["diff", "--version"]] {
            #expect(CLI.run(arguments) == Outcome(stdout: "gtm \(GTM.version)\n", stderr: "", status: 0), "\(arguments)")
        }
    }

    @Test func helpFitsEightyColumns() {
        // Not a terminal here: 80 columns. Examples are commands to copy, kept whole.
        for text in [CLI.run(["--help"]).stdout] + CommandTable.commands.map({ CLI.run(["help", $0.name]).stdout }) {
            for line in text.split(separator: "\n") where !line.hasPrefix("  gtm ") {
                #expect(line.count <= 80, "\(line)")
            }
        }
    }

    @Test func completionsCoverTheCommandTable() {
        let bash = CLI.run(["completions", "bash"]).stdout
        let zsh = CLI.run(["completions", "zsh"]).stdout
        let fish = CLI.run(["completions", "fish"]).stdout
        #expect(bash.contains("complete -o filenames -F _gtm gtm"))
        #expect(zsh.hasPrefix("#compdef gtm\n"))
        #expect(fish.contains("complete -c gtm"))
        for command in CommandTable.commands {
            #expect(bash.contains("        \(command.name))"), "\(command.name)")
            #expect(zsh.contains("'\(command.name):"), "\(command.name)")
            for option in command.options {
                #expect(bash.contains(option.name) && zsh.contains("'\(option.name)[") && fish.contains("-l \(option.name.dropFirst(2))"),
                        "\(command.name) \(option.name)")
            }
        }
        #expect(bash.contains("markdown json csv html"))
    }

    /// Each shell, where installed, completes what the issue lists: a folder without a trailing
    /// space, a key after `--set` (ending in `=`, no space), the scenario's variants after
    /// `--what-if`, a key after `explain`; the script asks the gtm on PATH (the built one here).
    static func shell(_ program: String, _ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-c", script]
        process.currentDirectoryURL = GTMProcess.root
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = GTMProcess.executable.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text
    }

    static func installed(_ shell: String) -> Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/\(shell)") }

    @Test(.enabled(if: installed("bash"), "needs bash")) func bashCompletesFilesKeysAndVariants() throws {
        let out = try Self.shell("/usr/bin/bash", """
            source <(gtm completions bash)
            t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=(); _gtm; printf '%s|' "${COMPREPLY[@]}"; echo; }
            complete -p gtm
            t gtm plan Scen
            t gtm plan Scenarios/aurora-lamp.txt --set market.obt
            t gtm plan Scenarios/aurora-lamp.txt --what-if ''
            t gtm explain crowdfunding.pla
            """)
        #expect(out == """
            complete -o filenames -F _gtm gtm
            Scenarios|
            market.obtainable=|
            pessimistic|premium_price|
            crowdfunding.platform|crowdfunding.platform_fee|

            """)
    }

    @Test(.enabled(if: installed("zsh"), "needs zsh (apt install zsh)")) func zshCompletesKeysAndVariants() throws {
        // The helpers `_arguments` calls, with `compadd` printing what it would offer.
        let out = try Self.shell("/usr/bin/zsh", """
            gtm completions zsh > "$TMPDIR/_gtm_test_$$" && zsh -n "$TMPDIR/_gtm_test_$$" && echo syntax-ok
            compadd() { print -r -- "$*" }
            source "$TMPDIR/_gtm_test_$$" 2>/dev/null; rm -f "$TMPDIR/_gtm_test_$$"
            words=(gtm plan Scenarios/aurora-lamp.txt --what-if '')
            _gtm_variants
            _gtm_keys | grep -o 'market.obtainable= '
            """.replacingOccurrences("$TMPDIR", with: TempFolder.parent.path))
        #expect(out == "syntax-ok\n-- pessimistic premium_price\nmarket.obtainable= \n")
    }

    @Test(.enabled(if: installed("fish"), "needs fish (apt install fish)")) func fishCompletesFilesKeysAndVariants() throws {
        let out = try Self.shell("/usr/bin/fish", """
            gtm completions fish | source
            complete -C 'gtm plan Scen'
            complete -C 'gtm plan Scenarios/aurora-lamp.txt --set market.obt' | cut -f1
            complete -C 'gtm plan Scenarios/aurora-lamp.txt --what-if ' | cut -f1
            complete -C 'gtm explain crowdfunding.pla'
            """)
        #expect(out == "Scenarios/\nmarket.obtainable=\npessimistic\npremium_price\ncrowdfunding.platform\ncrowdfunding.platform_fee\n")
    }

    @Test func diffExitCodeLanguageAndCurrency() throws {
        let dir = try folder(["a.txt": Self.lamp, "b.txt": Self.lamp.replacingOccurrences("price: 399", with: "price: 429"),
                              "c.txt": "scenario:\n  currency: USD\n" + Self.lamp])
        let same = CLI.run(["diff", dir + "/a.txt", dir + "/a.txt", "--exit-code"])
        #expect(same.status == 0)
        let differ = CLI.run(["diff", dir + "/a.txt", dir + "/b.txt", "--exit-code"])
        #expect(differ.status == 1)
        #expect(differ.stdout.contains("`product.price`"))
        #expect(CLI.run(["diff", dir + "/a.txt", dir + "/b.txt"]).status == 0)
        let chinese = CLI.run(["diff", dir + "/a.txt", dir + "/b.txt", "--lang", "zh"])
        #expect(chinese.stdout.hasPrefix("# 计划对比："))
        // Two currencies are refused, never mixed.
        let currencies = CLI.run(["diff", dir + "/a.txt", dir + "/c.txt"])
        #expect(currencies.status == 1)
        #expect(currencies.stderr.contains("in CNY and") && currencies.stderr.contains("in USD"))
    }

    @Test func changesAreTheShownValuesDifference() throws {
        // 88.6 shows as 89, 87.6 as 88: the change is −1, as a reader computes it.
        let row = KeyOutput(output: .kolBuyers, label: "KOL buyers")
        let plan = Planner.plan(try decode(Self.lamp))
        var old = plan, new = plan
        old.values[Output.kolBuyers.id] = 88.6
        new.values[Output.kolBuyers.id] = 87.6
        #expect(row.value(old) == 89 && row.value(new) == 88)
        let diff = PlanDiff(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff.absolute(row, NumberStyle(language: .en, currency: "CNY")) == "\(NumberStyle.minus)1")
    }

    /// A warning that appears or goes is named with its code and message, not only counted.
    @Test func diffNamesTheWarningsThatAppearAndGo() throws {
        let plan = Planner.plan(try decode(Self.lamp))
        var old = plan, new = plan
        old.warnings = [.zeroDemand]
        new.warnings = [.kolOverBudget(cost: 120_000, budget: 100_000)]
        let diff = PlanDiff(old: old, new: new, oldName: "a", newName: "b")
        let markdown = diff.markdown()
        #expect(markdown.contains("## Warnings\n\n- New `kol_over_budget`: "), "\(markdown)")
        #expect(markdown.contains("\n- Gone `zero_demand`: "))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.json().utf8)) as? [String: Any])
        let warnings = try #require(json["warnings"] as? [String: [[String: Any]]])
        #expect(warnings["new"]?.map { $0["code"] as? String } == ["kol_over_budget"])
        #expect(warnings["gone"]?.map { $0["code"] as? String } == ["zero_demand"])
        #expect(PlanDiff(old: plan, new: plan, oldName: "a", newName: "b").markdown().contains("## Warnings") == false)
    }

    /// Every warning code has a Chinese title, so a Chinese report names none by its English code.
    @Test func everyWarningHasAChineseTitle() throws {
        let source = try String(contentsOf: GTMProcess.root.appendingPathComponent("Sources/GTMKit/Plan/PlanWarning.swift"), encoding: .utf8)
        let body = try #require(source.components(separatedBy: "var code: String {").dropFirst().first?.components(separatedBy: "\n    }\n").first)
        let codes = Set(body.matches(of: /return "([a-z_]+)"/).map { String($0.1) })
        #expect(codes.count > 20)
        #expect(codes == Set(ReportText.chineseWarningTitles.keys))
        let plan = Planner.plan(try decode(Self.lamp + "scenario:\n  language: zh\n"))
        var zh = plan
        zh.warnings = [.zeroDemand]
        #expect(MarkdownReport(zh).warningsSection().contains("- **需求为零**："))
    }

    @Test func outPicksTheFormatFromTheExtension() throws {
        let dir = try folder(["plan.txt": Self.lamp])
        for (name, start) in [("plan.md", "# Launch plan"), ("plan.json", "{"), ("plan.csv", "variant,table,"), ("plan.html", "<!DOCTYPE html>")] {
            #expect(CLI.run(["plan", dir + "/plan.txt", "--out", dir + "/" + name]).status == 0)
            #expect(try String(contentsOfFile: dir + "/" + name, encoding: .utf8).hasPrefix(start), "\(name)")
        }
        let header = "variant,table,item,key,label,value,unit,currency,p10,p50,p90,date,end,text\r\n"
        #expect(CLI.run(["plan", dir + "/plan.txt", "--format", "csv"]).stdout.hasPrefix(header))
    }

    /// `--bom`: the CSV starts with U+FEFF (Excel on Windows then reads UTF-8), is still recognised as a
    /// report (so `--out` replaces it and `--check` passes), and is refused for other formats.
    @Test func bomMarksACSVReportOnly() throws {
        let dir = try folder(["plan.txt": Self.lamp])
        for _ in 0..<2 { #expect(CLI.run(["plan", dir + "/plan.txt", "--bom", "-o", dir + "/plan.csv"]).status == 0) }
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/plan.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(CLI.run(["plan", dir + "/plan.txt", "--bom", "-o", dir + "/plan.csv", "--check"]).status == 0)
        #expect(CLI.run(["plan", dir + "/plan.txt", "-o", dir + "/plan.csv", "--check"]).status == 3)
        #expect(CLI.run(["plan", dir + "/plan.txt", "--bom"]).status == 2)
    }

    @Test func compareShowsOnlyRowsThatChange() throws {
        let text = Self.lamp + "what_if:\n  dearer:\n    product.price: 459\n"
        let dir = try folder(["plan.txt": text])
        let report = CLI.run(["plan", dir + "/plan.txt", "--compare"]).stdout
        let table = report.components(separatedBy: "## What if").dropFirst().first ?? ""
        #expect(table.contains("| Unit margin"))
        #expect(!table.contains("| Launch "))
    }
}

/// `gtm init`'s starter: removing the `#` from a section's lines gives a plan that means something.
@Suite struct StarterTests {
    @Test(arguments: [Scenario.Language.en, .zh])
    func uncommentingEverySectionPlans(_ language: Scenario.Language) throws {
        let lines = Template.text(language: language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = lines.prefix { $0.hasPrefix("# ") }.count
        // `include` and the data-file keys (`analogs`, `actuals`) need a file of yours: left commented.
        let needsAFile = ["#include", "#actuals", "#  analogs"]
        let uncommented = lines[..<head] + lines[head...].map { line in
            line.hasPrefix("#") && !needsAFile.contains(where: line.hasPrefix) ? String(line.dropFirst()) : line
        }
        let plan = Planner.plan(try decode(uncommented.joined(separator: "\n")))
        #expect((plan[.backers] ?? 0) > 100)
        #expect((plan[.goal] ?? 0) > 1_000)
        #expect(plan.crowdfunding?.platform == .modian)
        // Uncommenting one key restores its indentation: `#  salvage: 0` → `  salvage: 0`.
        #expect(lines.contains { $0.hasPrefix("#  salvage: ") })
    }

    @Test func chineseTypesetting() {
        #expect(ReportText.typeset("于 2027年3月15日 上市，共 12 件") == "于2027年3月15日上市，共12件")
        #expect(ReportText.typeset("用于 KOL 样品") == "用于 KOL 样品")
        // A minus sign between words, and digits that end a Latin token, keep their spaces.
        #expect(ReportText.typeset("（成本 − 残值）") == "（成本 − 残值）")
        #expect(ReportText.typeset("将 `ads[618 千川].budget` 由 ¥4万") == "将 `ads[618 千川].budget` 由¥4万")
        #expect(ReportText.typeset("为 −¥1,200 与 − 5") == "为−¥1,200与 − 5")
        #expect(ReportText.typeset("P10 与 P90 之间") == "P10 与 P90 之间")
        let style = NumberStyle(language: .zh, currency: "USD")
        #expect(style.money(290_000) == "29万美元")
        // A foreign currency is named in Chinese at any size: `$` alone could be any dollar, `¥` read as RMB.
        #expect(style.money(9_500) == "9,500美元")
        #expect(NumberStyle(language: .zh, currency: "JPY").money(9_800) == "9,800日元")
        #expect(NumberStyle(language: .en, currency: "JPY").money(9_800) == "JP¥9,800")
        #expect(NumberStyle(language: .zh, currency: "CNY").money(290_000) == "¥29万")
    }
}
