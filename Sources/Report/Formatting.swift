import Foundation
import PollCore

/// Number formats shared by the text formats, so every report writes numbers alike.
enum Formatting {
    static func percent(_ value: Double) -> String { NumberText.percent(value) }

    static func points(_ value: Double) -> String { NumberText.points(value) }

    static func decimal(_ value: Double, places: Int = 2) -> String { NumberText.decimal(value, places: places) }

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
