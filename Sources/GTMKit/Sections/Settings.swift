/// `scenario`: the run's settings (name, planning date, currency, language, trials, seed).
extension Scenario {
    package struct Settings: Sendable {
        var name: String
        var asOf: CivilDate?
        package var currency: String
        var language: Language
        /// Monte Carlo trials as given; nil: chosen automatically for the decisions' precision.
        package var trials: Int?
        var seed: UInt64
    }

    package enum Language: String, Sendable { case en, zh }
}

extension Schema {
    static let settingsFields: [Field] = [
        Field("scenario", .section, "Run settings: name, planning date, currency, report language, Monte Carlo trials and seed.",
              zh: "运行设置：名称、计划日期、币种、报告语言、蒙特卡洛次数与随机种子。"),
        Field("scenario.name", .value(.text), example: "Aurora desk lamp, autumn 2027", note: "the product's name", "A name for the plan.", zh: "计划名称。"),
        Field("scenario.as_of", .value(.date), example: "2027-01-04",
              "The planning date: milestones before it are flagged as late. Without it the report never depends on today's date.",
              zh: "计划日期：早于该日的里程碑会被标为延误。不填则报告与今天的日期无关。"),
        Field("scenario.currency", .value(.text), default: "CNY",
              "ISO 4217 code of every amount in the file; gtm holds no exchange rates.",
              zh: "所有金额的 ISO 4217 币种代码；gtm 不做汇率换算。"),
        Field("scenario.language", .value(.choice(["en", "zh"])), default: "en", "Report language.", zh: "报告语言。"),
        Field("scenario.trials", .value(.integer), example: "20000", bounds: 100...Double(Limits.trials),
              note: "automatic: from 10,240 up until every decision is precise (see the report)",
              "Monte Carlo trials when any input is uncertain; give a number to fix it.",
              zh: "有不确定输入时的蒙特卡洛模拟次数；不填则自动增加，直到各项决策足够精确。"),
        Field("scenario.seed", .value(.integer), bounds: 0...Limits.magnitude, default: "1",
              "Random seed: the same seed gives the same numbers on every machine.",
              zh: "随机种子：同一种子在任何机器上得到相同结果。"),
    ]
}

extension ScenarioDecoder {
    /// Reads `scenario.currency` first: every amount in the file is checked against it.
    mutating func readCurrency(_ section: Section?) {
        guard let section else {
            inputs.append(InputRecord(path: "scenario.currency", text: currency, origin: .defaulted, isUncertain: false))
            return
        }
        guard let code = text("currency", in: section) else { return }
        if Currency.isCode(Substring(code)) && code != "RMB" {
            currency = code
        } else {
            let upper = code.uppercased()
            let hint = upper == "RMB" || code == "¥" || code == "元" ? "write CNY"
                : Currency.isCode(Substring(upper)) ? "write \(upper)" : "write a three-letter code such as CNY, USD or EUR"
            report("`currency` is an ISO 4217 code such as CNY or USD, not `\(code)`",
                   at: marks["scenario.currency"] ?? section.mark, hint: hint)
        }
    }

    mutating func settings(_ section: Section?, productName: String) -> Scenario.Settings? {
        let defaults = Section.absent("scenario")
        let section = section ?? defaults
        let language = text("language", in: section).flatMap(Scenario.Language.init(rawValue:))
        let seed = quantity("seed", in: section)
        guard let language, let seed else { return nil }
        return Scenario.Settings(name: text("name", in: section) ?? productName, asOf: date("as_of", in: section),
                                 currency: currency, language: language, trials: integer("trials", in: section),
                                 seed: UInt64(seed.value))
    }
}
