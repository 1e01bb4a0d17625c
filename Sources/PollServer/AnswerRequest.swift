import Hummingbird

/// The body of `POST /api/v1/answers` (docs/api.md). Unknown keys are skipped; one of its own
/// keys given twice is refused rather than guessed at.
struct AnswerRequest: Sendable, Equatable {
    var code: String
    var participant: String
    var question: String
    /// Optional: the round the answer is for (default: the open round).
    var round: String?
    var answer: AnswerJSON

    /// Why a body is not an answer request.
    struct Invalid: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    init(json body: ByteBuffer) throws {
        self = try body.withUnsafeReadableBytes { bytes in
            var reader = JSONReader(bytes)
            do {
                return try AnswerRequest(reading: &reader)
            } catch let failure as JSONReader.Failure {
                throw Invalid(description: failure.description)
            }
        }
    }

    private init(reading reader: inout JSONReader) throws {
        var code: String?, participant: String?, question: String?, round: String??, answer: AnswerJSON?
        try reader.beginObject()
        var first = true
        while let key = try reader.nextKey(first: first) {
            first = false
            func once<Value>(_ field: inout Value?, _ read: (inout JSONReader) throws -> Value) throws {
                guard field == nil else { throw Invalid(description: "`\(key)` is given twice") }
                field = try read(&reader)
            }
            switch key {
            case "code": try once(&code) { try $0.readString() }
            case "participant": try once(&participant) { try $0.readString() }
            case "question": try once(&question) { try $0.readString() }
            case "round": try once(&round) { $0.readNull() ? nil : try $0.readString() }
            case "answer": try once(&answer) { try AnswerJSON(reading: &$0) }
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        let missing = [("code", code == nil), ("participant", participant == nil), ("question", question == nil), ("answer", answer == nil)]
            .filter(\.1).map { "`\($0.0)`" }
        guard missing.isEmpty, let code, let participant, let question, let answer else {
            throw Invalid(description: "missing \(missing.joined(separator: ", "))")
        }
        self.init(code: code, participant: participant, question: question, round: round ?? nil, answer: answer)
    }

    init(code: String, participant: String, question: String, round: String?, answer: AnswerJSON) {
        self.code = code
        self.participant = participant
        self.question = question
        self.round = round
        self.answer = answer
    }
}
