import Yams

/// Knowledge checks in poll files: `correct:` names a `single` question's right option (a
/// label or its number) or a `multi` question's right options (a list); the questions with
/// `correct:` form the poll's knowledge check, unless `knowledge: false` leaves one out or the
/// poll lists its check (`knowledge: [id, id]`).
extension PollFileReader {
    /// The options `node` names as correct, ascending; nil (with a problem reported) if any
    /// is not an option.
    mutating func correctOptions(_ node: Node, of question: Question) -> [Int]? {
        guard question.kind == .single || question.kind == .multi else {
            report(node, "`correct` is only for single and multi questions (a question with a right answer)")
            return nil
        }
        let items = node.sequence ?? [node]
        guard !items.isEmpty else {
            report(node, "`correct` must name the right option, e.g. `correct: Yes`")
            return nil
        }
        if question.kind == .single, items.count > 1 {
            report(node, "a single question has one correct option: `correct: LABEL`")
            return nil
        }
        var picked: [Int] = []
        for item in items {
            guard let text = item.scalar?.string, let option = try? AnswerCodec.index(of: text, in: question, allowNumber: true) else {
                let options = question.options.map { PollFileReader.short($0) }.joined(separator: ", ")
                report(item, "`correct` names `\(PollFileReader.short(item.scalar?.string ?? ""))`, which is not an option (\(options))")
                return nil
            }
            if picked.contains(option) {
                report(item, "`correct` names `\(PollFileReader.short(question.options[option]))` twice")
                return nil
            }
            picked.append(option)
        }
        if question.kind == .multi, picked.count > question.maxChoices {
            report(node, "`correct` names \(picked.count) options, but an answer may pick at most \(question.maxChoices) (`max`)")
            return nil
        }
        return picked.sorted()
    }

    /// `knowledge: [id, …]` at the poll's level: exactly these questions form the check.
    /// Without it, every question with `correct:` does, unless it says `knowledge: false`.
    mutating func knowledgeCheck(_ node: Node?, questions: inout [Question]) {
        guard let node else {
            for index in questions.indices where questions[index].correct != nil && questions[index].knowledge == nil {
                questions[index].knowledge = true
            }
            return
        }
        guard let items = node.sequence, !items.isEmpty else {
            report(node, "`knowledge` lists the ids of the knowledge check's questions, e.g. `[q1, q2]`")
            return
        }
        var listed: Set<String> = []
        for item in items {
            let id = item.scalar?.string ?? ""
            guard let index = questions.firstIndex(where: { $0.id == id }) else {
                report(item, "`knowledge` names `\(PollFileReader.short(id))`, which is not a question of this poll")
                continue
            }
            guard questions[index].correct != nil else {
                report(item, "`\(PollFileReader.short(id))` has no `correct:` answer, so it cannot be in the knowledge check")
                continue
            }
            listed.insert(id)
        }
        for index in questions.indices { questions[index].knowledge = listed.contains(questions[index].id) ? true : nil }
    }
}

extension Question {
    /// Whether the question counts in the poll's knowledge check.
    public var isKnowledge: Bool { knowledge == true && correct != nil }
}
