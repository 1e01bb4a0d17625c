/// One part of a session's agenda (poll key `agenda:`): its name, its planned minutes, and
/// the round it opens, if any ("Closing round: press c" when it begins).
public struct AgendaPart: Sendable, Hashable, Codable {
    public var name: String
    public var minutes: Int
    public var opens: String?

    public init(name: String, minutes: Int, opens: String? = nil) {
        self.name = name
        self.minutes = minutes
        self.opens = opens
    }
}
