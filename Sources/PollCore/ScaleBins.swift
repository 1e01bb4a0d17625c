/// How a number scale's values are listed (the report, the wall's results, the phones' results):
/// one row per value up to `maxValues` values (a 0–10 scale has 11), else ranges of a round
/// width ("0–9", "10–19", …, "90–100"), at most ten of them. Means, medians, spreads and tests
/// always use the values themselves.
public struct ScaleBins: Sendable, Hashable {
    /// Scales with more values than this are listed in ranges.
    public static let maxValues = 11
    /// The widths a range may have, smallest first.
    static let widths = [2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000]

    /// Each row's values, in order; every value of the scale is in exactly one.
    public let ranges: [ClosedRange<Int>]

    public init(_ scale: ClosedRange<Int>) {
        guard scale.count > Self.maxValues else {
            ranges = scale.map { $0...$0 }
            return
        }
        let width = Self.widths.first { Self.rows(scale.count, width: $0) <= 10 } ?? (scale.count + 9) / 10
        var ranges = stride(from: scale.lowerBound, through: scale.upperBound, by: width).map {
            $0...min($0 + width - 1, scale.upperBound)
        }
        // A last range of less than half the width (0–100's lone 100) joins the one before it.
        if ranges.count > 1, let last = ranges.last, 2 * last.count < width {
            ranges.removeLast()
            ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound...last.upperBound
        }
        self.ranges = ranges
    }

    /// How many rows `values` values make in ranges of `width`, a short last range joined to
    /// the one before it.
    static func rows(_ values: Int, width: Int) -> Int {
        let rest = values % width
        return values / width + (rest == 0 || 2 * rest < width && values > width ? 0 : 1)
    }

    /// "7" for one value, "10–19" for a range.
    public var labels: [String] {
        ranges.map { $0.count == 1 ? String($0.lowerBound) : "\($0.lowerBound)–\($0.upperBound)" }
    }

    /// Per-value counts (the first for the scale's smallest value) summed per row.
    public func counts(_ values: [Int]) -> [Int] {
        guard let base = ranges.first?.lowerBound else { return [] }
        return ranges.map { range in
            range.reduce(0) { sum, value in
                let i = value - base
                return i < values.count ? sum + values[i] : sum
            }
        }
    }
}
