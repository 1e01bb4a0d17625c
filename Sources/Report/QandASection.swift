import Analysis
import PollCore

/// The audience Q&A part of every report: the time split between the room and online, the
/// questions in the order they were answered, then the unanswered ones by votes.
enum QandASection {
    /// "12 votes · in the room · relayed · 3:10" for one question.
    static func about(_ item: QandASummary.Item) -> String {
        var parts = ["\(item.votes) vote\(item.votes == 1 ? "" : "s")", item.side.label]
        if item.channel == .relayed { parts.append("relayed") }
        if let name = item.name { parts.append("asked by \(name)") }
        if item.seconds >= 1 { parts.append(QandAClock.minutes(item.seconds)) }
        if item.state == .answering { parts.append("still being answered") }
        return parts.joined(separator: " · ")
    }

    static func notListed(_ qandA: QandASummary) -> String? {
        var parts: [String] = []
        if qandA.waiting > 0 { parts.append("\(qandA.waiting) never approved") }
        if qandA.hidden > 0 { parts.append("\(qandA.hidden) hidden") }
        return parts.isEmpty ? nil : "Not listed: " + parts.joined(separator: ", ") + " (see `roompoll export --qa --format json`)."
    }

    /// Plain lines: the terminal report wraps them, Markdown escapes them.
    static func lines(_ qandA: QandASummary, number: (Int) -> String, bullet: String) -> [String] {
        var lines = [qandA.split]
        if !qandA.answered.isEmpty {
            lines += ["", "Answered, in order:"]
            lines += qandA.answered.enumerated().map { "\(number($0.offset + 1)) \($0.element.text) (\(about($0.element)))" }
        }
        if !qandA.unanswered.isEmpty {
            lines += ["", "Not answered, most votes first:"]
            lines += qandA.unanswered.map { "\(bullet) \($0.text) (\(about($0)))" }
        }
        if qandA.answered.isEmpty && qandA.unanswered.isEmpty { lines += ["", "No questions were asked."] }
        if let note = notListed(qandA) { lines += ["", note] }
        return lines
    }

    static func html(_ qandA: QandASummary) -> String {
        var html = "<section id=\"qanda\" aria-labelledby=\"qanda-heading\">\n<h2 id=\"qanda-heading\">Audience Q&amp;A</h2>\n"
        html += "<p>\(HTMLText.escape(qandA.split))</p>\n"
        func table(_ caption: String, _ items: [QandASummary.Item]) -> String {
            HTMLTable(caption: caption, columns: ["#", "Question", "Side", "Votes", "Time"],
                      rows: items.enumerated().map { index, item in
                          [String(index + 1),
                           HTMLEscaping.pollText(item.text) + (item.name.map { " <span class=\"muted\">— \(HTMLText.escape($0))</span>" } ?? "")
                               + (item.channel == .relayed ? " <span class=\"muted\">(relayed)</span>" : ""),
                           item.side.label, String(item.votes), item.seconds >= 1 ? QandAClock.minutes(item.seconds) : "–"]
                      }, textColumns: [1, 2]).html
        }
        if !qandA.answered.isEmpty { html += table("Answered, in order", qandA.answered) }
        if !qandA.unanswered.isEmpty { html += table("Not answered, most votes first", qandA.unanswered) }
        if qandA.answered.isEmpty && qandA.unanswered.isEmpty { html += "<p>No questions were asked.</p>\n" }
        if let note = notListed(qandA) { html += "<p>\(HTMLText.escape(note))</p>\n" }
        return html + "</section>\n"
    }
}
