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
        guard let q = questions.firstIndex(where: { $0.id == questionID }) else { return try unreadable(id, questionID, text) }
        let known = parsed[q][text]
        guard let channel = Channel(rawValue: channelName),
              let answer = known ?? (try? AnswerCodec.parse(text, for: questions[q])) else { return try unreadable(id, questionID, text) }
        if known == nil, questions[q].kind != .text { parsed[q][text] = answer }
        return (q, answer, channel)
    }

    private func unreadable(_ id: Int64, _ questionID: String, _ text: String) throws -> (question: Int, answer: Answer, channel: Channel)? {
        let what = "response \(id) (`\(questionID.prefix(40))`: `\(text.prefix(80))`)"
        guard let salvage else { throw StoreError.corrupt(what) }
        salvage.skip(what)
        return nil
    }
}
