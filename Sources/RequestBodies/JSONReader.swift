/// Reads a JSON request body value by value, straight from its bytes (RFC 8259): objects,
/// strings, whole numbers and lists of strings are read, anything else can be skipped.
/// It is on every answer's path, where `JSONDecoder` cost more than the rest of the parsing.
struct JSONReader {
    /// Why a body is not the JSON expected, and where (a byte offset).
    struct Failure: Error, Equatable, CustomStringConvertible {
        var message: String
        var offset: Int
        var description: String { "\(message) at byte \(offset)" }
    }

    /// Nesting deeper than this is refused rather than followed.
    static let maxDepth = 32

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    // MARK: Structure

    /// The next value starts with `{`: consumes it.
    mutating func beginObject() throws {
        try expect(UInt8(ascii: "{"), "expected an object")
    }

    /// The next key of the object being read, or nil at its closing `}` (consumed).
    /// `first` is true for the first call after `beginObject`.
    mutating func nextKey(first: Bool) throws -> String? {
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            offset += 1
            return nil
        }
        if !first { try expect(UInt8(ascii: ","), "expected `,` or `}`") }
        let key = try readString()
        try expect(UInt8(ascii: ":"), "expected `:`")
        return key
    }

    /// The next value starts with `[`: consumes it.
    mutating func beginArray() throws {
        try expect(UInt8(ascii: "["), "expected a list")
    }

    /// Whether the list being read has another element (consuming the `,` before it), or
    /// ends here (consuming the `]`).
    mutating func hasNextElement(first: Bool) throws -> Bool {
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            offset += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ","), "expected `,` or `]`") }
        return true
    }

    /// Only whitespace is left.
    mutating func finish() throws {
        skipWhitespace()
        guard offset == bytes.count else { throw failure("unexpected text after the value") }
    }

    /// The first byte of the next value, after whitespace (nil at the end).
    mutating func nextByte() -> UInt8? {
        skipWhitespace()
        return peek
    }

    // MARK: Values

    mutating func readString() throws -> String {
        try expect(UInt8(ascii: "\""), "expected a string")
        let start = offset
        // Fast path: no escapes.
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let text = try Self.string(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), at: start)
                offset += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("a control character inside a string") }
            offset += 1
        }
        return try readEscapedString(from: start)
    }

    /// The rest of a string that holds escapes; the bytes from `start` to here had none.
    private mutating func readEscapedString(from start: Int) throws -> String {
        var utf8 = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try utf8.withUnsafeBytes { try Self.string($0, at: start) }
            case UInt8(ascii: "\\"):
                try readEscape(into: &utf8)
            case ..<0x20:
                offset -= 1
                throw failure("a control character inside a string")
            default:
                utf8.append(byte)
            }
        }
        throw failure("a string is not closed")
    }

    /// `utf8` as a String, refused when it is not valid UTF-8. (ASCII, the common case for
    /// codes, tokens and ids, needs no validation.)
    private static func string(_ utf8: UnsafeRawBufferPointer, at offset: Int) throws -> String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw Failure(message: "a string is not valid UTF-8", offset: offset)
        }
        return text
    }

    private mutating func readEscape(into utf8: inout [UInt8]) throws {
        guard let byte = peek else { throw failure("a string is not closed") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var value = try readHex4()
            if (0xD800..<0xDC00).contains(value) {
                // A high surrogate must be followed by an escaped low one.
                guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure("an unpaired surrogate escape")
                }
                offset += 2
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("an unpaired surrogate escape") }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(value) {
                throw failure("an unpaired surrogate escape")
            }
            UTF8.encode(Unicode.Scalar(value)!) { utf8.append($0) }
        default:
            offset -= 1
            throw failure("an unknown escape")
        }
    }

    private mutating func readHex4() throws -> UInt32 {
        guard bytes.count - offset >= 4 else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// A whole number (no fraction or exponent) that fits in an `Int`.
    mutating func readInt() throws -> Int {
        skipWhitespace()
        let start = offset
        let negative = peek == UInt8(ascii: "-")
        if negative { offset += 1 }
        var value = 0
        for byte in bytes[try integerDigits()] {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw Failure(message: "a number is too large", offset: start) }
            value = next
        }
        if let byte = peek, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            throw Failure(message: "expected a whole number", offset: start)
        }
        return negative ? -value : value
    }

    /// Reads `true` or `false`.
    mutating func readBool() throws -> Bool {
        skipWhitespace()
        for (word, value) in [("true", true), ("false", false)] where matches(word) {
            offset += word.utf8.count
            return value
        }
        throw failure("expected true or false")
    }

    /// Reads a whole object: `field` reads the value of each key it knows and returns true;
    /// other keys' values are skipped. A key given twice is refused rather than guessed at.
    mutating func readObject(_ field: (String, inout JSONReader) throws -> Bool) throws {
        try beginObject()
        var seen: Set<String> = []
        var first = true
        while let key = try nextKey(first: first) {
            first = false
            guard seen.insert(key).inserted else { throw failure("`\(key)` is given twice") }
            if try !field(key, &self) { try skipValue() }
        }
        try finish()
    }

    /// Reads `null` if it comes next.
    mutating func readNull() -> Bool {
        skipWhitespace()
        guard matches("null") else { return false }
        offset += 4
        return true
    }

    /// Skips one value of any kind, checking its syntax.
    mutating func skipValue(depth: Int = 0) throws {
        guard depth < Self.maxDepth else { throw failure("nested too deeply") }
        switch nextByte() {
        case UInt8(ascii: "\""):
            _ = try readString()
        case UInt8(ascii: "{"):
            try beginObject()
            var first = true
            while try nextKey(first: first) != nil {
                try skipValue(depth: depth + 1)
                first = false
            }
        case UInt8(ascii: "["):
            try beginArray()
            var first = true
            while try hasNextElement(first: first) {
                try skipValue(depth: depth + 1)
                first = false
            }
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for word in ["true", "false", "null"] where matches(word) {
                offset += word.utf8.count
                return
            }
            throw failure("expected a value")
        case .some(let byte) where Self.startsNumber(byte):
            try skipNumber()
        default:
            throw failure("expected a value")
        }
    }

    private mutating func skipNumber() throws {
        if peek == UInt8(ascii: "-") { offset += 1 }
        _ = try integerDigits()
        if peek == UInt8(ascii: ".") {
            offset += 1
            guard skipDigits() > 0 else { throw failure("expected digits after `.`") }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            guard skipDigits() > 0 else { throw failure("expected digits in the exponent") }
        }
    }

    /// The integer part's digits (at least one, no leading zero), consumed.
    private mutating func integerDigits() throws -> Range<Int> {
        let start = offset
        let count = skipDigits()
        guard count > 0 else { throw failure("expected a number") }
        guard count == 1 || bytes[start] != UInt8(ascii: "0") else { throw Failure(message: "a number has a leading zero", offset: start) }
        return start..<offset
    }

    private mutating func skipDigits() -> Int {
        let start = offset
        while let byte = peek, isDigit(byte) { offset += 1 }
        return offset - start
    }

    // MARK: Bytes

    private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether a value starting with `byte` is a number.
    static func startsNumber(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func matches(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard bytes.count - offset >= utf8.count else { return false }
        return zip(utf8, bytes[offset...]).allSatisfy { $0 == $1 }
    }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws {
        skipWhitespace()
        guard peek == byte else { throw failure(message) }
        offset += 1
    }

    private func failure(_ message: String) -> Failure {
        Failure(message: message, offset: offset)
    }
}
