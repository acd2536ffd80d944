import GTMKit

/// What a run printed and how it ended. The executable prints and exits; nothing else does.
public struct Outcome: Error, Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    /// 0 success, 1 invalid scenario or override (or a stale report), 2 wrong command line.
    public var status: Int32

    static func success(_ text: String) -> Outcome { Outcome(stdout: text, stderr: "", status: 0) }
    static func invalid(_ text: String) -> Outcome { Outcome(stdout: "", stderr: text, status: 1) }
    static func usage(_ text: String) -> Outcome { Outcome(stdout: "", stderr: text, status: 2) }
}

/// The command line: arguments in, an `Outcome` out.
public enum CLI {
    /// Prints an outcome, its stdout then its stderr, and returns the exit status. Every write is
    /// checked: a failed or short write to stdout (a full disk, a closed terminal) is an error,
    /// exit 1 with a message; a reader that closed the pipe early (`gtm plan x | head`) ends the
    /// run quietly with the outcome's own status, as tools in pipes do.
    public static func emit(_ outcome: Outcome) -> Int32 {
        Platform.ignoreBrokenPipes()
        if let failure = Platform.write(Array(outcome.stdout.utf8), to: 1) {
            if failure.brokenPipe { return outcome.status }
            Platform.write(Array("gtm: error: cannot write to standard output: \(failure.message.lowercased())\n".utf8), to: 2)
            return 1
        }
        if let failure = Platform.write(Array(outcome.stderr.utf8), to: 2), !failure.brokenPipe {
            return outcome.status == 0 ? 1 : outcome.status
        }
        return outcome.status
    }

    /// Ends the process with `status`; the only exit in gtm.
    public static func exit(_ status: Int32) -> Never {
        Platform.exit(status)
    }

    public static func run(_ arguments: [String]) -> Outcome {
        let command: Command
        do {
            command = try ArgumentParser.parse(arguments)
        } catch {
            return .usage(Help.usageError(error))
        }
        switch command {
        case .version:
            return .success("gtm \(GTM.version)\n")
        case .help(let name):
            if let name, let spec = CommandTable.command(name) { return .success(Help.command(spec)) }
            return .success(Help.overview())
        case .explain(let key, let markdown):
            guard let key else { return .success(markdown ? Explain.markdownReference() : Explain.list()) }
            if let text = Explain.key(key) { return .success(text) }
            let hint = Explain.suggestion(for: key).map { "did you mean '\($0)'?" } ?? "run 'gtm explain' for the list of keys"
            return .usage(Help.usageError(UsageError(message: "no key '\(key)' in the schema", hint: hint, command: "explain")))
        case .diff(let old, let new, let json, let root):
            return diff(old, new, json: json, root: root)
        case .initialize(let path, let language):
            return initialize(path, language: language)
        case .plan(let options):
            return plan(options)
        case .check(let options):
            return check(options)
        }
    }

    /// Reads the file (and its includes) through `files`, which keeps every read inside the root.
    static func read(_ options: PlanOptions, _ files: FileSystem) -> Result<Document, Outcome> {
        let bytes: [UInt8]
        do {
            bytes = try files.read(options.file)
        } catch {
            return .failure(.invalid(error.rendered(options.file)))
        }
        do {
            return .success(try Document.parse(name: options.file, identity: files.identity(options.file), bytes: bytes,
                                               open: files.include))
        } catch {
            return .failure(.invalid(error.rendered + "\n"))
        }
    }

    /// The file system of a run: rooted at `--root DIR` or the working directory.
    static func files(_ options: PlanOptions) -> Result<FileSystem, Outcome> {
        FileSystem.root(options.root, for: options.file).mapError { .usage(Help.usageError($0)) }
    }

    /// Applies a variant (if any) and then the `--set` overrides, which win over it.
    static func applying(_ variant: String?, _ options: PlanOptions, to document: Document) -> Result<Document, Outcome> {
        var document = document
        do {
            if let name = variant, try !document.applyVariant(name) {
                let names = document.variantNames
                let guess = Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
                let hint = names.isEmpty ? "\(options.file) has no `what_if` variants"
                    : guess + "the variants are: \(names.joined(separator: ", "))"
                return .failure(.usage(Help.usageError(UsageError(message: "no variant '\(name)' in \(options.file)",
                                                                  hint: hint, command: "plan"))))
            }
            for assignment in options.sets { try document.set(assignment.argument, option: assignment.option) }
            return .success(document)
        } catch {
            return .failure(.invalid(error.rendered + "\n"))
        }
    }

    /// Reads the file and applies the variant and the overrides.
    static func document(_ options: PlanOptions, _ files: FileSystem) -> Result<Document, Outcome> {
        switch read(options, files) {
        case .success(let document): return applying(options.whatIf, options, to: document)
        case .failure(let outcome): return .failure(outcome)
        }
    }

