import PollCore

/// The results of one question in one round, for every kind.
enum Results {
    /// `labels` with a ✓ before the right ones and room for it before the others; unchanged
    /// when no option is marked.
    static func marked(_ labels: [String], correct: Set<Int>) -> [String] {
        correct.isEmpty ? labels : labels.indices.map { (correct.contains($0) ? "✓ " : "  ") + labels[$0] }
    }

    /// `markCorrect`: a knowledge question's right option(s) get a ✓ (only once no open round
    /// asks the question: see `Question.revealsCorrectAnswer`).
    static func draw(_ question: Question, tally: QuestionTally, scroll: Int, markCorrect: Bool = false, into grid: inout CellGrid, area: Rect) {
        let n = tally.respondents
        guard n > 0 else {
            grid.put("No answers yet.", x: area.x, y: area.y, style: .muted)
            return
        }
        func percent(_ count: Int) -> Double { 100 * Double(count) / Double(n) }
        switch question.kind {
        case .single, .multi, .likert:
            let marks = marked(question.options, correct: markCorrect ? Set(question.correct ?? []) : [])
            rows(marks.enumerated().map { ($0.element, tally.counts[$0.offset]) }, n: n, into: &grid, area: area)
            if let hands = tally.hands {
                let total = hands.reduce(0, +)
                grid.put("includes \(total) counted by show of hands", x: area.x, y: min(area.bottom - 1, area.y + question.options.count + 1), style: .muted)
            }
        case .scale:
            // A wide scale (0–100) in ranges, as the report lists it; the mean uses the values.
            let range = question.scaleRange
            let bins = ScaleBins(range)
            let labels = bins.labels
            rows(zip(labels, bins.counts(tally.counts)).map { ($0, $1) }, n: n, into: &grid,
                 area: Rect(x: area.x, y: area.y, width: area.width, height: area.height - 1))
            let sum = tally.counts.enumerated().reduce(0) { $0 + ($1.offset + range.lowerBound) * $1.element }
            let mean = Double(sum) / Double(n)
            grid.put("mean \(NumberText.decimal(mean)) (n = \(n))", x: area.x, y: min(area.bottom - 1, area.y + labels.count), style: .accent)
        case .ranking:
            let order = question.options.indices.sorted {
                (tally.rankSums[$0], $0) < (tally.rankSums[$1], $1)
            }
            grid.put("Order by mean rank (1 = first)", x: area.x, y: area.y, style: .muted)
            let labelWidth = max(10, area.width - 32)
            for (place, option) in order.enumerated() where area.y + 1 + place < area.bottom {
                let mean = Double(tally.rankSums[option]) / Double(n)
                let line = DisplayWidth.padLeft("\(place + 1).", 3) + " " + DisplayWidth.fit(question.options[option], labelWidth - 4)
                    + "  mean rank " + NumberText.decimal(mean, places: 1) + "  first for \(tally.counts[option])"
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
            grid.put(DisplayWidth.padLeft(String(item.1), 5) + DisplayWidth.padLeft(NumberText.percent(share), 6),
                     x: area.x + labelWidth + barWidth + 2, y: y)
        }
    }

}
