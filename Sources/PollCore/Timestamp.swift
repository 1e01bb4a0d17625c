import Foundation

/// The one time format of exports and imports: ISO 8601 in UTC with milliseconds.
public enum Timestamp {
    /// `2026-11-23T09:30:00.250Z`. Milliseconds are rounded, not truncated, so that a time
    /// read back from its text formats to the same text again.
    public static func format(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let seconds = Int((milliseconds - ((milliseconds % 1000) + 1000) % 1000) / 1000)
        let fraction = Int(((milliseconds % 1000) + 1000) % 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year!, parts.month!, parts.day!,
                      parts.hour!, parts.minute!, parts.second!, fraction)
    }

    /// Reads ISO 8601 with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed))
            ?? (try? Date.ISO8601FormatStyle().parse(trimmed))
    }
}
