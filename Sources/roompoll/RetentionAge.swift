import ArgumentParser
import Foundation

/// An age for `delete --older-than`: a whole number of days, weeks or hours (`30d`, `6w`, `12h`).
struct RetentionAge: ExpressibleByArgument, Sendable {
    let text: String
    let seconds: TimeInterval

    init?(argument: String) {
        let units: [Character: TimeInterval] = ["h": 3600, "d": 86_400, "w": 604_800]
        guard let unit = argument.last.flatMap({ units[$0] }), let number = Int(argument.dropLast()), number > 0, number <= 100_000 else {
            return nil
        }
        text = argument
        seconds = TimeInterval(number) * unit
    }

    static var defaultCompletionKind: CompletionKind { .list(["30d", "90d", "1w", "24h"]) }
}
