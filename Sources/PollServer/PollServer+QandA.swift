import Foundation
import Hummingbird
import Intake
import PollCore
import RequestBodies

/// The audience Q&A: the Questions page and its form posts, and the JSON API (docs/api.md).
extension PollServer {
    // MARK: Pages

    /// Where the participant is: their answer to the poll's place question decides, else
    /// what they say now (`given`), else what they said with an earlier question.
    func side(of token: String, given: QandASide? = nil) async -> QandASide? {
        if let place = qandA.settings?.place, let side = qandA.settings?.side(from: await intake.answer(of: token, to: place.question)) {
            return side
        }
        if let given { return given }
        return await qandA.board.side(of: token)
    }

    func questionsPage(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        guard matches(context.parameters.get("code")) else {
            return Self.joinPage(request, error: "join.unknownCode", status: .notFound)
        }
        let page = await self.context(request)
        guard qandA.settings != nil else {
            return Self.html(ParticipantPage.waiting(page, message: page.words.text("qa.off")), status: .notFound)
        }
        guard let (token, cookie) = participant(request, context, code: page.code) else { return Self.tooManyJoins(page) }
        let message: String? = switch request.uri.queryParameters.get("asked") {
        case "waiting": page.words.text("qa.asked.waiting")
        case "shown": page.words.text("qa.asked.shown")
        default: nil
        }
        return Self.html(await questions(page, token: token, message: message, error: nil), cookie: cookie, page.languageCookie)
    }

    func questions(_ page: ParticipantPage.Context, token: String, message: String?, error: String?,
                   draft: QandAPage.Draft = .init()) async -> String {
        let sideKnown = await side(of: token) != nil
        return QandAPage.render(page, board: await qandA.board, participant: token, sideKnown: sideKnown,
                                message: message, error: error, draft: draft)
    }

    /// The checks every Q&A form post shares: the code, Q&A on, the same origin, the
    /// participant, the rate and a whole body. Returns the response to refuse with, or what
    /// the post needs.
    func qandAForm(_ request: Request, _ context: RoomRequestContext, limiter: RateLimiter)
        async -> Result<(page: ParticipantPage.Context, token: String, cookie: Cookie?, form: FormBody), Refusal> {
        guard matches(context.parameters.get("code")) else {
            return .failure(Refusal(response: Self.joinPage(request, error: "join.unknownCode", status: .notFound)))
        }
        let page = await self.context(request)
        let words = page.words
        guard qandA.settings != nil else {
            return .failure(Refusal(response: Self.html(ParticipantPage.waiting(page, message: words.text("qa.off")), status: .conflict)))
        }
        guard isSameOrigin(request) else {
            return .failure(Refusal(response: Self.html(ParticipantPage.waiting(page, message: words.text("qa.otherSite")), status: .forbidden)))
        }
        guard let (token, cookie) = participant(request, context, code: page.code) else { return .failure(Refusal(response: Self.tooManyJoins(page))) }
        guard limiter.allow(token) else {
            return .failure(Refusal(response: Self.html(await questions(page, token: token, message: nil,
                                                                        error: words.text("send.tooMany")),
                                                        status: .tooManyRequests, cookie: cookie)))
        }
        switch await Self.body(of: request) {
        case .success(let body): return .success((page, token, cookie, FormBody(String(buffer: body))))
        case .failure(let error):
            let text = words.text(error.status == .contentTooLarge ? "send.tooLarge" : "send.incomplete")
            return .failure(Refusal(response: Self.html(await questions(page, token: token, message: nil, error: text),
                                                        status: error.status, cookie: cookie)))
        }
    }

    func postQuestion(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        let (page, token, cookie, form): (ParticipantPage.Context, String, Cookie?, FormBody)
        switch await qandAForm(request, context, limiter: askLimiter) {
        case .success(let checked): (page, token, cookie, form) = checked
        case .failure(let refusal): return refusal.response
        }
        let text = form.value("text") ?? "", name = form.value("name")
        let side = await side(of: token, given: form.value("side").flatMap(QandASide.init(rawValue:)))
        switch await qandA.ask(text: text, name: name, side: side, author: token) {
        case .success(let question):
            return Self.redirect("/s/\(page.code)/questions?asked=\(question.state == .waiting ? "waiting" : "shown")", cookie: cookie)
        case .failure(let refusal):
            let status = Self.status(of: refusal)
            return Self.html(await questions(page, token: token, message: nil, error: Self.sentence(refusal, words: page.words),
                                             draft: .init(text: text, name: name ?? "")), status: status, cookie: cookie)
        }
    }

