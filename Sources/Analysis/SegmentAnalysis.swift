import PollCore

/// Splits a session by a segment question's answers.
enum SegmentAnalysis {
    static func breakdown(by segment: Question, tally: Tally) -> SegmentBreakdown? {
        guard segment.kind == .single || segment.kind == .multi || segment.kind == .likert else { return nil }
        let definition = tally.definition
        // A participant's group is their answer in the first round the segment is asked in,
        // or in a later one when they skipped it there.
        var group: [String: Answer] = [:]
        for round in definition.rounds.filter(segment.isAsked).reversed() {
            for (participant, entry) in tally.tally(round: round, question: segment.id)?.entries ?? [:] {
                group[participant] = entry.answer
            }
        }
        let others = definition.questions.filter { $0.id != segment.id && $0.kind != .text && !$0.segment }
        let groups = segment.options.indices.map { option -> SegmentGroup in
            let members = Set(group.filter { RoundAnswers.chose($0.value, option) }.keys)
            let part = tally.restricted(to: members)
            let shifts = others.map { ShiftAnalysis.shift(of: $0, tally: part, tests: false) }.filter { $0.rounds.count >= 2 }
            return SegmentGroup(label: segment.options[option], size: members.count, shifts: shifts)
        }
        return SegmentBreakdown(segment: segment, groups: groups)
    }
}
