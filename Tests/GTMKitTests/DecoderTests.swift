import Foundation
import Testing
@testable import GTMKit

/// Decodes `text` as the file `t.txt`, applying `sets` as `--set` arguments, with the data files
/// it names attached (`attachData`).
func decode(_ text: String, sets: [String] = [], variant: String? = nil, files: [String: String] = [:]) throws(ScenarioError) -> Scenario {
    var document = try Document.parse(name: "t.txt", bytes: Array(text.utf8))
    if let variant { _ = try document.applyVariant(variant) }
    for argument in sets { try document.set(argument) }
    attachData(&document, files: files)
    return try document.decode()
}

/// Attaches the data files `document` names (analogs, actuals), as the command line does: from
/// `files` (path → CSV text), else from the examples' folder `Scenarios/`.
func attachData(_ document: inout Document, files: [String: String] = [:]) {
    for reference in document.dataReferences {
        if let body = files[reference.path] {
            document.attach(reference, name: reference.path, bytes: Array(body.utf8))
        } else if let data = FileManager.default.contents(atPath: GTMProcess.root.appendingPathComponent("Scenarios/" + reference.path).path) {
            document.attach(reference, name: reference.path, bytes: Array(data))
        }
    }
}

/// The diagnostics of `text` as `line:col: message`.
func errors(_ text: String, sets: [String] = []) -> [String] {
    do {
        _ = try decode(text, sets: sets)
        return []
    } catch {
        return error.diagnostics.map { "\($0.mark.line):\($0.mark.column): \($0.message)" }
    }
}

let minimal = """
product:
  name: Lamp
  price: 399
  unit_cost: 120
launch:
  date: 2027-03-15

"""

/// A scenario that sets every key of the schema once.
let everyKey = """
scenario:
  name: Every key
  as_of: 2026-11-01
  currency: CNY
  language: en
  trials: 2000
  seed: 7
product:
  name: Lamp
  price: 399
  unit_cost: 120
  salvage: 60
  fixed_costs: 80k
  fixed_costs_due: 2027-01-05
  target_margin: 55%
  launch_price: 359
  launch_price_weeks: 3 weeks
  repurchase:
    interval: 4 months
    share: 40%
    subscription: 5%
    subscription_price: 349
  skus:
    - name: White
      share: 60%
    - name: Walnut
      share: 40%
      unit_cost: 130
      moq: 500
launch:
  date: 2027-03-15
market:
  population: 12M
  purchases_per_year: 1
  serviceable: 30%
  obtainable: 1%
  horizon: 12 months
channels:
  - name: Tmall
    reach: 2M
    conversion: 0.8%
    fee: 6%
    fulfillment: 4
    returns: 10%
    settlement: 14 days
    share: 100%
demand:
  p: 0.03
  q: 0.38
  launch_boost: 5%
  shape: bass
  half_life: 8 weeks
  events:
    - name: Summer sale
      date: 2027-06-18
      lift: 1.8
      start: 2027-06-01
      channels:
        - Tmall
  season:
    jan: 0.8
    feb: 0.8
    mar: 1
    apr: 1
    may: 1
    jun: 1.2
    jul: 1.2
    aug: 1
    sep: 1
    oct: 1
    nov: 1.5
    dec: 1.5
  sell_by: 2028-03-01
  elasticity: -1.5
  reference_price: 399
inventory:
  lead_time: 8 weeks
  coverage: 10 weeks
  service_level: 90%
  forecast: 5000
  forecast_sd: 1500
  forecast_cv: 30%
  moq: 1000
  case_pack: 12
  pallet: 1200
  deposit: 30%
  freight: 5 days
promotions:
  - name: Double 11
    start: 2027-11-01
    end: 2027-11-11
    discount: 15%
    channels: Tmall
    deposit: 50
    deposit_date: 2027-10-24
  - name: Year-end
    start: 2027-12-20
    end: 2027-12-31
    price: 349
cash:
  on_hand: 500k
email:
  - name: Launch newsletter
    list: 20k
    date: 2027-03-15
    open_rate: 30%
    click_rate: 5%
    conversion: 4%
    cost_per_send: 0.002
ads:
  - name: Launch push
    platform: meta
    budget: 20k
    start: 2027-03-01
    duration: 3 weeks
    cpm: 60
    cpc: 2
    click_rate: 1%
    conversion: 3%
crowdfunding:
  platform: modian
  start: 2027-01-10
  duration: 30 days
  email_list: 8000
  list_conversion: 5%
  reservations: 600
  reservation_conversion: 40%
  organic_share: 20%
  dropped_pledges: 5%
  funding: all_or_nothing
  add_on_share: 20%
  add_on_value: 39
  pledge_manager: 8%
  payout_first: 70%
  platform_fee: 6%
  payment_fee: 1%
  payment_fixed: 0
  fulfillment_lead: 8 weeks
  payout_delay: 21 days
  shipping: 12
  shipping_charged: no
  min_chance: 80%
  cost_per_lead: 2.5
  tiers:
    - name: Early bird
      price: 279
      limit: 300
      units: 1
    - name: Standard
      price: 299
      share: 100%
kol:
  budget: 120k
  tiers:
    - tier: mid
      count: 4
      fee: 12k
      followers: 150k
      engagement: 3%
      view_rate: 25%
      click_rate: 2%
      conversion: 3%
      lead_time: 8 weeks
      platform: douyin
      acceptance: 60%
      commission: 10%
  roster:
    - name: Lamp Lady
      platform: xiaohongshu
      followers: 80k
      fee: 8k
      engagement: 4%
      acceptance: 80%
      commission: 5%
  publish_window: 2 weeks
  upfront: 50%
  platform: xiaohongshu
  objective: buyers
pilot:
  ready: 2027-01-20
  unit_cost: 160
  extra: 12
seed_reviews:
  target: 30
  review_rate: 35%
  recruit: 14 days
  shipping: 7 days
  trial: 14 days
  buffer: 7 days
  live_by: 2027-03-01
optimize:
  free:
    kol.budget: 0 to 400k
    crowdfunding.run: yes or no
  objective: profit
  cost_of_capital: 12%
  max_peak_need: 2M
  max_marketing: 500k
  min_fill_rate: 90%
  max_shortfall_chance: 10%
  credit: 100k
  trials: 2000
what_if:
  pessimistic:
    market.obtainable: 0.5%

"""

