/// The share of a likert question's respondents choosing one of its top two labels.
public struct AgreementShift: Sendable, Hashable {
    /// The labels counted as agreement.
    public var labels: [String]
    /// Percent per round, in round order.
    public var percent: [Double]
    public var changePoints: Double
    public var interval: ConfidenceInterval?
    /// The bottom labels, as many as the top ones (likert scales of four labels or more), and
    /// their share per round: when both ends grew, the room polarised.
    public var disagreementLabels: [String] = []
    public var disagreementPercent: [Double] = []
    /// Agreement and disagreement both grew from the first round to the last.
    public var polarised: Bool {
        guard let a0 = percent.first, let a1 = percent.last, let d0 = disagreementPercent.first, let d1 = disagreementPercent.last else { return false }
        return a1 > a0 && d1 > d0
    }
    /// Among paired participants, with Newcombe's paired interval.
    public var pairedChangePoints: Double?
    public var pairedInterval: ConfidenceInterval?
}
