import Foundation
import Testing
@testable import PollCore

/// The agenda: parts read from the poll file, the clock the facilitator moves on with.
@Suite("Agenda")
struct AgendaTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func pollFilesNameThePartsTheirMinutesAndTheRoundsTheyOpen() throws {
        let poll = try PollFileParser.parse("""
            title: T
            agenda:
              - {part: Introduction, minutes: 10, opens: opening}
              - {part: Discussion, minutes: 40}
              - {part: Closing, minutes: 10, opens: closing}
            questions: [{id: a, kind: text, ask: A?}]
            """)
        #expect(poll.agenda == [AgendaPart(name: "Introduction", minutes: 10, opens: "opening"),
                                AgendaPart(name: "Discussion", minutes: 40), AgendaPart(name: "Closing", minutes: 10, opens: "closing")])
    }

    @Test func badAgendasNameLineAndColumn() {
        func problems(_ agenda: String) -> [String] {
            do {
                _ = try PollFileParser.parse("title: T\nagenda:\n\(agenda)\nquestions: [{id: a, kind: text, ask: A?}]\n")
                return []
            } catch { return error.problems.map { "\($0.line):\($0.column): \($0.message)" } }
        }
        #expect(problems("  - {part: Talk, minutes: 0}") == ["3:27: `minutes` must be from 1 to 600"])
        #expect(problems("  - {part: Talk, minutes: 5, opens: middle}") == ["3:37: `opens` must name a round of this poll (opening, closing)"])
        #expect(problems("  - {part: A, minutes: 5, opens: opening}\n  - {part: B, minutes: 5, opens: opening}")
                == ["4:34: round `opening` is opened by an earlier part already"])
        #expect(problems("  - {part: Talk}") == ["3:5: missing `minutes`"])
        #expect(problems("  - {name: Talk, minutes: 5}").contains { $0.contains("unknown key `name` in a part of the agenda") })
    }

    @Test func theClockMovesOnAndEnds() {
        var clock = AgendaClock()
        #expect(clock.current == nil)
        clock.next(at: t0, count: 2)
        #expect(clock.current == 0)
        #expect(clock.seconds(of: 0, now: t0.addingTimeInterval(90)) == 90)
        clock.next(at: t0.addingTimeInterval(600), count: 2)
        #expect(clock.current == 1)
        #expect(clock.seconds(of: 0, now: t0.addingTimeInterval(9999)) == 600, "a finished part keeps its time")
        clock.next(at: t0.addingTimeInterval(700), count: 2)
        #expect(clock.current == nil && clock.ended == t0.addingTimeInterval(700))
        #expect(clock.seconds(of: 1, now: t0.addingTimeInterval(9999)) == 100)
        clock.next(at: t0.addingTimeInterval(800), count: 2)
        #expect(clock.started.count == 2, "after the end, nothing moves")
    }

    @Test func theEngineStoresTheAgendaInTheControlState() throws {
        var poll = Fixtures.poll
        poll.agenda = [AgendaPart(name: "Intro", minutes: 5, opens: "opening"), AgendaPart(name: "Talk", minutes: 10)]
        var engine = SessionEngine(definition: poll, control: SessionControl(startOf: poll))
        let effects = try engine.handle(.nextAgendaPart(at: t0))
        #expect(effects == [.persist(engine.control), .broadcast(engine.control)])
        #expect(engine.control.agenda?.started == [t0])
        var none = SessionEngine(definition: Fixtures.poll, control: SessionControl(startOf: Fixtures.poll))
        #expect(throws: SessionEventError.noAgenda) { try none.handle(.nextAgendaPart(at: t0)) }
    }
}
