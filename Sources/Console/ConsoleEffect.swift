import PollCore

/// What the console asks the shell to do.
public enum ConsoleEffect: Sendable, Hashable {
    /// Apply a facilitator event to the session (through the intake and the store).
    case session(SessionEvent)
    /// Store a kiosk voter's answer to a question of `round`; the result comes back as
    /// `kioskStored` or `kioskRefused`.
    /// `language`: the one the kiosk showed the question in.
    case submitKiosk(participant: String, round: String, question: String, answer: Answer, language: String)
    /// Store show-of-hands counts; the result comes back as `handsSaved` or `failed`.
    case saveHands(round: String, question: String, counts: [Int])
    /// Store a Q&A change (moderation, a relayed question); the board comes back as
    /// `qandAChanged`, a failure as `failed`.
    case qandA(QandAChange)
    /// Start the agenda or move on to its next part, stamped with the time now (the shell's clock).
    case nextAgendaPart
    /// Leave the console.
    case quit
}
