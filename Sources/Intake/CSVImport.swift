import Foundation
import PollCore

/// Turns an import CSV (`participant,round,question,answer`, optionally `session`, `channel`
/// and `time` as written by `roompoll export`) into checked responses — all of them, or a
/// list of every bad row.
public enum CSVImport {
    public static let requiredColumns = ["participant", "round", "question", "answer"]
    public static let optionalColumns = ["session", "channel", "time"]

    /// One bad row (or header) of an import file.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
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
        let rows = CSV.parse(text)
        guard let header = rows.first else {
            throw Problems(list: [Problem(line: 1, message: "the file is empty: expected the header \(requiredColumns.joined(separator: ","))")])
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
        var problems: [Problem] = []
        if let problem = header.problem { problems.append(Problem(line: header.line, message: problem)) }
        for (index, name) in names.enumerated() {
            if !(requiredColumns + optionalColumns).contains(name) {
                problems.append(Problem(line: header.line, message: "unknown column `\(name)` (expected \(requiredColumns.joined(separator: ",")), optionally \(optionalColumns.joined(separator: ", ")))"))
            } else if names[..<index].contains(name) {
                problems.append(Problem(line: header.line, message: "column `\(name)` appears twice"))
            }
        }
        for name in requiredColumns where !names.contains(name) {
            problems.append(Problem(line: header.line, message: "missing column `\(name)`"))
        }
        guard problems.isEmpty else { throw Problems(list: problems) }
        let column = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

        var responses: [Response] = []
        var sessions: Set<String> = []
        for row in rows.dropFirst() {
            switch response(from: row, column: column, width: names.count, engine: engine, now: now) {
            case .success(let (response, session)):
                responses.append(response)
                if let session, !session.isEmpty { sessions.insert(session) }
            case .failure(let problem):
                problems.append(problem)
            }
        }
        if sessions.count > 1 {
            problems.append(Problem(line: header.line, message: "the file holds answers of \(sessions.count) sessions (\(sessions.sorted().joined(separator: ", "))): import one session at a time"))
        }
        guard problems.isEmpty else { throw Problems(list: problems) }
        return responses
    }

    /// One data row as a checked response (and the session it names, if any).
    static func response(from row: CSV.Row, column: [String: Int], width: Int, engine: SessionEngine,
                         now: Date) -> Result<(Response, String?), Problem> {
        func fail(_ message: String) -> Result<(Response, String?), Problem> { .failure(Problem(line: row.line, message: message)) }
        if let problem = row.problem { return fail(problem) }
        guard row.fields.count == width else { return fail("\(row.fields.count) fields, the header has \(width)") }
        func field(_ name: String) -> String? {
            column[name].map { row.fields[$0].trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        let participant = field("participant")!
        guard (1...64).contains(participant.count) else { return fail("`participant` must be 1 to 64 characters") }
        guard TextCleaner.clean(participant) == participant, !participant.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            return fail("`participant` may not hold control characters or line breaks")
        }
        var channel = Channel.import
        if let name = field("channel"), !name.isEmpty {
            guard let parsed = Channel(rawValue: name), parsed != .hands else { return fail("channel `\(name)` is not web, kiosk or import") }
            channel = parsed
        }
        var time = now
        if let stamp = field("time"), !stamp.isEmpty {
            guard let parsed = Timestamp.parse(stamp) else {
                return fail("`\(stamp)` is not an ISO 8601 time such as 2026-11-23T09:30:00Z")
            }
            time = parsed
        }
        let submission = Submission(participant: participant, question: field("question")!, round: field("round")!,
                                    answer: .encoded(row.fields[column["answer"]!]), channel: channel, receivedAt: time)
        switch engine.checkRecorded(submission) {
        case .success(let response): return .success((response, field("session")))
        case .failure(let refusal): return fail(refusal.description)
        }
    }
}
