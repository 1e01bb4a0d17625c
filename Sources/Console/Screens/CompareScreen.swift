import Analysis
import PollCore

/// The current question's first and last round side by side, with the change in points per
/// option, and the report's headline sentence and verdict. A knowledge question marks its
/// right option(s) and says how many answered right, once no open round asks it.
enum CompareScreen {
    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area: Rect) {
        guard let question = model.currentQuestion else { return }
        // One analysis per frame: the shift and the knowledge item come from it.
        let analysis = model.analysis
        guard let shift = analysis.questions.first(where: { $0.question.id == question.id }) else { return }
        grid.put("Compare · question \(model.currentPosition.number) · \(question.kind.rawValue)", x: area.x, y: area.y, style: .muted)
        var y = area.y + 2
        y += grid.paragraph(question.ask, x: area.x, y: y, width: area.width, maxLines: 2, style: .bold) + 1
        guard shift.rounds.count >= 2, let first = shift.rounds.first, let last = shift.rounds.last else {
            grid.put("Asked in the \(shift.rounds.first?.round ?? "") round only: nothing to compare.", x: area.x, y: y, style: .muted)
            return
        }
        if question.kind == .text {
            grid.put("Free text is shown, not compared: r shows the latest answers.", x: area.x, y: y, style: .muted)
            return
        }
        let reveal = question.mayRevealCorrectAnswer(whileOpen: model.control.openRound)
        let correct = reveal ? Set(question.correct ?? []) : []
        let labels = Results.marked(first.rows.map(\.label), correct: correct)
        let changeWidth = 10
        let labelWidth = min(24, max(10, labels.map { DisplayWidth.of($0) }.max() ?? 10))
        let column = (area.width - labelWidth - changeWidth - 2) / 2
        let barWidth = max(4, column - 7)
        grid.put(DisplayWidth.fit("\(first.round) (n=\(first.n))", column), x: area.x + labelWidth + 1, y: y, style: .opening)
        grid.put(DisplayWidth.fit("\(last.round) (n=\(last.n))", column), x: area.x + labelWidth + 1 + column, y: y, style: .closing)
        grid.put(DisplayWidth.padLeft("change", changeWidth), x: area.x + area.width - changeWidth, y: y, style: .muted)
        y += 1
        let rows = min(first.rows.count, area.bottom - y - 2)
        for i in 0..<max(0, rows) {
            grid.put(DisplayWidth.fit(labels[i], labelWidth), x: area.x, y: y, style: correct.contains(i) ? .bold : .plain)
            for (offset, round) in [first, last].enumerated() {
                let share = round.rows[i].percent
                let x = area.x + labelWidth + 1 + offset * column
                grid.put(TextBar.render(percent: share, width: barWidth), x: x, y: y, style: offset == 0 ? .opening : .closing)
                grid.put(DisplayWidth.padLeft(NumberText.percent(share), 5), x: x + barWidth + 1, y: y)
            }
            if let change = shift.changePoints?[i] {
                let text = NumberText.points(change)
                grid.put(DisplayWidth.padLeft(text + " pts", changeWidth), x: area.x + area.width - changeWidth, y: y,
                         style: text.hasPrefix("+") ? .rise : text.hasPrefix("-") ? .fall : .plain)
            }
            y += 1
        }
        y += 1
        if reveal, let item = analysis.knowledge?.items.first(where: { $0.question.id == question.id }), y < area.bottom - 2 {
            y += grid.paragraph(knowledgeLine(item), x: area.x, y: y, width: area.width, maxLines: 2, style: .accent) + 1
        }
        // The same sentences as the report, from the same analysis.
        y += grid.paragraph(shift.headline, x: area.x, y: y, width: area.width, maxLines: max(1, area.bottom - y - 1), style: .accent)
        if y < area.bottom {
            _ = grid.paragraph(shift.verdictText, x: area.x, y: y, width: area.width, maxLines: max(1, area.bottom - y),
                           style: shift.verdict == .clearShift ? .bold : .muted)
        }
    }

    /// "Right: 58% → 75% · of the 44 who answered twice, 15 went from wrong to right, 6 from right to wrong".
    static func knowledgeLine(_ item: KnowledgeAnalysis.Item) -> String {
        var text = "Right: " + item.rounds.map { $0.percent.map { NumberText.percent($0) } ?? "–" }.joined(separator: " → ")
        if item.paired > 0 { text += " · of the \(item.paired) who answered twice, \(item.gained) went from wrong to right, \(item.lost) from right to wrong" }
        return text
    }
}
