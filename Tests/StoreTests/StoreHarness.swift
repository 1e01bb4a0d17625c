import Foundation
import PollCore
import Store
import TestSupport

enum StoreFixtures {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    static let poll = PollDefinition(title: "Store poll", questions: [
        Question(id: "q1", kind: .single, ask: "One?", options: ["Yes", "No"], rounds: ["opening", "closing"]),
        Question(id: "q2", kind: .ranking, ask: "Order?", options: ["A", "B", "C"], rounds: ["opening", "closing"]),
        Question(id: "q3", kind: .words, ask: "Words?", rounds: ["closing"]),
    ])

    static func draft(_ name: String = "s1") -> SessionDraft {
        SessionDraft(name: name, definition: poll, source: "title: Store poll\n", control: SessionControl(startOf: poll), createdAt: now)
    }

    static func response(_ participant: String, _ question: String, _ answer: Answer, round: String = "opening",
                         channel: Channel = .web, at offset: TimeInterval = 0, language: String? = nil) -> Response {
        Response(participant: participant, round: round, question: question, answer: answer, channel: channel,
                 receivedAt: now.addingTimeInterval(offset), language: language)
    }
}
