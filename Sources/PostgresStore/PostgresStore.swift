import Foundation
import Logging
import PollCore
import PostgresNIO
import Store

/// The shared store for several servers: a PostgreSQL database through postgres-nio's
/// connection pool. The same promise as SQLite's: `append` returns after the commit (the
/// server's default `synchronous_commit = on`), and every operation gives up after `timeout`
/// with `StoreError.unavailable` instead of waiting for a database that went away (the pool
/// would wait forever); the pool reconnects by itself when it is back.
///
/// Writers to one session take turns on its row (`SELECT … FOR UPDATE`): the revision check of
/// a live answer and its insert happen under that lock, so an answer commits only while the
/// state it was checked against is the stored one, and a session's row ids are handed out in
/// commit order, so a follower reading "after id n" never misses a row committed later.
public final class PostgresStore: Store {
    public let address: PostgresAddress
    let client: PostgresClient
    let feed: PostgresChangeFeed
    /// How long one operation may take, waiting for a connection included.
    let timeout: Duration
    private let running: Task<Void, Never>
    static let logger = Logger(label: "roompoll.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects to the database at `address` and creates or migrates its schema; fails with
    /// `StoreError.unavailable` when the server does not answer within `timeout`.
    public init(address: PostgresAddress, timeout: Duration = .seconds(5), maximumConnections: Int = 10) async throws {
        self.address = address
        self.timeout = timeout
        client = PostgresClient(configuration: address.clientConfiguration(connectTimeout: timeout, statementTimeout: max(timeout * 12, .seconds(60)),
                                                                             maximumConnections: maximumConnections),
                                backgroundLogger: Self.logger)
        let client = client
        running = Task { await client.run() }
        let single = try address.connectionConfiguration(connectTimeout: timeout)
        feed = PostgresChangeFeed(instance: UUID().uuidString, configuration: single, logger: Self.logger)
        do {
            // On a connection of its own, so that a refusal (a password, a certificate, a missing
            // database) is told as it is, not as a pool that waited in vain.
            try await deadline { _ in
                let connection = try await PostgresConnection.connect(configuration: single, id: 1, logger: Self.logger)
                do {
                    try await PostgresSchema.migrate(connection, logger: Self.logger)
                } catch {
                    try? await connection.close()
                    throw error
                }
                try await connection.close()
            }
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Closes the connections (also done when the store goes away).
    public func close() {
        feed.stop()
        running.cancel()
    }

    // MARK: Running operations

    /// Runs `operation`, giving up after `timeout`: the answer is then `unavailable`, whatever the
    /// operation is still waiting for (a connection, a reply from a server that vanished: such
    /// a wait may not end when it is cancelled, so the caller is answered without it). The
    /// operation is cancelled then, and may register more to do when it is given up on.
    func deadline<T: Sendable>(after limit: Duration? = nil,
                               _ operation: @escaping @Sendable (FirstAnswer<T>) async throws -> T) async throws -> T {
        let answer = FirstAnswer<T>()
        let timeout = limit ?? timeout
        let message = "no answer from \(address) within \(timeout)"
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                answer.wait(continuation)
                let timer = Task {
                    try await Task.sleep(for: timeout)
                    answer.give(.failure(StoreError.unavailable(message)), byWork: false)
                }
                answer.start(Task {
                    do {
                        answer.give(.success(try await operation(answer)), byWork: true)
                    } catch {
                        answer.give(.failure(PostgresFailure.storeError(error)), byWork: true)
                    }
                    timer.cancel()
                })
            }
        } onCancel: {
            answer.give(.failure(CancellationError()), byWork: false)
        }
    }

    /// Runs `body` in one transaction on a pooled connection, within the deadline; a transaction
    /// that writes `rows` rows (an import, a copy) is allowed a second more for every 10,000.
    /// Given up on before it ends, it is cancelled (its next statement is not sent: it rolls
    /// back) and its connection closed, so a statement stuck on a dead link frees its place in
    /// the pool — rather than committing after its caller was told it was not.
    func transaction<T: Sendable>(rows: Int = 0, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await deadline(after: timeout + .seconds(rows / 10_000)) { [client] answer in
            try await client.withConnection { connection in
                let closing = answer.onGiveUp { connection.close().whenComplete { _ in } }
                defer { answer.withdraw(closing) }   // before the connection goes back to the pool
                return try await connection.withTransaction(logger: Self.logger) { try await body($0) }
            }
        }
    }

    /// Runs a read on a pooled connection, within the deadline; a `whole`-session read (a report
    /// reads a million rows, and nothing is acknowledged on a read) within a minute.
    func reading<T: Sendable>(whole: Bool = false, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await deadline(after: whole ? max(timeout * 12, .seconds(60)) : timeout) { [client] _ in
            try await client.withConnection { try await body($0) }
        }
    }

    /// Tells listeners (other processes) that this session changed; delivered at commit.
    static func notify(_ session: Int64, feed: PostgresChangeFeed, _ connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_notify(\(PostgresChangeFeed.channel), \(feed.payload(session: session)))", logger: logger)
    }

    /// Locks the session's row until the transaction ends and returns its control revision;
    /// in the same statement, tells listeners that the session changes (delivered only if the
    /// transaction commits, so sending it first is the same as sending it last).
    static func lockSession(_ session: SessionRecord, feed: PostgresChangeFeed, _ connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query("""
            SELECT revision, pg_notify(\(PostgresChangeFeed.channel), \(feed.payload(session: session.id)))::text
            FROM session WHERE id = \(session.id) FOR UPDATE
            """, logger: logger)
        for try await (revision, _) in rows.decode((Int64, String).self) { return revision }
        throw StoreError.noSuchSession(session.name)
    }

    // MARK: Sessions

    public func createSession(_ draft: SessionDraft, responses: [Response]) async throws -> SessionRecord {
        let feed = feed
        return try await transaction(rows: responses.count) { connection in
            let session = try await Self.create(draft, joinCode: nil, secret: nil, connection)
            try await PostgresResponses.insert(responses, into: session, connection)
            try await Self.notify(session.id, feed: feed, connection)
            return session
        }
    }

    public func copySession(_ copy: SessionCopy) async throws -> SessionRecord {
        let feed = feed
        return try await transaction(rows: copy.responses.count + copy.qanda.count) { connection in
            let session = try await Self.create(copy.draft, joinCode: copy.joinCode, secret: copy.secret, connection)
            try await PostgresResponses.insert(copy.responses, into: session, connection)
            for count in copy.hands { try await Self.saveHands(count, session: session.id, connection) }
            var ids: [Int64: Int64] = [:]
            for record in copy.qanda {
                let change = try record.change.renumbered { try SessionCopy.renumber($0, ids) }
                let stored = try await Self.insertQandA(change, at: record.at, session: session.id, connection)
                if case .ask = change { ids[record.id] = stored }
            }
            try await Self.notify(session.id, feed: feed, connection)
            return session
        }
    }

    /// Inserts a session row: a fresh join code (or `joinCode`, if no other session has it) and a
    /// fresh secret (or `secret`). Runs inside the caller's transaction.
    private static func create(_ draft: SessionDraft, joinCode: String?, secret: String?, _ connection: PostgresConnection) async throws -> SessionRecord {
        func exists(_ query: PostgresQuery) async throws -> Bool {
            try await connection.query(query, logger: logger).decode(Int.self).first(where: { _ in true }) != nil
        }
        if try await exists("SELECT 1 FROM session WHERE name = \(draft.name)") { throw StoreError.sessionExists(draft.name) }
        var generator = SystemRandomNumberGenerator()
        var code = joinCode ?? JoinCode.make(using: &generator)
        while try await exists("SELECT 1 FROM session WHERE join_code = \(code)") { code = JoinCode.make(using: &generator) }
        let secret = secret ?? SessionSecret.make(using: &generator)
        let rows = try await connection.query("""
            INSERT INTO session (name, poll_source, definition, control, join_code, created_at, secret)
            VALUES (\(draft.name), \(draft.source), \(try JSONCoding.encode(draft.definition)), \(try JSONCoding.encode(draft.control)),
                    \(code), \(Self.milliseconds(draft.createdAt)), \(secret))
            ON CONFLICT (name) DO NOTHING
            RETURNING id
            """, logger: logger)
        // Nothing inserted: another process created a session of that name meanwhile.
        guard let id = try await rows.decode(Int64.self).first(where: { _ in true }) else { throw StoreError.sessionExists(draft.name) }
        return SessionRecord(id: id, name: draft.name, definition: draft.definition, source: draft.source, control: draft.control,
                             revision: 0, joinCode: code, createdAt: draft.createdAt, secret: secret)
    }

    static let sessionColumns = "id, name, poll_source, definition, control, revision, join_code, created_at, secret"

    static func sessions(_ rows: PostgresRowSequence) async throws -> [SessionRecord] {
        var sessions: [SessionRecord] = []
        for try await (id, name, source, definition, control, revision, code, createdAt, secret)
            in rows.decode((Int64, String, String, String, String, Int64, String, Date, String).self) {
            sessions.append(SessionRecord(id: id, name: name, definition: try JSONCoding.decode(PollDefinition.self, from: definition),
                                          source: source, control: try JSONCoding.decode(SessionControl.self, from: control),
                                          revision: revision, joinCode: code, createdAt: createdAt, secret: secret))
        }
        return sessions
    }

    public func session(named name: String) async throws -> SessionRecord? {
        try await reading { connection in
            try await Self.sessions(try await connection.query(
                "SELECT \(unescaped: Self.sessionColumns) FROM session WHERE name = \(name)", logger: Self.logger)).first
        }
    }

    public func sessionSummaries() async throws -> [SessionSummary] {
        try await reading(whole: true) { connection in
            let sessions = try await Self.sessions(try await connection.query(
                "SELECT \(unescaped: Self.sessionColumns) FROM session ORDER BY created_at, id", logger: Self.logger))
            var counts: [Int64: [String: Int]] = [:]
            let rows = try await connection.query("""
                SELECT session_id, round, COUNT(DISTINCT participant_id) FROM response
                WHERE superseded_by IS NULL GROUP BY session_id, round
                """, logger: Self.logger)
            for try await (session, round, count) in rows.decode((Int64, String, Int).self) {
                counts[session, default: [:]][round] = count
            }
            var stored: [Int64: StoredAmounts] = [:]
            let amounts = try await connection.query("""
                SELECT s.id,
                       (SELECT COUNT(*) FROM participant WHERE session_id = s.id),
                       (SELECT COUNT(*) FROM response WHERE session_id = s.id),
                       (SELECT COUNT(*) FROM response WHERE session_id = s.id AND superseded_by IS NULL),
                       (SELECT COUNT(*) FROM hand_count WHERE session_id = s.id),
                       (SELECT COUNT(*) FROM qa_change WHERE session_id = s.id AND kind = 'ask'),
                       (SELECT COUNT(*) FROM qa_change WHERE session_id = s.id),
                       LEAST((SELECT MIN(received_at) FROM response WHERE session_id = s.id),
                             (SELECT MIN(updated_at) FROM hand_count WHERE session_id = s.id),
                             (SELECT MIN(at) FROM qa_change WHERE session_id = s.id)),
                       GREATEST((SELECT MAX(received_at) FROM response WHERE session_id = s.id),
                                (SELECT MAX(updated_at) FROM hand_count WHERE session_id = s.id),
                                (SELECT MAX(at) FROM qa_change WHERE session_id = s.id))
                FROM session s
                """, logger: Self.logger)
            for try await (id, participants, responses, current, hands, questions, entries, first, last)
                in amounts.decode((Int64, Int, Int, Int, Int, Int, Int, Date?, Date?).self) {
                var amount = StoredAmounts()
                (amount.participants, amount.responses, amount.currentResponses) = (participants, responses, current)
                (amount.handCounts, amount.qandAQuestions, amount.qandAEntries) = (hands, questions, entries)
                (amount.first, amount.last) = (first, last)
                stored[id] = amount
            }
            return sessions.map { session in
                SessionSummary(name: session.name, pollTitle: session.definition.title, createdAt: session.createdAt,
                               participants: session.definition.rounds.map { .init(round: $0, count: counts[session.id]?[$0] ?? 0) },
                               stored: stored[session.id] ?? StoredAmounts(), openRound: session.control.openRound)
            }
        }
    }

    public func deleteSession(named name: String) async throws -> Bool {
        let feed = feed
        try await transaction { connection in
            let rows = try await connection.query("""
                DELETE FROM session WHERE name = \(name) RETURNING id, pg_notify(\(PostgresChangeFeed.channel), \(feed.instance) || ' ' || id)::text
                """, logger: Self.logger)
            for try await _ in rows.decode((Int64, String).self) { return }
            throw StoreError.noSuchSession(name)
        }
        // VACUUM runs outside a transaction; it frees the rows' space for reuse, but PostgreSQL
        // keeps the old bytes in its data files and write-ahead log until it overwrites them.
        // The deletion is committed: a vacuum that fails or times out only leaves the space for later.
        _ = try? await reading(whole: true) { connection in
            _ = try await connection.query("VACUUM session, participant, response, hand_count, qa_change", logger: Self.logger)
        }
        return false
    }

    public func saveControl(_ control: SessionControl, of session: SessionRecord) async throws -> SessionRecord {
        let json = try JSONCoding.encode(control)
        let feed = feed
        let revision = try await transaction { connection in
            let current = try await Self.lockSession(session, feed: feed, connection)
            guard current == session.revision else { throw StoreError.controlChanged(current: current) }
            try await connection.query("UPDATE session SET control = \(json), revision = revision + 1 WHERE id = \(session.id)", logger: Self.logger)
            return current + 1
        }
        var updated = session
        updated.control = control
        updated.revision = revision
        return updated
    }

    // MARK: Responses

    public func append(_ responses: [Response], to session: SessionRecord, ifRevision revision: Int64?) async throws {
        guard !responses.isEmpty else { return }
        let feed = feed
        try await transaction(rows: responses.count) { connection in
            let current = try await Self.lockSession(session, feed: feed, connection)
            if let revision, current != revision { throw StoreError.controlChanged(current: current) }
            try await PostgresResponses.insert(responses, into: session, connection)
        }
    }

    public func currentTally(of session: SessionRecord, participants: ParticipantKeys, salvage: SalvageLog?) async throws -> Tally {
        let hands = try await hands(of: session, salvage: salvage)
        var tally = try await reading(whole: true) { connection in
            try await PostgresResponses.count(session, participants: participants, salvage: salvage, connection)
        }
        for count in hands { tally.setHands(count) }
        return tally
    }

    public func allResponses(of session: SessionRecord) async throws -> [StoredResponse] {
        try await reading(whole: true) { try await PostgresResponses.read(session, currentOnly: false, after: 0, salvage: nil, $0) }
    }

    public func currentResponses(of session: SessionRecord, salvage: SalvageLog?) async throws -> [Response] {
        try await reading(whole: true) { try await PostgresResponses.read(session, currentOnly: true, after: 0, salvage: salvage, $0) }.map(\.response)
    }

    public func responses(of session: SessionRecord, after id: Int64) async throws -> [StoredResponse] {
        try await reading { try await PostgresResponses.read(session, currentOnly: false, after: id, salvage: nil, $0) }
    }

    public func latestResponseID(of session: SessionRecord) async throws -> Int64 {
        try await reading { connection in
            let rows = try await connection.query("SELECT COALESCE(MAX(id), 0) FROM response WHERE session_id = \(session.id)", logger: Self.logger)
            return try await rows.decode(Int64.self).first(where: { _ in true }) ?? 0
        }
    }

    // MARK: Hand counts

    public func saveHands(_ count: HandCount, of session: SessionRecord) async throws {
        let feed = feed
        try await transaction { connection in
            try await Self.saveHands(count, session: session.id, connection)
            try await Self.notify(session.id, feed: feed, connection)
        }
    }

    private static func saveHands(_ count: HandCount, session: Int64, _ connection: PostgresConnection) async throws {
        try await connection.query("""
            INSERT INTO hand_count (session_id, round, question, counts, updated_at)
            VALUES (\(session), \(count.round), \(count.question), \(try JSONCoding.encode(count.counts)), \(milliseconds(count.updatedAt)))
            ON CONFLICT (session_id, round, question) DO UPDATE SET counts = excluded.counts, updated_at = excluded.updated_at
            """, logger: logger)
    }

    public func hands(of session: SessionRecord, salvage: SalvageLog?) async throws -> [HandCount] {
        let rows = try await reading { connection in
            var rows: [(String, String, String, Date)] = []
            for try await row in try await connection.query("""
                SELECT round, question, counts, updated_at FROM hand_count WHERE session_id = \(session.id)
                ORDER BY round COLLATE "C", question COLLATE "C"
                """, logger: Self.logger).decode((String, String, String, Date).self) {
                rows.append(row)
            }
            return rows
        }
        return try rows.compactMap { round, question, counts, updatedAt in
            try HandCountReader.read(round: round, question: question, counts: counts, updatedAt: updatedAt,
                                     definition: session.definition, salvage: salvage)
        }
    }

    // MARK: Audience Q&A

    public func appendQandA(_ changes: [QandAChange], at time: Date, to session: SessionRecord) async throws -> [QandARecord] {
        guard !changes.isEmpty else { return [] }
        let feed = feed
        return try await transaction { connection in
            _ = try await Self.lockSession(session, feed: feed, connection)
            var records: [QandARecord] = []
            for change in changes {
                records.append(QandARecord(id: try await Self.insertQandA(change, at: time, session: session.id, connection), change: change, at: time))
            }
            return records
        }
    }

    /// Inserts one Q&A change and returns its id. Runs inside the caller's transaction.
    private static func insertQandA(_ change: QandAChange, at time: Date, session: Int64, _ connection: PostgresConnection) async throws -> Int64 {
        let rows = try await connection.query("""
            INSERT INTO qa_change (session_id, kind, question_id, participant, change, at)
            VALUES (\(session), \(change.kind), \(change.question), \(change.participant), \(try JSONCoding.encode(change)), \(milliseconds(time)))
            RETURNING id
            """, logger: logger)
        guard let id = try await rows.decode(Int64.self).first(where: { _ in true }) else { throw StoreError.corrupt("Q&A change not stored") }
        return id
    }

    public func qandAChanges(of session: SessionRecord, after id: Int64) async throws -> [QandARecord] {
        try await reading { connection in
            var records: [QandARecord] = []
            for try await (id, json, at) in try await connection.query(
                "SELECT id, change, at FROM qa_change WHERE session_id = \(session.id) AND id > \(id) ORDER BY id",
                logger: Self.logger).decode((Int64, String, Date).self) {
                guard let change = try? JSONCoding.decode(QandAChange.self, from: json) else { throw StoreError.corrupt("Q&A change \(id)") }
                records.append(QandARecord(id: id, change: change, at: at))
            }
            return records
        }
    }

    // MARK: Following other processes

    public func changeCounter() async throws -> Int64 {
        try await deadline { [feed, client, timeout] _ in try await feed.counter(via: client, timeout: timeout) }
    }

    public func changeSignals(fallback: Duration) -> AsyncStream<Void> {
        feed.signals(fallback: fallback)
    }

    /// A notification is delivered only after its transaction committed.
    public var signalsAfterCommit: Bool { true }

    /// A time kept to the millisecond, as SQLite keeps it (so both stores give back the same time).
    static func milliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
