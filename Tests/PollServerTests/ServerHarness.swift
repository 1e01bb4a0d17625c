import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
@testable import PollServer
import PollCore
import Store
import Synchronization
import TestSupport

/// A server on a real SQLite session, for route tests.
struct ServerHarness {
    static let poll = PollDefinition(title: "Server <poll> & “tests”", language: "de", questions: [
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
    let qandA: QandADesk
    let server: PollServer
    let code: String
    /// A participant token the server issued (the default participant of `answer`).
    let token: String
    /// What the server told the facilitator (join alerts).
    let alerts = AlertLog()

    /// `qa`: the poll's Q&A settings (none: Q&A off).
    init(poll given: PollDefinition = Self.poll, pace: Pace = .audience, qa: QandASettings? = nil, resultsOnPhones: Bool? = nil,
         options: ServerOptions = ServerOptions(bind: "127.0.0.1", port: 0, requestTimeout: 2)) async throws {
        folder = try TemporaryFolder("roompoll-server")
        store = try SQLiteStore(path: folder.path("server.sqlite"))
        var poll = given
        poll.qa = qa
        poll.resultsOnPhones = resultsOnPhones
        let record = try await SessionOpener.create(in: store, name: "s", stem: "server", definition: poll, source: "",
                                                    pace: pace, now: Date())
        intake = try await Intake.open(record, in: store)
        qandA = try await QandADesk.open(record, in: store)
        server = PollServer(intake: intake, qandA: qandA, options: options, alert: alerts.add)
        code = record.joinCode
        token = server.tokens.issue()
    }

    /// The same session served again with other options (another port, other limits).
    func server(_ change: (inout ServerOptions) -> Void) -> PollServer {
        var options = server.options
        change(&options)
        return PollServer(intake: intake, qandA: qandA, options: options, alert: alerts.add)
    }

    func cleanUp() { folder.remove() }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: server.router())
        try await app.test(.router) { client in try await body(client) }
    }

    static func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    func answer(_ question: String, _ answer: Any, participant: String? = nil, code: String? = nil,
                round: String? = nil) -> ByteBuffer {
        var object: [String: Any] = ["code": code ?? self.code, "participant": participant ?? token, "question": question, "answer": answer]
        if let round { object["round"] = round }
        return Self.json(object)
    }
}

/// Alerts a server raised, in order.
final class AlertLog: Sendable {
    private let entries = Mutex<[String]>([])
    var all: [String] { entries.withLock { $0 } }
    @Sendable func add(_ text: String) { entries.withLock { $0.append(text) } }
}
