import Foundation

/// A browser's `Accept-Language` header as the language tags it wants, most wanted first
/// (`ar, en-US;q=0.8, en;q=0.5` → ar, en-US, en); `*` and `q=0` are left out.
enum AcceptLanguage {
    static func tags(_ header: String?) -> [String] {
        guard let header, header.utf8.count <= 1_000 else { return [] }
        var weighted: [(tag: String, q: Double, order: Int)] = []
        for (order, part) in header.split(separator: ",").prefix(30).enumerated() {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first, !tag.isEmpty, tag.count <= 35,
                  tag.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") })
            else { continue }
            let q = pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if q > 0 { weighted.append((tag, q, order)) }
        }
        return weighted.sorted { ($0.q, -$0.order) > ($1.q, -$1.order) }.map(\.tag)
    }
}
