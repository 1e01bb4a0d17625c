import PollCore

/// The current question: its prompt and options and the number of answers; its results
/// (bars, histogram, order, words, latest texts) once revealed or once voting has closed.
/// Hiding results while voting is open avoids herding.
enum QuestionScreen {
    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area: Rect) {
        guard let question = model.currentQuestion, let round = model.displayRound(for: question) else {
            grid.put("The poll has no questions.", x: area.x, y: area.y)
            return
        }
        let open = model.isVotingOpen(on: question)
        let tally = model.tally.tally(round: round, question: question.id)
        let n = tally?.respondents ?? 0
        let state = open ? "voting open" : (question.isAsked(in: model.control.openRound ?? "") ? "voting closed" : "\(round) round")
        let position = model.currentPosition
        grid.put("Question \(position.number) of \(position.of) · \(question.kind.rawValue) · \(state)",
                 x: area.x, y: area.y, style: open ? .notice : .muted, limit: area.width - 14)
        let count = "\(n) answer\(n == 1 ? "" : "s")"
        grid.put(count, x: area.x + area.width - DisplayWidth.of(count), y: area.y, style: .accent)
        var area = area
        if let url = model.joinURLs.first, open {
            // Latecomers can still join: the address stays on the wall while voting is open.
            area = JoinBlock.drawQR(model, into: &grid, area: area, top: area.y + 2, keep: 68)
            grid.put(DisplayWidth.fit("Join: \(url)", area.width), x: area.x, y: area.bottom - 1, style: .muted)
            area.height -= 1
        }
        var y = area.y + 2
        y += grid.paragraph(question.ask, x: area.x, y: y, width: area.width, maxLines: 3, style: .bold) + 1
        let body = Rect(x: area.x, y: y, width: area.width, height: area.bottom - y)
        let presenterWaits = model.control.pace == .presenter && !open && question.isAsked(in: model.control.openRound ?? "")
        if open, !model.revealed {
            drawOptions(question, into: &grid, area: body)
            grid.put("Results hidden while voting is open — r reveals them.", x: area.x, y: area.bottom - 1, style: .muted, limit: area.width)
        } else if presenterWaits, (tally?.respondents ?? 0) == 0 {
            drawOptions(question, into: &grid, area: body)
            grid.put("Voting on this question is not open — Space opens it.", x: area.x, y: area.bottom - 1, style: .notice, limit: area.width)
        } else if let tally {
            Results.draw(question, tally: tally, scroll: model.scroll, markCorrect: question.revealsCorrectAnswer(under: model.control),
                         into: &grid, area: body)
        }
    }

    /// The options as participants see them, without results.
    static func drawOptions(_ question: Question, into grid: inout CellGrid, area: Rect) {
        switch question.kind {
        case .single, .multi, .likert, .ranking:
            let hint = question.kind == .multi ? "Choose up to \(question.maxChoices)." : question.kind == .ranking ? "Put them in order." : ""
            var y = area.y
            let shown = ListWindow.range(count: question.options.count, cursor: 0, rows: area.height - 2)
            for i in shown {
                grid.put(DisplayWidth.fit(DisplayWidth.padLeft("\(i + 1)", 2) + "  " + question.options[i], area.width), x: area.x, y: y)
                y += 1
            }
            if let more = ListWindow.more(count: question.options.count, shown: shown) {
                grid.put(more, x: area.x, y: y, style: .muted)
                y += 1
            }
            if !hint.isEmpty { grid.put(hint, x: area.x, y: y + 1, style: .muted) }
        case .scale:
            grid.put("A number from \(question.scaleRange.lowerBound) to \(question.scaleRange.upperBound).", x: area.x, y: area.y)
        case .words:
            grid.put("Up to \(Question.maxWords) words.", x: area.x, y: area.y)
        case .text:
            grid.put("Free text, up to \(Question.maxTextLength) characters.", x: area.x, y: area.y)
        }
    }
}
