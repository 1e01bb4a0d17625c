import Foundation

/// The one time format of exports and imports: ISO 8601 in UTC with milliseconds.
public enum Timestamp {
    /// `2026-11-23T09:30:00.250Z`. Milliseconds are rounded, not truncated, so that a time
    /// read back from its text formats to the same text again.
    public static func format(_ date: Date) -> String {
        text(of: date, dateTimeSeparator: UInt8(ascii: "T"), suffix: UInt8(ascii: "Z"))
    }

    /// `2026-11-23 09:30:00.250` (UTC): the form SQLite's date functions and GRDB read, in
    /// which the store keeps times.
    public static func storeText(_ date: Date) -> String {
        text(of: date, dateTimeSeparator: UInt8(ascii: " "), suffix: nil)
    }

    /// Reads ISO 8601 with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        let trimmed = TextCleaner.trimmed(text)
        return (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed))
            ?? (try? Date.ISO8601FormatStyle().parse(trimmed))
    }

    /// Formats with integer arithmetic only, digit by digit into the string's own storage (no
    /// calendar or formatter objects, no intermediate strings): exports of a million answers
    /// and every stored answer go through here.
    private static func text(of date: Date, dateTimeSeparator: UInt8, suffix: UInt8?) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, dayMilliseconds) = milliseconds.floorDivided(by: 86_400_000)
        let (year, month, day) = civilDate(daysSince1970: days)
        let seconds = dayMilliseconds / 1000
        var fields: [(value: Int64, width: Int, separator: UInt8?)] = [
            (month, 2, UInt8(ascii: "-")), (day, 2, dateTimeSeparator),
            (seconds / 3600, 2, UInt8(ascii: ":")), (seconds / 60 % 60, 2, UInt8(ascii: ":")), (seconds % 60, 2, UInt8(ascii: ".")),
            (dayMilliseconds % 1000, 3, suffix),
        ]
        // Years outside 0...9999 (never met in practice) are written with their own digits.
        guard (0...9999).contains(year) else { return String(year) + "-" + digits(fields) }
        fields.insert((year, 4, UInt8(ascii: "-")), at: 0)
        return digits(fields)
    }

    /// Zero-padded numbers, each followed by its separator.
    private static func digits(_ fields: [(value: Int64, width: Int, separator: UInt8?)]) -> String {
        String(unsafeUninitializedCapacity: 24) { buffer in
            var end = 0
            for (value, width, separator) in fields {
                var rest = value
                for position in stride(from: end + width - 1, through: end, by: -1) {
                    buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                end += width
                if let separator {
                    buffer[end] = separator
                    end += 1
                }
            }
            return end
        }
    }

    /// Year, month and day of the proleptic Gregorian calendar for a count of days since
    /// 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// Quotient rounded down and the non-negative remainder.
    fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = ((self % divisor) + divisor) % divisor
        return ((self - remainder) / divisor, remainder)
    }
}
