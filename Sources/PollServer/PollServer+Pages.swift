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
        if let value = request.cookies[Self.cookieName(code)]?.value, tokens.isIssued(value) { return (value, nil) }
        guard let token = join(from: context.clientAddress) else { return nil }
        return (token, Cookie(name: Self.cookieName(code), value: token, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax))
    }

    static func tooManyJoins(_ page: ParticipantPage.Context) -> Response {
        html(ParticipantPage.waiting(page, message: "Very many people joined from your network just now. Wait a minute, then reload this page."),
             status: .tooManyRequests)
    }

    func context() async -> ParticipantPage.Context {
        let engine = await intake.engine
        var context = ParticipantPage.Context(code: intake.joinCode, definition: engine.definition, control: engine.control,
                                              followKey: ParticipantPage.followKey(engine.control))
        if let shown = engine.control.shown, engine.definition.showsResultsOnPhones,
           let question = engine.control.currentQuestion.flatMap(engine.definition.question) {
            context.onTheWall = PhoneResults.section(question, shown: shown, tallies: await intake.tallies(of: question.id))
        }
        return context
    }

    static let unknownCode = "No poll with that code is running here. Check the code on the screen."

    /// The wall page (read only; it issues no participant token).
    func wallPage(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        guard matches(context.parameters.get("code")) else {
            return Self.html(ParticipantPage.join(error: Self.unknownCode), status: .notFound)
        }
        let page = await self.context()
        let base = options.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
            ?? request.head.authority.map { "http://\($0)" } ?? ""
        return Self.html(WallPage.render(page, joinURL: "\(base)/j/\(page.code)", answering: await qandA.board.answering))
    }

    func page(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        guard matches(context.parameters.get("code")) else {
            return Self.html(ParticipantPage.join(error: Self.unknownCode), status: .notFound)
        }
        let page = await self.context()
        guard let (token, cookie) = participant(request, context, code: page.code) else { return Self.tooManyJoins(page) }
        let saved = request.uri.queryParameters.get("saved")
        return Self.html(await render(page, token: token, requested: request.uri.queryParameters.get("q"), saved: saved,
                                      error: nil), cookie: cookie)
    }

    /// The page for the participant now: the question asked, the round's next question, or a
    /// waiting or done message.
    /// `typed`: a refused form, whose choices are shown again rather than the stored answer.
    func render(_ page: ParticipantPage.Context, token: String, requested: String?, saved: String?, error: String?,
                typed: FormBody? = nil) async -> String {
        guard let round = page.control.openRound else {
            return ParticipantPage.waiting(page, message: "The poll opens soon.", live: "This page follows the facilitator by itself.",
                                           still: "Check again when the facilitator opens it.")
        }
        let answers = await intake.latestAnswers(of: token, in: round)
        func current(_ question: Question) -> Answer? { answers[question.id] }
        if page.control.pace == .presenter {
            guard page.control.votingOpen, let question = page.control.currentQuestion.flatMap(page.definition.question),
                  question.isAsked(in: round) else {
                return ParticipantPage.waiting(page, message: "Waiting for the next question…")
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
            return Self.html(ParticipantPage.join(error: Self.unknownCode), status: .notFound)
        }
        let page = await self.context()
        guard isSameOrigin(request) else {
            return Self.html(ParticipantPage.waiting(page, message: "This answer was sent from another web site, so it was not recorded. "
                                                     + "Answer on this page instead."), status: .forbidden)
        }
        guard let (token, cookie) = participant(request, context, code: page.code) else { return Self.tooManyJoins(page) }
        let body: ByteBuffer
        switch await Self.body(of: request) {
        case .success(let buffer): body = buffer
        case .failure(let error):
            return Self.html(ParticipantPage.waiting(page, message: error.status == .contentTooLarge
                                ? "That answer is too long to send." : "The answer did not arrive whole; please send it again."),
                             status: error.status)
        }
        let form = FormBody(String(buffer: body))
        guard let id = form.value("question"), let question = page.definition.question(id) else {
            return Self.html(ParticipantPage.waiting(page, message: "That question is not part of this poll."), status: .unprocessableContent)
        }
        if form.value("nav") == "skip" { return Self.redirect(Self.next(after: id, page, saved: false), cookie: cookie) }
        guard limiter.allow(token) else {
            return Self.html(ParticipantPage.waiting(page, message: "Too many answers at once — wait a moment and send again."),
                             status: .tooManyRequests, cookie: cookie)
        }
        let answer: Answer
        switch ParticipantPage.answer(from: form, for: question) {
        case .failure(let problem):
            return Self.html(await render(page, token: token, requested: id, saved: nil, error: Self.sentence(problem), typed: form),
                             status: .unprocessableContent, cookie: cookie)
        case .success(let value):
            answer = value
        }
        let submission = Submission(participant: token, question: id, round: page.control.openRound, answer: .value(answer),
                                    channel: .web, receivedAt: Date())
        switch await intake.submit(submission) {
        case .success:
            return Self.redirect(Self.next(after: id, page, saved: true), cookie: cookie)
        case .failure(let refusal):
            let status = Self.status(of: refusal)
            if status == .conflict {
                return Self.html(ParticipantPage.waiting(page, message: "Voting on this question has closed."), status: status, cookie: cookie)
            }
            if status == .serviceUnavailable {
                return Self.html(await render(page, token: token, requested: id, saved: nil,
                                              error: "Your answer could not be saved. Please send it again."), status: status, cookie: cookie)
            }
            return Self.html(await render(page, token: token, requested: id, saved: nil, error: refusal.description),
                             status: status, cookie: cookie)
        }
    }

    /// An answer problem as a sentence for a person.
    static func sentence(_ problem: AnswerProblem) -> String {
        switch problem {
        case .empty: return "Please choose or type an answer (or skip the question)."
        case let .samePlace(options, place):
            return options.map { "“\($0)”" }.joined(separator: " and ") + " \(options.count == 2 ? "both" : "all") have place \(place): "
                + "give each option a different place."
        case .incompleteRanking(let missing):
            return "Give every option a place: " + missing.map { "“\($0)”" }.joined(separator: ", ") + " \(missing.count == 1 ? "has" : "have") none."
        default:
            let text = problem.description
            return text.prefix(1).uppercased() + text.dropFirst() + "."
        }
    }
}
