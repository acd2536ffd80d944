import GTMKit

/// The files gtm reads: scenarios and the files they include.
enum FileSystem {
    struct Failure: Error {
        var message: String
        var hint: String
    }

    /// The bytes of `path`, refusing directories; reads at most one byte past the size limit.
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        switch Platform.read(path, limit: Limits.fileBytes) {
        case .success(let bytes):
            return bytes
        case .failure(let failure):
            if failure.noSuchFile {
                throw Failure(message: "cannot read '\(path)': no such file", hint: "check the path; it is relative to the current directory")
            }
            if failure.isDirectory {
                throw Failure(message: "'\(path)' is a directory, not a scenario file", hint: "name the .txt file inside it")
            }
            if failure.permissionDenied {
                throw Failure(message: "cannot read '\(path)': permission denied", hint: "check the file's permissions")
            }
            throw Failure(message: "cannot read '\(path)': \(failure.message.lowercased())", hint: "check the file")
        }
    }

    /// The scenario at `path`, named relative to the file that includes it.
    static func include(_ path: String, from includingFile: String) -> Result<Document.IncludedFile, IncludeFailure> {
        let directory = Platform.directory(of: includingFile)
        let resolved = Platform.join(directory, path)
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
        Platform.realPath(path)
    }
}
