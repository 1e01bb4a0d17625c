import Analysis
import PollCore

/// Every question of the session, the largest shift first.
enum SummaryScreen {
    /// The biggest change of any row of a question, in points (0 when none is measured).
    static func size(of shift: QuestionShift) -> Double {
        shift.changePoints?.map(abs).max() ?? -1
    }

    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area: Rect) {
        let report = model.analysis
        let first = report.rounds.first ?? "", last = report.rounds.last ?? ""
        grid.put("Summary · largest shift first · \(first) \(report.participants[first] ?? 0) → \(last) \(report.participants[last] ?? 0) participants",
                 x: area.x, y: area.y, style: .bold, limit: area.width)
        let ordered = report.questions.enumerated().sorted { (size(of: $0.element), -$0.offset) > (size(of: $1.element), -$1.offset) }
        var y = area.y + 2
        for (index, shift) in ordered.dropFirst(min(model.scroll, max(0, ordered.count - 1))) {
            guard y + 1 < area.bottom else { break }
            let number = "\(index + 1).".padding(toLength: 4, withPad: " ", startingAt: 0)
            grid.put(DisplayWidth.fit(number + shift.question.ask, area.width), x: area.x, y: y, style: .bold)
            grid.put(DisplayWidth.fit(detail(shift), area.width - 4), x: area.x + 4, y: y + 1,
                     style: shift.changePoints == nil ? .muted : .plain)
            y += 2
        }
    }

    /// The verdict in two words, then the report's headline.
    static func detail(_ shift: QuestionShift) -> String {
        switch shift.verdict {
        case .clearShift: return "Clear shift · " + shift.headline
        case .notClear: return "Not clear · " + shift.headline
        case .notTested: return shift.headline
        }
    }
}
