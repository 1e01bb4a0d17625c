import Foundation
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
    /// Writes a session copied from another store in one transaction — all of it or nothing:
    /// the session (keeping its secret, and its join code unless taken), every response in
    /// arrival order, the hand counts and the Q&A log; fails with `sessionExists` if the name
    /// is taken.
    func copySession(_ copy: SessionCopy) async throws -> SessionRecord
    func session(named name: String) async throws -> SessionRecord?
    /// Every session, oldest first, with participants per round and what is stored of it.
    func sessionSummaries() async throws -> [SessionSummary]
    /// Deletes the session and everything in it (participants, answers, hand counts, Q&A) in
    /// one transaction, then gives the space back. Returns whether the deleted data is gone from
    /// the database's files too: SQLite overwrites it, rebuilds the file and empties its
    /// write-ahead log (false when another process holds the database open and the log cannot be
    /// emptied yet); PostgreSQL vacuums the tables but keeps old bytes in its files and logs
    /// until it reuses them (always false); false too when compacting failed after the deletion
    /// was committed. Throws `StoreError.noSuchSession` when there is none. Session ids are never
    /// reused, so a process still holding the deleted session can no longer write anywhere.
    func deleteSession(named name: String) async throws -> Bool
    /// Stores the session's control state and returns it with its new revision — only if the
    /// stored revision is still `session.revision` (compare and swap): otherwise nothing is
    /// written and it throws `StoreError.controlChanged`, so two consoles never overwrite
    /// each other's actions unseen.
    func saveControl(_ control: SessionControl, of session: SessionRecord) async throws -> SessionRecord
    /// Commits `responses` in one transaction; each supersedes the same participant's earlier
    /// answer to the same question in the same round. Returns after the commit.
    ///
    /// With `ifRevision` (live answers, checked against that control state), the transaction
    /// first checks that the session's control revision is still that one: if another
    /// process opened, closed or moved anything meanwhile, nothing is written and it throws
    /// `StoreError.controlChanged`. So the store decides: an answer counts only if it is
    /// committed while the state it was checked against is the stored one.
    func append(_ responses: [Response], to session: SessionRecord, ifRevision revision: Int64?) async throws
    /// The session's current responses and hand counts, counted (what a report or a resumed
    /// console starts from). With `salvage`, rows that cannot be read are skipped and listed
    /// there instead of failing the whole read. `.tokens` keys participants by their token, as live answers
    /// arrive; `.compact` by a short per-session number, which counts a large session faster
    /// where no token is needed (reports).
    func currentTally(of session: SessionRecord, participants: ParticipantKeys, salvage: SalvageLog?) async throws -> Tally
    /// Every response ever stored, superseded ones included, in arrival order.
    func allResponses(of session: SessionRecord) async throws -> [StoredResponse]
    /// The latest response of every participant to every question and round, in arrival
    /// order; with `salvage`, unreadable rows are skipped and listed there.
    func currentResponses(of session: SessionRecord, salvage: SalvageLog?) async throws -> [Response]
    /// Stores (or replaces) show-of-hands counts for one question in one round.
    func saveHands(_ count: HandCount, of session: SessionRecord) async throws
    /// The session's show-of-hands counts, each checked against the poll as it is read (a
    /// count edited into the database by hand that does not fit is unreadable data).
    func hands(of session: SessionRecord, salvage: SalvageLog?) async throws -> [HandCount]

    // MARK: Audience Q&A

    /// Commits Q&A changes (questions asked, votes, moderation) in one transaction, in order,
    /// made at `time`; returns them as stored, with their ids (a new question's id is the id of
    /// its `ask`). Returns after the commit: a question or vote is acknowledged only then.
    func appendQandA(_ changes: [QandAChange], at time: Date, to session: SessionRecord) async throws -> [QandARecord]
    /// The session's Q&A changes stored after the one with id `after`, in order: applied to a
    /// `QandABoard`, they give the Q&A as it stands (what a resumed console starts from).
    func qandAChanges(of session: SessionRecord, after id: Int64) async throws -> [QandARecord]

    // MARK: Following other processes

    /// A number that changes whenever another connection (another process) commits; cheap
    /// to ask often.
    func changeCounter() async throws -> Int64
    /// Signals that the store may have changed (a commit by this process or another), and at
    /// least every `fallback`: a follower looks at `changeCounter` then, instead of polling.
    func changeSignals(fallback: Duration) -> AsyncStream<Void>
    /// Whether a signal comes only once the change can be read, so one look after it is enough
    /// (PostgreSQL's notifications); SQLite's file events may come before the commit is visible.
    var signalsAfterCommit: Bool { get }
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

    /// Commits recorded responses (an import), whatever the session's control state.
    public func append(_ responses: [Response], to session: SessionRecord) async throws {
        try await append(responses, to: session, ifRevision: nil)
    }

    public func currentTally(of session: SessionRecord, participants: ParticipantKeys) async throws -> Tally {
        try await currentTally(of: session, participants: participants, salvage: nil)
    }

    public func currentResponses(of session: SessionRecord) async throws -> [Response] {
        try await currentResponses(of: session, salvage: nil)
    }

    public func hands(of session: SessionRecord) async throws -> [HandCount] {
        try await hands(of: session, salvage: nil)
    }
}

/// How a counted session names its participants.
public enum ParticipantKeys: Sendable, Hashable {
    /// By token, as live answers name them.
    case tokens
    /// By a short number per session (no heap-allocated keys: faster for large reports).
    case compact
}
