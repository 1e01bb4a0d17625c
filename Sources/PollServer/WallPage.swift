import JoinQR
import PollCore

/// `/w/CODE`: the wall for people who cannot see it — online participants, a video call's
/// screen share. Read only: the join code and QR code while no round is open, then the
/// current question, its results or comparison once the facilitator shows them, and the Q&A
/// question being answered. Follows the console live with JavaScript; on reload without.
enum WallPage {
    static func render(_ context: ParticipantPage.Context, joinURL: String, answering: QandAQuestion?) -> String {
        var body = ""
        let control = context.control, words = context.words
        let url = "<bdi>\(HTMLText.escape(joinURL))</bdi>", code = "<bdi>\(HTMLText.escape(context.code))</bdi>"
        let lobby = control.openRound == nil
        body += "<p class=\"join-line\">" + (lobby
            ? words.html("wall.joinAt", ["url": "<strong>\(url)</strong>", "code": "<strong class=\"code\">\(code)</strong>"])
            : words.html("wall.joinWith", ["url": url, "code": "<strong class=\"code\">\(code)</strong>"])) + "</p>\n"
        // Once a round is open the QR code stays, smaller (the question comes first), for late arrivals on a call.
        if let qr = QRMatrix(joinURL) { body += qr.svg(label: HTMLText.escape(words.text("wall.qrLabel", ["url": joinURL])), small: !lobby) + "\n" }
        if lobby { body += "<p class=\"status\" role=\"status\">\(words.html("wait.opensSoon"))</p>\n" }
        if let question = control.currentQuestion.flatMap(context.definition.question), control.openRound != nil || control.shown != nil {
            let round = control.openRound ?? ""
            let questions = context.definition.questions(in: round)
            let number = questions.firstIndex { $0.id == question.id }.map {
                words.html("question.progress", ["number": "<bdi>\($0 + 1)</bdi>", "count": "<bdi>\(questions.count)</bdi>"])
            } ?? words.html("wall.question")
            body += "<section aria-labelledby=\"wall-question\"><p class=\"progress\">\(number)</p>\n"
            body += "<h2 id=\"wall-question\"\(context.pollText)>\(HTMLText.escape(question.ask))</h2>\n"
            if context.onTheWall == nil, !question.options.isEmpty, question.kind != .scale {
                body += "<ul>\n" + question.options.map { "<li\(context.pollText)>\(HTMLText.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
            }
            body += "</section>\n"
            if let results = context.onTheWall { body += results }
        }
        if let answering {
            body += "<section class=\"wall\" aria-labelledby=\"wall-qa\"><h2 id=\"wall-qa\">\(words.html("wall.answeringNow", ["side": words.html("qa.side.\(answering.side.rawValue)")]))</h2>\n"
                + "<p dir=\"auto\">\(HTMLText.escape(answering.text))</p></section>\n"
        }
        let switcher = ParticipantPage.languageSwitcher(context.languages, current: context.language, here: context.here, words: words)
        let page = ParticipantPage.layout(words.text("wall.title", ["title": context.definition.title]), words: words,
                                          code: context.code, followKey: "wall", body: """
            \(switcher)<h1\(context.pollText)>\(HTMLText.escape(context.definition.title))</h1>
            \(body)
            """)
        return page
    }
}
