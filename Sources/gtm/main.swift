import GTMCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes all of `text` to a file descriptor, retrying short writes.
func emit(_ text: String, to descriptor: Int32) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { buffer in
            write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}

let outcome = CLI.run(Array(CommandLine.arguments.dropFirst()))
emit(outcome.stdout, to: 1)
emit(outcome.stderr, to: 2)
exit(outcome.status)
