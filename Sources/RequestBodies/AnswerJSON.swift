import PollCore

/// An answer sent as JSON to the API: either the import encoding as a string
/// (`"Yes"`, `"Press;Courts"`, `"C>A>B"`), a number (an option's 1-based number, or a scale
/// value), or a list of labels (multi, ranking, words).
public enum AnswerJSON: Sendable, Equatable {
    case text(String)
    case number(Int)
    case list([String])

    init(reading reader: inout JSONReader) throws {
        switch reader.nextByte() {
        case UInt8(ascii: "\""):
            self = .text(try reader.readString())
        case UInt8(ascii: "["):
            try reader.beginArray()
            var items: [String] = []
            while try reader.hasNextElement(first: items.isEmpty) { items.append(try reader.readString()) }
            self = .list(items)
        case .some(let byte) where JSONReader.startsNumber(byte):
            self = .number(try reader.readInt())
        default:
            throw JSONReader.Failure(message: "an answer is a string, a whole number or a list of strings", offset: reader.offset)
        }
    }

    /// The answer in the import encoding, or nil when a list is sent for a kind that takes one value.
    public func encoded(for question: Question) -> String? {
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
