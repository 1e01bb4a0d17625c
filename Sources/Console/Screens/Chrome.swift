import PollCore

/// The frame around the facilitator's screens: the header (poll, join code, rounds), a
/// message line and the key line at the bottom.
enum Chrome {
    /// Rows between the header lines and the message line.
    static func contentArea(_ size: TerminalSize) -> Rect {
        Rect(x: 2, y: 3, width: size.columns - 4, height: size.rows - 5)
    }

    static func draw(_ model: ConsoleModel, into grid: inout CellGrid) {
        let width = grid.width
        titleBar(model.definition.title, right: "join \(model.joinCode)", into: &grid)

        let pace = model.control.pace == .audience ? "audience pace" : "presenter pace"
        let paceX = width - DisplayWidth.of(pace) - 1
        grid.put(pace, x: paceX, y: 1, style: .muted)
        var x = 1
        for round in model.definition.rounds {
            let phase = model.control.phase(of: round)
            let mark = phase == .open ? "●" : phase == .closed ? "■" : "○"
            let label = "\(mark) \(round) \(phase == .open ? "open" : phase == .closed ? "closed" : "not yet") · \(model.participants(in: round))"
            guard x + DisplayWidth.of(label) < paceX - 1 else {
                grid.put("…", x: x, y: 1, style: .muted)
                break
            }
            x += grid.put(label, x: x, y: 1, style: phase == .open ? .notice : .muted) + 3
        }

        AgendaBar.draw(model, into: &grid)

        if let banner = model.banner {
            grid.put(banner.text, x: 1, y: grid.height - 2, style: banner.kind == .error ? .error : .notice, limit: width - 2)
        } else if let status = model.status {
            grid.put(status, x: 1, y: grid.height - 2, style: .muted, limit: width - 2)
        }
        grid.fill(y: grid.height - 1, style: .header)
        grid.put(" " + footer(model), x: 0, y: grid.height - 1, style: .header, limit: width)
    }

    /// The reverse-video top line: a title on the left (cut with "…"), a label on the right.
    static func titleBar(_ title: String, right: String, into grid: inout CellGrid) {
        grid.fill(y: 0, style: .header)
        let rightText = " \(right) "
        let rightWidth = DisplayWidth.of(rightText)
        grid.put(" " + DisplayWidth.fit(title, max(0, grid.width - rightWidth - 2)), x: 0, y: 0, style: .headerAccent)
        grid.put(rightText, x: grid.width - rightWidth, y: 0, style: .headerAccent)
    }

    static func footer(_ model: ConsoleModel) -> String {
        let first = model.definition.rounds.first ?? "opening", last = model.definition.rounds.last ?? "closing"
        let rounds = "o/c \(first)/\(last)"
        switch model.screen {
        case .hands: return "↑↓ option  0-9 count  Tab round  Enter save  Esc cancel"
        case .qandA:
            if model.qandAState.input != nil { return "type the text  Enter save  Esc cancel" }
            let back = model.moderator ? "q quit" : "Esc back"
            if model.size.columns < 100 { return "↑↓←→ select  y approve  x hide  Space answer  d done  ? keys  \(back)" }
            if model.size.columns < 150 { return "↑↓←→ select  y approve  x hide  Space answer  d answered  t type in  ? keys  \(back)" }
            return "↑↓←→ select  y approve  x hide  u restore  Space answer now  d answered  e edit  t type in  m merge  g next  w view  ? keys  \(back)"
        case .summary: return "↑↓ scroll  s back  v compare  ←→ question  ? help  q quit"
        default:
            let space = model.control.pace == .presenter ? "  Space voting" : ""
            if model.size.columns < 110 {
                let summary = model.control.pace == .presenter ? "" : "  s summary"
                return "←→ question  o/c rounds\(space)  r reveal  v compare\(summary)  ? keys  q quit"
            }
            return "←→ question  \(rounds)\(space)  r reveal  v compare  s summary  k kiosk  h hands  ? help  q quit"
        }
    }
}
