import PollCore

/// A segment question's groups (e.g. stakeholder groups) and every other question's shift
/// within each group. Described, not tested: tests per group would multiply the chances of a
/// false alarm.
public struct SegmentBreakdown: Sendable, Hashable {
    public var segment: Question
    public var groups: [SegmentGroup]
    /// Per question, whether the groups moved differently (exploratory; none for a multiple-
    /// choice segment, whose groups overlap).
    public var comparisons: [GroupComparison] = []

    public init(segment: Question, groups: [SegmentGroup]) {
        self.segment = segment
        self.groups = groups
    }
}
