import Foundation
import PollCore
import Store
import Testing
import TestSupport

/// One suite, run against every store implementation.
@Suite("Store contract")
struct StoreContractTests {
    typealias F = StoreFixtures

    @Test(arguments: StoreKind.available)
    func sessionsAreCreatedOnceAndFoundByName(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let created = try await store.createSession(F.draft())
        #expect(created.joinCode.count == 6)
        #expect(JoinCode.normalized(created.joinCode) == created.joinCode)
        let found = try #require(try await store.session(named: "s1"))
        #expect(found == created)
        #expect(try await store.session(named: "nope") == nil)
        await #expect(throws: StoreError.sessionExists("s1")) { try await store.createSession(F.draft()) }
        let other = try await store.createSession(F.draft("s2"))
        #expect(other.joinCode != created.joinCode)
    }

    /// What is stored of each session is counted, and deleting one removes all of it and leaves
    /// the other as it was.
    @Test(arguments: StoreKind.available)
    func sessionsAreCountedAndDeletedWithEverythingInThem(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let gone = try await store.createSession(F.draft("gone")), kept = try await store.createSession(F.draft("kept"))
        for session in [gone, kept] {
            try await store.append([F.response("p1", "q1", .choice(0), at: 5), F.response("p2", "q1", .choice(1), at: 9),
                                    F.response("p1", "q1", .choice(1), at: 20)], to: session)
            try await store.saveHands(HandCount(round: "opening", question: "q1", counts: [4, 5], updatedAt: F.now.addingTimeInterval(30)), of: session)
            _ = try await store.appendQandA([.ask(text: "Why?", name: nil, side: .room, channel: .web, author: "p1", shown: true)],
                                            at: F.now.addingTimeInterval(2), to: session)
            _ = try await store.appendQandA([.vote(question: 1, participant: "p2", up: true)], at: F.now.addingTimeInterval(3), to: session)
        }
        let stored = try #require(try await store.sessionSummaries().first { $0.name == "gone" }).stored
        let amounts: [Int] = [stored.participants, stored.responses, stored.currentResponses, stored.handCounts, stored.qandAQuestions, stored.qandAEntries]
        #expect(amounts == [2, 3, 2, 1, 1, 2])
        #expect(stored.first == F.now.addingTimeInterval(2) && stored.last == F.now.addingTimeInterval(30))
        #expect(try await store.sessionSummaries().allSatisfy { $0.openRound == nil })
        var control = kept.control
        control.phases["opening"] = .open
        _ = try await store.saveControl(control, of: kept)
        #expect(try await store.sessionSummaries().first { $0.name == "kept" }?.openRound == "opening")
        let keptTally = try await store.currentTally(of: kept, participants: .tokens)
        let keptQandA = try await store.qandAChanges(of: kept, after: 0)

        let scrubbed = try await store.deleteSession(named: "gone")
        #expect(scrubbed == (kind == .sqlite), "SQLite overwrites and compacts; PostgreSQL keeps old bytes until reused")
        #expect(try await store.session(named: "gone") == nil)
        #expect(try await store.sessionSummaries().map(\.name) == ["kept"])
        let goneResponses = try await store.allResponses(of: gone), goneHands = try await store.hands(of: gone)
        #expect(goneResponses.isEmpty && goneHands.isEmpty)
        #expect(try await store.qandAChanges(of: gone, after: 0).isEmpty)
        let after = try await store.currentTally(of: kept, participants: .tokens)
        #expect(after.tally(round: "opening", question: "q1")?.counts == keptTally.tally(round: "opening", question: "q1")?.counts)
        let keptAfter = try await store.qandAChanges(of: kept, after: 0)
        #expect(keptAfter.map(\.id) == keptQandA.map(\.id) && keptAfter.map(\.change.kind) == keptQandA.map(\.change.kind))
        await #expect(throws: StoreError.noSuchSession("gone")) { _ = try await store.deleteSession(named: "gone") }
        // The name can be used again; the id never is, so a process still holding the deleted
        // session cannot write into the new one.
        let again = try await store.createSession(F.draft("gone"))
        #expect(again.id != gone.id && again.id != kept.id)
        await #expect(throws: (any Error).self) { try await store.append([F.response("p9", "q1", .choice(0))], to: gone) }
        #expect(try await store.allResponses(of: again).isEmpty)
        #expect(try await store.sessionSummaries().first { $0.name == "gone" }?.stored == StoredAmounts())
    }

