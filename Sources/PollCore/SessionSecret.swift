/// A session's secret: 256 random bits as 64 lower-case hex digits. The participants' server
/// signs the tokens it issues with it (see `IssuedTokens` in PollServer).
public enum SessionSecret {
    /// A new secret from `generator` (pass `SystemRandomNumberGenerator` outside tests).
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        (0..<4).map { _ in
            let hex = String(UInt64.random(in: .min ... .max, using: &generator), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// The secret's bytes, or nil when `hex` is not an even number of hex digits.
    public static func bytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
