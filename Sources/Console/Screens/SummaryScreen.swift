import Analysis
import PollCore

/// Every question of the session, clear shifts first (`ShiftReport.summaryOrder`), each as
/// its question and the verdict with the report's headline, wrapped to the screen's width.
/// A knowledge check's headline comes first, once no open round asks its questions.
enum SummaryScreen {
    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area: Rect) {
        let report = model.analysis
        let first = report.rounds.first ?? "", last = report.rounds.last ?? ""
        grid.put("Summary · clear shifts first · \(first) \(report.participants[first] ?? 0) → \(last) \(report.participants[last] ?? 0) participants",
                 x: area.x, y: area.y, style: .bold, limit: area.width)
        var y = area.y + 2
        for line in knowledgeLines(report, openRound: model.control.openRound, width: area.width) where y < area.bottom {
            grid.put(line, x: area.x, y: y, style: .accent, limit: area.width)
            y += 1
        }
        let ordered = report.summaryOrder, top = y
        for index in ordered.dropFirst(min(model.scroll, max(0, ordered.count - 1))) {
            let shift = report.questions[index]
            let number = "\(index + 1).".padding(toLength: 4, withPad: " ", startingAt: 0)
            let (ask, detail) = lines(shift, width: area.width)
            // A question is shown whole or not at all; the first one is cut to fit a tiny screen.
            guard y + ask.count + detail.count <= area.bottom || y == top else { break }
            for (i, line) in ask.enumerated() where y < area.bottom {
                grid.put((i == 0 ? number : "    ") + line, x: area.x, y: y, style: .bold, limit: area.width)
                y += 1
            }
            for line in detail where y < area.bottom {
                grid.put(line, x: area.x + 4, y: y, style: shift.changePoints == nil ? .muted : .plain, limit: area.width - 4)
                y += 1
            }
            y += 1
        }
    }

    /// The knowledge check's headline and who improved, wrapped, with a blank line after; a note
    /// instead while an open round asks its questions (the scores would hint at the answers).
    static func knowledgeLines(_ report: ShiftReport, openRound: String?, width: Int) -> [String] {
        guard let knowledge = report.knowledge, !knowledge.headline.isEmpty else { return [] }
        guard knowledge.items.allSatisfy({ $0.question.mayRevealCorrectAnswer(whileOpen: openRound) }) else {
            return DisplayWidth.wrap("Knowledge check: shown once the \(openRound ?? "") round closes.", max(1, width)) + [""]
        }
        var text = "Knowledge check: " + knowledge.headline
        if knowledge.paired > 0 { text += " \(knowledge.improved) improved, \(knowledge.same) stayed the same, \(knowledge.worse) got worse." }
        return DisplayWidth.wrap(text, max(1, width)) + [""]
    }

    /// A question's lines: its text and its verdict with the headline, each wrapped to fit
    /// beside the four columns of its number.
    static func lines(_ shift: QuestionShift, width: Int) -> (ask: [String], detail: [String]) {
        (DisplayWidth.wrap(shift.question.ask, max(1, width - 4)), DisplayWidth.wrap(detail(shift), max(1, width - 4)))
    }

    /// How far the summary scrolls: to the first question of the last screenful, so that the
    /// last screen is full and ends with the last question.
    static func maxScroll(_ report: ShiftReport, openRound: String?, area: Rect) -> Int {
        let order = report.summaryOrder
        var used = knowledgeLines(report, openRound: openRound, width: area.width).count - 1, start = order.count
        while start > 0 {
            let (ask, detail) = lines(report.questions[order[start - 1]], width: area.width)
            // Each question takes its lines and a blank one; the last needs no blank after it.
            guard used + ask.count + detail.count + 1 <= area.height - 2 else { break }
            used += ask.count + detail.count + 1
            start -= 1
        }
        return min(start, max(0, order.count - 1))
    }

    /// The verdict in two words, then the report's headline.
    static func detail(_ shift: QuestionShift) -> String {
        switch shift.verdict {
        case .clearShift, .notClear: return shift.verdict.label + " · " + shift.headline
        case .notTested: return shift.headline
        }
    }
}
