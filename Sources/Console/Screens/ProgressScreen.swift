import PollCore

/// Audience pace: every question of the open round with its answer count, how many
/// participants have answered all of them and how many are connected now, and — for
/// latecomers — the join address and, when it fits, the QR code.
enum ProgressScreen {
    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area full: Rect) {
        guard let round = model.control.openRound else {
            LobbyScreen.draw(model, into: &grid, area: full)
            return
        }
        let hintRow = full.bottom - 1
        var area = full
        area.height -= 1
        if let url = model.joinURLs.first {
            grid.put(DisplayWidth.fit("Join: \(url)   j: the join screen", full.width), x: full.x, y: hintRow - 1, style: .muted)
            area.height -= 1
            area = JoinBlock.drawQR(model, into: &grid, area: area, top: area.y, keep: 60)
        }
        let questions = model.definition.questions(in: round)
        let people = model.tally.participants(in: round)
        let tallies = questions.compactMap { model.tally.tally(round: round, question: $0.id) }
        let complete = tallies.count < questions.count ? 0 : people.filter { token in
            tallies.allSatisfy { $0.answer(of: token) != nil }
        }.count
        grid.put("\(round.capitalized) round — open", x: area.x, y: area.y, style: .bold)
        grid.put(DisplayWidth.fit(LobbyScreen.presence(model, answered: people.count) + " · \(complete) answered every question", area.width),
                 x: area.x, y: area.y + 1, style: .accent)
        let barWidth = max(10, area.width / 4)
        let countWidth = 6
        let labelWidth = area.width - barWidth - countWidth - 6
        let most = max(1, people.count)
        var y = area.y + 3
        for (index, question) in questions.enumerated() {
            guard y < area.bottom else {
                grid.put("… \(questions.count - index) more", x: area.x, y: y - 1, style: .muted)
                break
            }
            let n = model.tally.tally(round: round, question: question.id)?.respondents ?? 0
            let current = question.id == model.control.currentQuestion
            let label = "\(String(index + 1).count == 1 ? " " : "")\(index + 1). \(question.ask)"
            grid.put(DisplayWidth.fit(label, labelWidth), x: area.x, y: y, style: current ? .bold : .plain)
            grid.put(TextBar.render(percent: 100 * Double(n) / Double(most), width: barWidth), x: area.x + labelWidth + 2, y: y, style: .opening)
            grid.put(DisplayWidth.padLeft(String(n), countWidth), x: area.x + labelWidth + barWidth + 3, y: y)
            y += 1
        }
        grid.put("Enter shows the current question · ←→ step through them · r reveals results", x: full.x, y: hintRow, style: .muted, limit: full.width)
    }
}
