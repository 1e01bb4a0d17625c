import Crypto
import Foundation
import PollCore

/// Participant tokens the server issues, and the check that a token is one of them.
///
/// A token is 22 random URL-safe characters (128 bits) followed by 22 characters of an
/// HMAC-SHA256 of them under the session's secret: the server can tell its own tokens from
/// made-up ones without storing anything per participant, and every server process of the
/// session (they read the secret from the store) accepts the same tokens.
struct IssuedTokens: Sendable {
    /// The HMAC with the key already taken in: each signature copies it and goes on from
    /// there (it is on every answer's path).
    private let keyed: HMAC<SHA256>
    static let length = 44

    init(secret: String) {
        // Sessions from before secrets existed got one when their database was migrated. A
        // secret that is missing or short (a row written by hand) is never used: this process
        // then signs with a random key of its own, so tokens still cannot be forged (though
        // another process of the session will not accept them).
        if let bytes = SessionSecret.bytes(secret), bytes.count >= 32 {
            keyed = HMAC(key: SymmetricKey(data: bytes))
        } else {
            keyed = HMAC(key: SymmetricKey(size: .bits256))
        }
    }

    /// A new token.
    func issue() -> String {
        var generator = SystemRandomNumberGenerator()
        let id = ParticipantToken.make(using: &generator)
        return id + signature(of: Substring(id))
    }

    /// Whether `token` was issued with this session's secret.
    func isIssued(_ token: String) -> Bool {
        guard token.utf8.count == Self.length, ParticipantToken.isValid(token) else { return false }
        let id = token.prefix(22), mac = token.dropFirst(22)
        // Compared without an early exit, so the time taken says nothing about how close a guess was.
        return zip(signature(of: id).utf8, mac.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func signature(of id: Substring) -> String {
        var hmac = keyed
        var id = id
        id.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        return ParticipantToken.encode(Array(hmac.finalize().prefix(16)))
    }
}
