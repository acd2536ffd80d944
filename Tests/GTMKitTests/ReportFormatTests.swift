import Foundation
import Testing
@testable import GTMKit
@testable import GTMCLI

/// The report formats a team uses: CSV for the finance spreadsheet, HTML to open or print.
@Suite struct ReportFormatTests {
    static func plan(_ example: String = "aurora-lamp.txt", sets: [String] = []) throws -> Plan {
        var document = try Document.parse(name: example, bytes: Array(try exampleText(example).utf8))
        for set in sets { try document.set(set) }
        attachData(&document)
        return try Planner.plan(document: document)
    }

    /// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, nothing else
    /// (a bare quote inside an unquoted field, a lone CR or LF, or a ragged row is an error).
    static func parseCSV(_ text: String) throws -> [[String]] {
        struct Malformed: Error { var at: Int }
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        let characters = Array(text.unicodeScalars)
        var index = 0
        var quoted = false
        var fieldStart = true
        while index < characters.count {
            let c = characters[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    guard index == characters.count || characters[index] == "," || characters[index] == "\r" else { throw Malformed(at: index) }
                    continue
                }
                field.unicodeScalars.append(c)
                index += 1
                continue
            }
            switch c {
            case "\"":
                guard fieldStart else { throw Malformed(at: index) }
                quoted = true
                fieldStart = false
                index += 1
            case ",":
                record.append(field)
                field = ""
                fieldStart = true
                index += 1
            case "\r":
                guard index + 1 < characters.count, characters[index + 1] == "\n" else { throw Malformed(at: index) }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                fieldStart = true
                index += 2
            case "\n":
                throw Malformed(at: index)
            default:
                field.unicodeScalars.append(c)
                fieldStart = false
                index += 1
            }
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed(at: index) }
        guard let width = records.first?.count, records.allSatisfy({ $0.count == width }) else { throw Malformed(at: -1) }
        return records
    }

    /// Within the CSV's rounding: two decimals, or four significant digits below 1.
    static func withinRounding(_ cell: String, _ exact: Double?) -> Bool {
        guard let value = Double(cell), let exact else { return false }
        return abs(value - exact) <= (abs(exact) < 1 ? 5e-4 * abs(exact) + 1e-15 : 0.005 + 1e-9 * abs(exact))
    }

    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt"])
    func csvParsesStrictlyAndMatchesTheJSON(_ example: String) throws {
        let plan = try Self.plan(example)
        let rows = try Self.parseCSV(CSVReport(plan).render())
        #expect(rows.first == CSVReport.header)
        let column = Dictionary(uniqueKeysWithValues: CSVReport.header.enumerated().map { ($1, $0) })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport(plan).render().utf8)) as? [String: Any])
        let uncertainty = json["uncertainty"] as? [String: Any] ?? [:]
        var checked = 0
        // A section's own facts (table without a dot, no item) against the JSON's.
        for row in rows.dropFirst() where row[column["item"]!].isEmpty && !row[column["table"]!].contains(".") && row[column["table"]!] != "gtm" {
            let (table, key) = (row[column["table"]!], row[column["key"]!])
            let section = try #require(json[table] as? [String: Any], "\(table) is not a JSON section")
            let value = section[key]
            switch row[column["unit"]!] {
            case "date": #expect(value as? String == row[column["date"]!], "\(table).\(key)")
            case "flag": #expect((value as? Bool).map { $0 ? "1" : "0" } == row[column["value"]!], "\(table).\(key)")
            case "text":
                let list = (value as? [Any])?.map { "\($0)" }.joined(separator: "; ")
                #expect((value as? String ?? list) == row[column["text"]!], "\(table).\(key)")
            default:
                #expect(Self.withinRounding(row[column["value"]!], value as? Double), "\(table).\(key): \(row[column["value"]!]) vs \(value ?? "nil")")
            }
            if !row[column["p10"]!].isEmpty, let entry = uncertainty["\(table).\(key)"] as? [String: Any] {
                #expect(Self.withinRounding(row[column["p10"]!], entry["p10"] as? Double), "\(table).\(key) p10")
                #expect(Self.withinRounding(row[column["p90"]!], entry["p90"] as? Double), "\(table).\(key) p90")
            }
            #expect(row[column["currency"]!] == (row[column["unit"]!] == "money" ? plan.scenario.settings.currency : ""))
            checked += 1
        }
        #expect(checked > 60)
        #expect(rows.last?[column["key"]!] == "fingerprint")
    }

    /// The issue's test: a spreadsheet reads every numeric column as numbers and every date column
    /// as dates, and the weekly cash pivots by variant (base included), week by week as the JSON has it.
    @Test func csvColumnsAreTypedAndTheWeeklyCashPivotsByVariant() throws {
        let path = GTMProcess.root.appendingPathComponent("Scenarios/aurora-lamp.txt").path
        let csv = CLI.run(["plan", path, "--compare", "-f", "csv"])
        let jsonText = CLI.run(["plan", path, "--compare", "-f", "json"])
        #expect(csv.status == 0 && jsonText.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonText.stdout.utf8)) as? [String: Any])
        let variants = try #require(json["variants"] as? [String: Any])
        let rows = try Self.parseCSV(csv.stdout)
        let column = Dictionary(uniqueKeysWithValues: rows[0].enumerated().map { ($1, $0) })
        for row in rows.dropFirst() {
            for name in ["value", "p10", "p50", "p90"] where !row[column[name]!].isEmpty {
                #expect(Double(row[column[name]!]) != nil, "\(name): \(row)")
                // Rounded: no binary noise such as 159.60000000000002.
                #expect(row[column[name]!].count <= 20, "\(row)")
            }
            for name in ["date", "end"] where !row[column[name]!].isEmpty {
                #expect(row[column[name]!].wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil, "\(name): \(row)")
            }
            #expect(!row[column["variant"]!].isEmpty)
        }
        // The pivot: start date × variant → the week's closing balance.
        var pivot: [String: [String: Double]] = [:]
        for row in rows.dropFirst() where row[column["table"]!] == "cash.weeks" && row[column["key"]!] == "balance" {
            pivot[row[column["date"]!], default: [:]][row[column["variant"]!]] = Double(row[column["value"]!])
        }
        let names = ["base"] + variants.keys.sorted()
        #expect(names == ["base", "pessimistic", "premium_price"])
        for name in names {
            let object = try #require(name == "base" ? json : variants[name] as? [String: Any])
            let cash = try #require(object["cash"] as? [String: Any])
            let weeks = try #require(cash["weeks"] as? [[String: Any]])
            #expect(weeks.count > 40)
            for week in weeks {
                let start = try #require(week["start"] as? String)
                #expect(Self.withinRounding(String(pivot[start]?[name] ?? .nan), week["balance"] as? Double), "\(name) \(start)")
            }
            // The last week's balance is the plan's ending cash.
            #expect(Self.withinRounding(String(pivot[weeks.last?["start"] as? String ?? ""]?[name] ?? .nan), cash["ending"] as? Double))
        }
    }

    /// Rounding worked by hand: two decimals from 1 up, four significant digits below.
    @Test func csvNumbersAreRoundedToTheReportsPrecision() {
        #expect(CSVReport.number(159.60000000000002) == "159.6")
        #expect(CSVReport.number(2_090_240.125) == "2090240.13")
        #expect(CSVReport.number(0.0094412) == "0.009441")
        #expect(CSVReport.number(0.37504) == "0.375")
        #expect(CSVReport.number(-1234.5678) == "-1234.57")
        #expect(CSVReport.number(-0.000012345) == "-1.235e-05")
        #expect(CSVReport.number(1e-300) == "0")
        #expect(CSVReport.number(.nan) == "")
        // A negative number stays a number in the value column; text that starts with `-` is defused.
        #expect(CSVReport.Row(value: "-1234.57", text: "-x").line(variant: "base") == "base,,,,,-1234.57,,,,,,,,'-x")
    }

    @Test func csvQuotesWhatNeedsQuoting() throws {
        #expect(CSVReport.field("a,b") == "\"a,b\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReport.field("plain") == "plain")
        #expect(try Self.parseCSV("a,\"b,c\",\"d\"\"e\"\r\n") == [["a", "b,c", "d\"e"]])
    }

    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt"])
    func htmlIsSelfContainedWithItsCharts(_ example: String) throws {
        let html = HTMLReport(try Self.plan(example)).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        // No script, no external reference: the SVG namespace is a name, not a fetch.
        let withoutNamespace = html.replacingOccurrences("xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        for forbidden in ["<script", "http://", "https://", "src=", "href=", "@import", "url(", "<link", "<iframe"] {
            #expect(!withoutNamespace.contains(forbidden), "\(example): \(forbidden)")
        }
        // The three charts, drawn by gtm: demand, cash, timeline.
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(html.contains("@media print"))
        for tag in ["table", "ul", "details", "svg", "figure", "p"] {
            let opening = html.components(separatedBy: "<\(tag)>").count + html.components(separatedBy: "<\(tag) ").count - 2
            #expect(opening == html.components(separatedBy: "</\(tag)>").count - 1, "\(tag)")
        }
        // No Mermaid left in the page: its charts are gtm's SVG.
        #expect(!html.contains("```mermaid") && !html.contains("xychart-beta"))
    }

    @Test func htmlEscapesWhatAScenarioWrites() {
        #expect(MarkdownHTML.inline("<b>&\\|") == "&lt;b&gt;&amp;|")
        #expect(MarkdownHTML.convert("| a | b |\n| --- | ---: |\n| <x> | 1 |\n") ==
                """
                <table>\n<thead><tr><th>a</th><th class=\"r\">b</th></tr></thead>\n<tbody>\n<tr><td>&lt;x&gt;</td><td \
                class=\"r\">1</td></tr>\n</tbody>\n</table>
                """)
    }
}

