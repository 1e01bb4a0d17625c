import Foundation
import PollCore

/// The Q&A page: ask a question (with a name or without, and where you are when the poll
/// cannot tell), your own questions with their state, and everyone's approved questions
/// ranked by votes, each with an upvote button. Plain forms; live with JavaScript.
enum QandAPage {
    struct Draft {
        var text = ""
        var name = ""
    }

    static func render(_ context: ParticipantPage.Context, board: QandABoard, participant: String, sideKnown: Bool,
                       message: String?, error: String?, draft: Draft = Draft()) -> String {
        let code = context.code, words = context.words
        var body = "<h2 id=\"qa-heading\">\(words.html("qa.heading"))</h2>\n"
        if let message { body += "<p class=\"saved\" role=\"status\">\(HTMLText.escape(message))</p>\n" }
        if let error { body += "<p class=\"error\" role=\"alert\">\(HTMLText.escape(error))</p>\n" }
        body += """
            <form method="post" action="/s/\(code)/questions" id="qa-ask">
            <label for="qa-text">\(words.html("qa.textLabel", ["count": "<bdi>\(QandARules.maxText)</bdi>"]))</label>
            <textarea id="qa-text" name="text" maxlength="\(QandARules.maxText)" rows="3" dir="auto" required>\(HTMLText.escape(draft.text))</textarea>
            <label for="qa-name">\(words.html("qa.nameLabel"))</label>
            <input id="qa-name" name="name" maxlength="\(QandARules.maxName)" dir="auto" autocomplete="off" value="\(HTMLText.escape(draft.name))">

            """
        if !sideKnown {
            body += """
                <fieldset>
                <legend>\(words.html("qa.where"))</legend>
                <label class="option"><input type="radio" name="side" value="room" required> \(words.html("qa.inRoom"))</label>
                <label class="option"><input type="radio" name="side" value="online" required> \(words.html("qa.joiningOnline"))</label>
                </fieldset>

                """
        }
        body += """
            <div class="actions"><button type="submit">\(words.html("qa.ask"))</button></div>
            </form>
            <p id="qa-status" class="error" role="status"></p>
            <div id="qa-live">
            \(mine(board, participant: participant, words: words))
            \(list(board, participant: participant, code: code, words: words))
            </div>
            <p><a class="button secondary" href="/s/\(code)">\(words.html("qa.backToPoll"))</a></p>
            """
        return ParticipantPage.page(context, body: body, questions: true)
    }

    static func mine(_ board: QandABoard, participant: String, words: InterfaceWords) -> String {
        let own = board.questions(of: participant)
        guard !own.isEmpty else { return "" }
        let items = own.map { question in
            "<li><span dir=\"auto\">\(HTMLText.escape(question.text))</span> <span class=\"tag\">\(words.html("qa.state.\(question.state.rawValue)"))</span></li>"
        }.joined(separator: "\n")
        return "<section aria-labelledby=\"qa-mine\"><h3 id=\"qa-mine\">\(words.html("qa.mine"))</h3>\n<ul class=\"qa\">\n\(items)\n</ul></section>"
    }

    static func list(_ board: QandABoard, participant: String, code: String, words: InterfaceWords) -> String {
        let questions = board.publicQuestions
        guard !questions.isEmpty else {
            return "<section aria-labelledby=\"qa-all\"><h3 id=\"qa-all\">\(words.html("qa.everyone"))</h3>\n<p class=\"hint\">\(words.html("qa.noneYet"))</p></section>"
        }
        let items = questions.map { question -> String in
            let voted = board.hasVoted(participant, for: question.id)
            let votes = words.html("qa.votes", ["count": "<bdi>\(question.votes)</bdi>"])
            let who = question.name.map { HTMLText.escape($0) } ?? words.html("qa.anonymous")
            var state = ""
            if question.state == .answering { state = " <strong class=\"tag now\">\(words.html("qa.tag.answering"))</strong>" }
            if question.state == .answered { state = " <span class=\"tag\">\(words.html("qa.tag.answered"))</span>" }
            return """
                <li id="q-\(question.id)"><p dir="auto" class="qa-text">\(HTMLText.escape(question.text))</p>
                <p class="hint"><bdi>\(who)</bdi> · \(words.html("qa.side.\(question.side.rawValue)"))\(state)</p>
                <form method="post" action="/s/\(code)/questions/\(question.id)/vote" class="vote">
                <input type="hidden" name="up" value="\(voted ? "0" : "1")">
                <button type="submit" id="vote-\(question.id)" class="\(voted ? "" : "secondary")" aria-pressed="\(voted)"><span><span aria-hidden="true">▲ </span>\(words.html("qa.upvote"))<span class="visually-hidden"> \(words.html("qa.upvoteHidden"))</span> · \(votes)</span></button>
                </form></li>
                """
        }.joined(separator: "\n")
        return "<section aria-labelledby=\"qa-all\"><h3 id=\"qa-all\">\(words.html("qa.everyoneRanked"))</h3>\n<ol class=\"qa\">\n\(items)\n</ol></section>"
    }
}
