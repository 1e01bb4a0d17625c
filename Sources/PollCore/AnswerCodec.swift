import Foundation

/// Converts answers to and from their one-line text form — the import encoding used by CSV
/// import and export, the store and the JSON API — and checks them against their question.
///
/// `single`/`likert`: an option label or its 1-based number; `multi`: labels joined by `;`;
/// `scale`: an integer; `ranking`: every label in order joined by `>`; `words`: up to three
/// words joined by `;`; `text`: free text. Labels are read in any of a translated poll's
/// languages and written in its main language.
public enum AnswerCodec {
    /// Reads participant text as an answer to `question`: cleaned, parsed and checked.
    public static func decode(_ text: String, for question: Question) throws(AnswerProblem) -> Answer {
        let answer = try parse(TextCleaner.clean(text), for: question)
        try validate(answer, for: question)
        return answer
    }

    /// Reads the text form back into an answer without checking limits: for answers that were
    /// checked when they arrived (stored ones), so a later, stricter rule never makes old
    /// sessions unreadable. Fails only when the text does not name the question's options.
    public static func parse(_ text: String, for question: Question) throws(AnswerProblem) -> Answer {
        guard !text.isEmpty else { throw .empty }
        switch question.kind {
        case .single, .likert:
            return .choice(try index(of: text, in: question, allowNumber: true))
        case .multi:
            return .choices(try parts(text, by: ";").map { label throws(AnswerProblem) in
                try index(of: label, in: question, allowNumber: false)
            }.sorted())
        case .scale:
            guard let value = Int(TextCleaner.trimmed(text)) else { throw .notANumber(text) }
            return .number(value)
        case .ranking:
            return .order(try parts(text, by: ">").map { label throws(AnswerProblem) in
                try index(of: label, in: question, allowNumber: false)
            })
        case .words:
            return .words(parts(text, by: ";"))
        case .text:
            return .text(text)
        }
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

    /// Checks an answer against its question: options exist, counts and ranges, lengths.
    public static func validate(_ answer: Answer, for question: Question) throws(AnswerProblem) {
        let count = question.options.count
        func label(_ i: Int) -> String { question.options.indices.contains(i) ? question.options[i] : "#\(i + 1)" }
        func checkOptions(_ items: [Int]) throws(AnswerProblem) {
            if let bad = items.first(where: { !(0..<count).contains($0) }) { throw .wrongOption(label(bad)) }
            if let repeated = firstRepeated(items) { throw .duplicateChoice(label(repeated)) }
        }
        switch (question.kind, answer) {
        case (.single, .choice(let i)), (.likert, .choice(let i)):
            try checkOptions([i])
        case (.multi, .choices(let picked)):
            guard !picked.isEmpty else { throw .empty }
            try checkOptions(picked)
            guard picked.count <= question.maxChoices else {
                throw .tooManyChoices(allowed: question.maxChoices, given: picked.count)
            }
        case (.scale, .number(let value)):
            guard question.scaleRange.contains(value) else { throw .outOfRange(value: value, range: question.scaleRange) }
        case (.ranking, .order(let order)):
            try checkOptions(order)
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

    private static func firstRepeated(_ items: [Int]) -> Int? {
        var seen: Set<Int> = []
        return items.first { !seen.insert($0).inserted }
    }

    /// The parts of `text` between separators. Split on Unicode scalars, not characters: a
    /// part that starts with a combining mark would otherwise join the separator before it
    /// into one character, and the separator would not be seen (found by fuzzing).
    private static func parts(_ text: String, by separator: Unicode.Scalar) -> [String] {
        text.unicodeScalars.split(separator: separator, omittingEmptySubsequences: true)
            .map { TextCleaner.trimmed(String(String.UnicodeScalarView($0))) }
            .filter { !$0.isEmpty }
    }

    /// The option `label` names in `question` (in any of its languages, or by number).
    static func index(of label: String, in question: Question, allowNumber: Bool) throws(AnswerProblem) -> Int {
        let label = TextCleaner.trimmed(label)
        if let i = question.options.firstIndex(of: label) { return i }
        if let i = question.options.firstIndex(where: { $0.caseInsensitiveCompare(label) == .orderedSame }) { return i }
        if allowNumber, let number = Int(label), (1...question.options.count).contains(number) { return number - 1 }
        // A translated poll's answers may be given in any of its languages (an import).
        for language in (question.translations ?? [:]).keys.sorted() {
            guard let options = question.translations?[language]?.options, options.count == question.options.count else { continue }
            if let i = options.firstIndex(where: { $0.caseInsensitiveCompare(label) == .orderedSame }) { return i }
        }
        throw .wrongOption(label)
    }
}
