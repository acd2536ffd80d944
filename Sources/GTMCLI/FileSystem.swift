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

extension FileSystem {
    /// The scenario at `path`, named relative to the file that includes it.
    static func include(_ path: String, from includingFile: String) -> Result<Document.IncludedFile, IncludeFailure> {
        let directory = (includingFile as NSString).deletingLastPathComponent
        let resolved = path.hasPrefix("/") || directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
        do {
            let bytes = try read(resolved)
            return .success(Document.IncludedFile(name: resolved, identity: identity(resolved), bytes: bytes))
        } catch {
            return .failure(IncludeFailure(message: "cannot include `\(path)`: \(error.message.replacingOccurrences("cannot read '\(resolved)': ", with: ""))",
                                           hint: "an include path is relative to the folder of the file that includes it (\(directory.isEmpty ? "here, the current folder" : "`\(directory)`"))"))
        }
    }

    /// An absolute, symlink-free path: the same file reached two ways is one file.
    static func identity(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
