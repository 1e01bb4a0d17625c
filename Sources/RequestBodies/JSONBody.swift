/// Reads a request body that is one JSON object (the API's small requests), with its
/// failures said as `AnswerRequest.Invalid`.
enum JSONBody {
    static func read(_ bytes: UnsafeRawBufferPointer, _ field: (String, inout JSONReader) throws -> Bool) throws {
        var reader = JSONReader(bytes)
        do {
            try reader.readObject(field)
        } catch let failure as JSONReader.Failure {
            throw AnswerRequest.Invalid(description: failure.description)
        }
    }

    static func required<Value>(_ value: Value?, _ key: String) throws -> Value {
        guard let value else { throw AnswerRequest.Invalid(description: "missing `\(key)`") }
        return value
    }
}
