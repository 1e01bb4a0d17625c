/// How many terminal columns text takes, measured as ncursesw measures it: the sum of glibc's
/// `wcwidth()` over the text's Unicode scalars (wide East Asian characters and most emoji take
/// two columns, combining marks none). Control characters count as zero. Used to line up
/// tables, reports and console screens.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if contains(DisplayWidthTable.zero, v) { return 0 }
        if contains(DisplayWidthTable.wide, v) { return 2 }
        return 1
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < ranges[mid].lowerBound { high = mid - 1 }
            else if value > ranges[mid].upperBound { low = mid + 1 }
            else { return true }
        }
        return false
    }

    /// `text` cut to at most `width` columns (ending in `…` when cut) and padded with spaces to exactly `width`.
    public static func fit(_ text: String, _ width: Int) -> String {
        let used = of(text)
        if used <= width { return text + String(repeating: " ", count: width - used) }
        guard width > 0 else { return "" }
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

    /// `text` broken into lines of at most `width` columns, at spaces where possible.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let w = of(word)
            if lineWidth > 0, lineWidth + 1 + w > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if w > width {
                // A word longer than the line is cut into pieces.
                for character in word {
                    let cw = of(character)
                    if lineWidth + cw > width {
                        lines.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += cw
                }
                continue
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