/// The HTML in a real browser: headless Chromium from Debian's packages, where installed.
@Suite(.enabled(if: ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains { FileManager.default.isExecutableFile(atPath: $0) },
                "needs chromium (apt install chromium)"))
struct HTMLInChromiumTests {
    static var browser: String {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "chromium"
    }

    /// The page after Chromium has laid it out and run `script` (added to a copy: the report has none).
    static func dom(_ html: String, script: String = "") throws -> (dom: String, log: String, status: Int32) {
        let page = TempFolder.parent.appendingPathComponent("gtm-\(UUID().uuidString).html")
        try html.replacingOccurrences("</body>", with: script.isEmpty ? "</body>" : "<script>\(script)</script></body>")
            .write(to: page, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: page) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--window-size=1000,1400",
                             "--dump-dom", page.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (dom, log, process.terminationStatus)
    }

    /// Measures every text of every chart in the browser: pairs whose boxes overlap, and texts
    /// whose colour on the fill beneath them (a bar, the band, else the white page) is under 4.5:1.
    static let measure = """
        (function () {
          function lum(c) { var v = c.match(/[0-9.]+/g).slice(0, 3).map(Number).map(function (x) { x /= 255;
            return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
            return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
          function ratio(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
          var out = { charts: 0, texts: 0, overlaps: [], faint: [] };
          document.querySelectorAll('svg').forEach(function (svg, chart) {
            out.charts++;
            var texts = [].slice.call(svg.querySelectorAll('text'));
            var boxes = texts.map(function (t) { return t.getBoundingClientRect(); });
            out.texts += texts.length;
            for (var i = 0; i < texts.length; i++) for (var j = i + 1; j < texts.length; j++) {
              var a = boxes[i], b = boxes[j];
              var w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 0.5 && h > 0.5) out.overlaps.push([chart, texts[i].textContent, texts[j].textContent]);
            }
            texts.forEach(function (t) {
              t.scrollIntoView({ block: 'center' });
              var b = t.getBoundingClientRect(), background = 'rgb(255, 255, 255)';
              var under = document.elementsFromPoint(b.left + b.width / 2, b.top + b.height / 2).filter(function (e) {
                return e !== t && ['rect', 'polygon', 'circle'].indexOf(e.tagName) >= 0; });
              if (under.length && getComputedStyle(under[0]).fill !== 'none') background = getComputedStyle(under[0]).fill;
              var r = ratio(getComputedStyle(t).fill, background);
              if (r < 4.5) out.faint.push([chart, t.textContent, Math.round(r * 100) / 100]);
            });
          });
          var pre = document.createElement('pre'); pre.id = 'gtm-measure'; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
        })();
        """

