/// Every milestone in one list, and a Mermaid gantt chart of them.
extension MarkdownReport {
    func timelineSection(_ milestones: [Milestone]) -> String {
        var parts = ["## " + t("Timeline", "时间线")]
        parts.append(gantt(milestones))
        // One row per creator (invitation to post, with the sample's date); every step is in the JSON.
        var rows: [[String]] = []
        // Re-planned on actual sales: what is behind the day after the last week sold says so.
        func status(_ start: CivilDate, _ end: CivilDate) -> String {
            guard let asOf = plan.actuals?.asOf, start < asOf else { return "" }
            return end < asOf ? t(" (past)", "（已过）") : t(" (under way)", "（进行中）")
        }
        for milestone in milestones {
            if milestone.owner == .kol {
                guard milestone.id.hasSuffix(".invite"), let line = kolLine(milestone.id) else { continue }
                let s = line.schedule
                rows.append([style.date(s.invite), style.date(s.publish),
                             Markdown.escape(t("KOL \(line.name): invite → sample \(style.date(s.sampleShipped)) → post",
                                               "KOL \(line.name)：邀约 → \(style.date(s.sampleShipped)) 寄样 → 发布")) + status(s.invite, s.publish),
                             text.ownerName(.kol), Markdown.code(milestone.group + ".*")])
                continue
            }
            rows.append([style.date(milestone.start), milestone.isPoint ? "" : style.date(milestone.end),
                         Markdown.escape(text.milestoneName(milestone)) + status(milestone.start, milestone.end),
                         text.ownerName(milestone.owner), Markdown.code(milestone.id)])
        }
        parts.append(Markdown.table([t("Start", "开始"), t("End", "结束"), t("Milestone", "里程碑"), t("Owner", "负责"), "id"],
                                    [.left, .left, .left, .left, .left], rows))
        return parts.joined(separator: "\n\n")
    }

    /// A `gantt` block: a section per owner, bars for spans, milestones for days, no "today" line
    /// (the chart must not depend on the day it is viewed). A KOL line is one bar, invitation to post.
    func gantt(_ milestones: [Milestone]) -> String {
        let title = t("Launch timeline", "上市时间线") + " — " + plan.scenario.settings.name
        let sections = ganttSections(milestones)
        if svgCharts { return "<figure class=\"chart timeline\">" + SVGChart.gantt(title: title, sections: sections, axis: chartAxis) + "</figure>" }
        let (format, interval) = Self.ganttAxis(sections)
        var lines = ["```mermaid", Self.mermaidInit, "gantt", "    title \(Self.mermaidText(title))",
                     "    dateFormat YYYY-MM-DD", "    axisFormat \(format)", "    tickInterval \(interval)", "    todayMarker off"]
        var number = 0
        for (name, tasks) in sections {
            lines.append("    section \(Self.mermaidText(name))")
            for task in tasks {
                number += 1
                let title = Self.mermaidText(task.title)
                if task.start == task.end {
                    // `crit`: the theme's red (`critBkgColor`), so a day stands out from the spans.
                    lines.append("    \(title) :crit, milestone, m\(number), \(task.start), 0d")
                } else {
                    lines.append("    \(title) :t\(number), \(task.start), \(task.end)")
                }
            }
        }
        lines.append("```")
        return lines.joined(separator: "\n")
    }

    /// The date axis of a gantt chart: ticks a week apart with month-day labels for a span up
    /// to ten weeks, else every N months (`%Y-%m`) so that at most eight labels share the width.
    static func ganttAxis(_ sections: [GanttSection]) -> (format: String, interval: String) {
        let tasks = sections.flatMap(\.tasks)
        guard let first = tasks.map(\.start).min(), let last = tasks.map(\.end).max() else { return ("%m-%d", "1week") }
        let days = first.days(to: last)
        if days <= 70 { return ("%m-%d", "1week") }
        let months = (days + 30) / 30
        return ("%Y-%m", "\(max(1, (months + 7) / 8))month")
    }

    typealias GanttSection = (name: String, tasks: [(title: String, start: CivilDate, end: CivilDate)])

    /// The chart's bars by owner: a KOL line is one bar, invitation to post (grouped by tier
    /// beyond 15 lines); then the ad flights, and the sales events and promotions, which the
    /// milestones do not list but the plan's sales depend on.
    func ganttSections(_ milestones: [Milestone]) -> [GanttSection] {
        ownerSections(milestones) + [
            (t("Ads", "广告投放"), (plan.ads?.flights ?? []).map { ($0.name, $0.start, max($0.start, $0.end.adding(days: -1))) }),
            (t("Sales events and promotions", "大促与促销"),
             (plan.demand?.events ?? []).map { ($0.name, $0.first, $0.last) } + plan.promotions.map { ($0.name, $0.start, $0.end) }),
        ].filter { !$0.1.isEmpty }
    }

    func ownerSections(_ milestones: [Milestone]) -> [GanttSection] {
        Milestone.Owner.allCases.compactMap { owner in
            var tasks: [(title: String, start: CivilDate, end: CivilDate)] = []
            if owner == .kol, let kol = plan.kol {
                let bars = kol.lines.count > 15 ? groupedBars(kol) : kol.lines.map { ($0.name, $0.schedule.invite, $0.schedule.publish) }
                tasks = bars.map { (title: "KOL " + $0.0, start: $0.1, end: $0.2) }
            } else {
                tasks = milestones.filter { $0.owner == owner }.map { (text.milestoneName($0), $0.start, $0.end) }
            }
            return tasks.isEmpty ? nil : (text.ownerName(owner), tasks)
        }
    }

    /// The KOL line of a milestone id `kol.N.step`.
    func kolLine(_ id: String) -> KOLPlan.Line? {
        let parts = id.split(separator: ".")
        guard parts.count == 3, let number = Int(parts[1]), let lines = plan.kol?.lines, number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// For a long roster, one bar per follower tier.
    private func groupedBars(_ kol: KOLPlan) -> [(String, CivilDate, CivilDate)] {
        var order: [String] = []
        var spans: [String: (CivilDate, CivilDate, Int)] = [:]
        for line in kol.lines {
            if let span = spans[line.tier] {
                spans[line.tier] = (min(span.0, line.schedule.invite), max(span.1, line.schedule.publish), span.2 + 1)
            } else {
                order.append(line.tier)
                spans[line.tier] = (line.schedule.invite, line.schedule.publish, 1)
            }
        }
        return order.compactMap { tier in
            spans[tier].map { span in ("\(tier) × \(span.2)", span.0, span.1) }
        }
    }

    /// Text safe in a Mermaid gantt line: no `:` (it ends a task's title), `;`, `#` or `%`
    /// (statement, entity and comment marks), no straight quotes or line breaks.
    static func mermaidText(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case ":": out.append("꞉")
            case ";": out.append(",")
            case "#": out.append("＃")
            case "%": out.append("％")
            case "\"": out.append("”")
            case "`": out.append("'")
            case "\n", "\r", "\t": out.append(" ")
            case "{", "}", "<", ">": out.append(" ")
            default: out.append(character)
            }
        }
        var trimmed = Substring(out)
        while trimmed.first == " " { trimmed = trimmed.dropFirst() }
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? "—" : String(trimmed)
    }
}
