/// Text made safe to write to a terminal: control characters (ESC, which starts colour,
/// cursor and title sequences; BEL; the C1 controls) and bidirectional overrides are removed,
/// so a poll title or a participant's answer can never move the cursor, retitle the window or
/// hide text. Line breaks and tabs stay.
public enum TerminalText {
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isUnsafe(scalar) { scalars.append(scalar) }
        return String(scalars)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
