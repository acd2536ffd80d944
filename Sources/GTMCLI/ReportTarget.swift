import GTMKit

/// Where `--out` may write: a path with nothing there yet, or a regular file that already holds
/// a gtm report. Never the scenario or a file it includes (reached by any path), a folder, a
/// device, a FIFO or a socket, and never a file gtm did not write: a typo in `--out` must not
/// replace a README or a data file with a report.
enum ReportTarget {
    struct Refusal: Error {
        var message: String
        var hint: String
    }

    static func refusal(_ path: String, _ files: FileSystem) -> Refusal? {
        guard let (kind, id) = Platform.kind(of: path) else { return nil }
        if files.read.contains(id) {
            return Refusal(message: "--out names a file this plan reads (the scenario or a file it includes); the report would replace it",
                           hint: "write the report beside the scenario under its own name, e.g. --out plan.md")
        }
        guard kind == .regular else {
            return Refusal(message: "--out names \(kind.description); gtm writes a report only to a regular file",
                           hint: "name a file, e.g. --out plan.md")
        }
        switch Platform.read(path, limit: Limits.fileBytes * 4) {
        case .success(let bytes) where bytes.isEmpty || ReportSignature.isReport(bytes):
            return nil
        case .success:
            return Refusal(message: "the file exists and is not a gtm report; gtm replaces only reports it wrote",
                           hint: "remove the file first if it may go, or write the report to a new path")
        case .failure(let failure):
            return Refusal(message: "cannot read the file to check that it is a report: \(failure.message.lowercased())",
                           hint: "check the file's permissions, or write the report to a new path")
        }
    }
}
