/// The list sends of a plan with their numbers (the base case's evaluation).
struct EmailPlan: LeverResult, Equatable {
    struct Send: Sendable, Equatable {
        var name: String
        var date: CivilDate
        var list: Double
        var openRate: Double
        var clickRate: Double
        var conversion: Double
        var opens: Double
        var clicks: Double
        var buyers: Double
        var cost: Double
    }

    var sends: [Send]
}

/// List sends (see the Models article, "List sends"): a send's buyers are its recipients × open rate ×
/// click rate (of opens) × conversion (of clicks); they arrive from its date, halving every 12
/// hours, so that about three quarters arrive within a day (MailerMailer, 1.4 billion emails of
/// 2012: 78.9% of opens in the first 24 hours; Experian 76–78%); those of a send before launch
/// buy on launch day. A send costs its recipients × `cost_per_send`, paid on its date.
final class EmailModel: Lever {
    struct Send: Sendable {
        let name: String
        let date: CivilDate
        /// Days after launch.
        let day: Double
        let list: Int, open: Int, click: Int, conversion: Int, costPerSend: Int
    }

    let sends: [Send]
    /// Half of a send's buyers arrive within this many days of it.
    static let halfLifeDays = 0.5

    static func make(_ context: inout LeverContext) -> EmailModel? {
        guard let section = context.scenario.section(EmailSends.self) else { return nil }
        let launch = context.scenario.launch.date
        var sends: [Send] = []
        for (index, send) in section.sends.enumerated() {
            func bind(_ quantity: Quantity, _ key: String) -> Int {
                context.inputs.bind(quantity, list: "email", index: index, name: send.name, key: key)
            }
            sends.append(Send(name: send.name, date: send.date, day: Double(launch.days(to: send.date)),
                              list: bind(send.list, "list"), open: bind(send.openRate, "open_rate"),
                              click: bind(send.clickRate, "click_rate"), conversion: bind(send.conversion, "conversion"),
                              costPerSend: bind(send.costPerSend, "cost_per_send")))
        }
        return EmailModel(sends: sends)
    }

    init(sends: [Send]) { self.sends = sends }

    static var outputs: [Output] { Output.emailOutputs }
    static var demandComponent: Output { .emailUnits }
    var spend: [Output] { [.emailCost] }
    /// Each send's buyers.
    var scratchCount: Int { sends.count }
    var sources: [BuyerSource] {
        sends.indices.map { BuyerSource(arrival: Arrival(start: sends[$0].day, shape: .decay(halfLife: Self.halfLifeDays)),
                                        buyers: $0, toCampaign: false) }
    }
    var paymentDays: [Int] { sends.map(\.date.daysSinceEpoch) }

    /// Opens, clicks and buyers of one send.
    @inline(__always)
    static func metrics(list: Double, open: Double, click: Double, conversion: Double) -> (opens: Double, clicks: Double, buyers: Double) {
        let opens = list * open
        let clicks = opens * click
        return (opens, clicks, clicks * conversion)
    }

    @inline(__always)
    func run(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>) {
        var cost = 0.0, recipients = 0.0, clicks = 0.0, buyers = 0.0
        for (index, send) in sends.enumerated() {
            let m = Self.metrics(list: v[send.list], open: v[send.open], click: v[send.click], conversion: v[send.conversion])
            scratch[index] = m.buyers
            cost += v[send.list] * v[send.costPerSend]
            recipients += v[send.list]
            clicks += m.clicks
            buyers += m.buyers
        }
        ws[.emailCost] = cost
        ws[.emailRecipients] = recipients
        ws[.emailClicks] = clicks
        ws[.emailBuyers] = buyers
        ws[.emailCostPerBuyer] = buyers > 0 ? cost / buyers : .nan
    }

    /// Each send's cost on its date.
    @inline(__always)
    func pay(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions, _ book: inout CashBook) {
        for send in sends { book.pay(v[send.list] * v[send.costPerSend], on: send.date.daysSinceEpoch, .emailSends) }
    }

    func result(_ v: Registers, _ ws: Workspace, _ scratch: UnsafeMutablePointer<Double>, _ d: Decisions) -> any LeverResult {
        EmailPlan(sends: sends.map { send in
            let m = Self.metrics(list: v[send.list], open: v[send.open], click: v[send.click], conversion: v[send.conversion])
            return EmailPlan.Send(name: send.name, date: send.date, list: v[send.list], openRate: v[send.open],
                                  clickRate: v[send.click], conversion: v[send.conversion], opens: m.opens, clicks: m.clicks,
                                  buyers: m.buyers, cost: v[send.list] * v[send.costPerSend])
        })
    }
}

extension CashFlow.Item {
    static let emailSends = CashFlow.Item("email_sends", rank: 16, "List sends (email, SMS, 私域)", "私域/邮件/短信群发")
}

// MARK: Outputs

extension Output.Section {
    /// List sends (`EmailModel`).
    static let email = Output.Section("email")
}

extension Output {
    /// The sends' buyers in demand (the demand section's block).
    static let emailUnits = Output(58, .demand, "email_units", "Buyers from list sends", "私域/邮件群发带来的买家", .count, ranged: true)
    static let emailCost = Output(600, .email, "cost", "List sends' cost", "群发成本", .money, ranged: true, compared: true)
    static let emailRecipients = Output(601, .email, "recipients", "Recipients of the sends", "群发收件人数", .count, ranged: true)
    static let emailClicks = Output(602, .email, "clicks", "Clicks from the sends", "群发带来的点击", .count, ranged: true)
    static let emailBuyers = Output(603, .email, "buyers", "Buyers from list sends", "群发带来的买家", .count, ranged: true,
                                    compared: true)
    static let emailCostPerBuyer = Output(604, .email, "cost_per_buyer", "Cost per buyer of the sends", "群发每位买家成本", .money)

    /// The section's outputs, in the order the report and the JSON list them (and its part of demand).
    static let emailOutputs: [Output] = [.emailUnits, .emailCost, .emailRecipients, .emailClicks, .emailBuyers, .emailCostPerBuyer]
}
