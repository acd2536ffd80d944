/// The one table of commands and options: parsing, `--help`, `gtm help COMMAND`
/// and "did you mean" all read it.
struct OptionSpec: Sendable {
    /// Every option's name, declared once: the parser switches over these.
    enum ID: String, Sendable, CaseIterable {
        case set = "--set", whatIf = "--what-if", compare = "--compare", trials = "--trials", seed = "--seed"
        case actuals = "--actuals", format = "--format", lang = "--lang", out = "--out", check = "--check"
        case root = "--root", exitCode = "--exit-code", write = "--write", bom = "--bom", emitVariant = "--emit-variant"
    }

    let id: ID
    /// Placeholder of the value (`FORMAT`), or nil for a flag.
    let value: String?
    let help: String
    var repeatable = false
    /// Allowed values, checked when parsing.
    var choices: [String]? = nil
    /// The scenario key the option sets for this run (`--trials N` is `--set scenario.trials=N`),
    /// checked against the key's bounds when parsing.
    var overrides: String? = nil
    /// A value for the hint when the given one is refused.
    var example: String? = nil

    /// `--format`
    var name: String { id.rawValue }
}

struct CommandSpec: Sendable {
    let name: String
    /// Positional arguments as shown in usage: `FILE`, `[KEY]`.
    let arguments: [String]
    let summary: String
    let details: String
    let options: [OptionSpec]
    let examples: [String]

    var usage: String {
        var parts = ["gtm", name] + arguments
        if !options.isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }
}

enum CommandTable {
    /// Global flags: help (also after a command) and the version.
    static let helpFlags = ["--help", "-h"]
    static let versionFlags = ["--version", "-V"]
    /// Short spellings of the options used most: `-o` for `--out`, `-f` for `--format`.
    static let shortOptions: [String: OptionSpec.ID] = ["-o": .out, "-f": .format]

    static let format = OptionSpec(id: .format, value: "FORMAT",
                                   help: """
                                       markdown (default), json, csv (tidy typed rows: outputs, weekly tables, lines, timeline, warnings) \
                                       or html (one self-contained page with \
                                       charts, prints to PDF); --out's extension picks it
                                       """,
                                   choices: ["markdown", "json", "csv", "html"])
    static let diffFormat = OptionSpec(id: .format, value: "FORMAT", help: "markdown (default) or json", choices: ["markdown", "json"])
    static let lang = OptionSpec(id: .lang, value: "LANG", help: "report language: en or zh (overrides scenario.language)",
                                 choices: ["en", "zh"], overrides: "scenario.language")
    static let set = OptionSpec(id: .set, value: "PATH=VALUE",
                                help: """
                                    change one input for this run, typed and checked like the file; repeatable (e.g. --set market.obtainable=2%, \
                                    --set crowdfunding.tiers[0].price=279)
                                    """,
                                repeatable: true)
    static let whatIf = OptionSpec(id: .whatIf, value: "NAME", help: "apply the scenario's `what_if` variant NAME")
    static let root = OptionSpec(id: .root, value: "DIR",
                                 help: "the folder every file read must lie in: the scenario, its includes, data files (default: the working directory)")

