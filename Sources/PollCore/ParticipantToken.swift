/// Random per-session participant tokens: 128 bits as 22 URL-safe characters.
public enum ParticipantToken {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// A new token from `generator` (pass `SystemRandomNumberGenerator` outside tests).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var bits = (UInt64.random(in: .min ... .max, using: &generator), UInt64.random(in: .min ... .max, using: &generator))
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
