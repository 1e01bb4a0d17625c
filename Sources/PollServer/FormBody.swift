import Foundation

/// An `application/x-www-form-urlencoded` body: every value of every field, in order
/// (check boxes send one field several times).
struct FormBody {
    private(set) var fields: [(String, String)] = []

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields.append((Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : ""))
        }
    }

    func value(_ name: String) -> String? { fields.first { $0.0 == name }?.1 }

    func values(_ name: String) -> [String] { fields.filter { $0.0 == name }.map(\.1) }

    static func decode(_ part: Substring) -> String {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}
