/// The analogs' Bass fits (see the Models article, "Analogs"): each `demand.analogs` file's sales fitted
/// once per run (`AnalogFits`, by the file's bytes); one analog gives the curve's p and q, several
/// that disagree the range they span (a 90% interval). Runs after the sections are decoded: the
/// decoder reads the files, this model fits them.
enum AnalogModel {
    /// An analog the fit refuses: its key (`demand.analogs[1]`), why, and what to do instead.
    struct Refused: Sendable, Equatable {
        var key: String
        var message: String
        var hint: String
    }

    /// The scenario with its analogs fitted and p and q set from them, or the refusals: a file
    /// the fit refuses, or one whose curve lies outside `demand.p` or `demand.q`'s bounds.
    static func fit(_ scenario: inout Scenario, memo: AnalogFits) -> [Refused] {
        guard var demand = scenario.demand, !demand.analogSources.isEmpty else { return [] }
        var diagnostics: [Refused] = []
        var fits: [Scenario.AnalogFit] = []
        let pBounds = Schema.field("demand.p")?.bounds ?? 0...10, qBounds = Schema.field("demand.q")?.bounds ?? 0...30
        for source in demand.analogSources {
            let series = source.series
            let fit = memo.fit(source.bytes) {
                do throws(BassFit.Refusal) {
                    return .success(try BassFit.fit(series.rows.map(\.units), boundaries: series.boundaries))
                } catch {
                    return .failure(error)
                }
            }
            let path = source.path.visible
            switch fit {
            case .success(let estimate):
                guard pBounds.contains(estimate.p), qBounds.contains(estimate.q) else {
                    diagnostics.append(Refused(key: source.key, message: """
                        `\(path)` fits a curve (p = \(Format.significant(estimate.p, 3)), q = \(Format.significant(estimate.q, 3)) a year) \
                        that rises and falls faster than gtm's curve takes (p ≤ \(Format.shortest(pBounds.upperBound)), q ≤ \
                        \(Format.shortest(qBounds.upperBound)))
                        """,
                        hint: "for a launch that peaks at once and fades, give `shape: decay` and the analog's `half_life` instead"))
                    continue
                }
                fits.append(Scenario.AnalogFit(path: source.path, periods: series.rows.count, periodDays: series.periodDays, estimate: estimate))
            case .failure(let error):
                let (reason, hint) = refusalText(error)
                diagnostics.append(Refused(key: source.key, message: "cannot fit a Bass curve to `\(path)`: \(reason)", hint: hint))
            }
        }
        guard diagnostics.isEmpty else { return diagnostics }
        func combined(_ values: [Double], _ bounds: ClosedRange<Double>) -> Quantity {
            let low = values.min() ?? 0, high = values.max() ?? 0
            guard high > low * 1.000001 else { return Quantity(low, bounds: bounds) }
            return Quantity((low * high).squareRoot(), distribution: .lognormal(low: low, high: high), bounds: bounds)
        }
        // p or q given by an override (`--set demand.p=…`, a variant) stays: it asks what if.
        func overridden(_ name: String) -> Bool {
            scenario.inputs.contains { record in
                if record.path == "demand.\(name)", case .override = record.origin { return true }
                return false
            }
        }
        if !overridden("p") { demand.p = combined(fits.map(\.estimate.p), pBounds) }
        if !overridden("q") { demand.q = combined(fits.map(\.estimate.q), qBounds) }
        demand.analogs = fits
        // The inputs list p and q as the analogs give them, from the line that names them.
        if let key = demand.analogsKey {
            for (name, values) in [("p", fits.map(\.estimate.p)), ("q", fits.map(\.estimate.q))] where !overridden(name) {
                let low = values.min() ?? 0, high = values.max() ?? 0
                let text = high > low * 1.000001
                    ? "\(Format.significant(low, 3)) to \(Format.significant(high, 3)) (fitted to the analogs)"
                    : "\(Format.significant(low, 3)) (fitted to the analog)"
                let record = InputRecord(path: "demand.\(name)", text: text, origin: key.origin, isUncertain: high > low * 1.000001,
                                         mark: key.mark)
                if let index = scenario.inputs.firstIndex(where: { $0.path == record.path }) {
                    scenario.inputs[index] = record
                } else {
                    scenario.inputs.append(record)
                }
            }
        }
        scenario.demand = demand
        scenario.curve = demand
        return []
    }

    /// A refusal in words, with what to do instead.
    static func refusalText(_ refusal: BassFit.Refusal) -> (String, String) {
        switch refusal {
        case .tooFewPeriods(let count):
            return ("it has \(count) period\(count == 1 ? "" : "s") with sales; three parameters need at least 4",
                    "add more periods, or give `demand.p` and `demand.q` instead")
        case .noSales:
            return ("it has no sales", "check the file's `units` column")
        case .stillExponential:
            return ("""
                its sales still grow exponentially, with no slowdown yet, so the market's size cannot be told apart from its growth (Marković & \
                Jukić 2013)
                """,
                    "use an analog whose sales have peaked, or give `demand.p` and `demand.q`")
        case .poorFit(let r2):
            return ("""
                the best curve explains \(Format.significant(r2 * 100, 2))% of the period-to-period variation (R² \
                \(Format.grouped(r2, decimals: 2)), below \(Format.grouped(BassFit.minimumR2, decimals: 1))): the sales show no rise and fall the \
                model can describe
                """,
                    "check that the file holds one product's sales since its launch, or give `demand.p` and `demand.q`")
        case .unbounded:
            return ("the least-squares estimate runs off to a boundary (market size without limit): the data do not pin the curve down",
                    "use an analog with more periods past its peak, or give `demand.p` and `demand.q`")
        }
    }
}
