import PollCore

/// Kiosk mode: a voter answers the open round at the room terminal. No facilitator keys are
/// shown; large, plain and one question at a time.
enum KioskScreen {
    static func draw(_ model: ConsoleModel, _ kiosk: KioskState, into grid: inout CellGrid) {
        Chrome.titleBar(model.definition.title, right: "kiosk · \(kiosk.round) round", into: &grid)
        let area = Rect(x: 4, y: 3, width: grid.width - 8, height: grid.height - 5)
        var footer = ""
        switch kiosk.step {
        case .welcome(let typed, let error):
            grid.put("Welcome! Answer a few questions at this terminal.", x: area.x, y: area.y + 1, style: .bold)
            if KioskUpdate.isFirstRound(kiosk.round, model) {
                grid.put("Press Enter to start.", x: area.x, y: area.y + 3, style: .accent)
            } else {
                grid.paragraph("If you voted at this terminal earlier, type your voter code so your answers are paired. Otherwise just press Enter.",
                               x: area.x, y: area.y + 3, width: area.width)
                grid.put("Voter code: ", x: area.x, y: area.y + 6)
                grid.put(DisplayWidth.fit(typed, KioskUpdate.codeLength) + " ", x: area.x + 12, y: area.y + 6, style: .selected)
                if let error { grid.paragraph(error, x: area.x, y: area.y + 8, width: area.width, style: .error) }
            }
            footer = "Enter start"
        case .showCode:
            grid.put("Your voter code", x: area.x, y: area.y + 1, style: .bold)
            grid.put((kiosk.voterCode ?? "").map(String.init).joined(separator: " "), x: area.x, y: area.y + 3, style: .accent)
            grid.paragraph("Please note it down: typing it in a later round pairs your answers, so we can see how views moved. It is not linked to your name.",
                           x: area.x, y: area.y + 5, width: area.width)
            footer = "Enter continue"
        case .question(let index):
            drawQuestion(model, kiosk, index: index, into: &grid, area: area)
            footer = "Enter confirm  Tab skip  Shift-Tab back"
        case .thanks where !kiosk.pending.isEmpty:
            grid.center("Saving your answers…", y: grid.height / 2, style: .notice)
        case .thanks where kiosk.answered == 0:
            grid.center("No answers given — that is fine.", y: grid.height / 2 - 1, style: .bold)
            grid.center("Next voter: press Enter.", y: grid.height / 2 + 1, style: .accent)
            footer = "Enter next voter"
        case .thanks:
            grid.center("Thank you — your answers are saved.", y: grid.height / 2 - 1, style: .bold)
            grid.center("Next voter: press Enter.", y: grid.height / 2 + 1, style: .accent)
            footer = "Enter next voter"
        case .confirmLeave:
            Dialog.draw(["Leave kiosk mode? (for the facilitator)", "", "y  leave      any other key  stay"], title: "Kiosk", into: &grid)
            footer = ""
        }
        grid.fill(y: grid.height - 1, style: .header)
        grid.put(" " + footer, x: 0, y: grid.height - 1, style: .header)
    }

    static func drawQuestion(_ model: ConsoleModel, _ kiosk: KioskState, index: Int, into grid: inout CellGrid, area: Rect) {
        guard let question = model.definition.question(kiosk.questions[index]) else { return }
        let draft = kiosk.draft
        grid.put("Question \(index + 1) of \(kiosk.questions.count)", x: area.x, y: area.y, style: .muted)
        var y = area.y + 2
        y += grid.paragraph(question.ask, x: area.x, y: y, width: area.width, maxLines: 3, style: .bold) + 1
        let hint: String
        switch question.kind {
        case .single, .likert, .multi:
            let shown = ListWindow.range(count: question.options.count, cursor: draft.cursor, rows: area.bottom - 3 - y)
            let numberWidth = String(question.options.count).count
            for i in shown {
                let marked = question.kind == .multi ? draft.chosen.contains(i) : (draft.picked && draft.cursor == i)
                let box = question.kind == .multi ? (marked ? "[x]" : "[ ]") : (marked ? "(•)" : "( )")
                let highlight = i == draft.cursor && (question.kind == .multi || draft.picked)
                grid.put(DisplayWidth.fit(DisplayWidth.padLeft("\(i + 1)", numberWidth) + "  \(box) \(question.options[i])", area.width - 2),
                         x: area.x + 2, y: y, style: highlight ? .selected : .plain)
                y += 1
            }
            if let more = ListWindow.more(count: question.options.count, shown: shown) {
                grid.put(more, x: area.x + 2, y: y, style: .muted)
            }
            hint = question.kind == .multi
                ? "Number keys or Space choose (up to \(question.maxChoices)); Enter confirms."
                : "Number keys or ↑↓ choose; Enter confirms."
        case .scale:
            let range = question.scaleRange
            let value = draft.value.map(String.init) ?? "–"
            grid.put("\(range.lowerBound) … \(range.upperBound):  ", x: area.x + 2, y: y)
            grid.put(" \(value) ", x: area.x + 2 + DisplayWidth.of("\(range.lowerBound) … \(range.upperBound):  "), y: y, style: .selected)
            if let v = draft.value, range.contains(v) {
                let width = min(40, area.width - 4)
                let share = 100 * Double(v - range.lowerBound) / Double(range.count - 1)
                grid.put(TextBar.render(percent: share, width: width), x: area.x + 2, y: y + 2, style: .accent)
            }
            hint = "←→ or type a number; Enter confirms."
        case .ranking:
            let shown = ListWindow.range(count: draft.order.count, cursor: draft.cursor, rows: area.bottom - 3 - y)
            for place in shown {
                let selected = place == draft.cursor
                let mark = selected ? (draft.grabbed ? "⇅" : "▸") : " "
                grid.put(DisplayWidth.fit("\(mark) \(place + 1). \(question.options[draft.order[place]])", area.width - 2),
                         x: area.x + 2, y: y, style: selected ? .selected : .plain)
                y += 1
            }
            if let more = ListWindow.more(count: draft.order.count, shown: shown) {
                grid.put(more, x: area.x + 2, y: y, style: .muted)
            }
            hint = "↑↓ move; Space picks an item up or puts it down; Enter confirms."
        case .words, .text:
            let limit = question.kind == .text ? Question.maxTextLength : nil
            y += grid.paragraph(draft.typed + "▏", x: area.x + 2, y: y, width: area.width - 4, maxLines: 5, style: CellStyle(underline: true))
            hint = question.kind == .words
                ? "Type up to \(Question.maxWords) words separated by spaces; Enter confirms."
                : "Type your answer (\(draft.typed.count)/\(limit ?? 0)); Enter confirms."
        }
        if let problem = kiosk.problem {
            grid.put(problem, x: area.x, y: area.bottom - 2, style: .error, limit: area.width)
        }
        grid.put(hint, x: area.x, y: area.bottom - 1, style: .muted, limit: area.width)
    }
}
