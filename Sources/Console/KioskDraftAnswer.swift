import PollCore

/// Editing a kiosk draft with keys, and turning it into an answer.
enum KioskDraftAnswer {
    static func edit(_ draft: inout KioskDraft, key: Key, question: Question) {
        let count = question.options.count
        switch question.kind {
        case .single, .likert:
            switch key {
            // The first arrow press picks the highlighted option; the next ones move.
            case .up:
                if draft.picked { draft.cursor = max(0, draft.cursor - 1) }
                draft.picked = true
            case .down:
                if draft.picked { draft.cursor = min(count - 1, draft.cursor + 1) }
                draft.picked = true
            case .character(let c):
                if let n = c.wholeNumberValue, (1...count).contains(n) { draft.cursor = n - 1; draft.picked = true }
            default: break
            }
        case .multi:
            switch key {
            case .up: draft.cursor = max(0, draft.cursor - 1)
            case .down: draft.cursor = min(count - 1, draft.cursor + 1)
            case .character(" "): toggle(&draft.chosen, draft.cursor)
            case .character(let c):
                if let n = c.wholeNumberValue, (1...count).contains(n) { draft.cursor = n - 1; toggle(&draft.chosen, n - 1) }
            default: break
            }
        case .scale:
            let range = question.scaleRange
            let middle = (range.lowerBound + range.upperBound) / 2
            switch key {
            case .left, .down: draft.value = max(range.lowerBound, (draft.value ?? middle + 1) - 1); draft.typed = ""
            case .right, .up: draft.value = min(range.upperBound, (draft.value ?? middle - 1) + 1); draft.typed = ""
            case .character(let c) where c.isASCII && (c.isNumber || (c == "-" && draft.typed.isEmpty)):
                draft.typed.append(c)
                if let value = Int(draft.typed) { draft.value = value }
            case .backspace:
                if !draft.typed.isEmpty { draft.typed.removeLast() }
                draft.value = Int(draft.typed)
            default: break
            }
        case .ranking:
            switch key {
            case .up where draft.cursor > 0:
                if draft.grabbed { draft.order.swapAt(draft.cursor, draft.cursor - 1) }
                draft.cursor -= 1
            case .down where draft.cursor < count - 1:
                if draft.grabbed { draft.order.swapAt(draft.cursor, draft.cursor + 1) }
                draft.cursor += 1
            case .character(" "):
                draft.grabbed.toggle()
                draft.touched = true
            default: break
            }
        case .words, .text:
            switch key {
            case .character(let c):
                let limit = question.kind == .text ? Question.maxTextLength : (Question.maxWordLength + 1) * Question.maxWords
                if draft.typed.count < limit { draft.typed.append(c) }
            case .backspace:
                if !draft.typed.isEmpty { draft.typed.removeLast() }
            default: break
            }
        }
    }

    private static func toggle(_ set: inout Set<Int>, _ item: Int) {
        if set.contains(item) { set.remove(item) } else { set.insert(item) }
    }

    /// The draft as a checked answer; `nil` when the voter chose nothing (a skip).
    static func answer(_ draft: KioskDraft, for question: Question) -> Result<Answer, KioskProblem>? {
        let answer: Answer
        switch question.kind {
        case .single, .likert:
            guard draft.picked else { return nil }
            answer = .choice(draft.cursor)
        case .multi:
            guard !draft.chosen.isEmpty else { return nil }
            answer = .choices(draft.chosen.sorted())
        case .scale:
            if !draft.typed.isEmpty, Int(draft.typed) == nil { return .failure(.answer(.notANumber(draft.typed))) }
            guard let value = draft.value else { return nil }
            answer = .number(value)
        case .ranking:
            guard draft.touched else { return .failure(.rankingUntouched) }
            answer = .order(draft.order)
        case .words:
            let words = draft.typed.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
            guard !words.isEmpty else { return nil }
            answer = .words(words)
        case .text:
            let text = TextCleaner.clean(draft.typed)
            guard !text.isEmpty else { return nil }
            answer = .text(text)
        }
        do {
            let normalized = AnswerCodec.normalized(answer)
            try AnswerCodec.validate(normalized, for: question)
            return .success(normalized)
        } catch {
            return .failure(.answer(error))
        }
    }
}

/// Why a kiosk draft cannot be sent yet.
enum KioskProblem: Error, Hashable, CustomStringConvertible {
    case answer(AnswerProblem)
    case rankingUntouched

    var description: String {
        switch self {
        case .answer(let problem): return problem.description
        case .rankingUntouched: return "Put the items in your order first (Space picks one up), or Tab to skip."
        }
    }
}
