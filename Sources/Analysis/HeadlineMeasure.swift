import PollCore

/// The number a question's headline is about, per answer: whether it chose the headline option
/// (1 or 0, shown as a percent), a likert position or scale value, or the rank of the leading
/// option. Groups and sessions are compared on the room's (or the sessions') measure.
struct HeadlineMeasure: Sendable {
    let question: Question
    /// The headline option's index (choice kinds, ranking).
    let option: Int?
    let unit: HeadlineValue.Unit
    /// "“Yes”", "mean", "“Courts” mean rank", as `HeadlineValue.measure`.
    let name: String

    /// The measure `shift`'s headline uses, about `option` (its own headline option when nil);
    /// nil for words and free text.
    init?(_ shift: QuestionShift, option label: String? = nil) {
        let question = shift.question
        let label = label ?? shift.headlineOption
        switch question.kind {
        case .single, .multi:
            guard let label, let k = question.options.firstIndex(of: label) else { return nil }
            (option, unit, name) = (k, .percent, "“\(label)”")
        case .likert, .scale:
            (option, unit, name) = (nil, .mean, question.kind == .likert ? "mean position" : "mean")
        case .ranking:
            guard let label, let k = question.options.firstIndex(of: label) else { return nil }
            (option, unit, name) = (k, .meanRank, "“\(label)” mean rank")
        case .words, .text:
            return nil
        }
        self.question = question
    }

    /// Percent measures are shown ×100.
    var scale: Double { unit == .percent ? 100 : 1 }

    func value(_ answer: Answer) -> Double? {
        switch question.kind {
        case .single, .multi:
            guard let option else { return nil }
            switch answer {
            case .choice, .choices: return RoundAnswers.chose(answer, option) ? 1 : 0
            default: return nil
            }
        case .likert, .scale: return RoundAnswers.position(answer)
        case .ranking: return option.flatMap { RoundAnswers.position(answer, option: $0) }
        case .words, .text: return nil
        }
    }
}
