import PollCore

/// How p-values are written: three decimals ("p = 0.034"), four near the 0.05 line so that
/// rounding never contradicts a verdict, and "p < 0.001" below that. The space after "p" is
/// non-breaking, so a wrapped line never separates "p <" from its number.
public enum PValue {
    public static func text(_ p: Double, name: String = "p") -> String {
        let label = name.replacingOccurrences(of: " ", with: "\u{00A0}")
        if p < 0.001 { return "\(label)\u{00A0}<\u{00A0}0.001" }
        let places = (0.0495..<0.0505).contains(p) ? 4 : 3
        return "\(label)\u{00A0}=\u{00A0}\(NumberText.decimal(p, places: places))"
    }
}
