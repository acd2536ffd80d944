import GTMKit

/// A command line, parsed and checked against the command table.
enum Command: Equatable {
    case plan(PlanOptions)
    case check(PlanOptions)
    case explain(key: String?, markdown: Bool)
    case initialize(path: String, language: Scenario.Language)
    case diff(old: String, new: String, json: Bool, root: String?)
    case help(command: String?)
    case version
}

/// What `plan` (and `check`) were asked to do.
struct PlanOptions: Equatable {
    var file: String
    /// `--set` arguments, and `--trials`, `--seed`, `--lang` turned into the same, each with the
    /// option that gave it (for messages).
    var sets: [Assignment] = []
    var whatIf: String?
    var compare = false
    var format = "markdown"
    var out: String?
    var check = false
    /// `--root DIR`: includes and data files must lie inside it (default: the working directory).
    var root: String?
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
        switch first {
        case "-h", "--help": return .help(command: nil)
        case "--version", "-V": return .version
        default: break
        }
        guard let spec = CommandTable.command(first) else {
            if first.hasPrefix("-") {
                let names = ["--help", "--version"]
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
        if positional.count > spec.arguments.count {
            throw UsageError(message: "unexpected argument '\(positional[spec.arguments.count])'",
                             hint: "'gtm \(spec.name)' takes \(spec.arguments.isEmpty ? "no arguments" : spec.arguments.joined(separator: " "))",
                             command: spec.name)
        }
        switch spec.name {
        case "plan", "check":
            var plan = PlanOptions(file: positional[0])
            for (name, value) in options {
                switch name {
                case "--set": plan.sets.append(Assignment(argument: value, option: "--set"))
                case "--what-if": plan.whatIf = value
                case "--compare": plan.compare = true
                case "--out": plan.out = value
                case "--check": plan.check = true
                case "--format": plan.format = value
                case "--trials": plan.sets.append(Assignment(argument: "scenario.trials=\(value)", option: "--trials"))
                case "--seed": plan.sets.append(Assignment(argument: "scenario.seed=\(value)", option: "--seed"))
                case "--lang": plan.sets.append(Assignment(argument: "scenario.language=\(value)", option: "--lang"))
                case "--root": plan.root = value
                default: break
                }
            }
            if plan.check, plan.out == nil {
                throw UsageError(message: "'--check' needs '--out PATH': the report to check",
                                 hint: "e.g. gtm plan \(plan.file) --out report.md --check", command: spec.name)
            }
            if plan.compare, plan.whatIf != nil {
                throw UsageError(message: "'--compare' and '--what-if' cannot be used together",
                                 hint: "--compare already plans every variant beside the base case", command: spec.name)
            }
            return spec.name == "plan" ? .plan(plan) : .check(plan)
        case "diff":
            return .diff(old: positional[0], new: positional[1], json: options.contains { $0.0 == "--format" && $0.1 == "json" },
                         root: options.first { $0.0 == "--root" }?.1)
        case "init":
            let language = options.first { $0.0 == "--lang" }.flatMap { Scenario.Language(rawValue: $0.1) } ?? .en
            return .initialize(path: positional.first ?? "scenario.txt", language: language)
        case "explain":
            return .explain(key: positional.first, markdown: options.contains { $0.0 == "--format" && $0.1 == "markdown" })
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
        -> (positional: [String], options: [(String, String)], help: Bool) {
        var positional: [String] = []
        var options: [(String, String)] = []
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
            if argument == "-h" || argument == "--help" { return (positional, options, true) }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            guard let option = spec.options.first(where: { $0.name == name }) else {
                let names = spec.options.map(\.name) + ["--help"]
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
                options.append((name, ""))
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
            if name == "--trials" || name == "--seed", UInt64(value) == nil {
                throw UsageError(message: "'\(name)' takes a whole number, not '\(value)'",
                                 hint: name == "--trials" ? "e.g. --trials 20000" : "e.g. --seed 42", command: spec.name)
            }
            seen.insert(name)
            options.append((name, value))
        }
        return (positional, options, false)
    }
}
