/// The shift of `words` questions: words used only in the last round, and only in the first,
/// most used first. Described, not tested.
enum WordsAnalysis {
    static func complete(_ shift: inout QuestionShift, _ answers: RoundAnswers) {
        let before = answers.first.wordCounts, after = answers.last.wordCounts
        shift.newWords = after.filter { before[$0.key] == nil }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        shift.vanishedWords = before.filter { after[$0.key] == nil }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }
}
