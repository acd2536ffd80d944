#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the command line needs, in one file: reading and writing files,
/// resolving paths, and asking whether stderr is a terminal. No Foundation: it costs about
/// 5 ms of start-up, as much as a million-trial simulation's summaries.
enum Platform {
    struct Failure: Error {
        var code: Int32
        /// Set when the path exists but is not a regular file (a FIFO, a device, a socket).
        var kind: FileKind?
        init(code: Int32, kind: FileKind? = nil) {
            self.code = code
            self.kind = kind
        }
        var message: String {
            if let kind, kind != .regular { return "it is \(kind.description), not a regular file" }
            return String(cString: strerror(code))
        }
        var noSuchFile: Bool { code == ENOENT }
        var isDirectory: Bool { code == EISDIR || kind == .directory }
        var exists: Bool { code == EEXIST }
        var permissionDenied: Bool { code == EACCES }
        var brokenPipe: Bool { code == EPIPE }
    }

    /// What a path names, without opening it (so a FIFO cannot block).
    enum FileKind: Equatable, CustomStringConvertible {
        case regular, directory, fifo, characterDevice, blockDevice, socket, symbolicLink, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: self = .regular
            case S_IFDIR: self = .directory
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            case S_IFSOCK: self = .socket
            case S_IFLNK: self = .symbolicLink
            default: self = .other
            }
        }

        var description: String {
            switch self {
            case .regular: return "a regular file"
            case .directory: return "a directory"
            case .fifo: return "a named pipe (FIFO)"
            case .characterDevice: return "a character device"
            case .blockDevice: return "a block device"
            case .socket: return "a socket"
            case .symbolicLink: return "a symbolic link"
            case .other: return "a special file"
            }
        }
    }

    /// A file's identity: the same file reached by two paths has one.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// What `path` names (following symbolic links), and its identity; nil when nothing is there.
    static func kind(of path: String) -> (kind: FileKind, id: FileID)? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return (FileKind(mode: status.st_mode), FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
    }

    /// The bytes of the regular file `path`, at most `limit` + 1 of them (so a caller can tell a
    /// file over the limit). Anything but a regular file is refused without blocking: the file is
    /// opened non-blocking and checked before the first read, so a FIFO or a device never hangs
    /// the run. With `noFollow`, a symbolic link in the last component is refused too.
    static func read(_ path: String, limit: Int, noFollow: Bool = false) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (noFollow ? O_NOFOLLOW : 0))
        guard descriptor >= 0 else { return .failure(Failure(code: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(code: errno)) }
        let kind = FileKind(mode: status.st_mode)
        if kind == .directory { return .failure(Failure(code: EISDIR, kind: kind)) }
        guard kind == .regular else { return .failure(Failure(code: EINVAL, kind: kind)) }
        var bytes = [UInt8](repeating: 0, count: min(limit + 1, max(Int(status.st_size), 0) + 1))
        var filled = 0
        while filled < limit + 1 {
            if filled == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - filled))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc_read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(code: errno))
            }
            if count == 0 { break }
            filled += count
        }
        return .success(Array(bytes.prefix(filled)))
    }

    /// Standard input, at most `limit` + 1 bytes (`gtm plan -`).
    static func readStandardInput(limit: Int) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let count = chunk.withUnsafeMutableBytes { Glibc_read(0, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(code: errno))
            }
            if count == 0 { break }
            bytes += chunk.prefix(count)
        }
        return .success(bytes)
    }

    /// The terminal's width in columns when standard output is a terminal, else 80.
    static func terminalWidth() -> Int {
        var size = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 else { return 80 }
        return Int(size.ws_col)
    }

    /// Writes all of `bytes` to a file descriptor; nil on success, else why not (a full disk,
    /// a closed pipe: SIGPIPE is ignored, so a closed reader shows up here as EPIPE).
    @discardableResult
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Failure? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc_write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return Failure(code: errno)
            }
            if written == 0 { return Failure(code: EIO) }
            offset += written
        }
        return nil
    }

    /// A write to a closed pipe returns EPIPE instead of killing the process, so gtm can end
    /// quietly (as tools in pipes do) with its own exit code.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Replaces (or creates) `path` with `bytes` atomically: the bytes go to a new temporary file
    /// in the same folder, which is flushed and then renamed over `path`. A reader sees the old
    /// file or the new one, never half of one; on any failure the temporary file is removed.
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Failure? {
        let directory = directory(of: path)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let prefix = temporaryPrefix(for: name)
        removeAbandonedTemporaries(prefix: prefix, in: directory)
        var attempt = 0
        var descriptor: Int32 = -1
        var temporary = ""
        while descriptor < 0 {
            attempt += 1
            temporary = join(directory, "\(prefix)\(getpid())-\(attempt).tmp")
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0, errno != EEXIST || attempt > 100 { return Failure(code: errno) }
        }
        // Keep the existing file's permissions.
        var status = stat()
        if stat(path, &status) == 0 { fchmod(descriptor, status.st_mode & 0o7777) }
        var failure = write(bytes, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = Failure(code: errno) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            return failure
        }
        if rename(temporary, path) != 0 {
            let failure = Failure(code: errno)
            unlink(temporary)
            return failure
        }
        return nil
    }

    /// Creates `path` with `bytes`, never replacing a file: the bytes go to a temporary file
    /// that is then hard-linked to `path`, which fails when `path` exists. Nil on success.
    static func createNew(_ bytes: [UInt8], at path: String) -> Failure? {
        let name = String(path.split(separator: "/").last ?? "")
        let temporary = join(directory(of: path), "\(temporaryPrefix(for: name))\(getpid())-0.tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return Failure(code: errno) }
        var failure = write(bytes, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = Failure(code: errno) }
        close(descriptor)
        defer { unlink(temporary) }
        if let failure { return failure }
        return link(temporary, path) == 0 ? nil : Failure(code: errno)
    }

    /// `.gtm-<hash of name>-`: a temporary name of fixed length, whatever the length of the name
    /// it stands for (a 255-byte report name still gets a valid temporary name beside it).
    static func temporaryPrefix(for name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return ".gtm-" + String(repeating: "0", count: 16 - digits.count) + digits + "-"
    }

    /// Temporary files an earlier writer of the same name left when it was killed:
    /// `PREFIX<pid>-N.tmp` whose process no longer exists.
    static func removeAbandonedTemporaries(prefix: String, in directory: String) {
        for entry in list(directory.isEmpty ? "." : directory) where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let digits = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(join(directory, entry))
        }
    }

    /// The names in a folder (without `.` and `..`), for tests and checks.
    static func list(_ directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// An absolute path with no symbolic links, `.` or `..`; nil when the path does not resolve
    /// (a missing file, a loop of links).
    static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An absolute path with `.` and `..` worked out by name alone (symbolic links untouched).
    static func normalized(_ absolute: String) -> String {
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The working directory, resolved.
    static var currentDirectory: String {
        resolved(".") ?? "/"
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    static func exit(_ status: Int32) -> Never {
        Glibc_exit(status)
    }

    /// `a/b/c.txt` → `a/b`; `c.txt` → ``.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `a/b/c.txt` → `c.txt`.
    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path))
    }

    /// `dir` + `/` + `name`, or `name` when it is absolute or `dir` is empty.
    static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}

// The C names, reachable where a Swift name of the same spelling would shadow them.
@inline(__always) private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
@inline(__always) private func Glibc_exit(_ status: Int32) -> Never { exit(status) }
@inline(__always) private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
