import Analysis
import PollCore

/// The segments part of the HTML report: per segment question, the groups' sizes and one small
/// chart per other question (small multiples: a row per group, on the room's headline measure),
/// with every group's before/after table folded away. Described, not tested.
enum SegmentSection {
    /// The small charts' width in their own coordinates (two side by side on a wide page).
    static let panelWidth = 360.0

    static func render(_ segments: [SegmentBreakdown], room: [QuestionShift]) -> String {
        guard !segments.isEmpty else { return "" }
        var html = "<section id=\"segments\" aria-labelledby=\"segments-heading\">\n<h2 id=\"segments-heading\">Segments</h2>\n"
        html += "<p>Each segment question splits the room by its answer; every other question is shown within each group, "
            + "on the measure the room’s headline uses. Groups get no verdicts of their own; whether they moved differently is "
            + "tested once per question, as an exploratory comparison.</p>\n"
        for (s, breakdown) in segments.enumerated() {
            let id = "s\(s + 1)-\(HTMLEscaping.idFragment(breakdown.segment.id))"
            html += "<section class=\"segment\" id=\"\(id)\" aria-labelledby=\"\(id)-heading\">\n"
            html += "<h3 id=\"\(id)-heading\">By “\(HTMLEscaping.pollText(breakdown.segment.ask))”</h3>\n"
            html += "<p>" + breakdown.groups.map { "\(HTMLEscaping.pollText($0.label)) \($0.size)" }.joined(separator: ", ")
                + " participants.</p>\n"
            html += multiples(breakdown, id: id, room: room)
            html += comparisons(breakdown, id: id)
            html += QuestionSection.folded(tables(breakdown, id: id), summary: "Every group’s answers per round")
            html += "</section>\n"
        }
        return html + "</section>\n"
    }

    /// One small chart per question: each group (with anyone in it) from the first round's value
    /// to the last's, with the interval of the group's change — the same change the comparison
    /// of the groups tests (the paired participants' when the question's design is paired).
    static func multiples(_ breakdown: SegmentBreakdown, id: String, room: [QuestionShift]) -> String {
        let groups = breakdown.groups.filter { $0.size > 0 }
        guard let questions = groups.first?.shifts.map(\.question) else { return "" }
        let dots = ShiftDots(width: panelWidth, labelsAbove: false)
        var html = "<div class=\"multiples\">\n"
        for (q, question) in questions.enumerated() {
            let option = room.first { $0.question.id == question.id }?.headlineOption
            let compared = breakdown.comparisons.first { $0.question.id == question.id }
            let rows = groups.map { group -> ShiftDots.Row in
                let shift = q < group.shifts.count ? group.shifts[q] : nil
                var value = shift?.headlineValue(about: option)
                if let compared {
                    value = compared.groups.first { $0.label == group.label }.map { change in
                        HeadlineValue(measure: compared.measure, unit: compared.unit, before: change.before, after: change.after,
                                      change: change.change, paired: compared.design == .paired, interval: change.interval,
                                      range: HeadlineValue.range(of: question, unit: compared.unit))
                    }
                }
                return ShiftDots.Row(label: group.label, value: value,
                                     note: shift?.note.map { "not measured: \($0)" } ?? "too few answers to compare",
                                     colour: SVGChart.roundColours[2], tag: nil)
            }
            guard rows.contains(where: { $0.value != nil }) else { continue }
            let measure = rows.lazy.compactMap(\.value).first?.measure ?? ""
            let (body, height) = dots.render(rows)
            let description = "Per group, \(measure) in the first round (hollow dot) and the last (filled dot), with the 95% "
                + "interval of the group’s change. " + zip(groups, rows).map { group, row in
                    "\(group.label) (\(group.size)): " + (row.value.map(ReportWording.headlineSentence) ?? row.note)
                }.joined(separator: "; ") + "."
            html += "<figure class=\"multiple\">\n<figcaption dir=\"auto\">\(HTMLEscaping.pollText(question.ask)) "
                + "<span class=\"muted\">(\(HTMLEscaping.pollText(measure)))</span></figcaption>\n"
            html += SVGChart.frame(id: "\(id)-q\(q + 1)", title: "\(question.ask), by “\(breakdown.segment.ask)”",
                                   description: description, height: height + 4, width: panelWidth, body: body)
            html += "</figure>\n"
        }
        return html + "</div>\n"
    }

    /// Did the groups move differently? Per question the gap between the groups in each round
    /// and the test of equal changes (exploratory), each group's change folded away.
    static func comparisons(_ breakdown: SegmentBreakdown, id: String) -> String {
        guard !breakdown.comparisons.isEmpty else { return "" }
        var html = "<h4 id=\"\(id)-compared\">Did the groups move differently? <span class=\"muted\">(exploratory)</span></h4>\n"
        html += "<p>\(HTMLText.escape(ReportWording.comparisonsSummary(breakdown)))</p>\n"
        let rows = breakdown.comparisons.map { comparison -> [String] in
            let places = comparison.unit == .percent ? 0 : 1
            let unit = comparison.unit == .percent ? " points" : ""
            return [HTMLEscaping.pollText(comparison.question.ask) + " <span class=\"muted\">(" + HTMLEscaping.pollText(comparison.measure) + ")</span>",
                    NumberText.decimal(comparison.gapBefore, places: places) + unit,
                    NumberText.decimal(comparison.gapAfter, places: places) + unit,
                    comparison.gapNarrowed.map { $0 ? "narrowed" : "widened" } ?? "same",
                    HTMLText.escape(ReportWording.comparisonTest(comparison))]
        }
        html += HTMLTable(caption: "Per question: the gap between the highest and the lowest group in the first and the last round, "
                            + "and the test that every group changed alike (Holm-adjusted across the report's group comparisons).",
                          columns: ["Question", "Gap, first round", "Gap, last round", "The gap", "Test of equal changes"],
                          rows: rows, textColumns: [3, 4],
                          emphasised: Set(breakdown.comparisons.indices.filter { ReportWording.differs(breakdown.comparisons[$0]) })).html
        let changes = breakdown.comparisons.map { comparison in
            "<li>\(HTMLEscaping.pollText(comparison.question.ask)): "
                + comparison.groups.map { HTMLText.escape(ReportWording.groupChange($0, unit: comparison.unit)) }.joined(separator: "; ") + "</li>\n"
        }.joined()
        return html + QuestionSection.folded("<ul>\n\(changes)</ul>\n", summary: "Each group’s change with its 95% interval")
    }

    /// Every group's headline and before/after table per question.
    static func tables(_ breakdown: SegmentBreakdown, id: String) -> String {
        var html = ""
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
        return html
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
