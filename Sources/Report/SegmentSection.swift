import Analysis
import PollCore

/// The segments part of the HTML report: per segment question and group, the group's size and
/// every other question's headline with a small before/after table. Described, not tested.
enum SegmentSection {
    static func render(_ segments: [SegmentBreakdown]) -> String {
        guard !segments.isEmpty else { return "" }
        var html = "<section id=\"segments\" aria-labelledby=\"segments-heading\">\n<h2 id=\"segments-heading\">Segments</h2>\n"
        html += "<p>Each segment question splits the room by its answer; every other question is shown within each group. "
            + "Groups are described, not tested: tests per group would multiply the chances of a false alarm.</p>\n"
        for (s, breakdown) in segments.enumerated() {
            let id = "s\(s + 1)-\(HTMLEscaping.idFragment(breakdown.segment.id))"
            html += "<section class=\"segment\" id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
            html += "<h3 id=\"\(id)-heading\">By “\(HTMLEscaping.pollText(breakdown.segment.ask))”</h3>\n"
            for (g, group) in breakdown.groups.enumerated() {
                html += "<div class=\"group\" id=\"\(id)-g\(g + 1)\">\n"
                html += "<h4>\(HTMLEscaping.pollText(group.label)) · \(group.size) \(group.size == 1 ? "participant" : "participants")</h4>\n"
                if group.size == 0 {
                    html += "<p>Nobody gave this answer.</p>\n</div>\n"
                    continue
                }
                for shift in group.shifts {
                    html += "<div class=\"segment-question\">\n<p class=\"ask\">\(HTMLEscaping.pollText(shift.question.ask))</p>\n"
                    html += "<p>\(HTMLText.escape(shift.headline))</p>\n"
                    if let table = table(shift, group: group.label) { html += table.html }
                    html += "</div>\n"
                }
                html += "</div>\n"
            }
            html += "</section>\n"
        }
        return html + "</section>\n"
    }

    /// Percent (count) per round and the change in points.
    static func table(_ shift: QuestionShift, group: String) -> HTMLTable? {
        let rounds = shift.rounds
        guard let labels = rounds.first?.rows.map(\.label), !labels.isEmpty, rounds.contains(where: { $0.n > 0 }) else { return nil }
        let rows = labels.indices.map { k -> [String] in
            [HTMLEscaping.pollText(labels[k])]
                + rounds.map { round in
                    k < round.rows.count ? "\(NumberText.percent(round.rows[k].percent)) (\(round.rows[k].count))" : "–"
                }
                + (shift.changePoints.map { [k < $0.count ? NumberText.points($0[k]) : "–"] } ?? [])
        }
        return HTMLTable(
            caption: "\(HTMLEscaping.pollText(group)): percent (count) per round ("
                + rounds.map { "\(HTMLText.escape($0.round)) n = \($0.n)" }.joined(separator: ", ") + ")"
                + (shift.changePoints == nil ? "." : " and the change in points."),
            columns: [QuestionSection.rowHeading(shift.question.kind)]
                + rounds.map { HTMLText.escape(HTMLReport.roundTitle($0.round)) }
                + (shift.changePoints == nil ? [] : ["Change (points)"]),
            rows: rows)
    }
}
