/// Mean, median and standard deviation of values given as counts per consecutive value.
enum DescriptiveStatistics {
    static func mean(counts: [Int], base: Int) -> Double? {
        let n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        return Double(counts.enumerated().reduce(0) { $0 + ($1.offset + base) * $1.element }) / Double(n)
    }

    /// The median (the average of the two middle values for an even count).
    static func median(counts: [Int], base: Int) -> Double? {
        let n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        func value(at rank: Int) -> Double {   // 0-based rank in sorted order
            var seen = 0
            for (i, count) in counts.enumerated() {
                seen += count
                if rank < seen { return Double(base + i) }
            }
            return Double(base + counts.count - 1)
        }
        return n % 2 == 1 ? value(at: n / 2) : (value(at: n / 2 - 1) + value(at: n / 2)) / 2
    }

    /// Sample standard deviation (n − 1); nil under two values.
    static func sd(counts: [Int], base: Int) -> Double? {
        let n = counts.reduce(0, +)
        guard n > 1, let mean = mean(counts: counts, base: base) else { return nil }
        let squares = counts.enumerated().reduce(0.0) { sum, item in
            let deviation = Double(item.offset + base) - mean
            return sum + deviation * deviation * Double(item.element)
        }
        return (squares / Double(n - 1)).squareRoot()
    }
}