    @Test(arguments: StoreKind.available)
    func everythingIsStillThereAfterReopening(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        var session: SessionRecord
        do {
            let store = try await harness.open()
            session = try await store.createSession(F.draft())
            var control = session.control
            control.phases["opening"] = .open
            control.currentQuestion = "q2"
            session = try await store.saveControl(control, of: session)
            #expect(session.revision == 1)
            try await store.append([
                F.response("p1", "q1", .choice(0), language: "fr"),
                F.response("p2", "q2", .order([2, 1, 0]), at: 1, language: "ar"),
                F.response("p3", "q3", .words(["trust", "power"]), round: "closing", channel: .kiosk, at: 2),
            ], to: session)
            try await store.saveHands(HandCount(round: "opening", question: "q1", counts: [4, 5], updatedAt: F.now), of: session)
        }
        let reopened = try await harness.open()
        let again = try #require(try await reopened.session(named: "s1"))
        #expect(again == session, "control, revision, snapshot and join code survive")
        #expect(again.definition == F.poll)
        #expect(again.source == "title: Store poll\n")
        let responses = try await reopened.currentResponses(of: again)
        #expect(responses == [
            F.response("p1", "q1", .choice(0), language: "fr"),
            F.response("p2", "q2", .order([2, 1, 0]), at: 1, language: "ar"),
            F.response("p3", "q3", .words(["trust", "power"]), round: "closing", channel: .kiosk, at: 2),
        ])
        #expect(try await reopened.hands(of: again) == [HandCount(round: "opening", question: "q1", counts: [4, 5], updatedAt: F.now)])
        let tally = try await reopened.currentTally(of: again, participants: .tokens)
        let compact = try await reopened.currentTally(of: again, participants: .compact)
        #expect(compact.tally(round: "opening", question: "q2")?.counts == tally.tally(round: "opening", question: "q2")?.counts)
        #expect(compact.participants(in: "opening").count == 2 && !compact.participants(in: "opening").contains("p1"))
        let expected = Tally(definition: F.poll, responses: responses, hands: try await reopened.hands(of: again))
        for round in F.poll.rounds {
            for question in F.poll.questions {
                let got = tally.tally(round: round, question: question.id), want = expected.tally(round: round, question: question.id)
                #expect(got?.answersByParticipant() == want?.answersByParticipant() && got?.counts == want?.counts && got?.texts == want?.texts,
                        "counting while reading gives the tally of the current responses and hand counts")
            }
        }
        #expect(tally.tally(round: "opening", question: "q1")?.counts == [5, 5])
    }

    @Test(arguments: StoreKind.available)
    func aNewAnswerSupersedesTheOldOneWhichStaysForAudit(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let session = try await store.createSession(F.draft())
        try await store.append([F.response("p1", "q1", .choice(0)), F.response("p2", "q1", .choice(0))], to: session)
        try await store.append([F.response("p1", "q1", .choice(1), at: 5)], to: session)
        try await store.append([F.response("p1", "q1", .choice(1), round: "closing", at: 6)], to: session)
        let current = try await store.currentResponses(of: session)
        #expect(current.map(\.participant) == ["p2", "p1", "p1"])
        #expect(current.map(\.answer) == [.choice(0), .choice(1), .choice(1)])
        let all = try await store.allResponses(of: session)
        #expect(all.count == 4)
        #expect(all[0].supersededBy == all[2].id, "p1's first answer points at its replacement")
        #expect(all[1].supersededBy == nil)
        #expect(all[3].supersededBy == nil, "another round is another answer")
    }

    @Test(arguments: StoreKind.available)
    func aBatchSupersedesWithinItself(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let session = try await store.createSession(F.draft())
        try await store.append([F.response("p1", "q1", .choice(0)), F.response("p1", "q1", .choice(1), at: 1)], to: session)
        #expect(try await store.currentResponses(of: session).map(\.answer) == [.choice(1)])
    }

    @Test(arguments: StoreKind.available)
    func sessionSummariesCountParticipantsPerRound(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let session = try await store.createSession(F.draft())
        _ = try await store.createSession(SessionDraft(name: "later", definition: F.poll, source: "", control: SessionControl(startOf: F.poll),
                                                       createdAt: F.now.addingTimeInterval(60)))
        try await store.append([
            F.response("p1", "q1", .choice(0)), F.response("p1", "q2", .order([0, 1, 2])),
            F.response("p2", "q1", .choice(1)), F.response("p2", "q1", .choice(1), round: "closing"),
        ], to: session)
        let summaries = try await store.sessionSummaries()
        #expect(summaries.map(\.name) == ["s1", "later"])
        #expect(summaries[0].pollTitle == "Store poll")
        #expect(summaries[0].participants == [.init(round: "opening", count: 2), .init(round: "closing", count: 1)])
        #expect(summaries[1].participants == [.init(round: "opening", count: 0), .init(round: "closing", count: 0)])
    }

    @Test(arguments: StoreKind.available)
    func handCountsAreReplacedWhenEdited(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let session = try await store.createSession(F.draft())
        try await store.saveHands(HandCount(round: "opening", question: "q1", counts: [1, 2], updatedAt: F.now), of: session)
        try await store.saveHands(HandCount(round: "opening", question: "q1", counts: [3, 4], updatedAt: F.now.addingTimeInterval(9)), of: session)
        try await store.saveHands(HandCount(round: "closing", question: "q1", counts: [0, 7], updatedAt: F.now), of: session)
        let hands = try await store.hands(of: session)
        #expect(hands.map(\.counts) == [[0, 7], [3, 4]])
    }

    @Test(arguments: StoreKind.available)
    func sessionsDoNotSeeEachOthersAnswers(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let a = try await store.createSession(F.draft("a"))
        let b = try await store.createSession(F.draft("b"))
        try await store.append([F.response("same-token", "q1", .choice(0))], to: a)
        try await store.append([F.response("same-token", "q1", .choice(1))], to: b)
        #expect(try await store.currentResponses(of: a).map(\.answer) == [.choice(0)])
        #expect(try await store.currentResponses(of: b).map(\.answer) == [.choice(1)])
    }

    @Test(arguments: StoreKind.available)
    func controlWritesAreCompareAndSwap(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let session = try await store.createSession(F.draft())
        var open = session.control
        open.phases["opening"] = .open
        let first = try await store.saveControl(open, of: session)
        #expect(first.revision == 1)
        // A second writer still holding revision 0 must not overwrite it unseen.
        var other = session.control
        other.currentQuestion = "q2"
        await #expect(throws: StoreError.controlChanged(current: 1)) { try await store.saveControl(other, of: session) }
        #expect(try await store.session(named: "s1") == first, "nothing was written")
        #expect(try await store.secretOf("s1") == session.secret && session.secret.count == 64, "a 256-bit secret per session")
    }

    @Test(arguments: StoreKind.available)
    func liveAnswersCommitOnlyUnderTheRevisionTheyWereCheckedAgainst(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let session = try await store.createSession(F.draft())
        var open = session.control
        open.phases["opening"] = .open
        let moved = try await store.saveControl(open, of: session)
        await #expect(throws: StoreError.controlChanged(current: 1)) {
            try await store.append([F.response("p1", "q1", .choice(0))], to: session, ifRevision: 0)
        }
        #expect(try await store.allResponses(of: session).isEmpty, "a refused batch writes nothing")
        try await store.append([F.response("p1", "q1", .choice(0))], to: session, ifRevision: moved.revision)
        try await store.append([F.response("p2", "q1", .choice(1))], to: session)   // an import: any state
        #expect(try await store.currentResponses(of: session).map(\.participant) == ["p1", "p2"])
    }

    @Test(arguments: StoreKind.available)
    func theChangeCounterMovesForOtherProcessesCommitsOnly(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let mine = try await harness.open(), other = try await harness.open()
        let session = try await mine.createSession(F.draft())
        let start = try await mine.changeCounter()
        #expect(try await mine.changeCounter() == start, "asking again, with nothing committed, changes nothing")
        try await mine.append([F.response("p1", "q1", .choice(0))], to: session)
        #expect(try await mine.changeCounter() == start, "its own commits do not count")
        for _ in 1...10 { _ = try await other.changeCounter() }
        #expect(try await mine.changeCounter() == start, "another process asking is not a change")
        var previous = start
        for round in 1...25 {   // past the looks a cached answer may be given for
            try await other.append([F.response("o\(round)", "q1", .choice(1))], to: session)
            let seen = try await mine.changeCounter()
            #expect(seen != previous, "another connection's commit \(round) is seen at once")
            #expect(try await mine.changeCounter() == seen)
            previous = seen
        }
    }

    // MARK: Audience Q&A

    @Test(arguments: StoreKind.available)
    func qandAChangesAreStoredInOrderAndResumeTheSameBoard(kind: StoreKind) async throws {
        let harness = try kind.makeFresh()
        defer { harness.cleanUp() }
        let store = try await harness.open()
        let session = try await store.createSession(F.draft())
        let other = try await store.createSession(F.draft("s2"))
        let asked = try await store.appendQandA([
            .ask(text: "Why now?", name: nil, side: .room, channel: .web, author: "p1", shown: false),
            .ask(text: "Who decides?", name: "Ana", side: .online, channel: .relayed, author: nil, shown: true),
        ], at: F.now, to: session)
        #expect(asked.count == 2)
        #expect(asked[0].id < asked[1].id)
        #expect(asked.allSatisfy { $0.at == F.now })
        let (first, second) = (asked[0].id, asked[1].id)
        _ = try await store.appendQandA([.ask(text: "Elsewhere", name: nil, side: .room, channel: .web, author: "x", shown: true)],
                                        at: F.now, to: other)
        let later = F.now.addingTimeInterval(90)
        let moves = try await store.appendQandA([
            .approve(first), .vote(question: first, participant: "p2", up: true),
            .vote(question: first, participant: "p2", up: true), .vote(question: second, participant: "p1", up: true),
            .answering(first), .edit(second, text: "Who decides, and how?"), .merge(second, into: first),
        ], at: later, to: session)
        let done = try await store.appendQandA([.answered(first)], at: later.addingTimeInterval(75), to: session)

        let reopened = try await harness.open()
        let all = try await reopened.qandAChanges(of: session, after: 0)
        #expect(all == asked + moves + done, "every change of this session, in order, and none of the other's")
        #expect(all.map(\.change.kind) == ["ask", "ask", "approve", "vote", "vote", "vote", "answering", "edit", "merge", "answered"])
        let board = QandABoard(all)
        #expect(board.questions[first]?.state == .answered)
        #expect(board.questions[first]?.votes == 2, "p2 once, and p1 through the merge")
        #expect(board.questions[first]?.secondsAnswered == 75)
        #expect(board.questions[second]?.state == .merged)
        #expect(board.questions[second]?.original == "Who decides?")
        #expect(board.questions[second]?.name == "Ana")
        #expect(board.questions[first]?.askedAt == F.now)
        let tail = try await reopened.qandAChanges(of: session, after: moves[3].id)
        #expect(tail.map(\.change) == Array(moves.dropFirst(4).map(\.change)) + [.answered(first)], "read on after an id")
        #expect(try await reopened.qandAChanges(of: other, after: 0).count == 1)
    }

    // MARK: Copying a session

    @Test(arguments: StoreKind.available)
    func aCopiedSessionIsTheSameSessionThere(kind: StoreKind) async throws {
        // From SQLite (a laptop) to each kind.
        let laptop = try StoreKind.sqlite.makeFresh(), conference = try kind.makeFresh()
        defer { laptop.cleanUp(); conference.cleanUp() }
        let source = try await laptop.open(), target = try await conference.open()
        var session = try await source.createSession(F.draft("w"))
        var control = session.control
        control.phases["opening"] = .closed
        control.phases["closing"] = .open
        session = try await source.saveControl(control, of: session)
        try await source.append([F.response("p1", "q1", .choice(0)), F.response("p2", "q1", .choice(1), at: 1, language: "es")], to: session)
        try await source.append([F.response("p1", "q1", .choice(1), at: 2), F.response("p1", "q1", .choice(0), round: "closing", at: 3)], to: session)
        try await source.saveHands(HandCount(round: "opening", question: "q1", counts: [3, 4], updatedAt: F.now), of: session)
        let asked = try await source.appendQandA([.ask(text: "Why?", name: nil, side: .room, channel: .web, author: "p1", shown: true),
                                                  .ask(text: "How?", name: nil, side: .online, channel: .web, author: "p2", shown: true)],
                                                 at: F.now, to: session)
        _ = try await source.appendQandA([.vote(question: asked[1].id, participant: "p1", up: true), .merge(asked[0].id, into: asked[1].id)],
                                         at: F.now.addingTimeInterval(5), to: session)
        // The target already holds a session, so its ids differ from the source's.
        let other = try await target.createSession(F.draft("other"))
        try await target.append([F.response("x", "q1", .choice(0))], to: other)
        _ = try await target.appendQandA([.ask(text: "Elsewhere", name: nil, side: .room, channel: .web, author: "x", shown: true)], at: F.now, to: other)

        let copy = try await SessionCopy.read(session, from: source, as: "w")
        let copied = try await target.copySession(copy)
        #expect(try await copy.differences(from: copied, in: target).isEmpty)
        #expect(copied.secret == session.secret && copied.joinCode == session.joinCode && copied.control == control)
        let stored = try await target.allResponses(of: copied)
        #expect(stored.map { $0.supersededBy != nil } == [true, false, false, false], "the superseded answer is kept, and superseded again")
        #expect(try await target.currentResponses(of: copied) == (try await source.currentResponses(of: session)))
        #expect(try await target.currentResponses(of: copied).map(\.language).contains("es"), "the language an answer came in is copied")
        #expect(try await target.hands(of: copied) == [HandCount(round: "opening", question: "q1", counts: [3, 4], updatedAt: F.now)])
        let board = QandABoard(try await target.qandAChanges(of: copied, after: 0))
        let original = QandABoard(try await source.qandAChanges(of: session, after: 0))
        #expect(board.questions.values.map(\.votes).sorted() == original.questions.values.map(\.votes).sorted() && board.questions.count == 2)
        #expect(board.questions.values.contains { $0.state == .merged }, "a merge names the copied question, not the old id")

        await #expect(throws: StoreError.sessionExists("w")) { try await target.copySession(copy) }
        var renamed = copy
        renamed.draft.name = "w-2"
        let second = try await target.copySession(renamed)
        #expect(second.joinCode != copied.joinCode, "a join code taken there is replaced")
        #expect(try await target.currentResponses(of: other).count == 1, "the other session is untouched")
    }
}

extension Store {
    /// The stored secret of a session (read back as a new process would).
    func secretOf(_ name: String) async throws -> String? { try await session(named: name)?.secret }
}
