import JoinQR
import PollCore

/// `/w/CODE`: the wall for people who cannot see it — online participants, a video call's
/// screen share. Read only: the join code and QR code while no round is open, then the
/// current question, its results or comparison once the facilitator shows them, and the Q&A
/// question being answered. Follows the console live with JavaScript; on reload without.
enum WallPage {
    static func render(_ context: ParticipantPage.Context, joinURL: String, answering: QandAQuestion?) -> String {
        var body = ""
        let control = context.control
        if control.openRound == nil {
            body += "<p class=\"join-line\">Join at <strong>\(HTMLText.escape(joinURL))</strong> with the code "
                + "<strong class=\"code\">\(HTMLText.escape(context.code))</strong></p>\n"
            if let qr = QRMatrix(joinURL) { body += qr.svg(label: HTMLText.escape("QR code of \(joinURL)")) + "\n" }
            body += "<p class=\"status\" role=\"status\">The poll opens soon.</p>\n"
        } else {
            body += "<p class=\"join-line\">Join with the code <strong class=\"code\">\(HTMLText.escape(context.code))</strong> at "
                + "\(HTMLText.escape(joinURL))</p>\n"
        }
        if let question = control.currentQuestion.flatMap(context.definition.question), control.openRound != nil || control.shown != nil {
            let round = control.openRound ?? ""
            let questions = context.definition.questions(in: round)
            let number = questions.firstIndex { $0.id == question.id }.map { "Question \($0 + 1) of \(questions.count)" } ?? "Question"
            body += "<section aria-labelledby=\"wall-question\"><p class=\"progress\">\(number)</p>\n"
            body += "<h2 id=\"wall-question\" dir=\"auto\">\(HTMLText.escape(question.ask))</h2>\n"
            if context.onTheWall == nil, !question.options.isEmpty, question.kind != .scale {
                body += "<ul>\n" + question.options.map { "<li dir=\"auto\">\(HTMLText.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
            }
            body += "</section>\n"
            if let results = context.onTheWall { body += results }
        }
        if let answering {
            body += "<section class=\"wall\" aria-labelledby=\"wall-qa\"><h2 id=\"wall-qa\">Being answered now (\(answering.side.label))</h2>\n"
                + "<p dir=\"auto\">\(HTMLText.escape(answering.text))</p></section>\n"
        }
        let page = ParticipantPage.layout(context.definition.title + " — the wall", language: context.definition.language,
                                          code: context.code, followKey: "wall", body: """
            <h1 dir="auto">\(HTMLText.escape(context.definition.title))</h1>
            \(body)
            """)
        return page
    }
}
