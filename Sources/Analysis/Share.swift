/// One row of a round's distribution: an option (or scale value, or word), its count and share.
public struct Share: Sendable, Hashable {
    public var label: String
    public var count: Int
    /// Percent of the round's respondents (0–100).
    public var percent: Double
    /// `ranking`: the option's mean rank (1 = first); `nil` for other kinds or no answers.
    public var meanRank: Double?

    public init(label: String, count: Int, percent: Double, meanRank: Double? = nil) {
        self.label = label
        self.count = count
        self.percent = percent
        self.meanRank = meanRank
    }
}
