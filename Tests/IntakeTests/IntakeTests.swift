import Foundation
import Testing
@testable import Intake
import PollCore
import Store
import TestSupport

@Suite("Intake")
struct IntakeTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let poll = PollDefinition(title: "Intake poll", questions: [
        Question(id: "q1", kind: .single, ask: "One?", options: ["Yes", "No", "Not sure"], rounds: ["opening", "closing"]),
        Question(id: "q2", kind: .scale, ask: "How much?", max: 10, min: 0, rounds: ["opening", "closing"]),
        Question(id: "q3", kind: .text, ask: "Why?", rounds: ["closing"]),
    ])

    /// A fresh database of `kind`, removed afterwards.
    func withStore(_ kind: StoreKind, _ body: (any Store, StoreHarness) async throws -> Void) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        try await body(try await harness.open(), harness)
    }

    /// A fresh SQLite file in its own folder, removed afterwards.
    func withStore(busyTimeout: TimeInterval = 5, _ body: (SQLiteStore, String) async throws -> Void) async throws {
        let folder = try TemporaryFolder("roompoll-intake")
        defer { folder.remove() }
        let path = folder.path("db.sqlite")
        try await body(try SQLiteStore(path: path, busyTimeout: busyTimeout), path)
    }

    func newSession(in store: any Store, pace: Pace? = nil) async throws -> SessionRecord {
        try await SessionOpener.create(in: store, name: "s", stem: "intake", definition: Self.poll, source: "", pace: pace, now: Self.now)
    }

    func submission(_ participant: String, _ question: String, _ answer: String) -> Submission {
        Submission(participant: participant, question: question, answer: .encoded(answer), channel: .web, receivedAt: Self.now)
    }

    @Test(arguments: StoreKind.available)
    func anAcceptedAnswerIsCommittedThenCounted(kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            try await intake.handle(.openRound("opening"))
            let result = await intake.submit(submission("p1", "q1", "No"))
            #expect(try result.get().answer == .choice(1))
            #expect(await intake.tally.tally(round: "opening", question: "q1")?.counts == [0, 1, 0])
            let stored = try await store.currentResponses(of: await intake.session)
            #expect(stored.map(\.answer) == [.choice(1)])
        }
    }

    @Test(arguments: StoreKind.available)
    func aRefusedAnswerIsNeitherStoredNorCounted(kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            #expect(await intake.submit(submission("p1", "q1", "No")) == .failure(.refused(.roundClosed(nil))))
            try await intake.handle(.openRound("opening"))
            #expect(await intake.submit(submission("p1", "q2", "11")) == .failure(.refused(.invalid(.outOfRange(value: 11, range: 0...10)))))
            #expect(await intake.submit(submission("p1", "q3", "Hi")) == .failure(.refused(.notAskedInRound(question: "q3", round: "opening"))))
            #expect(try await store.allResponses(of: await intake.session).isEmpty)
            #expect(await intake.tally.participants(in: "opening").isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func aBatchCommitsTheGoodAndReportsTheBad(kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            try await intake.handle(.openRound("opening"))
            let results = await intake.submit(batch: [submission("p1", "q1", "Yes"), submission("p2", "q1", "Maybe"), submission("p3", "q2", "3")])
            #expect(results.map { (try? $0.get()) != nil } == [true, false, true])
            #expect(try await store.currentResponses(of: await intake.session).count == 2)
        }
    }

    @Test func aStoreFailureRefusesTheAnswerAndCountsNothing() async throws {
        try await withStore(busyTimeout: 0.2) { store, path in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            try await intake.handle(.openRound("opening"))
            let holder = try SQLiteLockHolder(path: path)
            let result = await intake.submit(submission("p1", "q1", "Yes"))
            holder.release()
            guard case .failure(.notStored) = result else {
                Issue.record("expected a store refusal, got \(result)")
                return
            }
            #expect(await intake.tally.tally(round: "opening", question: "q1")?.respondents == 0)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func answersWaitingWhenTheRoundClosesAreCheckedAgainAndRefused() async throws {
        try await withStore { sqlite, _ in
            let store = GatedStore(sqlite)
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            try await intake.handle(.openRound("opening"))
            async let first = intake.submit(submission("p1", "q1", "Yes"))
            await store.appendStarted()
            // Checked while the round is open, then queued behind the commit in flight.
            async let second = intake.submit(submission("p2", "q1", "No"))
            while intake.waitingForCommit == 0 { try await Task.sleep(for: .milliseconds(1)) }
            try await intake.handle(.closeRound("opening"))
            store.releaseAppends()
            // The store decides: the close was committed before the held answer's commit, so
            // that answer does not count either (its transaction sees the new revision).
            #expect(await first == .failure(.refused(.roundClosed("opening"))))
            #expect(await second == .failure(.refused(.roundClosed("opening"))))
            #expect(try await sqlite.allResponses(of: await intake.session).isEmpty)
            #expect(await intake.tally.tally(round: "opening", question: "q1")?.counts == [0, 0, 0])
        }
    }

    @Test(arguments: StoreKind.available)
    func aParticipantsLatestAnswersByQuestion(kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            try await intake.handle(.openRound("opening"))
            _ = await intake.submit(batch: [submission("p1", "q1", "Yes"), submission("p1", "q2", "4"), submission("p2", "q1", "No")])
            _ = await intake.submit(submission("p1", "q2", "7"))
            #expect(await intake.latestAnswers(of: "p1", in: "opening") == ["q1": .choice(0), "q2": .number(7)])
            #expect(await intake.latestAnswers(of: "p3", in: "opening").isEmpty)
            #expect(await intake.latestAnswers(of: "p1", in: "closing").isEmpty)
        }
    }

    @Test(arguments: StoreKind.available)
    func reopeningResumesRoundsQuestionAndAnswers(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        do {
            // The first process: its store and intake are gone when this scope ends.
            let store = try await harness.open()
            let intake = try await Intake.open(try await newSession(in: store, pace: .presenter), in: store)
            try await intake.handle(.openRound("opening"))
            try await intake.handle(.next)
            try await intake.handle(.openVoting)
            _ = await intake.submit(submission("p1", "q2", "7"))
            _ = await intake.submit(submission("p2", "q2", "3"))
            _ = await intake.submit(submission("p1", "q2", "9"))
            try await intake.setHands(HandCount(round: "opening", question: "q1", counts: [5, 0, 1], updatedAt: Self.now))
        }
        let reopenedStore = try await harness.open()
        let record = try #require(try await reopenedStore.session(named: "s"))
        let resumed = try await Intake.open(record, in: reopenedStore)
        let control = await resumed.engine.control
        #expect(control.openRound == "opening")
        #expect(control.currentQuestion == "q2")
        #expect(control.votingOpen)
        #expect(control.pace == .presenter)
        let q2 = try #require(await resumed.tally.tally(round: "opening", question: "q2"))
        #expect(q2.answersByParticipant() == ["p1": .number(9), "p2": .number(3)])
        #expect(await resumed.tally.tally(round: "opening", question: "q1")?.counts == [5, 0, 1])
    }

    @Test(arguments: StoreKind.available)
    func overlappingChangesLeaveMemoryAndStoreInAgreement(kind: StoreKind) async throws {
        try await withStore(kind) { store, harness in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            await withTaskGroup(of: Void.self) { group in
                for i in 0..<60 {
                    group.addTask {
                        switch i % 4 {
                        case 0: _ = try? await intake.handle(.openRound("opening"))
                        case 1: _ = try? await intake.handle(.openRound("closing"))
                        case 2: _ = try? await intake.handle(.select(i % 8 == 2 ? "q2" : "q1"))
                        default: _ = await intake.submit(Submission(participant: "p\(i % 5)", question: "q2", answer: .encoded(String(i % 11)),
                                                                   channel: .web, receivedAt: Self.now))
                        }
                    }
                }
            }
            let record = try #require(try await harness.open().session(named: "s"))
            #expect(record.control == (await intake.engine.control), "the control state in memory is the stored one")
            #expect(record.revision == (await intake.session.revision))
            let stored = Tally(definition: Self.poll, responses: try await store.currentResponses(of: record))
            for round in ["opening", "closing"] {
                #expect(stored.tally(round: round, question: "q2")?.answersByParticipant() == (await intake.tally.tally(round: round, question: "q2")?.answersByParticipant()),
                        "the live tally counts what the store holds as current")
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func handCountsAreCheckedBeforeTheyAreStored(kind: StoreKind) async throws {
        try await withStore(kind) { store, _ in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            await #expect(throws: HandCountError.wrongCount(expected: 3, given: 2)) {
                try await intake.setHands(HandCount(round: "opening", question: "q1", counts: [1, 2], updatedAt: Self.now))
            }
            #expect(try await store.hands(of: await intake.session).isEmpty)
        }
    }

    @Test func defaultSessionNamesAreUnique() {
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let name = SessionOpener.defaultName(stem: "poll", date: date, taken: [])
        #expect(name.hasPrefix("poll-20"))
        #expect(SessionOpener.defaultName(stem: "poll", date: date, taken: [name]) == name + "-2")
        #expect(SessionOpener.defaultName(stem: "poll", date: date, taken: [name, name + "-2"]) == name + "-3")
    }
}
