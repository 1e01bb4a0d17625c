// ReferenceCase.swift — one input case shared by the Swift harness and reference.py.
import Foundation
@testable import Analysis
import PollCore

/// One case for the reference comparison; encoded as JSON (snake_case keys) for `reference.py`.
///
/// Only the fields a given `test` needs are set; see reference.py's docstring for the meaning per test.
public struct ReferenceCase: Codable, Sendable, Hashable {
    public var id: String
    public var test: String
    public var table: [[Int]]?
    public var x: [Double]?
    public var y: [Double]?
    public var value: Double?
    public var df: Double?
    public var df2: Double?
    public var k: Int?
    public var n: Int?
    public var p: Double?
    public var counts: [Int]?
    public var confidence: Double?
    public var pValues: [Double]?
    public var estimate: Double?
    public var standardError: Double?
    /// Several samples (one-way ANOVA).
    public var groups: [[Double]]?

    public init(id: String, test: String, table: [[Int]]? = nil, x: [Double]? = nil, y: [Double]? = nil,
                value: Double? = nil, df: Double? = nil, df2: Double? = nil, k: Int? = nil, n: Int? = nil,
                p: Double? = nil, counts: [Int]? = nil, confidence: Double? = nil, pValues: [Double]? = nil,
                estimate: Double? = nil, standardError: Double? = nil) {
        self.id = id
        self.test = test
        self.table = table
        self.x = x
        self.y = y
        self.value = value
        self.df = df
        self.df2 = df2
        self.k = k
        self.n = n
        self.p = p
        self.counts = counts
        self.confidence = confidence
        self.pValues = pValues
        self.estimate = estimate
        self.standardError = standardError
    }
}
