import Analysis
import PollCore

/// The report as one self-contained, printable HTML page: the session summary, one section per
/// question (headline, verdict, tables, inline SVG charts, tests), the segments, and a methods
/// note. No scripts, fonts or links outside the file; the same report gives the same bytes.
public struct HTMLReport: ReportFormat {
    /// The language of the poll's text (a BCP 47 tag such as `ar` or `zh-Hans`): marked on
    /// every piece of poll text (the page itself is English, the report's words); English when
    /// nil or not a plausible tag.
    public var language: String?

    public init(language: String? = nil) {
        self.language = language
    }

    public func render(_ report: ShiftReport) -> String {
        HTMLEscaping.$pollLanguage.withValue(pollLanguage) { rendered(report) }
    }

    /// The poll's language when it is not the report's (English).
    var pollLanguage: String? {
        let tag = Self.languageTag(language)
        return LanguageTag.primary(tag) == "en" ? nil : tag
    }

    private func rendered(_ report: ShiftReport) -> String {
        let ids = report.questions.enumerated().map { Self.questionID($1, index: $0) }
        var body = header(report)
        body += summary(report, ids: ids)
        for (index, shift) in report.questions.enumerated() {
            body += QuestionSection.render(shift, number: index + 1, id: ids[index])
        }
        if let knowledge = report.knowledge { body += KnowledgeSection.html(knowledge) }
        body += SegmentSection.render(report.segments, room: report.questions)
        if let agenda = report.agenda {
            body += "<section id=\"agenda\" aria-labelledby=\"agenda-heading\">\n<h2 id=\"agenda-heading\">Agenda</h2>\n"
            body += HTMLTable(caption: "Planned and actual minutes", columns: ["Part", "Planned", "Took"], rows: agenda.parts.map { part in
                [HTMLText.escape(part.name), "\(part.plannedMinutes) min", AgendaSummary.minutes(part)]
            }).html + "</section>\n"
        }
        if let qandA = report.qandA { body += QandASection.html(qandA) }
        body += MethodsNote.html
        return page(title: report.session.pollTitle, body: body,
                    footer: "Written by roompoll from session <span dir=\"auto\">\(HTMLText.escape(report.session.name))</span>.")
    }

    /// The page around a report's body: `title` is plain text, `body` and `footer` HTML.
    func page(title: String, body: String, footer: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) — roompoll report</title>
        <style>
        \(HTMLStyle.css)
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        <footer><p>\(footer)</p></footer>
        </body>
        </html>

        """
    }

    func header(_ report: ShiftReport) -> String {
        var html = "<header>\n<h1>\(HTMLEscaping.pollText(report.session.pollTitle))</h1>\n"
        if let event = report.session.event, !event.isEmpty {
            html += "<p class=\"event\" dir=\"auto\">\(HTMLText.escape(event))</p>\n"
        }
        return html + "</header>\n"
    }

    /// The session at a glance: who took part, the precision caveat, the overview chart, and
    /// every question's verdict badge and headline (clear shifts first), each linked to its section.
    func summary(_ report: ShiftReport, ids: [String]) -> String {
        var html = "<section id=\"summary\" aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">Summary</h2>\n<dl class=\"facts\">\n"
        html += "<dt>Session</dt><dd>\(HTMLEscaping.pollText(report.session.name))</dd>\n"
        html += "<dt>Created</dt><dd>\(Formatting.date(report.session.createdAt))</dd>\n"
        html += "<dt>Participants</dt><dd>"
            + report.rounds.map { "\(HTMLText.escape($0)) \(report.participants[$0] ?? 0)" }.joined(separator: ", ") + "</dd>\n"
        if report.rounds.count > 1, let first = report.rounds.first, let last = report.rounds.last {
            html += "<dt>Paired participants</dt><dd>\(report.pairedParticipants) answered in both the "
                + "\(HTMLText.escape(first)) and the \(HTMLText.escape(last)) round</dd>\n"
        }
        html += "</dl>\n"
        if let caveat = report.caveat {
            html += "<p class=\"caveat\"><strong>Precision:</strong> \(HTMLText.escape(caveat))</p>\n"
        }
        guard !report.questions.isEmpty else { return html + "<p>The poll has no questions.</p>\n</section>\n" }
        html += OverviewChart.render(report)
        html += "<h3>Questions, clear shifts first</h3>\n<ol class=\"overview\">\n"
        for q in report.summaryOrder {
            let shift = report.questions[q]
            html += "<li value=\"\(q + 1)\"><p>\(VerdictBadge.html(shift.verdict)) <a href=\"#\(ids[q])\">\(HTMLEscaping.pollText(shift.question.ask))</a></p>\n"
                + "<p>\(HTMLText.escape(shift.headline))</p></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// A question section's element id: its position and its id, e.g. `q3-trust`.
    static func questionID(_ shift: QuestionShift, index: Int) -> String {
        "q\(index + 1)-\(HTMLEscaping.idFragment(shift.question.id))"
    }

    /// A round's name as a heading: its first letter upper-cased ("opening" → "Opening").
    static func roundTitle(_ round: String) -> String {
        round.prefix(1).uppercased() + round.dropFirst()
    }

    /// "+9.0 to +44.0" (one decimal, like the changes beside it), or "–" without an interval.
    static func interval(_ interval: ConfidenceInterval?) -> String {
        interval.map { ReportWording.interval($0, places: 1) } ?? "–"
    }

    /// `tag` when it looks like a language tag (letters, digits and hyphens, starting with a
    /// letter), else "en".
    static func languageTag(_ tag: String?) -> String {
        guard let tag, let first = tag.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first),
              tag.count <= 35,
              tag.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { return "en" }
        return tag
    }
}
