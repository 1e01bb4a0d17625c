/// A one-line message at the bottom of the screen.
public struct Banner: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, error }
    public var text: String
    public var kind: Kind

    public init(_ text: String, kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}
