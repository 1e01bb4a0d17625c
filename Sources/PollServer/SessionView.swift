import Foundation
import PollCore

/// What a participant may know about the session, as JSON for the API and the live page:
/// the open round, the pace, and the questions that take answers (never anyone's answers).
struct SessionView: Encodable, Equatable {
    struct QuestionView: Encodable, Equatable {
        var id: String
        var kind: String
        var ask: String
        var options: [String]
        var max: Int?
        var min: Int?
        /// Whether it takes answers now (presenter pace: only the opened question).
        var open: Bool
    }

    var code: String
    var title: String
    var pace: String
    var open_round: String?
    var current_question: String?
    var voting_open: Bool
    /// What the wall shows of the current question: `results`, `compare`, or null.
    var shown: String?
    var questions: [QuestionView]

    init(code: String, engine: SessionEngine) {
        let control = engine.control
        self.code = code
        title = engine.definition.title
        pace = control.pace.rawValue
        open_round = control.openRound
        current_question = control.currentQuestion
        shown = control.shown?.rawValue
        voting_open = control.pace == .audience ? control.openRound != nil : control.votingOpen
        questions = control.openRound.map { round in
            engine.definition.questions(in: round).map { question in
                QuestionView(id: question.id, kind: question.kind.rawValue, ask: question.ask,
                             options: question.kind == .scale ? [] : question.options,
                             max: question.kind == .multi ? question.maxChoices : question.kind == .scale ? question.scaleRange.upperBound : nil,
                             min: question.kind == .scale ? question.scaleRange.lowerBound : nil,
                             open: control.pace == .audience || (control.votingOpen && control.currentQuestion == question.id))
            }
        } ?? []
    }

    var json: String { PollServer.jsonText(self) }
}
