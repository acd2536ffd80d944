import GTMCLI

let outcome = CLI.run(Array(CommandLine.arguments.dropFirst()))
CLI.emit(outcome)
CLI.exit(outcome.status)
