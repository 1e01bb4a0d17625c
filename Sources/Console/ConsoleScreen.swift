/// The screens of the console.
public enum ConsoleScreen: Sendable, Hashable {
    /// Title, rounds, join code and participant count.
    case lobby
    /// Audience pace: every question of the open round with its answer count.
    case progress
    /// The current question; its results when revealed or closed.
    case question
    /// The current question's rounds side by side with the change.
    case compare
    /// Every question, clear shifts first.
    case summary
    /// A voter answers at the room terminal.
    case kiosk
    /// The facilitator types in show-of-hands counts.
    case hands
    /// The audience Q&A: the room's and the online questions side by side, with the clocks.
    case qandA
}
