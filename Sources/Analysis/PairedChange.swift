/// How the participants who answered a question in both the first and the last round moved.
public struct PairedChange: Sendable, Hashable {
    /// Participants with an answer in both rounds.
    public var n: Int
    /// Of those, how many gave a different answer in the last round.
    public var differently: Int
    /// Ordered kinds (likert, scale): moved up, down, or stayed.
    public var up: Int?
    public var down: Int?
    public var same: Int?
    /// `single`, `likert`, `scale`: counts of first-round answer (row) × last-round answer (column),
    /// in the order of the question's rows.
    public var transitions: [[Int]]?
    /// Choice kinds: per option, the change in points among these participants and its 95%
    /// interval (Newcombe's paired method).
    public var changePoints: [Double]?
    public var intervals: [ConfidenceInterval?]?
    /// `scale` and `likert`: the mean paired difference (last − first) and its 95% interval.
    public var meanDifference: Double?
    public var meanInterval: ConfidenceInterval?

    public init(n: Int, differently: Int) {
        self.n = n
        self.differently = differently
    }
}
