/// How numbers are written everywhere — reports, exports' text and the console — so the wall
/// and the report never disagree. Halves round away from zero (12.5% → 13%), and a change
/// that rounds to nothing is written "±0.0", never "-0.0".
public enum NumberText {
    /// `value` with `places` decimals.
    public static func decimal(_ value: Double, places: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        let scale = (0..<places).reduce(1.0) { result, _ in result * 10 }
        var rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero) / scale
        if rounded == 0 { rounded = 0 }
        let sign = value < 0 && rounded != 0 ? "-" : ""
        let whole = Int(rounded)
        guard places > 0 else { return sign + String(whole) }
        let fraction = Int(((rounded - Double(whole)) * scale).rounded())
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: max(0, places - digits.count)) + digits
    }

    /// A percentage 0–100 as "13%".
    public static func percent(_ value: Double) -> String { decimal(value, places: 0) + "%" }

    /// A change in percentage points as "+25.0", "-9.8" or "±0.0".
    public static func points(_ value: Double) -> String { signed(value, places: 1) }

    /// A change or an interval bound with its sign, with more decimals than `places` (up to 3)
    /// when needed so that a nonzero value never reads "±0": -0.46 at 0 places is "-0.5".
    /// Only an exact 0 is "±0".
    public static func change(_ value: Double, places: Int) -> String {
        var places = places
        while value != 0, places < 3, decimal(value, places: places).allSatisfy({ "-0.".contains($0) }) { places += 1 }
        return signed(value, places: places)
    }

    /// A change with its sign: "+25", "-9.8"; one that rounds to nothing is "±0" ("±0.0").
    public static func signed(_ value: Double, places: Int) -> String {
        let text = decimal(value, places: places)
        if text.allSatisfy({ $0 == "0" || $0 == "." }) { return "±" + text }
        return value > 0 ? "+" + text : text
    }
}
