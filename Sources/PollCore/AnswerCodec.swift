import Foundation

/// Converts answers to and from their one-line text form — the import encoding used by CSV
/// import and export and the JSON API — and checks them against their question.
///
/// `single`/`likert`: an option label or its 1-based number; `multi`: labels joined by `;`;
/// `scale`: an integer; `ranking`: every label in order joined by `>`; `words`: up to three
/// words joined by `;`; `text`: free text.
public enum AnswerCodec {
    /// Reads `text` as an answer to `question`, or says why it does not fit.
    public static func decode(_ text: String, for question: Question) throws(AnswerProblem) -> Answer {
        let trimmed = TextCleaner.clean(text)
        guard !trimmed.isEmpty else { throw .empty }
        let answer: Answer
        switch question.kind {
        case .single, .likert:
            answer = .choice(try index(of: trimmed, in: question, allowNumber: true))
        case .multi:
            answer = .choices(try parts(trimmed, by: ";").map { label throws(AnswerProblem) in
                try index(of: label, in: question, allowNumber: false)
            }.sorted())
            if case .choices(let picked) = answer, Set(picked).count != picked.count {
                let repeated = picked.first { item in picked.filter { $0 == item }.count > 1 }!
                throw .duplicateChoice(question.options[repeated])
            }
        case .scale:
            guard let value = Int(trimmed) else { throw .notANumber(trimmed) }
            answer = .number(value)
        case .ranking:
            answer = .order(try parts(trimmed, by: ">").map { label throws(AnswerProblem) in
                try index(of: label, in: question, allowNumber: false)
            })
        case .words:
            answer = .words(parts(trimmed, by: ";"))
        case .text:
            answer = .text(trimmed)
        }
        try validate(answer, for: question)
        return answer
    }

    /// The text form of a valid `answer` to `question`.
    public static func encode(_ answer: Answer, for question: Question) -> String {
        switch answer {
        case .choice(let i): return question.options[i]
        case .choices(let picked): return picked.map { question.options[$0] }.joined(separator: ";")
        case .number(let value): return String(value)
        case .order(let order): return order.map { question.options[$0] }.joined(separator: ">")
        case .words(let words): return words.joined(separator: ";")
        case .text(let text): return text
        }
    }

    /// Checks an answer built elsewhere (e.g. from JSON) against its question.
    public static func validate(_ answer: Answer, for question: Question) throws(AnswerProblem) {
        let count = question.options.count
        func label(_ i: Int) -> String { question.options.indices.contains(i) ? question.options[i] : "#\(i + 1)" }
        switch (question.kind, answer) {
        case (.single, .choice(let i)), (.likert, .choice(let i)):
            guard (0..<count).contains(i) else { throw .wrongOption(label(i)) }
        case (.multi, .choices(let picked)):
            guard !picked.isEmpty else { throw .empty }
            if let bad = picked.first(where: { !(0..<count).contains($0) }) { throw .wrongOption(label(bad)) }
            if Set(picked).count != picked.count { throw .duplicateChoice(label(picked.first { p in picked.filter { $0 == p }.count > 1 }!)) }
            guard picked.count <= question.maxChoices else {
                throw .tooManyChoices(allowed: question.maxChoices, given: picked.count)
            }
        case (.scale, .number(let value)):
            guard question.scaleRange.contains(value) else { throw .outOfRange(value: value, range: question.scaleRange) }
        case (.ranking, .order(let order)):
            if let bad = order.first(where: { !(0..<count).contains($0) }) { throw .wrongOption(label(bad)) }
            if Set(order).count != order.count { throw .duplicateChoice(label(order.first { p in order.filter { $0 == p }.count > 1 }!)) }
            let missing = (0..<count).filter { !order.contains($0) }
            guard missing.isEmpty else { throw .incompleteRanking(missing: missing.map(label)) }
        case (.words, .words(let words)):
            guard !words.isEmpty, words.allSatisfy({ !$0.isEmpty }) else { throw .empty }
            guard words.count <= Question.maxWords else { throw .tooManyWords(allowed: Question.maxWords, given: words.count) }
            guard words.allSatisfy({ $0.count <= Question.maxWordLength && !$0.contains(";") }) else {
                throw .tooLong(limit: Question.maxWordLength)
            }
        case (.text, .text(let text)):
            guard !text.isEmpty else { throw .empty }
            guard text.count <= Question.maxTextLength else { throw .tooLong(limit: Question.maxTextLength) }
        default:
            throw .wrongKind(expected: question.kind)
        }
    }

    /// A structured answer in canonical form: text cleaned, multi choices in ascending order.
    public static func normalized(_ answer: Answer) -> Answer {
        switch answer {
        case .choices(let picked): return .choices(picked.sorted())
        case .words(let words): return .words(words.map(TextCleaner.clean).filter { !$0.isEmpty })
        case .text(let text): return .text(TextCleaner.clean(text))
        case .choice, .number, .order: return answer
        }
    }

    private static func parts(_ text: String, by separator: Character) -> [String] {
        text.split(separator: separator, omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private static func index(of label: String, in question: Question, allowNumber: Bool) throws(AnswerProblem) -> Int {
        if let i = question.options.firstIndex(of: label) { return i }
        if let i = question.options.firstIndex(where: { $0.caseInsensitiveCompare(label) == .orderedSame }) { return i }
        if allowNumber, let number = Int(label), (1...question.options.count).contains(number) { return number - 1 }
        throw .wrongOption(label)
    }
}
