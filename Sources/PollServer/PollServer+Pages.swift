import Foundation
import Hummingbird
import Intake
import PollCore

/// The HTML side: question pages and their form posts.
extension PollServer {
    static func cookieName(_ code: String) -> String { "rp_\(code)" }

    /// The participant's token from their cookie, or a newly issued one with the cookie that
    /// sets it; nil when the client's address has added too many participants just now.
    func participant(_ request: Request, _ context: RoomRequestContext, code: String) -> (token: String, cookie: Cookie?)? {
        if let value = issuedToken(request) { return (value, nil) }
        guard let token = join(from: context.clientAddress) else { return nil }
        return (token, Cookie(name: Self.cookieName(code), value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
    }

    /// The participant token in the request's cookie, if this server issued it.
    func issuedToken(_ request: Request) -> String? {
        guard let value = request.cookies[Self.cookieName(intake.joinCode)]?.value, tokens.isIssued(value) else { return nil }
        return value
    }

    static func tooManyJoins(_ page: ParticipantPage.Context) -> Response {
        html(ParticipantPage.waiting(page, message: page.words.text("wait.tooManyJoins")), status: .tooManyRequests)
    }

    /// What a page of the session needs, in the participant's language: the one they picked
    /// on the language switcher (`?lang=`, then kept in a cookie), else the poll's language
    /// their browser asks for first, else the poll's main language. `wall`: the wall page, which
    /// mirrors the projected screen and so shows revealed results even when the poll keeps them
    /// off participants' own pages (`results-on-phones: false`).
    func context(_ request: Request, wall: Bool = false) async -> ParticipantPage.Context {
        let engine = await intake.engine
        let definition = engine.definition
        let cookieName = Self.languageCookieName(intake.joinCode)
        var language = definition.mainLanguage
        var cookie: Cookie?
        if let picked = request.uri.queryParameters.get("lang").flatMap(definition.language(serving:)) {
            language = picked
            cookie = Cookie(name: cookieName, value: picked, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
        } else if let kept = request.cookies[cookieName].flatMap({ definition.language(serving: $0.value) }) {
            language = kept
        } else if let wanted = LanguageTag.bestMatch(for: AcceptLanguage.tags(request.headers[.acceptLanguage]), in: definition.allLanguages) {
            language = wanted
        }
        let shown = definition.translated(to: language)
        var here = request.method == .get ? request.uri.path : "/s/\(intake.joinCode)"
        if request.method == .get, let q = request.uri.queryParameters.get("q"), q.count <= 64 { here += "?q=" + (q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
        var context = ParticipantPage.Context(code: intake.joinCode, definition: shown, control: engine.control,
                                              followKey: ParticipantPage.followKey(engine.control),
                                              words: InterfaceWords.serving(language), languages: definition.allLanguages,
                                              language: language, here: here, languageCookie: cookie)
        if let state = engine.control.shown, wall || definition.showsResultsOnPhones,
           let question = engine.control.currentQuestion.flatMap(shown.question) {
            context.onTheWall = PhoneResults.section(question, shown: state, tallies: await intake.tallies(of: question.id), context: context)
        }
        return context
    }

    static func languageCookieName(_ code: String) -> String { "rpl_\(code)" }

    /// The join page in the language the browser asks for (or picked with `?lang=`).
    static func joinPage(_ request: Request, error key: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let asked = request.uri.queryParameters.get("lang").map { [$0] } ?? []
        let words = InterfaceWords.serving(any: asked + AcceptLanguage.tags(request.headers[.acceptLanguage]))
        return html(ParticipantPage.join(words: words, error: key.map { words.text($0) }, picked: !asked.isEmpty), status: status)
    }

    /// The wall page (read only; it issues no participant token).
    func wallPage(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        guard matches(context.parameters.get("code")) else {
            return Self.joinPage(request, error: "join.unknownCode", status: .notFound)
        }
        let page = await self.context(request, wall: true)
        let base = options.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            ?? request.head.authority.map { "http://\($0)" } ?? ""
        return Self.html(WallPage.render(page, joinURL: "\(base)/j/\(page.code)", answering: await qandA.board.answering),
                         cookie: page.languageCookie)
    }

    func page(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        guard matches(context.parameters.get("code")) else {
            return Self.joinPage(request, error: "join.unknownCode", status: .notFound)
        }
        let page = await self.context(request)
        guard let (token, cookie) = participant(request, context, code: page.code) else { return Self.tooManyJoins(page) }
        let saved = request.uri.queryParameters.get("saved")
        return Self.html(await render(page, token: token, requested: request.uri.queryParameters.get("q"), saved: saved,
                                      error: nil), cookie: cookie, page.languageCookie)
    }

    /// The page for the participant now: the question asked, the round's next question, or a
    /// waiting or done message.
    /// `typed`: a refused form, whose choices are shown again rather than the stored answer.
    func render(_ page: ParticipantPage.Context, token: String, requested: String?, saved: String?, error: String?,
                typed: FormBody? = nil) async -> String {
        guard let round = page.control.openRound else {
            return ParticipantPage.waiting(page, message: page.words.text("wait.opensSoon"), live: page.words.text("wait.followsLive"),
                                           still: page.words.text("wait.checkLater"))
        }
        let answers = await intake.latestAnswers(of: token, in: round)
        func current(_ question: Question) -> Answer? { answers[question.id] }
        if page.control.pace == .presenter {
            guard page.control.votingOpen, let question = page.control.currentQuestion.flatMap(page.definition.question),
                  question.isAsked(in: round) else {
                return ParticipantPage.waiting(page, message: page.words.text("wait.nextQuestion"))
            }
            return ParticipantPage.question(page, question: question, position: nil, current: current(question),
                                            saved: saved, error: error, back: nil, typed: typed)
        }
        let questions = page.definition.questions(in: round)
        if requested == "done" || questions.isEmpty { return ParticipantPage.done(page) }
        let index = questions.firstIndex { $0.id == requested } ?? 0
        let question = questions[index]
        let back = index > 0 ? "/s/\(page.code)?q=\(questions[index - 1].id)" : nil
        return ParticipantPage.question(page, question: question, position: (index, questions.count), current: current(question),
                                        saved: saved, error: error, back: back, typed: typed)
    }

    /// Where a participant goes after answering (or skipping) `question`.
    static func next(after question: String, _ page: ParticipantPage.Context, saved: Bool) -> String {
        let mark = saved ? "saved=\(question)" : ""
        guard page.control.pace == .audience, let round = page.control.openRound else {
            return "/s/\(page.code)" + (saved ? "?\(mark)" : "")
        }
        let questions = page.definition.questions(in: round)
        let index = questions.firstIndex { $0.id == question }.map { $0 + 1 } ?? questions.count
        let target = index < questions.count ? questions[index].id : "done"
        return "/s/\(page.code)?q=\(target)" + (saved ? "&\(mark)" : "")
    }

    func postForm(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        guard matches(context.parameters.get("code")) else {
            return Self.joinPage(request, error: "join.unknownCode", status: .notFound)
        }
        let page = await self.context(request)
        let words = page.words
        guard isSameOrigin(request) else {
            return Self.html(ParticipantPage.waiting(page, message: words.text("send.otherSite")), status: .forbidden)
        }
        guard let (token, cookie) = participant(request, context, code: page.code) else { return Self.tooManyJoins(page) }
        let body: ByteBuffer
        switch await Self.body(of: request) {
        case .success(let buffer): body = buffer
        case .failure(let error):
            return Self.html(ParticipantPage.waiting(page, message: words.text(error.status == .contentTooLarge ? "send.tooLarge" : "send.incomplete")),
                             status: error.status)
        }
        let form = FormBody(String(buffer: body))
        guard let id = form.value("question"), let question = page.definition.question(id) else {
            return Self.html(ParticipantPage.waiting(page, message: words.text("send.unknownQuestion")), status: .unprocessableContent)
        }
        if form.value("nav") == "skip" { return Self.redirect(Self.next(after: id, page, saved: false), cookie: cookie) }
        guard limiter.allow(token) else {
            return Self.html(ParticipantPage.waiting(page, message: words.text("send.tooMany")),
                             status: .tooManyRequests, cookie: cookie)
        }
        let answer: Answer
        switch ParticipantPage.answer(from: form, for: question) {
        case .failure(let problem):
            return Self.html(await render(page, token: token, requested: id, saved: nil, error: Self.sentence(problem, words: words), typed: form),
                             status: .unprocessableContent, cookie: cookie)
        case .success(let value):
            answer = value
        }
        let submission = Submission(participant: token, question: id, round: page.control.openRound, answer: .value(answer),
                                    channel: .web, receivedAt: Date(), language: page.language)
        switch await intake.submit(submission) {
        case .success:
            return Self.redirect(Self.next(after: id, page, saved: true), cookie: cookie)
        case .failure(let refusal):
            let status = Self.status(of: refusal)
            if status == .conflict {
                return Self.html(ParticipantPage.waiting(page, message: words.text("send.closed")), status: status, cookie: cookie)
            }
            if status == .serviceUnavailable {
                return Self.html(await render(page, token: token, requested: id, saved: nil,
                                              error: words.text("send.notSaved")), status: status, cookie: cookie)
            }
            let message = if case .refused(.invalid(let problem)) = refusal { Self.sentence(problem, words: words) }
                          else { words.text("send.unknownQuestion") }
            return Self.html(await render(page, token: token, requested: id, saved: nil, error: message), status: status, cookie: cookie)
        }
    }

    /// An answer problem as a sentence for a person, in the page's language.
    static func sentence(_ problem: AnswerProblem, words: InterfaceWords) -> String {
        func quoted(_ labels: [String]) -> String { labels.joined(separator: ", ") }
        switch problem {
        case .empty: return words.text("problem.empty")
        case .wrongOption(let label): return words.text("problem.wrongOption", ["option": label])
        case .duplicateChoice(let label): return words.text("problem.duplicateChoice", ["option": label])
        case let .tooManyChoices(allowed, given): return words.text("problem.tooManyChoices", ["allowed": "\(allowed)", "given": "\(given)"])
        case .notANumber(let text): return words.text("problem.notANumber", ["text": text])
        case let .outOfRange(value, range):
            return words.text("problem.outOfRange", ["value": "\(value)", "low": "\(range.lowerBound)", "high": "\(range.upperBound)"])
        case .incompleteRanking(let missing): return words.text("problem.incompleteRanking", ["options": quoted(missing)])
        case let .samePlace(options, place): return words.text("problem.samePlace", ["options": quoted(options), "place": "\(place)"])
        case let .tooManyWords(allowed, given): return words.text("problem.tooManyWords", ["allowed": "\(allowed)", "given": "\(given)"])
        case .tooLong(let limit): return words.text("problem.tooLong", ["count": "\(limit)"])
        case .wrongKind: return words.text("problem.wrongKind")
        }
    }
}
