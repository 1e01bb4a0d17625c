import Console
import Foundation
import Intake
import PollCore

/// `roompoll demo --auto`: plays the facilitator so a newcomer can just watch — the opening
/// round with results revealed as answers arrive, a pause for the discussion, the closing
/// round, then every question's comparison and the summary. It presses the same keys a
/// facilitator would, through the console's inbox.
public struct DemoScript: Sendable {
    let inbox: ConsoleInbox
    let audience: AudienceDriver
    /// The session's Q&A: during the discussion the script approves the audience's
    /// questions, as an online moderator would from `roompoll moderate`, and answers two.
    let qandA: QandADesk?
    let definition: PollDefinition
    /// 1 = real time; 2 = twice as fast.
    let speed: Double

    public init(inbox: ConsoleInbox, audience: AudienceDriver, qandA: QandADesk? = nil, definition: PollDefinition, speed: Double) {
        self.inbox = inbox
        self.audience = audience
        self.qandA = qandA
        self.definition = definition
        self.speed = speed
    }

    func press(_ keys: Key...) { for key in keys { inbox.post(.scripted(key)) } }

    func pause(_ seconds: Double) async throws {
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000 / speed)))
    }

    /// Waits until the simulated audience has answered everything in `round` (or `question`).
    func awaitAnswers(in round: String, question: String? = nil) async throws {
        while true {
            let (sent, total) = await audience.progress(of: round, question: question)
            if sent >= total { return }
            try await pause(0.5)
        }
    }

    /// The Q&A screen: the waiting questions approved (by "the moderator"), then the
    /// proposed question answered, then the next proposal (from the side that is behind).
    func questionsAndAnswers() async throws {
        guard let qandA, qandA.settings != nil else { return }
        inbox.post(.status("Audience Q&A: the online moderator approves the questions; the facilitator answers two."))
        for question in await qandA.board.ranked(states: [.waiting]) { _ = try? await qandA.moderate(.approve(question.id)) }
        press(.character("a"))                  // the Q&A screen, the proposed question selected
        try await pause(3)
        for _ in 0..<2 {
            press(.character("g"), .character(" "))   // answer the proposed question: its side's clock runs
            try await pause(5)
            press(.character("d"))
            try await pause(2)
        }
        press(.escape)
    }

    /// Moves the agenda on to part `number` (0-based), when the poll has that many parts.
    func agenda(part number: Int) {
        if number < definition.agenda?.count ?? 0 { press(.character("t")) }
    }

    public func run() async throws {
        try await pause(3)
        agenda(part: 0)                             // the agenda starts: its first part opens the first round
        for (index, round) in definition.rounds.enumerated() {
            let key: Key = index == 0 ? .character("o") : .character("c")
            press(key)                              // open the round: progress screen
            try await pause(4)
            if definition.pace == .presenter {
                // Presenter pace: each question's voting opened, answered, closed, its results shown.
                for (number, question) in definition.questions(in: round).enumerated() {
                    if number > 0 { press(.character("n")) }
                    try await Task.sleep(for: .milliseconds(300))
                    press(.character(" "))
                    try await awaitAnswers(in: round, question: question.id)
                    try await pause(1)
                    press(.character(" "))
                    try await Task.sleep(for: .milliseconds(300))
                    press(.character("r"))
                    try await pause(3)
                }
            } else {
                press(.enter, .character("r"))      // the first question, results revealed
                for _ in definition.questions(in: round).dropFirst() {
                    try await pause(3)
                    press(.character("n"))
                    try await Task.sleep(for: .milliseconds(300))   // the move is stored before the reveal
                    press(.character("r"))
                }
            }
            try await awaitAnswers(in: round)
            try await pause(2)
            press(key)                              // close the round
            if index < definition.rounds.count - 1 {
                agenda(part: 1)
                inbox.post(.status("The discussion happens here… (the closing round opens in a moment)"))
                try await pause(4)
                agenda(part: 2)
                try await questionsAndAnswers()
                agenda(part: 3)
            }
        }
        for _ in definition.questions { press(.character("p")) }
        for (index, question) in definition.questions.enumerated() where question.rounds.count > 1 {
            press(.escape)
            for _ in 0..<index { press(.character("n")) }
            press(.character("v"))                  // compare this question
            try await pause(4)
            for _ in 0..<index { press(.character("p")) }
        }
        press(.escape, .character("s"))             // the summary
        inbox.post(.status("Demo finished — q quits, ? shows every key."))
    }
}