@Suite struct DecoderTests {
    @Test func everySchemaKeyIsReadByTheDecoder() throws {
        let scenario = try decode(everyKey)
        let read = Set(scenario.inputs.map { Schema.schemaPath($0.path) })
        // The data-file keys (`demand.analogs`, `actuals`) are read in LearningFromDataTests.
        let values = Schema.fields.filter { $0.valueKind != nil && !["include", "demand.analogs", "actuals"].contains($0.path) }.map(\.path)
        #expect(values.filter { !read.contains($0) } == [])
        #expect(scenario.settings.trials == 2000)
        #expect(scenario.inventory?.terms.casePack == 12)
        #expect(scenario.crowdfunding?.tiers.first?.limit == 300)
        #expect(scenario.kol?.roster.first?.followers == 80_000)
        #expect(scenario.seedReviews?.liveBy == CivilDate(year: 2027, month: 3, day: 1))
        #expect(scenario.variantNames == ["pessimistic"])
    }

    @Test func defaultsFillAbsentKeys() throws {
        let scenario = try decode(minimal + "market:\n  population: 1M\n  serviceable: 10%\n  obtainable: 2%\n")
        #expect(scenario.settings.currency == "CNY")
        #expect(scenario.settings.trials == nil)   // automatic: chosen for the decisions' precision
        #expect(scenario.settings.seed == 1)
        #expect(scenario.settings.name == "Lamp")
        #expect(scenario.market?.purchasesPerYear.value == 1)
        #expect(scenario.market?.horizon == .months(12))
        #expect(scenario.product.salvage.value == 0)
        #expect(scenario.channels == nil)
    }

