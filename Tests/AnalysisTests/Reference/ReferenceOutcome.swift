// ReferenceOutcome.swift — the result of one case, from Swift or from reference.py.
import Foundation
@testable import Analysis
import PollCore

/// What one case produced: either "no result" (`isNull`, Swift's nil) or the fields the test defines.
public struct ReferenceOutcome: Codable, Sendable, Hashable {
    public var id: String
    public var isNull: Bool
    public var statistic: Double?
    public var df: Double?
    public var pValue: Double?
    public var z: Double?
    public var lower: Double?
    public var upper: Double?
    public var value: Double?
    public var values: [Double]?
    /// For distribution functions: the reference's 60-digit mpmath value, used where scipy itself is inaccurate.
    public var valueHighPrecision: Double?
    /// Free-text remark from the reference (e.g. what scipy returned where the spec says "no test").
    public var note: String?

    public init(id: String, isNull: Bool = false, statistic: Double? = nil, df: Double? = nil,
                pValue: Double? = nil, z: Double? = nil, lower: Double? = nil, upper: Double? = nil,
                value: Double? = nil, values: [Double]? = nil, note: String? = nil) {
        self.id = id
        self.isNull = isNull
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
        self.z = z
        self.lower = lower
        self.upper = upper
        self.value = value
        self.values = values
        self.note = note
    }

    /// The outcome of a test function.
    public init(id: String, _ result: TestResult?) {
        guard let result else {
            self.init(id: id, isNull: true)
            return
        }
        self.init(id: id, statistic: result.statistic, df: result.df, pValue: result.pValue, z: result.z)
    }

    /// The outcome of an interval function.
    public init(id: String, interval: (lower: Double, upper: Double)?) {
        guard let interval else {
            self.init(id: id, isNull: true)
            return
        }
        self.init(id: id, lower: interval.lower, upper: interval.upper)
    }
}
