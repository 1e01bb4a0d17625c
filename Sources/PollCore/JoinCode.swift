/// Six-character join codes that are easy to read aloud and type: no 0/O, 1/I/L.
public enum JoinCode {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let length = 6

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    private static let allowed: Set<UInt8> = Set(alphabet.map { $0.asciiValue! })

    /// The code as a participant may type it (lower case, spaces, a dash) in canonical form,
    /// if valid. Works on the bytes: the server checks a code on every request.
    public static func normalized(_ typed: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for byte in typed.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "\t") {
            let upper = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) ? byte - 32 : byte
            guard allowed.contains(upper), bytes.count < length else { return nil }
            bytes.append(upper)
        }
        guard bytes.count == length else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
