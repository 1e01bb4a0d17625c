/// Every key of the console, reachable with `?`.
enum HelpScreen {
    static func lines(_ model: ConsoleModel) -> [String] {
        if model.screen == .qandA { return qandALines(model) }
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
            "s                summary of every question, clear shifts first",
            "k                kiosk: voters answer here (leave with Ctrl-X, then Y)",
            "h                type in show-of-hands counts for this question",
            "a                audience Q&A: questions from the room and online",
            "j                the join screen: code, address and QR code",
            "t                agenda: start it, or move on to the next part",
            "l                show a translated poll in its next language",
            "Enter / Esc      question screen / back to the overview",
            "↑ ↓  PgUp PgDn   scroll long lists",
            "?                this help      q  quit (asks while a round is open)",
            "",
            "Opening one round closes the other. Any key closes this help.",
        ]
        return lines
    }

    static func qandALines(_ model: ConsoleModel) -> [String] {
        [
            "←→ Tab           the room's column / the online column",
            "↑ ↓              select a question",
            "y  Enter         approve a waiting question (it shows to everyone)",
            "x  /  u          hide a question  /  restore a hidden or answered one",
            "Space            answer the selected question now: its side's clock runs",
            "d                the question being answered is answered",
            "g                select the proposed next question (from the side behind)",
            "e                correct the selected question's text (the original is kept)",
            "t                type in a question relayed from chat or a card (this column)",
            "m … m            merge a duplicate into another question: its votes add up",
        ] + (model.moderator ? ["q                quit"] : [
            "w                wall view (approved only) / moderation view",
            "Esc  a           back to the screen before",
        ]) + ["", "Any key closes this help."]
    }

    static func draw(_ model: ConsoleModel, into grid: inout CellGrid) {
        Dialog.draw(lines(model), title: "Keys", into: &grid)
    }
}
