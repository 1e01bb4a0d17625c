import Foundation
/// RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes, UTF-8.
public enum CSV {
    /// A row with the 1-based line it starts on.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    /// Why a CSV text could not be split into rows.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Splits `text` into rows; blank lines are skipped.
    public static func parse(_ text: String) throws(SyntaxError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quotedFieldEnded = false
        var line = 1
        var rowStart = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Row(line: rowStart, fields: fields))
            }
            fields = []
            field = ""
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let after = iterator.next()
                    if after == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        quotedFieldEnded = true
                        pending = after
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !quotedFieldEnded else {
                    throw SyntaxError(line: line, message: "a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                inQuotes = true
            case ",":
                fields.append(field)
                field = ""
                quotedFieldEnded = false
            case "\r":
                continue
            case "\n":
                endRow()
                quotedFieldEnded = false
                line += 1
                rowStart = line
            default:
                guard !quotedFieldEnded else {
                    throw SyntaxError(line: line, message: "text after a closing quote")
                }
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw SyntaxError(line: rowStart, message: "a quoted field is never closed") }
        endRow()
        return rows
    }

    /// One line of CSV (with its line break), quoting fields that need it.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
