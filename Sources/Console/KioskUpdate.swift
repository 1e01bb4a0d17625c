import PollCore

/// Kiosk mode: voters without a device answer the open round's questions at the room
/// terminal, one after another. Leaving needs Ctrl-X then Y, which a voter will not press by chance.
enum KioskUpdate {
    static let codeLength = 5

    static func enter(_ model: inout ConsoleModel) {
        guard let round = model.control.openRound else {
            model.banner = Banner("Open a round first (o or c): kiosk voters answer the open round.", kind: .error)
            return
        }
        model.kiosk = KioskState(round: round, questions: questions(for: round, model))
        model.screen = .kiosk
        model.banner = nil
    }

    /// What a voter answers: every question of the round in audience pace; in presenter pace
    /// only the question whose voting is open (none while voting is closed).
    static func questions(for round: String, _ model: ConsoleModel) -> [String] {
        if model.control.pace == .presenter {
            guard model.control.votingOpen, let current = model.currentQuestion, current.isAsked(in: round) else { return [] }
            return [current.id]
        }
        return model.definition.questions(in: round).map(\.id)
    }

    /// Whether `round` is the poll's first round (where voter codes are handed out).
    static func isFirstRound(_ round: String, _ model: ConsoleModel) -> Bool {
        model.definition.rounds.first == round
    }

    static func handle(_ key: Key, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        guard var kiosk = model.kiosk else { return [] }
        defer { if model.screen == .kiosk { model.kiosk = kiosk } }
        if key == .control("x") || key == .control("c") {
            if case .confirmLeave = kiosk.step { return [] }
            kiosk.step = .confirmLeave(returnTo: kiosk.step)
            return []
        }
        switch kiosk.step {
        case .confirmLeave(let previous):
            if key == .character("y") || key == .character("Y") {
                model.kiosk = nil
                model.screen = .question
                model.banner = Banner("Left kiosk mode after \(kiosk.voters) voter\(kiosk.voters == 1 ? "" : "s").")
            } else {
                kiosk.step = previous
            }
        case .welcome(let typed, _):
            welcome(key, typed: typed, &kiosk, &model)
        case .showCode:
            if key == .enter { start(&kiosk, &model) }
        case .question(let index):
            return answer(key, index: index, &kiosk, &model)
        case .thanks:
            if key == .enter, kiosk.pending.isEmpty {
                kiosk.step = .welcome(typed: "", error: nil)
                kiosk.voterCode = nil
                kiosk.answered = 0
            }
        }
        return []
    }

    static func welcome(_ key: Key, typed: String, _ kiosk: inout KioskState, _ model: inout ConsoleModel) {
        let asksForCode = !isFirstRound(kiosk.round, model)
        switch key {
        case .enter:
            kiosk.questions = questions(for: kiosk.round, model)
            guard !kiosk.questions.isEmpty else {
                kiosk.step = .welcome(typed: typed, error: "No question is open for voting yet — please wait for the facilitator.")
                return
            }
            let code = typed.uppercased()
            if asksForCode, !code.isEmpty {
                guard knownCodes(model).contains(code) else {
                    kiosk.step = .welcome(typed: typed, error: "No voter with the code \(code). Check it, or clear it to continue without one.")
                    return
                }
                let token = KioskState.token(for: code)
                if model.tally.participants(in: kiosk.round).contains(token) {
                    kiosk.step = .welcome(typed: typed, error: "The code \(code) has already answered in this round.")
                    return
                }
                kiosk.voterCode = code
                start(&kiosk, &model)
            } else {
                kiosk.voterCode = newCode(&model)
                // The code pairs answers in a later round; after the last round there is none.
                if kiosk.round == model.definition.rounds.last, model.definition.rounds.count > 1 {
                    start(&kiosk, &model)
                } else {
                    kiosk.step = .showCode
                }
            }
        case .character(let c) where asksForCode && (c.isLetter || c.isNumber) && typed.count < codeLength:
            kiosk.step = .welcome(typed: typed + String(c).uppercased(), error: nil)
        case .backspace where asksForCode:
            kiosk.step = .welcome(typed: String(typed.dropLast()), error: nil)
        default:
            break
        }
    }

    /// Codes of kiosk voters who answered in any round so far.
    static func knownCodes(_ model: ConsoleModel) -> Set<String> {
        var codes: Set<String> = []
        for round in model.definition.rounds {
            codes.formUnion(model.tally.participants(in: round).compactMap(KioskState.code(fromToken:)))
        }
        return codes
    }

    static func newCode(_ model: inout ConsoleModel) -> String {
        let known = knownCodes(model)
        while true {
            let code = String((0..<codeLength).map { _ in JoinCode.alphabet.randomElement(using: &model.random)! })
            if !known.contains(code) { return code }
        }
    }

    static func start(_ kiosk: inout KioskState, _ model: inout ConsoleModel) {
        guard !kiosk.questions.isEmpty else {
            kiosk.step = .thanks
            return
        }
        begin(index: 0, &kiosk, model)
    }

    static func begin(index: Int, _ kiosk: inout KioskState, _ model: ConsoleModel) {
        guard index < kiosk.questions.count, let question = model.definition.question(kiosk.questions[index]) else {
            kiosk.step = .thanks
            if kiosk.answered > 0 { kiosk.voters += 1 }
            return
        }
        kiosk.step = .question(index: index)
        kiosk.draft = KioskDraft(for: question)
        kiosk.problem = nil
    }

    static func answer(_ key: Key, index: Int, _ kiosk: inout KioskState, _ model: inout ConsoleModel) -> [ConsoleEffect] {
        guard let question = model.definition.question(kiosk.questions[index]), let code = kiosk.voterCode else { return [] }
        var draft = kiosk.draft
        kiosk.problem = nil
        switch key {
        case .tab:
            begin(index: index + 1, &kiosk, model)
            return []
        case .backTab:
            begin(index: max(0, index - 1), &kiosk, model)
            return []
        case .enter:
            switch KioskDraftAnswer.answer(draft, for: question) {
            case .none:
                begin(index: index + 1, &kiosk, model)   // nothing chosen: skipped
            case .some(.failure(let problem)):
                kiosk.problem = problem.description
            case .some(.success(let answer)):
                kiosk.pending.insert(question.id)
                kiosk.answered += 1
                begin(index: index + 1, &kiosk, model)
                return [.submitKiosk(participant: KioskState.token(for: code), round: kiosk.round, question: question.id, answer: answer,
                                     language: model.definition.language ?? model.definition.mainLanguage)]
            }
            return []
        default:
            KioskDraftAnswer.edit(&draft, key: key, question: question)
        }
        kiosk.draft = draft
        return []
    }

    /// The outcome of storing a kiosk answer: confirmed, or the voter is taken back to the
    /// question with the reason.
    static func stored(_ event: ConsoleEvent, question: String, _ model: inout ConsoleModel) {
        guard var kiosk = model.kiosk, kiosk.pending.remove(question) != nil else { return }
        if case .kioskRefused(_, let reason) = event, let index = kiosk.questions.firstIndex(of: question) {
            if case .thanks = kiosk.step, kiosk.answered > 0 { kiosk.voters -= 1 }
            kiosk.answered -= 1
            begin(index: index, &kiosk, model)
            kiosk.problem = "Not saved: \(reason)"
        }
        model.kiosk = kiosk
    }
}
