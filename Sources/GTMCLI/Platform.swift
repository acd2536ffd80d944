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
        var message: String { String(cString: strerror(code)) }
        var noSuchFile: Bool { code == ENOENT }
        var isDirectory: Bool { code == EISDIR }
        var permissionDenied: Bool { code == EACCES }
    }

    /// The bytes of `path`, at most `limit` + 1 of them (so a caller can tell a file over the limit).
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(code: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(code: errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(code: EISDIR)) }
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

    /// Writes all of `bytes` to a file descriptor.
    @discardableResult
    static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc_write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// An absolute path with no symbolic links, `.` or `..`; the path itself when it cannot be resolved.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
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
