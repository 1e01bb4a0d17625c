import Foundation
import GRDB
import PollCore

/// The embedded store: one SQLite file in WAL mode through GRDB, `synchronous = FULL` so a
/// committed answer survives a crash and a power loss.
public final class SQLiteStore: Store {
    private let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// A write waits up to `busyTimeout` seconds for another process's lock, then fails.
    /// Sessions with more rows than this are counted in parallel slices (`currentTally`).
    let rowsPerSlice: Int64

    public convenience init(path: String, busyTimeout: TimeInterval = 5) throws {
        try self.init(path: path, busyTimeout: busyTimeout, rowsPerSlice: 100_000)
    }

    init(path: String, busyTimeout: TimeInterval, rowsPerSlice: Int64) throws {
        self.rowsPerSlice = rowsPerSlice
        // SQLite takes an empty file for a new database; here it is more likely a file
        // that lost its contents, or the wrong file: refuse it rather than start afresh.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size == 0 {
            throw StoreError.emptyFile(path)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        self.path = path
        pool = try DatabasePool(path: path, configuration: configuration)
        // DatabasePool switches its writer to synchronous = NORMAL once WAL is on; an
        // acknowledged answer must survive a power loss, so every commit is synced.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try SQLiteSchema.migrator.migrate(pool)
    }

    /// The value of a PRAGMA on the writer connection (diagnostics and tests).
    func writerPragma(_ name: String) throws -> String? {
        try pool.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA \(name)") }
    }

    public func createSession(_ draft: SessionDraft, responses: [Response]) async throws -> SessionRecord {
        try await pool.write { db in
            let session = try Self.create(draft, joinCode: nil, secret: nil, db)
            try Self.insert(responses, definition: draft.definition, session: session.id, db)
            return session
        }
    }

    public func copySession(_ copy: SessionCopy) async throws -> SessionRecord {
        try await pool.write { db in
            let session = try Self.create(copy.draft, joinCode: copy.joinCode, secret: copy.secret, db)
            try Self.insert(copy.responses, definition: copy.draft.definition, session: session.id, db)
            for count in copy.hands {
                try Self.saveHands(count, session: session.id, db)
            }
            var ids: [Int64: Int64] = [:]
            for record in copy.qanda {
                let change = try record.change.renumbered { try SessionCopy.renumber($0, ids) }
                let stored = try Self.insertQandA(change, json: try JSONCoding.encode(change), at: record.at, session: session.id, db)
                if case .ask = change { ids[record.id] = stored }
            }
            return session
        }
    }

