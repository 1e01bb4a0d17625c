import Hummingbird

/// The body of `POST /api/v1/participants`: `{"code": "K7M2QX"}` (docs/api.md).
struct JoinRequest: Sendable, Equatable {
    var code: String

    init(json body: ByteBuffer) throws {
        self = try body.withUnsafeReadableBytes { bytes in
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
        }
    }

    init(code: String) {
        self.code = code
    }
}
