import PollCore

/// The lobby: poll title, event, which round is open, the join code and who has answered.
enum LobbyScreen {
    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area fullArea: Rect) {
        // The QR code on the right, big enough to scan from the back of the room.
        let area = JoinBlock.drawQR(model, into: &grid, area: fullArea, top: fullArea.y, keep: 38)
        var y = area.y + 1
        y += grid.paragraph(model.definition.title, x: area.x, y: y, width: area.width, maxLines: 3, style: .bold)
        if let event = model.definition.event {
            grid.put(event, x: area.x, y: y, style: .muted, limit: area.width)
            y += 1
        }
        y += 1
        let codeLine = "Join code  " + model.joinCode.map(String.init).joined(separator: " ")
        grid.put(codeLine, x: area.x, y: y, style: .accent)
        y += 1
        if !model.joinURLs.isEmpty {
            // Up to three addresses where each fits on its line; where they must wrap, only the
            // first (and the wall page), so that the rounds and the next step keep their rows.
            let wraps = model.joinURLs.contains { DisplayWidth.of($0) + 11 > area.width }
            for url in model.joinURLs.prefix(wraps ? 1 : 3) {
                y += labelled("Join at", url, into: &grid, x: area.x, y: y, width: area.width, style: .bold)
            }
            if let wall = model.wallURL {
                y += labelled("Wall page", wall, into: &grid, x: area.x, y: y, width: area.width, style: .muted)
            }
            y -= 1
        } else {
            grid.put("Join at    the room terminal (kiosk: press k once a round is open)", x: area.x, y: y, style: .muted, limit: area.width)
        }
        y += 2
        if let connected = model.connected {
            let line = "\(connected) connected now (participants with a live page)"
            grid.put(DisplayWidth.of(line) <= area.width ? line : "\(connected) connected now", x: area.x, y: y, style: .accent, limit: area.width)
            y += 1
        }
        for round in model.definition.rounds {
            let phase = model.control.phase(of: round)
            let state = phase == .open ? "open" : phase == .closed ? "closed" : "not opened yet"
            let n = model.participants(in: round)
            grid.put("\(round.capitalized) round", x: area.x, y: y, style: phase == .open ? .notice : .plain, limit: 17)
            let full = "\(state) · \(n) participant\(n == 1 ? "" : "s")"
            grid.put(DisplayWidth.of(full) <= area.width - 18 ? full : "\(state) · \(n)", x: area.x + 18, y: y,
                     style: phase == .open ? .notice : .plain, limit: max(0, area.width - 18))
            y += 1
        }
        y += 1
        let next: String
        if let open = model.control.openRound {
            next = "The \(open) round is open. Enter shows the question; \(open == model.definition.rounds.first ? "o" : "c") closes the round."
        } else if let pending = model.definition.rounds.first(where: { model.control.phase(of: $0) == .pending }) {
            let key = pending == model.definition.rounds.first ? "o" : "c"
            next = "Press \(key) to open the \(pending) round."
        } else {
            next = "Every round has run. v compares the rounds, s shows the summary."
        }
        grid.paragraph(next, x: area.x, y: min(y, area.bottom - 1), width: area.width, maxLines: 2)
    }

    /// "Join at    http://…" on one line, or where the address does not fit beside its label, the
    /// label and the address on the next line (an address is never cut while it fits the
    /// width). Returns the lines used.
    static func labelled(_ label: String, _ url: String, into grid: inout CellGrid, x: Int, y: Int, width: Int, style: CellStyle) -> Int {
        let line = label + String(repeating: " ", count: max(2, 11 - label.count)) + url
        if DisplayWidth.of(line) <= width {
            grid.put(line, x: x, y: y, style: style)
            return 1
        }
        grid.put(label, x: x, y: y, style: style, limit: width)
        grid.put(DisplayWidth.fit("  " + url, width), x: x, y: y + 1, style: style)
        return 2
    }

    /// "12 connected now · 9 participants answered" (without a server here: only who answered).
    static func presence(_ model: ConsoleModel, answered: Int) -> String {
        let people = "\(answered) participant\(answered == 1 ? "" : "s") answered"
        return model.connected.map { "\($0) connected now · " + people } ?? people
    }
}
