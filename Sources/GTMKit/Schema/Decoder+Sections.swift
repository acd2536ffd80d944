/// The whole scenario, section by section (each section's own reading is in `Sections/`).
/// Reads go through the schema, so a key read and missing from the table is a programming
/// error a test catches.
extension ScenarioDecoder {
    mutating func scenario() -> Scenario? {
        checkTopLevel()
        if let include = root.pairs?.first(where: { $0.key == "include" }), include.value.scalar == nil {
            report("`include` takes a file path", at: include.value.mark, hint: "write `include: shared.txt`")
        }
        let settingsSection = section("scenario", in: nil)
        readCurrency(settingsSection)
        let productSection = section("product", in: nil)
        let launchSection = section("launch", in: nil)
        if productSection == nil || launchSection == nil {
            let missing = [productSection == nil && root["product"] == nil ? "product" : nil,
                           launchSection == nil && root["launch"] == nil ? "launch" : nil].compactMap { $0 }
            if !missing.isEmpty {
                let mark = (root.pairs?.isEmpty ?? true) ? root.mark : root.pairs![0].keyMark
                let message = missing.count == 2 ? "a scenario needs the sections `product` and `launch`"
                    : "the scenario has no `\(missing[0])` section; every scenario needs `product` and `launch`"
                report(message, at: mark, hint: missing.contains("product")
                    ? "start from `gtm init`, or add `product:` with `name`, `price` and `unit_cost` indented below it"
                    : "add `launch:` with `  date: 2027-03-15` below it")
            }
        }
        var product: Scenario.Product?
        if let productSection { product = self.product(productSection) }
        var launchDate: CivilDate?
        if let launchSection { launchDate = date("date", in: launchSection) }
        let settings = self.settings(settingsSection, productName: product?.name ?? "")
        let marketSection = section("market", in: nil)
        let market = marketSection.flatMap { self.market($0) }
        let horizon = period("horizon", in: marketSection ?? .absent("market"))
        var channels: [Scenario.Channel]?
        // Channels written (a list with items), whether or not each decodes.
        var channelsWritten = false
        if let items = list("channels", in: nil) {
            channelsWritten = !items.isEmpty
            channels = items.compactMap { channel($0) }
            if let channels { checkChannelShares(channels, items: items) }
        }
        let demandSection = section("demand", in: nil)
        let demand = demandSection.flatMap { self.demand($0) }
        let curve = demand ?? self.demand(.absent("demand"))
        let inventory = section("inventory", in: nil).flatMap { self.inventory($0) }
        let pilot = section("pilot", in: nil).flatMap { self.pilot($0) }
        let ads = list("ads", in: nil).flatMap { self.ads($0, launch: launchDate) }
        let actuals = self.actuals(ActualsContext(launch: launchDate, asOf: settings?.asOf, horizon: horizon, hasDemand: demandSection != nil,
                                                  hasSize: marketSection != nil || channelsWritten,
                                                  forecastMark: inventory?.forecast == nil ? nil : marks["inventory.forecast"]))
        let cash = section("cash", in: nil).flatMap { self.cash($0) }
        let crowdfunding = section("crowdfunding", in: nil).flatMap { self.crowdfunding($0) }
        let kol = section("kol", in: nil).flatMap { self.kol($0) }
        let seedReviews = section("seed_reviews", in: nil).flatMap { self.seedReviews($0) }
        var leverSections: [any LeverSection] = []
        for kind in Schema.leverSections {
            if let section = kind.decode(&self, launch: launchDate) { leverSections.append(section) }
        }
        let promotions = self.promotions(launch: launchDate, horizon: horizon, product: product).sorted { $0.start < $1.start }
        let variants = variantNames()
        let optimize = section("optimize", in: nil).flatMap { self.optimize($0) }
        // A section written but in error has its own message: not "missing" as well.
        checkDemandSource(inventory: inventory, hasMarket: marketSection != nil, hasChannels: channelsWritten)
        if let product, !product.skus.isEmpty, inventory == nil, let mark = productSection?.node.pairs?.first(where: { $0.key == "skus" })?.keyMark {
            report("`product.skus` splits the purchase orders, but the scenario has no `inventory` section", at: mark,
                   hint: "add `inventory:` with its `lead_time`, or remove `skus`")
        }
        if demandSection != nil, marketSection == nil, (channels ?? []).isEmpty, let pair = root.pairs?.first(where: { $0.key == "demand" }) {
            report("`demand` spreads a market size over time, but the scenario has neither `market` nor `channels`",
                   at: pair.keyMark, hint: "add a `market` or `channels` section, or remove `demand`")
        }
        if let sellBy = demand?.sellBy, let horizon, let launchDate, let mark = marks["demand.sell_by"] {
            let end = launchDate.adding(days: horizon.days(from: launchDate) - 1)
            if sellBy <= launchDate || sellBy > end {
                report("`sell_by` (\(sellBy)) must fall after launch (\(launchDate)) and within the horizon (its last day is \(end))", at: mark,
                       hint: "give the last day of the selling season, or lengthen `market.horizon` to hold it")
            }
        }
        if let repurchase = product?.repurchase, let horizon, let launchDate {
            // Each week of the horizon sums a term per repeat date before it, in every trial.
            let days = horizon.days(from: launchDate), interval = max(1, repurchase.interval.days(from: launchDate))
            let weeks = (days + 6) / 7, repeats = days / interval
            if weeks * repeats > Limits.repeatTerms {
                report("""
                    `product.repurchase.interval` (\(interval) days) repeats \(repeats) times over the \(weeks)-week horizon: more \
                    than gtm plans (\(Limits.repeatTerms) weeks × repeats)
                    """, at: marks["product.repurchase.interval"] ?? marks["product.repurchase"] ?? Mark(line: 1, column: 1),
                       hint: "give the interval in weeks or months (a refill rarely comes more than weekly), or shorten `market.horizon`")
            }
        }
        guard let product, let launchDate, let settings, let curve, let horizon, diagnostics.isEmpty else { return nil }
        return Scenario(settings: settings, product: product, launch: .init(date: launchDate), market: market,
                        channels: channels, demand: demand, inventory: inventory, pilot: pilot, ads: ads, actuals: actuals, cash: cash,
                        crowdfunding: crowdfunding, kol: kol, seedReviews: seedReviews, leverSections: leverSections, curve: curve, horizon: horizon,
                        promotions: promotions, optimize: optimize, inputs: inputsInSchemaOrder, variantNames: variants)
    }

