import Foundation
import PollCore
import Store
import Synchronization

/// A SQLite store whose first `append` waits until `releaseAppends()`: a commit held in
/// flight, so that a test can change the session while answers wait behind it.
final class GatedStore: Store {
    let base: SQLiteStore
    private let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
    private let (released, releasedContinuation) = AsyncStream.makeStream(of: Void.self)
    private let first = Mutex(true)

    init(_ base: SQLiteStore) {
        self.base = base
    }

    /// Returns once the first append is waiting at the gate.
    func appendStarted() async {
        for await _ in started { return }
    }

    func releaseAppends() {
        releasedContinuation.finish()
    }

    func append(_ responses: [Response], to session: SessionRecord, ifRevision revision: Int64?) async throws {
        let isFirst = first.withLock { isFirst in
            defer { isFirst = false }
            return isFirst
        }
        if isFirst {
            startedContinuation.yield()
            for await _ in released {}
        }
        try await base.append(responses, to: session, ifRevision: revision)
    }

    func createSession(_ draft: SessionDraft, responses: [Response]) async throws -> SessionRecord {
        try await base.createSession(draft, responses: responses)
    }
    func copySession(_ copy: SessionCopy) async throws -> SessionRecord { try await base.copySession(copy) }
    func session(named name: String) async throws -> SessionRecord? { try await base.session(named: name) }
    func sessionSummaries() async throws -> [SessionSummary] { try await base.sessionSummaries() }
    func deleteSession(named name: String) async throws -> Bool { try await base.deleteSession(named: name) }
    func saveControl(_ control: SessionControl, of session: SessionRecord) async throws -> SessionRecord {
        try await base.saveControl(control, of: session)
    }
    func currentResponses(of session: SessionRecord, salvage: SalvageLog?) async throws -> [Response] {
        try await base.currentResponses(of: session, salvage: salvage)
    }
    func currentTally(of session: SessionRecord, participants: ParticipantKeys, salvage: SalvageLog?) async throws -> Tally {
        try await base.currentTally(of: session, participants: participants, salvage: salvage)
    }
    func allResponses(of session: SessionRecord) async throws -> [StoredResponse] { try await base.allResponses(of: session) }
    func saveHands(_ count: HandCount, of session: SessionRecord) async throws { try await base.saveHands(count, of: session) }
    func hands(of session: SessionRecord, salvage: SalvageLog?) async throws -> [HandCount] {
        try await base.hands(of: session, salvage: salvage)
    }
    func appendQandA(_ changes: [QandAChange], at time: Date, to session: SessionRecord) async throws -> [QandARecord] {
        try await base.appendQandA(changes, at: time, to: session)
    }
    func qandAChanges(of session: SessionRecord, after id: Int64) async throws -> [QandARecord] {
        try await base.qandAChanges(of: session, after: id)
    }
    func changeCounter() async throws -> Int64 { try await base.changeCounter() }
    func changeSignals(fallback: Duration) -> AsyncStream<Void> { base.changeSignals(fallback: fallback) }
    var signalsAfterCommit: Bool { base.signalsAfterCommit }
    func responses(of session: SessionRecord, after id: Int64) async throws -> [StoredResponse] {
        try await base.responses(of: session, after: id)
    }
    func latestResponseID(of session: SessionRecord) async throws -> Int64 { try await base.latestResponseID(of: session) }
}
