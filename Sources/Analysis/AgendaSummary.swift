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
    /// change); the end of a part still running, so a report says the same whenever it is run.
    public init?(_ agenda: [AgendaPart]?, clock: AgendaClock?, lastActivity: Date) {
        guard let agenda, !agenda.isEmpty else { return nil }
        let clock = clock ?? AgendaClock()
        let end = clock.ended ?? max(lastActivity, clock.started.last ?? lastActivity)
        parts = agenda.enumerated().map { index, part in
            Part(name: part.name, plannedMinutes: part.minutes, tookMinutes: clock.seconds(of: index, now: end).map { $0 / 60 },
                 running: index == clock.current)
        }
    }

    /// "Discussion: planned 40 min, took 47"
    public var lines: [String] {
        parts.map { "\($0.name): planned \($0.plannedMinutes) min, \(Self.took($0))" }
    }

    /// "took 47", "not reached", or for a part never ended "took 12 up to the last answer or Q&A change (not ended)".
    static func took(_ part: Part) -> String {
        part.tookMinutes == nil ? minutes(part) : "took " + minutes(part, unit: "")
    }

    /// "47 min", "not reached", or for a part never ended "12 min up to the last answer or Q&A change (not ended)".
    public static func minutes(_ part: Part, unit: String = " min") -> String {
        guard let minutes = part.tookMinutes else { return "not reached" }
        return "\(Int(minutes.rounded()))\(unit)" + (part.running ? " up to the last answer or Q&A change (not ended)" : "")
    }
}
