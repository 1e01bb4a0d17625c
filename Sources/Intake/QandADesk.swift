import Foundation
import PollCore
import Store

/// Where the session's audience Q&A is taken in: questions and votes from participants,
/// moderation from the console and `roompoll moderate`. Every change is committed to the
/// store before it counts (group commit: changes that arrive while one is written go
/// together into the next), and the board is always what the store's log gives, so a
/// resumed console, a second server and a moderator's terminal all see the same Q&A.
public actor QandADesk {
    public nonisolated let store: any Store
    /// The poll's Q&A settings; nil when the poll has Q&A off.
    public nonisolated let settings: QandASettings?
    let session: SessionRecord
    public private(set) var board: QandABoard

    /// A change waiting for the next commit, and whoever waits for it.
    private struct Waiting {
        var request: Request
        var done: CheckedContinuation<Result<QandARecord, QandARefusal>, Never>
    }

    /// What is asked of the desk; votes are resolved (toggled) at commit time, in order.
    enum Request {
        case change(QandAChange)
        case vote(question: Int64, participant: String, up: Bool?)
    }

    private var waiting: [Waiting] = []
    private var draining = false
    private var observers: [@Sendable (QandABoard, [QandARecord]) -> Void] = []

    init(store: any Store, session: SessionRecord, board: QandABoard) {
        self.store = store
        self.session = session
        settings = session.definition.qa
        self.board = board
    }

    /// Opens the Q&A of a session as stored.
    public static func open(_ session: SessionRecord, in store: any Store) async throws -> QandADesk {
        QandADesk(store: store, session: session, board: QandABoard(try await store.qandAChanges(of: session, after: 0)))
    }

    /// Calls `observer` with the board after every change taken in (this process's or
    /// another's), with the changes. Observers must return quickly.
    public func observe(_ observer: @escaping @Sendable (QandABoard, [QandARecord]) -> Void) {
        observers.append(observer)
    }

    // MARK: From participants

    /// A participant's question. `side` is where they said they are (the form or the API);
    /// without it, where their earlier question said. Returns after the commit.
    public func ask(text raw: String, name rawName: String?, side: QandASide?, author: String) async -> Result<QandAQuestion, QandARefusal> {
        guard let settings else { return .failure(.refused(.off)) }
        let text: String, name: String?
        switch (QandARules.text(raw), QandARules.name(rawName)) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(.refused(problem))
        case (.success(let t), .success(let n)): (text, name) = (t, n)
        }
        guard let side = side ?? board.side(of: author) else { return .failure(.refused(.sideUnknown)) }
        let change = QandAChange.ask(text: text, name: name, side: side, channel: .web, author: author, shown: !settings.moderation)
        return await enqueue(.change(change)).map { record in
            // Until the board has read it back (a failed read), the question as it was asked.
            board.questions[record.id] ?? QandABoard([QandARecord(id: record.id, change: change, at: record.at)]).questions[record.id]!
        }
    }

    /// A participant's vote on a public question: `up` true or false, or nil to toggle.
    /// Returns the question (with its new count) and whether the participant now votes for it.
    public func vote(question id: Int64, participant: String, up: Bool?) async -> Result<(QandAQuestion, voted: Bool), QandARefusal> {
        guard settings != nil else { return .failure(.refused(.off)) }
        guard let target = board.resolved(id), board.questions[target]?.state.isPublic == true else {
            return .failure(.refused(.unknownQuestion(id)))
        }
        return await enqueue(.vote(question: target, participant: participant, up: up)).map { record in
            let voted: Bool
            if case .vote(_, _, let up) = record.change { voted = up } else { voted = board.hasVoted(participant, for: target) }
            return (board.questions[target]!, voted)
        }
    }

    // MARK: From the facilitator and moderators

    /// Stores a moderation change (or a relayed question) and returns the board with it.
    @discardableResult
    public func moderate(_ change: QandAChange) async throws -> QandABoard {
        switch await enqueue(.change(change)) {
        case .success: return board
        case .failure(let refusal): throw refusal
        }
    }

    // MARK: Committing and following

    private func enqueue(_ request: Request) async -> Result<QandARecord, QandARefusal> {
        await withCheckedContinuation { done in
            waiting.append(Waiting(request: request, done: done))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            // Toggles are resolved against the board as each change before them leaves it.
            var scratch = board
            var next = scratch.lastID
            let changes = batch.map { item -> QandAChange in
                let change: QandAChange
                switch item.request {
                case .change(let given): change = given
                case let .vote(question, participant, up):
                    change = .vote(question: question, participant: participant, up: up ?? !scratch.hasVoted(participant, for: question))
                }
                next += 1
                scratch.apply(QandARecord(id: next, change: change, at: Date()))
                return change
            }
            let records: [QandARecord]
            do {
                records = try await store.appendQandA(changes, at: Date(), to: session)
            } catch {
                // Nothing was stored. Changes that queued meanwhile waited as long: refuse them too.
                let refusal = QandARefusal.notStored(String(describing: error))
                for item in batch + waiting { item.done.resume(returning: .failure(refusal)) }
                waiting = []
                continue
            }
            // Read on from the log rather than apply these directly: another process may have
            // committed before them, and the board takes the log in order. They are committed
            // whatever this read gives: a failed read is caught up by the next one.
            try? await refresh()
            for (item, record) in zip(batch, records) { item.done.resume(returning: .success(record)) }
            // A store that gave back fewer records than it was given broke its contract: whoever
            // waits for the rest is not told it was stored.
            for item in batch.dropFirst(records.count) { item.done.resume(returning: .failure(.notStored("the store did not confirm it"))) }
        }
        draining = false
    }

    /// Takes in what was committed since the board's last change (by any process) and tells
    /// the observers.
    public func refresh() async throws {
        let records = try await store.qandAChanges(of: session, after: board.lastID)
        let fresh = records.filter { $0.id > board.lastID }
        guard !fresh.isEmpty else { return }
        for record in fresh { board.apply(record) }
        for observer in observers { observer(board, fresh) }
    }

    /// Follows what other processes commit until the task is cancelled (see `StoreFollower`).
    public nonisolated func follow(every interval: Duration = .milliseconds(100), trouble: @escaping @Sendable (String?) -> Void = { _ in }) async {
        await StoreFollower.follow(store, every: interval, trouble: trouble) { try await self.refresh() }
    }
}

/// Why a Q&A question or vote was not taken.
public enum QandARefusal: Error, Sendable, Hashable, CustomStringConvertible {
    case refused(QandAProblem)
    /// The store could not commit it: it was not recorded.
    case notStored(String)

    public var description: String {
        switch self {
        case .refused(let problem): return problem.description
        case .notStored(let reason): return "it could not be stored: \(reason)"
        }
    }
}
