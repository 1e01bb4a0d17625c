import Foundation
import PollCore

/// Turns an import CSV (`participant,round,question,answer`, optionally `session`, `channel`
/// and `time` as written by `roompoll export`) into checked responses — all of them, or a
/// list of every bad row.
public enum CSVImport {
    public static let requiredColumns = ["participant", "round", "question", "answer"]
    public static let optionalColumns = ["session", "channel", "time", "language"]

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
        var text = text
        return try text.withUTF8 { utf8 in
            Result { () throws(Problems) in try responses(from: UnsafeRawBufferPointer(utf8), engine: engine, now: now) }
        }.get()
    }

    /// Every row of the UTF-8 `bytes` as a response checked against `engine`'s poll, or every
    /// problem found. Rows are read one at a time; only the responses are kept.
    public static func responses(from bytes: UnsafeRawBufferPointer, engine: SessionEngine, now: Date) throws(Problems) -> [Response] {
        var reader = Reader(engine: engine, now: now)
        CSV.forEachRow(in: bytes) { reader.take($0) }
        return try reader.finish()
    }

    /// Checks rows as they are read.
    private struct Reader {
        let engine: SessionEngine
        let now: Date
        var header: (line: Int, width: Int, column: [String: Int], usable: Bool)?
        var responses: [Response] = []
        var problems: [Problem] = []
        var sessions: Set<String> = []
        /// Each distinct answer text, decoded once per question (a room gives the same few answers).
        var decoded: [String: [String: Answer]] = [:]
        /// Each participant id as first read: their many rows share one string.
        var participants: [String: String] = [:]

        init(engine: SessionEngine, now: Date) {
            self.engine = engine
            self.now = now
        }

        mutating func take(_ row: CSV.Row) {
            guard let header else {
                readHeader(row)
                return
            }
            // Rows are checked only against a usable header (its problems are reported alone),
            // and a thousand problems are enough to fix a file by.
            guard header.usable, problems.count < 1_000 else { return }
            switch response(from: row, column: header.column, width: header.width) {
            case .success(let (response, session)):
                responses.append(response)
                if let session, !session.isEmpty, !sessions.contains(session) { sessions.insert(session) }
            case .failure(let problem):
                problems.append(problem)
            }
        }

        mutating func readHeader(_ row: CSV.Row) {
            let names = row.fields.map { CSVImport.trimmed($0).lowercased() }
            if let problem = row.problem { problems.append(Problem(line: row.line, message: problem)) }
            for (index, name) in names.enumerated() {
                if !(requiredColumns + optionalColumns).contains(name) {
                    problems.append(Problem(line: row.line, message: "unknown column `\(String(name.prefix(40)))` (expected \(requiredColumns.joined(separator: ",")), optionally \(optionalColumns.joined(separator: ", ")))"))
                } else if names[..<index].contains(name) {
                    problems.append(Problem(line: row.line, message: "column `\(name)` appears twice"))
                }
            }
            for name in requiredColumns where !names.contains(name) {
                problems.append(Problem(line: row.line, message: "missing column `\(name)`"))
            }
            header = (row.line, names.count, Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }),
                      problems.isEmpty)
        }

        mutating func finish() throws(Problems) -> [Response] {
            guard let header else {
                throw Problems(list: [Problem(line: 1, message: "the file is empty: expected the header \(requiredColumns.joined(separator: ","))")])
            }
            if sessions.count > 1 {
                problems.append(Problem(line: header.line, message: "the file holds answers of \(sessions.count) sessions (\(sessions.sorted().prefix(5).joined(separator: ", "))): import one session at a time"))
            }
            guard problems.isEmpty else { throw Problems(list: problems) }
            return responses
        }

        /// The answer `text` decoded for `question`, from the cache when it was seen before.
        mutating func answer(_ text: String, for question: Question) throws(AnswerProblem) -> Answer {
            if let known = decoded[question.id]?[text] { return known }
            let answer = try AnswerCodec.decode(text, for: question)
            if question.kind != .text { decoded[question.id, default: [:]][text] = answer }
            return answer
        }

        /// One data row as a checked response (and the session it names, if any).
        mutating func response(from row: CSV.Row, column: [String: Int], width: Int) -> Result<(Response, String?), Problem> {
            func fail(_ message: String) -> Result<(Response, String?), Problem> { .failure(Problem(line: row.line, message: message)) }
            if let problem = row.problem { return fail(problem) }
            guard row.fields.count == width else { return fail("\(row.fields.count) fields, the header has \(width)") }
            func field(_ name: String) -> String? {
                column[name].map { CSVImport.trimmed(row.fields[$0]) }
            }
            let read = field("participant")!
            let participant = participants[read] ?? read
            guard (1...64).contains(participant.count) else { return fail("`participant` must be 1 to 64 characters") }
            // Printable ASCII needs no cleaning; anything else must come out of the cleaner unchanged.
            let printable = participant.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            guard printable || (TextCleaner.clean(participant) == participant && !participant.unicodeScalars.contains(where: { $0.value < 0x20 })) else {
                return fail("`participant` may not hold control characters or line breaks")
            }
            var channel = Channel.import
            if let name = field("channel"), !name.isEmpty {
                guard let parsed = Channel(rawValue: name), parsed != .hands else { return fail("channel `\(String(name.prefix(40)))` is not web, kiosk or import") }
                channel = parsed
            }
            var time = now
            if let stamp = field("time"), !stamp.isEmpty {
                guard let parsed = Timestamp.parse(stamp) else {
                    return fail("`\(String(stamp.prefix(40)))` is not an ISO 8601 time such as 2026-11-23T09:30:00Z")
                }
                time = parsed
            }
            var language: String?
            if let tag = field("language"), !tag.isEmpty {
                guard let known = engine.definition.language(serving: tag) else {
                    return fail("language `\(String(tag.prefix(40)))` is not one of the poll's (\(engine.definition.allLanguages.joined(separator: ", ")))")
                }
                language = known
            }
            if participants.count < 1_000_000 { participants[participant] = participant }
            let questionID = field("question")!, text = row.fields[column["answer"]!]
            // A text seen before for the same question is not decoded again; the engine checks
            // the question, the round and the answer as for any recorded answer.
            var answer = SubmittedAnswer.encoded(text)
            if let question = engine.definition.question(questionID), let known = try? self.answer(text, for: question) {
                answer = .value(known)
            }
            let submission = Submission(participant: participant, question: questionID, round: field("round")!,
                                        answer: answer, channel: channel, receivedAt: time, language: language)
            switch engine.checkRecorded(submission) {
            case .success(let response): return .success((response, field("session")))
            case .failure(let refusal): return fail(refusal.description)
            }
        }
    }

    /// A field without the white space and line breaks around it. Most fields have none, and
    /// are returned as they are without a look at every character.
    static func trimmed(_ field: String) -> String {
        guard let first = field.utf8.first, let last = field.utf8.last else { return field }
        func plain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        return plain(first) && plain(last) ? field : field.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
