import Foundation

/// What a report says about the session it describes.
public struct SessionInfo: Sendable, Hashable {
    public var name: String
    public var pollTitle: String
    public var event: String?
    public var createdAt: Date

    public init(name: String, pollTitle: String, event: String?, createdAt: Date) {
        self.name = name
        self.pollTitle = pollTitle
        self.event = event
        self.createdAt = createdAt
    }
}