    /// Inserts a session row: a fresh join code (or `joinCode`, if no other session has it) and a
    /// fresh secret (or `secret`). Runs inside the caller's transaction.
    private static func create(_ draft: SessionDraft, joinCode: String?, secret: String?, _ db: Database) throws -> SessionRecord {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE name = ?", arguments: [draft.name]) == true {
            throw StoreError.sessionExists(draft.name)
        }
        var generator = SystemRandomNumberGenerator()
        var code = joinCode ?? JoinCode.make(using: &generator)
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE join_code = ?", arguments: [code]) == true {
            code = JoinCode.make(using: &generator)
        }
        let secret = secret ?? SessionSecret.make(using: &generator)
        try db.execute(sql: """
            INSERT INTO session (name, poll_source, definition, control, join_code, created_at, secret)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [draft.name, draft.source, try JSONCoding.encode(draft.definition), try JSONCoding.encode(draft.control),
                             code, draft.createdAt, secret])
        return SessionRecord(id: db.lastInsertedRowID, name: draft.name, definition: draft.definition,
                             source: draft.source, control: draft.control, revision: 0, joinCode: code,
                             createdAt: draft.createdAt, secret: secret)
    }

    public func session(named name: String) async throws -> SessionRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM session WHERE name = ?", arguments: [name]).map(Self.session)
        }
    }

    public func sessionSummaries() async throws -> [SessionSummary] {
        try await pool.read { db in
            let sessions = try Row.fetchAll(db, sql: "SELECT * FROM session ORDER BY created_at, id").map(Self.session)
            return try sessions.map { session in
                var perRound: [String: Int] = [:]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT round, COUNT(DISTINCT participant_id) AS n FROM response
                    WHERE session_id = ? AND superseded_by IS NULL GROUP BY round
                    """, arguments: [session.id])
                for row in rows { perRound[row["round"]] = row["n"] }
                return SessionSummary(name: session.name, pollTitle: session.definition.title, createdAt: session.createdAt,
                                      participants: session.definition.rounds.map { .init(round: $0, count: perRound[$0] ?? 0) },
                                      stored: try Self.storedAmounts(db, session: session.id), openRound: session.control.openRound)
            }
        }
    }

    static func storedAmounts(_ db: Database, session: Int64) throws -> StoredAmounts {
        var stored = StoredAmounts()
        let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM participant WHERE session_id = :s) AS participants,
                   (SELECT COUNT(*) FROM response WHERE session_id = :s) AS responses,
                   (SELECT COUNT(*) FROM response WHERE session_id = :s AND superseded_by IS NULL) AS current,
                   (SELECT COUNT(*) FROM hand_count WHERE session_id = :s) AS hands,
                   (SELECT COUNT(*) FROM qa_change WHERE session_id = :s AND kind = 'ask') AS questions,
                   (SELECT COUNT(*) FROM qa_change WHERE session_id = :s) AS entries,
                   (SELECT MIN(t) FROM (SELECT MIN(received_at) AS t FROM response WHERE session_id = :s
                                        UNION ALL SELECT MIN(updated_at) FROM hand_count WHERE session_id = :s
                                        UNION ALL SELECT MIN(at) FROM qa_change WHERE session_id = :s)) AS first,
                   (SELECT MAX(t) FROM (SELECT MAX(received_at) AS t FROM response WHERE session_id = :s
                                        UNION ALL SELECT MAX(updated_at) FROM hand_count WHERE session_id = :s
                                        UNION ALL SELECT MAX(at) FROM qa_change WHERE session_id = :s)) AS last
            """, arguments: ["s": session])
        guard let row else { return stored }
        (stored.participants, stored.responses, stored.currentResponses) = (row["participants"], row["responses"], row["current"])
        (stored.handCounts, stored.qandAQuestions, stored.qandAEntries) = (row["hands"], row["questions"], row["entries"])
        (stored.first, stored.last) = (row["first"], row["last"])
        return stored
    }

    public func deleteSession(named name: String) async throws -> Bool {
        try await pool.writeWithoutTransaction { db in
            // Deleted rows are overwritten with zeros, then VACUUM rebuilds the file without the
            // freed pages and the checkpoint empties the write-ahead log, where the old pages
            // would otherwise stay readable.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            try db.inTransaction {
                guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM session WHERE name = ?", arguments: [name]) else {
                    throw StoreError.noSuchSession(name)
                }
                try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id])
                return .commit
            }
            // The deletion is committed: a failure to compact now leaves the bytes, not the session.
            do {
                // VACUUM's temporary copy of the remaining data stays in memory, not on a temporary disk.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                try db.execute(sql: "VACUUM")
                let checkpoint = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                return (checkpoint?[0] as Int?) == 0
            } catch {
                return false
            }
        }
    }

    public func saveControl(_ control: SessionControl, of session: SessionRecord) async throws -> SessionRecord {
        let json = try JSONCoding.encode(control)
        let revision = try await pool.write { db in
            try db.execute(sql: "UPDATE session SET control = ?, revision = revision + 1 WHERE id = ? AND revision = ?",
                           arguments: [json, session.id, session.revision])
            guard db.changesCount == 1 else {
                guard let current = try Int64.fetchOne(db, sql: "SELECT revision FROM session WHERE id = ?", arguments: [session.id]) else {
                    throw StoreError.noSuchSession(session.name)
                }
                throw StoreError.controlChanged(current: current)
            }
            return session.revision + 1
        }
        var updated = session
        updated.control = control
        updated.revision = revision
        return updated
    }

    public func append(_ responses: [Response], to session: SessionRecord, ifRevision revision: Int64?) async throws {
        guard !responses.isEmpty else { return }
        try await pool.write { db in
            if let revision {
                let check = try db.cachedStatement(sql: "SELECT revision FROM session WHERE id = ?")
                let current = try Int64.fetchOne(check, arguments: [session.id])
                guard current == revision else { throw StoreError.controlChanged(current: current ?? -1) }
            }
            try Self.insert(responses, definition: session.definition, session: session.id, db)
        }
    }

    /// Inserts responses (and their participants, when new), each superseding the same
    /// participant's current answer to the same question in the same round; each answer is
    /// stored in the text form of the import encoding. Runs inside the caller's transaction.
    private static func insert(_ responses: [Response], definition: PollDefinition, session: Int64, _ db: Database) throws {
        let addParticipant = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO participant (session_id, token, channel, created_at) VALUES (?, ?, ?, ?)
            """)
        let findParticipant = try db.cachedStatement(sql: "SELECT id FROM participant WHERE session_id = ? AND token = ?")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO response (session_id, participant_id, round, question, answer, channel, received_at, language)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let supersede = try db.cachedStatement(sql: """
            UPDATE response SET superseded_by = ?
            WHERE session_id = ? AND participant_id = ? AND round = ? AND question = ?
              AND superseded_by IS NULL AND id <> ?
            """)
        let questions = definition.questions, rounds = definition.rounds
        // A participant new in this batch has no earlier answers: nothing to supersede, until
        // they answer the same question twice within the batch. Their answers are remembered
        // as one number each: participant, question and round.
        var participants: [String: (id: Int64, fresh: Bool)] = [:]
        var answeredByFresh: Set<Int64> = []
        answeredByFresh.reserveCapacity(responses.count)
        // A batch's answers mostly share a few arrival times (an import: one): format each once.
        var lastTime: (date: Date, text: String)?
        for response in responses {
            guard let q = questions.firstIndex(where: { $0.id == response.question }),
                  let r = rounds.firstIndex(of: response.round) else {
                throw StoreError.corrupt("question `\(response.question)` in round `\(response.round)` is not in the session's poll")
            }
            let text = AnswerCodec.encode(response.answer, for: questions[q])
            let receivedAt: String
            if let lastTime, lastTime.date == response.receivedAt {
                receivedAt = lastTime.text
            } else {
                receivedAt = Timestamp.storeText(response.receivedAt)
                lastTime = (response.receivedAt, receivedAt)
            }
            let participant: (id: Int64, fresh: Bool)
            if let known = participants[response.participant] {
                participant = known
            } else {
                try addParticipant.executeDirect(.integer(session), .text(response.participant), .text(response.channel.rawValue), .text(receivedAt))
                if db.changesCount == 1 {
                    participant = (db.lastInsertedRowID, true)
                } else {
                    guard let stored = try Int64.fetchOne(findParticipant, arguments: [session, response.participant]) else {
                        throw StoreError.corrupt("participant `\(response.participant)` could not be stored")
                    }
                    participant = (stored, false)
                }
                participants[response.participant] = participant
            }
            try insert.executeDirect(.integer(session), .integer(participant.id), .text(response.round), .text(response.question),
                                     .text(text), .text(response.channel.rawValue), .text(receivedAt), .optional(response.language))
            let id = db.lastInsertedRowID
            let answered = (participant.id * Int64(questions.count) + Int64(q)) * Int64(rounds.count) + Int64(r)
            if participant.fresh, answeredByFresh.insert(answered).inserted { continue }
            try supersede.execute(arguments: [id, session, participant.id, response.round, response.question, id])
        }
    }

    public func currentResponses(of session: SessionRecord, salvage: SalvageLog?) async throws -> [Response] {
        try await responses(of: session, currentOnly: true, salvage: salvage).map(\.response)
    }

    public func allResponses(of session: SessionRecord) async throws -> [StoredResponse] {
        try await responses(of: session, currentOnly: false)
    }

    public func changeCounter() async throws -> Int64 {
        // data_version is per connection and moves only for other connections' commits:
        // ask the writer, which is always the same connection.
        try await pool.writeWithoutTransaction { try Int64.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
    }

    public func changeSignals(fallback: Duration) -> AsyncStream<Void> {
        FileChangeWatch.signals(for: path, fallback: fallback)
    }

    public var signalsAfterCommit: Bool { false }

    public func responses(of session: SessionRecord, after id: Int64) async throws -> [StoredResponse] {
        try await responses(of: session, currentOnly: false, after: id)
    }

    public func latestResponseID(of session: SessionRecord) async throws -> Int64 {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM response WHERE session_id = ?", arguments: [session.id]) ?? 0
        }
    }

    private func responses(of session: SessionRecord, currentOnly: Bool, after: Int64 = 0,
                           salvage: SalvageLog? = nil) async throws -> [StoredResponse] {
        try await pool.read { db in
            var result: [StoredResponse] = []
            let sql = """
                SELECT r.id, p.token, r.round, r.question, r.answer, r.channel, r.received_at, r.superseded_by, r.language
                FROM response r JOIN participant p ON p.id = r.participant_id
                WHERE r.session_id = ? AND r.id > ? \(currentOnly ? "AND r.superseded_by IS NULL" : "")
                ORDER BY r.id
                """
            try Self.forEachResponse(sql, [session.id, after], session: session, salvage: salvage, db) { row, questionID, answer, channel in
                let response = Response(participant: row[1], round: row[2], question: questionID, answer: answer,
                                        channel: channel, receivedAt: row[6], language: row[8])
                result.append(StoredResponse(id: row[0], response: response, supersededBy: row[7]))
            }
            return result
        }
    }

    /// Counts the current responses straight from the rows: no array of responses, no sorting
    /// (each answer is counted under its row id, which is its arrival order), and neither the
    /// time nor, with `.compact` keys, the token of each answer is read.
    /// The most a report's read may hold in arrays at once (every slice's, together).
    static let arrayBudget = 512 << 20

    public func currentTally(of session: SessionRecord, participants: ParticipantKeys, salvage: SalvageLog?) async throws -> Tally {
        let hands = try await hands(of: session, salvage: salvage)
        let sql = participants == .tokens
            ? """
              SELECT r.id, p.token, r.round, r.question, r.answer, r.channel
              FROM response r JOIN participant p ON p.id = r.participant_id
              WHERE r.session_id = ? AND r.superseded_by IS NULL AND r.id BETWEEN ? AND ?
              """
            : """
              SELECT id, participant_id, round, question, answer, channel FROM response
              WHERE session_id = ? AND superseded_by IS NULL AND id BETWEEN ? AND ?
              """
        // A large session is read in as many slices of row ids as there are cores, each on its
        // own reader connection, and the counts are added up: answers are disjoint per slice.
        let (low, high, dense) = try await pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id) FROM response WHERE session_id = ?", arguments: [session.id])
            // Keyed by row id, participants are counted in arrays indexed by it when the
            // session's ids are dense enough (another session's joins in between leave gaps).
            var numbers: ClosedRange<Int>?
            if participants == .compact,
               let people = try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id), COUNT(*) FROM participant WHERE session_id = ?",
                                             arguments: [session.id]),
               let first = people[0] as Int?, let last = people[1] as Int?, first <= last,
               case let (span, overflow) = last.subtractingReportingOverflow(first), !overflow, span < 4 * (people[2] as Int) + 1024 {
                numbers = first...last
            }
            return ((row?[0] as Int64?) ?? 0, (row?[1] as Int64?) ?? -1, numbers)
        }
        var slices = high - low < rowsPerSlice ? 1 : Int64(max(2, ProcessInfo.processInfo.activeProcessorCount))
        // Each slice counts into arrays for every (round, question) over every number: fewer
        // slices where that would take more than `arrayBudget`, the hash tree where one would.
        let tallies = session.definition.rounds.reduce(0) { $0 + session.definition.questions(in: $1).count }
        let perSlice = (dense?.count ?? 0) * tallies * MemoryLayout<QuestionTally.Entry?>.stride
        let numbers = perSlice <= Self.arrayBudget ? dense : nil
        if numbers != nil { slices = min(slices, Int64(max(1, Self.arrayBudget / max(1, perSlice)))) }
        let width = (high - low) / slices + 1
        var tally = try await withThrowingTaskGroup(of: Tally.self) { group in
            for slice in 0..<slices {
                let from = low + slice * width, to = min(high, from + width - 1)
                group.addTask {
                    try await self.pool.read { db in
                        try SQLiteTallyReader.count(sql, [session.id, from, to], session: session, participants: participants, numbers: numbers,
                                                salvage: salvage, db)
                    }
                }
            }
            // The first slice is the total's start; the others are added to it.
            var total: Tally?
            for try await part in group {
                if total == nil { total = part } else { total!.add(part) }
            }
            return total ?? Tally(definition: session.definition)
        }
        for count in hands { tally.setHands(count) }
        return tally
    }

    /// Reads responses with `sql`, whose first columns are id, participant, round, question,
    /// answer and channel, and hands each to `body` with its question, parsed answer and
    /// channel (`AnswerReader`: unreadable rows fail the read, or are skipped with `salvage`).
    private static func forEachResponse(
        _ sql: String, _ arguments: StatementArguments, session: SessionRecord, salvage: SalvageLog?, _ db: Database,
        _ body: (Row, String, Answer, Channel) throws -> Void
    ) throws {
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var reader = AnswerReader(session.definition, salvage: salvage)
        while let row = try cursor.next() {
            let questionID: String = row[3]
            guard let read = try reader.read(id: row[0], question: questionID, answer: row[4], channel: row[5]) else { continue }
            try body(row, questionID, read.answer, read.channel)
        }
    }

    public func saveHands(_ count: HandCount, of session: SessionRecord) async throws {
        try await pool.write { try Self.saveHands(count, session: session.id, $0) }
    }

    private static func saveHands(_ count: HandCount, session: Int64, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO hand_count (session_id, round, question, counts, updated_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (session_id, round, question) DO UPDATE SET counts = excluded.counts, updated_at = excluded.updated_at
            """, arguments: [session, count.round, count.question, try JSONCoding.encode(count.counts), count.updatedAt])
    }

    public func hands(of session: SessionRecord, salvage: SalvageLog?) async throws -> [HandCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM hand_count WHERE session_id = ? ORDER BY round, question",
                             arguments: [session.id]).compactMap { row in
                try HandCountReader.read(round: row["round"], question: row["question"], counts: row["counts"], updatedAt: row["updated_at"],
                                         definition: session.definition, salvage: salvage)
            }
        }
    }

    public func appendQandA(_ changes: [QandAChange], at time: Date, to session: SessionRecord) async throws -> [QandARecord] {
        guard !changes.isEmpty else { return [] }
        let encoded = try changes.map { try JSONCoding.encode($0) }
        return try await pool.write { db in
            try zip(changes, encoded).map { change, json in
                QandARecord(id: try Self.insertQandA(change, json: json, at: time, session: session.id, db), change: change, at: time)
            }
        }
    }

    /// Inserts one Q&A change and returns its id. Runs inside the caller's transaction.
    private static func insertQandA(_ change: QandAChange, json: String, at time: Date, session: Int64, _ db: Database) throws -> Int64 {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO qa_change (session_id, kind, question_id, participant, change, at) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [session, change.kind, change.question, change.participant, json, Timestamp.storeText(time)])
        return db.lastInsertedRowID
    }

    public func qandAChanges(of session: SessionRecord, after id: Int64) async throws -> [QandARecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, change, at FROM qa_change WHERE session_id = ? AND id > ? ORDER BY id",
                             arguments: [session.id, id]).map { row in
                let id: Int64 = row[0]
                guard let change = try? JSONCoding.decode(QandAChange.self, from: row[1] as String) else {
                    throw StoreError.corrupt("Q&A change \(id)")
                }
                return QandARecord(id: id, change: change, at: row[2])
            }
        }
    }

    private static func session(_ row: Row) throws -> SessionRecord {
        SessionRecord(id: row["id"], name: row["name"],
                      definition: try JSONCoding.decode(PollDefinition.self, from: row["definition"]),
                      source: row["poll_source"],
                      control: try JSONCoding.decode(SessionControl.self, from: row["control"]),
                      revision: row["revision"], joinCode: row["join_code"], createdAt: row["created_at"], secret: row["secret"])
    }
}
