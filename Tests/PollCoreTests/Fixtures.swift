@testable import PollCore

/// A small poll with one question of every kind, used across the core tests.
enum Fixtures {
    static let poll = PollDefinition(
        title: "Fixture poll",
        rounds: ["opening", "closing"],
        pace: .audience,
        questions: [
            Question(id: "single", kind: .single, ask: "One?", options: ["Yes", "No", "Not sure"], rounds: ["opening", "closing"]),
            Question(id: "multi", kind: .multi, ask: "Some?", options: ["Press", "Courts", "Streets"], max: 2, rounds: ["opening", "closing"]),
            Question(id: "likert", kind: .likert, ask: "Agree?", options: Question.defaultLikertLabels, rounds: ["opening", "closing"]),
            Question(id: "scale", kind: .scale, ask: "How much?", max: 10, min: 0, rounds: ["opening", "closing"]),
            Question(id: "ranking", kind: .ranking, ask: "Order?", options: ["A", "B", "C"], rounds: ["opening", "closing"]),
            Question(id: "words", kind: .words, ask: "Words?", rounds: ["opening", "closing"]),
            Question(id: "text", kind: .text, ask: "Anything?", rounds: ["closing"]),
        ])

    static func question(_ id: String) -> Question { poll.question(id)! }
}
