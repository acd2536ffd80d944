/// The HTML report: one self-contained file (no script, no network, no external reference), the
/// Markdown report's content with gtm's own SVG charts, styled for the screen and for print
/// ("Print → PDF" gives a clean document on A4, or Letter for a USD plan: weekly tables stay
/// folded under their summary line, line charts kept on one page, the timeline free to break).
package struct HTMLReport {
    let plan: Plan

    package init(_ plan: Plan) {
        self.plan = plan
    }

    package func render(comparison: Comparison? = nil) -> String {
        var markdown = MarkdownReport(plan)
        markdown.svgCharts = true
        let body = MarkdownHTML.convert(markdown.render(comparison: comparison))
        let language = plan.scenario.settings.language == .zh ? "zh-CN" : "en"
        let title = SVGChart.escape(plan.scenario.settings.name)
        return """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="gtm \(GTM.version)">
        <title>\(title)</title>
        <style>
        \(Self.css)
        @page { size: \(Self.paper(plan.scenario.settings)); margin: 16mm 14mm; }
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static let css = """
    body { font: 15px/1.5 -apple-system, "Segoe UI", "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", \
    sans-serif; color: #1b1f24; margin: 0; background: #fff; }
    main { max-width: 980px; margin: 0 auto; padding: 24px; }
    h1 { font-size: 1.7em; border-bottom: 2px solid #1f5fa8; padding-bottom: .2em; }
    h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
    h3 { font-size: 1.1em; margin-top: 1.4em; }
    table { border-collapse: collapse; margin: .8em 0; font-size: .92em; }
    th, td { border: 1px solid #d0d7de; padding: 3px 8px; vertical-align: top; }
    th { background: #f2f5f9; }
    td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
    td.c, th.c { text-align: center; }
    code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; background: #f2f5f9; padding: 0 3px; }
    pre { background: #f6f8fa; padding: 8px; overflow-x: auto; }
    figure.chart { margin: 1em 0; }
    figure.chart svg { width: 100%; height: auto; max-width: 720px; }
    svg .title { font: bold 13px sans-serif; fill: #1b1f24; }
    svg .axis, svg .label { font: 11px sans-serif; fill: #57606a; }
    svg .section { font: bold 11px sans-serif; fill: #1b1f24; }
    svg .marker { font: 10.5px sans-serif; fill: #8c5a00; }
    svg .note { font: bold 11px sans-serif; fill: #b3261e; }
    svg .grid { stroke: #d0d7de; stroke-width: 1; }
    svg .zero { stroke: #57606a; stroke-width: 1; }
    details { margin: .6em 0; }
    summary { cursor: pointer; color: #1f5fa8; }
    hr { border: 0; border-top: 1px solid #d0d7de; margin: 2em 0 1em; }
    @media print {
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      h2 { break-after: avoid; }
      table, figure.chart { break-inside: avoid; }
      figure.timeline { break-inside: auto; }
      details > summary { list-style: none; color: #57606a; font-style: italic; }
      a { color: inherit; text-decoration: none; }
    }
    """

    /// The paper a printout is laid out for: Letter where US Letter is the norm (a USD or CAD
    /// plan in English), A4 everywhere else (ISO 216: China, Europe, Japan and most of the world).
    static func paper(_ settings: Scenario.Settings) -> String {
        settings.language == .en && ["USD", "CAD"].contains(settings.currency) ? "letter" : "A4"
    }
}

/// Markdown to HTML for the subset gtm's reports are written in: headings, paragraphs, bullet
/// lists, GitHub tables with alignment, fenced code, `<details>`, a rule, raw HTML lines (the
/// SVG charts), and inline `code`, **bold** and backslash escapes. Every character of text is
/// escaped; nothing a scenario writes can become markup.
enum MarkdownHTML {
    static func convert(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var html: [String] = []
        var index = 0
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { html.append("<p>" + paragraph.map(inline).joined(separator: "\n") + "</p>") }
            paragraph = []
        }
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty {
                flush()
                index += 1
            } else if line.hasPrefix("```") {
                flush()
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].hasPrefix("```") {
                    code.append(escape(lines[index]))
                    index += 1
                }
                index += 1
                html.append("<pre><code>" + code.joined(separator: "\n") + "</code></pre>")
            } else if line.hasPrefix("#") {
                flush()
                let level = min(line.prefix { $0 == "#" }.count, 6)
                html.append("<h\(level)>" + inline(String(line.dropFirst(level)).trimmingCharacters) + "</h\(level)>")
                index += 1
            } else if line == "<details>" {
                flush()
                // Folded on screen and in print: a weekly table is a click away, not ten printed pages.
                html.append("<details>")
                index += 1
            } else if line.hasPrefix("<") {
                flush()
                html.append(line)
                index += 1
            } else if line == "---" {
                flush()
                html.append("<hr>")
                index += 1
            } else if line.hasPrefix("|") {
                flush()
                var rows: [String] = []
                while index < lines.count, lines[index].hasPrefix("|") {
                    rows.append(lines[index])
                    index += 1
                }
                html.append(table(rows))
            } else if line.hasPrefix("- ") {
                flush()
                var items: [String] = []
                while index < lines.count, lines[index].hasPrefix("- ") {
                    items.append("<li>" + inline(String(lines[index].dropFirst(2))) + "</li>")
                    index += 1
                }
                html.append("<ul>\n" + items.joined(separator: "\n") + "\n</ul>")
            } else {
                paragraph.append(line)
                index += 1
            }
        }
        flush()
        return html.joined(separator: "\n")
    }

    /// A GitHub table: header, alignment row, body.
    static func table(_ rows: [String]) -> String {
        let cells = rows.map(split)
        guard cells.count >= 2 else { return "<p>" + rows.map(inline).joined(separator: "<br>") + "</p>" }
        let alignments = cells[1].map { cell -> String in
            let trimmed = cell.trimmingCharacters
            if trimmed.hasPrefix(":"), trimmed.hasSuffix(":") { return " class=\"c\"" }
            return trimmed.hasSuffix(":") ? " class=\"r\"" : ""
        }
        func row(_ cells: [String], tag: String) -> String {
            "<tr>" + cells.enumerated().map { index, cell in
                "<\(tag)\(index < alignments.count ? alignments[index] : "")>" + inline(cell.trimmingCharacters) + "</\(tag)>"
            }.joined() + "</tr>"
        }
        return "<table>\n<thead>" + row(cells[0], tag: "th") + "</thead>\n<tbody>\n"
            + cells.dropFirst(2).map { row($0, tag: "td") }.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    /// The cells of a table row: split on `|` not escaped with a backslash.
    static func split(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in row.dropFirst() {
            if escaped {
                current.append("\\")
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells
    }

    /// Inline Markdown: `code`, **bold**, backslash escapes; everything else escaped as text.
    static func inline(_ text: String) -> String {
        var out = ""
        var bold = false
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, !characters[index + 1].isLetter, !characters[index + 1].isNumber {
                out += escape(String(characters[index + 1]))
                index += 2
            } else if character == "`", let close = characters[(index + 1)...].firstIndex(of: "`") {
                out += "<code>" + escape(String(characters[(index + 1)..<close])) + "</code>"
                index = close + 1
            } else if character == "*", index + 1 < characters.count, characters[index + 1] == "*" {
                out += bold ? "</strong>" : "<strong>"
                bold.toggle()
                index += 2
            } else {
                out += escape(String(character))
                index += 1
            }
        }
        if bold { out += "</strong>" }
        characters.removeAll()
        return out
    }

    static func escape(_ text: String) -> String { SVGChart.escape(text) }
}
