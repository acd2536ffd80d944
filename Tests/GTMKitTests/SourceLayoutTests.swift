import Foundation
import Testing

/// House rules the compiler does not check: short lines, and GTMKit internal by default (its
/// declarations are `package` where GTMCLI or the benchmarks need them, never `public`).
@Suite struct SourceLayoutTests {
    static let longest = 160

    static func swiftFiles(under folder: String) -> [URL] {
        let root = GTMProcess.root.appendingPathComponent(folder)
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return files.sorted { $0.path < $1.path }
    }

    @Test func noLineIsLongerThan160Characters() throws {
        let files = Self.swiftFiles(under: "Sources") + Self.swiftFiles(under: "Tests")
        #expect(files.count > 100)
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.count > Self.longest {
                Issue.record("\(file.lastPathComponent):\(index + 1): \(line.count) characters (at most \(Self.longest))")
            }
        }
    }

    @Test func gtmKitDeclaresNothingPublic() throws {
        let files = Self.swiftFiles(under: "Sources/GTMKit")
        #expect(files.count > 50)
        let declaration = #/^\s*(@[A-Za-z_]+(\([^)]*\))?\s+)*(public|open)\s/#
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line.contains(declaration) {
                Issue.record("\(file.lastPathComponent):\(index + 1): `public`: use `package` for what GTMCLI needs")
            }
        }
    }
}
