import PollCore

/// Reads stored answers back against a session's poll: each distinct answer text is parsed once
/// per question (a room gives the same few answers over and over). A row that cannot be read
/// fails the read, or with `salvage` is skipped and listed there.
public struct AnswerReader {
    let questions: [Question]
    let salvage: SalvageLog?
    /// Parsed answers per question index, by their stored text.
    private var parsed: [[String: Answer]]

    public init(_ definition: PollDefinition, salvage: SalvageLog?) {
        questions = definition.questions
        self.salvage = salvage
        parsed = Array(repeating: [:], count: definition.questions.count)
    }

    /// The question's index, the parsed answer and the channel of row `id`; nil when the row
    /// is unreadable and skipped (salvage), a `StoreError.corrupt` when it is unreadable.
    public mutating func read(id: Int64, question questionID: String, answer text: String,
                       channel channelName: String) throws -> (question: Int, answer: Answer, channel: Channel)? {
        guard let q = questions.firstIndex(where: { $0.id == questionID }), let channel = Channel(rawValue: channelName) else {
            return try unreadable(id, questionID, text)
        }
        return try answer(id: id, question: q, text: text).map { (q, $0, channel) }
    }

    /// Row `id`'s answer `text` to the question at index `q` of the poll (its question and
    /// channel already known to be readable); nil when unreadable and skipped (salvage).
    public mutating func answer(id: Int64, question q: Int, text: String) throws -> Answer? {
        if let known = parsed[q][text] { return known }
        guard let answer = try? AnswerCodec.parse(text, for: questions[q]) else { return try unreadable(id, questions[q].id, text)?.answer }
        if questions[q].kind != .text { parsed[q][text] = answer }
        return answer
    }

    private func unreadable(_ id: Int64, _ questionID: String, _ text: String) throws -> (question: Int, answer: Answer, channel: Channel)? {
        let what = "response \(id) (`\(questionID.prefix(40))`: `\(text.prefix(80))`)"
        guard let salvage else { throw StoreError.corrupt(what) }
        salvage.skip(what)
        return nil
    }
}
