import Analysis
import Foundation
import PollCore

/// The machine-readable report, schema `roompoll.report/1` (documented in docs/report-schema.md).
public struct JSONReport: ReportFormat {
    public static let schema = "roompoll.report/1"

    public init() {}

    public func render(_ report: ShiftReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(report))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        var schema = JSONReport.schema
        var session: Session
        var rounds: [String]
        var participants: [String: Int]
        var questions: [QuestionEntry]

        init(_ report: ShiftReport) {
            session = Session(name: report.session.name, poll_title: report.session.pollTitle,
                              event: report.session.event, created: Timestamp.format(report.session.createdAt))
            rounds = report.rounds
            participants = report.participants
            questions = report.questions.map(QuestionEntry.init)
        }
    }

    struct Session: Encodable {
        var name: String
        var poll_title: String
        var event: String?
        var created: String
    }

    struct QuestionEntry: Encodable {
        var id: String
        var kind: String
        var ask: String
        var segment: Bool
        var options: [String]
        var rounds: [String: RoundEntry]
        var change_points: [Double]?
        var paired: Paired?
        var note: String?

        init(_ shift: QuestionShift) {
            id = shift.question.id
            kind = shift.question.kind.rawValue
            ask = shift.question.ask
            segment = shift.question.segment
            options = shift.rounds.first?.rows.map(\.label) ?? []
            rounds = Dictionary(uniqueKeysWithValues: shift.rounds.map { ($0.round, RoundEntry($0)) })
            change_points = shift.changePoints
            paired = shift.paired.map { Paired(n: $0.n, differently: $0.differently) }
            note = shift.note
        }
    }

    struct Paired: Encodable {
        var n: Int
        var differently: Int
    }

    struct RoundEntry: Encodable {
        var n: Int
        var hands: Int
        var counts: [Int]
        var percent: [Double]
        var mean: Double?
        var mean_rank: [Double?]?
        var texts: [String]?

        init(_ round: RoundDistribution) {
            n = round.n
            hands = round.hands
            counts = round.rows.map(\.count)
            percent = round.rows.map(\.percent)
            mean = round.mean
            mean_rank = round.rows.contains { $0.meanRank != nil } ? round.rows.map(\.meanRank) : nil
            texts = round.texts.isEmpty ? nil : round.texts
        }
    }
}
