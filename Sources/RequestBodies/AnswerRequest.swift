/// The body of `POST /api/v1/answers` (docs/api.md). Unknown keys are skipped; one of its own
/// keys given twice is refused rather than guessed at.
public struct AnswerRequest: Sendable, Equatable {
    public var code: String
    public var participant: String
    public var question: String
    /// Optional: the round the answer is for (default: the open round).
    public var round: String?
    public var answer: AnswerJSON

    /// Why a body is not the request expected.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a request body's bytes.
    public init(json bytes: UnsafeRawBufferPointer) throws {
        var reader = JSONReader(bytes)
        do {
            self = try AnswerRequest(reading: &reader)
        } catch let failure as JSONReader.Failure {
            throw Invalid(description: failure.description)
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

    public init(code: String, participant: String, question: String, round: String?, answer: AnswerJSON) {
        self.code = code
        self.participant = participant
        self.question = question
        self.round = round
        self.answer = answer
    }
}
