import Foundation
import PollCore

/// What participants may know of the Q&A, as JSON for the API and the live pages: the public
/// questions (shown, being answered, answered), most voted first; never an author's token.
/// With a participant, also whether they vote for each and their own questions with their
/// state ("hidden" says only `not shown`).
struct QandAView: Encodable {
    struct Item: Encodable {
        var id: Int64
        var text: String
        var name: String?
        var side: String
        var channel: String
        var state: String
        var votes: Int
        var voted: Bool?
    }

    var questions: [Item]
    var mine: [Item]?

    init(board: QandABoard, participant: String?) {
        questions = board.publicQuestions.map { question in
            Self.item(question, voted: participant.map { board.hasVoted($0, for: question.id) })
        }
        mine = participant.map { token in
            board.questions(of: token).map { question in
                var item = Self.item(question, voted: nil)
                if question.state == .hidden {
                    item.state = "not shown"
                    item.votes = 0
                }
                return item
            }
        }
    }

    static func item(_ question: QandAQuestion, voted: Bool?) -> Item {
        Item(id: question.id, text: question.text, name: question.name, side: question.side.rawValue,
             channel: question.channel.rawValue, state: question.state.rawValue, votes: question.votes, voted: voted)
    }
}
