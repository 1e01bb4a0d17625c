/// The participants who gave one answer to a segment question, and their shifts.
public struct SegmentGroup: Sendable, Hashable {
    public var label: String
    /// Participants in the group.
    public var size: Int
    public var shifts: [QuestionShift]

    public init(label: String, size: Int, shifts: [QuestionShift]) {
        self.label = label
        self.size = size
        self.shifts = shifts
    }
}
