#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
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
        case tooLarge(Int)
        case other(String)

        init(_ failure: Beneath.Failure) {
            if failure.outside { self = .outsideRoot
            } else if let limit = failure.tooLarge { self = .tooLarge(limit)
            } else if failure.kind == .directory || failure.code == EISDIR { self = .directory
            } else if let kind = failure.kind, kind != .regular { self = .notRegular(kind)
            } else if failure.code == ENOENT || failure.code == ENOTDIR { self = .missing
            } else if failure.code == EACCES { self = .permissionDenied
            } else { self = .other(failure.message) }
        }

        /// "no such file", "is outside the root folder"…, to follow a file's name.
        var reason: String {
            switch self {
            case .missing: return "no such file"
            case .outsideRoot: return "it is outside the root folder, so gtm does not read it"
            case .directory: return "it is a directory, not a file"
            case .notRegular(let kind): return "it is \(kind.description), not a regular file"
            case .permissionDenied: return "permission denied"
            case .tooLarge(let limit): return "it is larger than \(limit >> 20) MiB, so gtm does not read it"
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
            case .tooLarge: return "a scenario or data file is a short text file; split it, or give monthly data"
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

    /// Set when the files are read from a git revision's tree instead of the disk.
    let revision: GitRevision?

    init(root: String, revision: GitRevision? = nil) {
        self.root = root
        self.revision = revision
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

    /// The files read so far, by the path they were asked for: each is read once per run, so
    /// `--compare` with many variants reads a data file once.
    private var cache: [String: Beneath.File] = [:]

    /// The bytes of the file at `path` (relative to the working directory), resolved beneath the
    /// root as one operation (`Beneath.read`). A file over `limit` is refused, never cut.
    func read(_ path: String, limit: Int = Limits.fileBytes) throws(Failure) -> [UInt8] {
        try file(path, limit: limit).bytes
    }

    /// The file at `path`, with its identity (the path with every link expanded).
    func file(_ path: String, limit: Int = Limits.fileBytes) throws(Failure) -> Beneath.File {
        if let file = cache[path], file.bytes.count <= limit { return file }
        if let revision {
            let file = try revision.file(path, limit: limit)
            cache[path] = file
            return file
        }
        switch Beneath.read(path, root: root, limit: limit) {
        case .success(let file):
            read.append(file.id)
            cache[path] = file
            return file
        case .failure(let failure):
            throw Failure(failure)
        }
    }

    /// The scenario at `path`, named relative to the file that includes it.
    func include(_ path: String, from includingFile: String) -> Result<Document.IncludedFile, IncludeFailure> {
        let directory = Platform.directory(of: includingFile)
        let joined = Platform.join(directory, path)
        do {
            let file = try file(joined)
            return .success(Document.IncludedFile(name: joined, identity: file.path, bytes: file.bytes))
        } catch {
            let hint = error == .outsideRoot
                ? "an included file must lie inside the root folder (the working directory, or --root DIR); copy the shared file into it"
                : """
                    an include path is relative to the folder of the file that includes it \
                    (\(directory.isEmpty ? "here, the current folder" : "`\(directory.visible)`"))
                    """
            return .failure(IncludeFailure(message: "cannot include `\(path.visible)`: \(error.reason)", hint: hint))
        }
    }

}
