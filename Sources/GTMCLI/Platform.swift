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
        var exists: Bool { code == EEXIST }
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

    /// Replaces (or creates) `path` with `bytes` atomically: the bytes go to a new temporary file
    /// in the same folder, which is flushed and then renamed over `path`. A reader sees the old
    /// file or the new one, never half of one; on any failure the temporary file is removed.
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Failure? {
        let directory = directory(of: path)
        let name = String(path.split(separator: "/").last ?? Substring(path))
        removeAbandonedTemporaries(of: name, in: directory)
        var attempt = 0
        var descriptor: Int32 = -1
        var temporary = ""
        while descriptor < 0 {
            attempt += 1
            temporary = join(directory, ".\(name).gtm-\(getpid())-\(attempt).tmp")
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0, errno != EEXIST || attempt > 100 { return Failure(code: errno) }
        }
        // Keep the existing file's permissions.
        var status = stat()
        if stat(path, &status) == 0 { fchmod(descriptor, status.st_mode & 0o7777) }
        let written = write(bytes, to: descriptor)
        let flushed = fsync(descriptor) == 0
        let failure = written && flushed ? nil : Failure(code: errno == 0 ? EIO : errno)
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
        let temporary = join(directory(of: path), ".\(String(path.split(separator: "/").last ?? ""))).gtm-\(getpid()).tmp")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return Failure(code: errno) }
        let written = write(bytes, to: descriptor) && fsync(descriptor) == 0
        let code = errno
        close(descriptor)
        defer { unlink(temporary) }
        guard written else { return Failure(code: code) }
        return link(temporary, path) == 0 ? nil : Failure(code: errno)
    }

    /// Temporary files an earlier writer of `name` left when it was killed: `.NAME.gtm-PID-N.tmp`
    /// whose process no longer exists.
    static func removeAbandonedTemporaries(of name: String, in directory: String) {
        let prefix = ".\(name).gtm-"
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
