/// A band of per-participant normalized gains, for the distribution of who learned how much:
/// got worse, no gain, Hake's low, medium and high bands, and learned everything there was to
/// learn (a gain of exactly 1).
public struct GainBand: Sendable, Hashable {
    public var name: String
    /// The name in a few characters, for a chart's labels: "low (<0.3)".
    public var short: String
    public var count: Int

    /// The bands of `gains`, in order from worst to best; every band is listed, empty ones too.
    public static func bands(_ gains: [Double]) -> [GainBand] {
        let bounds: [(String, String, (Double) -> Bool)] = [
            ("got worse (below 0)", "worse (<0)", { $0 < 0 }),
            ("no gain (0)", "none (0)", { $0 == 0 }),
            ("low (above 0, below 0.3)", "low (<0.3)", { $0 > 0 && $0 < KnowledgeAnalysis.mediumGain }),
            ("medium (0.3 to below 0.7)", "medium (<0.7)", { $0 >= KnowledgeAnalysis.mediumGain && $0 < KnowledgeAnalysis.highGain }),
            ("high (0.7 to below 1)", "high (<1)", { $0 >= KnowledgeAnalysis.highGain && $0 < 1 }),
            ("learned all the rest (1)", "all (1)", { $0 >= 1 }),
        ]
        return bounds.map { name, short, holds in GainBand(name: name, short: short, count: gains.filter(holds).count) }
    }
}
