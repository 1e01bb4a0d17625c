import Analysis
import PollCore

/// The report as Markdown: the terminal report's sentences, with tables, readable in any
/// Markdown viewer.
public struct MarkdownReport: ReportFormat {
    public init() {}

    public func render(_ report: ShiftReport) -> String {
        var lines = ["# \(escape(report.session.pollTitle))", ""]
        if let event = report.session.event { lines += ["_\(escape(event))_", ""] }
        lines.append("Session **\(escape(report.session.name))**, created \(Formatting.date(report.session.createdAt)). "
                     + "Participants: " + report.rounds.map { "\(escape($0)) \(report.participants[$0] ?? 0)" }.joined(separator: ", ")
                     + (report.rounds.count >= 2 ? "; \(report.pairedParticipants) in both." : "."))
        if let caveat = report.caveat { lines += ["", "> **Note:** \(escape(caveat))"] }
        lines += ["", "## Summary", "", "Clear shifts first; each question's headline value in the first and the last round.", ""]
        lines += ["| Verdict | Question | Headline value | Change (95% CI) |", "|---|---|---|---|"]
        for q in report.summaryOrder {
            let shift = report.questions[q]
            let change = shift.headlineValue.map { value in
                ReportWording.change(value) + (value.paired ? " paired" : "")
                    + (value.interval.map { " (\(ReportWording.interval($0, places: 1)))" } ?? "")
            } ?? "–"
            lines.append("| \(shift.verdict == .clearShift ? "**Clear shift**" : shift.verdict.label) | \(q + 1). \(escape(shift.question.ask)) | "
                         + "\(escape(ReportWording.summaryValue(shift, measureColumns: 80))) | \(escape(change)) |")
        }
        for (number, shift) in report.questions.enumerated() {
            lines += ["", "## \(number + 1). \(escape(shift.question.ask))", "", "`\(shift.question.id)` · \(shift.question.kind.rawValue)" + escape(KnowledgeWording.rightAnswerNote(shift.question)), ""]
            lines += question(shift)
        }
        if let knowledge = report.knowledge {
            lines += ["", "## Knowledge check", "", "**\(escape(knowledge.headline))**", "", escape(KnowledgeWording.summary(knowledge))]
            if let consistency = KnowledgeWording.reliability(knowledge) { lines += ["", escape(consistency)] }
            lines.append("")
            lines += knowledge.items.enumerated().map { "\($0.offset + 1). " + escape(KnowledgeWording.item($0.element)) }
            lines += ["", escape(KnowledgeWording.thresholds)]
        }
        for breakdown in report.segments {
            lines += ["", "## By \(escape(breakdown.segment.ask))", ""]
            lines.append("Groups: " + breakdown.groups.map { "\(escape($0.label)) (\($0.size))" }.joined(separator: ", ") + ".")
            for group in breakdown.groups where group.size > 0 {
                lines += ["", "### \(escape(group.label)) (\(group.size))", ""]
                lines += group.shifts.map { "- **\(escape($0.question.id))**: \(escape($0.headline))" }
            }
            if !breakdown.comparisons.isEmpty {
                lines += ["", "### Did the groups move differently? (exploratory)", ""]
                lines += ["| Question | Gap, first round | Gap, last round | Each group's change (95% CI) | Test |",
                          "|---|---:|---:|---|---|"]
                for comparison in breakdown.comparisons {
                    let places = comparison.unit == .percent ? 0 : 1
                    lines.append("| \(escape(comparison.question.ask)) (\(escape(comparison.measure))) "
                                 + "| \(NumberText.decimal(comparison.gapBefore, places: places)) | \(NumberText.decimal(comparison.gapAfter, places: places)) "
                                 + "| \(escape(comparison.groups.map { ReportWording.groupChange($0, unit: comparison.unit) }.joined(separator: "; "))) "
                                 + "| \(escape(ReportWording.comparisonTest(comparison))) |")
                }
                lines += ["", escape(ReportWording.comparisonsSummary(breakdown))]
            }
        }
        if let agenda = report.agenda {
            lines += ["", "## Agenda", ""] + agenda.lines.map { "- " + escape($0) }
        }
        if let qandA = report.qandA {
            lines += ["", "## Audience Q&A", ""]
            lines += QandASection.lines(qandA, number: { "\($0)." }, bullet: "-").map(escape)
        }
        lines += ["", "## Methods", "", escape(ReportWording.methodsSummary)]
        return lines.joined(separator: "\n") + "\n"
    }

    func question(_ shift: QuestionShift) -> [String] {
        if shift.question.kind == .text {
            return shift.rounds.flatMap { round in
                ["**\(escape(round.round))** (n = \(round.n)):", ""] + round.texts.map { "- \(escape($0))" } + [""]
            }
        }
        var lines = ["**\(escape(shift.headline))**" + (shift.note == nil ? " " + escape(shift.verdictText) : ""), ""]
        guard let first = shift.rounds.first else { return lines }
        let compared = shift.rounds.count >= 2 ? [first, shift.rounds.last!] : [first]
        let ranking = shift.question.kind == .ranking
        var header = ["answer"] + compared.map { "\(escape($0.round)) (n = \($0.n))" }
        let intervals = shift.intervals != nil
        if shift.changePoints != nil { header += ranking ? ["change (mean rank)"] : ["change (points)"] + (intervals ? ["95% CI"] : []) }
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + header.indices.map { $0 == 0 ? "---" : "---:" }.joined(separator: "|") + "|")
        for row in first.rows.indices {
            var cells = [escape(first.rows[row].label)]
            cells += compared.map { round in
                let share = round.rows[row]
                if ranking { return share.meanRank.map { "mean rank " + NumberText.decimal($0, places: 1) } ?? "–" }
                return "\(share.count) (\(NumberText.percent(share.percent)))"
            }
            if shift.changePoints != nil {
                cells.append(ReportWording.rowChange(shift, row: row) ?? "–")
                if intervals { cells.append(shift.intervals?[row].map { ReportWording.interval($0) } ?? "") }
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        for line in [ReportWording.leading(shift), ReportWording.hands(shift)].compactMap({ $0 }) {
            lines += ["", escape(line)]
        }
        if compared.contains(where: { $0.mean != nil }) {
            lines += ["", compared.map { "\(escape($0.round)): \(ReportWording.meanLine($0))" }.joined(separator: "; ") + "."]
        }
        if !shift.tests.isEmpty {
            lines += ["", "Tests:", ""]
            lines += shift.tests.map { "- " + ($0.primary ? "**primary** " : "") + escape(ReportWording.testLine($0)) }
        }
        return lines
    }

    /// Escapes the characters Markdown would read as formatting, and HTML.
    func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|", "<", ">": out += "\\" + String(character)
            case "\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
