import Foundation
import PollCore

/// Turns an import CSV (`participant,round,question,answer`, optionally `session`, `channel`
/// and `time` as written by `roompoll export`) into checked responses — all of them, or a
/// list of every bad row.
public enum CSVImport {
    public static let requiredColumns = ["participant", "round", "question", "answer"]
    public static let optionalColumns = ["session", "channel", "time"]

    /// One bad row (or header) of an import file.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Every problem of a refused import file (never empty).
    public struct Problems: Error, Sendable, Hashable {
        public var list: [Problem]
    }

    /// Every row as a response checked against `engine`'s poll, or every problem found.
    public static func responses(from text: String, engine: SessionEngine, now: Date) throws(Problems) -> [Response] {
        let rows: [CSV.Row]
        do {
            rows = try CSV.parse(text)
        } catch {
            throw Problems(list: [Problem(line: error.line, message: error.message)])
        }
        guard let header = rows.first else {
            throw Problems(list: [Problem(line: 1, message: "the file is empty: expected the header \(requiredColumns.joined(separator: ","))")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var problems: [Problem] = []
        for name in names where !(requiredColumns + optionalColumns).contains(name) {
            problems.append(Problem(line: header.line, message: "unknown column `\(name)` (expected \(requiredColumns.joined(separator: ",")), optionally \(optionalColumns.joined(separator: ", ")))"))
        }
        for name in requiredColumns where !names.contains(name) {
            problems.append(Problem(line: header.line, message: "missing column `\(name)`"))
        }
        guard problems.isEmpty else { throw Problems(list: problems) }
        let column = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        var responses: [Response] = []
        for row in rows.dropFirst() {
            guard row.fields.count == names.count else {
                problems.append(Problem(line: row.line, message: "\(row.fields.count) fields, the header has \(names.count)"))
                continue
            }
            func field(_ name: String) -> String? { column[name].map { row.fields[$0] } }
            let participant = field("participant")!.trimmingCharacters(in: .whitespaces)
            guard !participant.isEmpty, participant.count <= 64 else {
                problems.append(Problem(line: row.line, message: "`participant` must be 1 to 64 characters"))
                continue
            }
            var channel = Channel.import
            if let name = field("channel"), !name.isEmpty {
                guard let parsed = Channel(rawValue: name), parsed != .hands else {
                    problems.append(Problem(line: row.line, message: "channel `\(name)` is not web, kiosk or import"))
                    continue
                }
                channel = parsed
            }
            var time = now
            if let stamp = field("time"), !stamp.isEmpty {
                guard let parsed = Timestamp.parse(stamp) else {
                    problems.append(Problem(line: row.line, message: "`\(stamp)` is not an ISO 8601 time such as 2026-11-23T09:30:00Z"))
                    continue
                }
                time = parsed
            }
            let submission = Submission(participant: participant, question: field("question")!.trimmingCharacters(in: .whitespaces),
                                        round: field("round")!.trimmingCharacters(in: .whitespaces),
                                        answer: .encoded(field("answer")!), channel: channel, receivedAt: time)
            switch engine.checkRecorded(submission) {
            case .success(let response): responses.append(response)
            case .failure(let refusal): problems.append(Problem(line: row.line, message: refusal.description))
            }
        }
        guard problems.isEmpty else { throw Problems(list: problems) }
        return responses
    }
}
