import GTMCLI

let outcome = CLI.run(Array(CommandLine.arguments.dropFirst()))
CLI.exit(CLI.emit(outcome))