    func postVote(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        let (page, token, cookie, form): (ParticipantPage.Context, String, Cookie?, FormBody)
        switch await qandAForm(request, context, limiter: voteLimiter) {
        case .success(let checked): (page, token, cookie, form) = checked
        case .failure(let refusal): return refusal.response
        }
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            return Self.html(await questions(page, token: token, message: nil, error: page.words.text("qa.unknownQuestion")),
                             status: .notFound, cookie: cookie)
        }
        // The button says what it does (vote, or take the vote back), so a double tap or a
        // resent form does it once; a form without it toggles.
        let up = form.value("up").flatMap { $0 == "1" ? true : $0 == "0" ? false : nil }
        switch await qandA.vote(question: id, participant: token, up: up) {
        case .success(let (question, _)):
            return Self.redirect("/s/\(page.code)/questions#q-\(question.id)", cookie: cookie)
        case .failure(let refusal):
            return Self.html(await questions(page, token: token, message: nil, error: Self.sentence(refusal, words: page.words)),
                             status: Self.status(of: refusal), cookie: cookie)
        }
    }

    /// A refusal as a sentence for a person, in the page's language.
    static func sentence(_ refusal: QandARefusal, words: InterfaceWords) -> String {
        switch refusal {
        case .refused(.unknownQuestion): return words.text("qa.notVotable")
        case .refused(.sideUnknown): return words.text("qa.sideUnknown")
        case .notStored: return words.text("send.notSaved")
        case .refused(.off): return words.text("qa.off")
        case .refused(.emptyText): return words.text("qa.problem.emptyText")
        case .refused(.textTooLong(let n)): return words.text("qa.problem.textTooLong", ["count": "\(n)", "max": "\(QandARules.maxText)"])
        case .refused(.nameTooLong(let n)): return words.text("qa.problem.nameTooLong", ["count": "\(n)", "max": "\(QandARules.maxName)"])
        }
    }

    /// The HTTP status of a Q&A refusal (docs/api.md).
    static func status(of refusal: QandARefusal) -> HTTPResponse.Status {
        switch refusal {
        case .refused(.off): return .conflict
        case .refused(.unknownQuestion): return .notFound
        case .refused: return .unprocessableContent
        case .notStored: return .serviceUnavailable
        }
    }

    // MARK: API

    func apiQuestions(_ request: Request) async throws -> Response {
        guard matches(request.uri.queryParameters.get("code")) else { return Self.error(.notFound, "no session with that code") }
        guard qandA.settings != nil else { return Self.error(.conflict, QandAProblem.off.description) }
        // The participant comes in a header, not the URL, where proxies and histories keep it.
        let participant = request.headers[.roompollParticipant].flatMap { tokens.isIssued($0) ? $0 : nil }
        return Self.json(.ok, encoding: QandAView(board: await qandA.board, participant: participant))
    }

    /// The checks every Q&A API post shares: JSON, the code, Q&A on, an issued token, the rate.
    func qandAPost<Body>(_ request: Request, limiter: RateLimiter, expected: String,
                         parse: (ByteBuffer) throws -> Body, code: (Body) -> String, participant: (Body) -> String) async -> Result<Body, Refusal> {
        let buffer: ByteBuffer
        switch await Self.jsonBody(of: request) {
        case .success(let body): buffer = body
        case .failure(let refusal): return .failure(refusal)
        }
        let body: Body
        do {
            body = try parse(buffer)
        } catch {
            return .failure(Refusal(response: Self.error(.badRequest, "expected JSON \(expected): \(error)")))
        }
        guard JoinCode.normalized(code(body)) == intake.joinCode else {
            return .failure(Refusal(response: Self.error(.notFound, "no session with that code")))
        }
        guard qandA.settings != nil else { return .failure(Refusal(response: Self.error(.conflict, QandAProblem.off.description))) }
        guard tokens.isIssued(participant(body)) else {
            return .failure(Refusal(response: Self.error(.forbidden,
                "participant must be a token this server issued: get one with POST /api/v1/participants")))
        }
        guard limiter.allow(participant(body)) else {
            return .failure(Refusal(response: Self.error(.tooManyRequests, "too many from this participant; slow down")))
        }
        return .success(body)
    }

    func apiAsk(_ request: Request) async throws -> Response {
        let body: QuestionRequest
        switch await qandAPost(request, limiter: askLimiter, expected: "{\"code\", \"participant\", \"text\"[, \"name\", \"side\"]}",
                               parse: { try QuestionRequest(json: $0) }, code: \.code, participant: \.participant) {
        case .success(let parsed): body = parsed
        case .failure(let refusal): return refusal.response
        }
        var given: QandASide?
        if let text = body.side {
            guard let parsed = QandASide(rawValue: text) else { return Self.error(.unprocessableContent, "`side` is `room` or `online`") }
            given = parsed
        }
        let side = await side(of: body.participant, given: given)
        switch await qandA.ask(text: body.text, name: body.name, side: side, author: body.participant) {
        case .success(let question):
            return Self.json(.created, encoding: QandAView.item(question, voted: nil))
        case .failure(let refusal):
            return Self.error(Self.status(of: refusal), refusal.description)
        }
    }

    func apiVote(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        let body: VoteRequest
        switch await qandAPost(request, limiter: voteLimiter, expected: "{\"code\", \"participant\"[, \"up\"]}",
                               parse: { try VoteRequest(json: $0) }, code: \.code, participant: \.participant) {
        case .success(let parsed): body = parsed
        case .failure(let refusal): return refusal.response
        }
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else {
            return Self.error(.notFound, QandAProblem.unknownQuestion(0).description)
        }
        switch await qandA.vote(question: id, participant: body.participant, up: body.up) {
        case .success(let (question, voted)):
            return Self.json(.created, encoding: QandAView.item(question, voted: voted))
        case .failure(let refusal):
            return Self.error(Self.status(of: refusal), refusal.description)
        }
    }
}
