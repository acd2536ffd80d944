import Foundation
import Testing
@testable import GTMCLI

/// The key reference article is the schema's, generated: they cannot drift apart. The README opens with what a newcomer runs.
@Suite struct ReadmeTests {
    static let catalog = "Sources/GTMKit/GTMKit.docc"

    @Test func keyReferenceMatchesTheSchema() throws {
        let readme = try String(contentsOf: GTMProcess.root.appendingPathComponent(Self.catalog + "/KeyReference.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- reference:start -->\n"))
        let end = try #require(readme.range(of: "<!-- reference:end -->"))
        let section = String(readme[start.upperBound..<end.lowerBound])
        #expect(section == Explain.markdownReference(), "regenerate with: swift run gtm explain --format markdown")
    }

    @Test func readmeOpensWithTheTwoCommands() throws {
        let readme = try String(contentsOf: GTMProcess.root.appendingPathComponent("README.md"), encoding: .utf8)
        let block = readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first
        #expect(block?.hasPrefix("swift run gtm plan Scenarios/") == true)
        #expect(block?.contains("swift test") == true)
    }

    /// Clone to a viewed HTML report and a scenario of one's own, in the first 60 lines; the rest is in the catalog.
    @Test func theFirstSixtyLinesGetANewcomerGoing() throws {
        let readme = try String(contentsOf: GTMProcess.root.appendingPathComponent("README.md"), encoding: .utf8)
        let head = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(60).joined(separator: "\n")
        for step in ["swift run gtm plan Scenarios/", "swift test", "-c release", "--out plan.html", "open plan.html", "xdg-open",
                     "gtm init", "gtm check", "## Commands"] {
            #expect(head.contains(step), "the README's first 60 lines do not say \(step)")
        }
        #expect(readme.split(separator: "\n").count < 200, "long material belongs in the DocC catalog")
    }
}

/// The README's and the catalog's links lead somewhere inside the repository.
@Suite struct ReadmeLinkTests {
    @Test func relativeLinksExistAndStayInside() throws {
        let articles = try FileManager.default.contentsOfDirectory(atPath: GTMProcess.root.appendingPathComponent(ReadmeTests.catalog).path)
            .filter { $0.hasSuffix(".md") }.sorted().map { ReadmeTests.catalog + "/" + $0 }
        #expect(articles.count >= 8)
        for file in ["README.md", "Tests/Fuzz/README.md", "Sources/Benchmarks/README.md"] + articles {
            let url = GTMProcess.root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let folder = url.deletingLastPathComponent()
            for match in text.matches(of: #/\]\(([^)#\s]+)\)/#) {
                let target = String(match.1)
                if target.hasPrefix("http://") || target.hasPrefix("https://") { continue }
                let resolved = folder.appendingPathComponent(target).standardizedFileURL.path
                #expect(resolved.hasPrefix(GTMProcess.root.standardizedFileURL.path + "/"), "\(file): \(target) leaves the repository")
                #expect(FileManager.default.fileExists(atPath: resolved), "\(file): \(target) does not exist")
            }
        }
    }
}

/// `gtm help`'s examples name files that exist (a reader copies them).
@Suite struct HelpExampleTests {
    @Test func everyExampleInputExists() {
        // `gtm init` names the file it writes.
        for command in CommandTable.commands where command.name != "init" {
            for example in command.examples {
                let words = example.split(separator: " ").map(String.init)
                for (index, word) in words.enumerated() where word.hasPrefix("Scenarios/") && !word.contains("*") {
                    // What `--out` names is written, not read.
                    if index > 0, words[index - 1] == "--out" { continue }
                    #expect(FileManager.default.fileExists(atPath: GTMProcess.root.appendingPathComponent(word).path), "\(example): \(word)")
                }
            }
        }
    }
}
