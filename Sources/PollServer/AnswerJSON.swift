import PollCore

/// An answer sent as JSON to the API: either the import encoding as a string
/// (`"Yes"`, `"Press;Courts"`, `"C>A>B"`), a number (an option's 1-based number, or a scale
/// value), or a list of labels (multi, ranking, words).
enum AnswerJSON: Decodable, Sendable {
    case text(String)
    case number(Int)
    case list([String])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else if let list = try? container.decode([String].self) {
            self = .list(list)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "an answer is a string, a whole number or a list of strings")
        }
    }

    /// The answer in the import encoding, or nil when a list is sent for a kind that takes one value.
    func encoded(for question: Question) -> String? {
        switch self {
        case .text(let text): return text
        case .number(let number): return String(number)
        case .list(let items):
            switch question.kind {
            case .multi, .words: return items.joined(separator: ";")
            case .ranking: return items.joined(separator: ">")
            default: return nil
            }
        }
    }
}

/// The body of `POST /api/v1/answers`.
struct AnswerRequest: Decodable, Sendable {
    var code: String
    var participant: String
    var question: String
    /// Optional: the round the answer is for (default: the open round).
    var round: String?
    var answer: AnswerJSON
}
