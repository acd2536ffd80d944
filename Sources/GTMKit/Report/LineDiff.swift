/// Which lines changed between two texts: Myers' O((N+M)·D) shortest edit script, enough to
/// say what changed in a stale report without printing all of it.
package enum LineDiff {
    enum Edit: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The edits that turn `old` into `new`, line by line. Work is bounded: past `limit`
    /// differences it gives up and reports every line of both as changed.
    static func edits(_ old: [String], _ new: [String], limit: Int = 2_000) -> [Edit] {
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
    static func summary(old: String, new: String, hunks: Int = 3, width: Int = 100) -> (changed: Int, text: String) {
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
        text.utf8.count <= width || text.count <= width ? text : String(text.prefix(width)) + "…"
    }

    /// A unified diff (`diff -u` format) with `context` lines around each change, at most
    /// `maxLines` lines of it (then a note of how many more), and the count of lines changed.
    package static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3,
                               maxLines: Int = 200, width: Int = 300) -> (changed: Int, text: String) {
        let edits = edits(old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                          new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let changed = edits.reduce(0) { if case .same = $1 { return $0 }; return $0 + 1 }
        guard changed > 0 else { return (0, "") }
        // Line numbers of each edit in the old and the new text (1-based, before the edit).
        var positions: [(old: Int, new: Int)] = []
        var oldLine = 1, newLine = 1
        for edit in edits {
            positions.append((oldLine, newLine))
            switch edit {
            case .same: oldLine += 1; newLine += 1
            case .removed: oldLine += 1
            case .added: newLine += 1
            }
        }
        // Hunks: runs of edits within `context` same lines of a change.
        let changes = edits.indices.filter { if case .same = edits[$0] { return false }; return true }
        var hunks: [ClosedRange<Int>] = []
        for index in changes {
            let low = max(0, index - context), high = min(edits.count - 1, index + context)
            if let last = hunks.last, low <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, high)
            } else {
                hunks.append(low...high)
            }
        }
        var lines = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks {
            let slice = edits[hunk]
            let oldCount = slice.filter { if case .added = $0 { return false }; return true }.count
            let newCount = slice.filter { if case .removed = $0 { return false }; return true }.count
            let start = positions[hunk.lowerBound]
            lines.append("@@ -\(oldCount == 0 ? start.old - 1 : start.old),\(oldCount) +\(newCount == 0 ? start.new - 1 : start.new),\(newCount) @@")
            // A line is cut to `width`: a report's line is short, and a long one is not worth a
            // screenful (the file may not be what gtm wrote).
            for edit in slice {
                switch edit {
                case .same(let text): lines.append(" " + cut(text, width))
                case .removed(let text): lines.append("-" + cut(text, width))
                case .added(let text): lines.append("+" + cut(text, width))
                }
            }
        }
        if lines.count > maxLines {
            let more = lines.count - maxLines
            lines = Array(lines.prefix(maxLines)) + ["… \(more) more line\(more == 1 ? "" : "s") of the diff"]
        }
        return (changed, lines.joined(separator: "\n"))
    }
}
