/// The typed reading of each section. Reads go through the schema, so a key
/// read here and missing from the table is a programming error a test catches.
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
        var market: Scenario.Market?
        if let section = section("market", in: nil) { market = self.market(section) }
        var channels: [Scenario.Channel]?
        if let items = list("channels", in: nil) {
            channels = []
            for item in items { channels?.append(channel(item)) }
        }
        var demand: Scenario.Demand?
        if let section = section("demand", in: nil) { demand = self.demand(section) }
        var inventory: Scenario.Inventory?
        if let section = section("inventory", in: nil) { inventory = self.inventory(section) }
        var crowdfunding: Scenario.Crowdfunding?
        if let section = section("crowdfunding", in: nil) { crowdfunding = self.crowdfunding(section) }
        var kol: Scenario.KOL?
        if let section = section("kol", in: nil) { kol = self.kol(section) }
        var seedReviews: Scenario.SeedReviews?
        if let section = section("seed_reviews", in: nil) { seedReviews = self.seedReviews(section) }
        let variants = variantNames()
        checkDemandSource(inventory: inventory, hasMarket: market != nil, hasChannels: !(channels ?? []).isEmpty)
        if demand != nil, market == nil, (channels ?? []).isEmpty, let pair = root.pairs?.first(where: { $0.key == "demand" }) {
            report("`demand` spreads a market size over time, but the scenario has neither `market` nor `channels`",
                   at: pair.keyMark, hint: "add a `market` or `channels` section, or remove `demand`")
        }
        guard let product, let launchDate, let settings, diagnostics.isEmpty else { return nil }
        return Scenario(settings: settings, product: product, launch: .init(date: launchDate), market: market,
                        channels: channels, demand: demand, inventory: inventory,
                        crowdfunding: crowdfunding, kol: kol, seedReviews: seedReviews,
                        inputs: inputsInSchemaOrder, variantNames: variants)
    }

    /// The inputs read, by section in schema order; within a section, in reading order.
    var inputsInSchemaOrder: [InputRecord] {
        let sections = Schema.children(of: "").map(\.key)
        let ranked = inputs.enumerated().map { offset, record in
            let top = String(record.path.prefix { $0 != "." && $0 != "[" })
            return (rank: sections.firstIndex(of: top) ?? sections.count, offset: offset, record: record)
        }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.record)
    }

    /// Reads `scenario.currency` first: every amount in the file is checked against it.
    mutating func readCurrency(_ section: Section?) {
        guard let section else {
            inputs.append(InputRecord(path: "scenario.currency", text: "CNY", origin: .defaulted, isUncertain: false))
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
        var settings = Scenario.Settings(name: productName, asOf: nil, currency: currency, language: .en,
                                         trials: 10_000, seed: 1)
        guard let section else { return settings }
        settings.name = text("name", in: section) ?? productName
        settings.asOf = date("as_of", in: section)
        settings.language = text("language", in: section).flatMap(Scenario.Language.init(rawValue:)) ?? .en
        settings.trials = integer("trials", in: section) ?? 10_000
        settings.seed = quantity("seed", in: section).map { UInt64($0.value) } ?? 1
        return settings
    }

    mutating func product(_ section: Section) -> Scenario.Product? {
        let name = text("name", in: section)
        let price = quantity("price", in: section)
        let unitCost = quantity("unit_cost", in: section)
        let salvage = quantity("salvage", in: section) ?? Quantity(0)
        let fixedCosts = quantity("fixed_costs", in: section) ?? Quantity(0)
        let targetMargin = quantity("target_margin", in: section)
        if let unitCost, salvage.value >= unitCost.value, unitCost.value > 0 || salvage.value > 0 {
            report("`salvage` (\(Format.shortest(salvage.value))) must be below `unit_cost` (\(Format.shortest(unitCost.value)))",
                   at: marks["product.salvage"] ?? section.mark,
                   hint: "an unsold unit worth its cost makes overstock free, so the first batch would have no limit; write the clearance value of an unsold unit")
        }
        guard let name, let price, let unitCost else { return nil }
        return .init(name: name, price: price, unitCost: unitCost, salvage: salvage, fixedCosts: fixedCosts,
                     targetMargin: targetMargin)
    }

    mutating func market(_ section: Section) -> Scenario.Market {
        .init(population: quantity("population", in: section) ?? Quantity(0),
              purchasesPerYear: quantity("purchases_per_year", in: section) ?? Quantity(1),
              serviceable: quantity("serviceable", in: section) ?? Quantity(0),
              obtainable: quantity("obtainable", in: section) ?? Quantity(0),
              horizon: period("horizon", in: section) ?? .months(12))
    }

    mutating func channel(_ section: Section) -> Scenario.Channel {
        .init(name: text("name", in: section) ?? "",
              reach: quantity("reach", in: section) ?? Quantity(0),
              conversion: quantity("conversion", in: section) ?? Quantity(0))
    }

    mutating func demand(_ section: Section) -> Scenario.Demand {
        .init(p: quantity("p", in: section) ?? Quantity(0.03),
              q: quantity("q", in: section) ?? Quantity(0.38),
              launchBoost: quantity("launch_boost", in: section))
    }

    mutating func inventory(_ section: Section) -> Scenario.Inventory {
        let leadTime = period("lead_time", in: section) ?? .days(0)
        let coverage = period("coverage", in: section)
        if coverage == nil {
            inputs.append(InputRecord(path: "inventory.coverage", text: leadTime.description, origin: .defaulted,
                                      isUncertain: false))
        }
        let forecast = quantity("forecast", in: section)
        let forecastSD = quantity("forecast_sd", in: section)
        if forecastSD != nil, forecast == nil {
            report("`forecast_sd` needs `forecast`", at: marks["inventory.forecast_sd"] ?? section.mark,
                   hint: "give your forecast of the window's demand too, or remove `forecast_sd` to use the curve")
        }
        return .init(leadTime: leadTime, coverage: coverage ?? leadTime,
                     serviceLevel: quantity("service_level", in: section)?.value,
                     forecast: forecast, forecastSD: forecastSD,
                     forecastCV: quantity("forecast_cv", in: section) ?? Quantity(0.3),
                     moq: integer("moq", in: section) ?? 0,
                     casePack: integer("case_pack", in: section) ?? 1)
    }

    /// The first batch needs a demand: a forecast, or a market or channels to draw the curve from.
    mutating func checkDemandSource(inventory: Scenario.Inventory?, hasMarket: Bool, hasChannels: Bool) {
        guard let inventory, inventory.forecast == nil, !hasMarket, !hasChannels,
              let pair = root.pairs?.first(where: { $0.key == "inventory" }) else { return }
        report("the first batch needs a demand to cover", at: pair.keyMark,
               hint: "add `forecast:` to `inventory`, or a `market` or `channels` section to draw the sales curve from")
    }

    mutating func crowdfunding(_ section: Section) -> Scenario.Crowdfunding? {
        let platform = text("platform", in: section).flatMap(Scenario.Platform.init(rawValue:))
        let start = date("start", in: section)
        var tiers: [Scenario.PledgeTier] = []
        for item in list("tiers", in: section) ?? [] {
            tiers.append(Scenario.PledgeTier(name: text("name", in: item) ?? "",
                                             price: quantity("price", in: item) ?? Quantity(0),
                                             limit: integer("limit", in: item),
                                             units: integer("units", in: item) ?? 1))
        }
        if tiers.isEmpty, let pair = section.node.pairs?.first(where: { $0.key == "tiers" }) {
            report("`crowdfunding.tiers` has no items", at: pair.keyMark, hint: "add at least one `- name: …` with its `price`")
        }
        var result = Scenario.Crowdfunding(
            platform: platform ?? .other, start: start ?? CivilDate(daysSinceEpoch: 0),
            duration: period("duration", in: section) ?? .days(30),
            emailList: quantity("email_list", in: section) ?? Quantity(0),
            listConversion: quantity("list_conversion", in: section) ?? Quantity(0.05),
            reservations: quantity("reservations", in: section) ?? Quantity(0),
            reservationConversion: quantity("reservation_conversion", in: section) ?? Quantity(0.35),
            organicShare: quantity("organic_share", in: section) ?? Quantity(0),
            droppedPledges: quantity("dropped_pledges", in: section) ?? Quantity(0.05),
            platformFee: quantity("platform_fee", in: section),
            paymentFee: quantity("payment_fee", in: section),
            paymentFixed: quantity("payment_fixed", in: section),
            fulfillmentLead: period("fulfillment_lead", in: section),
            tiers: tiers)
        if let platform { checkFees(&result, platform: platform, section: section) }
        guard platform != nil, start != nil else { return nil }
        return result
    }

    /// Fills the platform's published fees, or reports the ones the user must give.
    mutating func checkFees(_ campaign: inout Scenario.Crowdfunding, platform: Scenario.Platform, section: Section) {
        let mark = marks["crowdfunding.platform"] ?? section.mark
        guard let fees = PlatformFees.published(platform) else {
            let missing = [campaign.platformFee == nil ? "platform_fee" : nil,
                           campaign.paymentFee == nil ? "payment_fee" : nil].compactMap { $0 }
            if !missing.isEmpty {
                report("`\(platform.rawValue)` has no published fees, so `crowdfunding` must give \(missing.map { "`\($0)`" }.joined(separator: " and "))",
                       at: mark, hint: "ask the platform for its rates and add e.g. `platform_fee: 5%` and `payment_fee: 2%`")
            }
            return
        }
        if campaign.paymentFixed == nil, fees.fixed > 0, fees.fixedCurrency != currency {
            report("\(platform.rawValue)'s per-pledge fee is \(Format.shortest(fees.fixed)) \(fees.fixedCurrency), but the scenario is in \(currency)",
                   at: mark, hint: "gtm holds no exchange rates: add `payment_fixed:` in \(currency) to `crowdfunding`")
        }
    }

    mutating func kol(_ section: Section) -> Scenario.KOL {
        var tiers: [Scenario.KOLTier] = []
        for item in list("tiers", in: section) ?? [] {
            tiers.append(Scenario.KOLTier(tier: text("tier", in: item) ?? "",
                                          count: integer("count", in: item) ?? 0,
                                          fee: quantity("fee", in: item) ?? Quantity(0),
                                          followers: quantity("followers", in: item) ?? Quantity(0),
                                          engagement: quantity("engagement", in: item),
                                          viewRate: quantity("view_rate", in: item),
                                          clickRate: quantity("click_rate", in: item),
                                          conversion: quantity("conversion", in: item),
                                          leadTime: period("lead_time", in: item)))
        }
        var roster: [Scenario.Candidate] = []
        for item in list("roster", in: section) ?? [] {
            roster.append(Scenario.Candidate(name: text("name", in: item) ?? "",
                                             platform: text("platform", in: item),
                                             followers: quantity("followers", in: item)?.value ?? 0,
                                             fee: quantity("fee", in: item)?.value ?? 0,
                                             engagement: quantity("engagement", in: item)?.value))
        }
        if tiers.isEmpty, roster.isEmpty {
            report("`kol` needs `tiers` (planned slots) or a `roster` (candidates to choose from)", at: section.mark,
                   hint: "add `tiers:` with `- tier: mid` items, or `roster:` with `- name: …` items")
        }
        return .init(budget: quantity("budget", in: section), tiers: tiers, roster: roster,
                     publishWindow: period("publish_window", in: section) ?? .weeks(2))
    }

    mutating func seedReviews(_ section: Section) -> Scenario.SeedReviews {
        .init(target: integer("target", in: section) ?? 0,
              reviewRate: quantity("review_rate", in: section) ?? Quantity(0.35),
              recruit: period("recruit", in: section) ?? .days(14),
              shipping: period("shipping", in: section) ?? .days(7),
              trial: period("trial", in: section) ?? .days(14),
              buffer: period("buffer", in: section) ?? .days(7),
              liveBy: date("live_by", in: section))
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
