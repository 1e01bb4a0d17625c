import Foundation
import PollCore

/// The audience Q&A: the equal-time clocks, the question being answered (or the one proposed
/// next, from the side that is behind), and the two columns — in the room, online — each
/// ranked by votes. The wall view shows only what everyone may see; the moderation view
/// marks the waiting and hidden ones.
enum QandAScreen {
    static func draw(_ model: ConsoleModel, into grid: inout CellGrid, area: Rect) {
        let state = model.qandAState, board = model.qandA
        let waiting = board.ranked(states: [.waiting]).count
        let view = state.moderating ? "moderation view (not for the wall)" : "wall view"
        grid.put("Questions from the audience — \(view)", x: area.x, y: area.y, style: state.moderating ? .notice : .bold, limit: area.width)
        if !state.moderating, waiting > 0 {
            let text = "\(waiting) waiting · w shows them"
            grid.put(text, x: area.x + area.width - DisplayWidth.of(text), y: area.y, style: .muted)
        }
        let clock = QandAClock(board, now: model.now)
        grid.put(clock.summary, x: area.x, y: area.y + 1, style: .accent, limit: area.width)
        if let now = board.answering {
            let line = "Now answering (\(now.side.label), \(QandAClock.minutes(now.seconds(now: model.now)))): \(now.text)"
            grid.put(DisplayWidth.fit(line, area.width), x: area.x, y: area.y + 2, style: .rise)
        } else if let next = board.proposal(now: model.now) {
            let line = "Next: \(next.text) — \(clock.behind.label) is behind, g selects it"
            grid.put(DisplayWidth.fit(line, area.width), x: area.x, y: area.y + 2, style: .plain)
        } else {
            grid.put("No question waits to be answered. Participants ask on the Questions page.", x: area.x, y: area.y + 2, style: .muted,
                     limit: area.width)
        }

        // The selected question in full, and the line being typed, at the bottom.
        var footer: [(String, CellStyle)] = []
        if let input = state.input {
            let what: String = switch input.purpose {
            case .edit: "Correct the text (Enter saves, Esc cancels): "
            case .relay(let side): "Type in a question \(side.label) (Enter adds it, Esc cancels): "
            }
            footer = DisplayWidth.wrap(what + input.text + "▏", area.width).suffix(3).map { ($0, .notice) }
        } else if let id = state.selected, let question = board.questions[id] {
            let by = question.name.map { "by \($0)" } ?? (question.channel == .relayed ? "relayed" : "anonymous")
            var about = "\(question.votes) vote\(question.votes == 1 ? "" : "s") · \(question.side.label) · \(by) · \(question.state.rawValue)"
            // The first text stays off the wall: an edit may have removed a name or an insult.
            if state.moderating, let original = question.original { about += " · first asked as: \(original)" }
            footer = DisplayWidth.wrap(question.text, area.width).prefix(2).map { ($0, .bold) }
                + [(DisplayWidth.fit(about, area.width), .muted)]
        }
        let listTop = area.y + 4
        let listBottom = area.bottom - footer.count - (footer.isEmpty ? 0 : 1)
        for (offset, line) in footer.enumerated() {
            grid.put(line.0, x: area.x, y: area.bottom - footer.count + offset, style: line.1, limit: area.width)
        }

        let gap = 2
        let width = (area.width - gap) / 2
        for (index, side) in QandASide.allCases.enumerated() {
            let x = area.x + index * (width + gap)
            let questions = state.column(side, of: board)
            let open = questions.filter { $0.state == .shown || $0.state == .waiting }.count
            let heading = "\(side.heading) · \(open) open · \(QandAClock.minutes(clock[side].seconds))"
            grid.put(DisplayWidth.fit(heading, width), x: x, y: listTop - 1, style: side == state.side ? .headerAccent : .header)
            draw(questions, state: state, into: &grid, x: x, y: listTop, width: width, bottom: listBottom)
        }
    }

    /// One column: a line per question, scrolled so that the selection shows.
    static func draw(_ questions: [QandAQuestion], state: QandAScreenState, into grid: inout CellGrid,
                     x: Int, y: Int, width: Int, bottom: Int) {
        let rows = max(0, bottom - y)
        guard rows > 0 else { return }
        let selectedIndex = questions.firstIndex { $0.id == state.selected } ?? 0
        let first = max(0, min(selectedIndex - rows / 2, questions.count - rows))
        for (row, question) in questions.dropFirst(first).prefix(rows).enumerated() {
            let mark = switch question.state {
            case .answering: "▶"
            case .waiting: "◌"
            case .answered: "✓"
            case .hidden: "✗"
            default: state.merging == question.id ? "≡" : " "
            }
            let line = "\(mark)\(DisplayWidth.padLeft("▲\(question.votes)", 5)) \(question.text)"
            let selected = question.id == state.selected && question.side == state.side
            let style: CellStyle = selected ? .selected
                : question.state == .answering ? .rise
                : question.state == .waiting ? .notice
                : question.state == .answered || question.state == .hidden ? .muted : .plain
            grid.put(DisplayWidth.fit(line, width), x: x, y: y + row, style: style)
        }
        if questions.isEmpty { grid.put("No questions yet.", x: x + 1, y: y, style: .muted, limit: width - 1) }
    }
}
