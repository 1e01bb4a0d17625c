import Foundation
import PollCore

/// How the session kept to its agenda: each part's planned and actual minutes.
public struct AgendaSummary: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var name: String
        public var plannedMinutes: Int
        /// Minutes it took (nil: never reached).
        public var tookMinutes: Double?
        /// The part the agenda was in when it was never ended with `t`: its minutes run up to
        /// the session's last recorded activity, not to whenever the report is run.
        public var running = false
    }

    public var parts: [Part]

    /// `lastActivity`: when the session last stored anything (an answer, a hand count, a Q&A
    /// change; nil: nothing). A part still running ends there, so a report says the same
    /// whenever it is run; with nothing stored after it began, its minutes are unknown.
    public init?(_ agenda: [AgendaPart]?, clock: AgendaClock?, lastActivity: Date?) {
        guard let agenda, !agenda.isEmpty else { return nil }
        let clock = clock ?? AgendaClock()
        parts = agenda.enumerated().map { index, part in
            let running = index == clock.current
            let seconds = clock.seconds(of: index, now: clock.ended ?? lastActivity ?? .distantPast)
            let unknown = running && (lastActivity ?? .distantPast) <= clock.started[index]
            return Part(name: part.name, plannedMinutes: part.minutes, tookMinutes: unknown ? nil : seconds.map { $0 / 60 }, running: running)
        }
    }

    /// "Discussion: planned 40 min, took 47"
    public var lines: [String] {
        parts.map { "\($0.name): planned \($0.plannedMinutes) min, \(Self.took($0))" }
    }

    /// "took 47" (lines), or why there is no figure.
    static func took(_ part: Part) -> String {
        part.tookMinutes.map { "took \(Int($0.rounded()))" + runningNote(part) } ?? missing(part)
    }

    /// "47 min" (tables), or why there is no figure.
    public static func minutes(_ part: Part) -> String {
        part.tookMinutes.map { "\(Int($0.rounded())) min" + runningNote(part) } ?? missing(part)
    }

    static func runningNote(_ part: Part) -> String {
        part.running ? " up to the last answer, hand count or Q&A change (not ended)" : ""
    }

    static func missing(_ part: Part) -> String {
        part.running ? "not ended, nothing stored after it began" : "not reached"
    }

    /// `ended`, `not_ended` (the part the agenda was in when it was never ended) or `not_reached`.
    public static func state(_ part: Part) -> String {
        part.running ? "not_ended" : part.tookMinutes == nil ? "not_reached" : "ended"
    }
}
