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
    /// Prints an outcome: its stdout, then its stderr.
    public static func emit(_ outcome: Outcome) {
        Platform.write(Array(outcome.stdout.utf8), to: 1)
        Platform.write(Array(outcome.stderr.utf8), to: 2)
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
        case .plan(let options):
            return plan(options)
        case .check(let options):
            return check(options)
        }
    }

    /// Reads the file (and its includes).
    static func read(_ options: PlanOptions) -> Result<Document, Outcome> {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(options.file)
        } catch {
            return .failure(.invalid("\(options.file): error: \(error.message)\n  hint: \(error.hint)\n"))
        }
        do {
            return .success(try Document.parse(name: options.file, identity: FileSystem.identity(options.file), bytes: bytes,
                                               open: FileSystem.include))
        } catch {
            return .failure(.invalid(error.rendered + "\n"))
        }
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
    static func document(_ options: PlanOptions) -> Result<Document, Outcome> {
        switch read(options) {
        case .success(let document): return applying(options.whatIf, options, to: document)
        case .failure(let outcome): return .failure(outcome)
        }
    }

    static func plan(_ options: PlanOptions, simulation: Simulation.Options = Simulation.Options()) -> Outcome {
        let parsed: Document
        switch read(options) {
        case .success(let value): parsed = value
        case .failure(let outcome): return outcome
        }
        let simulation = Simulation.Options(threads: simulation.threads, progress: simulation.progress ?? Progress.reporter())
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
        return .success(text)
    }

    static func check(_ options: PlanOptions) -> Outcome {
        let document: Document
        switch self.document(options) {
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
