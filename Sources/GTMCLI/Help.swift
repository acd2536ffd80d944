import GTMKit

/// Help text, generated from the command table, wrapped to the terminal (80 columns when the
/// output is not a terminal).
enum Help {
    static var width: Int { Platform.terminalWidth() }

    /// `text` in lines of at most `width` columns, the first after `head` (padded to `indent`),
    /// the rest indented by `indent`.
    static func wrap(_ text: String, head: String = "", indent: Int = 0, width: Int = Help.width) -> [String] {
        var lines: [String] = []
        var line = head.padding(to: indent)
        var empty = true
        for word in text.split(separator: " ") {
            if !empty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        lines.append(line)
        return lines
    }

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
            lines += wrap(command.summary, head: "  " + head, indent: width + 4)
        }
        lines += [
            "",
            "Options:",
            "  -h, --help".padding(to: width + 2) + "  show this help",
            "  --version".padding(to: width + 2) + "  print the version",
            "",
            "Run 'gtm help <command>' for a command's options.",
        ] + wrap("""
            Exit codes: 0 success; 1 invalid scenario, override or data file, or a failed write; 2 wrong command line; 3 a report `gtm plan \
            --check` found stale or missing.
            """)
        return lines.joined(separator: "\n") + "\n"
    }

    static func command(_ spec: CommandSpec) -> String {
        var lines = ["Usage: \(spec.usage)", "", spec.summary + ".", ""] + wrap(spec.details)
        if !spec.options.isEmpty {
            lines += ["", "Options:"]
            let heads = spec.options.map { option in
                let short = CommandTable.shortOptions.first { $0.value == option.id }.map { $0.key + ", " } ?? ""
                return short + option.name + (option.value.map { " " + $0 } ?? "")
            }
            let width = max(heads.map(\.count).max() ?? 0, "-h, --help".count)
            for (head, option) in zip(heads, spec.options) {
                lines += wrap(option.help, head: "  " + head, indent: width + 4)
            }
            lines.append("  " + "-h, --help".padding(to: width) + "  show this help")
        }
        lines += ["", "Examples:"] + spec.examples.map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text for a wrong command line, in the one error style (the Commands article):
    /// `gtm: error: …`, then indented `hint:` and `usage:` lines.
    static func usageError(_ error: UsageError) -> String {
        var lines = ["gtm: error: \(error.message)"]
        if let hint = error.hint { lines.append("  hint: \(hint)") }
        if let name = error.command, let spec = CommandTable.command(name) {
            lines.append("  usage: \(spec.usage) (see 'gtm help \(name)')")
        } else {
            lines.append("  usage: gtm <command> [arguments] [options] (see 'gtm --help')")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
