import PollCore

/// Splits a session by a segment question's answers.
enum SegmentAnalysis {
    /// The groups of `segment`, every other question within each, and, when the groups do not
    /// overlap (one answer each), whether they moved differently on each of `room`'s questions.
    static func breakdown(by segment: Question, tally: Tally, room: [QuestionShift] = []) -> SegmentBreakdown? {
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
        let parts = segment.options.indices.map { option in
            tally.restricted(to: Set(group.filter { RoundAnswers.chose($0.value, option) }.keys))
        }
        let groups = segment.options.indices.map { option -> SegmentGroup in
            let part = parts[option]
            let shifts = others.map { ShiftAnalysis.shift(of: $0, tally: part, tests: false) }.filter { $0.rounds.count >= 2 }
            return SegmentGroup(label: segment.options[option], size: group.values.filter { RoundAnswers.chose($0, option) }.count, shifts: shifts)
        }
        var breakdown = SegmentBreakdown(segment: segment, groups: groups)
        // A multiple-choice segment's groups overlap: comparing them would count people twice.
        if segment.kind != .multi {
            let labelled = zip(segment.options, parts).map { (label: $0, tally: $1) }
            breakdown.comparisons = room.filter { others.contains($0.question) }.compactMap { GroupComparison.of($0, groups: labelled) }
        }
        return breakdown
    }
}
