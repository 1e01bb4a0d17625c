import Foundation

/// What a database holds of one session (`roompoll sessions --details`, and what `delete`
/// names before it deletes): how many participants, answers, hand counts and Q&A entries,
/// and the span of time they were stored in.
public struct StoredAmounts: Sendable, Hashable {
    /// Participant tokens stored (everyone who answered or asked anything).
    public var participants = 0
    /// Every stored answer, replaced ones included, and the current ones among them.
    public var responses = 0
    public var currentResponses = 0
    /// Show-of-hands counts (one per question and round).
    public var handCounts = 0
    /// Q&A questions asked, and every entry of the Q&A log (questions, votes, moderation).
    public var qandAQuestions = 0
    public var qandAEntries = 0
    /// The first and the last time anything of the session was stored (answers, hand counts,
    /// Q&A); nil when nothing was.
    public var first: Date?
    public var last: Date?

    public init() {}

    /// The session's last activity: the time of the last thing stored (an imported answer keeps
    /// the time it was given), or its creation when nothing was.
    public func lastActivity(createdAt: Date) -> Date {
        last ?? createdAt
    }
}
