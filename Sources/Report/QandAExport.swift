import Foundation
import PollCore

/// A session's audience Q&A as CSV or JSON: every question with its side, channel, state,
/// votes and time spent answering, in the order asked. The CSV leaves hidden questions out;
/// the JSON has them, marked hidden. No participant token is written (an author is only
/// ever their typed name).
public enum QandAExport {
    public static let columns = ["session", "id", "asked_at", "side", "channel", "state", "votes", "answered_order",
                                 "seconds_answering", "merged_into", "name", "text", "original_text"]

    static func rows(session: String, board: QandABoard, end: Date, hidden: Bool) -> [[String]] {
        board.questions.values.sorted { $0.id < $1.id }.filter { hidden || $0.state != .hidden }.map { question in
            [session, String(question.id), Timestamp.format(question.askedAt), question.side.rawValue, question.channel.rawValue,
             question.state.rawValue, String(question.votes), question.answeredOrder.map(String.init) ?? "",
             NumberText.decimal(question.seconds(now: end), places: 1), question.mergedInto.map(String.init) ?? "",
             question.name ?? "", question.text, question.original ?? ""]
        }
    }

    public static func csv(session: String, board: QandABoard, end: Date) -> String {
        ([columns] + rows(session: session, board: board, end: end, hidden: false)).map(CSV.line).joined()
    }

    public static func json(session: String, pollTitle: String, board: QandABoard, end: Date) -> String {
        let questions = rows(session: session, board: board, end: end, hidden: true).map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
        let document = Document(schema: "roompoll.qanda/1", session: session, poll_title: pollTitle, questions: questions)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schema: String
        var session: String
        var poll_title: String
        var questions: [[String: String]]
    }
}
