import Foundation
import Testing
@testable import Intake
import PollCore
import Store
import Synchronization
import TestSupport

/// Two processes on one session, as two consoles (or a console and `serve`, or two servers)
/// are: two stores on the same database (SQLite file or PostgreSQL), each with its own intake
/// that has not yet heard of the other's changes. The store decides.
@Suite("Two processes, one session")
struct TwoProcessesTests {
    let poll = IntakeTests.poll

    func twoIntakes(busyTimeout: TimeInterval = 5, _ body: (Intake, Intake, SQLiteStore, String) async throws -> Void) async throws {
        let folder = try TemporaryFolder("roompoll-two")
        defer { folder.remove() }
        let path = folder.path("db.sqlite")
        let storeA = try SQLiteStore(path: path, busyTimeout: busyTimeout)
        let storeB = try SQLiteStore(path: path, busyTimeout: busyTimeout)
        try await twoIntakes(storeA, storeB) { a, b in try await body(a, b, storeA, path) }
    }

    /// Two intakes on a fresh database of `kind`.
    func twoIntakes(_ kind: StoreKind, _ body: (Intake, Intake, any Store) async throws -> Void) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let storeA = try await harness.open(), storeB = try await harness.open()
        try await twoIntakes(storeA, storeB) { a, b in try await body(a, b, storeA) }
    }

    private func twoIntakes(_ storeA: any Store, _ storeB: any Store, _ body: (Intake, Intake) async throws -> Void) async throws {
        let record = try await SessionOpener.create(in: storeA, name: "s", stem: "two", definition: poll, source: "", pace: nil,
                                                    now: IntakeTests.now)
        let a = try await Intake.open(record, in: storeA)
        let b = try await Intake.open(record, in: storeB)
        try await body(a, b)
    }

    func submission(_ participant: String, _ question: String, _ answer: String) -> Submission {
        Submission(participant: participant, question: question, answer: .encoded(answer), channel: .kiosk, receivedAt: IntakeTests.now)
    }

    @Test(arguments: StoreKind.available)
    func neitherConsoleLosesTheOthersAction(kind: StoreKind) async throws {
        try await twoIntakes(kind) { a, b, store in
            try await a.handle(.openRound("opening"))
            try await b.refresh()
            // Both act on the same revision: A closes the round, B (not yet told) moves on a question.
            try await a.handle(.closeRound("opening"))
            try await b.handle(.select("q2"))
            let stored = try #require(try await store.session(named: "s"))
            #expect(stored.control.phase(of: "opening") == .closed, "A's close was not overwritten")
            #expect(stored.control.currentQuestion == "q2", "B's move was applied on top of it")
            #expect(stored.revision == 3)
            #expect(await b.engine.control == stored.control, "B now shows what is stored")
        }
    }

    @Test(arguments: StoreKind.available)
    func anAnswerAfterAnotherProcessClosedTheRoundIsRefused(kind: StoreKind) async throws {
        try await twoIntakes(kind) { a, b, store in
            try await a.handle(.openRound("opening"))
            try await b.refresh()
            try await a.handle(.closeRound("opening"))
            // B has not looked at the store since: its engine still has the round open.
            #expect(await b.engine.control.openRound == "opening")
            let late = await b.submit(submission("p1", "q1", "Yes"))
            #expect(late == .failure(.refused(.roundClosed("opening"))))
            #expect(try await store.allResponses(of: await a.session).isEmpty, "nothing was stored")
            #expect(await b.engine.control.openRound == nil, "B took the stored state in")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func answersQueuedBehindALockedCommitDoNotWaitTwice() async throws {
        try await twoIntakes(busyTimeout: 1) { a, _, _, path in
            try await a.handle(.openRound("opening"))
            let holder = try SQLiteLockHolder(path: path)
            defer { holder.release() }
            let start = ContinuousClock.now
            async let first = a.submit(submission("p1", "q1", "Yes"))
            try await Task.sleep(for: .milliseconds(300))
            // Queued while the first commit waits for the lock.
            let second = await a.submit(submission("p2", "q1", "No"))
            let waited = ContinuousClock.now - start
            guard case .failure(.notStored) = second, case .failure(.notStored) = await first else {
                Issue.record("both answers should be refused while the database is locked")
                return
            }
            #expect(waited < .milliseconds(1_800), "refused with the first commit (1 s timeout), not after a second timeout; waited \(waited)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFollowerSaysWhenItCannotReadTheOthersChanges() async throws {
        try await twoIntakes { a, b, _, path in
            try await a.handle(.openRound("opening"))
            _ = await a.submit(submission("p1", "q1", "Yes"))
            _ = try sqlite3(path, "UPDATE response SET answer = 'Perhaps'")
            let heard = TroubleLog()
            let following = Task { await b.follow(every: .milliseconds(10), trouble: heard.add) }
            defer { following.cancel() }
            while heard.all.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            #expect(heard.all.first??.contains("cannot be read") == true, "\(heard.all)")
            _ = try sqlite3(path, "UPDATE response SET answer = 'Yes' WHERE answer = 'Perhaps'")
            while heard.all.count < 2 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(heard.all.count == 2 && heard.all[1] == nil, "told once when it fails, once when it works again: \(heard.all)")
            #expect(await b.tally.tally(round: "opening", question: "q1")?.counts == [1, 0, 0], "then it catches up")
            #expect(heard.all.count == 2 && heard.all[1] == nil, "told once when it fails, once when it works again")
        }
    }
}

extension TwoProcessesTests {
    @Test(.timeLimit(.minutes(1)), arguments: StoreKind.available)
    func aFollowerSeesTheOthersChangeWellBeforeItsFallbackLook(kind: StoreKind) async throws {
        try await twoIntakes(kind) { a, b, _ in
            let following = Task { await b.follow() }
            defer { following.cancel() }
            try await Task.sleep(for: .milliseconds(300))   // its first look is done; it waits for the files (or a NOTIFY)
            let started = ContinuousClock.now
            try await a.handle(.openRound("opening"))
            while await b.engine.control.openRound == nil { try await Task.sleep(for: .milliseconds(5)) }
            let took = ContinuousClock.now - started
            #expect(took < .milliseconds(1_500), "woken by the database's files or a NOTIFY, not by the two-second fallback: \(took)")
        }
    }
}

final class TroubleLog: Sendable {
    private let entries = Mutex<[String?]>([])
    var all: [String?] { entries.withLock { $0 } }
    @Sendable func add(_ text: String?) { entries.withLock { $0.append(text) } }
}
