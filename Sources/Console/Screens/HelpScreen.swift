/// Every key of the console, reachable with `?`.
enum HelpScreen {
    static func lines(_ model: ConsoleModel) -> [String] {
        let rounds = model.definition.rounds
        var lines = [
            "←  →  or  p  n   previous / next question",
            "o                open or close the \(rounds.first ?? "opening") round",
            "c                open or close the \(rounds.last ?? "closing") round",
        ]
        if rounds.count > 2 { lines.append("1 … \(rounds.count)            open or close round 1 … \(rounds.count)") }
        lines += [
            "Space            presenter pace: open or close voting on this question",
            "r                reveal or hide the results of this question",
            "v                compare the rounds for this question",
            "s                summary of every question, largest shift first",
            "k                kiosk: voters answer here (leave with Ctrl-X, then Y)",
            "h                type in show-of-hands counts for this question",
            "Enter / Esc      question screen / back to the overview",
            "↑ ↓  PgUp PgDn   scroll long lists",
            "?                this help      q  quit (asks while a round is open)",
            "",
            "Opening one round closes the other. Any key closes this help.",
        ]
        return lines
    }

    static func draw(_ model: ConsoleModel, into grid: inout CellGrid) {
        Dialog.draw(lines(model), title: "Keys", into: &grid)
    }
}
