/// The seven kinds of question a poll can ask.
public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// One option.
    case single
    /// Up to `max` options.
    case multi
    /// An ordered agree scale (5 points by default, labels overridable).
    case likert
    /// An integer from `min` to `max`, e.g. 0–10.
    case scale
    /// Every option, in order of preference.
    case ranking
    /// Up to three short words (a word cloud).
    case words
    /// Free text: shown, never tested.
    case text

    /// Whether the question lists options in the poll file (`options:`).
    public var takesOptions: Bool {
        switch self {
        case .single, .multi, .ranking: return true
        case .likert, .scale, .words, .text: return false
        }
    }

    /// Whether an answer is one of a fixed list of choices (option or likert label).
    public var isChoice: Bool {
        switch self {
        case .single, .multi, .likert: return true
        case .scale, .ranking, .words, .text: return false
        }
    }
}
