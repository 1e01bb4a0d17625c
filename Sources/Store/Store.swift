import PollCore

/// Durable storage of sessions, participants, responses and hand counts.
///
/// The store is the source of truth, also for each session's control state. `append` returns
/// only after the responses are committed: an answer is acknowledged only then. One shared
/// test suite runs against every implementation.
public protocol Store: Sendable {
    /// Creates a session with a fresh join code and, in the same transaction, its first
    /// responses (an import); fails with `StoreError.sessionExists` if the name is taken.
    func createSession(_ draft: SessionDraft, responses: [Response]) async throws -> SessionRecord
    func session(named name: String) async throws -> SessionRecord?
    /// Every session, oldest first, with participants per round.
    func sessionSummaries() async throws -> [SessionSummary]
    /// Stores the session's control state and returns it with its new revision.
    func saveControl(_ control: SessionControl, of session: SessionRecord) async throws -> SessionRecord
    /// Commits `responses` in one transaction; each supersedes the same participant's earlier
    /// answer to the same question in the same round. Returns after the commit.
    func append(_ responses: [Response], to session: SessionRecord) async throws
    /// The latest response of every participant to every question and round, in arrival order.
    func currentResponses(of session: SessionRecord) async throws -> [Response]
    /// The session's current responses and hand counts, counted (what a report or a resumed
    /// console starts from). `.tokens` keys participants by their token, as live answers
    /// arrive; `.compact` by a short per-session number, which counts a large session faster
    /// where no token is needed (reports).
    func currentTally(of session: SessionRecord, participants: ParticipantKeys) async throws -> Tally
    /// Every response ever stored, superseded ones included, in arrival order.
    func allResponses(of session: SessionRecord) async throws -> [StoredResponse]
    /// Stores (or replaces) show-of-hands counts for one question in one round.
    func saveHands(_ count: HandCount, of session: SessionRecord) async throws
    func hands(of session: SessionRecord) async throws -> [HandCount]

    // MARK: Following other processes

    /// A number that changes whenever another connection (another process) commits; cheap
    /// to ask often.
    func changeCounter() async throws -> Int64
    /// Responses stored after the one with id `after` (superseded ones too), in order.
    func responses(of session: SessionRecord, after id: Int64) async throws -> [StoredResponse]
    /// The id of the newest response of the session (0 if none).
    func latestResponseID(of session: SessionRecord) async throws -> Int64
}

extension Store {
    /// Creates an empty session.
    public func createSession(_ draft: SessionDraft) async throws -> SessionRecord {
        try await createSession(draft, responses: [])
    }

    /// Counts the current responses and hand counts (a store may count faster while reading).
    public func currentTally(of session: SessionRecord, participants: ParticipantKeys) async throws -> Tally {
        var responses = try await currentResponses(of: session)
        if participants == .compact {
            var numbers: [String: String] = [:]
            for i in responses.indices {
                let token = responses[i].participant
                responses[i].participant = numbers[token] ?? { numbers[token] = String(numbers.count + 1); return numbers[token]! }()
            }
        }
        return Tally(definition: session.definition, responses: responses, hands: try await hands(of: session))
    }
}

/// How a counted session names its participants.
public enum ParticipantKeys: Sendable, Hashable {
    /// By token, as live answers name them.
    case tokens
    /// By a short number per session (no heap-allocated keys: faster for large reports).
    case compact
}
