/// The body of `POST /api/v1/participants`: `{"code": "K7M2QX"}` (docs/api.md).
public struct JoinRequest: Sendable, Equatable {
    public var code: String

    /// Reads a request body's bytes.
    public init(json bytes: UnsafeRawBufferPointer) throws {
        var code: String?
        try JSONBody.read(bytes) { key, reader in
            guard key == "code" else { return false }
            code = try reader.readString()
            return true
        }
        self.code = try JSONBody.required(code, "code")
    }

    public init(code: String) {
        self.code = code
    }
}
