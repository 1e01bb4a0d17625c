import PollCore

/// A response as stored, with its place in the audit trail.
public struct StoredResponse: Sendable, Hashable {
    public var id: Int64
    public var response: Response
    /// The id of the response that replaced this one, if the participant answered again.
    public var supersededBy: Int64?

    public init(id: Int64, response: Response, supersededBy: Int64?) {
        self.id = id
        self.response = response
        self.supersededBy = supersededBy
    }
}
