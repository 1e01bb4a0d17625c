import Foundation
import PollCore
import Store

/// Finds or creates the session a command works on.
public enum SessionOpener {
    /// A name for a new session of the poll file `stem` on `date`: `stem-YYYY-MM-DD`, with
    /// `-2`, `-3`, … added when that is taken.
    public static func defaultName(stem: String, date: Date, taken: Set<String>) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd"
        let base = "\(stem)-\(formatter.string(from: date))"
        guard taken.contains(base) else { return base }
        var n = 2
        while taken.contains("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// Checks a session name given by the user: 1 to 64 characters, no control characters.
    public static func validate(name: String) throws(SessionNameError) {
        guard !TextCleaner.trimmed(name).isEmpty, name.count <= 64 else { throw .length }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { throw .control }
    }

    /// Creates a new session named `name` (or a default name) for `definition`, with its
    /// first `responses` (an import) stored in the same transaction.
    public static func create(in store: any Store, name: String?, stem: String, definition: PollDefinition,
                              source: String, pace: Pace?, now: Date, responses: [Response] = []) async throws -> SessionRecord {
        let chosen: String
        if let name {
            chosen = name
        } else {
            let taken = Set(try await store.sessionSummaries().map(\.name))
            chosen = defaultName(stem: stem, date: now, taken: taken)
        }
        return try await store.createSession(SessionDraft(
            name: chosen, definition: definition, source: source,
            control: SessionControl(startOf: definition, pace: pace), createdAt: now), responses: responses)
    }
}

/// Why a session name was refused.
public enum SessionNameError: Error, Sendable, Hashable, CustomStringConvertible {
    case length
    case control

    public var description: String {
        switch self {
        case .length: return "a session name must be 1 to 64 characters"
        case .control: return "a session name may not hold control characters or line breaks"
        }
    }
}
