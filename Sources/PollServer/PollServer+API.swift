import Foundation
import Hummingbird
import Intake
import PollCore
import RequestBodies

/// The versioned JSON API (docs/api.md).
extension PollServer {
    func apiSession(_ request: Request) async throws -> Response {
        guard matches(request.uri.queryParameters.get("code")) else { return Self.error(.notFound, "no session with that code") }
        let view = SessionView(code: intake.joinCode, engine: await intake.engine)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: view.json)))
    }

    /// `POST /api/v1/participants`: a new participant token, issued by this server (answers
    /// with any other token are refused), within the per-address join limit.
    func apiJoin(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        let body: ByteBuffer
        switch await Self.jsonBody(of: request) {
        case .success(let buffer): body = buffer
        case .failure(let refusal): return refusal.response
        }
        let code: String
        do {
            code = try JoinRequest(json: body).code
        } catch {
            return Self.error(.badRequest, "expected JSON {\"code\"}: \(error)")
        }
        guard JoinCode.normalized(code) == intake.joinCode else { return Self.error(.notFound, "no session with that code") }
        guard let token = join(from: context.clientAddress) else {
            return Self.error(.tooManyRequests, "too many new participants from this address in the last minute; try again in a minute")
        }
        return Self.json(.created, ["participant": token, "code": intake.joinCode])
    }

    /// A response that refuses a request, as an error to return from a body read.
    struct Refusal: Error {
        let response: Response
    }

    /// The body of an API `POST`: it must say it is JSON (415) and be at most `maxBody`
    /// bytes (413, at once when declared) and arrive whole (400).
    static func jsonBody(of request: Request) async -> Result<ByteBuffer, Refusal> {
        guard isJSON(request) else {
            return .failure(Refusal(response: error(.unsupportedMediaType, "send JSON with the header Content-Type: application/json")))
        }
        switch await body(of: request) {
        case .success(let buffer): return .success(buffer)
        case .failure(let failure) where failure.status == .contentTooLarge:
            return .failure(Refusal(response: error(.contentTooLarge, "the body is larger than \(maxBody) bytes")))
        case .failure:
            return .failure(Refusal(response: error(.badRequest, "the body was cut off")))
        }
    }

    func apiAnswer(_ request: Request) async throws -> Response {
        let body: ByteBuffer
        switch await Self.jsonBody(of: request) {
        case .success(let buffer): body = buffer
        case .failure(let refusal): return refusal.response
        }
        let parsed: AnswerRequest
        do {
            parsed = try AnswerRequest(json: body)
        } catch {
            return Self.error(.badRequest, "expected JSON {\"code\", \"participant\", \"question\", \"answer\"[, \"round\"]}: \(error)")
        }
        guard JoinCode.normalized(parsed.code) == intake.joinCode else { return Self.error(.notFound, "no session with that code") }
        guard tokens.isIssued(parsed.participant) else {
            return Self.error(.forbidden, "participant must be a token this server issued: get one with POST /api/v1/participants")
        }
        guard limiter.allow(parsed.participant) else { return Self.error(.tooManyRequests, "too many answers from this participant; slow down") }
        guard let question = intake.definition.question(parsed.question) else {
            return Self.error(.unprocessableContent, "the poll has no question `\(parsed.question)`")
        }
        guard let encoded = parsed.answer.encoded(for: question) else {
            return Self.error(.unprocessableContent, "a \(question.kind.rawValue) answer is not a list")
        }
        let submission = Submission(participant: parsed.participant, question: question.id, round: parsed.round,
                                    answer: .encoded(encoded), channel: .web, receivedAt: Date())
        switch await intake.submit(submission) {
        case .success(let response):
            return Self.json(.created, ["status": "recorded", "participant": response.participant, "question": response.question,
                                        "round": response.round, "answer": AnswerCodec.encode(response.answer, for: question)])
        case .failure(let refusal):
            return Self.error(Self.status(of: refusal), refusal.description)
        }
    }

    func apiEvents(_ request: Request, _ context: RoomRequestContext) async throws -> Response {
        guard matches(request.uri.queryParameters.get("code")) else { return Self.error(.notFound, "no session with that code") }
        // Whose live page this is (the participant cookie pages carry): who is connected now. The
        // wall page says it is one (`watch=wall`): its browser may hold a participant's cookie too.
        let participant = request.uri.queryParameters.get("watch") == "wall" ? nil : issuedToken(request)
        guard let stream = hub.subscribe(from: context.clientAddress, participant: participant) else {
            var response = Self.error(.serviceUnavailable, "too many live connections; the page still works without them")
            response.headers[.retryAfter] = "30"
            return response
        }
        // A client that went away is noticed when a write to it fails (a keep-alive comment
        // goes out every `keepAlive`): then the stream ends and its place is free again.
        let first = "event: session\ndata: \(SessionView(code: intake.joinCode, engine: await intake.engine).json)\n\n"
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: first))
                for await frame in stream { try await writer.write(ByteBuffer(string: frame)) }
                try await writer.finish(nil)
            }
        )
    }
}
