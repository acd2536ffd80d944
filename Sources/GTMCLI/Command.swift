import GTMKit

/// A command line, parsed and checked against the command table.
enum Command: Equatable {
    case plan(PlanOptions)
    case check(PlanOptions)
    case explain(key: String?, markdown: Bool)
    case initialize(path: String, language: Scenario.Language)
    case diff(DiffOptions)
    case completions(shell: String)
    case help(command: String?)
    case version
}

/// What `diff` was asked to do.
struct DiffOptions: Equatable {
    var old: String
    var new: String
    var json = false
    var root: String?
    /// `--exit-code`: 1 when the plans differ.
    var exitCode = false
    /// `--lang`: the language of the comparison (default: the new scenario's).
    var language: Scenario.Language?

    /// The two scenarios: `OLD NEW` as given, each a path or `REV:PATH`; `REV..REV PATH` is
    /// `REV:PATH` and `REV:PATH` (an empty side is `HEAD`, as in git).
    var sides: [String] {
        if GitRevision.split(old) == nil, Platform.kind(of: old) == nil, let dots = old.firstRange(of: "..") {
            let (from, to) = (String(old[..<dots.lowerBound]), String(old[dots.upperBound...]))
            return [(from.isEmpty ? "HEAD" : from) + ":" + new, (to.isEmpty ? "HEAD" : to) + ":" + new]
        }
        return [old, new]
    }
}

/// What `plan` (and `check`) were asked to do.
struct PlanOptions: Equatable {
    var file: String
    /// More scenario files: each planned in turn, or checked (`--check`) or rewritten (`--write`) against the report beside it.
    var others: [String] = []
    /// The original arguments after the command, for the "update it with" hint.
    var arguments: [String] = []
    /// `--format` as given; nil: from `--out`'s extension, else Markdown.
    var explicitFormat: String?
    /// `--set` arguments, and `--trials`, `--seed`, `--lang` turned into the same, each with the
    /// option that gave it (for messages).
    var sets: [Assignment] = []
    var whatIf: String?
    var compare = false
    var out: String?
    var check = false
    /// `--write`: rewrite the reports `--check` would find stale.
    var write = false
    /// `--bom`: a CSV report begins with a UTF-8 byte-order mark.
    var byteOrderMark = false
    /// `--root DIR`: includes and data files must lie inside it (default: the working directory).
    var root: String?
    /// `gtm optimize`: the scenario must have an `optimize` section.
    var optimize = false
    /// `--emit-variant NAME`: print the recommendation as a `what_if` variant instead of the report.
    var emitVariant: String?
}

extension PlanOptions {
    /// The report formats and their file extensions.
    static let formats: [(name: String, extensions: [String])] = [
        ("markdown", ["md", "markdown"]), ("json", ["json"]), ("csv", ["csv"]), ("html", ["html", "htm"]),
    ]

    /// The format of a path's extension, if gtm writes one.
    static func format(ofPath path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return formats.first { $0.extensions.contains(ext) }?.name
    }

    /// The format to write: `--format`, else `--out`'s extension, else Markdown.
    var format: String { explicitFormat ?? out.flatMap(Self.format(ofPath:)) ?? "markdown" }

    /// The report beside a scenario: its name with the format's extension (`plan.txt` → `plan.md`).
    static func report(beside file: String, format: String) -> String {
        let ext = formats.first { $0.name == format }?.extensions[0] ?? "md"
        let name = file.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? file
        let folder = String(file.dropLast(name.count))
        let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
        return folder + (stem.isEmpty ? name : stem) + "." + ext
    }
}

/// One override from the command line: `PATH=VALUE` and the option that gave it.
struct Assignment: Equatable {
    var argument: String
    var option: String
}

/// A command line that cannot be run: exit code 2, with the command's usage.
struct UsageError: Error, Equatable {
    var message: String
    var hint: String?
    /// The command whose usage to show, if known.
    var command: String?
}