    static func plan(_ options: PlanOptions, simulation: Simulation.Options = Simulation.Options()) -> Outcome {
        let files: FileSystem
        switch self.files(options) {
        case .success(let value): files = value
        case .failure(let outcome): return outcome
        }
        let parsed: Document
        switch read(options, files) {
        case .success(let value): parsed = value
        case .failure(let outcome): return outcome
        }
        let simulation = Simulation.Options(threads: simulation.threads, progress: simulation.progress ?? Progress.reporter(),
                                            workLimit: simulation.workLimit)
        let names = options.compare ? parsed.variantNames : []
        var plans: [Plan] = []
        for variant in [options.whatIf] + names.map(Optional.some) {
            let document: Document
            switch applying(variant, options, to: parsed) {
            case .success(let value): document = value
            case .failure(let outcome): return outcome
            }
            do {
                plans.append(try Planner.plan(document: document, simulation: simulation))
            } catch {
                return .invalid(error.rendered + "\n")
            }
        }
        Progress.finish()
        let comparison = options.compare ? Comparison(base: plans[0], variants: zip(names, plans.dropFirst()).map { ($0, $1) }) : nil
        let text = options.format == "json" ? JSONReport(plans[0]).render(comparison: comparison)
            : MarkdownReport(plans[0]).render(comparison: comparison)
        guard let path = options.out else { return .success(text) }
        return options.check ? check(text, against: path, options, files) : write(text, to: path, files)
    }

    /// `gtm diff OLD NEW`: both planned, then compared.
    static func diff(_ old: String, _ new: String, json: Bool, root: String?) -> Outcome {
        var plans: [Plan] = []
        for file in [old, new] {
            let options = PlanOptions(file: file, root: root)
            let files: FileSystem
            switch self.files(options) {
            case .success(let value): files = value
            case .failure(let outcome): return outcome
            }
            switch document(options, files) {
            case .failure(let outcome):
                return outcome
            case .success(let document):
                do {
                    plans.append(try Planner.plan(document: document, simulation: Simulation.Options(progress: Progress.reporter())))
                } catch {
                    return .invalid(error.rendered + "\n")
                }
            }
        }
        Progress.finish()
        let diff = PlanDiff(old: plans[0], new: plans[1], oldName: Platform.baseName(old), newName: Platform.baseName(new))
        return .success(json ? diff.json() : diff.markdown())
    }

    /// `gtm init`: a starter scenario at `path`, never over an existing file.
    static func initialize(_ path: String, language: Scenario.Language) -> Outcome {
        guard let failure = Platform.createNew(Array(Template.text(language: language).utf8), at: path) else {
            return .success("wrote \(path); plan it with: gtm plan \(path)\n")
        }
        if failure.exists {
            return .invalid("\(path): error: the file exists; gtm init never overwrites a file\n  hint: name a new file: gtm init new-scenario.txt\n")
        }
        return .invalid("\(path): error: cannot write the starter scenario: \(failure.message.lowercased())\n  hint: check that the folder exists and is writable\n")
    }

    /// `--out PATH`: the report, atomically, and only over a report: never over the scenario, a
    /// file it includes, a device, a FIFO, a folder or a file gtm did not write.
    static func write(_ text: String, to path: String, _ files: FileSystem) -> Outcome {
        let shown = path.visible
        if let refusal = ReportTarget.refusal(path, files) {
            return .invalid("\(shown): error: \(refusal.message)\n  hint: \(refusal.hint)\n")
        }
        let target = Platform.resolved(path) ?? path
        if let failure = Platform.writeAtomically(Array(text.utf8), to: target) {
            return .invalid("\(shown): error: cannot write the report: \(failure.message.lowercased())\n  hint: check that the folder exists and is writable\n")
        }
        return .success("")
    }

    /// `--out PATH --check`: nothing written; 0 when PATH holds exactly `text`, else 1 and what differs.
    static func check(_ text: String, against path: String, _ options: PlanOptions, _ files: FileSystem) -> Outcome {
        let rerun = "gtm plan \(options.file)\(options.format == "json" ? " --format json" : "") --out \(path)"
        switch Platform.read(path, limit: Limits.fileBytes * 4) {
        case .failure(let failure) where failure.noSuchFile:
            return .invalid("\(path): error: the report does not exist\n  hint: write it with: \(rerun)\n")
        case .failure(let failure):
            return .invalid("\(path): error: cannot read the report: \(failure.message.lowercased())\n  hint: --out names the report file gtm writes\n")
        case .success(let bytes):
            let current = String(decoding: bytes, as: UTF8.self)
            if current == text { return .success("\(path) is up to date\n") }
            let (changed, excerpt) = LineDiff.summary(old: current, new: text)
            return .invalid("\(path): error: the report is stale: \(changed) line\(changed == 1 ? "" : "s") differ from what gtm writes now\n\(excerpt)\n  hint: update it with: \(rerun)\n")
        }
    }

    static func check(_ options: PlanOptions) -> Outcome {
        let files: FileSystem
        switch self.files(options) {
        case .success(let value): files = value
        case .failure(let outcome): return outcome
        }
        let document: Document
        switch self.document(options, files) {
        case .success(let value): document = value
        case .failure(let outcome): return outcome
        }
        // The base and each variant, whose values are typed like the file's: every error at once.
        var diagnostics: [Diagnostic] = []
        do {
            _ = try document.decode()
        } catch {
            diagnostics += error.diagnostics
        }
        if options.whatIf == nil {
            for name in document.variantNames {
                var variant = document
                do {
                    _ = try variant.applyVariant(name)
                    _ = try variant.decode()
                } catch {
                    diagnostics += error.diagnostics
                }
            }
        }
        guard diagnostics.isEmpty else {
            return .invalid(ScenarioError(diagnostics, sources: document.sources).deduplicated.rendered + "\n")
        }
        return .success("ok\n")
    }
}
