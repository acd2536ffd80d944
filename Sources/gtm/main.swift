import GTMCLI

// The arguments as the shell passed them, bytes and all: a name that is not UTF-8 is refused with
// a message, not repaired into another name that does not exist.
let arguments = (1..<Int(CommandLine.argc)).map { index -> [UInt8] in
    guard let pointer = CommandLine.unsafeArgv[index] else { return [] }
    var count = 0
    while pointer[count] != 0 { count += 1 }
    return UnsafeBufferPointer(start: pointer, count: count).map { UInt8(bitPattern: $0) }
}
let outcome = CLI.run(rawArguments: arguments)
CLI.exit(CLI.emit(outcome))
