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
        grid.put("Question \(model.currentNumber) of \(model.definition.questions.count) · \(question.kind.rawValue) · \(state)",
                 x: area.x, y: area.y, style: open ? .notice : .muted, limit: area.width - 14)
        let count = "\(n) answer\(n == 1 ? "" : "s")"
        grid.put(count, x: area.x + area.width - DisplayWidth.of(count), y: area.y, style: .accent)
        var y = area.y + 2
        y += grid.paragraph(question.ask, x: area.x, y: y, width: area.width, maxLines: 3, style: .bold) + 1
        let body = Rect(x: area.x, y: y, width: area.width, height: area.bottom - y)
        if open, !model.revealed {
            drawOptions(question, into: &grid, area: body)
            grid.put("Results hidden while voting is open — r reveals them.", x: area.x, y: area.bottom - 1, style: .muted, limit: area.width)
        } else if let tally {
            Results.draw(question, tally: tally, scroll: model.scroll, into: &grid, area: body)
        }
    }

    /// The options as participants see them, without results.
    static func drawOptions(_ question: Question, into grid: inout CellGrid, area: Rect) {
        switch question.kind {
        case .single, .multi, .likert, .ranking:
            let hint = question.kind == .multi ? "Choose up to \(question.maxChoices)." : question.kind == .ranking ? "Put them in order." : ""
            var y = area.y
            for (i, option) in question.options.enumerated() where y < area.bottom - 2 {
                grid.put(DisplayWidth.padLeft("\(i + 1)", 2) + "  " + option, x: area.x, y: y, limit: area.width)
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

/// The results of one question in one round, for every kind.
enum Results {
    static func draw(_ question: Question, tally: QuestionTally, scroll: Int, into grid: inout CellGrid, area: Rect) {
        let n = tally.respondents
        guard n > 0 else {
            grid.put("No answers yet.", x: area.x, y: area.y, style: .muted)
            return
        }
        func percent(_ count: Int) -> Double { 100 * Double(count) / Double(n) }
        switch question.kind {
        case .single, .multi, .likert:
            rows(question.options.enumerated().map { ($0.element, tally.counts[$0.offset]) }, n: n, into: &grid, area: area)
            if let hands = tally.hands {
                let total = hands.reduce(0, +)
                grid.put("includes \(total) counted by show of hands", x: area.x, y: min(area.bottom - 1, area.y + question.options.count + 1), style: .muted)
            }
        case .scale:
            let range = question.scaleRange
            let labels = range.map(String.init)
            rows(zip(labels, tally.counts).map { ($0, $1) }, n: n, into: &grid, area: Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1))
            let sum = tally.counts.enumerated().reduce(0) { $0 + ($1.offset + range.lowerBound) * $1.element }
            let mean = Double(sum) / Double(n)
            grid.put("mean \(format(mean)) (n = \(n))", x: area.x, y: min(area.bottom - 1, area.y + labels.count), style: .accent)
        case .ranking:
            let order = question.options.indices.sorted {
                (tally.rankSums[$0], $0) < (tally.rankSums[$1], $1)
            }
            grid.put("Order by mean rank (1 = first)", x: area.x, y: area.y, style: .muted)
            let labelWidth = max(10, area.width - 32)
            for (place, option) in order.enumerated() where area.y + 1 + place < area.bottom {
                let mean = Double(tally.rankSums[option]) / Double(n)
                let line = DisplayWidth.padLeft("\(place + 1).", 3) + " " + DisplayWidth.fit(question.options[option], labelWidth - 4)
                    + "  mean rank " + format(mean, places: 1) + "  first for \(tally.counts[option])"
                grid.put(line, x: area.x, y: area.y + 1 + place, style: place == 0 ? .bold : .plain, limit: area.width)
            }
        case .words:
            let words = tally.wordCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            grid.put("Most used words (share of \(n) respondents)", x: area.x, y: area.y, style: .muted)
            rows(words.map { ($0.key, $0.value) }, n: n, into: &grid, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
        case .text:
            let texts = Array(tally.texts.reversed())
            let start = min(scroll, max(0, texts.count - 1))
            grid.put("Latest answers (\(texts.count)) — ↑↓ scroll", x: area.x, y: area.y, style: .muted)
            var y = area.y + 1
            for (offset, text) in texts.dropFirst(start).enumerated() where y < area.bottom {
                let used = grid.paragraph("– " + text, x: area.x, y: y, width: area.width, maxLines: min(3, area.bottom - y),
                                          style: offset == 0 && start == 0 ? .bold : .plain)
                y += used
            }
        }
    }

    /// Label, bar, count and percentage per row.
    static func rows(_ items: [(String, Int)], n: Int, into grid: inout CellGrid, area: Rect) {
        let labelWidth = min(max(12, items.map { DisplayWidth.of($0.0) }.max() ?? 0), area.width / 2)
        let barWidth = max(8, min(50, area.width - labelWidth - 14))
        for (index, item) in items.enumerated() {
            let y = area.y + index
            guard y < area.bottom else {
                grid.put("… \(items.count - index) more", x: area.x, y: area.bottom - 1, style: .muted)
                break
            }
            let share = 100 * Double(item.1) / Double(max(n, 1))
            grid.put(DisplayWidth.fit(item.0, labelWidth), x: area.x, y: y)
            grid.put(TextBar.render(percent: share, width: barWidth), x: area.x + labelWidth + 1, y: y, style: .opening)
            grid.put(DisplayWidth.padLeft(String(item.1), 5) + DisplayWidth.padLeft(format(share, places: 0) + "%", 6),
                     x: area.x + labelWidth + barWidth + 2, y: y)
        }
    }

    static func format(_ value: Double, places: Int = 2) -> String {
        let factor = pow10(places)
        let rounded = (value * factor).rounded() / factor
        var text = places == 0 ? String(Int(rounded)) : String(rounded)
        if places > 0 {
            let decimals = text.split(separator: ".").last.map(\.count) ?? 0
            text += String(repeating: "0", count: max(0, places - decimals))
        }
        return text
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1) { result, _ in result * 10 } }
}
