/// How large a shift is, independent of the room's size.
public struct EffectSize: Sendable, Hashable {
    /// `cramers_v`, `probability_of_superiority` or `mean_difference`.
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}
