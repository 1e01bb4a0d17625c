/// Where a round stands: not yet opened, open for answers, or closed.
public enum RoundPhase: String, Sendable, Hashable, Codable {
    case pending
    case open
    case closed
}
