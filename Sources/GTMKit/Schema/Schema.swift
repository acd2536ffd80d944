/// The one schema: every section and key a scenario may hold (spec §3), in the
/// order the key reference, `gtm explain` and `gtm init` show them.
package enum Schema {
    package static let fields: [Field] =
        [Field("include", .value(.text), example: "shared-assumptions.txt", overridable: false,
               "Another scenario file whose values this one starts from (platform fees, rate cards); relative to this file, which wins on conflicts.",
               zh: "共享假设文件（平台费率、KOL 报价等），路径相对本文件；与本文件冲突时以本文件为准。")]
        + settingsFields + productFields + marketFields + inventoryFields + pilotFields + crowdfundingFields + kolFields
        + seedReviewFields + adsFields + leverSections.flatMap { $0.fields } + promotionFields + cashFields + actualsFields + optimizeFields
        + [Field("what_if", .variants, "Named variants, each a set of overrides by dotted path (`market.obtainable: 1%`).",
                 zh: "命名的假设情景，每个是一组按路径覆盖的取值。")]

    /// The sections read as a unit (`LeverSection`): a new lever's inputs are its own file and
    /// one line here.
    static let leverSections: [any LeverSection.Type] = [EmailSends.self]

    /// The default of a key as its kind's value, parsed from the schema row: for code that needs
    /// a default of a section the file leaves out. Nil when the key has no single default.
    static func defaultValue(_ path: String) -> Value? {
        guard let field = field(path), case .value(let kind) = field.shape, let text = field.defaultText else { return nil }
        return try? ValueParser(key: field.key, kind: kind, bounds: field.bounds, allowsUncertainty: false, currency: "").parse(text)
    }

    /// Fields by path.
    static let index: [String: Field] = {
        var index: [String: Field] = [:]
        for field in fields { index[field.path] = field }
        return index
    }()

    /// The field at a schema path (`crowdfunding.tiers[].price`), if any.
    package static func field(_ path: String) -> Field? {
        index[path]
    }

    /// Fields by the path of their section or list.
    static let childrenIndex: [String: [Field]] = Dictionary(grouping: fields, by: \.parent)

    /// The fields directly under `parent` ("" for the top level), in table order.
    package static func children(of parent: String) -> [Field] {
        childrenIndex[parent] ?? []
    }

    /// The schema path of a concrete one: `crowdfunding.tiers[2].price` → `crowdfunding.tiers[].price`.
    package static func schemaPath(_ concrete: String) -> String {
        var out = ""
        var inBracket = false
        for character in concrete {
            if character == "[" {
                inBracket = true
                out.append("[")
            } else if character == "]" {
                inBracket = false
                out.append("]")
            } else if !inBracket {
                out.append(character)
            }
        }
        return out
    }
}

/// A lever's section of the scenario, read as a unit: its schema rows and its reading live in
/// its own file, and the decoder and the scenario hold it without knowing its type.
protocol LeverSection: Sendable {
    /// Its schema rows, the section's first.
    static var fields: [Field] { get }
    /// Reads it (reporting what is wrong); nil when the scenario has none or it is in error.
    static func decode(_ decoder: inout ScenarioDecoder, launch: CivilDate?) -> Self?
}

extension Scenario {
    /// A lever section of the scenario by its type (`scenario.section(EmailSends.self)`).
    func section<Section: LeverSection>(_ type: Section.Type) -> Section? {
        leverSections.lazy.compactMap { $0 as? Section }.first
    }
}
