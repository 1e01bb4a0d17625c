/// The share of a likert question's respondents choosing one of its top two labels.
public struct AgreementShift: Sendable, Hashable {
    /// The labels counted as agreement.
    public var labels: [String]
    /// Percent per round, in round order.
    public var percent: [Double]
    public var changePoints: Double
    public var interval: ConfidenceInterval?
    /// Among paired participants, with Newcombe's paired interval.
    public var pairedChangePoints: Double?
    public var pairedInterval: ConfidenceInterval?
}
