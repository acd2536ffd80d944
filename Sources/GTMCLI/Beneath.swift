#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file gtm opens, read or written, is reached here: one path component at a time, each
/// opened relative to the directory before it with `O_NOFOLLOW`, symbolic links expanded by hand
/// (at most 40, as the kernel allows), and the path that results checked to lie inside the root
/// before a byte is read or written. Resolution and opening are one operation on descriptors, so
/// a directory swapped for a link between a check and an open cannot lead outside the root (the
/// race of `realpath` then `open`), and a write lands in the directory that was checked.
enum Beneath {
    /// A directory entry reached beneath a root: its directory, open, and its name there.
    /// The caller closes `directory`.
    struct Entry {
        var directory: Int32
        var name: String
        /// The path with every link expanded: `/work/repo/Scenarios/plan.md`.
        var path: String
    }

    /// A regular file read beneath a root.
    struct File {
        var bytes: [UInt8]
        /// The path with every link expanded: the file's identity for include cycles.
        var path: String
        var id: Platform.FileID
    }

    /// Why a path cannot be used. `code` is an errno; `outside` marks a path that leaves the root.
    struct Failure: Error, Equatable {
        var code: Int32
        var kind: Platform.FileKind?
        var outside = false
        var tooLarge: Int?

        /// The name is taken (creating a file that must be new).
        var exists: Bool { code == EEXIST }

        var message: String {
            if outside { return "it is outside the root folder" }
            if let tooLarge { return "it is larger than \(tooLarge >> 20) MiB" }
            if let kind, kind != .regular { return "it is \(kind.description), not a regular file" }
            if code == ELOOP { return "too many symbolic links" }
            if code == EAGAIN { return "it changed while gtm read it" }
            return String(cString: strerror(code)).lowercased()
        }
    }