    @Test func allErrorsOfAFileAreReportedTogether() {
        let text = """
        product:
          name: Lamp
          price: -1
          unit_cost: cheap
        launch:
          date: 2027-02-30
        market:
          population: 1M
          serviceable: 30
          obtainable: 1%
          horizn: 6 months

        """
        #expect(errors(text) == [
            "3:10: `price` must be 0 or more, not -1 CNY",
            "4:14: `unit_cost` is an amount of money, not `cheap`",
            "6:17: 2027-02-30 is not a date: February 2027 has 28 days",
            "9:16: `serviceable` is a share; write 30% or 0.3, not 30",
            "11:3: unknown key `horizn` in `market`",
        ])
    }

    @Test func emptyFileNamesTheRequiredSections() {
        #expect(errors("") == ["1:1: a scenario needs the sections `product` and `launch`"])
    }

    @Test func aSectionInErrorIsNotAlsoMissing() {
        // The market's error is the only one: the batch's demand source is written, not absent.
        let market = "market:\n  population: 1M\n  purchases_per_year: 1\n  serviceable: 50%\n  obtainable: 7\n"
        #expect(errors(minimal + market + "inventory:\n  lead_time: 6 weeks\n")
            == ["\(minimal.split(separator: "\n").count + 5):15: `obtainable` is a share; write 7% or 0.07, not 7"])
        #expect(errors(minimal + "inventory:\n  lead_time: 6 weeks\n").last?.hasSuffix("the first batch needs a demand to cover") == true)
        // An empty `channels:` is no demand source either.
        #expect(errors(minimal + "channels:\ninventory:\n  lead_time: 6 weeks\n").contains { $0.hasSuffix("the first batch needs a demand to cover") })
    }

    @Test func missingRequiredKeysAreNamed() {
        #expect(errors("product:\n  name: Lamp\n  price: 399\nlaunch:\n  date: 2027-03-15\n")
            == ["1:1: `product` is missing `unit_cost`"])
    }

    @Test func aRangeWrittenAsOtherToolsWriteItSaysHowToWriteOne() {
        // `0.5%..1.5%` had said "`0.5%..1.5` is not a number"; the error points at the separator (column 19).
        let text = minimal + "market:\n  population: 1M\n  serviceable: 10%\n  obtainable: 0.5%..1.5%\n"
        #expect(errors(text) == ["10:19: `0.5%..1.5%` looks like a range"])
        var hint: String?
        do { _ = try decode(text) } catch { hint = error.diagnostics.first?.hint }
        #expect(hint == "write a range as `low to high`, e.g. 2% to 5%")
    }

    @Test func aKeyInTheWrongSectionSaysWhereItBelongs() throws {
        let text = minimal + "market:\n  population: 1M\n  serviceable: 10%\n  obtainable: 2%\n  lead_time: 8 weeks\n"
        var hint: String?
        do { _ = try decode(text) } catch { hint = error.diagnostics.first?.hint }
        #expect(hint == "`lead_time` is a key of `inventory`; the keys of `market` are: population, purchases_per_year, serviceable, obtainable, horizon")
        // A key that is a section of its own says so (it had said "it belongs in ``").
        var sectionHint: String?
        do { _ = try decode(minimal + "market:\n  population: 1M\n  serviceable: 10%\n  obtainable: 2%\n  channels: x\n") } catch {
            sectionHint = error.diagnostics.first?.hint
        }
        #expect(sectionHint?.hasPrefix("`channels` is a section of its own, at the top level;") == true)
    }

    @Test func typesComeFromTheSchemaNotTheText() throws {
        // `no` and `2027-03-15` stay text in a text key.
        let scenario = try decode(minimal.replacingOccurrences("name: Lamp", with: "name: no"))
        #expect(scenario.product.name == "no")
    }

    @Test func salvageAtOrAboveCostIsAnErrorThatSaysWhy() {
        let text = minimal.replacingOccurrences("unit_cost: 120", with: "unit_cost: 120\n  salvage: 150")
        #expect(errors(text) == ["5:12: `salvage` (150) must be below `unit_cost` (120)"])
    }

    @Test func setOverridesAreTypedLikeTheFile() throws {
        let withMarket = minimal + "market:\n  population: 1M\n  serviceable: 10%\n  obtainable: 2%\n"
        let scenario = try decode(withMarket, sets: ["product.price=299", "market.population=2M", "demand.p=0.05"])
        #expect(scenario.demand?.p.value == 0.05)   // a section without required keys may be added
        #expect(scenario.product.price.value == 299)
        #expect(scenario.market?.population.value == 2_000_000)
        #expect(scenario.inputs.first { $0.path == "product.price" }?.origin == .override("--set"))
        // A bad value points into the argument: `product.price=` is 14 characters.
        do {
            _ = try decode(minimal, sets: ["product.price=cheap"])
            Issue.record("expected an error")
        } catch {
            let diagnostic = try #require(error.diagnostics.first)
            #expect(diagnostic.message == "`price` is an amount of money, not `cheap`")
            #expect(diagnostic.mark.column == 15)
            #expect(diagnostic.rendered(with: error.sources).hasPrefix("--set:1:15: error: `price` is an amount of money, not `cheap`"))
        }
    }

    @Test func setPathsAreCheckedAgainstTheSchema() {
        #expect(errors(minimal, sets: ["product.prize=3"]) == ["1:9: `prize` in `product.prize` is not a key of `product`"])
        #expect(errors(minimal, sets: ["crowdfunding.tiers.price=3"])
            == ["1:19: `crowdfunding.tiers` is a list; pick an item by position or name"])
        // A valid path into an absent section with required keys: the override cannot add the section.
        #expect(errors(minimal, sets: ["market.obtainable=2%"])
            == ["1:1: `--set` sets `market.obtainable`, but the scenario has no `market` section"])
    }

    @Test func listItemsByIndexOrName() throws {
        let text = minimal + "channels:\n  - name: Tmall\n    reach: 1M\n    conversion: 1%\n  - name: JD\n    reach: 2M\n    conversion: 2%\n"
        let scenario = try decode(text, sets: ["channels[1].reach=3M", "channels[Tmall].conversion=5%"])
        #expect(scenario.channels?[1].reach.value == 3_000_000)
        #expect(scenario.channels?[0].conversion.value == 0.05)
        #expect(errors(text, sets: ["channels[2].reach=1"]).first?.hasSuffix("it has 2 items)") == true)
        #expect(errors(text, sets: ["channels[Tmal].reach=1"]) == ["1:10: `channels` has no item with name `Tmal`"])
    }

    @Test func variantsChangeExactlyWhatTheyName() throws {
        let base = try decode(everyKey)
        let variant = try decode(everyKey, variant: "pessimistic")
        #expect(variant.market?.obtainable.value == 0.005)
        let changed = zip(base.inputs, variant.inputs).filter { $0.text != $1.text }.map(\.0.path)
        #expect(changed == ["market.obtainable"])
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
