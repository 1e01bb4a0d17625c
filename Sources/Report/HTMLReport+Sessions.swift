import Analysis
import PollCore

extension HTMLReport {
    /// Sessions side by side: the sessions, then per question a chart with a row per session
    /// (first round → last round on the shared measure, with the interval of its change), the
    /// same numbers in a table with each session's verdict, and the pooled change.
    public func render(_ comparison: SessionComparison) -> String {
        HTMLEscaping.$pollLanguage.withValue(pollLanguage) { rendered(comparison) }
    }

    private func rendered(_ comparison: SessionComparison) -> String {
        let names = comparison.reports.map(\.session.name)
        var body = "<header>\n<h1>Sessions side by side</h1>\n<p class=\"event\" dir=\"auto\">"
            + names.map(HTMLText.escape).joined(separator: " · ") + "</p>\n</header>\n"
        body += "<section id=\"sessions\" aria-labelledby=\"sessions-heading\">\n<h2 id=\"sessions-heading\">Sessions</h2>\n"
        body += HTMLTable(caption: "The sessions compared, in the order given.", columns: ["Session", "Poll", "Created", "Participants"],
                          rows: comparison.reports.map { report in
                              [HTMLEscaping.pollText(report.session.name), HTMLEscaping.pollText(report.session.pollTitle),
                               Formatting.date(report.session.createdAt),
                               HTMLText.escape(report.rounds.map { "\($0) \(report.participants[$0] ?? 0)" }.joined(separator: ", "))]
                          }, textColumns: [1, 3]).html
        if !comparison.identicalPolls { body += "<p class=\"caveat\">\(HTMLText.escape(ReportWording.notPooled))</p>\n" }
        body += "</section>\n"
        let dots = ShiftDots(width: 480, labelsAbove: false)
        for (number, row) in comparison.questions.enumerated() {
            let id = "q\(number + 1)-\(HTMLEscaping.idFragment(row.question.id))"
            body += "<section class=\"question\" id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
            body += "<h2 id=\"\(id)-heading\"><span class=\"number\">\(number + 1).</span> \(HTMLEscaping.pollText(row.question.ask))</h2>\n"
            body += "<p class=\"meta\">Measure: \(HTMLEscaping.pollText(row.measure))</p>\n"
            let rows = zip(names, row.sessions).map { name, entry in
                ShiftDots.Row(label: name, value: entry.map { entry in
                    HeadlineValue(measure: row.measure, unit: row.unit, before: entry.before, after: entry.after, change: entry.change,
                                  paired: entry.design == .paired, interval: entry.interval, range: HeadlineValue.range(of: row.question, unit: row.unit))
                }, note: "not compared", colour: entry.map { VerdictBadge.colour($0.verdict) } ?? SVGChart.muted, tag: nil)
            }
            if rows.contains(where: { $0.value != nil }) {
                let (svg, height) = dots.render(rows)
                let description = "Per session, \(row.measure) in the first round (hollow dot) and the last (filled dot), with the 95% "
                    + "interval of the session's change. " + zip(names, row.sessions).map { name, entry in
                        "\(name): " + (entry.map { ReportWording.sessionEntry($0, unit: row.unit) } ?? "not compared")
                    }.joined(separator: "; ") + "."
                body += "<figure class=\"overview-chart\">\n" + SVGChart.frame(id: "\(id)-sessions", title: "\(row.question.ask): every session",
                                                                                description: description, height: height + 4, width: 480, body: svg)
                body += "</figure>\n"
            }
            body += HTMLTable(caption: "Per session: \(HTMLEscaping.pollText(row.measure)) in the first and the last round, the change "
                                + "(paired participants' when the session's design is paired) with its 95% interval, and the session's own verdict.",
                              columns: ["Session", "n", "First round", "Last round", "Change (95% CI)", "Verdict"],
                              rows: zip(names, row.sessions).map { name, entry in
                                  guard let entry else { return [HTMLEscaping.pollText(name), "–", "–", "–", "not compared", "–"] }
                                  return [HTMLEscaping.pollText(name), "\(entry.n)\(entry.design == .paired ? " paired" : "")",
                                          ReportWording.value(entry.before, row.unit), ReportWording.value(entry.after, row.unit),
                                          HTMLText.escape(ReportWording.change(entry.change, interval: entry.interval, unit: row.unit)),
                                          VerdictBadge.html(entry.verdict) + (entry.ownMeasure.map { " <span class=\"muted\">(its own headline: \(HTMLEscaping.pollText($0)))</span>" } ?? "")]
                              }, textColumns: [5]).html
            if let pooled = row.pooled {
                body += "<p class=\"verdict\">\(HTMLText.escape(ReportWording.pooled(pooled, unit: row.unit))).</p>\n"
            }
            if let why = row.notPooled { body += "<p class=\"note\">\(HTMLText.escape(why.prefix(1).uppercased() + why.dropFirst())).</p>\n" }
            body += "</section>\n"
        }
        body += "<section id=\"methods\" aria-labelledby=\"methods-heading\">\n<h2 id=\"methods-heading\">How to read this</h2>\n"
            + "<p>\(HTMLText.escape(ReportWording.sessionsNote))</p>\n</section>\n"
        return page(title: "Sessions side by side", body: body,
                    footer: "Written by roompoll from sessions " + names.map { "<span dir=\"auto\">\(HTMLText.escape($0))</span>" }.joined(separator: ", ") + ".")
    }
}
