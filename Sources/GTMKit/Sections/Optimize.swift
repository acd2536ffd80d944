/// `optimize`: the decisions gtm may choose (each with the bounds of its search) and what the
/// choice maximises, under which constraints (`Optimizer`).
extension Scenario {
    package struct Optimize: Sendable {
        /// One free decision: a path `--set` accepts, and the values the search may give it.
        package struct Free: Sendable {
            package var path: String
            package enum Range: Sendable {
                /// Any value from `low` to `high` (a whole number when `whole`).
                case interval(low: Double, high: Double, whole: Bool)
                /// One of these words (`crowdfunding.run: yes or no`).
                case choice([String])
            }
            package var range: Range
            /// How a value is written back as an override (`kind` of the key).
            package var kind: ValueKind
        }

        package enum Objective: String, Sendable { case contribution, profit }

        package var free: [Free]
        package var objective: Objective
        package var costOfCapital: Double?
        package var maxPeakNeed: Double?
        package var maxMarketing: Double?
        package var minFillRate: Double?
        package var maxShortfallChance: Double?
        package var credit: Double
        /// Trials of each candidate: the same trials (the same random numbers) for every one.
        package var trials: Int
    }
}

extension Schema {
    static let optimizeFields: [Field] = [
        Field("optimize", .section, "Decisions gtm may choose, with the bounds of the search, and what the choice maximises (`gtm optimize`).",
              zh: "可由 gtm 选择的决策（附搜索范围）及优化目标（`gtm optimize`）。"),
        Field("optimize.free", .decisions,
              "Free decisions: dotted paths with the bounds of the search (`ads[Meta].budget: 0 to 80k`; `crowdfunding.run: yes or no`, "
                  + "or `auto` for every option).",
              zh: "可选决策：点分路径及搜索范围（`ads[Meta].budget: 0 to 80k`，`crowdfunding.run: yes or no`）。"),
        Field("optimize.objective", .value(.choice(["contribution", "profit"])), uncertain: false, default: "contribution",
              "What to maximise: the expected net cash of the launch within the horizon, stock left valued at salvage; `profit` less the cost of capital.",
              zh: "优化目标：计划期内上市带来的期望净现金（剩余库存按残值计）；`profit` 再扣除资金成本。"),
        Field("optimize.cost_of_capital", .value(.share), example: "12%", uncertain: false, bounds: 0...1,
              "A year's cost of the money the launch ties up (peak need × rate × horizon in years); needed by `objective: profit`.",
              zh: "资金的年化成本（峰值资金需求 × 年利率 × 计划期年数）；`objective: profit` 时必填。"),
        Field("optimize.max_peak_need", .value(.money), example: "1.5M", uncertain: false, bounds: 0...Limits.magnitude,
              note: "cash.on_hand + credit when the scenario has a `cash` section",
              "Constraint: the expected peak funding need may not exceed it.", zh: "约束：期望峰值资金需求不得超过此值。"),
        Field("optimize.max_marketing", .value(.money), example: "500k", uncertain: false, bounds: 0...Limits.magnitude,
              "Constraint: expected marketing spend (KOL, ads, list sends) may not exceed it.", zh: "约束：期望营销支出（KOL、广告、私域触达）不得超过此值。"),
        Field("optimize.min_fill_rate", .value(.share), example: "90%", uncertain: false, bounds: 0...1,
              "Constraint: the first batch's expected fill rate (sales ÷ demand in its window) may not fall below it.",
              zh: "约束：首批的期望满足率（窗口期销量 ÷ 需求）不得低于此值。"),
        Field("optimize.max_shortfall_chance", .value(.share), example: "10%", uncertain: false, bounds: 0...1,
              "Constraint: the chance the peak need exceeds cash on hand plus credit may not exceed it.",
              zh: "约束：峰值资金需求超过现有资金加授信的概率不得超过此值。"),
        Field("optimize.credit", .value(.money), uncertain: false, bounds: 0...Limits.magnitude, default: "0",
              "A credit line on top of cash on hand.", zh: "现有资金之外可用的授信额度。"),
        Field("optimize.trials", .value(.integer), uncertain: false, bounds: 100...Double(Limits.trials), default: "4096",
              "Trials each candidate plan runs: the same trials, with the same random numbers, for every candidate.",
              zh: "每个候选方案的模拟次数：所有候选使用相同的模拟（相同的随机数）。"),
    ]
}

