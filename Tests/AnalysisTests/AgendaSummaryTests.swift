import Foundation
import Testing
import PollCore
@testable import Analysis

@Suite("Agenda summary")
struct AgendaSummaryTests {
    let parts = [AgendaPart(name: "Intro", minutes: 10, opens: "opening"), AgendaPart(name: "Talk", minutes: 40),
                 AgendaPart(name: "Close", minutes: 10)]
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func anEndedAgendaCountsEachPartBetweenItsKeys() throws {
        let clock = AgendaClock(started: [t0, t0 + 12 * 60, t0 + 59 * 60], ended: t0 + 70 * 60)
        let summary = try #require(AgendaSummary(parts, clock: clock, lastActivity: t0 + 500 * 60))
        #expect(summary.parts.map(\.tookMinutes) == [12, 47, 11])
        #expect(summary.parts.allSatisfy { !$0.running })
        #expect(summary.lines == ["Intro: planned 10 min, took 12", "Talk: planned 40 min, took 47", "Close: planned 10 min, took 11"])
    }

    /// A console that quit without ending the agenda: its part runs up to the last thing stored,
    /// never up to whenever the report is run.
    @Test func aPartNeverEndedRunsUpToTheLastActivity() throws {
        let clock = AgendaClock(started: [t0, t0 + 12 * 60])
        let summary = try #require(AgendaSummary(parts, clock: clock, lastActivity: t0 + 30 * 60))
        #expect(summary.parts.map(\.tookMinutes) == [12, 18, nil])
        #expect(summary.parts.map(\.running) == [false, true, false])
        #expect(summary.lines[1] == "Talk: planned 40 min, took 18 up to the last answer, hand count or Q&A change (not ended)")
        #expect(summary.lines[2] == "Close: planned 10 min, not reached")
        #expect(AgendaSummary.minutes(summary.parts[0]) == "12 min")
        #expect(summary.parts.map(AgendaSummary.state) == ["ended", "not_ended", "not_reached"])
        // Nothing stored since the part began (or at all): its minutes are unknown, not 0.
        for quiet in [t0 + 5 * 60, nil] {
            let summary = try #require(AgendaSummary(parts, clock: clock, lastActivity: quiet))
            #expect(summary.parts.map(\.tookMinutes) == [12, nil, nil])
            #expect(summary.lines[1] == "Talk: planned 40 min, not ended, nothing stored after it began")
            #expect(AgendaSummary.state(summary.parts[1]) == "not_ended")
        }
        #expect(AgendaSummary(nil, clock: clock, lastActivity: t0) == nil)
    }
}
