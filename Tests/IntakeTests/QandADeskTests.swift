import Foundation
import Testing
@testable import Intake
import PollCore
import Store
import Synchronization
import TestSupport

/// The Q&A desk on a real database (SQLite, and PostgreSQL where it runs): commits before it counts, toggles in order, and two
/// processes (two stores on one file) see each other's questions and moderation.
@Suite("Q&A desk")
struct QandADeskTests {
    static let poll: PollDefinition = {
        var poll = IntakeTests.poll
        poll.qa = QandASettings(moderation: true)
        return poll
    }()

    func desks(_ kind: StoreKind = .sqlite, poll: PollDefinition = Self.poll,
               _ body: (QandADesk, QandADesk, any Store) async throws -> Void) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let storeA = try await harness.open(), storeB = try await harness.open()
        let record = try await SessionOpener.create(in: storeA, name: "s", stem: "qa", definition: poll, source: "", pace: nil,
                                                    now: IntakeTests.now)
        try await body(try await QandADesk.open(record, in: storeA), try await QandADesk.open(record, in: storeB), storeA)
    }

    @Test(arguments: StoreKind.available)
    func aQuestionWaitsForApprovalAndCountsOnlyOnceCommitted(kind: StoreKind) async throws {
        try await desks(kind) { a, b, store in
            let asked = try await a.ask(text: " Why <b>now</b>?\u{202E} ", name: "", side: .room, author: "p1").get()
            #expect(asked.state == .waiting)
            #expect(asked.text == "Why <b>now</b>?", "stored as typed, cleaned; escaping is the pages' job")
            #expect(asked.name == nil, "no name typed: none stored")
            await #expect(throws: QandARefusal.refused(.unknownQuestion(asked.id))) {
                try await a.vote(question: asked.id, participant: "p2", up: nil).get()
            }
            try await b.refresh()
            try await b.moderate(.approve(asked.id))
            try await a.refresh()
            let (question, voted) = try await a.vote(question: asked.id, participant: "p2", up: nil).get()
            #expect(question.state == .shown)
            #expect(question.votes == 1 && voted)
            let (again, stillVoted) = try await a.vote(question: asked.id, participant: "p2", up: nil).get()
            #expect(again.votes == 0 && !stillVoted, "pressing again takes the vote back")
            let stored = QandABoard(try await store.qandAChanges(of: try #require(try await store.session(named: "s")), after: 0))
            #expect(stored == (await a.board), "the board is what the store's log gives")
        }
    }

    @Test(arguments: StoreKind.available)
    func badQuestionsAreRefusedAndChangeNothing(kind: StoreKind) async throws {
        try await desks(kind) { a, _, store in
            let record = try #require(try await store.session(named: "s"))
            for (text, name, problem) in [("   ", nil, QandAProblem.emptyText),
                                          (String(repeating: "x", count: 281), nil, .textTooLong(281)),
                                          ("Fine", String(repeating: "n", count: 41), .nameTooLong(41))] {
                await #expect(throws: QandARefusal.refused(problem)) { try await a.ask(text: text, name: name, side: .room, author: "p").get() }
            }
            await #expect(throws: QandARefusal.refused(.sideUnknown)) { try await a.ask(text: "Where?", name: nil, side: nil, author: "p").get() }
            await #expect(throws: QandARefusal.refused(.unknownQuestion(99))) { try await a.vote(question: 99, participant: "p", up: true).get() }
            #expect(try await store.qandAChanges(of: record, after: 0).isEmpty)
            _ = try await a.ask(text: "First", name: nil, side: .online, author: "p").get()
            #expect(try await a.ask(text: "Second", name: nil, side: nil, author: "p").get().side == .online, "the side is remembered")
        }
    }

    @Test func qandAOffRefusesEverything() async throws {
        try await desks(poll: IntakeTests.poll) { a, _, _ in
            await #expect(throws: QandARefusal.refused(.off)) { try await a.ask(text: "Hi", name: nil, side: .room, author: "p").get() }
        }
    }

    @Test(arguments: StoreKind.available)
    func manyVotesAtOnceAreEachCountedExactlyOnce(kind: StoreKind) async throws {
        var poll = Self.poll
        poll.qa?.moderation = false
        try await desks(kind, poll: poll) { a, b, store in
            var asked: [Int64] = []
            for n in 0..<5 { asked.append(try await a.ask(text: "Q\(n)", name: nil, side: n % 2 == 0 ? .room : .online, author: "asker").get().id) }
            let ids = asked
            let acknowledged = await withTaskGroup(of: Bool.self) { group in
                for p in 0..<200 {
                    for id in ids {
                        group.addTask {
                            if case .success = await a.vote(question: id, participant: "p\(p)", up: true) { return true }
                            return false
                        }
                    }
                    // Some press twice at once with an explicit up: still one vote each.
                    if p % 10 == 0 { group.addTask { _ = await a.vote(question: ids[0], participant: "p\(p)", up: true); return false } }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(acknowledged == 1_000)
            let board = await a.board
            #expect(ids.allSatisfy { board.questions[$0]?.votes == 200 })
            try await b.refresh()
            #expect(await b.board == board, "a second process reads the same counts")
            let record = try #require(try await store.session(named: "s"))
            #expect(QandABoard(try await store.qandAChanges(of: record, after: 0)).totalVotes == 1_000)
        }
    }

    @Test(arguments: StoreKind.available)
    func aFollowerSeesTheOtherProcessWithinTwoHundredMilliseconds(kind: StoreKind) async throws {
        try await desks(kind) { a, b, _ in
            let seen = Mutex<ContinuousClock.Instant?>(nil)
            await b.observe { board, _ in
                if board.questions.values.contains(where: { $0.state == .shown }) { seen.withLock { $0 = $0 ?? .now } }
            }
            let following = Task { await b.follow() }
            defer { following.cancel() }
            let asked = try await a.ask(text: "Hello?", name: nil, side: .online, author: "p").get()
            try await Task.sleep(for: .milliseconds(300))
            let start = ContinuousClock.now
            try await a.moderate(.approve(asked.id))
            while seen.withLock({ $0 }) == nil, ContinuousClock.now - start < .seconds(5) { try await Task.sleep(for: .milliseconds(5)) }
            let at = try #require(seen.withLock { $0 })
            #expect(at - start < .milliseconds(200))
        }
    }
}
