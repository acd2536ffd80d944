#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import GTMKit

/// A scenario as it was at a git revision (`gtm diff main:Scenarios/a.txt Scenarios/a.txt`): the
/// scenario, the files it includes and its data files are all read from that revision's tree,
/// never from the working copy, so a review compares what was committed with what is proposed.
///
/// Every name read this way is `REV:PATH`, PATH relative to the working directory as in
/// `git show`; an include or a data file named in it joins its folder (`main:Scenarios/shared.txt`),
/// so messages say which revision a line is from. The root rule is the working copy's: a path
/// that leaves the root (the working directory, or `--root DIR`) is refused before git is asked;
/// a symbolic link, a folder or a submodule in the tree is not a file. git runs with its
/// arguments as a list (no shell), the revision checked by `rev-parse --verify` first.
struct GitRevision {
    /// As given: `main`, `HEAD~2`, `v1.3`.
    let revision: String
    /// The repository's top folder.
    let top: String
    /// The root, relative to `top` (`` or `Scenarios/`).
    let rootPrefix: String
    /// The working directory, relative to `top`.
    let prefix: String

    /// `main:Scenarios/a.txt` → (`main`, `Scenarios/a.txt`); nil when `argument` names a file that
    /// exists, has no colon, or starts with one.
    static func split(_ argument: String) -> (revision: String, path: String)? {
        guard Platform.kind(of: argument) == nil, let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else { return nil }
        let path = String(argument[argument.index(after: colon)...])
        return path.isEmpty ? nil : (String(argument[..<colon]), path)
    }

    /// Opens `revision` in the repository that holds the working directory, with `root` (a folder,
    /// relative to the working directory) as the root; the message and hint when it cannot.
    struct OpenFailure: Error {
        var message: String
        var hint: String
        init(_ message: String, _ hint: String) {
            self.message = message
            self.hint = hint
        }
    }

    static func open(_ revision: String, root: String?) -> Result<GitRevision, OpenFailure> {
        guard !revision.hasPrefix("-"), !revision.contains("\0") else {
            return .failure(OpenFailure("'\(revision.visible)' is not a revision", "name a branch, a tag or a commit: main, v1.2, HEAD~1"))
        }
        guard let top = git(["rev-parse", "--show-toplevel"]).map(trimmed), !top.isEmpty, let topResolved = Platform.resolved(top) else {
            return .failure(OpenFailure("the working directory is not inside a git repository", "run gtm diff REV:PATH from the repository's folder"))
        }
        guard git(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]) != nil else {
            return .failure(OpenFailure("no revision '\(revision.visible)' in this repository", "name a branch, a tag or a commit: main, v1.2, HEAD~1"))
        }
        let here = Platform.currentDirectory
        let rootFolder = root.map { Platform.normalized(Platform.join(here, $0)) } ?? here
        guard let rootPrefix = relative(rootFolder, to: topResolved), let prefix = relative(here, to: topResolved) else {
            return .failure(OpenFailure("the root folder is outside the repository", "run gtm diff from inside the repository, with --root inside it"))
        }
        return .success(GitRevision(revision: revision, top: topResolved, rootPrefix: rootPrefix, prefix: prefix))
    }

    /// `folder` relative to `top` with a final `/` (`` for `top` itself), nil outside it.
    static func relative(_ folder: String, to top: String) -> String? {
        if folder == top { return "" }
        let base = top == "/" ? "/" : top + "/"
        return folder.hasPrefix(base) ? String(folder.dropFirst(base.count)) + "/" : nil
    }

    /// The file `name` (`REV:PATH`) at the revision.
    func file(_ name: String, limit: Int) throws(FileSystem.Failure) -> Beneath.File {
        // An include beside a scenario named `REV:plan.txt` (no folder) is named without the revision.
        let path = name.hasPrefix(revision + ":") ? String(name.dropFirst(revision.count + 1)) : name
        // By name, from the working directory within the repository: `..` may not leave the root.
        guard !path.hasPrefix("/"), let inRepository = Self.within(prefix + path),
              rootPrefix.isEmpty || (inRepository + "/").hasPrefix(rootPrefix) else { throw .outsideRoot }
        // `100644 blob <sha>    <size>\t<path>`: one entry, or none when the path is not in the tree.
        guard let entry = Self.git(["-C", top, "ls-tree", "-l", "--full-tree", "--end-of-options", revision, "--", inRepository]).map(Self.trimmed) else {
            throw .other("git could not list \(revision.visible)")
        }
        let fields = entry.split(separator: "\t", maxSplits: 1).first?.split(separator: " ", omittingEmptySubsequences: true) ?? []
        guard fields.count == 4, entry.split(separator: "\t", maxSplits: 1).last.map(String.init) == inRepository else { throw .missing }
        switch fields[0] {
        case "100644", "100755": break
        case "040000": throw .directory
        case "120000": throw .notRegular(.symbolicLink)
        default: throw .notRegular(.other)
        }
        guard let size = Int(fields[3]), size <= limit else { throw .tooLarge(limit) }
        guard let bytes = GitRevision.gitBytes(["-C", top, "cat-file", "blob", String(fields[2])], limit: limit) else {
            throw .other("git could not read \(name.visible)")
        }
        return Beneath.File(bytes: bytes, path: name, id: Platform.FileID(device: 0, inode: 0))
    }

    /// `a/b/../c` → `a/c`; nil when `..` climbs above the repository's top.
    static func within(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." {
                guard parts.popLast() != nil else { return nil }
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    static func trimmed(_ text: String) -> String {
        String(text.reversed().drop { $0 == "\n" }.reversed())
    }

    /// git's standard output as text; nil when it fails.
    static func git(_ arguments: [String]) -> String? {
        gitBytes(arguments, limit: 1 << 20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// git's standard output, at most `limit` bytes; nil when git is missing, fails or writes more.
    static func gitBytes(_ arguments: [String], limit: Int) -> [UInt8]? {
        guard let (status, output) = Platform.run(["git"] + arguments, limit: limit), status == 0, output.count <= limit else { return nil }
        return output
    }
}
