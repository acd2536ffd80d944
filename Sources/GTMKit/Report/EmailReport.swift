/// List sends in the reports: the decision line, the section with each send's funnel, and the
/// JSON object (`email`: cost, buyers and each send's, outputs.md).
extension EmailPlan: LeverReport {
    func decision(_ report: MarkdownReport) -> String {
        let first = sends.map(\.date).min().map(report.style.longDate) ?? ""
        let count = sends.count
        let recipients = report.style.count(sends.reduce(0) { $0 + $1.list })
        return report.t("""
            **List sends:** \(count) send\(count == 1 ? "" : "s") from \(first) to \(recipients) recipients in all, bringing about \
            \(report.value(.emailBuyers)) buyers (\(report.value(.emailCost))).
            """,
                        "**群发**：自 \(first) 起共 \(count) 次，合计 \(recipients) 位收件人，预计带来约 \(report.value(.emailBuyers)) 位买家（\(report.value(.emailCost))）。")
    }

    func markdown(_ report: MarkdownReport) -> String {
        let style = report.style
        var parts = ["## " + report.t("List sends (email, SMS, 私域)", "私域/社群/邮件/短信群发")] + report.pastSectionNote
        parts.append(report.t("""
            Each send's buyers are its recipients × open rate × click rate (of those who open) × conversion (of those who click); they arrive from \
            its date, about three quarters within a day (a send before launch brings its buyers on launch day). Rates a send leaves out are \
            campaign-email averages (Omnisend, 2023: opens 25.1%, clicks 6% of opens, 1 in 20 clickers buy): an SMS or a 私域 group converts \
            differently, so give your own.
            """,
                              """
                              每次群发的买家 = 收件人 × 打开率 × 点击率（打开者中）× 转化率（点击者中）；自发送日起到来，约四分之三在一天内（上市前发送的买家在上市日购买）。未给出的比率取营销邮件的平均值（Omnisend 2023：打开 \
                              25.1%，打开后点击 6%，点击者中二十分之一购买）；短信与私域社群的转化不同，请填写您自己的数据。
                              """))
        let rows = sends.map { send -> [String] in
            [Markdown.escape(send.name), style.date(send.date), style.count(send.list), style.percent(send.openRate),
             style.percent(send.clickRate), style.percent(send.conversion), style.number(send.buyers), style.money(send.cost)]
        } + [["**" + report.t("Total", "合计") + "**", "", report.value(.emailRecipients), "", "", "",
              "**" + report.value(.emailBuyers) + "**", "**" + report.value(.emailCost) + "**"]]
        parts.append(Markdown.table([report.t("Send", "群发"), report.t("Date", "日期"), report.t("Recipients", "收件人"),
                                     report.t("Open", "打开率"), report.t("Click", "点击率"), report.t("Conversion", "转化率"),
                                     report.t("Buyers", "买家"), report.t("Cost", "成本")],
                                    [.left, .left, .right, .right, .right, .right, .right, .right], rows))
        return parts.joined(separator: "\n\n")
    }

    func json(_ report: JSONReport) -> (key: String, value: JSONValue) {
        ("email", report.section(.email, extra: [
            ("sends", .array(sends.map {
                .object([("name", .string($0.name)), ("date", .string($0.date.description)), ("list", .number($0.list)),
                         ("open_rate", .number($0.openRate)), ("click_rate", .number($0.clickRate)),
                         ("conversion", .number($0.conversion)), ("opens", .number($0.opens)), ("clicks", .number($0.clicks)),
                         ("buyers", .number($0.buyers)), ("cost", .number($0.cost))])
            })),
        ]))
    }
}

extension Plan {
    /// The list sends, when the scenario has an `email` section.
    var email: EmailPlan? { lever(EmailPlan.self) }
}
