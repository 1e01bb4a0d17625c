/// Horizontal bars drawn with block characters, in eighths of a column.
public enum TextBar {
    /// A bar `percent`% (0–100) of `width` columns long, padded with spaces to `width`.
    public static func render(percent: Double, width: Int) -> String {
        guard width > 0, percent.isFinite else { return String(repeating: " ", count: max(0, width)) }
        let eighths = Int((min(max(percent, 0), 100) / 100 * Double(width) * 8).rounded())
        let full = eighths / 8
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let used = full + (partial.isEmpty ? 0 : 1)
        return String(repeating: "█", count: full) + partial + String(repeating: " ", count: max(0, width - used))
    }
}
