import NIOCore
import RequestBodies

extension AnswerRequest {
    /// Reads a request body.
    init(json body: ByteBuffer) throws {
        self = try body.withUnsafeReadableBytes { try AnswerRequest(json: $0) }
    }
}

extension JoinRequest {
    /// Reads a request body.
    init(json body: ByteBuffer) throws {
        self = try body.withUnsafeReadableBytes { try JoinRequest(json: $0) }
    }
}

extension QuestionRequest {
    init(json body: ByteBuffer) throws {
        self = try body.withUnsafeReadableBytes { try QuestionRequest(json: $0) }
    }
}

extension VoteRequest {
    init(json body: ByteBuffer) throws {
        self = try body.withUnsafeReadableBytes { try VoteRequest(json: $0) }
    }
}
