import Foundation
import Testing
@testable import GTMCLI
@testable import GTMKit

/// In-process runs of the command line: parsing, help and exit codes.
@Suite struct CLITests {
    @Test func versionAndHelp() {
        #expect(CLI.run(["--version"]) == Outcome(stdout: "gtm \(GTM.version)\n", stderr: "", status: 0))
        let help = CLI.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("plan FILE"))
        #expect(help.stdout.contains("explain [KEY]"))
        #expect(CLI.run([]).stdout == help.stdout)
        let planHelp = CLI.run(["help", "plan"])
        #expect(planHelp.stdout.hasPrefix("Usage: gtm plan FILE... [options]"))
        #expect(planHelp.stdout.contains("--format FORMAT"))
        #expect(CLI.run(["plan", "--help"]).stdout == planHelp.stdout)
    }

    @Test func everyOptionInTheTableIsInItsHelp() {
        for command in CommandTable.commands {
            let text = Help.command(command)
            for option in command.options { #expect(text.contains(option.name)) }
        }
    }

    @Test(arguments: [
        (["plan"], "gtm: error: 'gtm plan' needs FILE"),
        (["plan", "a.txt", "--fromat", "json"], "gtm: error: unknown option '--fromat' for 'gtm plan'\n  hint: did you mean '--format'?"),
        (["plan", "a.txt", "--format", "yaml"], "gtm: error: '--format' is one of markdown, json, csv, html, not 'yaml'"),
        (["plan", "a.txt", "--format"], "gtm: error: '--format' needs a value (FORMAT)"),
        (["plan", "a.txt", "b.txt", "--out", "c.md"], "gtm: error: several scenario files each have their report beside them"),
        (["plan", "a.txt", "--out", "a.txt"], "gtm: error: cannot tell the report's format from '--out a.txt'"),
        (["plan", "a.txt", "--out", "a.md", "--format", "json"], "gtm: error: '--format json' but '--out a.md' names a markdown file"),
        (["completions", "tcsh"], "gtm: error: no completions for 'tcsh'"),
        (["plna", "a.txt"], "gtm: error: unknown command 'plna'\n  hint: did you mean 'gtm plan'?"),
        (["--verison"], "gtm: error: unknown option '--verison'\n  hint: did you mean '--version'?"),
        (["plan", "a.txt", "--trials", "many"], "gtm: error: '--trials' takes a whole number from 100 to 2000000, not 'many'"),
        (["plan", "a.txt", "--format", "json", "--format", "json"], "gtm: error: '--format' is given twice"),
        (["explain", "market.obtainabel"], "gtm: error: no key 'market.obtainabel' in the schema\n  hint: did you mean 'market.obtainable'?"),
        (["help", "plam"], "gtm: error: no help for unknown command 'plam'"),
    ])
    func wrongCommandLinesExitTwo(arguments: [String], message: String) {
        let outcome = CLI.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix(message))
        #expect(outcome.stderr.contains("\n  usage: gtm") && outcome.stderr.contains("(see 'gtm "))
    }

    @Test func missingFileIsAnInputErrorNotACrash() {
        let outcome = CLI.run(["plan", "/nonexistent/scenario.txt"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("/nonexistent/scenario.txt: error: cannot read '/nonexistent/scenario.txt': no such file"))
        #expect(CLI.run(["check", "/tmp"]).stderr.contains("is a directory"))
    }

    @Test func explainComesFromTheSchema() {
        let list = CLI.run(["explain"])
        #expect(list.status == 0)
        for field in Schema.fields { #expect(list.stdout.contains(field.doc)) }
        let one = CLI.run(["explain", "market.obtainable"])
        #expect(one.stdout.hasPrefix("market.obtainable (share)\n  Share of SAM you can win within the horizon (SOM).\n  Required when `market` is present."))
        #expect(CLI.run(["explain", "crowdfunding.tiers.price"]).stdout.hasPrefix("crowdfunding.tiers[].price (money)"))
        #expect(CLI.run(["explain", "crowdfunding.tiers[0].price"]).status == 0)
        #expect(CLI.run(["explain", "inventory.forecast_cv"]).stdout.contains("Default: 30%"))
    }
}

@Suite struct WhatIfCLITests {
    let example = GTMProcess.root.appendingPathComponent("Scenarios/aurora-lamp.txt").path

    @Test func aBadOverrideIsLocatedAndExitsOne() {
        let outcome = CLI.run(["plan", example, "--set", "market.obtainable=2"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == """
        --set:1:19: error: `obtainable` is a share; write 2% or 0.02, not 2
         1 | market.obtainable=2
           |                   ^
          hint: a bare number is a fraction: 0.05 means 5%

        """)
        let path = CLI.run(["plan", example, "--set", "market.obtainabel=2%"])
        #expect(path.status == 1)
        #expect(path.stderr.hasPrefix("--set:1:8: error: `obtainabel` in `market.obtainabel` is not a key of `market`"))
    }

    @Test func anUnknownVariantIsACommandLineError() {
        let outcome = CLI.run(["plan", example, "--what-if", "pesimistic"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("did you mean 'pessimistic'?"))
        #expect(CLI.run(["plan", example, "--what-if", "pessimistic", "--compare"]).status == 2)
    }

    @Test func compareHasEveryVariantInTheJSON() throws {
        let outcome = CLI.run(["plan", example, "--compare", "--format", "json", "--trials", "2000"])
        #expect(outcome.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let variants = try #require(object?["variants"] as? [String: Any])
        #expect(variants.keys.sorted() == ["pessimistic", "premium_price"])
        let premium = try #require(variants["premium_price"] as? [String: Any])
        #expect(premium["variants"] == nil)
        #expect((premium["economics"] as? [String: Any])?["price"] as? Double == 459)
        #expect(CLI.run(["plan", example, "--compare", "--trials", "2000"]).stdout.contains("## What if: the variants compared"))
    }

    @Test func setWinsOverTheVariant() throws {
        let outcome = CLI.run(["plan", example, "--what-if", "premium_price", "--set", "product.price=499", "--format", "json",
                               "--trials", "1000"])
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect((object?["economics"] as? [String: Any])?["price"] as? Double == 499)
    }
}
