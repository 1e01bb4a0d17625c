import Foundation
import PollCore
import Testing
@testable import Analysis

/// A report's tally (participants numbered by row id, counted in arrays) gives the same
/// analysis as the live one (a hash tree by participant key), for every kind of question,
/// segments, a knowledge check, hands, replaced answers and two slices added together.
@Suite("Numbered tallies")
struct NumberedTallyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func poll(_ name: String) throws -> PollDefinition {
        try PollFileParser.parse(String(contentsOf: root.appendingPathComponent("polls/\(name).yaml"), encoding: .utf8))
    }

    /// The audience's answers (each participant numbered from 1,000 in order of first answer),
    /// then a few changed answers, as the engine records them.
    static func responses(_ definition: PollDefinition, size: Int, seed: UInt64) -> [(number: Int, response: Response)] {
        var engine = SessionEngine(definition: definition, control: SessionControl(startOf: definition, pace: .audience))
        let audience = SimulatedAudience(definition: definition, size: size, seed: seed)
        var responses: [Response] = []
        for round in definition.rounds {
            _ = try? engine.handle(.openRound(round))
            let submissions = audience.submissions(round: round, at: Date(timeIntervalSince1970: 1_800_000_000))
            for submission in submissions + submissions.prefix(7) {   // seven answered again: the later one counts
                if case .success(let response) = engine.checkRecorded(submission) { responses.append(response) }
            }
        }
        var numbers: [String: Int] = [:]
        return responses.map { response in
            let number = numbers[response.participant] ?? 1_000 + numbers.count
            numbers[response.participant] = number
            return (number, response)
        }
    }

    /// The live tally (keys: the numbers as text) and a report's, each row's position its arrival.
    static func tallies(_ definition: PollDefinition, _ rows: [(number: Int, response: Response)], slices: Int = 1) -> (live: Tally, numbered: Tally) {
        var live = Tally(definition: definition)
        let numbers = 1_000...(1_000 + Set(rows.map(\.number)).count + 5)   // a few numbers nobody has
        var parts = (0..<slices).map { _ in Tally(definition: definition, participantNumbers: numbers) }
        // Slices hold disjoint participants' answers (as the store's slices of current rows do).
        for (position, row) in rows.enumerated() {
            let r = row.response
            live.record(participant: String(row.number), round: r.round, question: r.question, answer: r.answer, arrival: position)
            guard let index = live.index(round: r.round, question: r.question) else { continue }
            parts[row.number % slices].record(number: row.number, at: index, answer: r.answer, arrival: position)
        }
        var numbered = parts[0]
        for part in parts.dropFirst() { numbered.add(part) }
        return (live, numbered)
    }

    @Test(arguments: ["encryption-human-right", "digital-security-training", "digital-id"])
    func theSameReport(poll name: String) throws {
        let definition = try Self.poll(name)
        let rows = Self.responses(definition, size: 80, seed: 2026)
        for slices in [1, 2] {
            var (live, numbered) = Self.tallies(definition, rows, slices: slices)
            if let round = definition.rounds.first, let question = definition.questions(in: round).first(where: { $0.kind == .single }) {
                let hands = HandCount(round: round, question: question.id, counts: question.options.indices.map { $0 + 1 }, updatedAt: Date())
                live.setHands(hands)
                numbered.setHands(hands)
            }
            #expect(numbered == live, "equal as tallies")
            let info = SessionInfo(name: "s", pollTitle: definition.title, event: nil, createdAt: Date(timeIntervalSince1970: 0))
            let fromLive = ShiftAnalysis.analyze(session: info, tally: live), fromNumbered = ShiftAnalysis.analyze(session: info, tally: numbered)
            #expect(fromNumbered == fromLive, "\(name), \(slices) slice(s)")

            #expect(fromNumbered.pairedParticipants > 0)
            for round in definition.rounds {
                #expect(numbered.participantCount(inEvery: [round]) == live.participants(in: round).count)
            }
            #expect(numbered.participantCount(inEvery: []) == 0 && live.participantCount(inEvery: []) == 0)
            let some = Set(rows.map { String($0.number) }.filter { $0.hasSuffix("3") || $0.hasSuffix("7") })
            #expect(numbered.restricted(to: some) == live.restricted(to: some), "a group picked out of either")
        }
    }

    @Test func pairsAndOrderAreTheLiveOnes() throws {
        let question = Question(id: "q", kind: .single, ask: "?", options: ["A", "B"], rounds: ["opening", "closing"])
        var first = QuestionTally(question: question, participantNumbers: 10...20)
        var last = QuestionTally(question: question, participantNumbers: 10...20)
        var liveFirst = QuestionTally(question: question), liveLast = QuestionTally(question: question)
        for (number, answer, arrival) in [(15, 0, 3), (11, 1, 1), (20, 0, 2), (12, 1, 9)] {
            first.record(number: number, answer: .choice(answer), arrival: arrival)
            liveFirst.record(participant: String(number), answer: .choice(answer), arrival: arrival)
        }
        for (number, answer) in [(20, 1), (15, 1), (13, 0)] {
            last.record(number: number, answer: .choice(answer))
            liveLast.record(participant: String(number), answer: .choice(answer))
        }
        #expect(first.pairs(with: last).map { [$0.before, $0.after] } == [[.choice(0), .choice(1)], [.choice(0), .choice(1)]])
        #expect(first.pairs(with: last).map { [$0.before, $0.after] } == liveFirst.pairs(with: liveLast).map { [$0.before, $0.after] })
        #expect(first.inArrivalOrder.map(\.participant) == ["11", "20", "15", "12"])
        #expect(first.inArrivalOrder.map(\.participant) == liveFirst.inArrivalOrder.map(\.participant))
        #expect(first.answer(of: "20") == .choice(0) && first.answer(of: "14") == nil && first.answer(of: "x") == nil)
        #expect(first.count == 4 && first.counts == [2, 2])
        first.record(number: 15, answer: .choice(1), arrival: 10)
        #expect(first.count == 4 && first.counts == [1, 3], "a replaced answer takes the old one out")
        // A participant outside the numbers (or not a number): the tally moves to the hash tree, nothing lost.
        var other = first
        first.record(participant: "visitor", answer: .choice(0))
        #expect(first.count == 5 && first.answer(of: "visitor") == .choice(0) && first.answer(of: "20") == .choice(0))
        other.record(number: 99, answer: .choice(0))
        other.record(number: Int.min, answer: .choice(1))
        #expect(other.count == 6 && other.answer(of: "99") == .choice(0) && other.answer(of: "\(Int.min)") == .choice(1) && other.numbers == nil)
        #expect(QuestionTally(question: question, participantNumbers: 10...20).answer(of: "\(Int.min)") == nil)
    }
}
