import Foundation
import PollCore
import Store
import TestSupport

/// The store implementations the shared suite runs against, each on a fresh database.
/// A PostgreSQL case joins here when that backend exists.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite

    var description: String { rawValue }

    /// A fresh, empty database of this kind, and a way to open it again as a new process would.
    func makeFresh() throws -> StoreHarness {
        switch self {
        case .sqlite:
            let folder = try TemporaryFolder("roompoll-store")
            let path = folder.path("test.sqlite")
            return StoreHarness(open: { try SQLiteStore(path: path) }, folder: folder)
        }
    }
}

/// Opens connections to one test database and removes it afterwards.
struct StoreHarness {
    let open: @Sendable () throws -> any Store
    let folder: TemporaryFolder?

    func cleanUp() { folder?.remove() }
}

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
                         channel: Channel = .web, at offset: TimeInterval = 0) -> Response {
        Response(participant: participant, round: round, question: question, answer: answer, channel: channel,
                 receivedAt: now.addingTimeInterval(offset))
    }
}
