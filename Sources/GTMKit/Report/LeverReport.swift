/// A lever's part of each report: its decision line, its Markdown section and its JSON object.
/// The renderers loop over `Plan.levers`; each lever's result type conforms in its own report
/// file (`KOLPlan` in MarkdownReport+KOL.swift, `AdsPlan` in AdsReport.swift).
protocol LeverReport: LeverResult {
    func decision(_ report: MarkdownReport) -> String
    func markdown(_ report: MarkdownReport) -> String
    func json(_ report: JSONReport) -> (key: String, value: JSONValue)
}

extension Plan {
    /// The levers' report parts, in the levers' order.
    var leverReports: [any LeverReport] { levers.compactMap { $0 as? any LeverReport } }
}
