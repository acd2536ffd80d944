/// The JSON report: the contract's keys (outputs.md), numbers unrounded.
public struct JSONReport {
    let plan: Plan
    let text: ReportText

    public init(_ plan: Plan) {
        self.plan = plan
        self.text = ReportText(plan)
    }

    /// The whole object, ending with one newline.
    public func render() -> String {
        object().serialized() + "\n"
    }

    public func object() -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        let settings = plan.scenario.settings
        var scenario: [(String, JSONValue)] = [
            ("name", .string(settings.name)),
            ("currency", .string(settings.currency)),
            ("trials", .integer(settings.trials)),
            ("seed", .integer(Int(settings.seed))),
            ("language", .string(settings.language.rawValue)),
            ("launch_date", .string(plan.scenario.launch.date.description)),
        ]
        if let asOf = settings.asOf { scenario.append(("as_of", .string(asOf.description))) }
        pairs.append(("scenario", .object(scenario)))
        if let market = plan.market { pairs.append(("market", marketObject(market))) }
        pairs.append(("warnings", .array(plan.warnings.map {
            .object([("code", .string($0.code)), ("message", .string(text.message($0)))])
        })))
        pairs.append(("inputs", .array(plan.scenario.inputs.map {
            .object([("path", .string($0.path)), ("value", .string($0.text)), ("from", .string(text.origin($0.origin)))])
        })))
        pairs.append(("gtm", .object([("version", .string(GTM.version)), ("fingerprint", .string(plan.fingerprint))])))
        return .object(pairs)
    }

    func marketObject(_ market: MarketSize) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let topDown = market.topDown {
            pairs += [
                ("tam_units", .number(topDown.tamUnits)), ("tam_revenue", .number(topDown.tamUnits * market.price)),
                ("sam_units", .number(topDown.samUnits)), ("sam_revenue", .number(topDown.samUnits * market.price)),
                ("som_units", .number(topDown.somUnits)), ("som_revenue", .number(topDown.somUnits * market.price)),
            ]
        }
        if let bottomUp = market.bottomUpUnits {
            pairs.append(("bottom_up_units", .number(bottomUp)))
            pairs.append(("bottom_up_revenue", .number(bottomUp * market.price)))
            pairs.append(("channels", .array(market.channels.map {
                .object([("name", .string($0.name)), ("reach", .number($0.reach)), ("conversion", .number($0.conversion)),
                         ("buyers", .number($0.buyers))])
            })))
        }
        pairs.append(("horizon_years", .number(market.horizon.years)))
        return .object(pairs)
    }
}
