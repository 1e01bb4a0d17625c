import Foundation
import PollCore

/// A stored session: its poll snapshot, control state and join code.
public struct SessionRecord: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var definition: PollDefinition
    public var source: String
    public var control: SessionControl
    /// Bumped on every control change, so other processes can tell something moved.
    public var revision: Int64
    public var joinCode: String
    public var createdAt: Date
    /// The session's secret (hex): the server signs the participant tokens it issues with it,
    /// so it can tell its own tokens from made-up ones without storing them. Never shown.
    public var secret: String

    public init(id: Int64, name: String, definition: PollDefinition, source: String, control: SessionControl,
                revision: Int64, joinCode: String, createdAt: Date, secret: String) {
        self.id = id
        self.name = name
        self.definition = definition
        self.source = source
        self.control = control
        self.revision = revision
        self.joinCode = joinCode
        self.createdAt = createdAt
        self.secret = secret
    }
}
