import PollCore

/// A segment question's groups (e.g. stakeholder groups) and every other question's shift
/// within each group. Described, not tested: tests per group would multiply the chances of a
/// false alarm.
public struct SegmentBreakdown: Sendable, Hashable {
    public var segment: Question
    public var groups: [SegmentGroup]

    public init(segment: Question, groups: [SegmentGroup]) {
        self.segment = segment
        self.groups = groups
    }
}

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

/// Splits a session by a segment question's answers.
enum SegmentAnalysis {
    static func breakdown(by segment: Question, tally: Tally) -> SegmentBreakdown? {
        guard segment.kind == .single || segment.kind == .multi || segment.kind == .likert else { return nil }
        let definition = tally.definition
        // A participant's group is their answer in the first round the segment is asked in,
        // or in a later one when they skipped it there.
        var group: [String: Answer] = [:]
        for round in definition.rounds.filter(segment.isAsked).reversed() {
            for (participant, answer) in tally.tally(round: round, question: segment.id)?.latest ?? [:] {
                group[participant] = answer
            }
        }
        let others = definition.questions.filter { $0.id != segment.id && $0.kind != .text }
        let groups = segment.options.indices.map { option -> SegmentGroup in
            let members = Set(group.filter { RoundAnswers.chose($0.value, option) }.keys)
            let part = tally.restricted(to: members)
            let shifts = others.map { question -> QuestionShift in
                var shift = ShiftAnalysis.shift(of: question, tally: part)
                shift.tests = []
                if shift.note == nil { shift.verdict = .notTested("segments are described, not tested") }
                shift.verdictText = Headline.verdict(shift)
                return shift
            }
            return SegmentGroup(label: segment.options[option], size: members.count, shifts: shifts)
        }
        return SegmentBreakdown(segment: segment, groups: groups)
    }
}
