import Foundation
import Testing
@testable import Intake
import PollCore
import Store

@Suite("Intake")
struct IntakeTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let poll = PollDefinition(title: "Intake poll", questions: [
        Question(id: "q1", kind: .single, ask: "One?", options: ["Yes", "No", "Not sure"], rounds: ["opening", "closing"]),
        Question(id: "q2", kind: .scale, ask: "How much?", max: 10, min: 0, rounds: ["opening", "closing"]),
        Question(id: "q3", kind: .text, ask: "Why?", rounds: ["closing"]),
    ])

    /// A fresh SQLite file in its own folder, removed afterwards.
    func withStore(busyTimeout: TimeInterval = 5, _ body: (SQLiteStore, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roompoll-intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        try await body(try SQLiteStore(path: path, busyTimeout: busyTimeout), path)
    }

    func newSession(in store: any Store, pace: Pace? = nil) async throws -> SessionRecord {
        try await SessionOpener.create(in: store, name: "s", stem: "intake", definition: Self.poll, source: "", pace: pace, now: Self.now)
    }

    func submission(_ participant: String, _ question: String, _ answer: String) -> Submission {
        Submission(participant: participant, question: question, answer: .encoded(answer), channel: .web, receivedAt: Self.now)
    }

    @Test func anAcceptedAnswerIsCommittedThenCounted() async throws {
        try await withStore { store, _ in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            try await intake.handle(.openRound("opening"))
            let result = await intake.submit(submission("p1", "q1", "No"))
            #expect(try result.get().answer == .choice(1))
            #expect(await intake.tally.tally(round: "opening", question: "q1")?.counts == [0, 1, 0])
            let stored = try await store.currentResponses(of: await intake.session)
            #expect(stored.map(\.answer) == [.choice(1)])
        }
    }

    @Test func aRefusedAnswerIsNeitherStoredNorCounted() async throws {
        try await withStore { store, _ in
            let intake = try await Intake.open(try await newSession(in: store), in: store)
            #expect(await intake.submit(submission("p1", "q1", "No")) == .failure(.refused(.roundClosed(nil))))
            try await intake.handle(.openRound("opening"))
            #expect(await intake.submit(submission("p1", "q2", "11")) == .failure(.refused(.invalid(.outOfRange(value: 11, range: 0...10)))))
            #expect(await intake.submit(submission("p1", "q3", "Hi")) == .failure(.refused(.notAskedInRound(question: "q3", round: "opening"))))
            #expect(try await store.allResponses(of: await intake.session).isEmpty)
            #expect(await intake.tally.participants(in: "opening").isEmpty)
        }
    }

    @Test func aBatchCommitsTheGoodAndReportsTheBad() async throws {
        try await withStore { store, _ in
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
            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            holder.arguments = [path]
            let input = Pipe()
            holder.standardInput = input
            try holder.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n".utf8))
            try await Task.sleep(for: .milliseconds(300))
            let result = await intake.submit(submission("p1", "q1", "Yes"))
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            holder.waitUntilExit()
            guard case .failure(.notStored) = result else {
                Issue.record("expected a store refusal, got \(result)")
                return
            }
            #expect(await intake.tally.tally(round: "opening", question: "q1")?.respondents == 0)
        }
    }

    @Test func reopeningResumesRoundsQuestionAndAnswers() async throws {
        try await withStore { store, path in
            let session = try await newSession(in: store, pace: .presenter)
            do {
                let intake = try await Intake.open(session, in: store)
                try await intake.handle(.openRound("opening"))
                try await intake.handle(.next)
                try await intake.handle(.openVoting)
                _ = await intake.submit(submission("p1", "q2", "7"))
                _ = await intake.submit(submission("p2", "q2", "3"))
                _ = await intake.submit(submission("p1", "q2", "9"))
                try await intake.setHands(HandCount(round: "opening", question: "q1", counts: [5, 0, 1], updatedAt: Self.now))
            }
            // As a restarted process would: a new store connection, the session read back.
            let reopenedStore = try SQLiteStore(path: path)
            let record = try #require(try await reopenedStore.session(named: "s"))
            let resumed = try await Intake.open(record, in: reopenedStore)
            let control = await resumed.engine.control
            #expect(control.openRound == "opening")
            #expect(control.currentQuestion == "q2")
            #expect(control.votingOpen)
            #expect(control.pace == .presenter)
            let q2 = try #require(await resumed.tally.tally(round: "opening", question: "q2"))
            #expect(q2.latest == ["p1": .number(9), "p2": .number(3)])
            #expect(await resumed.tally.tally(round: "opening", question: "q1")?.counts == [5, 0, 1])
        }
    }

    @Test func handCountsAreCheckedBeforeTheyAreStored() async throws {
        try await withStore { store, _ in
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
