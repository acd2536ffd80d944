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
