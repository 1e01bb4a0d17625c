/// How many terminal columns text takes: wide East Asian characters and emoji take two,
/// combining marks and zero-width characters none. Used to line up tables and screens.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Columns of one grapheme cluster (its first scalar decides; emoji presentation is wide).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        switch v {
        case 0, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0xFE00...0xFE0F: return 0
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x0E31, 0x0E34...0x0E3A, 0x20D0...0x20FF: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
             0x1F680...0x1F6FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD: return 2
        case 0x2600...0x27BF where scalar.properties.isEmojiPresentation: return 2
        default: return 1
        }
    }

    /// `text` cut to at most `width` columns (ending in `…` when cut) and padded with spaces to exactly `width`.
    public static func fit(_ text: String, _ width: Int) -> String {
        let used = of(text)
        if used <= width { return text + String(repeating: " ", count: width - used) }
        var result = ""
        var columns = 0
        for character in text {
            let w = of(character)
            if columns + w > width - 1 { break }
            result.append(character)
            columns += w
        }
        return result + "…" + String(repeating: " ", count: width - 1 - columns)
    }

    /// `text` right-aligned in `width` columns.
    public static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: Swift.max(0, width - of(text))) + text
    }

    /// `text` without trailing spaces.
    public static func trimTrailing(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
