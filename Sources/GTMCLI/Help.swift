import GTMKit

/// Help text, generated from the command table.
enum Help {
    static func overview() -> String {
        var lines = [
            "gtm \(GTM.version): plan a product launch from one plain-text scenario",
            "",
            "Usage: gtm <command> [arguments] [options]",
            "",
            "Commands:",
        ]
        let width = CommandTable.commands.map { ($0.name + " " + $0.arguments.joined(separator: " ")).count }.max() ?? 0
        for command in CommandTable.commands {
            let head = command.name + " " + command.arguments.joined(separator: " ")
            lines.append("  " + head.padding(to: width) + "  " + command.summary)
        }
        lines += [
            "",
            "Options:",
            "  -h, --help".padding(to: width + 2) + "  show this help",
            "  --version".padding(to: width + 2) + "  print the version",
            "",
            "Run 'gtm help <command>' for a command's options.",
            "Exit codes: 0 success, 1 invalid scenario or override, 2 wrong command line.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ spec: CommandSpec) -> String {
        var lines = ["Usage: \(spec.usage)", "", spec.summary + ".", "", spec.details]
        if !spec.options.isEmpty {
            lines += ["", "Options:"]
            let heads = spec.options.map { $0.name + ($0.value.map { " " + $0 } ?? "") }
            let width = max(heads.map(\.count).max() ?? 0, "-h, --help".count)
            for (head, option) in zip(heads, spec.options) {
                lines.append("  " + head.padding(to: width) + "  " + option.help)
            }
            lines.append("  " + "-h, --help".padding(to: width) + "  show this help")
        }
        lines += ["", "Examples:"] + spec.examples.map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `Error: …` text for a wrong command line.
    static func usageError(_ error: UsageError) -> String {
        var lines = ["Error: \(error.message)"]
        if let hint = error.hint { lines.append("Hint: \(hint)") }
        if let name = error.command, let spec = CommandTable.command(name) {
            lines.append("Usage: \(spec.usage)")
            lines.append("See 'gtm help \(name)'.")
        } else {
            lines.append("Usage: gtm <command> [arguments] [options]")
            lines.append("See 'gtm --help'.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
