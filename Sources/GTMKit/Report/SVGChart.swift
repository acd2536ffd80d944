/// Charts drawn by gtm as inline SVG for the HTML report: no script, no network, the same bytes
/// on every machine (coordinates to one decimal, no fonts loaded).
enum SVGChart {
    static let width = 720.0
    static let plotColor = "#1f5fa8"
    static let negativeColor = "#b3261e"

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

    /// A line of `values` (one per period) with a labelled value axis (0 included) and the
    /// first and last period's labels under it. `reference`: a second series, dashed grey (the
    /// plan before the sales data).
    static func line(title: String, values: [Double], reference: [Double] = [], firstLabel: String, lastLabel: String,
                     format: (Double) -> String) -> String {
        let height = 260.0, left = 90.0, right = 20.0, top = 36.0, bottom = 40.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let low = min(0, (values + reference).min() ?? 0), high = max(0, (values + reference).max() ?? 0)
        let span = high > low ? high - low : 1
        func x(_ index: Int) -> Double { left + (values.count > 1 ? Double(index) / Double(values.count - 1) : 0.5) * plotWidth }
        func y(_ value: Double) -> Double { top + (high - value) / span * plotHeight }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<text x=\"\(n(left))\" y=\"20\" class=\"title\">\(escape(title))</text>"
        // Value axis: low, zero (when inside) and high.
        var ticks = [high, low]
        if low < 0, high > 0 { ticks.append(0) }
        for tick in ticks {
            svg += "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" class=\"\(tick == 0 ? "zero" : "grid")\"/>"
            svg += "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" class=\"axis\" text-anchor=\"end\">\(escape(format(tick)))</text>"
        }
        if !reference.isEmpty {
            let points = reference.indices.map { "\(n(x($0))),\(n(y(reference[$0])))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
        }
        let points = values.indices.map { "\(n(x($0))),\(n(y(values[$0])))" }.joined(separator: " ")
        svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(plotColor)\" stroke-width=\"2\"/>"
        svg += "<text x=\"\(n(left))\" y=\"\(n(height - 12))\" class=\"axis\">\(escape(firstLabel))</text>"
        svg += "<text x=\"\(n(width - right))\" y=\"\(n(height - 12))\" class=\"axis\" text-anchor=\"end\">\(escape(lastLabel))</text>"
        return svg + "</svg>"
    }

    /// A bar per task on a date axis, grouped by section; a task of one day is a diamond.
    static func gantt(title: String, sections: [(name: String, tasks: [(title: String, start: CivilDate, end: CivilDate)])]) -> String {
        let tasks = sections.flatMap(\.tasks)
        guard let first = tasks.map(\.start).min(), let last = tasks.map(\.end).max() else { return "" }
        let row = 18.0, left = 260.0, right = 20.0, top = 40.0
        let rows = sections.reduce(0) { $0 + $1.tasks.count + 1 }
        let height = top + Double(rows) * row + 30
        let days = Double(max(first.days(to: last), 1))
        let plotWidth = width - left - right
        func x(_ date: CivilDate) -> Double { left + Double(first.days(to: date)) / days * plotWidth }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<text x=\"10\" y=\"20\" class=\"title\">\(escape(title))</text>"
        svg += "<text x=\"\(n(left))\" y=\"\(n(top - 8))\" class=\"axis\">\(first)</text>"
        svg += "<text x=\"\(n(width - right))\" y=\"\(n(top - 8))\" class=\"axis\" text-anchor=\"end\">\(last)</text>"
        var y = top
        for section in sections {
            svg += "<text x=\"10\" y=\"\(n(y + 13))\" class=\"section\">\(escape(section.name))</text>"
            y += row
            for task in section.tasks {
                svg += "<text x=\"20\" y=\"\(n(y + 13))\" class=\"label\">\(escape(String(task.title.prefix(40))))</text>"
                if task.start == task.end {
                    let cx = x(task.start), cy = y + row / 2
                    svg += """
                        <polygon points=\"\(n(cx)),\(n(cy - 6)) \(n(cx + 6)),\(n(cy)) \(n(cx)),\(n(cy + 6)) \(n(cx - 6)),\(n(cy))\" \
                        fill=\"\(negativeColor)\"/>
                        """
                } else {
                    svg += """
                        <rect x=\"\(n(x(task.start)))\" y=\"\(n(y + 3))\" width=\"\(n(max(2, x(task.end) - x(task.start))))\" \
                        height=\"\(n(row - 6))\" fill=\"\(plotColor)\"/>
                        """
                }
                y += row
            }
        }
        return svg + "</svg>"
    }
}
