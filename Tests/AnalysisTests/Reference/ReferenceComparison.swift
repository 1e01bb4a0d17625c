// ReferenceComparison.swift — compares a Swift outcome with the reference outcome under the agreed tolerances.
import Foundation
@testable import Analysis
import PollCore

/// Tolerance policy and field-by-field comparison of Swift and reference outcomes.
///
/// - Distribution tails, special functions and quantiles: relative 1e-10 (results below 1e-300, i.e. near the
///   subnormal range, only need absolute agreement 1e-305; values near 0 for log-gamma/quantiles 1e-14 absolute).
/// - Test p-values and Holm-adjusted p: relative 1e-9, or absolute 1e-12 when the reference p < 1e-3.
/// - Test statistics, df, z, interval limits and other scalars: relative 1e-9, or absolute 1e-12 (statistics
///   that are exactly 0 mathematically come out as ±1e-16-ish in either implementation).
public enum ReferenceComparison: Sendable {

    /// One compared field.
    public struct FieldCheck: Sendable, Hashable {
        public var field: String
        public var swift: Double?
        public var reference: Double?
        /// |swift − reference| / |reference| when both are present and reference ≠ 0.
        public var relativeError: Double?
        public var passed: Bool
    }

    /// The comparison of one case.
    public struct CaseCheck: Sendable {
        public var reference: ReferenceCase
        public var swift: ReferenceOutcome
        public var expected: ReferenceOutcome
        public var fields: [FieldCheck]
        public var nullMismatch: Bool
        /// True when the value disagreed with scipy but scipy itself is off from the mpmath value and the Swift
        /// value agrees with mpmath (the case then counts as passed).
        public var scipyDisputed = false
        public var passed: Bool { !nullMismatch && fields.allSatisfy(\.passed) }

        /// A readable one-line description of what went wrong.
        public var summary: String {
            if nullMismatch {
                return "\(reference.id): swift \(swift.isNull ? "nil" : "non-nil"), reference "
                    + "\(expected.isNull ? "null" : "non-null")\(expected.note.map { " (\($0))" } ?? "")"
            }
            let bad = fields.filter { !$0.passed }.map { f in
                "\(f.field): swift=\(f.swift.map { "\($0)" } ?? "nil") ref=\(f.reference.map { "\($0)" } ?? "nil")"
                    + " rel=\(f.relativeError.map { String(format: "%.3g", $0) } ?? "-")"
            }
            if scipyDisputed {
                let f = fields.first { $0.field == "value" }
                return "\(reference.id) \(reference.test)(value: \(reference.value.map { "\($0)" } ?? "-"), "
                    + "df: \(reference.df.map { "\($0)" } ?? "-"), df2: \(reference.df2.map { "\($0)" } ?? "-"), "
                    + "p: \(reference.p.map { "\($0)" } ?? "-")): "
                    + "swift=\(f?.swift.map { "\($0)" } ?? "nil") scipy=\(f?.reference.map { "\($0)" } ?? "nil") "
                    + "mpmath=\(expected.valueHighPrecision.map { "\($0)" } ?? "nil")"
            }
            let precise = expected.valueHighPrecision.map { " mpmath=\($0)" } ?? ""
            let inputs = [reference.value.map { "value=\($0)" }, reference.df.map { "df=\($0)" },
                          reference.df2.map { "df2=\($0)" }, reference.k.map { "k=\($0)" },
                          reference.n.map { "n=\($0)" }, reference.p.map { "p=\($0)" }].compactMap { $0 }
            let shown = inputs.isEmpty ? "" : " [" + inputs.joined(separator: ", ") + "]"
            return "\(reference.id)\(shown): " + bad.joined(separator: "; ") + precise
        }
    }

    static let distributionTests: Set<String> = [
        "normal_upper", "normal_two_sided", "t_upper", "t_two_sided", "chi2_upper", "f_upper",
        "binom_upper", "binom_lower", "binom_pmf", "gamma_q", "gamma_p", "beta_inc",
    ]
    static let quantileTests: Set<String> = ["normal_quantile", "t_quantile", "log_gamma", "log_beta"]

    /// Compares `swift` with `expected` for the case `c`.
    public static func compare(_ c: ReferenceCase, swift: ReferenceOutcome, expected: ReferenceOutcome) -> CaseCheck {
        var check = CaseCheck(reference: c, swift: swift, expected: expected, fields: [], nullMismatch: false)
        if swift.isNull || expected.isNull {
            check.nullMismatch = swift.isNull != expected.isNull
            return check
        }
        let test = c.test
        func add(_ name: String, _ s: Double?, _ r: Double?, kind: Kind) {
            check.fields.append(compareField(name, s, r, kind: kind))
        }
        let scalarKind: Kind = distributionTests.contains(test) ? .tail
            : quantileTests.contains(test) ? .quantile : .general
        add("statistic", swift.statistic, expected.statistic, kind: .general)
        add("df", swift.df, expected.df, kind: .general)
        add("p_value", swift.pValue, expected.pValue, kind: .pValue)
        add("z", swift.z, expected.z, kind: .general)
        add("lower", swift.lower, expected.lower, kind: .general)
        add("upper", swift.upper, expected.upper, kind: .general)
        var valueCheck = compareField("value", swift.value, expected.value, kind: scalarKind)
        if !valueCheck.passed, scalarKind != .general, let precise = expected.valueHighPrecision {
            let scipyOff = !compareField("value", expected.value, precise, kind: scalarKind).passed
            let swiftCheck = compareField("value", swift.value, precise, kind: scalarKind)
            if scipyOff && swiftCheck.passed {
                valueCheck.passed = true
                valueCheck.relativeError = swiftCheck.relativeError   // the error against the accepted truth
                check.scipyDisputed = true
            }
        }
        check.fields.append(valueCheck)
        let s = swift.values ?? []
        let r = expected.values ?? []
        if s.count != r.count || (swift.values == nil) != (expected.values == nil) {
            check.fields.append(FieldCheck(field: "values.count", swift: Double(s.count), reference: Double(r.count),
                                           relativeError: nil, passed: false))
        } else {
            for (i, (sv, rv)) in zip(s, r).enumerated() { add("values[\(i)]", sv, rv, kind: .pValue) }
        }
        return check
    }

    enum Kind { case tail, quantile, pValue, general }

    static func compareField(_ name: String, _ s: Double?, _ r: Double?, kind: Kind) -> FieldCheck {
        guard let s, let r else {
            // Both absent is agreement; one absent is a mismatch (e.g. infinite odds ratio vs a number).
            return FieldCheck(field: name, swift: s, reference: r, relativeError: nil, passed: s == nil && r == nil)
        }
        let difference = abs(s - r)
        let relative: Double? = r != 0 ? difference / abs(r) : (s == 0 ? 0 : nil)
        let passed: Bool
        switch kind {
        case .tail:
            passed = (relative ?? .infinity) <= 1e-10 || (abs(r) < 1e-300 && difference <= 1e-305)
        case .quantile:
            passed = (relative ?? .infinity) <= 1e-10 || difference <= 1e-14
        case .pValue:
            passed = (relative ?? .infinity) <= 1e-9 || (r < 1e-3 && difference <= 1e-12)
        case .general:
            passed = (relative ?? .infinity) <= 1e-9 || difference <= 1e-12
        }
        return FieldCheck(field: name, swift: s, reference: r, relativeError: relative, passed: passed)
    }
}
