import Foundation

/// RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes, UTF-8.
/// Lines may end in CRLF, LF or a lone CR (old spreadsheet exports); a byte-order mark at
/// the start is skipped.
public enum CSV {
    /// A row with the 1-based line it starts on, or the reason it could not be read.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
        /// Why the row is unreadable (a stray or unclosed quote); its fields are then incomplete.
        public var problem: String?

        public init(line: Int, fields: [String], problem: String? = nil) {
            self.line = line
            self.fields = fields
            self.problem = problem
        }
    }

    /// Splits `text` into rows; blank lines are skipped. A malformed row is returned with its
    /// problem and reading resumes at the next line, so every bad row can be reported.
    public static func parse(_ text: String) -> [Row] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var quoted = false        // the current field was quoted and its closing quote seen
        var problem: String?
        var line = 1, rowStart = 1
        var i = 0

        func endRow() {
            fields.append(String(field))
            if problem != nil || !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Row(line: rowStart, fields: fields, problem: problem))
            }
            fields = []
            field = String.UnicodeScalarView()
            quoted = false
            problem = nil
        }

        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                        quoted = true
                    }
                } else {
                    if c == "\n" || (c == "\r" && (i >= scalars.count || scalars[i] != "\n")) { line += 1 }
                    field.append(c)
                }
                continue
            }
            if c == "\n" || c == "\r" {
                if c == "\r", i < scalars.count, scalars[i] == "\n" { i += 1 }
                endRow()
                line += 1
                rowStart = line
                continue
            }
            guard problem == nil else { continue }   // skip the rest of a bad row
            switch c {
            case "\"":
                if field.isEmpty, !quoted {
                    inQuotes = true
                } else {
                    problem = "a quote inside an unquoted field (quote the whole field and double the quote)"
                }
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
                quoted = false
            default:
                if quoted {
                    problem = "text after a closing quote"
                } else {
                    field.append(c)
                }
            }
        }
        if inQuotes { problem = "a quoted field is never closed" }
        endRow()
        return rows
    }

    /// One line of CSV (with its line break), quoting fields that need it.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
