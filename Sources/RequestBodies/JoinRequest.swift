/// The body of `POST /api/v1/participants`: `{"code": "K7M2QX"}` (docs/api.md).
public struct JoinRequest: Sendable, Equatable {
    public var code: String

    /// Reads a request body's bytes.
    public init(json bytes: UnsafeRawBufferPointer) throws {
        self = try {
            var reader = JSONReader(bytes)
            do {
                var code: String?
                try reader.beginObject()
                var first = true
                while let key = try reader.nextKey(first: first) {
                    first = false
                    if key == "code" {
                        guard code == nil else { throw AnswerRequest.Invalid(description: "`code` is given twice") }
                        code = try reader.readString()
                    } else {
                        try reader.skipValue()
                    }
                }
                try reader.finish()
                guard let code else { throw AnswerRequest.Invalid(description: "missing `code`") }
                return JoinRequest(code: code)
            } catch let failure as JSONReader.Failure {
                throw AnswerRequest.Invalid(description: failure.description)
            }
        }()
    }

    public init(code: String) {
        self.code = code
    }
}
