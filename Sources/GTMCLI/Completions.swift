import GTMKit

/// `gtm completions bash|zsh|fish`: a completion script generated from the command table, so
/// that a new option completes the day it is added: files (folders without a trailing space),
/// option values, the schema's keys after `--set` and `explain`, and the scenario's variants after
/// `--what-if` (both asked of the installed gtm with the hidden `gtm __complete`).
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

    /// `gtm __complete keys`: every key `--set` and `explain` take, one a line (a list's items
    /// as `[0]`); `gtm __complete variants FILE`: the file's `what_if` variants. Hidden: the
    /// scripts call it, so a completion is always the installed gtm's. Never prints an error.
    static func complete(_ arguments: [String]) -> Outcome {
        switch arguments.first {
        case "keys":
            return .success(keys.joined(separator: "\n") + "\n")
        case "variants" where arguments.count == 2:
            let options = PlanOptions(file: arguments[1])
            guard case .success(let files) = CLI.files(options), case .success(let document) = CLI.read(options, files) else {
                return .success("")
            }
            let names = document.variantNames
            return .success(names.isEmpty ? "" : names.joined(separator: "\n") + "\n")
        default:
            return .success("")
        }
    }

    /// The schema's value keys as `--set` writes them: `market.obtainable`, `channels[0].name`.
    static var keys: [String] {
        Schema.fields.compactMap { field in
            guard case .value = field.shape else { return nil }
            return field.path.replacingOccurrences("[]", with: "[0]")
        }
    }

    /// The option whose value is a key, the one whose value is a variant.
    static let keyOptions = [OptionSpec.ID.set.rawValue]
    static let variantOption = OptionSpec.ID.whatIf.rawValue

    static func bash() -> String {
        var lines = ["# bash completion for gtm (gtm completions bash > /etc/bash_completion.d/gtm)",
                     "# The scenario named on the line: its first word ending in .txt.",
                     "_gtm_file() {", "    local word", "    for word in \"${COMP_WORDS[@]:2}\"; do",
                     "        case \"$word\" in *.txt) printf '%s' \"$word\"; return ;; esac", "    done", "}",
                     "_gtm() {",
                     "    local cur prev words cword", "    cur=\"${COMP_WORDS[COMP_CWORD]}\"", "    prev=\"${COMP_WORDS[COMP_CWORD-1]}\"",
                     "    if [ \"$COMP_CWORD\" -eq 1 ]; then",
                     "        COMPREPLY=($(compgen -W \"\(commands.map(\.name).joined(separator: " ")) --help --version\" -- \"$cur\"))",
                     "        return", "    fi",
                     "    case \"$prev\" in",
                     "        \(keyOptions.joined(separator: "|")))",
                     "            compopt -o nospace 2>/dev/null",
                     "            COMPREPLY=($(compgen -W \"$(gtm __complete keys 2>/dev/null | sed 's/$/=/')\" -- \"$cur\"))",
                     "            return ;;",
                     "        \(variantOption))",
                     "            COMPREPLY=($(compgen -W \"$(gtm __complete variants \"$(_gtm_file)\" 2>/dev/null)\" -- \"$cur\"))",
                     "            return ;;",
                     "    esac",
                     "    case \"${COMP_WORDS[1]}\" in"]
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
            } else if command.name == "explain" {
                lines.append("            COMPREPLY=($(compgen -W \"--format --help $(gtm __complete keys 2>/dev/null)\" -- \"$cur\"))")
            } else {
                lines.append("""
                                case \"$cur\" in -*) COMPREPLY=($(compgen -W \"\((command.options.map(\.name) + [CommandTable.helpFlags[0]])
                                    .joined(separator: " "))\" -- \"$cur\")) ;; *) COMPREPLY=($(compgen -f -- \"$cur\")) ;; esac
                    """)
            }
            lines.append("            ;;")
        }
        // -o filenames: a folder completes with its slash and no space, ready for the next part.
        lines += ["    esac", "}", "complete -o filenames -F _gtm gtm", ""]
        return lines.joined(separator: "\n")
    }

    static func zsh() -> String {
        var lines = ["#compdef gtm", "# zsh completion for gtm (gtm completions zsh > \"${fpath[1]}/_gtm\")",
                     "_gtm_keys() { compadd -S '' -- ${(f)\"$(gtm __complete keys 2>/dev/null | sed 's/$/=/')\"} }",
                     "_gtm_explain_keys() { compadd -- ${(f)\"$(gtm __complete keys 2>/dev/null)\"} }",
                     "_gtm_variants() { compadd -- ${(f)\"$(gtm __complete variants \"${words[(r)*.txt]}\" 2>/dev/null)\"} }",
                     "_gtm() {",
                     "    local -a commands",
                     "    commands=(" + commands.map { "'\($0.name):\($0.summary.replacingQuotes)'" }.joined(separator: " ") + ")",
                     "    if (( CURRENT == 2 )); then", "        _describe 'command' commands", "        return", "    fi",
                     "    case $words[2] in"]
        for command in commands {
            var specs = command.options.map { option -> String in
                let help = option.help.replacingQuotes.replacingBrackets
                guard option.value != nil else { return "'\(option.name)[\(help)]'" }
                let action: String
                if keyOptions.contains(option.name) { action = ": :_gtm_keys"
                } else if option.name == variantOption { action = ": :_gtm_variants"
                } else { action = values(option).map { $0.isEmpty ? ": :" : ": :(\($0.joined(separator: " ")))" } ?? ": :_files" }
                return "'\(option.name)[\(help)]\(action)'"
            }
            switch command.name {
            case "completions": specs.append("'1: :(bash zsh fish)'")
            case "explain": specs.append("'1: :_gtm_explain_keys'")
            default: specs.append("'*: :_files'")
            }
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
                if keyOptions.contains(option.name) {
                    line += " -x -a '(gtm __complete keys 2>/dev/null | string replace -r \\$ =)'"
                } else if option.name == variantOption {
                    line += " -x -a '(gtm __complete variants (commandline -opc | string match -r -- \"^.*\\\\.txt\\$\" | head -n 1) 2>/dev/null)'"
                } else if option.value != nil {
                    if let words = values(option), !words.isEmpty { line += " -x -a '\(words.joined(separator: " "))'" } else { line += " -r" }
                }
                lines.append(line)
            }
            if !["completions", "explain", "help", "init"].contains(command.name) {
                lines.append("complete -c gtm -n '__fish_seen_subcommand_from \(command.name)' -F")
            }
        }
        lines.append("complete -c gtm -f -n '__fish_seen_subcommand_from completions' -a 'bash zsh fish'")
        lines.append("complete -c gtm -f -n '__fish_seen_subcommand_from explain' -a '(gtm __complete keys 2>/dev/null)'")
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
