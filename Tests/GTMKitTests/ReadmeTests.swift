import Foundation
import Testing
@testable import GTMCLI

/// The README's key reference is the schema's, generated: they cannot drift apart.
@Suite struct ReadmeTests {
    @Test func keyReferenceMatchesTheSchema() throws {
        let readme = try String(contentsOf: GTMProcess.root.appendingPathComponent("README.md"), encoding: .utf8)
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
}

/// The README's links lead somewhere inside the repository.
@Suite struct ReadmeLinkTests {
    @Test func relativeLinksExistAndStayInside() throws {
        for file in ["README.md", "Tests/Fuzz/README.md", "Sources/Benchmarks/README.md"] {
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
