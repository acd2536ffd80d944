import Foundation

/// Every temporary folder a test makes lies in one folder per test process, removed when the
/// process exits: `swift test` leaves nothing in the system's temporary directory.
enum TempFolder {
    static let parent: URL = {
        let url = folder()
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TempFolder.folder()) }
        return url
    }()

    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gtm-tests-\(getpid())")
    }
}