    /// The issue's test: every example's charts, in both languages, with no two labels overlapping
    /// and every label at WCAG AA contrast, as the browser lays them out.
    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt", "ridgeline-week8.txt", "lumen-serum.txt", "breeze-neck-fan.txt"],
          ["en", "zh"])
    func chartLabelsNeitherOverlapNorFade(example: String, language: String) throws {
        let path = GTMProcess.root.appendingPathComponent("Scenarios/\(example)").path
        let html = CLI.run(["plan", path, "-f", "html", "--lang", language, "--trials", "1000"])
        #expect(html.status == 0)
        let result = try Self.dom(html.stdout, script: Self.measure)
        #expect(result.status == 0)
        let json = try #require(result.dom.components(separatedBy: "<pre id=\"gtm-measure\">").dropFirst().first?
            .components(separatedBy: "</pre>").first)
        let measured = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(measured["charts"] as? Int == 3)
        #expect((measured["texts"] as? Int ?? 0) > 30)
        #expect((measured["overlaps"] as? [Any])?.isEmpty == true, "\(example) \(language): \(measured["overlaps"] ?? "")")
        #expect((measured["faint"] as? [Any])?.isEmpty == true, "\(example) \(language): \(measured["faint"] ?? "")")
    }

    /// "Print → PDF": A4 for a CNY plan, US Letter for a USD plan in English, and the weekly tables
    /// folded, so Aurora prints on 9 pages (19 Letter pages with every table open before); Ridgeline, with its optimize part, on 13.
    @Test(arguments: [("aurora-lamp.txt", "0 0 594.95996 841.91998", 10), ("ridgeline-kickstarter.txt", "0 0 612 792", 13)])
    func printsOnItsPaperWithTheWeeklyTablesFolded(example: String, mediaBox: String, pages: Int) throws {
        let path = GTMProcess.root.appendingPathComponent("Scenarios/\(example)").path
        let page = TempFolder.parent.appendingPathComponent("gtm-\(UUID().uuidString).html")
        let pdf = TempFolder.parent.appendingPathComponent("gtm-\(UUID().uuidString).pdf")
        defer { for url in [page, pdf] { try? FileManager.default.removeItem(at: url) } }
        #expect(CLI.run(["plan", path, "-o", page.path]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let boxes = Set(bytes.matches(of: /\/MediaBox\s*\[([^\]]*)\]/).map { String($0.1) })
        #expect(boxes == [mediaBox])
        let count = bytes.matches(of: /\/Type\s*\/Page[^s]/).count
        #expect(count > 3 && count <= pages, "\(example): \(count) pages")
    }

    /// The measure can fail: two labels on one spot and a pale grey label are caught.
    @Test func theMeasureCatchesOverlapsAndFaintText() throws {
        let page = """
            <!DOCTYPE html><html><body><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50" width="200" height="50">\
            <text x="10" y="20" style="font: 11px sans-serif">Jan 2027</text><text x="14" y="22" style="font: 11px sans-serif">Feb</text>\
            <text x="120" y="40" style="font: 11px sans-serif; fill: #aaaaaa">pale</text></svg></body></html>
            """
        let dom = try Self.dom(page, script: Self.measure).dom
        // #aaaaaa on white: 2.32:1 by the WCAG formula (luminance 0.402).
        #expect(dom.contains("\"overlaps\":[[0,\"Jan 2027\",\"Feb\"]]"), "\(dom)")
        #expect(dom.contains("\"faint\":[[0,\"pale\",2.32]]"), "\(dom)")
    }

    @Test func rendersWithoutErrorsAndDrawsTheCharts() throws {
        let (dom, log, status) = try Self.dom(HTMLReport(try ReportFormatTests.plan()).render())
        #expect(status == 0)
        #expect(dom.contains("<svg") && dom.contains("polyline"))
        #expect(!log.contains("Uncaught") && !log.contains("ERR_FILE_NOT_FOUND"))
    }
}
