import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
@testable import PollServer
import PollCore
import Store
import TestSupport

/// A server on a real SQLite session, for route tests.
struct ServerHarness {
    static let poll = PollDefinition(title: "Server <poll> & “tests”", language: "fr", questions: [
        Question(id: "single", kind: .single, ask: "Oui <b>ou</b> non?", options: ["Oui", "Non", "<script>alert(1)</script>"], rounds: ["opening", "closing"]),
        Question(id: "multi", kind: .multi, ask: "Which?", options: ["Press", "Courts", "Streets"], max: 2, rounds: ["opening", "closing"]),
        Question(id: "likert", kind: .likert, ask: "Agree?", options: Question.defaultLikertLabels, rounds: ["opening", "closing"]),
        Question(id: "scale", kind: .scale, ask: "How much?", max: 10, min: 0, rounds: ["opening", "closing"]),
        Question(id: "ranking", kind: .ranking, ask: "Order?", options: ["A", "B", "C"], rounds: ["opening", "closing"]),
        Question(id: "words", kind: .words, ask: "Words?", rounds: ["opening", "closing"]),
        Question(id: "text", kind: .text, ask: "Anything?", rounds: ["closing"]),
    ])

    let folder: TemporaryFolder
    let store: SQLiteStore
    let intake: Intake
    let server: PollServer
    let code: String

    init(pace: Pace = .audience) async throws {
        folder = try TemporaryFolder("roompoll-server")
        store = try SQLiteStore(path: folder.path("server.sqlite"))
        let record = try await SessionOpener.create(in: store, name: "s", stem: "server", definition: Self.poll, source: "",
                                                    pace: pace, now: Date())
        intake = try await Intake.open(record, in: store)
        server = PollServer(intake: intake)
        code = record.joinCode
    }

    func cleanUp() { folder.remove() }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router) { client in try await body(client) }
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    func answer(_ question: String, _ answer: Any, participant: String = "participant-token-0000001", code: String? = nil,
                round: String? = nil) -> ByteBuffer {
        var object: [String: Any] = ["code": code ?? self.code, "participant": participant, "question": question, "answer": answer]
        if let round { object["round"] = round }
        return Self.json(object)
    }
}
