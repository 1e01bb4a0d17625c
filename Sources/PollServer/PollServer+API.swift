import Foundation
import Hummingbird
import Intake
import PollCore

/// The versioned JSON API (docs/api.md).
extension PollServer {
    func apiSession(_ request: Request) async throws -> Response {
        guard matches(request.uri.queryParameters.get("code")) else { return Self.error(.notFound, "no session with that code") }
        let view = SessionView(code: intake.joinCode, engine: await intake.engine)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: view.json)))
    }

    func apiAnswer(_ request: Request) async throws -> Response {
        let body: ByteBuffer
        switch await Self.body(of: request) {
        case .success(let buffer): body = buffer
        case .failure(let error) where error.status == .contentTooLarge:
            return Self.error(.contentTooLarge, "the body is larger than \(Self.maxBody) bytes")
        case .failure:
            return Self.error(.badRequest, "the body was cut off")
        }
        let parsed: AnswerRequest
        do {
            parsed = try AnswerRequest(json: body)
        } catch {
            return Self.error(.badRequest, "expected JSON {\"code\", \"participant\", \"question\", \"answer\"[, \"round\"]}: \(error)")
        }
        guard JoinCode.normalized(parsed.code) == intake.joinCode else { return Self.error(.notFound, "no session with that code") }
        guard ParticipantToken.isValid(parsed.participant) else {
            return Self.error(.badRequest, "participant must be a random token of 22 to 64 URL-safe characters (A–Z a–z 0–9 - _)")
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

    func apiEvents(_ request: Request) async throws -> Response {
        guard matches(request.uri.queryParameters.get("code")) else { return Self.error(.notFound, "no session with that code") }
        let first = "event: session\ndata: \(SessionView(code: intake.joinCode, engine: await intake.engine).json)\n\n"
        let stream = hub.subscribe()
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
