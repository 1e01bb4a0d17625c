import Foundation
import PollCore

/// The agenda on one line under the header: the current part, its minutes used of planned,
/// the next part; marked when a part runs over (in colour, and with "over by" in words for
/// monochrome terminals); a prompt when the part that opens a round begins.
enum AgendaBar {
    /// The line and how to draw it; nil when the poll has no agenda.
    static func line(_ model: ConsoleModel) -> (text: String, style: CellStyle)? {
        guard let parts = model.definition.agenda, !parts.isEmpty else { return nil }
        let clock = model.control.agenda ?? AgendaClock()
        let planned = parts.reduce(0) { $0 + $1.minutes }
        guard let index = clock.current else {
            if clock.ended != nil {
                let took = clock.started.indices.compactMap { clock.seconds(of: $0, now: model.now) }.reduce(0, +)
                return ("Agenda done: took \(QandAClock.minutes(took)) of \(planned) min planned", .muted)
            }
            return ("Agenda: \(parts.count) parts, \(planned) min — t starts “\(parts[0].name)” (\(parts[0].minutes) min)", .muted)
        }
        let part = parts[index]
        // Whole seconds, as the clock shows them: 40:00.3 of 40 min is on time.
        let used = (clock.seconds(of: index, now: model.now) ?? 0).rounded(.down)
        var text = "Agenda \(index + 1)/\(parts.count) ▸ \(part.name) \(QandAClock.minutes(used)) of \(part.minutes) min"
        let overBy = used - Double(part.minutes * 60)
        let over = overBy > 0
        // Whole minutes, rounded up: 30 seconds over is "over by 1 min", 7:00 over "over by 7 min".
        if over { text += " — ⚠ over by \(Int((overBy / 60).rounded(.up))) min" }
        if index + 1 < parts.count {
            text += " · next: \(parts[index + 1].name) (\(parts[index + 1].minutes) min) · t moves on"
        } else {
            text += " · last part · t ends the agenda"
        }
        if let round = part.opens, model.control.phase(of: round) == .pending {
            return ("\(round.capitalized) round: press \(key(for: round, in: model.definition)) · " + text, .notice)
        }
        return (text, over ? .error : .accent)
    }

    static func key(for round: String, in definition: PollDefinition) -> String {
        if round == definition.rounds.first { return "o" }
        if round == definition.rounds.last { return "c" }
        return String((definition.rounds.firstIndex(of: round) ?? 0) + 1)
    }

    static func draw(_ model: ConsoleModel, into grid: inout CellGrid) {
        guard let (text, style) = line(model) else { return }
        grid.put(DisplayWidth.fit(text, grid.width - 2), x: 1, y: 2, style: style)
    }
}
