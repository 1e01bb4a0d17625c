import Foundation
import PollCore

/// Reads a stored show-of-hands count back against a session's poll (in every store): a count
/// edited into the database by hand that does not fit fails the read, or with `salvage` is
/// skipped and listed there.
public enum HandCountReader {
    public static func read(round: String, question: String, counts: String, updatedAt: Date,
                            definition: PollDefinition, salvage: SalvageLog?) throws -> HandCount? {
        do {
            let count = HandCount(round: round, question: question, counts: try JSONCoding.decode([Int].self, from: counts), updatedAt: updatedAt)
            try count.validate(against: definition)
            return count
        } catch {
            let what = "hand counts for `\(question.prefix(40))` in the \(round.prefix(40)) round (\(error))"
            guard let salvage else { throw StoreError.corrupt(what) }
            salvage.skip(what)
            return nil
        }
    }
}