    /// The inputs read, by section in schema order; within a section, in reading order; each
    /// once (`market.horizon` is read by the market and by the demand curve).
    var inputsInSchemaOrder: [InputRecord] {
        let sections = Schema.children(of: "").map(\.key)
        var seen = Set<String>()
        let ranked = inputs.filter { seen.insert($0.path).inserted }.enumerated().map { offset, record in
            let top = String(record.path.prefix { $0 != "." && $0 != "[" })
            return (rank: sections.firstIndex(of: top) ?? sections.count, offset: offset, record: record)
        }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.record)
    }

    /// Checks the shape of `what_if` and the paths it names; returns the variant names.
    mutating func variantNames() -> [String] {
        guard let pair = root.pairs?.first(where: { $0.key == "what_if" }) else { return [] }
        guard let variants = pair.value.pairs else {
            report("`what_if` holds named variants, each a set of `path: value` lines", at: pair.value.mark,
                   hint: "e.g. `what_if:` then `  pessimistic:` then `    market.obtainable: 1%`")
            return []
        }
        for variant in variants {
            guard let overrides = variant.value.pairs else {
                report("the variant `\(variant.key)` is a set of `path: value` lines", at: variant.value.mark,
                       hint: "e.g. `    market.obtainable: 1%`, indented under `\(variant.key):`")
                continue
            }
            for override in overrides {
                do {
                    _ = try OverridePath(override.key, at: override.keyMark)
                } catch {
                    diagnostics.append(error)
                }
                if override.value.scalar == nil {
                    report("`\(override.key)` in the variant `\(variant.key)` needs a value", at: override.keyMark,
                           hint: "write `\(override.key): value` on one line")
                }
            }
        }
        return variants.map(\.key)
    }
}
