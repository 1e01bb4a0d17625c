import Console
import Foundation
import PollCore

/// Polls and models for the console tests.
enum ConsoleFixtures {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let poll = PollDefinition(title: "Is encryption a human right? Voices of human rights actors",
                                     event: "Workshop, 90 minutes, hybrid", questions: [
        Question(id: "special", kind: .single, ask: "Does encryption require special protection under international human rights law?",
                 options: ["Yes", "No", "Not sure"], rounds: ["opening", "closing"]),
        Question(id: "approach", kind: .multi, ask: "How should stakeholders approach encryption in treaties? (up to two)",
                 options: ["Protect it explicitly", "Leave it out", "Lawful-access exceptions"], max: 2, rounds: ["opening", "closing"]),
        Question(id: "right", kind: .likert, ask: "Encryption is an emerging fourth-generation human right.",
                 options: Question.defaultLikertLabels, rounds: ["opening", "closing"]),
        Question(id: "confidence", kind: .scale, ask: "How confident are you that the treaty will protect human rights?",
                 max: 10, min: 0, rounds: ["opening", "closing"]),
        Question(id: "routes", kind: .ranking, ask: "Which routes work best against digital-ID harms?",
                 options: ["Strategic litigation", "Mapping legislation", "Multilateral engagement"], rounds: ["opening", "closing"]),
        Question(id: "word", kind: .words, ask: "Digital ID in one word.", rounds: ["opening", "closing"]),
        Question(id: "takeaway", kind: .text, ask: "What will you take away?", rounds: ["closing"]),
    ])

    /// Options in Chinese, Arabic and emoji, to check that wide and right-to-left text lines up.
    static let worldPoll = PollDefinition(title: "多语言投票 · استطلاع متعدد اللغات 🌍", questions: [
        Question(id: "lang", kind: .single, ask: "你最喜欢哪种语言？ أي لغة تفضل؟",
                 options: ["中文（普通话）", "العربية", "Español 🇪🇸", "🙂👍 表情"], rounds: ["opening", "closing"]),
    ])

    /// A model of `poll` with a seeded audience's answers: the opening round answered and
    /// closed, the closing round answered and open.
    static func model(_ definition: PollDefinition = poll, size: TerminalSize = .minimum, closingOpen: Bool = true,
                      pace: Pace = .audience) -> ConsoleModel {
        var engine = SessionEngine(definition: definition, control: SessionControl(startOf: definition, pace: pace))
        var tally = Tally(definition: definition)
        let audience = SimulatedAudience(definition: definition, size: 40, seed: 11)
        for round in definition.rounds {
            _ = try? engine.handle(.openRound(round))
            for submission in audience.submissions(round: round, at: now) {
                if case .success(let response) = engine.checkRecorded(submission) { tally.record(response) }
            }
        }
        if !closingOpen { _ = try? engine.handle(.closeRound(definition.rounds.last!)) }
        return ConsoleModel(sessionName: "workshop", joinCode: "K7M2QX", control: engine.control, tally: tally, size: size, seed: 5)
    }

    /// A model of a session nobody has answered yet, nothing open.
    static func fresh(_ definition: PollDefinition = poll, size: TerminalSize = .minimum, pace: Pace = .audience) -> ConsoleModel {
        ConsoleModel(sessionName: "workshop", joinCode: "K7M2QX", control: SessionControl(startOf: definition, pace: pace),
                     tally: Tally(definition: definition), size: size, seed: 5)
    }

    /// Applies events the way the shell does: session effects go through an engine and come
    /// back as the stored control state.
    @discardableResult
    static func send(_ events: [ConsoleEvent], to model: inout ConsoleModel) -> [ConsoleEffect] {
        var all: [ConsoleEffect] = []
        for event in events {
            let effects = ConsoleUpdate.update(&model, event)
            all += effects
            for case .qandA(let change) in effects {
                // As the desk does: stored with the next id at the time now, then the board comes back.
                var board = model.qandA
                board.apply(QandARecord(id: board.lastID + 1, change: change, at: model.now))
                _ = ConsoleUpdate.update(&model, .qandAChanged(board))
            }
            for case .session(let sessionEvent) in effects {
                var engine = SessionEngine(definition: model.definition, control: model.control)
                if (try? engine.handle(sessionEvent)) != nil {
                    _ = ConsoleUpdate.update(&model, .controlChanged(engine.control))
                }
            }
        }
        return all
    }

    /// A poll with Q&A on, and a model of it whose board has questions on both sides: two
    /// approved in the room (one with votes), one waiting and one approved online, one hidden.
    static func qandAModel(size: TerminalSize = .minimum) -> ConsoleModel {
        var definition = poll
        definition.qa = QandASettings()
        var model = model(definition, size: size)
        model.now = now
        let changes: [QandAChange] = [
            .ask(text: "Could you give a concrete example from your own work?", name: nil, side: .room, channel: .web, author: "a", shown: true),
            .ask(text: "How do we reach people who are not online?", name: "Amina", side: .room, channel: .web, author: "b", shown: true),
            .ask(text: "Is there any good law we could point to?", name: nil, side: .online, channel: .web, author: "c", shown: false),
            .ask(text: "Who should we talk to after this workshop? 谁？", name: nil, side: .online, channel: .relayed, author: nil, shown: true),
            .ask(text: "Spam spam spam", name: nil, side: .online, channel: .web, author: "d", shown: false),
            .hide(5),
            .vote(question: 2, participant: "v1", up: true), .vote(question: 2, participant: "v2", up: true),
            .vote(question: 4, participant: "v1", up: true),
        ]
        for (index, change) in changes.enumerated() {
            model.qandA.apply(QandARecord(id: Int64(index + 1), change: change, at: now))
        }
        return model
    }

    static func keys(_ text: String) -> [ConsoleEvent] { text.map { .key(.character($0)) } }
}
