/// Charts drawn by gtm as inline SVG for the HTML report: no script, no network, the same bytes
/// on every machine (coordinates to one decimal, no fonts loaded). Axes are dated and labelled
/// at round values; labels that would collide are thinned by their estimated width (11 px type:
/// 6.5 px a Latin character, 11 px a CJK one), and `ReportRenderingTests` measures them in
/// Chromium where it is installed.
enum SVGChart {
    static let width = 720.0
    static let plotColor = "#1f5fa8"
    static let bandColor = "#dbe7f5"
    static let negativeColor = "#b3261e"
    static let markerColor = "#8c5a00"
    /// Gantt bars: light enough that the near-black labels beside them keep 4.5:1 over them too.
    static let barColor = "#9ec1e8"

    /// `x` with one decimal, no grouping: SVG coordinates.
    static func n(_ x: Double) -> String { Format.grouped(x, decimals: 1, separator: "") }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The width 11 px sans-serif text takes, estimated: wide for CJK, narrow for the rest.
    static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 11 : 6.5) }
    }

    /// `text`, cut with `…` to fit `pixels` (by `textWidth`).
    static func fit(_ text: String, _ pixels: Double) -> String {
        guard textWidth(text) > pixels else { return text }
        var kept = ""
        for character in text {
            guard textWidth(kept + String(character)) + 7 <= pixels else { break }
            kept.append(character)
        }
        return kept + "…"
    }

    /// A day on the chart: a marker's label and where it goes.
    struct Marker: Sendable {
        var date: CivilDate
        var label: String
    }

    /// The text of a date axis: `Mar`, with the year where it starts or turns (`Jan 2028`);
    /// `3月`, `2028年1月` in Chinese.
    struct DateAxis: Sendable {
        var chinese: Bool

        func label(_ date: CivilDate, withYear: Bool) -> String {
            if chinese { return withYear ? "\(date.year)年\(date.month)月" : "\(date.month)月" }
            let month = String(ValueParser.monthNames[date.month - 1].prefix(3))
            return withYear ? "\(month) \(date.year)" : month
        }
    }

    /// Month starts between `first` and `last`, every `step` months so that labels `spacing`
    /// apart fit in `pixels`; the step grows until they do.
    static func monthTicks(from first: CivilDate, to last: CivilDate, pixels: Double, axis: DateAxis) -> [(date: CivilDate, label: String)] {
        guard first < last else { return [] }
        var start = CivilDate(year: first.year, month: first.month, day: 1) ?? first
        if start < first { start = start.adding(months: 1) }
        var months: [CivilDate] = []
        var date = start
        while date <= last {
            months.append(date)
            date = date.adding(months: 1)
        }
        let days = Double(first.days(to: last))
        for step in [1, 2, 3, 6, 12, 24] {
            let ticks = months.enumerated().filter { $0.offset % step == 0 }.map(\.element)
            // The year on the first label and where it turns.
            let labelled = ticks.enumerated().map { index, tick in
                (tick, axis.label(tick, withYear: index == 0 || ticks[index - 1].year != tick.year))
            }
            // Each label centred on its tick: neighbours must not touch (8 px apart at least).
            let fits = zip(labelled, labelled.dropFirst()).allSatisfy { a, b in
                Double(a.0.days(to: b.0)) / days * pixels >= (textWidth(a.1) + textWidth(b.1)) / 2 + 8
            }
            if fits { return labelled }
        }
        return months.prefix(1).map { ($0, axis.label($0, withYear: true)) }
    }

    /// Round values from `low` to `high` (at least 0 within): 1, 2 or 5 times a power of ten
    /// apart, four or five of them.
    static func valueTicks(low: Double, high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        var step = 1.0
        while step * 10 <= span { step *= 10 }
        while step > span { step /= 10 }
        for factor in [0.2, 0.5, 1.0, 2.0] where span / (step * factor) <= 5 {
            step *= factor
            break
        }
        var ticks: [Double] = []
        // From the round value at or below `low` to the one at or above `high`.
        let lowest = (low / step).rounded(.down), highest = (high / step - 1e-9).rounded(.up)
        var index = lowest
        while index <= highest {
            ticks.append(index == 0 ? 0 : index * step)
            index += 1
        }
        return ticks
    }

    /// A weekly series on a date axis: the line (`values`, one per week starting on `dates`), the
    /// P10–P90 band when given, a dashed reference line (the plan before the sales data), dashed
    /// markers for launch and sales events, and the lowest point labelled when `lowest` is set.
    static func line(title: String, values: [Double], dates: [CivilDate], band: (low: [Double], high: [Double])? = nil,
                     reference: [Double] = [], markers: [Marker] = [], lowest: String? = nil, axis: DateAxis,
                     format: (Double) -> String) -> String {
        let height = 290.0, left = 96.0, right = 24.0, top = 56.0, bottom = 34.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        guard let first = dates.first, let lastStart = dates.last, values.count == dates.count else { return "" }
        let last = lastStart.adding(days: 7)
        let all = values + reference + (band.map { $0.low + $0.high } ?? [])
        let ticks = valueTicks(low: min(0, all.min() ?? 0), high: max(0, all.max() ?? 0))
        let low = ticks.first ?? 0, high = max(ticks.last ?? 1, low + 1)
        let days = Double(max(first.days(to: last), 1))
        func x(_ date: CivilDate) -> Double { left + Double(first.days(to: date)) / days * plotWidth }
        /// A week's point: the middle of its seven days.
        func x(_ index: Int) -> Double { x(dates[index]) + 3.5 / days * plotWidth }
        func y(_ value: Double) -> Double { top + (high - value) / (high - low) * plotHeight }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<text x=\"\(n(left))\" y=\"20\" class=\"title\">\(escape(title))</text>"
        for tick in ticks {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" class=\"\(tick == 0 ? "zero" : "grid")\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" class=\"axis\" text-anchor=\"end\">\(escape(format(tick)))</text>"
        }
        for (date, label) in monthTicks(from: first, to: last, pixels: plotWidth, axis: axis) {
            svg += "<line x1=\"\(n(x(date)))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(x(date)))\" y2=\"\(n(top + plotHeight + 4))\" class=\"zero\"/>"
            svg += "<text x=\"\(n(x(date)))\" y=\"\(n(height - 14))\" class=\"axis\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        if let band, band.low.count == values.count, band.high.count == values.count {
            let upper = values.indices.map { "\(n(x($0))),\(n(y(band.high[$0])))" }
            let lower = values.indices.reversed().map { "\(n(x($0))),\(n(y(band.low[$0])))" }
            svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(bandColor)\" class=\"band\"/>"
        }
        // Markers: a dashed line each, labels in up to three rows above the plot so none collide.
        var rows: [[ClosedRange<Double>]] = [[], [], []]
        for marker in markers where marker.date >= first && marker.date <= last {
            let at = x(marker.date)
            svg += "<line x1=\"\(n(at))\" y1=\"\(n(top))\" x2=\"\(n(at))\" y2=\"\(n(top + plotHeight))\" stroke=\"\(markerColor)\" stroke-dasharray=\"3 3\"/>"
            let label = fit(marker.label, 180)
            let span = textWidth(label)
            // Beside its line, to the right (left of it near the right edge): clear of the value axis.
            let start = at + 3 + span > width ? at - 3 - span : at + 3
            let extent = (start - 4)...(start + span + 4)
            guard let row = rows.indices.first(where: { index in !rows[index].contains { $0.overlaps(extent) } }) else { continue }
            rows[row].append(extent)
            svg += "<text x=\"\(n(start))\" y=\"\(n(top - 6 - Double(row) * 12))\" class=\"marker\">\(escape(label))</text>"
        }
        if !reference.isEmpty {
            let points = reference.indices.map { "\(n(x($0))),\(n(y(reference[$0])))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        }
        let points = values.indices.map { "\(n(x($0))),\(n(y(values[$0])))" }.joined(separator: " ")
        svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(plotColor)\" stroke-width=\"2\"/>"
        if let lowest, let index = values.indices.min(by: { values[$0] < values[$1] }) {
            let text = "\(lowest) \(format(values[index])), \(dates[index])"
            let at = x(index), span = textWidth(text)
            let start = at + span + 8 > width - right ? at - span - 8 : at + 8
            svg += "<circle cx=\"\(n(at))\" cy=\"\(n(y(values[index])))\" r=\"3.5\" fill=\"\(negativeColor)\"/>"
            svg += "<text x=\"\(n(start))\" y=\"\(n(min(y(values[index]) + 16, top + plotHeight - 4)))\" class=\"note\">\(escape(text))</text>"
        }
        return svg + "</svg>"
    }

    /// A bar per task on a date axis, grouped by section; a task of one day is a red diamond.
    /// Month ticks and grid lines across the top; the labels in a column to the left.
    static func gantt(title: String, sections: [(name: String, tasks: [(title: String, start: CivilDate, end: CivilDate)])],
                      axis: DateAxis) -> String {
        let tasks = sections.flatMap(\.tasks)
        guard let first = tasks.map(\.start).min(), let last = tasks.map(\.end).max() else { return "" }
        let row = 18.0, left = 260.0, right = 20.0, top = 48.0
        let rows = sections.reduce(0) { $0 + $1.tasks.count + 1 }
        let height = top + Double(rows) * row + 12
        let days = Double(max(first.days(to: last), 1))
        let plotWidth = width - left - right
        func x(_ date: CivilDate) -> Double { left + Double(first.days(to: date)) / days * plotWidth }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<text x=\"10\" y=\"20\" class=\"title\">\(escape(title))</text>"
        for (date, label) in monthTicks(from: first, to: last, pixels: plotWidth, axis: axis) {
            svg += "<line x1=\"\(n(x(date)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(date)))\" y2=\"\(n(height - 12))\" class=\"grid\"/>"
            svg += "<text x=\"\(n(x(date)))\" y=\"\(n(top - 8))\" class=\"axis\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        var y = top
        for section in sections {
            svg += "<text x=\"10\" y=\"\(n(y + 13))\" class=\"section\">\(escape(section.name))</text>"
            y += row
            for task in section.tasks {
                svg += "<text x=\"20\" y=\"\(n(y + 13))\" class=\"label\">\(escape(fit(task.title, left - 30)))</text>"
                if task.start == task.end {
                    let cx = x(task.start), cy = y + row / 2
                    svg += """
                        <polygon points=\"\(n(cx)),\(n(cy - 6)) \(n(cx + 6)),\(n(cy)) \(n(cx)),\(n(cy + 6)) \(n(cx - 6)),\(n(cy))\" \
                        fill=\"\(negativeColor)\"/>
                        """
                } else {
                    svg += """
                        <rect x=\"\(n(x(task.start)))\" y=\"\(n(y + 3))\" width=\"\(n(max(2, x(task.end) - x(task.start))))\" \
                        height=\"\(n(row - 6))\" fill=\"\(barColor)\" stroke=\"\(plotColor)\"/>
                        """
                }
                y += row
            }
        }
        return svg + "</svg>"
    }
}
