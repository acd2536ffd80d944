import GTMKit

/// A progress line on stderr for long simulations: only when stderr is a terminal and the
/// run has taken more than a second, so reports and pipes stay clean.
enum Progress {
    /// Whether a line is on the screen. Written only by the simulation's first worker while it
    /// runs, and read by the main thread after the workers have finished.
    nonisolated(unsafe) private static var shown = false

    /// A progress callback, or nil when stderr is not a terminal.
    static func reporter() -> (@Sendable (Double) -> Void)? {
        guard Platform.stderrIsTerminal else { return nil }
        let start = ContinuousClock.now
        return { share in
            guard ContinuousClock.now - start > .seconds(1) else { return }
            shown = true
            Platform.write(Array("\rgtm: simulating… \(Int((share * 100).rounded(.down)))%".utf8), to: 2)
        }
    }

    /// Clears the line, if one was printed.
    static func finish() {
        if shown {
            Platform.write(Array("\r\u{1B}[K".utf8), to: 2)
            shown = false
        }
    }
}
