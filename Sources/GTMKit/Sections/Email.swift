/// `email`: list sends (email, SMS, 私域 groups, WeChat official account posts), each a message
/// to a list on a date. The same funnel serves them all: recipients × open rate × click rate ×
/// conversion are a send's buyers. Read as a unit (`LeverSection`); its model is `EmailModel`.
struct EmailSends: LeverSection {
    struct Send: Sendable {
        var name: String
        var list: Quantity
        var date: CivilDate
        var openRate: Quantity
        var clickRate: Quantity
        var conversion: Quantity
        var costPerSend: Quantity
    }

    var sends: [Send]

    /// Defaults for a campaign email to one's own list: Omnisend's 2024 ecommerce report (23
    /// billion marketing emails sent in 2023): open rate 25.1%, click rate 1.5% of those sent
    /// (so 6.0% of opens click: 1.5 ÷ 25.1), and "around 1 in 20 people who click a link in
    /// campaign emails make a purchase" (5%). SMS and 私域 groups convert differently: give
    /// your own rates.
    static let fields: [Field] = [
        Field("email", .list(itemKey: "name"),
              "List sends: email, SMS, 私域 groups, WeChat official account posts; each a message to a list on a date.",
              zh: "私域/社群/邮件/短信群发：每次在某日发给一个名单。"),
        Field("email[].name", .value(.text), example: "Launch-day newsletter", required: true, "Send name.", zh: "群发名称。"),
        Field("email[].list", .value(.count), example: "20k", required: true, "Recipients.", zh: "收件人数。"),
        Field("email[].date", .value(.date), example: "2027-03-15", required: true,
              "Send date; buyers of a send before launch buy on launch day.", zh: "发送日期；上市前发送带来的买家在上市日购买。"),
        Field("email[].open_rate", .value(.share), default: "25.1%",
              "Recipients who open it (Omnisend: campaign emails, 2023).", zh: "打开率（Omnisend：2023 年营销邮件）。"),
        Field("email[].click_rate", .value(.share), default: "6%",
              "Opens that become clicks (click-to-open; Omnisend's 1.5% of those sent ÷ its 25.1% open rate).",
              zh: "打开后点击的比例（Omnisend：点击率 1.5% ÷ 打开率 25.1%）。"),
        Field("email[].conversion", .value(.share), default: "5%",
              "Clicks that become buyers (Omnisend: about 1 in 20 campaign clickers buy).",
              zh: "点击后购买的比例（Omnisend：约二十分之一）。"),
        Field("email[].cost_per_send", .value(.money), default: "0",
              "What one message costs to send (an email service's or SMS gateway's price), paid on the send date.",
              zh: "单条发送成本（邮件服务或短信通道的价格），在发送日支付。"),
    ]

    static func decode(_ decoder: inout ScenarioDecoder, launch: CivilDate?) -> EmailSends? {
        guard let items = decoder.list("email", in: nil) else { return nil }
        var sends: [Send] = []
        var valid = true
        for item in items {
            let name = decoder.text("name", in: item)
            let list = decoder.quantity("list", in: item)
            let date = decoder.date("date", in: item)
            let open = decoder.quantity("open_rate", in: item)
            let click = decoder.quantity("click_rate", in: item)
            let conversion = decoder.quantity("conversion", in: item)
            let cost = decoder.quantity("cost_per_send", in: item)
            guard let name, let list, let date, let open, let click, let conversion, let cost else {
                valid = false
                continue
            }
            sends.append(Send(name: name, list: list, date: date, openRate: open, clickRate: click, conversion: conversion,
                              costPerSend: cost))
        }
        return valid && !sends.isEmpty ? EmailSends(sends: sends) : nil
    }
}
