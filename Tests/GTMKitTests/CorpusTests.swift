import Foundation
import Testing
@testable import GTMCLI

/// The invalid-scenario corpus: each `Corpus/invalid/NN-slug.txt` must fail `gtm check`
/// with status 1, print nothing on stdout, and print on stderr exactly the
/// diagnostics listed in `NN-slug.expected`, one `LINE:COL: error: MESSAGE` per line, in order.
@Suite struct CorpusTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Corpus/invalid")

    /// The scenario files of the corpus, sorted by name.
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }()

    @Test func corpusHoldsAtLeast45Files() {
        #expect(Self.files.count >= 45)
    }

    @Test(arguments: files)
    func invalidScenarioReportsExpectedDiagnostics(_ name: String) throws {
        let path = Self.directory.appendingPathComponent(name).path
        let expectedURL = Self.directory.appendingPathComponent(String(name.dropLast(4)) + ".expected")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)

        let outcome = CLI.run(["check", path])

        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        let prefix = path + ":"
        let diagnostics = outcome.stderr.split(separator: "\n")
            .filter { $0.hasPrefix(prefix) }
            .map { $0.dropFirst(prefix.count) }
            .filter { $0.prefixMatch(of: #/\d+:\d+: error: /#) != nil }
            .map(String.init)
        #expect(diagnostics == expected)
    }
}
