import Foundation
import GTMKit

/// A progress line on stderr for long simulations: only when stderr is a terminal and the
/// run has taken more than a second, so reports and pipes stay clean.
enum Progress {
    /// Whether anything was printed (and needs clearing).
    nonisolated(unsafe) private static var shown = false
    private static let lock = NSLock()

    /// A progress callback, or nil when stderr is not a terminal.
    static func reporter() -> (@Sendable (Double) -> Void)? {
        guard isatty(2) != 0 else { return nil }
        let start = ContinuousClock.now
        return { share in
            guard ContinuousClock.now - start > .seconds(1) else { return }
            let percent = Int((share * 100).rounded(.down))
            lock.lock()
            shown = true
            FileHandle.standardError.write(Data("\rgtm: simulating… \(percent)%".utf8))
            lock.unlock()
        }
    }

    /// Clears the line, if one was printed.
    static func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
        }
    }
}
