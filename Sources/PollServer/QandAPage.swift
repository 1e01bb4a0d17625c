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
        let code = context.code
        var body = "<h2 id=\"qa-heading\">Questions</h2>\n"
        if let message { body += "<p class=\"saved\" role=\"status\">\(HTMLText.escape(message))</p>\n" }
        if let error { body += "<p class=\"error\" role=\"alert\">\(HTMLText.escape(error))</p>\n" }
        body += """
            <form method="post" action="/s/\(code)/questions" id="qa-ask">
            <label for="qa-text">Your question (up to \(QandARules.maxText) characters)</label>
            <textarea id="qa-text" name="text" maxlength="\(QandARules.maxText)" rows="3" dir="auto" required>\(HTMLText.escape(draft.text))</textarea>
            <label for="qa-name">Your name (optional: leave it empty to ask anonymously)</label>
            <input id="qa-name" name="name" maxlength="\(QandARules.maxName)" dir="auto" autocomplete="off" value="\(HTMLText.escape(draft.name))">

            """
        if !sideKnown {
            body += """
                <fieldset>
                <legend>Where are you?</legend>
                <label class="option"><input type="radio" name="side" value="room" required> I am in the room</label>
                <label class="option"><input type="radio" name="side" value="online" required> I am joining online</label>
                </fieldset>

                """
        }
        body += """
            <div class="actions"><button type="submit">Ask</button></div>
            </form>
            <p id="qa-status" class="error" role="status"></p>
            <div id="qa-live">
            \(mine(board, participant: participant))
            \(list(board, participant: participant, code: code))
            </div>
            <p><a class="button secondary" href="/s/\(code)">Back to the poll</a></p>
            """
        return ParticipantPage.page(context, body: body, questions: true)
    }

    static func mine(_ board: QandABoard, participant: String) -> String {
        let own = board.questions(of: participant)
        guard !own.isEmpty else { return "" }
        let items = own.map { question in
            "<li><span dir=\"auto\">\(HTMLText.escape(question.text))</span> <span class=\"tag\">\(question.state.forAuthor)</span></li>"
        }.joined(separator: "\n")
        return "<section aria-labelledby=\"qa-mine\"><h3 id=\"qa-mine\">Your questions</h3>\n<ul class=\"qa\">\n\(items)\n</ul></section>"
    }

    static func list(_ board: QandABoard, participant: String, code: String) -> String {
        let questions = board.publicQuestions
        guard !questions.isEmpty else {
            return "<section aria-labelledby=\"qa-all\"><h3 id=\"qa-all\">Everyone's questions</h3>\n<p class=\"hint\">No questions yet.</p></section>"
        }
        let items = questions.map { question -> String in
            let voted = board.hasVoted(participant, for: question.id)
            let votes = question.votes == 1 ? "1 vote" : "\(question.votes) votes"
            let who = question.name.map { HTMLText.escape($0) } ?? "Anonymous"
            var state = ""
            if question.state == .answering { state = " <strong class=\"tag now\">Being answered now</strong>" }
            if question.state == .answered { state = " <span class=\"tag\">Answered</span>" }
            return """
                <li id="q-\(question.id)"><p dir="auto" class="qa-text">\(HTMLText.escape(question.text))</p>
                <p class="hint"><bdi>\(who)</bdi> · \(question.side.label)\(state)</p>
                <form method="post" action="/s/\(code)/questions/\(question.id)/vote" class="vote">
                <input type="hidden" name="up" value="\(voted ? "0" : "1")">
                <button type="submit" id="vote-\(question.id)" class="\(voted ? "" : "secondary")" aria-pressed="\(voted)"><span><span aria-hidden="true">▲ </span>Upvote<span class="visually-hidden"> this question</span> · \(votes)</span></button>
                </form></li>
                """
        }.joined(separator: "\n")
        return "<section aria-labelledby=\"qa-all\"><h3 id=\"qa-all\">Everyone's questions, most votes first</h3>\n<ol class=\"qa\">\n\(items)\n</ol></section>"
    }
}
