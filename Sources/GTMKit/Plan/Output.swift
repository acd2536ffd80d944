/// One number the plan computes, with everything the renderers, the key numbers, `--compare`,
/// `gtm diff`, the tornado and the JSON need to know of it. Each output is declared, with its
/// facts, beside the model that computes it (`static let` members of `Output` in that file, and
/// the section's list); the registry below gathers them. A computation writes its outputs by
/// identity; nothing finds an output by a string or by a position in a table.
package struct Output: Hashable, Sendable, Comparable {
    /// Its slot in a workspace and in a plan's values, declared with it: a block of 50 per
    /// section (market 0, demand 50, … launch 550), in the order the report lists them. A test
    /// checks that every id is unique and that each section's outputs lie in its block, in order.
    let id: Int
    let info: Info

    init(_ id: Int, _ section: Section, _ key: String, _ en: String, _ zh: String, _ unit: Unit,
         _ central: Central = .base, ranged: Bool = false, compared: Bool = false, signed: Bool = false, never: Bool = false) {
        self.id = id
        info = Info(section: section, key: key, en: en, zh: zh, unit: unit, central: central, ranged: ranged, compared: compared,
                    signed: signed, mayNeverHappen: never)
    }

    package static func == (a: Output, b: Output) -> Bool { a.id == b.id }
    package func hash(into hasher: inout Hasher) { hasher.combine(id) }
    package static func < (a: Output, b: Output) -> Bool { a.id < b.id }

    /// The part of the plan (and of the JSON) an output belongs to: its JSON object's key.
    /// Declared beside the outputs (`Output.Section.market` in MarketModel.swift).
    struct Section: Hashable, Sendable {
        let name: String
        init(_ name: String) { self.name = name }
    }

    /// How an output's numbers are written.
    enum Unit: Sendable {
        /// Units, people, posts: `12,345` or `1.23万`.
        case count
        /// Units needed to reach a threshold (break-even): a count, shown rounded up.
        case unitsNeeded
        /// In the scenario's currency.
        case money
        /// A fraction shown as a percentage.
        case share
        /// A plain number (a ratio, a week number).
        case number
        /// Days since 1970-01-01, shown as a date.
        case date
        /// 1 or 0, shown as yes or no.
        case flag
    }

    /// Which value of an output the report shows when the plan ran a simulation.
    enum Central: Sendable {
        /// The base case: every uncertain input at its median.
        case base
        /// The average over the simulated launches (the outcomes of a decision taken under
        /// uncertainty: expected sales, leftover…), so that they add up with the demand the
        /// decision was sized on.
        case mean
        /// Taken from the simulated distribution by a decision rule (the first batch, the goal).
        case decision
    }

    /// Everything the renderers need to know of one output.
    struct Info: Sendable {
        let section: Section
        /// The JSON key within the section: `first_batch_units`.
        let key: String
        let en: String
        let zh: String
        let unit: Unit
        let central: Central
        /// Recorded in every trial, so its P10–P90 is known and shown.
        let ranged: Bool
        /// One of the numbers `--compare` and `gtm diff` set side by side.
        let compared: Bool
        /// May be below zero (a margin, a price effect, the cash at the end); every other output
        /// is zero or more, and a share of this kind may exceed 100%.
        let signed: Bool
        /// May not happen within the horizon (a break-even, a payback): a trial without it counts
        /// as beyond every number, so its range may be open-ended.
        let mayNeverHappen: Bool
    }

    /// `inventory.first_batch_units`: the JSON path, stable across versions.
    var path: String { "\(info.section.name).\(info.key)" }
    var section: Section { info.section }
    var unit: Unit { info.unit }
    var isDecision: Bool { info.central == .decision }

    /// The label in a report's language.
    func label(_ language: Scenario.Language) -> String { language == .zh ? info.zh : info.en }

    /// Every output, in the order the report lists them (by id): each section's list, and each
    /// lever's (`Lever.outputs`).
    static let all: [Output] = (marketOutputs + demandOutputs + economicsOutputs + inventoryOutputs + pilotOutputs
        + crowdfundingOutputs + seedReviewsOutputs + actualsOutputs + cashOutputs + launchOutputs
        + Levers.all.flatMap { $0.outputs }).sorted()

    /// One past the largest id: the size of a workspace's and a plan's table of values.
    static let slots = (all.last?.id ?? 0) + 1

    /// The output at a JSON path, for the contract's string keys only (tests and `gtm explain`).
    static func at(path: String) -> Output? { all.first { $0.path == path } }

    /// The outputs of one section, in table order.
    static func outputs(of section: Section) -> [Output] { all.filter { $0.section == section } }

    /// The outputs the JSON's `uncertainty` holds whenever any input is uncertain, moved by the
    /// draws or not (outputs.md), when their section is in the plan; the first batch is there as
    /// its decision entry.
    static let alwaysSummarized: [Output] = [.somUnits, .horizonUnits, .windowDemandMean, .pledged, .net, .kolBuyers]
}
