import Foundation
import PollCore

/// How the session kept to its agenda: each part's planned and actual minutes.
public struct AgendaSummary: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var name: String
        public var plannedMinutes: Int
        /// Minutes it took (nil: never reached); a part still running counts up to the report's end.
        public var tookMinutes: Double?
    }

    public var parts: [Part]

    public init?(_ agenda: [AgendaPart]?, clock: AgendaClock?, end: Date) {
        guard let agenda, !agenda.isEmpty else { return nil }
        let clock = clock ?? AgendaClock()
        parts = agenda.enumerated().map { index, part in
            Part(name: part.name, plannedMinutes: part.minutes, tookMinutes: clock.seconds(of: index, now: end).map { $0 / 60 })
        }
    }

    /// "Discussion: planned 40 min, took 47"
    public var lines: [String] {
        parts.map { part in
            let took = part.tookMinutes.map { "took \(Int($0.rounded()))" } ?? "not reached"
            return "\(part.name): planned \(part.plannedMinutes) min, \(took)"
        }
    }
}
