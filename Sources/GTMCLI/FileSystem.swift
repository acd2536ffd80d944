import Foundation
import GTMKit

/// The files gtm reads and writes. Foundation stays in this file.
enum FileSystem {
    struct Failure: Error {
        var message: String
        var hint: String
    }

    /// The bytes of `path`, refusing directories and files over the size limit
    /// without reading them whole.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "cannot read '\(path)': no such file", hint: "check the path; it is relative to the current directory")
        }
        guard !isDirectory.boolValue else {
            throw Failure(message: "'\(path)' is a directory, not a scenario file", hint: "name the .txt file inside it")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: "cannot read '\(path)': permission denied", hint: "check the file's permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: Limits.fileBytes + 1) ?? Data()
        } catch {
            throw Failure(message: "cannot read '\(path)': \(error.localizedDescription)", hint: "check the file")
        }
        return [UInt8](data)
    }
}