    /// The root's path, or the path itself when it is the root: `/`-separated, no `.` or `..`.
    static func isInside(_ path: String, root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    /// The entry `path` names (absolute, or relative to the working directory), its last
    /// component not followed unless it is a link; it need not exist. Fails when the path, with
    /// its links expanded, leaves `root`.
    static func entry(_ path: String, root: String) -> Result<Entry, Failure> {
        guard !path.isEmpty else { return .failure(Failure(code: ENOENT)) }
        let absolute = path.hasPrefix("/") ? path : Platform.currentDirectory + "/" + path
        var pending = Array(absolute.split(separator: "/", omittingEmptySubsequences: true).reversed().map(String.init))
        var stack: [Int32] = []
        var names: [String] = []
        func closeAll() { for descriptor in stack { close(descriptor) } }
        let top = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return .failure(Failure(code: errno)) }
        stack.append(top)
        var links = 0
        while let name = pending.popLast() {
            if name == "." { continue }
            if name == ".." {
                if stack.count > 1 { close(stack.removeLast()); names.removeLast() }
                continue
            }
            let last = !pending.contains { $0 != "." }
            var status = stat()
            let found = fstatat(stack[stack.count - 1], name, &status, AT_SYMLINK_NOFOLLOW) == 0
            if !found {
                let code = errno
                if last, code == ENOENT {
                    pending.append(name)
                    break
                }
                closeAll()
                return .failure(Failure(code: code))
            }
            let kind = Platform.FileKind(mode: status.st_mode)
            if kind == .symbolicLink {
                links += 1
                guard links <= 40, let target = readLink(stack[stack.count - 1], name) else {
                    closeAll()
                    return .failure(Failure(code: links > 40 ? ELOOP : errno))
                }
                if target.hasPrefix("/") {
                    while stack.count > 1 { close(stack.removeLast()) }
                    names.removeAll()
                }
                pending += target.split(separator: "/", omittingEmptySubsequences: true).reversed().map(String.init)
                continue
            }
            if last {
                pending.append(name)
                break
            }
            guard kind == .directory else {
                closeAll()
                return .failure(Failure(code: ENOTDIR))
            }
            let descriptor = openat(stack[stack.count - 1], name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard descriptor >= 0 else {
                let code = errno
                closeAll()
                return .failure(Failure(code: code == ELOOP || code == ENOTDIR ? EAGAIN : code))
            }
            stack.append(descriptor)
            names.append(name)
        }
        // `pending` holds the last name (nil for a path that ends at `/` or in `..`).
        guard let name = pending.popLast(), name != "." else {
            closeAll()
            return .failure(Failure(code: EISDIR, kind: .directory))
        }
        let full = "/" + (names + [name]).joined(separator: "/")
        guard isInside(full, root: root) else {
            closeAll()
            return .failure(Failure(code: EACCES, outside: true))
        }
        let directory = stack.removeLast()
        closeAll()
        return .success(Entry(directory: directory, name: name, path: full))
    }

    /// The target of the link `name` in `directory`, or nil (errno set).
    static func readLink(_ directory: Int32, _ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlinkat(directory, name, &buffer, 4096)
        guard count >= 0 else { return nil }
        let bytes = buffer.prefix(count).map { UInt8(bitPattern: $0) }
        guard let target = String(validating: bytes, as: UTF8.self) else {
            errno = EILSEQ
            return nil
        }
        return target
    }

    /// What is at `entry` now, without following a link: nil when nothing is there.
    static func status(_ entry: Entry) -> (kind: Platform.FileKind, id: Platform.FileID, mode: mode_t)? {
        var status = stat()
        guard fstatat(entry.directory, entry.name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return (Platform.FileKind(mode: status.st_mode), Platform.FileID(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)),
                status.st_mode)
    }

    /// The bytes of the regular file at `path` beneath `root`. A file larger than `limit` is
    /// refused, never cut; anything but a regular file is refused before it is opened (a FIFO
    /// cannot block, a device is never touched).
    static func read(_ path: String, root: String, limit: Int) -> Result<File, Failure> {
        switch entry(path, root: root) {
        case .success(let entry):
            defer { close(entry.directory) }
            return read(entry, limit: limit)
        case .failure(let failure):
            return .failure(failure)
        }
    }

    /// The bytes of the regular file at `entry`, checked before it is opened and after.
    static func read(_ entry: Entry, limit: Int) -> Result<File, Failure> {
        guard let (kind, id, _) = status(entry) else { return .failure(Failure(code: errno)) }
        if kind == .directory { return .failure(Failure(code: EISDIR, kind: kind)) }
        guard kind == .regular else { return .failure(Failure(code: EINVAL, kind: kind)) }
        let descriptor = openat(entry.directory, entry.name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return .failure(Failure(code: errno == ELOOP ? EAGAIN : errno)) }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else { return .failure(Failure(code: errno)) }
        // The file opened is the one checked: a swap in between is a change, not a read elsewhere.
        guard Platform.FileID(device: UInt64(opened.st_dev), inode: UInt64(opened.st_ino)) == id,
              Platform.FileKind(mode: opened.st_mode) == .regular else { return .failure(Failure(code: EAGAIN)) }
        switch Platform.readAll(descriptor, limit: limit) {
        case .success(let bytes) where bytes.count > limit: return .failure(Failure(code: EFBIG, tooLarge: limit))
        case .success(let bytes): return .success(File(bytes: bytes, path: entry.path, id: id))
        case .failure(let failure): return .failure(Failure(code: failure.code))
        }
    }

    /// Replaces (or creates) the file at `path` beneath `root` with `bytes`, atomically: a new
    /// temporary file in the same directory, flushed, then renamed over the name, in the
    /// directory that was resolved and checked. `accept` sees what is there first (nil when
    /// nothing) and may refuse; the rename happens only when the entry is still that file (its
    /// device and inode), so a name swapped in between is never replaced. The permissions of the
    /// file replaced are kept, without setuid, setgid or sticky bits.
    static func replace(_ path: String, root: String, with bytes: [UInt8],
                        accept: (Entry, (kind: Platform.FileKind, id: Platform.FileID, mode: mode_t)?) -> Failure?) -> Failure? {
        let entry: Entry
        switch self.entry(path, root: root) {
        case .success(let value): entry = value
        case .failure(let failure): return failure
        }
        defer { close(entry.directory) }
        let before = status(entry)
        if let refusal = accept(entry, before) { return refusal }
        let prefix = Platform.temporaryPrefix(for: entry.name)
        removeAbandonedTemporaries(prefix: prefix, in: entry.directory)
        var attempt = 0
        var descriptor: Int32 = -1
        var temporary = ""
        while descriptor < 0 {
            attempt += 1
            temporary = "\(prefix)\(getpid())-\(attempt).tmp"
            descriptor = openat(entry.directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor < 0, errno != EEXIST || attempt > 100 { return Failure(code: errno) }
        }
        if let before { fchmod(descriptor, before.mode & 0o777) }
        var failure = Platform.write(bytes, to: descriptor).map { Failure(code: $0.code) }
        if failure == nil, fsync(descriptor) != 0 { failure = Failure(code: errno) }
        close(descriptor)
        if failure == nil, status(entry)?.id != before?.id { failure = Failure(code: EAGAIN) }
        if failure == nil, renameat(entry.directory, temporary, entry.directory, entry.name) != 0 { failure = Failure(code: errno) }
        if let failure {
            unlinkat(entry.directory, temporary, 0)
            return failure
        }
        return nil
    }

    /// Creates the file at `path` beneath `root` with `bytes`, never replacing one: a temporary
    /// file hard-linked to the name, which fails when the name exists. Nil on success.
    static func create(_ path: String, root: String, with bytes: [UInt8]) -> Failure? {
        let entry: Entry
        switch self.entry(path, root: root) {
        case .success(let value): entry = value
        case .failure(let failure): return failure
        }
        defer { close(entry.directory) }
        let temporary = "\(Platform.temporaryPrefix(for: entry.name))\(getpid())-0.tmp"
        let descriptor = openat(entry.directory, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return Failure(code: errno) }
        var failure = Platform.write(bytes, to: descriptor).map { Failure(code: $0.code) }
        if failure == nil, fsync(descriptor) != 0 { failure = Failure(code: errno) }
        close(descriptor)
        defer { unlinkat(entry.directory, temporary, 0) }
        if let failure { return failure }
        return linkat(entry.directory, temporary, entry.directory, entry.name, 0) == 0 ? nil : Failure(code: errno)
    }

    /// Temporary files an earlier writer of the same name left when it was killed:
    /// `PREFIX<pid>-N.tmp` whose process no longer exists.
    static func removeAbandonedTemporaries(prefix: String, in directory: Int32) {
        let copy = dup(directory)
        guard copy >= 0, let stream = fdopendir(copy) else { return }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(prefix), name.hasSuffix(".tmp") { names.append(name) }
        }
        for name in names {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlinkat(directory, name, 0)
        }
    }
}
