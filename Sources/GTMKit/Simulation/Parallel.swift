import Dispatch

/// Runs `body` for parts 0..<count, on as many threads as there are parts. Callers give
/// each part disjoint memory, so the result does not depend on how the parts are scheduled.
func runParts(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count <= 1 {
        body(0)
        return
    }
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
}
