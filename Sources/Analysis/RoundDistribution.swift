/// How one round answered one question.
public struct RoundDistribution: Sendable, Hashable {
    public var round: String
    /// Respondents, show-of-hands counts included.
    public var n: Int
    /// Of `n`, how many were counted by show of hands.
    public var hands: Int
    /// Choice kinds: one row per option. `scale`: one per value. `ranking`: one per option
    /// (count = first places). `words`: the most used words. `text`: none.
    public var rows: [Share]
    /// `scale`: the mean value; `likert`: the mean position (1 = first label).
    public var mean: Double?
    /// `scale`, `likert`: the median and the standard deviation (n − 1) of the same values.
    public var median: Double?
    public var sd: Double?
    /// `single`, `likert`, `scale`: the most chosen row and how strong its lead is.
    public var leading: LeadingAnswer?
    /// `text`: every answer, in arrival order.
    public var texts: [String]

    public init(round: String, n: Int, hands: Int, rows: [Share], mean: Double?, texts: [String] = []) {
        self.round = round
        self.n = n
        self.hands = hands
        self.rows = rows
        self.mean = mean
        self.texts = texts
    }
}
