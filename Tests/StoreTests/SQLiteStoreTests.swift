import Foundation
import GRDB
import PollCore
@testable import Store
import Testing
import TestSupport

/// What only the SQLite store promises: its file, its durability settings, its refusals.
@Suite("SQLite store")
struct SQLiteStoreTests {
    func withFolder(_ body: (TemporaryFolder) async throws -> Void) async throws {
        let folder = try TemporaryFolder("roompoll-sqlite")
        defer { folder.remove() }
        try await body(folder)
    }

    @Test func commitsAreSyncedInFullAndTheFileIsInWALMode() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path)
            _ = try await store.createSession(StoreFixtures.draft())
            #expect(try store.writerPragma("synchronous") == "2", "2 = FULL: every commit reaches the disk")
            #expect(try store.writerPragma("journal_mode") == "wal")
            #expect(try sqlite3(path, "PRAGMA journal_mode") == "wal")
            #expect(try sqlite3(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name")
                    == "hand_count\nparticipant\nqa_change\nresponse\nsession\nsqlite_sequence", "sqlite_sequence: session ids are never reused")
            #expect(try sqlite3(path, "SELECT count(*) FROM grdb_migrations") == "5")
        }
    }

    @Test func noIPAddressOrUserAgentIsStored() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            _ = try SQLiteStore(path: path)
            let columns = try sqlite3(path, "SELECT name FROM pragma_table_info('participant')")
            #expect(columns.split(separator: "\n") == ["id", "session_id", "token", "channel", "created_at"])
        }
    }

    @Test func aLockedDatabaseRefusesTheAnswerInsteadOfDroppingIt() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path, busyTimeout: 0.2)
            let session = try await store.createSession(StoreFixtures.draft())
            let holder = try SQLiteLockHolder(path: path)
            await #expect(throws: (any Error).self) {
                try await store.append([StoreFixtures.response("p1", "q1", .choice(0))], to: session)
            }
            holder.release()
            #expect(try await store.currentResponses(of: session).isEmpty)
            try await store.append([StoreFixtures.response("p1", "q1", .choice(0))], to: session)
            #expect(try await store.currentResponses(of: session).count == 1)
        }
    }

    @Test func aRefusedInsertRollsBackItsWholeBatchAndLeavesTheWriterUsable() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path)
            let session = try await store.createSession(StoreFixtures.draft())
            // Another connection adds a trigger that refuses answers to q2: the second insert of
            // the batch fails, after the first one went through.
            let other = try DatabaseQueue(path: path)
            try await other.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse_q2 BEFORE INSERT ON response WHEN NEW.question = 'q2'
                    BEGIN SELECT RAISE(ABORT, 'q2 refused by the test'); END
                    """)
            }
            let batch = [StoreFixtures.response("p1", "q1", .choice(0)), StoreFixtures.response("p2", "q2", .order([2, 0, 1]))]
            let error = await #expect(throws: DatabaseError.self) { try await store.append(batch, to: session) }
            #expect(error?.message?.contains("q2 refused by the test") == true, "SQLite's own message comes through")
            #expect(try await store.allResponses(of: session).isEmpty, "the batch's first answer is rolled back too")
            #expect(try await other.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM participant") } == 0)
            try await other.write { try $0.execute(sql: "DROP TRIGGER refuse_q2") }
            try await store.append(batch + [StoreFixtures.response("p1", "q1", .choice(1))], to: session)
            #expect(try await store.currentResponses(of: session).map(\.answer) == [.order([2, 0, 1]), .choice(1)])
            #expect(try await store.allResponses(of: session).count == 3)
        }
    }

    @Test func aSessionAndItsFirstAnswersAreCreatedTogetherOrNotAtAll() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path, busyTimeout: 0.2)
            let holder = try SQLiteLockHolder(path: path)
            await #expect(throws: (any Error).self) {
                try await store.createSession(StoreFixtures.draft(), responses: [StoreFixtures.response("p1", "q1", .choice(0))])
            }
            holder.release()
            #expect(try await store.sessionSummaries().isEmpty)
            let session = try await store.createSession(StoreFixtures.draft(), responses: [StoreFixtures.response("p1", "q1", .choice(1))])
            #expect(try await store.currentResponses(of: session).map(\.answer) == [.choice(1)])
        }
    }

    @Test func storedAnswersReadBackWithoutTodaysLimits() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path)
            let session = try await store.createSession(StoreFixtures.draft())
            try await store.append([StoreFixtures.response("p1", "q3", .words(["a", "b"]), round: "closing")], to: session)
            // An answer stored under an older, looser rule (four words) still reads back.
            _ = try sqlite3(path, "UPDATE response SET answer = 'a;b;c;d'")
            #expect(try await store.currentResponses(of: session).map(\.answer) == [.words(["a", "b", "c", "d"])])
        }
    }

    /// A large session is counted in slices of row ids, in parallel, and added up: the result
    /// is the same as counting every current answer in one go.
    @Test func countingInSlicesGivesTheSameTally() async throws {
        try await withFolder { folder in
            let store = try SQLiteStore(path: folder.path("db.sqlite"), busyTimeout: 5, rowsPerSlice: 3)
            let session = try await store.createSession(StoreFixtures.draft())
            var rng = SeededGenerator(seed: 3)
            for batch in 0..<6 {
                try await store.append((0..<10).flatMap { i -> [Response] in
                    let who = "p\(Int.random(in: 0..<25, using: &rng))"
                    return [StoreFixtures.response(who, "q1", .choice(Int.random(in: 0...1, using: &rng)), at: Double(batch * 10 + i)),
                            StoreFixtures.response(who, "q2", .order([0, 1, 2].shuffled(using: &rng)), at: Double(batch * 10 + i)),
                            StoreFixtures.response(who, "q3", .words(["w\(i % 4)"]), round: "closing", at: Double(batch * 10 + i))]
                }, to: session)
            }
            let sliced = try await store.currentTally(of: session, participants: .tokens)
            let whole = Tally(definition: StoreFixtures.poll, responses: try await store.currentResponses(of: session))
            for round in StoreFixtures.poll.rounds {
                for question in StoreFixtures.poll.questions {
                    let got = sliced.tally(round: round, question: question.id), want = whole.tally(round: round, question: question.id)
                    #expect(got?.answersByParticipant() == want?.answersByParticipant())
                    #expect(got?.counts == want?.counts && got?.rankSums == want?.rankSums && got?.wordCounts == want?.wordCounts)
                    #expect(got?.inArrivalOrder.map(\.participant) == want?.inArrivalOrder.map(\.participant), "same arrival order")
                }
            }
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        try await withFolder { folder in
            let path = folder.path("notes.txt")
            try "just some notes\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: (any Error).self) { try SQLiteStore(path: path) }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "just some notes\n")
        }
    }

    @Test func anEmptyFileIsRefusedNotTakenForANewDatabase() async throws {
        try await withFolder { folder in
            let path = folder.path("empty.sqlite")
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            #expect(throws: StoreError.emptyFile(path)) { try SQLiteStore(path: path) }
            let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
            #expect(size == 0, "the file is left as it was")
        }
    }

    @Test func unreadableRowsStopAReadOrAreSkippedAndListedWhenSalvaging() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path)
            let session = try await store.createSession(StoreFixtures.draft())
            try await store.append([StoreFixtures.response("p1", "q1", .choice(0)), StoreFixtures.response("p2", "q1", .choice(1))],
                                   to: session)
            try await store.saveHands(HandCount(round: "opening", question: "q1", counts: [1, 2], updatedAt: StoreFixtures.now), of: session)
            // Edited by hand (or by a bug of an older version): an answer that is no option,
            // hand counts that are negative and too many.
            _ = try sqlite3(path, "UPDATE response SET answer = 'Perhaps' WHERE id = 1")
            _ = try sqlite3(path, "UPDATE hand_count SET counts = '[-5, 1, 2]'")
            await #expect(throws: StoreError.self) { try await store.currentTally(of: session, participants: .compact) }
            await #expect(throws: StoreError.self) { try await store.currentResponses(of: session) }
            await #expect(throws: StoreError.self) { try await store.hands(of: session) }
            let log = SalvageLog()
            let tally = try await store.currentTally(of: session, participants: .compact, salvage: log)
            #expect(tally.tally(round: "opening", question: "q1")?.counts == [0, 1], "the readable answer still counts")
            #expect(log.skipped.count == 2)
            #expect(log.skipped[0].contains("hand counts for `q1` in the opening round"))
            #expect(log.skipped[1].contains("response 1 (`q1`: `Perhaps`)"))
            let responses = try await store.currentResponses(of: session, salvage: SalvageLog())
            #expect(responses.map(\.participant) == ["p2"])
        }
    }

    /// A report's read matches the round, question and channel as bytes; a row whose channel
    /// or question the poll does not know still stops the read, or is skipped and named.
    @Test func aReportsReadStillNamesUnknownChannelsAndQuestions() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path)
            let session = try await store.createSession(StoreFixtures.draft())
            try await store.append([StoreFixtures.response("p1", "q1", .choice(0)), StoreFixtures.response("p2", "q1", .choice(1)),
                                    StoreFixtures.response("p3", "q1", .choice(1))], to: session)
            _ = try sqlite3(path, "UPDATE response SET channel = 'carrier-pigeon' WHERE id = 1")
            _ = try sqlite3(path, "UPDATE response SET question = 'q9' WHERE id = 2")
            await #expect(throws: StoreError.self) { try await store.currentTally(of: session, participants: .compact) }
            let log = SalvageLog()
            let tally = try await store.currentTally(of: session, participants: .compact, salvage: log)
            #expect(tally.tally(round: "opening", question: "q1")?.counts == [0, 1] && tally.tally(round: "opening", question: "q1")?.count == 1)
            #expect(log.skipped.count == 2)
            #expect(log.skipped.contains { $0.contains("response 1 (`q1`") } && log.skipped.contains { $0.contains("response 2 (`q9`") })
        }
    }

    @Test func anotherProcesssCommitMovesTheChangeCounter() async throws {
        try await withFolder { folder in
            let path = folder.path("db.sqlite")
            let store = try SQLiteStore(path: path)
            let session = try await store.createSession(StoreFixtures.draft())
            _ = try await store.currentTally(of: session, participants: .tokens)
            let before = try await store.changeCounter()
            _ = try sqlite3(path, "UPDATE session SET revision = revision + 1")
            let after = try await store.changeCounter()
            #expect(after != before, "the sqlite3 tool's commit is seen")
        }
    }
}
