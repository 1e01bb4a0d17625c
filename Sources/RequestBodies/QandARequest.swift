/// The body of `POST /api/v1/questions`: `{"code", "participant", "text", "name"?, "side"?}`
/// (docs/api.md). `side` is `room` or `online`.
public struct QuestionRequest: Sendable, Equatable {
    public var code: String
    public var participant: String
    public var text: String
    public var name: String?
    public var side: String?

    public init(json bytes: UnsafeRawBufferPointer) throws {
        var code: String?, participant: String?, text: String?, name: String?, side: String?
        try JSONBody.read(bytes) { key, reader in
            switch key {
            case "code": code = try reader.readString()
            case "participant": participant = try reader.readString()
            case "text": text = try reader.readString()
            case "name": name = reader.readNull() ? nil : try reader.readString()
            case "side": side = reader.readNull() ? nil : try reader.readString()
            default: return false
            }
            return true
        }
        self.code = try JSONBody.required(code, "code")
        self.participant = try JSONBody.required(participant, "participant")
        self.text = try JSONBody.required(text, "text")
        self.name = name
        self.side = side
    }
}

/// The body of `POST /api/v1/questions/{id}/vote`: `{"code", "participant", "up"?}`; without
/// `up` the vote toggles (docs/api.md).
public struct VoteRequest: Sendable, Equatable {
    public var code: String
    public var participant: String
    public var up: Bool?

    public init(json bytes: UnsafeRawBufferPointer) throws {
        var code: String?, participant: String?, up: Bool?
        try JSONBody.read(bytes) { key, reader in
            switch key {
            case "code": code = try reader.readString()
            case "participant": participant = try reader.readString()
            case "up": up = reader.readNull() ? nil : try reader.readBool()
            default: return false
            }
            return true
        }
        self.code = try JSONBody.required(code, "code")
        self.participant = try JSONBody.required(participant, "participant")
        self.up = up
    }
}
