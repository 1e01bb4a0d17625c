import Foundation
import Testing
@testable import PollCore

/// The Q&A state machine, pure: every change carries its time, so clocks are exact.
@Suite("Q&A board")
struct QandABoardTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// A board built from changes made one second apart, ids 1, 2, 3, …
    func board(_ changes: [QandAChange], seconds: [Double]? = nil) -> QandABoard {
        QandABoard(changes.enumerated().map { index, change in
            QandARecord(id: Int64(index + 1), change: change, at: t0.addingTimeInterval(seconds?[index] ?? Double(index)))
        })
    }

    func ask(_ text: String, _ side: QandASide = .room, by author: String? = "a", shown: Bool = false) -> QandAChange {
        .ask(text: text, name: nil, side: side, channel: author == nil ? .relayed : .web, author: author, shown: shown)
    }

    @Test func aQuestionWaitsUntilApprovedUnlessShownAtOnce() {
        var b = board([ask("Why?"), ask("How?", shown: true)])
        #expect(b.questions[1]?.state == .waiting)
        #expect(b.questions[2]?.state == .shown)
        #expect(b.publicQuestions.map(\.id) == [2])
        b.apply(QandARecord(id: 3, change: .approve(1), at: t0))
        #expect(b.questions[1]?.state == .shown)
        #expect(b.publicQuestions.map(\.id) == [1, 2], "equal votes: the earlier first")
    }

    @Test func votesToggleAndNeverCountTwice() {
        let b = board([ask("Q", shown: true),
                       .vote(question: 1, participant: "p", up: true),
                       .vote(question: 1, participant: "p", up: true),
                       .vote(question: 1, participant: "r", up: true)])
        #expect(b.questions[1]?.votes == 2)
        #expect(b.hasVoted("p", for: 1))
        let taken = board([ask("Q", shown: true), .vote(question: 1, participant: "p", up: true),
                           .vote(question: 1, participant: "p", up: false)])
        #expect(taken.questions[1]?.votes == 0)
        #expect(!taken.hasVoted("p", for: 1))
        #expect(board([.vote(question: 9, participant: "p", up: true)]).totalVotes == 0, "a vote on no question counts nothing")
    }

    @Test func rankingIsByVotesThenAge() {
        let b = board([ask("A", shown: true), ask("B", shown: true), ask("C", .online, shown: true),
                       .vote(question: 2, participant: "p", up: true)])
        #expect(b.publicQuestions.map(\.id) == [2, 1, 3])
        #expect(b.ranked(side: .online, states: [.shown]).map(\.id) == [3])
    }

    @Test func hideRestoreAndWhatTheAuthorSees() {
        var b = board([ask("Rude", by: "x"), .hide(1)])
        #expect(b.questions[1]?.state == .hidden)
        #expect(b.questions(of: "x").map(\.state.forAuthor) == ["not shown"])
        #expect(b.publicQuestions.isEmpty)
        b.apply(QandARecord(id: 3, change: .restore(1), at: t0))
        #expect(b.questions[1]?.state == .shown)
        b.apply(QandARecord(id: 4, change: .approve(1), at: t0))
        #expect(b.questions[1]?.state == .shown, "approve only moves a waiting question")
    }

    @Test func editKeepsTheOriginal() {
        let b = board([ask("Wy encryption?"), .edit(1, text: "Why encryption?"), .edit(1, text: "Why encryption now?")])
        #expect(b.questions[1]?.text == "Why encryption now?")
        #expect(b.questions[1]?.original == "Wy encryption?")
    }

    @Test func mergeAddsVotesOnceAndRedirectsLaterVotes() {
        let b = board([ask("A", shown: true), ask("A again", shown: true),
                       .vote(question: 1, participant: "p", up: true),
                       .vote(question: 2, participant: "p", up: true),
                       .vote(question: 2, participant: "r", up: true),
                       .merge(2, into: 1),
                       .vote(question: 2, participant: "s", up: true),
                       .merge(1, into: 1)])
        #expect(b.questions[2]?.state == .merged)
        #expect(b.questions[1]?.votes == 3, "p voted for both: counted once; s voted for the merged one afterwards")
        #expect(b.hasVoted("s", for: 1))
        #expect(b.totalVotes == 3)
        #expect(b.publicQuestions.map(\.id) == [1])
    }

    @Test func anAnsweredQuestionIsNotMergedAndAHiddenOneKeepsItsTime() {
        let b = board([ask("R", shown: true), ask("R again", shown: true), .answering(1), .answered(1), .merge(1, into: 2),
                       .answering(2), .answered(2), .hide(2)],
                      seconds: [0, 0, 0, 60, 60, 60, 90, 100])
        #expect(b.questions[1]?.state == .answered, "merging an answered question would take its time from its side")
        let clock = QandAClock(b, now: b.lastChangeAt!)
        #expect(clock.room.seconds == 90, "the hidden question's 30 s still count")
        #expect(clock.room.answered == 1, "but it is not counted (nor listed) as answered")
        #expect(b.lastChangeAt == t0.addingTimeInterval(100))
    }

    @Test func answeringClocksRunPerSideAndOneAtATime() {
        // Room question answered 0→60 s; online question 60→150 s, taken over at 150 by the room one again.
        let b = board([ask("R", shown: true), ask("O", .online, shown: true),
                       .answering(1), .answering(2), .answering(1)],
                      seconds: [0, 0, 0, 60, 150])
        #expect(b.questions[2]?.state == .answered)
        #expect(b.questions[2]?.secondsAnswered == 90)
        #expect(b.answering?.id == 1)
        let clock = QandAClock(b, now: t0.addingTimeInterval(170))
        #expect(clock.room.seconds == 80)
        #expect(clock.online.seconds == 90)
        #expect(clock.room.answered == 1, "answered once before it was taken up again")
        #expect(clock.online.answered == 1)
        #expect(clock.behind == .room)
        #expect(clock.summary == "room 1:20 · 1 answered | online 1:30 · 1 answered")
        #expect(b.answeredInOrder.map(\.id) == [1, 2])
    }

    @Test func theNextQuestionComesFromTheSideThatIsBehindMostVotedFirst() {
        var b = board([ask("R1", shown: true), ask("O1", .online, shown: true), ask("O2", .online, shown: true),
                       .vote(question: 3, participant: "p", up: true),
                       .answering(1), .answered(1)],
                      seconds: [0, 0, 0, 0, 0, 120])
        let now = t0.addingTimeInterval(200)
        #expect(b.proposal(now: now)?.id == 3, "online is behind: its most voted")
        b.apply(QandARecord(id: 7, change: .answering(3), at: t0.addingTimeInterval(200)))
        b.apply(QandARecord(id: 8, change: .answered(3), at: t0.addingTimeInterval(400)))
        #expect(b.proposal(now: t0.addingTimeInterval(400))?.id == 2, "the room is behind but has none: the other side's")
    }

    @Test func aChangeIsAppliedOnceEvenIfReadTwice() {
        var b = board([ask("Q", shown: true), .vote(question: 1, participant: "p", up: true)])
        b.apply(QandARecord(id: 2, change: .vote(question: 1, participant: "p", up: false), at: t0))
        #expect(b.questions[1]?.votes == 1, "id 2 was applied already")
        #expect(b.lastID == 2)
    }

    @Test func theAuthorsSideIsRemembered() {
        let b = board([ask("Q", .online, by: "p")])
        #expect(b.side(of: "p") == .online)
        #expect(b.side(of: "q") == nil)
    }

    @Test func textIsCleanedAndLimited() {
        #expect(QandARules.text("  Why \u{202E}now?\n ") == .success("Why now?"))
        #expect(QandARules.text(" \u{200B} ") == .failure(.emptyText))
        #expect(QandARules.text(String(repeating: "x", count: 281)) == .failure(.textTooLong(281)))
        #expect(QandARules.text(String(repeating: "é", count: 280)).map(\.count) == .success(280))
        #expect(QandARules.name("  ") == .success(nil))
        #expect(QandARules.name("Ana") == .success("Ana"))
    }

    @Test func pollFilesTurnQandAOnWithAPlaceQuestion() throws {
        let yaml = """
            title: T
            qa: {moderation: off, place: where, room: in the ROOM}
            questions:
              - {id: where, kind: single, segment: true, ask: Where?, options: [Online, In the room]}
            """
        let poll = try PollFileParser.parse(yaml)
        #expect(poll.qa == QandASettings(moderation: false, place: .init(question: "where", roomOption: 1)))
        #expect(poll.qa?.side(from: .choice(1)) == .room)
        #expect(poll.qa?.side(from: .choice(0)) == .online)
        #expect(try PollFileParser.parse("title: T\nqa: on\nquestions: [{id: a, kind: text, ask: A?}]").qa == QandASettings())
        #expect(try PollFileParser.parse("title: T\nqa: off\nquestions: [{id: a, kind: text, ask: A?}]").qa == nil)
    }

    @Test func badQandASettingsNameLineAndColumn() {
        func problems(_ qa: String) -> [String] {
            do {
                _ = try PollFileParser.parse("title: T\nqa: \(qa)\nquestions:\n  - {id: where, kind: single, ask: W?, options: [A, B]}\n")
                return []
            } catch { return error.problems.map { "\($0.line):\($0.column): \($0.message)" } }
        }
        #expect(problems("maybe") == ["2:5: `qa` must be `on` or `off`"])
        #expect(problems("{place: nowhere}").first?.hasPrefix("2:13: `place` must name a question") == true)
        #expect(problems("{place: where}").first?.contains("`segment: true`") == true)
        #expect(problems("{moderation: sometimes}") == ["2:18: `moderation` must be `on` or `off`"])
        #expect(problems("{moderaton: on}").first?.contains("did you mean `moderation`") == true)
    }
}
