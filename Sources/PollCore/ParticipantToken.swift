/// Random per-session participant tokens: 128 bits as 22 URL-safe characters.
public enum ParticipantToken {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// A new token from `generator` (pass `SystemRandomNumberGenerator` outside tests).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        encode((UInt64.random(in: .min ... .max, using: &generator), UInt64.random(in: .min ... .max, using: &generator)))
    }

    /// 16 bytes as 22 URL-safe characters (6 bits each, the lowest bits first).
    public static func encode(_ bytes: [UInt8]) -> String {
        precondition(bytes.count == 16, "a token encodes 16 bytes")
        let low = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        let high = bytes[8..<16].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        return encode((low, high))
    }

    private static func encode(_ value: (UInt64, UInt64)) -> String {
        var bits = value
        var characters: [Character] = []
        for _ in 0..<22 {
            characters.append(alphabet[Int(bits.0 & 63)])
            bits.0 = (bits.0 >> 6) | (bits.1 << 58)
            bits.1 >>= 6
        }
        return String(characters)
    }

    /// Whether a token supplied by a client is acceptable: 22–64 URL-safe characters.
    /// Checked on the bytes: this runs on every answer, and comparing `Character`s is slow.
    public static func isValid(_ token: String) -> Bool {
        let bytes = token.utf8
        return (22...64).contains(bytes.count) && bytes.allSatisfy(isURLSafe)
    }

    static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): return true
        default: return false
        }
    }
}
