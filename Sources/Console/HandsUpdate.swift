import PollCore

/// Keys of the show-of-hands editor.
enum HandsUpdate {
    static func enter(_ model: inout ConsoleModel) {
        guard let question = model.currentQuestion else { return }
        guard question.kind == .single || question.kind == .likert else {
            model.banner = Banner("A show of hands counts single and likert questions only.", kind: .error)
            return
        }
        guard let round = model.displayRound(for: question), model.control.phase(of: round) != .pending else {
            model.banner = Banner("Open a round first: hands are counted for a round that has run.", kind: .error)
            return
        }
        model.hands = HandsState(question: question, round: round,
                                 counts: model.tally.tally(round: round, question: question.id)?.hands)
        model.screen = .hands
        model.banner = nil
    }

    static func handle(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        guard var hands = model.hands, let question = model.definition.question(hands.question) else {
            model.screen = .question
            return []
        }
        defer { if model.screen == .hands { model.hands = hands } }
        switch key {
        case .up:
            hands.cursor = max(0, hands.cursor - 1)
        case .down:
            hands.cursor = min(hands.entries.count - 1, hands.cursor + 1)
        case .character(let c) where c.isASCII && c.isNumber:
            if hands.entries[hands.cursor] == "0" { hands.entries[hands.cursor] = "" }
            if hands.entries[hands.cursor].count < 5 { hands.entries[hands.cursor].append(c) }
        case .backspace:
            if !hands.entries[hands.cursor].isEmpty { hands.entries[hands.cursor].removeLast() }
        case .tab:
            // Another round the question is asked in and that has run; typed counts are saved first.
            let stored = model.tally.tally(round: hands.round, question: question.id)?.hands
                ?? Array(repeating: 0, count: question.options.count)
            guard hands.counts == stored else {
                model.banner = Banner("Enter saves these counts first (Esc drops them).", kind: .error)
                return []
            }
            let rounds = question.rounds.filter { model.control.phase(of: $0) != .pending }
            if let i = rounds.firstIndex(of: hands.round) {
                let next = rounds[(i + 1) % rounds.count]
                hands = HandsState(question: question, round: next,
                                   counts: model.tally.tally(round: next, question: question.id)?.hands)
            }
        case .enter:
            return [.saveHands(round: hands.round, question: hands.question, counts: hands.counts)]
        case .escape, .control("c"):
            model.hands = nil
            model.screen = .question
        default:
            break
        }
        return []
    }
}
