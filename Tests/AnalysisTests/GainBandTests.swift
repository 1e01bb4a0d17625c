import Testing
@testable import Analysis

@Suite("Gain bands")
struct GainBandTests {
    /// Each gain falls in exactly one band, at the bands' edges too (0, 0.3, 0.7, 1).
    @Test func edgesFallInTheHigherBand() {
        let bands = GainBand.bands([-2, -0.01, 0, 0.01, 0.29, 0.3, 0.69, 0.7, 0.99, 1])
        #expect(bands.map(\.count) == [2, 1, 2, 2, 2, 1])
        #expect(bands.map(\.short) == ["worse (<0)", "none (0)", "low (<0.3)", "medium (<0.7)", "high (<1)", "all (1)"])
        #expect(GainBand.bands([]).allSatisfy { $0.count == 0 } && GainBand.bands([]).count == 6)
    }
}
