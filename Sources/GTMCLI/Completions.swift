/// `gtm completions bash|zsh|fish`: a completion script generated from the command table, so
/// that a new option completes the day it is added.
enum Completions {
    static func script(_ shell: String) -> String {
        switch shell {
        case "zsh": return zsh()
        case "fish": return fish()
        default: return bash()
        }
    }

    static var commands: [CommandSpec] { CommandTable.commands }

    /// Words that complete an option's value, where the table knows them.
    static func values(_ option: OptionSpec) -> [String]? {
        if let choices = option.choices { return choices }
        return option.id == .out || option.id == .root ? nil : []
    }

    static func bash() -> String {
        var lines = ["# bash completion for gtm (gtm completions bash > /etc/bash_completion.d/gtm)", "_gtm() {",
                     "    local cur prev words cword", "    cur=\"${COMP_WORDS[COMP_CWORD]}\"", "    prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
                     "    if [ \"$COMP_CWORD\" -eq 1 ]; then",
                     "        COMPREPLY=($(compgen -W \"\(commands.map(\.name).joined(separator: " ")) --help --version\" -- \"$cur\"))",
                     "        return", "    fi", "    case \"${COMP_WORDS[1]}\" in"]
        for command in commands {
            lines.append("        \(command.name))")
            lines.append("            case \"$prev\" in")
            for option in command.options {
                guard let words = values(option), !words.isEmpty else { continue }
                lines.append("                \(option.name)) COMPREPLY=($(compgen -W \"\(words.joined(separator: " "))\" -- \"$cur\")); return ;;")
            }
            lines.append("            esac")
            if command.name == "completions" {
                lines.append("            COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\"))")
            } else if command.name == "help" {
                lines.append("            COMPREPLY=($(compgen -W \"\(commands.map(\.name).joined(separator: " "))\" -- \"$cur\"))")
            } else {
                lines.append("""
                                COMPREPLY=($(compgen -W \"\((command.options.map(\.name) + [CommandTable.helpFlags[0]]).joined(separator: " "))\" -- \"$cur\") \
                    $(compgen -f -- \"$cur\"))
                    """)
            }
            lines.append("            ;;")
        }
        lines += ["    esac", "}", "complete -F _gtm gtm", ""]
        return lines.joined(separator: "\n")
    }

    static func zsh() -> String {
        var lines = ["#compdef gtm", "# zsh completion for gtm (gtm completions zsh > \"${fpath[1]}/_gtm\")", "_gtm() {",
                     "    local -a commands",
                     "    commands=(" + commands.map { "'\($0.name):\($0.summary.replacingQuotes)'" }.joined(separator: " ") + ")",
                     "    if (( CURRENT == 2 )); then", "        _describe 'command' commands", "        return", "    fi",
                     "    case $words[2] in"]
        for command in commands {
            var specs = command.options.map { option -> String in
                let help = option.help.replacingQuotes.replacingBrackets
                guard option.value != nil else { return "'\(option.name)[\(help)]'" }
                let action = values(option).map { $0.isEmpty ? ": :" : ": :(\($0.joined(separator: " ")))" } ?? ": :_files"
                return "'\(option.name)[\(help)]\(action)'"
            }
            specs.append(command.name == "completions" ? "'1: :(bash zsh fish)'" : "'*: :_files'")
            lines.append("        \(command.name)) _arguments \(specs.joined(separator: " ")) ;;")
        }
        lines += ["    esac", "}", "_gtm \"$@\"", ""]
        return lines.joined(separator: "\n")
    }

    static func fish() -> String {
        var lines = ["# fish completion for gtm (gtm completions fish > ~/.config/fish/completions/gtm.fish)",
                     "complete -c gtm -f -n '__fish_use_subcommand' -l help -d 'show the help'",
                     "complete -c gtm -f -n '__fish_use_subcommand' -l version -d 'print the version'"]
        for command in commands {
            lines.append("complete -c gtm -f -n '__fish_use_subcommand' -a \(command.name) -d '\(command.summary.replacingQuotes)'")
            for option in command.options {
                var line = "complete -c gtm -n '__fish_seen_subcommand_from \(command.name)' -l \(option.name.dropFirst(2)) -d '\(option.help.replacingQuotes)'"
                if option.value != nil {
                    if let words = values(option), !words.isEmpty { line += " -x -a '\(words.joined(separator: " "))'" } else { line += " -r" }
                }
                lines.append(line)
            }
        }
        lines.append("complete -c gtm -f -n '__fish_seen_subcommand_from completions' -a 'bash zsh fish'")
        lines.append("")
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Single quotes out of a text that goes between single quotes in a shell script.
    var replacingQuotes: String { String(map { $0 == "'" ? "’" : $0 }) }
    /// Square brackets out of a zsh option description.
    var replacingBrackets: String { String(map { $0 == "[" ? "(" : $0 == "]" ? ")" : $0 }) }
}
