/// The scenario text the report suites share, in small blocks that add up to a scenario, and the one way they plan a report.
import Testing
@testable import GTMKit

/// Each block is top-level scenario text ending in a newline, so blocks and a suite's own sections add up with `+`:
/// `ReportFixtures.lamp() + ReportFixtures.market() + """ channels: … """`. A suite writes its own section inline, so that
/// the inputs behind its hand calculations stand beside them; where a comment uses a value from here, it names the block.
/// A section block that one suite tests and another borrows stays with the suite that tests it (`EmailReportTests.sends`,
/// `MarkdownFirstBatchTests.reorders`, `MarkdownActualsTests.sales`, `MarkdownCrowdfundingTests.modian`).
enum ReportFixtures {
    /// The product and its launch: a Lamp at ¥400 that costs ¥100 to make (unit margin ¥300, 75%), launched on `launch`
    /// (2027-03-15 and 2026-03-16 are both Mondays). `more` are further `product:` keys, as `key: value`.
    static func lamp(launch: String = "2027-03-15", price: String = "400", cost: String = "100", with more: [String] = []) -> String {
        """
        product:
          name: Lamp
          price: \(price)
          unit_cost: \(cost)
        \(more.map { "  \($0)\n" }.joined())launch:
          date: \(launch)

        """
    }

    /// A market of 1M people, 10% of them serviceable and `obtainable` of those obtainable: with the default 1%, a SOM of
    /// 1,000,000 × 10% × 1% = 1,000 units within the 12-month horizon.
    static func market(obtainable: String = "1%") -> String {
        """
        market:
          population: 1M
          serviceable: 10%
          obtainable: \(obtainable)

        """
    }

    /// Demand that sells most at launch and halves every `halfLife` (Bass with q = 0). More `demand:` keys may follow it,
    /// indented by two spaces.
    static func decay(halfLife: String = "1 week") -> String {
        """
        demand:
          shape: decay
          half_life: \(halfLife)

        """
    }

    /// `lamp(launch: "2026-03-16") + market() + decay()`: a SOM of 1,000 halving every week from a Monday in 2026, so week k
    /// sells 1,000 × 2^−k (500 and 250 in weeks 1 and 2, 750 in all); the 12 months from it are 365 days, 52 weeks and 1 day.
    static let halvingSOM = lamp(launch: "2026-03-16") + market() + decay()

    /// A first batch of 5,000 (the MOQ) ordered 8 weeks before launch (so 15 March 2027 − 56 days = 18 January 2027 with
    /// `lamp()`), stocked at the median (50%) of a forecast of 70 a week, 10 a day; it outlasts the horizon: no reorder.
    static let batchOf5000 = """
    inventory:
      lead_time: 8 weeks
      forecast: 70
      coverage: 7 days
      service_level: 50%
      moq: 5000

    """

    /// Decodes `text` as `t.txt` (`sets` as `--set` arguments, `files` its data files), plans it and wraps the plan in a
    /// report. The base case alone (`simulation: nil`), unless `monteCarlo`: then the Monte Carlo runs as in `gtm plan`.
    static func report(_ text: String, sets: [String] = [], files: [String: String] = [:], monteCarlo: Bool = false) throws -> MarkdownReport {
        MarkdownReport(Planner.plan(try decode(text, sets: sets, files: files), simulation: monteCarlo ? Simulation.Options() : nil))
    }

    /// The report, and the part of its plan a suite reads (`\.firstBatch`, `\.kol`…), which the plan must have.
    static func report<Part>(_ text: String, sets: [String] = [], files: [String: String] = [:], monteCarlo: Bool = false,
                             part: KeyPath<Plan, Part?>, sourceLocation: SourceLocation = #_sourceLocation) throws -> (MarkdownReport, Part) {
        let report = try Self.report(text, sets: sets, files: files, monteCarlo: monteCarlo)
        return (report, try #require(report.plan[keyPath: part], sourceLocation: sourceLocation))
    }
}
