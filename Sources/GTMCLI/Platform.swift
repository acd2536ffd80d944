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

    /// At most `limit` + 1 bytes from an open descriptor (so a caller can tell a file over the limit).
    static func readAll(_ descriptor: Int32, limit: Int) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            // A 64 KiB chunk: its base address is never nil.
            let count = chunk.withUnsafeMutableBytes { Glibc_read(descriptor, $0.baseAddress!, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(code: errno))
            }
            if count == 0 { break }
            bytes += chunk.prefix(count)
        }
        return .success(bytes)
    }

    /// Standard input, at most `limit` + 1 bytes (`gtm plan -`).
    static func readStandardInput(limit: Int) -> Result<[UInt8], Failure> {
        readAll(0, limit: limit)
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
            // Only while bytes remain (offset < count): the buffer is not empty, its base never nil.
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

    /// `.gtm-<hash of name>-`: a temporary name of fixed length, whatever the length of the name
    /// it stands for (a 255-byte report name still gets a valid temporary name beside it).
    static func temporaryPrefix(for name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let digits = String(hash, radix: 16)
        return ".gtm-" + String(repeating: "0", count: 16 - digits.count) + digits + "-"
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

    /// Runs `arguments[0]` (found on PATH) with the rest as its arguments, no shell, standard
    /// input and error closed to /dev/null; its exit status and at most `limit` + 1 bytes of its
    /// output. nil when it cannot be started.
    static func run(_ arguments: [String], limit: Int) -> (status: Int32, output: [UInt8])? {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child = pid_t()
        let started = posix_spawnp(&child, arguments[0], &actions, nil, &argv, environ)
        close(pipeEnds[1])
        guard started == 0 else {
            close(pipeEnds[0])
            return nil
        }
        let output = readAll(pipeEnds[0], limit: limit)
        // Past the limit, stop reading: the child ends on a closed pipe.
        close(pipeEnds[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        guard case .success(let bytes) = output else { return nil }
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), bytes)
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
