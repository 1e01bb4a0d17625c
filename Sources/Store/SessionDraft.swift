import Foundation
import PollCore

/// What is needed to create a session: its name and the poll snapshot it runs.
public struct SessionDraft: Sendable, Hashable {
    public var name: String
    public var definition: PollDefinition
    /// The poll file's text as read, kept for the record.
    public var source: String
    public var control: SessionControl
    public var createdAt: Date

    public init(name: String, definition: PollDefinition, source: String, control: SessionControl, createdAt: Date) {
        self.name = name
        self.definition = definition
        self.source = source
        self.control = control
        self.createdAt = createdAt
    }
}
