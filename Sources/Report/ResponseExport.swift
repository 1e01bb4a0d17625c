import Foundation
import PollCore
import Analysis

/// Every current response of a session as CSV or JSON, answers in the import encoding, so
/// that what `roompoll export --format csv` writes, `roompoll import` reads back unchanged.
public enum ResponseExport {
    /// `language`: the one the participant answered in (empty when not known).
    public static let columns = ["session", "round", "question", "participant", "answer", "channel", "time", "language"]

    public static func csv(session: String, definition: PollDefinition, responses: [Response]) -> String {
        var text = CSV.line(columns)
        for response in responses {
            text += CSV.line(fields(session: session, definition: definition, response: response))
        }
        return text
    }

    public static func json(session: String, definition: PollDefinition, responses: [Response]) -> String {
        let rows = responses.map { response in
            Dictionary(uniqueKeysWithValues: zip(columns, fields(session: session, definition: definition, response: response)))
        }
        let document = Document(schema: "roompoll.responses/1", session: session, poll_title: definition.title, responses: rows)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// One row per participant and a column per question and round (`<question>.<round>`),
    /// answers in the import encoding and empty where there is none: ready for R, SPSS or pandas.
    public static func wide(definition: PollDefinition, responses: [Response]) -> String {
        let columns = definition.questions.flatMap { question in
            definition.rounds.filter(question.isAsked).map { (question: question, round: $0) }
        }
        let index = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ("\($1.question.id)\u{0}\($1.round)", $0) })
        var rows: [String: [String]] = [:]
        var order: [String] = []
        for response in responses {
            guard let column = index["\(response.question)\u{0}\(response.round)"] else { continue }
            if rows[response.participant] == nil {
                rows[response.participant] = Array(repeating: "", count: columns.count)
                order.append(response.participant)
            }
            rows[response.participant]![column] = AnswerCodec.encode(response.answer, for: columns[column].question)
        }
        // A knowledge check: each participant's right answers and answered questions per round.
        let knowledgeRounds = definition.rounds.filter { round in definition.questions(in: round).contains(where: \.isKnowledge) }
        let tally = knowledgeRounds.isEmpty ? nil : Tally(definition: definition, responses: responses)
        let scores = knowledgeRounds.map { round in tally.map { KnowledgeScore.scores($0, round: round) } ?? [:] }
        let scoreColumns = knowledgeRounds.flatMap { ["knowledge_correct.\($0)", "knowledge_answered.\($0)"] }
        var text = CSV.line(["participant"] + columns.map { "\($0.question.id).\($0.round)" } + scoreColumns)
        for participant in order {
            let score = scores.flatMap { round in round[participant].map { ["\($0.correct)", "\($0.answered)"] } ?? ["", ""] }
            text += CSV.line([participant] + rows[participant]! + score)
        }
        return text
    }

    struct Document: Encodable {
        var schema: String
        var session: String
        var poll_title: String
        var responses: [[String: String]]
    }

    static func fields(session: String, definition: PollDefinition, response: Response) -> [String] {
        let answer = definition.question(response.question).map { AnswerCodec.encode(response.answer, for: $0) } ?? ""
        return [session, response.round, response.question, response.participant, answer,
                response.channel.rawValue, Timestamp.format(response.receivedAt), response.language ?? ""]
    }
}
