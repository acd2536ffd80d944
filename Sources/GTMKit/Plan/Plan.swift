/// A finished plan: every model's result for one scenario, ready for the renderers.
public struct Plan: Sendable {
    public var scenario: Scenario
    public var market: MarketSize?
    public var warnings: [PlanWarning]
    /// SHA-256 of the inputs (files and overrides).
    public var fingerprint: String
    /// The overrides applied, as given (`market.obtainable=2%`, `--what-if pessimistic`).
    public var overrides: [String]
}

/// Composes the models into a plan. Pure: the same scenario gives the same plan.
public enum Planner {
    public static func plan(_ scenario: Scenario, fingerprint: String = "", overrides: [String] = []) -> Plan {
        var warnings = inputWarnings(scenario)
        let market = MarketModel.size(scenario)
        if let market, let warning = MarketModel.disagreement(market) { warnings.append(warning) }
        return Plan(scenario: scenario, market: market, warnings: warnings, fingerprint: fingerprint,
                    overrides: overrides)
    }

    /// Inputs that are valid but probably not what the user meant.
    static func inputWarnings(_ scenario: Scenario) -> [PlanWarning] {
        scenario.inputs.compactMap { input in
            guard input.origin != .defaulted, input.text.trimmingCharacters == "1",
                  Schema.field(Schema.schemaPath(input.path))?.valueKind == .share else { return nil }
            return .shareWrittenAsOne(path: input.path)
        }
    }

    /// Parses, applies overrides, decodes and plans, in one call.
    public static func plan(document: Document) throws(ScenarioError) -> Plan {
        let scenario = try document.decode()
        return plan(scenario, fingerprint: document.fingerprint, overrides: document.overrides)
    }
}

/// The program's version, printed by `gtm --version` and in every report's footer.
public enum GTM {
    public static let version = "0.1.0"
}