extension ScenarioDecoder {
    mutating func optimize(_ section: Section) -> Scenario.Optimize? {
        let objective = text("objective", in: section).flatMap(Scenario.Optimize.Objective.init(rawValue:))
        let costOfCapital = quantity("cost_of_capital", in: section)?.value
        let credit = quantity("credit", in: section)?.value
        let trials = integer("trials", in: section)
        var free: [Scenario.Optimize.Free] = []
        if let pair = section.node.pairs?.first(where: { $0.key == "free" }) {
            if let pairs = pair.value.pairs {
                for item in pairs { if let decision = freeDecision(item) { free.append(decision) } }
            } else {
                report("`optimize.free` is a set of `path: low to high` lines", at: pair.value.mark,
                       hint: "e.g. `free:` then `  ads[Meta].budget: 0 to 80k`")
            }
        }
        if objective == .profit, costOfCapital == nil {
            report("`objective: profit` charges for the cash the launch ties up, at `cost_of_capital`", at: marks["optimize.objective"] ?? section.mark,
                   hint: "add `cost_of_capital: 12%` (a year), or use `objective: contribution`")
        }
        guard let objective, let credit, let trials, diagnostics.isEmpty else { return nil }
        return Scenario.Optimize(free: free, objective: objective, costOfCapital: costOfCapital,
                                 maxPeakNeed: quantity("max_peak_need", in: section)?.value,
                                 maxMarketing: quantity("max_marketing", in: section)?.value,
                                 minFillRate: quantity("min_fill_rate", in: section)?.value,
                                 maxShortfallChance: quantity("max_shortfall_chance", in: section)?.value,
                                 credit: credit, trials: trials)
    }

    /// One line of `optimize.free`: a path `--set` accepts and its bounds, `low to high` in the
    /// key's own kind (or `yes or no`, `a or b` for a choice).
    private mutating func freeDecision(_ pair: Pair) -> Scenario.Optimize.Free? {
        let path: OverridePath
        do {
            path = try OverridePath(pair.key, at: pair.keyMark)
        } catch {
            diagnostics.append(error)
            return nil
        }
        guard let field = Schema.field(path.schemaPath), case .value(let kind) = field.shape else {
            report("`\(pair.key)` is not a single value gtm can choose", at: pair.keyMark,
                   hint: "name a key with a number or a choice, e.g. `ads[Meta].budget` or `crowdfunding.run`")
            return nil
        }
        guard let text = pair.value.scalar else {
            report("`\(pair.key)` needs the bounds of its search", at: pair.keyMark, hint: "write `\(pair.key): low to high`")
            return nil
        }
        switch kind {
        case .choice(let words):
            // `auto`: every option but `auto` itself (`crowdfunding.run: auto` searches yes and no).
            let options = text == "auto" && words.contains("auto") ? words.filter { $0 != "auto" }
                : text.split(separator: " or ").map { String($0.trimmingSpaces) }
            if let bad = options.first(where: { !words.contains($0) }) {
                report("`\(bad)` is not a value of `\(pair.key)`", at: pair.value.mark, hint: "its values are: \(words.joined(separator: ", "))")
                return nil
            }
            guard options.count >= 2 else {
                report("a choice needs at least two options to search", at: pair.value.mark, hint: "write e.g. `yes or no`")
                return nil
            }
            return .init(path: pair.key, range: .choice(options), kind: kind)
        case .count, .integer, .number, .share, .money:
            let sides = text.split(separator: " to ").map { String($0.trimmingSpaces) }
            let parser = ValueParser(key: field.key, kind: kind, bounds: field.bounds, allowsUncertainty: false, currency: currency)
            guard sides.count == 2, case .quantity(let low)? = try? parser.parse(sides[0]),
                  case .quantity(let high)? = try? parser.parse(sides[1]) else {
                report("`\(text)` is not the bounds of a search for `\(pair.key)`", at: pair.value.mark,
                       hint: "write `low to high` as the key is written (`0 to 80k`, `50% to 99%`); here they bound the search, not a distribution")
                return nil
            }
            guard low.value < high.value else {
                report("the search's low bound must be below its high bound", at: pair.value.mark, hint: "write `low to high`")
                return nil
            }
            return .init(path: pair.key, range: .interval(low: low.value, high: high.value, whole: kind == .integer), kind: kind)
        default:
            report("gtm cannot search `\(pair.key)` (a \(kind.name))", at: pair.keyMark,
                   hint: "free decisions are numbers (budgets, prices, shares, counts) or choices")
            return nil
        }
    }
}
