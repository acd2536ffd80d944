#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import GTMKit

/// Where `--out` may write, and what `--check` may read: a report gtm wrote, recognised by its
/// structure (`ReportSignature`), or a path with nothing there yet. Never the scenario or a file
/// it includes (reached by any path), a folder, a device, a FIFO or a socket, never a file gtm
/// did not write (a typo in `--out` must not replace a README or a data file with a report), and
/// never outside the root: the report is reached beneath the root as the files read are
/// (`Beneath`), and it is written in the directory that was checked.
enum ReportTarget {
    struct Refusal: Error {
        var message: String
        var hint: String
    }

    /// Largest report gtm reads back (`--out` over an old one, `--check`): four times the
    /// largest scenario, far above any report it writes.
    static let limit = Limits.fileBytes * 4

    /// The root a report's path is checked against: `--root DIR`, else the working directory
    /// when the path lies inside it by name, else the folder the path names (a report written
    /// to `/tmp/plan.html` is the user's explicit choice; a link inside the repository that
    /// leads out of it is not).
    static func root(_ option: String?, for path: String) -> Result<String, UsageError> {
        FileSystem.root(option, for: path).map(\.root)
    }

    /// Writes `text` to `path` over nothing or over a report, atomically. Nil on success.
    static func write(_ text: String, to path: String, root: String, files: FileSystem) -> Refusal? {
        var refusal: Refusal?
        let failure = Beneath.replace(path, root: root, with: Array(text.utf8)) { entry, existing in
            guard let existing else { return nil }
            refusal = self.refusal(entry, existing, files)
            return refusal.map { _ in Beneath.Failure(code: EEXIST) }
        }
        if let refusal { return refusal }
        guard let failure else { return nil }
        if failure.outside {
            return Refusal(message: "--out names a path outside the root folder (through a symbolic link, or by name)",
                          hint: "write the report inside the working directory, or pass --root DIR")
        }
        if failure.code == EAGAIN {
            return Refusal(message: "the file changed while gtm wrote the report; nothing was replaced", hint: "run the command again")
        }
        return Refusal(message: "cannot write the report: \(failure.message)", hint: "check that the folder exists and is writable")
    }

    /// Why the file at `entry` may not be replaced by a report, or nil.
    static func refusal(_ entry: Beneath.Entry, _ existing: (kind: Platform.FileKind, id: Platform.FileID, mode: mode_t),
                        _ files: FileSystem) -> Refusal? {
        if files.read.contains(existing.id) {
            return Refusal(message: "--out names a file this plan reads (the scenario or a file it includes); the report would replace it",
                           hint: "write the report beside the scenario under its own name, e.g. --out plan.md")
        }
        guard existing.kind == .regular else {
            return Refusal(message: "--out names \(existing.kind.description); gtm writes a report only to a regular file",
                           hint: "name a file, e.g. --out plan.md")
        }
        switch Beneath.read(entry, limit: limit) {
        case .success(let file) where ReportSignature.isReport(file.bytes):
            return nil
        case .success:
            return Refusal(message: "the file exists and is not a gtm report; gtm replaces only reports it wrote",
                           hint: "remove the file first if it may go, or write the report to a new path")
        case .failure(let failure):
            return Refusal(message: "cannot read the file to check that it is a report: \(failure.message)",
                           hint: "remove the file first if it may go, or write the report to a new path")
        }
    }

    /// What `--check` compares: the report at `path` read beneath `root`, or why not.
    enum Current {
        case missing
        case report(String)
        /// A file that is not a report gtm wrote: its bytes are never shown.
        case notAReport
        case unreadable(Beneath.Failure)
    }

    static func current(_ path: String, root: String) -> Current {
        switch Beneath.read(path, root: root, limit: limit) {
        case .success(let file):
            return ReportSignature.isReport(file.bytes) ? .report(String(decoding: file.bytes, as: UTF8.self)) : .notAReport
        case .failure(let failure) where failure.code == ENOENT && !failure.outside:
            return .missing
        case .failure(let failure):
            return .unreadable(failure)
        }
    }
}
