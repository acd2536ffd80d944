/// One row of the schema: a section, a list, or a key, with everything the
/// parser, `--set`, `gtm explain`, `gtm init` and the key reference need to know of it.
package struct Field: Sendable {
    package enum Shape: Sendable {
        /// A mapping of keys.
        case section
        /// A list of mappings; `itemKey` names an item for `--set` (`name` or `tier`).
        case list(itemKey: String)
        /// A scalar of this kind.
        case value(ValueKind)
        /// `what_if`: named sets of overrides by dotted path.
        case variants
        /// `optimize.free`: override paths, each with the bounds of a search.
        case decisions
    }

    /// Dotted path; list items appear as `[]`: `crowdfunding.tiers[].price`.
    package let path: String
    package let shape: Shape
    package let required: Bool
    /// True when the key accepts ranges and distributions.
    package let uncertain: Bool
    /// False for keys `--set` and `what_if` may not change (`include`: which files are read).
    let overridable: Bool
    /// Bounds in stored units: fractions for shares, days for durations.
    package let bounds: ClosedRange<Double>
    /// The default as a scenario would write it (`12 months`, `0.03`, `30%`); parsed like a file's value.
    package let defaultText: String?
    /// Where there is no single default: how the model fills the value in.
    let defaultNote: String?
    /// A realistic value for `gtm init`'s starter file and `gtm explain`.
    package let example: String?
    /// One line: what the key means.
    package let doc: String
    /// The same line in Chinese, for `gtm init --lang zh`.
    let docZh: String

    /// The last component of the path: `price`.
    package let key: String

    /// The path of the section or list the field belongs to; "" at the top.
    package let parent: String

    var valueKind: ValueKind? {
        if case .value(let kind) = shape { return kind }
        return nil
    }

    /// "share", "section", "list"…
    package var kindName: String {
        switch shape {
        case .section: return "section"
        case .list: return "list"
        case .variants: return "variants"
        case .decisions: return "decisions"
        case .value(let kind): return kind.name
        }
    }

    /// The default as the reference shows it.
    package var defaultDescription: String? {
        defaultText ?? defaultNote
    }

    /// The bounds in the key's own terms, when they differ from the kind's.
    package var boundsDescription: String? {
        guard case .value(let kind) = shape else { return nil }
        let low = bounds.lowerBound
        let high = bounds.upperBound
        switch kind {
        case .share:
            if low == 0 && high == 1 { return "0–100%" }
            return "\(Format.shortest(low * 100))–\(Format.shortest(high * 100))%"
        case .count, .integer, .money:
            if high >= Limits.magnitude { return low == 0 ? "0 or more" : "at least \(Format.shortest(low))" }
            return "\(Format.shortest(low))–\(Format.shortest(high))"
        case .number:
            return "\(Format.shortest(low))–\(Format.shortest(high))"
        case .period:
            return low > 0 ? "at least \(Format.shortest(low)) day\(low == 1 ? "" : "s")" : nil
        default:
            return nil
        }
    }

    init(_ path: String, _ shape: Shape, example: String? = nil, required: Bool = false, uncertain: Bool? = nil,
         bounds: ClosedRange<Double>? = nil, default defaultText: String? = nil, note: String? = nil,
         overridable: Bool = true, _ doc: String, zh: String) {
        self.overridable = overridable
        self.path = path
        self.key = String(path.split(separator: ".").last ?? Substring(path))
        if let dot = path.lastIndex(of: ".") { self.parent = String(path[..<dot]) } else { self.parent = "" }
        self.shape = shape
        self.required = required
        self.defaultText = defaultText
        self.defaultNote = note
        self.example = example
        self.doc = doc
        self.docZh = zh
        var isNumeric = false
        var naturalBounds: ClosedRange<Double> = 0...Limits.magnitude
        if case .value(let kind) = shape {
            isNumeric = kind.isNumeric && kind != .integer
            switch kind {
            case .share: naturalBounds = 0...1
            case .number: naturalBounds = -Limits.magnitude...Limits.magnitude
            case .period: naturalBounds = 0...Double(Limits.durationDays)
            default: break
            }
        }
        self.uncertain = uncertain ?? isNumeric
        self.bounds = bounds ?? naturalBounds
    }
}
