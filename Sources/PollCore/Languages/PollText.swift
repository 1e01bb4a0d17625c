/// A poll's own words in one of its languages other than the main one.
public struct PollText: Sendable, Hashable, Codable {
    public var title: String
    public var event: String?

    public init(title: String, event: String? = nil) {
        self.title = title
        self.event = event
    }
}

/// A question's words in one of the poll's languages other than the main one: its prompt and
/// its options (or likert labels) in the same order as the main language's.
public struct QuestionText: Sendable, Hashable, Codable {
    public var ask: String
    public var options: [String]

    public init(ask: String, options: [String] = []) {
        self.ask = ask
        self.options = options
    }
}
