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
        var rows: [Row] = []
        var text = text
        text.withUTF8 { forEachRow(in: UnsafeRawBufferPointer($0)) { rows.append($0) } }
        return rows
    }

    /// Reads the rows of UTF-8 `bytes` one at a time, handing each to `body` (a large file is
    /// never held as rows, or as a `String`, all at once). The CSV's own characters are ASCII,
    /// so it is read byte by byte; each field must be valid UTF-8, or its row has a problem.
    public static func forEachRow(in bytes: UnsafeRawBufferPointer, _ body: (Row) throws -> Void) rethrows {
        var reader = RowReader(bytes: bytes)
        while let row = reader.next() { try body(row) }
    }

    /// The state of reading rows from bytes.
    private struct RowReader {
        let bytes: UnsafeRawBufferPointer
        var i = 0
        var line = 1

        init(bytes: UnsafeRawBufferPointer) {
            self.bytes = bytes
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }   // a byte-order mark
        }

        static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        /// The next non-blank row, or nil at the end.
        mutating func next() -> Row? {
            while i < bytes.count {
                let rowStart = line
                var fields: [String] = []
                var field: [UInt8] = []   // only for quoted fields (unquoted ones are sliced)
                var fieldStart = i
                var quoted = false, inQuotes = false
                var problem: String?
                var ended = false

                func text(_ utf8: UnsafeRawBufferPointer) -> String {
                    if !utf8.contains(where: { $0 >= 0x80 }) { return String(decoding: utf8, as: UTF8.self) }   // ASCII: nothing to check
                    if let text = String(validating: utf8, as: UTF8.self) { return text }
                    if problem == nil { problem = "a field that is not UTF-8 text (save the file as UTF-8)" }
                    return ""
                }
                func endField(at end: Int) {
                    fields.append(quoted ? field.withUnsafeBytes(text) : text(UnsafeRawBufferPointer(rebasing: bytes[fieldStart..<end])))
                    field.removeAll(keepingCapacity: true)
                    quoted = false
                }

                while i < bytes.count {
                    let c = bytes[i]
                    i += 1
                    if inQuotes {
                        if c == Self.quote {
                            if i < bytes.count, bytes[i] == Self.quote {
                                field.append(Self.quote)
                                i += 1
                            } else {
                                inQuotes = false
                                quoted = true
                            }
                        } else {
                            if c == Self.lf || (c == Self.cr && (i >= bytes.count || bytes[i] != Self.lf)) { line += 1 }
                            field.append(c)
                        }
                        continue
                    }
                    if c == Self.lf || c == Self.cr {
                        let end = i - 1
                        if c == Self.cr, i < bytes.count, bytes[i] == Self.lf { i += 1 }
                        if problem == nil { endField(at: end) }
                        line += 1
                        ended = true
                        break
                    }
                    guard problem == nil else { continue }   // skip the rest of a bad row
                    switch c {
                    case Self.quote:
                        if !quoted, fieldStart == i - 1 {
                            inQuotes = true
                            quoted = true
                        } else {
                            problem = "a quote inside an unquoted field (quote the whole field and double the quote)"
                        }
                    case Self.comma:
                        endField(at: i - 1)
                        fieldStart = i
                    default:
                        if quoted { problem = "text after a closing quote" }
                    }
                }
                if inQuotes { problem = "a quoted field is never closed" }
                if !ended, problem == nil { endField(at: i) }
                if problem != nil || !(fields.count == 1 && fields[0].isEmpty) {
                    return Row(line: rowStart, fields: fields, problem: problem)
                }
            }
            return nil
        }
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
