import Foundation
/// Cleans participant text at the door: removes control characters, bidirectional controls
/// and invisible characters, and trims surrounding white space. Line breaks become spaces.
///
/// Kept: the zero-width joiner and non-joiner (U+200D, U+200C), which emoji sequences and
/// Persian, Indic and other scripts need, and tag characters inside a subdivision flag emoji
/// (🏴 followed by tags and ended by U+E007F).
public enum TextCleaner {
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var tags: [Unicode.Scalar] = []   // tag characters after 🏴, kept only if they make a flag
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if isTag(scalar) {
                if previous == "\u{1F3F4}" || !tags.isEmpty { tags.append(scalar) }
                // A subdivision flag: 2 to 6 tag letters or digits, then the cancel tag.
                if scalar.value == 0xE007F {
                    if (3...7).contains(tags.count), tags.dropLast().allSatisfy(isTagLetterOrDigit) { scalars.append(contentsOf: tags) }
                    tags = []
                }
                continue
            }
            tags = []
            if scalar == "\n", previous == "\r" { continue }   // CRLF is one line break
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                scalars.append(" ")
            } else if !isStripped(scalar) {
                scalars.append(scalar)
            }
        }
        return trimmed(String(scalars))
    }

    private static func isTagLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0xE0030...0xE0039).contains(scalar.value) || (0xE0061...0xE007A).contains(scalar.value)
    }

    private static func isTag(_ scalar: Unicode.Scalar) -> Bool { (0xE0000...0xE007F).contains(scalar.value) }

    /// `text` without the spaces and tabs around it (Unicode space separators included).
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(Substring(scalars[first...last]))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
    }

    static func isStripped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true          // C0 and C1 controls
        case 0x202A...0x202E, 0x2066...0x2069: return true  // bidi embeddings, overrides, isolates
        case 0x200E, 0x200F, 0x061C: return true            // bidi marks (LRM, RLM, ALM)
        case 0x200B, 0x2060...0x2064, 0xFEFF, 0x180E: return true  // zero-width space, word joiner, invisible operators, BOM
        case 0xFFF9...0xFFFB: return true                   // interlinear annotation controls
        default: return false
        }
    }
}
