/// How the questions of an open round accept answers.
public enum Pace: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every question of the open round accepts answers at once; each participant goes at
    /// their own speed. The default: people arrive over several minutes.
    case audience
    /// Only the question the facilitator has opened accepts answers.
    case presenter
}