/// Turns arguments into a `Command`: tokenise, look up in the table, validate.
enum ArgumentParser {
    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        guard let first = arguments.first else { return .help(command: nil) }
        if CommandTable.helpFlags.contains(first) { return .help(command: nil) }
        if CommandTable.versionFlags.contains(first) { return .version }
        // `--version` anywhere before `--` (`gtm plan --version`) prints the version, as tools do.
        if arguments.prefix(while: { $0 != "--" }).contains(CommandTable.versionFlags[0]) { return .version }
        guard let spec = CommandTable.command(first) else {
            if first.hasPrefix("-") {
                let names = [CommandTable.helpFlags[0], CommandTable.versionFlags[0]]
                throw UsageError(message: "unknown option '\(first)'",
                                 hint: Suggestion.closest(to: first, in: names).map { "did you mean '\($0)'?" })
            }
            let names = CommandTable.commands.map(\.name)
            let guess = Suggestion.closest(to: first, in: names)
            throw UsageError(message: "unknown command '\(first)'",
                             hint: guess.map { "did you mean 'gtm \($0)'?" } ?? "the commands are: \(names.joined(separator: ", "))")
        }
        let (positional, options, help) = try tokens(Array(arguments.dropFirst()), spec: spec)
        if help { return .help(command: spec.name) }
        let required = spec.arguments.filter { !$0.hasPrefix("[") }
        if positional.count < required.count {
            throw UsageError(message: "'gtm \(spec.name)' needs \(required.joined(separator: " "))",
                             hint: "e.g. \(spec.examples[0])", command: spec.name)
        }
        let variadic = spec.arguments.last?.hasSuffix("...") == true
        if positional.count > spec.arguments.count, !variadic {
            throw UsageError(message: "unexpected argument '\(positional[spec.arguments.count])'",
                             hint: "'gtm \(spec.name)' takes \(spec.arguments.isEmpty ? "no arguments" : spec.arguments.joined(separator: " "))",
                             command: spec.name)
        }
        switch spec.name {
        case "plan", "check", "optimize":
            var plan = PlanOptions(file: positional[0])
            plan.others = Array(positional.dropFirst())
            plan.arguments = Array(arguments.dropFirst())
            for (option, value) in options {
                if let key = option.overrides {
                    plan.sets.append(Assignment(argument: "\(key)=\(value)", option: option.name))
                    continue
                }
                switch option.id {
                case .set: plan.sets.append(Assignment(argument: value, option: option.name))
                case .whatIf: plan.whatIf = value
                case .compare: plan.compare = true
                case .out: plan.out = value
                case .check: plan.check = true
                case .write: plan.write = true
                case .bom: plan.byteOrderMark = true
                case .format: plan.explicitFormat = value
                case .root: plan.root = value
                case .emitVariant: plan.emitVariant = value
                case .trials, .seed, .lang, .actuals, .exitCode: break
                }
            }
            if plan.byteOrderMark, plan.format != "csv" {
                throw UsageError(message: "'--bom' marks a CSV report; this one is \(plan.format)",
                                 hint: "add --format csv or write to a .csv path, or drop --bom", command: spec.name)
            }
            if !plan.others.isEmpty, spec.name == "plan", plan.out != nil {
                throw UsageError(message: "several scenario files each have their report beside them: '--out' names one",
                                 hint: "drop --out (gtm plan \(positional.joined(separator: " ")) --write writes each beside its scenario)",
                                 command: spec.name)
            }
            if !plan.others.isEmpty, spec.name == "plan", plan.compare {
                throw UsageError(message: "'--compare' plans one scenario's variants", hint: "compare one file at a time", command: spec.name)
            }
            if plan.check, plan.write {
                throw UsageError(message: "'--check' and '--write' cannot be used together",
                                 hint: "--check only reports what is stale; --write rewrites it", command: spec.name)
            }
            if let out = plan.out {
                let fromPath = PlanOptions.format(ofPath: out)
                if fromPath == nil, plan.explicitFormat == nil {
                    throw UsageError(message: "cannot tell the report's format from '--out \(out)'",
                                     hint: "end the path in .md, .json, .csv or .html, or give --format", command: spec.name)
                }
                if let fromPath, let explicit = plan.explicitFormat, fromPath != explicit {
                    throw UsageError(message: "'--format \(explicit)' but '--out \(out)' names a \(fromPath) file",
                                     hint: """
                                         drop --format (the extension picks it) or give the path a \
                                         .\(PlanOptions.formats.first { $0.name == explicit }?.extensions[0] ?? "md") extension
                                         """,
                                     command: spec.name)
                }
            }
            if plan.compare, plan.whatIf != nil {
                throw UsageError(message: "'--compare' and '--what-if' cannot be used together",
                                 hint: "--compare already plans every variant beside the base case", command: spec.name)
            }
            plan.optimize = spec.name == "optimize"
            return spec.name == "check" ? .check(plan) : .plan(plan)
        case "diff":
            let given = Dictionary(options.map { ($0.0.id, $0.1) }) { _, last in last }
            return .diff(DiffOptions(old: positional[0], new: positional[1], json: given[.format] == "json", root: given[.root],
                                     exitCode: given[.exitCode] != nil, language: given[.lang].flatMap(Scenario.Language.init(rawValue:))))
        case "completions":
            guard ["bash", "zsh", "fish"].contains(positional[0]) else {
                throw UsageError(message: "no completions for '\(positional[0])'", hint: "the shells are: bash, zsh, fish", command: spec.name)
            }
            return .completions(shell: positional[0])
        case "init":
            let language = options.first { $0.0.id == .lang }.flatMap { Scenario.Language(rawValue: $0.1) } ?? .en
            return .initialize(path: positional.first ?? "scenario.txt", language: language)
        case "explain":
            return .explain(key: positional.first, markdown: options.contains { $0.0.id == .format && $0.1 == "markdown" })
        default:
            if let name = positional.first, CommandTable.command(name) == nil {
                throw UsageError(message: "no help for unknown command '\(name)'",
                                 hint: "the commands are: \(CommandTable.commands.map(\.name).joined(separator: ", "))")
            }
            return .help(command: positional.first)
        }
    }

    /// Splits arguments into positionals and `(option, value)` pairs, in order.
    private static func tokens(_ arguments: [String], spec: CommandSpec) throws(UsageError)
        -> (positional: [String], options: [(OptionSpec, String)], help: Bool) {
        var positional: [String] = []
        var options: [(OptionSpec, String)] = []
        var seen = Set<String>()
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            if CommandTable.helpFlags.contains(argument) { return (positional, options, true) }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            // `-o PATH` is `--out PATH`, `-f FORMAT` `--format FORMAT`.
            name = CommandTable.shortOptions[name]?.rawValue ?? name
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let names = spec.options.map(\.name) + [CommandTable.helpFlags[0]]
                let guess = Suggestion.closest(to: name, in: names)
                throw UsageError(message: "unknown option '\(name)' for 'gtm \(spec.name)'",
                                 hint: guess.map { "did you mean '\($0)'?" }
                                     ?? (spec.options.isEmpty ? "'gtm \(spec.name)' takes no options"
                                         : "the options are: \(spec.options.map(\.name).joined(separator: ", "))"),
                                 command: spec.name)
            }
            guard let placeholder = option.value else {
                if inline != nil {
                    throw UsageError(message: "'\(name)' takes no value", hint: "write '\(name)' alone", command: spec.name)
                }
                options.append((option, ""))
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "'\(name)' needs a value (\(placeholder))", hint: option.help, command: spec.name)
            }
            if let choices = option.choices, !choices.contains(value) {
                let guess = Suggestion.closest(to: value, in: choices).map { "did you mean '\($0)'? " } ?? ""
                throw UsageError(message: "'\(name)' is one of \(choices.joined(separator: ", ")), not '\(value)'",
                                 hint: guess + "e.g. \(name) \(choices[0])", command: spec.name)
            }
            if !option.repeatable, seen.contains(name) {
                throw UsageError(message: "'\(name)' is given twice", hint: "give it once", command: spec.name)
            }
            if let key = option.overrides, let field = Schema.field(key), case .value(.integer) = field.shape {
                // The key's own bounds (the schema's), so that a value the file would refuse is a
                // command-line error here, with the same exit code at both ends of the range.
                let shown = "\(Int(field.bounds.lowerBound)) to \(Int(field.bounds.upperBound))"
                guard let number = Int(value), field.bounds.contains(Double(number)) else {
                    throw UsageError(message: "'\(name)' takes a whole number from \(shown), not '\(value)'",
                                     hint: "e.g. \(name) \(option.example ?? String(Int(field.bounds.lowerBound)))", command: spec.name)
                }
            }
            seen.insert(name)
            options.append((option, value))
        }
        return (positional, options, false)
    }
}
