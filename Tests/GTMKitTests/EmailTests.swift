import Testing
@testable import GTMKit

/// The list-send lever (`EmailModel`): its funnel, when its buyers arrive, what it costs and when.
@Suite struct EmailTests {
    static let sends = minimal + """
    market:
      population: 100k
      serviceable: 10%
      obtainable: 1%
    demand:
      p: 0.03
    cash:
      on_hand: 10k
    email:
      - name: Launch newsletter
        list: 24k
        date: 2027-03-15
        cost_per_send: 0.001
      - name: SMS reminder
        list: 6000
        date: 2027-03-25
        open_rate: 95%
        click_rate: 10%
        conversion: 4%
        cost_per_send: 0.015

    """

    @Test func theFunnelByHand() throws {
        let plan = Planner.plan(try decode(Self.sends))
        let email = try #require(plan.email)
        // 24,000 × 25.1% open × 6% click × 5% buy = 18.072; 6,000 × 95% × 10% × 4% = 22.8.
        #expect(abs(email.sends[0].buyers - 18.072) < 1e-9)
        #expect(abs(email.sends[1].buyers - 22.8) < 1e-9)
        #expect(abs((plan[.emailBuyers] ?? 0) - 40.872) < 1e-9)
        // 24,000 × 0.001 + 6,000 × 0.015 = 24 + 90.
        #expect(plan[.emailCost] == 114)
        #expect(abs((plan[.emailCostPerBuyer] ?? 0) - 114 / 40.872) < 1e-12)
        // They join demand within the horizon, and marketing spend.
        #expect(abs((plan[.emailUnits] ?? 0) - 40.872) < 1e-9)
        #expect(plan[.marketingSpend] == 114)
    }

    /// Buyers arrive from the send, halving every 12 hours, scaled so that all arrive within
    /// 7 half-lives (3.5 days): the launch-day send's all in week 1, the SMS of day 10 all in week 2.
    @Test func buyersArriveAfterEachSend() throws {
        let with = Planner.plan(try decode(Self.sends))
        let without = Planner.plan(try decode(Self.sends.replacingOccurrences(of: "email:", with: "unused:").components(separatedBy: "unused:")[0]))
        let a = try #require(with.demand?.weeks), b = try #require(without.demand?.weeks)
        #expect(abs(a[0].units - b[0].units - 18.072) < 1e-9)
        #expect(abs(a[1].units - b[1].units - 22.8) < 1e-9)
        #expect(abs(a[2].units - b[2].units) < 1e-9)
        // By one day after a send: (1 − 2^−2) ÷ (1 − 2^−7) = 0.755905512 of its buyers.
        let oneDay = DemandModel.fraction(Arrival(start: 0, shape: .decay(halfLife: EmailModel.halfLifeDays)), at: 1)
        #expect(abs(oneDay - 0.75 / 0.9921875) < 1e-12)
    }

    @Test func eachSendIsPaidOnItsDate() throws {
        let plan = Planner.plan(try decode(Self.sends))
        let flow = try #require(plan.cash)
        let paid = flow.ledger.filter { $0.item == .emailSends }
        #expect(paid.map(\.amount) == [24, 90])
        #expect(paid.map { CivilDate(daysSinceEpoch: $0.day) } == [CivilDate(year: 2027, month: 3, day: 15), CivilDate(year: 2027, month: 3, day: 25)])
    }

    @Test func everyFormatHasIt() throws {
        let plan = Planner.plan(try decode(Self.sends))
        #expect(MarkdownReport(plan).render().contains("## List sends (email, SMS, 私域)"))
        #expect(MarkdownReport(plan).render().contains("**List sends:** 2 sends from 15 March 2027 to 30,000 recipients"))
        let json = JSONReport(plan).render()
        #expect(json.contains("\"email\": {") && json.contains("\"sends\": ["))
        #expect(CSVReport(plan).render().contains("base,email,,buyers,Buyers from list sends,40.87,count"))
        #expect(HTMLReport(plan).render().contains("List sends (email, SMS, 私域)"))
    }

    @Test func aSendNeedsItsListAndDate() {
        let found = errors(minimal + "email:\n  - name: Newsletter\n    list: 10k\n")
        #expect(found.contains { $0.contains("is missing `date`") }, "\(found)")
        #expect(Schema.field("email[].open_rate")?.defaultText == "25.1%")
    }
}
