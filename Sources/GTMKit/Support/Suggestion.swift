/// "Did you mean" by edit distance, for keys, options and choices.
package enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let word = word.lowercased()
        let length = word.unicodeScalars.count
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            // The distance is at least the difference in length, and over 3 is never suggested:
            // a long mistyped word costs no full comparison.
            let lowered = candidate.lowercased()
            if abs(lowered.unicodeScalars.count - length) > 3 { continue }
            let distance = editDistance(word, lowered)
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best, best.distance <= max(1, min(3, max(word.count, best.name.count) / 3)) {
            return best.name
        }
        // A part of a key (`margin` for `target_margin`) or a key inside a longer word.
        guard word.count >= 3 else { return nil }
        return candidates.filter {
            let candidate = $0.lowercased()
            return candidate.contains(word) || word.contains(candidate)
        }.min { ($0.count, $0) < ($1.count, $1) }
    }

    /// Damerau–Levenshtein distance (with adjacent transpositions), in characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
