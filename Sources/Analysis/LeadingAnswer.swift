/// The answer most of a round chose, and how strong its lead is.
public struct LeadingAnswer: Sendable, Hashable {
    public enum Strength: String, Sendable, Hashable {
        /// More than any other answer, under half.
        case plurality
        /// At least half.
        case majority
        /// More than two thirds.
        case supermajority
        /// Two or more answers share the top.
        case tied
        /// Only one person answered: their answer leads, with no strength to speak of.
        case single
    }

    public var label: String
    public var percent: Double
    public var strength: Strength

    public init(label: String, percent: Double, strength: Strength) {
        self.label = label
        self.percent = percent
        self.strength = strength
    }

    /// The leader of some rows (nil when nobody answered).
    static func of(_ rows: [Share]) -> LeadingAnswer? {
        guard let top = rows.max(by: { $0.count < $1.count }), top.count > 0 else { return nil }
        let strength: Strength
        if rows.reduce(0, { $0 + $1.count }) == 1 { strength = .single }
        else if rows.filter({ $0.count == top.count }).count > 1 { strength = .tied }
        else if top.percent > 200.0 / 3 { strength = .supermajority }
        else if top.percent >= 50 { strength = .majority }
        else { strength = .plurality }
        return LeadingAnswer(label: top.label, percent: top.percent, strength: strength)
    }
}
