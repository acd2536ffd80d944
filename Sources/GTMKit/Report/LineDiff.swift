/// Which lines changed between two texts: Myers' O((N+M)·D) shortest edit script, enough to
/// say what changed in a stale report without printing all of it.
public enum LineDiff {
    public enum Edit: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The edits that turn `old` into `new`, line by line. Work is bounded: past `limit`
    /// differences it gives up and reports every line of both as changed.
    public static func edits(_ old: [String], _ new: [String], limit: Int = 2_000) -> [Edit] {
        let n = old.count
        let m = new.count
        let maxD = min(n + m, limit)
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...maxD {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, old[x] == new[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    found = true
                    break outer
                }
            }
        }
        guard found else { return old.map(Edit.removed) + new.map(Edit.added) }
        // Walk the trace back from the end.
        var edits: [Edit] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                edits.append(.same(old[x - 1]))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX {
                    edits.append(.added(new[y - 1]))
                } else {
                    edits.append(.removed(old[x - 1]))
                }
            }
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }

    /// A short summary: how many lines differ and the first few, as `-`/`+` lines with their
    /// line numbers in the new text.
    public static func summary(old: String, new: String, hunks: Int = 3, width: Int = 100) -> (changed: Int, text: String) {
        let edits = edits(old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                          new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        var changed = 0
        var lines: [String] = []
        var shown = 0
        var newLine = 0
        var inHunk = false
        for edit in edits {
            switch edit {
            case .same:
                newLine += 1
                inHunk = false
            case .removed(let text):
                changed += 1
                if !inHunk { shown += 1; inHunk = true }
                if shown <= hunks { lines.append("  line \(newLine + 1): - \(cut(text, width))") }
            case .added(let text):
                changed += 1
                newLine += 1
                if !inHunk { shown += 1; inHunk = true }
                if shown <= hunks { lines.append("  line \(newLine): + \(cut(text, width))") }
            }
        }
        return (changed, lines.joined(separator: "\n"))
    }

    static func cut(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width)) + "…"
    }
}
