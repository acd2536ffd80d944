import GTMKit

/// What a run printed and how it ended. The executable prints and exits; nothing else does.
public struct Outcome: Error, Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    /// 0 success, 1 invalid scenario, override or data file (or a failed write), 2 wrong
    /// command line, 3 a report `--check` found stale or missing.
    public var status: Int32

    static func success(_ text: String) -> Outcome { Outcome(stdout: text, stderr: "", status: 0) }
    static func invalid(_ text: String) -> Outcome { Outcome(stdout: "", stderr: text, status: 1) }
    static func usage(_ text: String) -> Outcome { Outcome(stdout: "", stderr: text, status: 2) }
    /// The exit status of `--check` when a report is stale or missing.
    public static let staleStatus: Int32 = 3
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
        // Messages may carry a file's name, a variant's, a line of a report: nothing a file holds
        // reaches the terminal as a control, bidirectional or invisible character.
        if let failure = Platform.write(Array(outcome.stderr.visibleMessage.utf8), to: 2), !failure.brokenPipe {
            return outcome.status == 0 ? 1 : outcome.status
        }
        return outcome.status
    }

    /// Ends the process with `status`; the only exit in gtm.
    public static func exit(_ status: Int32) -> Never {
        Platform.exit(status)
    }

    /// The arguments as bytes: each must be UTF-8 (gtm reads paths, keys and values as UTF-8
    /// text), else the run is a usage error that says which.
    public static func run(rawArguments: [[UInt8]]) -> Outcome {
        var arguments: [String] = []
        for (index, bytes) in rawArguments.enumerated() {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                let shown = String(decoding: bytes, as: UTF8.self)
                return .usage(Help.usageError(UsageError(message: "argument \(index + 1) ('\(shown)') is not UTF-8 text",
                                                         hint: "gtm reads file names and values as UTF-8; rename the file or retype the value")))
            }
            arguments.append(text)
        }
        return run(arguments)
    }

    public static func run(_ arguments: [String]) -> Outcome {
        if arguments.first == "__complete" { return Completions.complete(Array(arguments.dropFirst())) }
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
        case .diff(let options):
            return diff(options)
        case .completions(let shell):
            return .success(Completions.script(shell))
        case .initialize(let path, let language):
            return initialize(path, language: language)
        case .plan(let options):
            return plan(options)
        case .check(let options):
            return check(options)
        }
    }

    /// Reads the file (and its includes) through `files`, which keeps every read inside the root;
    /// `-` is standard input (its includes are read relative to the working directory).
    static func read(_ options: PlanOptions, _ files: FileSystem) -> Result<Document, Outcome> {
        let bytes: [UInt8]
        var identity = "<stdin>"
        let name = options.file == "-" ? "<stdin>" : options.file
        if options.file == "-" {
            switch Platform.readStandardInput(limit: Limits.fileBytes) {
            case .success(let read) where read.count <= Limits.fileBytes: bytes = read
            case .success: return .failure(.invalid("""
                <stdin>: error: the scenario is larger than \(Limits.fileBytes >> 20) MiB\n  hint: a scenario is a short text file; split shared \
                assumptions into an include\n
                """))
            case .failure(let failure): return .failure(.invalid("<stdin>: error: cannot read standard input: \(failure.message.lowercased())\n"))
            }
        } else {
            do {
                let file = try files.file(options.file)
                bytes = file.bytes
                identity = file.path
            } catch {
                return .failure(.invalid(error.rendered(options.file)))
            }
        }
        do {
            return .success(try Document.parse(name: name, identity: identity, bytes: bytes, open: files.include))
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
                    : guess + "the variants are: \(names.prefix(20).joined(separator: ", "))\(names.count > 20 ? " and \(names.count - 20) more" : "")"
                return .failure(.usage(Help.usageError(UsageError(message: "no variant '\(name)' in \(options.file)",
                                                                  hint: hint, command: "plan"))))
            }
            for assignment in options.sets { try document.set(assignment.argument, option: assignment.option) }
            return .success(document)
        } catch {
            return .failure(.invalid(error.rendered + "\n"))
        }
    }

    /// Reads the file and applies the variant and the overrides, then reads its data files.
    static func document(_ options: PlanOptions, _ files: FileSystem) -> Result<Document, Outcome> {
        switch read(options, files) {
        case .success(let document):
            return applying(options.whatIf, options, to: document).flatMap { attachingData(to: $0, options, files) }
        case .failure(let outcome): return .failure(outcome)
        }
    }

    /// Reads the data files the document names (analogs, actuals) through `files`: relative to
    /// the scenario's folder, or to the working directory for a path given on the command line.
    /// A file that cannot be read is an error at the path that names it.
    static func attachingData(to document: Document, _ options: PlanOptions, _ files: FileSystem) -> Result<Document, Outcome> {
        var document = document
        var diagnostics: [Diagnostic] = []
        for reference in document.dataReferences {
            // Relative to the file that names it (an included file's own folder), else the working directory.
            let naming = document.sources[reference.mark.source]?.name ?? options.file
            let folder = reference.fromCommandLine || naming == "-" || naming == "<stdin>" ? "" : Platform.directory(of: naming)
            let joined = Platform.join(folder, reference.path)
            do {
                document.attach(reference, name: joined, bytes: try files.read(joined))
            } catch {
                let hint = error == .outsideRoot
                    ? "a data file must lie inside the root folder (the working directory, or --root DIR)"
                    : reference.fromCommandLine ? "a path given on the command line is relative to the current folder"
                    : """
                        a path in a scenario is relative to the folder of the file that names it \
                        (\(folder.isEmpty ? "here, the current folder" : "`\(folder.visible)`"))
                        """
                diagnostics.append(Diagnostic("cannot read `\(reference.path.visible)`: \(error.reason)", at: reference.mark, hint: hint))
            }
        }
        guard diagnostics.isEmpty else { return .failure(.invalid(ScenarioError(diagnostics, sources: document.sources).rendered + "\n")) }
        return .success(document)
    }

    static func plan(_ options: PlanOptions, simulation: Simulation.Options = Simulation.Options()) -> Outcome {
        // Several files, or `--check` / `--write` without `--out`: each against the report beside it.
        if (options.check || options.write) && (!options.others.isEmpty || options.out == nil) {
            return checkAll(options, simulation: simulation)
        }
        if !options.others.isEmpty { return planAll(options, simulation: simulation) }
        let files: FileSystem
        switch self.files(options) {
        case .success(let value): files = value
        case .failure(let outcome): return outcome
        }
        let text: String
        switch render(options, files, simulation: simulation) {
        case .success(let value): text = value
        case .failure(let outcome): return outcome
        }
        guard let path = options.out else { return .success(text) }
        if options.write {
            let current = check(text, against: path, options)
            return current.status == Outcome.staleStatus ? write(text, to: path, options, files) : current
        }
        return options.check ? check(text, against: path, options) : write(text, to: path, options, files)
    }

    /// `gtm plan A.txt B.txt …`: each report in turn on stdout; every error of every file on stderr.
    static func planAll(_ options: PlanOptions, simulation: Simulation.Options) -> Outcome {
        eachFile(options) { plan($0, simulation: simulation) }
    }

    /// `body` run on each of the options' files alone: what each prints, joined in order, and the
    /// highest status (1 for an invalid file wins over 0).
    static func eachFile(_ options: PlanOptions, _ body: (PlanOptions) -> Outcome) -> Outcome {
        var stdout = "", stderr = ""
        var status: Int32 = 0
        for file in [options.file] + options.others {
            var one = options
            one.file = file
            one.others = []
            let outcome = body(one)
            stdout += outcome.stdout
            stderr += outcome.stderr
            status = max(status, outcome.status)
        }
        return Outcome(stdout: stdout, stderr: stderr, status: status)
    }

    /// The report of one scenario in the options' format (with `--compare`, every variant).
    static func render(_ options: PlanOptions, _ files: FileSystem, simulation: Simulation.Options) -> Result<String, Outcome> {
        let parsed: Document
        switch read(options, files) {
        case .success(let value): parsed = value
        case .failure(let outcome): return .failure(outcome)
        }
        // `--compare`: the variants read once and applied to the scenario without them.
        var variants: (base: Document, list: [(name: String, overrides: [Override])]) = (parsed, [])
        if options.compare {
            do {
                variants = try parsed.variants()
            } catch {
                return .failure(.invalid(error.rendered + "\n"))
            }
            if variants.list.count > Limits.comparedVariants {
                return .failure(.usage(Help.usageError(UsageError(
                    message: "'--compare' sets at most \(Limits.comparedVariants) variants side by side; \(options.file) has \(variants.list.count)",
                    hint: "plan the variants you need one at a time with --what-if NAME", command: "plan"))))
            }
        }
        // One work budget for the run: the plans of `--compare` share it.
        let simulation = Simulation.Options(threads: simulation.threads, progress: simulation.progress ?? Progress.reporter(),
                                            workLimit: simulation.workLimit / (1 + variants.list.count))
        let names = variants.list.map(\.name)
        var plans: [Plan] = []
        for index in -1..<variants.list.count {
            let applied: Result<Document, Outcome>
            if index < 0 {
                applied = applying(options.whatIf, options, to: parsed)
            } else {
                var document = variants.base
                do {
                    try document.apply(variants.list[index].overrides, variant: names[index])
                    applied = applying(nil, options, to: document)
                } catch {
                    applied = .failure(.invalid(error.rendered + "\n"))
                }
            }
            let document: Document
            switch applied.flatMap({ attachingData(to: $0, options, files) }) {
            case .success(let value): document = value
            case .failure(let outcome): return .failure(outcome)
            }
            do {
                plans.append(try Planner.plan(document: document, simulation: simulation))
            } catch {
                return .failure(.invalid(error.rendered + "\n"))
            }
        }
        Progress.finish()
        if options.optimize {
            guard let optimization = plans[0].optimization else {
                return .failure(.invalid("\(options.file.visible): error: the scenario has no `optimize` section naming a free decision\n"
                                         + "  hint: add `optimize:` with `free:` and the decisions gtm may choose, e.g. `    kol.budget: 0 to 400k`\n"))
            }
            if let name = options.emitVariant { return .success(optimization.variant(name)) }
        }
        let comparison = options.compare ? Comparison(base: plans[0], variants: zip(names, plans.dropFirst()).map { ($0, $1) }) : nil
        switch options.format {
        case "json": return .success(JSONReport(plans[0]).render(comparison: comparison))
        case "csv": return .success(CSVReport(plans[0]).render(comparison: comparison, byteOrderMark: options.byteOrderMark))
        case "html": return .success(HTMLReport(plans[0]).render(comparison: comparison))
        default: return .success(MarkdownReport(plans[0]).render(comparison: comparison))
        }
    }

    /// `gtm plan A.txt B.txt … --check`: each scenario against the report beside it (`A.md`, or
    /// `A.json` with `--format json`…), then a summary. Exit 1 when a scenario is invalid, else
    /// 3 when a report is stale or missing, else 0.
    static func checkAll(_ options: PlanOptions, simulation: Simulation.Options) -> Outcome {
        var fresh = 0, stale = 0, invalid = 0, written = 0
        var stdout = "", stderr = ""
        for file in [options.file] + options.others {
            var one = options
            one.file = file
            one.others = []
            let out = options.others.isEmpty ? options.out ?? PlanOptions.report(beside: file, format: options.format)
                : PlanOptions.report(beside: file, format: options.format)
            one.out = out
            var outcome: Outcome
            switch self.files(one) {
            case .failure(let failure): outcome = failure
            case .success(let files):
                switch render(one, files, simulation: simulation) {
                case .failure(let failure): outcome = failure
                case .success(let text):
                    outcome = check(text, against: out, one)
                    // `--write`: a stale or missing report is written, quietly unless the write fails.
                    if options.write, outcome.status == Outcome.staleStatus {
                        outcome = write(text, to: out, one, files)
                        if outcome.status == 0 {
                            written += 1
                            outcome = .success("\(out.visible): written\n")
                        }
                    }
                }
            }
            stdout += outcome.stdout
            stderr += outcome.stderr
            switch outcome.status {
            case 0: fresh += 1
            case Outcome.staleStatus: stale += 1
            default: invalid += 1
            }
        }
        fresh -= written
        let total = fresh + stale + invalid + written
        var summary = "\(total) report\(total == 1 ? "" : "s") checked: \(fresh) up to date"
        if written > 0 { summary += ", \(written) written" }
        if stale > 0 { summary += ", \(stale) stale or missing" }
        if invalid > 0 { summary += ", \(invalid) with an invalid scenario" }
        let status: Int32 = invalid > 0 ? 1 : stale > 0 ? Outcome.staleStatus : 0
        return Outcome(stdout: stdout + summary + "\n", stderr: stderr, status: status)
    }

    /// `gtm diff OLD NEW`: both planned, then compared. Plans in two currencies are refused:
    /// their amounts cannot be set side by side.
    static func diff(_ options: DiffOptions) -> Outcome {
        var plans: [Plan] = []
        for file in options.sides {
            var planOptions = PlanOptions(file: file, root: options.root)
            if let language = options.language {
                let lang = CommandTable.lang
                planOptions.sets.append(Assignment(argument: "\(lang.overrides ?? "scenario.language")=\(language.rawValue)", option: lang.name))
            }
            let files: FileSystem
            if let (revision, _) = GitRevision.split(file) {
                switch GitRevision.open(revision, root: options.root) {
                case .success(let tree): files = FileSystem(root: tree.top, revision: tree)
                case .failure(let failure):
                    return .invalid("gtm: error: cannot read '\(file.visible)': \(failure.message)\n  hint: \(failure.hint)\n")
                }
            } else {
                switch self.files(planOptions) {
                case .success(let value): files = value
                case .failure(let outcome): return outcome
                }
            }
            switch document(planOptions, files) {
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
        let (oldCurrency, newCurrency) = (plans[0].scenario.settings.currency, plans[1].scenario.settings.currency)
        if oldCurrency != newCurrency {
            return .invalid("""
                gtm: error: \(options.sides[0]) plans in \(oldCurrency) and \(options.sides[1]) in \(newCurrency): their amounts cannot be compared\n  hint: \
                set the same `scenario.currency` in both (convert one's amounts first)\n
                """)
        }
        let diff = PlanDiff(old: plans[0], new: plans[1], oldName: options.sides[0], newName: options.sides[1])
        let text = options.json ? diff.json() : diff.markdown()
        return Outcome(stdout: text, stderr: "", status: options.exitCode && diff.differs ? 1 : 0)
    }

    /// `gtm init`: a starter scenario at `path`, never over an existing file, and never through
    /// a link out of the folder it names (the same rule as `--out`).
    static func initialize(_ path: String, language: Scenario.Language) -> Outcome {
        // `-`: standard output, as FILE `-` is standard input for plan.
        if path == "-" { return .success(Template.text(language: language)) }
        let shown = path.visible
        let root: String
        switch ReportTarget.root(nil, for: path) {
        case .success(let value): root = value
        case .failure(let error): return .usage(Help.usageError(error))
        }
        guard let failure = Beneath.create(path, root: root, with: Array(Template.text(language: language).utf8)) else {
            return .success("wrote \(shown); plan it with: gtm plan \(rerunQuoted(path))\n".visibleMessage)
        }
        if failure.exists {
            return .invalid("\(shown): error: the file exists; gtm init never overwrites a file\n  hint: name a new file: gtm init new-scenario.txt\n")
        }
        if failure.outside {
            return .invalid("""
                \(shown): error: the path leads outside the folder it names (through a symbolic link)\n  hint: name a new file in the working \
                directory\n
                """)
        }
        return .invalid("\(shown): error: cannot write the starter scenario: \(failure.message)\n  hint: check that the folder exists and is writable\n")
    }

    /// `--out PATH`: the report, atomically, and only over a report: never over the scenario, a
    /// file it includes, a device, a FIFO, a folder or a file gtm did not write (`ReportTarget`).
    static func write(_ text: String, to path: String, _ options: PlanOptions, _ files: FileSystem) -> Outcome {
        let root: String
        switch ReportTarget.root(options.root, for: path) {
        case .success(let value): root = value
        case .failure(let error): return .usage(Help.usageError(error))
        }
        if let refusal = ReportTarget.write(text, to: path, root: root, files: files) {
            return .invalid("\(path.visible): error: \(refusal.message)\n  hint: \(refusal.hint)\n")
        }
        return .success("")
    }

    /// `--out PATH --check`: nothing written; 0 when PATH holds exactly `text`, else the stale
    /// status, a unified diff of what changed, and the command that brings it up to date.
    static func check(_ text: String, against path: String, _ options: PlanOptions) -> Outcome {
        let rerun = "gtm plan " + rerunArguments(options, out: path).joined(separator: " ")
        let shown = path.visible
        let root: String
        switch ReportTarget.root(options.root, for: path) {
        case .success(let value): root = value
        case .failure(let error): return .usage(Help.usageError(error))
        }
        switch ReportTarget.current(path, root: root) {
        case .missing:
            return Outcome(stdout: "", stderr: "\(shown): error: the report does not exist\n  hint: write it with: \(rerun)\n",
                           status: Outcome.staleStatus)
        case .unreadable(let failure) where failure.outside:
            return .invalid("""
                \(shown): error: the report is outside the root folder (through a symbolic link, or by name), so gtm does not read it\n  hint: \
                commit the report as a file, not a link, or pass --root DIR\n
                """)
        case .unreadable(let failure):
            return .invalid("\(shown): error: cannot read the report: \(failure.message)\n  hint: --out names the report file gtm writes\n")
        case .notAReport:
            return Outcome(stdout: "", stderr: """
                \(shown): error: the file is not a report gtm wrote (its contents are not shown)\n  hint: remove it and write the report with: \
                \(rerun)\n
                """,
                           status: Outcome.staleStatus)
        case .report(let current):
            if current == text { return .success("\(shown) is up to date\n") }
            let (changed, diff) = LineDiff.unified(old: current, new: text, oldName: shown, newName: "\(shown) (gtm plan now)")
            return Outcome(stdout: "", stderr: """
                \(shown): error: the report is stale: \(changed) line\(changed == 1 ? "" : "s") differ from what gtm writes now\n\(diff)\n  hint: \
                update it with: \(rerun)\n
                """,
                           status: Outcome.staleStatus)
        }
    }

    /// The command line that writes the report at `out`: the original arguments without
    /// `--check` and the other files, quoted for a POSIX shell where needed.
    static func rerunArguments(_ options: PlanOptions, out: String) -> [String] {
        var arguments: [String] = []
        var index = 0
        let given = options.arguments.isEmpty ? [options.file] : options.arguments
        var sawOut = false
        var onlyFiles = false
        while index < given.count {
            let argument = given[index]
            index += 1
            let outName = OptionSpec.ID.out.rawValue
            if argument == OptionSpec.ID.check.rawValue { continue }
            if argument == outName || argument.hasPrefix(outName + "=") {
                if argument == outName { index += 1 }
                arguments += [outName, out]
                sawOut = true
                continue
            }
            // Every scenario file named (option values are taken with their options below).
            if onlyFiles || !argument.hasPrefix("-") || argument == "-" { continue }
            if argument == "--" {
                onlyFiles = true
                continue
            }
            arguments.append(argument)
            // An option's value follows it.
            if !argument.contains("="), CommandTable.command("plan")?.options.first(where: { $0.name == argument })?.value != nil,
               index < given.count {
                arguments.append(given[index])
                index += 1
            }
        }
        if !sawOut { arguments += [OptionSpec.ID.out.rawValue, out] }
        // A file whose name starts with `-` follows `--`, as the user had to write it.
        if options.file.hasPrefix("-"), options.file != "-" { return arguments.map(shellQuoted) + ["--", shellQuoted(options.file)] }
        return [shellQuoted(options.file)] + arguments.map(shellQuoted)
    }

    /// A file name as a command line must write it: quoted for a POSIX shell, after `--` when it
    /// starts with `-`.
    static func rerunQuoted(_ file: String) -> String {
        (file.hasPrefix("-") && file != "-" ? "-- " : "") + shellQuoted(file)
    }

    static func shellQuoted(_ argument: String) -> String {
        let safe = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=%:,@+".contains($0) }
        return safe && !argument.isEmpty ? argument : "'" + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func check(_ options: PlanOptions) -> Outcome {
        // Several files: each validated; `FILE: ok` for the valid ones, every error of the others.
        if !options.others.isEmpty {
            return eachFile(options) { one in
                let outcome = check(one)
                return outcome.status == 0 ? .success("\(one.file.visible): ok\n") : outcome
            }
        }
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
        // Each variant applied to the scenario without the others (linear in the variants),
        // until the errors found are more than a message can list.
        if options.whatIf == nil {
            do {
                let (base, list) = try document.variants()
                for (name, overrides) in list where diagnostics.count <= Limits.diagnostics {
                    var variant = base
                    do {
                        try variant.apply(overrides, variant: name)
                        _ = try variant.decode()
                    } catch {
                        diagnostics += error.diagnostics
                    }
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else {
            return .invalid(ScenarioError(diagnostics, sources: document.sources).deduplicated.rendered + "\n")
        }
        return .success("ok\n")
    }
}