    static let commands: [CommandSpec] = [
        CommandSpec(
            name: "plan", arguments: ["FILE..."],
            summary: "Plan a launch and print the report",
            details: """
                Reads the scenario FILE (- for standard input) and prints the plan: market size and every section the file has. Markdown on stdout, \
                or the --format given, or the format of --out's extension (.md, .json, .csv, .html). With --check and several FILEs, each is \
                checked against the report beside it (FILE with the format's extension) and a summary follows; with --write, the stale ones are \
                rewritten; without either, each report is printed in turn. Exit codes: 0 success; 1 invalid \
                scenario or failed write; 2 wrong command line; 3 a report --check found stale or missing.
                """,
            options: [set, whatIf,
                      OptionSpec(id: .compare, value: nil, help: "plan the base case and every what_if variant, side by side"),
                      OptionSpec(id: .trials, value: "N", help: "Monte Carlo trials (overrides scenario.trials)",
                                 overrides: "scenario.trials", example: "20000"),
                      OptionSpec(id: .seed, value: "N", help: "random seed (overrides scenario.seed)", overrides: "scenario.seed", example: "42"),
                      OptionSpec(id: .actuals, value: "CSV", help: """
                          weekly sales since launch (date,units): the weeks sold replace the forecast, the rest is re-forecast, and the reorders \
                          and cash are planned again (overrides `actuals`)
                          """, overrides: "actuals"),
                      format, lang,
                      OptionSpec(id: .bom, value: nil, help: "csv: begin with a UTF-8 byte-order mark, so that Excel on Windows reads zh text"),
                      OptionSpec(id: .out, value: "PATH",
                                 help: "write the report to PATH atomically (a temporary file, then rename) instead of stdout; its extension picks the format"),
                      OptionSpec(id: .check, value: nil, help: """
                          write nothing; exit 3 with a unified diff when the report (--out PATH, or the one beside each FILE) is not what gtm would \
                          write now (for CI)
                          """),
                      OptionSpec(id: .write, value: nil, help: """
                          write each report that --check would find stale or missing (--out PATH, or the one beside each FILE); leave the \
                          others untouched
                          """),
                      root],
            examples: ["gtm plan Scenarios/aurora-lamp.txt",
                       "gtm plan Scenarios/aurora-lamp.txt --format json",
                       "gtm plan Scenarios/aurora-lamp.txt --set market.obtainable=2% --what-if pessimistic",
                       "gtm plan Scenarios/aurora-lamp.txt --compare",
                       "gtm plan Scenarios/ridgeline-kickstarter.txt --actuals Scenarios/data/ridgeline-sales-2027-07-26.csv",
                       "gtm plan Scenarios/aurora-lamp.txt --out Scenarios/aurora-lamp.html",
                       "gtm plan Scenarios/aurora-lamp.txt --out Scenarios/aurora-lamp.md --check",
                       "gtm plan Scenarios/*.txt --check",
                       "gtm plan Scenarios/*.txt --write"]),
        CommandSpec(
            name: "optimize", arguments: ["FILE"],
            summary: "The best plan within its constraints, and what to learn first",
            details: """
                Plans FILE, then searches the decisions its `optimize.free` names within their bounds for the highest expected \
                objective under the section's constraints, every candidate on the same trials; prints the report with the \
                recommended plan, its marginal returns and shadow prices, and the value of knowing each uncertain input first (EVPI). \
                With --emit-variant NAME, prints the recommendation as a `what_if` variant to paste into the file instead. Exit codes: \
                0 success; 1 invalid scenario or no `optimize` section; 2 wrong command line.
                """,
            options: [set, whatIf,
                      OptionSpec(id: .trials, value: "N", help: "Monte Carlo trials of the plan (overrides scenario.trials)",
                                 overrides: "scenario.trials", example: "20000"),
                      OptionSpec(id: .seed, value: "N", help: "random seed (overrides scenario.seed)", overrides: "scenario.seed", example: "42"),
                      format, lang,
                      OptionSpec(id: .out, value: "PATH", help: "write the report to PATH atomically instead of stdout; its extension picks the format"),
                      OptionSpec(id: .emitVariant, value: "NAME", help: "print the recommended decisions as the `what_if` variant NAME"),
                      root],
            examples: ["gtm optimize Scenarios/ridgeline-kickstarter.txt",
                       "gtm optimize Scenarios/ridgeline-kickstarter.txt --format json",
                       "gtm optimize Scenarios/ridgeline-kickstarter.txt --emit-variant optimized"]),
        CommandSpec(
            name: "check", arguments: ["FILE..."],
            summary: "Validate scenarios: every error, or ok",
            details: """
                Checks each FILE (and its what_if variants) without planning. Prints `ok` (with several files, `FILE: ok` for each valid \
                one), or every error with its line and column; exits 1 when any file has an error.
                """,
            options: [set, whatIf, root],
            examples: ["gtm check Scenarios/aurora-lamp.txt", "gtm check Scenarios/*.txt"]),
        CommandSpec(
            name: "explain", arguments: ["[KEY]"],
            summary: "What a key means: its kind, default and bounds",
            details: """
                Without KEY, lists every section and key. KEY is a dotted path such as market.obtainable or crowdfunding.tiers.price. With --format \
                markdown, prints the key reference as Markdown tables (the Key reference article).
                """,
            options: [OptionSpec(id: .format, value: "FORMAT", help: "text (default) or markdown", choices: ["text", "markdown"])],
            examples: ["gtm explain", "gtm explain inventory.service_level"]),
        CommandSpec(
            name: "diff", arguments: ["OLD", "NEW"],
            summary: "Compare the plans of two scenarios (or two versions of one)",
            details: """
                Plans OLD and NEW and prints what changed: the headline (demand within the horizon, peak funding need, ending cash), the \
                decisions that change, every input that differs, the other key outputs with their absolute and relative change, and the \
                warnings that appear or go. OLD or NEW may be REV:PATH (as git show names it): the scenario, its includes and data files \
                are read from git at REV. REV..REV PATH compares PATH at two revisions.
                """,
            options: [diffFormat, lang, root,
                      OptionSpec(id: .exitCode, value: nil, help: "exit 1 when the plans differ (as git diff --exit-code)")],
            examples: ["gtm diff main:Scenarios/aurora-lamp.txt Scenarios/aurora-lamp.txt",
                       "gtm diff main..HEAD Scenarios/aurora-lamp.txt --exit-code", "gtm diff a.txt b.txt --format json"]),
        CommandSpec(
            name: "init", arguments: ["[PATH]"],
            summary: "Write a commented starter scenario",
            details: """
                Writes a starter scenario generated from the schema to PATH (default scenario.txt; - prints it): the sections a first plan needs, \
                filled in; every other key commented out with its meaning. Never overwrites a file.
                """,
            options: [OptionSpec(id: .lang, value: "LANG", help: "language of the comments and the report: en (default) or zh",
                                 choices: ["en", "zh"])],
            examples: ["gtm init", "gtm init Scenarios/new-lamp.txt --lang zh"]),
        CommandSpec(
            name: "completions", arguments: ["SHELL"],
            summary: "Print a shell completion script (bash, zsh or fish)",
            details: """
                Prints a completion script for SHELL, generated from gtm's own command table. bash: gtm completions bash > \
                /etc/bash_completion.d/gtm; zsh: gtm completions zsh > \"${fpath[1]}/_gtm\"; fish: gtm completions fish > \
                ~/.config/fish/completions/gtm.fish.
                """,
            options: [],
            examples: ["gtm completions bash", "gtm completions zsh"]),
        CommandSpec(
            name: "help", arguments: ["[COMMAND]"],
            summary: "Help for gtm or for one command",
            details: "Prints the help of COMMAND, or the list of commands.",
            options: [],
            examples: ["gtm help plan"]),
    ]

    static func command(_ name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }
}
