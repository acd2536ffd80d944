import GTMKit

/// The files gtm reads: scenarios, the files they include, and data files. Every one must lie
/// inside the root folder (the working directory, or `--root DIR`) once its path is resolved,
/// symbolic links included, and must be a regular file. A scenario that names anything else is
/// refused before a byte of it is read, so no excerpt of a file outside the root (a secret, the
/// environment in `/proc/self/environ`) can reach an error message, and a FIFO cannot hang the run.
final class FileSystem {
    /// Why a file was not read.
    enum Failure: Error, Equatable {
        case missing
        case outsideRoot
        case directory
        case notRegular(Platform.FileKind)
        case permissionDenied
        case other(String)

        /// "no such file", "is outside the root folder"…, to follow a file's name.
        var reason: String {
            switch self {
            case .missing: return "no such file"
            case .outsideRoot: return "it is outside the root folder, so gtm does not read it"
            case .directory: return "it is a directory, not a file"
            case .notRegular(let kind): return "it is \(kind.description), not a regular file"
            case .permissionDenied: return "permission denied"
            case .other(let message): return message.lowercased()
            }
        }

        /// How to fix it when the file was named on the command line.
        var hint: String {
            switch self {
            case .missing: return "check the path; it is relative to the current directory"
            case .outsideRoot: return "gtm reads files inside the working directory only; run gtm from a folder that holds the file, or pass --root DIR"
            case .directory: return "name the .txt file inside it"
            case .notRegular: return "name a file saved on disk"
            case .permissionDenied: return "check the file's permissions"
            case .other: return "check the file"
            }
        }

        /// `FILE: error: cannot read 'FILE': …` and the hint, as the command line prints it.
        func rendered(_ path: String) -> String {
            "\(path.visible): error: cannot read '\(path.visible)': \(reason)\n  hint: \(hint)\n"
        }
    }

    /// The root, resolved.
    let root: String
    /// The files read so far, by identity: `--out` never replaces one of them.
    private(set) var read: [Platform.FileID] = []

    init(root: String) {
        self.root = root
    }

    /// The root for reading `file`: `--root DIR` when given. Without it, the working directory
    /// when `file` lies inside it by name (so a symbolic link among the scenarios cannot lead
    /// out of the repository), else the folder of `file` itself: a file named outside the working
    /// directory (`gtm plan /tmp/old.txt`) is the user's explicit choice, and its includes must
    /// stay beside it. A usage error when DIR is not a folder.
    static func root(_ option: String?, for file: String) -> Result<FileSystem, UsageError> {
        if let option {
            guard let resolved = Platform.resolved(option), Platform.kind(of: resolved)?.kind == .directory else {
                return .failure(UsageError(message: "'--root' names '\(option.visible)', which is not a folder",
                                           hint: "give the folder that holds the scenarios and the files they include", command: "plan"))
            }
            return .success(FileSystem(root: resolved))
        }
        let here = Platform.currentDirectory
        let named = Platform.normalized(Platform.join(here, file))
        if named == here || named.hasPrefix(here == "/" ? "/" : here + "/") {
            return .success(FileSystem(root: here))
        }
        let folder = Platform.resolved(Platform.directory(of: named)) ?? Platform.directory(of: named)
        return .success(FileSystem(root: folder.isEmpty ? "/" : folder))
    }

    /// True when the resolved path lies inside the root.
    func isInsideRoot(_ resolved: String) -> Bool {
        root == "/" || resolved == root || resolved.hasPrefix(root + "/")
    }

    /// The bytes of the file at `path` (relative to the working directory), checked as above.
    func read(_ path: String, limit: Int = Limits.fileBytes) throws(Failure) -> [UInt8] {
        guard let resolved = Platform.resolved(path) else {
            if case .failure(let failure) = Platform.read(path, limit: 0), failure.permissionDenied { throw .permissionDenied }
            throw .missing
        }
        guard isInsideRoot(resolved) else { throw .outsideRoot }
        switch Platform.read(resolved, limit: limit, noFollow: true) {
        case .success(let bytes):
            if let id = Platform.kind(of: resolved)?.id { read.append(id) }
            return bytes
        case .failure(let failure):
            if failure.noSuchFile { throw .missing }
            if failure.isDirectory { throw .directory }
            if let kind = failure.kind { throw .notRegular(kind) }
            if failure.permissionDenied { throw .permissionDenied }
            throw .other(failure.message)
        }
    }

    /// The scenario at `path`, named relative to the file that includes it.
    func include(_ path: String, from includingFile: String) -> Result<Document.IncludedFile, IncludeFailure> {
        let directory = Platform.directory(of: includingFile)
        let joined = Platform.join(directory, path)
        do {
            let bytes = try read(joined)
            return .success(Document.IncludedFile(name: joined, identity: identity(joined), bytes: bytes))
        } catch {
            let hint = error == .outsideRoot
                ? "an included file must lie inside the root folder (the working directory, or --root DIR); copy the shared file into it"
                : "an include path is relative to the folder of the file that includes it (\(directory.isEmpty ? "here, the current folder" : "`\(directory.visible)`"))"
            return .failure(IncludeFailure(message: "cannot include `\(path.visible)`: \(error.reason)", hint: hint))
        }
    }

    /// An absolute, symlink-free path: the same file reached two ways is one file.
    func identity(_ path: String) -> String {
        Platform.resolved(path) ?? path
    }
}
