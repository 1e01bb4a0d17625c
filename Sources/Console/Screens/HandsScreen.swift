import PollCore

/// The show-of-hands editor: a count per option, typed in by the facilitator.
enum HandsScreen {
    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area: Rect) {
        guard let hands = model.hands, let question = model.definition.question(hands.question) else { return }
        grid.put("Show of hands · \(hands.round) round", x: area.x, y: area.y, style: .notice)
        var y = area.y + 2
        y += grid.paragraph(question.ask, x: area.x, y: y, width: area.width, maxLines: 2, style: .bold) + 1
        let labelWidth = min(40, area.width - 16)
        let shown = ListWindow.range(count: question.options.count, cursor: hands.cursor, rows: area.bottom - 2 - y)
        for i in shown {
            let option = question.options[i]
            let selected = i == hands.cursor
            grid.put(DisplayWidth.fit(option, labelWidth), x: area.x + 2, y: y, style: selected ? .bold : .plain)
            grid.put(DisplayWidth.padLeft(hands.entries[i].isEmpty ? "0" : hands.entries[i], 6) + " hands",
                     x: area.x + labelWidth + 4, y: y, style: selected ? .selected : .plain)
            if selected { grid.put("▸", x: area.x, y: y, style: .bold) }
            y += 1
        }
        if let more = ListWindow.more(count: question.options.count, shown: shown) { grid.put(more, x: area.x + 2, y: y, style: .muted) }
        grid.put("Total \(hands.counts.reduce(0, +)). Counted hands add to this round's answers; they are never paired.",
                 x: area.x, y: area.bottom - 1, style: .muted, limit: area.width)
    }
}
