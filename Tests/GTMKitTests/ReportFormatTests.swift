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

    @Test(arguments: ["aurora-lamp.txt", "ridgeline-kickstarter.txt"])
    func csvParsesStrictlyAndMatchesTheJSON(_ example: String) throws {
        let plan = try Self.plan(example)
        let rows = try Self.parseCSV(CSVReport(plan).render())
        #expect(rows.first == CSVReport.header)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport(plan).render().utf8)) as? [String: Any])
        let uncertainty = json["uncertainty"] as? [String: Any] ?? [:]
        // (JSONSerialization reads decimals to within an ulp or two: compare to 1e-12.)
        func close(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return false }
            return abs(a - b) <= 1e-12 * max(1, abs(a), abs(b))
        }
        var checked = 0
        for row in rows.dropFirst() where row[0] != "gtm" {
            let section = try #require(json[row[0]] as? [String: Any], "\(row[0]) is not a JSON section")
            let value = section[row[1]]
            switch row[4] {
            case "date": #expect(value as? String == row[3], "\(row[0]).\(row[1])")
            case "flag": #expect((value as? Bool).map { $0 ? "true" : "false" } == row[3], "\(row[0]).\(row[1])")
            default:
                let number = try #require(value as? Double, "\(row[0]).\(row[1])")
                #expect(close(Double(row[3]), number), "\(row[0]).\(row[1]): \(row[3]) vs \(number)")
            }
            if !row[6].isEmpty, let entry = uncertainty["\(row[0]).\(row[1])"] as? [String: Any], row[4] != "date" {
                #expect(close(Double(row[6]), entry["p10"] as? Double), "\(row[0]).\(row[1]) p10")
                #expect(close(Double(row[8]), entry["p90"] as? Double), "\(row[0]).\(row[1]) p90")
            }
            #expect(row[5] == (row[4] == "money" ? plan.scenario.settings.currency : ""))
            checked += 1
        }
        #expect(checked > 60)
        #expect(rows.last?[1] == "fingerprint")
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
    @Test func rendersWithoutErrorsAndDrawsTheCharts() throws {
        let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }!
        let page = TempFolder.parent.appendingPathComponent("gtm-\(UUID().uuidString).html")
        try HTMLReport(try ReportFormatTests.plan()).render().write(to: page, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: page) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0", "--dump-dom", page.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(dom.contains("<svg") && dom.contains("polyline"))
        #expect(!log.contains("Uncaught") && !log.contains("ERR_FILE_NOT_FOUND"))
    }
}
