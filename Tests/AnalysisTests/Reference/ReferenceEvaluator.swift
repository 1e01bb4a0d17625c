// ReferenceEvaluator.swift — runs the Swift implementation on a ReferenceCase.
import Foundation
@testable import Analysis
import PollCore

/// Evaluates a `ReferenceCase` with the Swift statistics core, producing the same shape of outcome as
/// reference.py.
public enum ReferenceEvaluator: Sendable {

    static func withoutZ(_ result: TestResult) -> TestResult {
        var result = result
        result.z = nil
        return result
    }

    public static func evaluate(_ c: ReferenceCase) -> ReferenceOutcome {
        let id = c.id
        let confidence = c.confidence ?? 0.95
        func scalar(_ v: Double) -> ReferenceOutcome { ReferenceOutcome(id: id, value: v) }
        switch c.test {
        // Distributions and special functions.
        case "normal_upper": return scalar(Distributions.normalUpper(c.value!))
        case "normal_two_sided": return scalar(Distributions.normalTwoSided(c.value!))
        case "normal_quantile": return scalar(Distributions.normalQuantile(c.value!))
        case "t_upper": return scalar(Distributions.tUpper(c.value!, df: c.df!))
        case "t_two_sided": return scalar(Distributions.tTwoSided(c.value!, df: c.df!))
        case "t_quantile": return scalar(Distributions.tQuantile(c.value!, df: c.df!))
        case "chi2_upper": return scalar(Distributions.chiSquareUpper(c.value!, df: c.df!))
        case "f_upper": return scalar(Distributions.fUpper(c.value!, df1: c.df!, df2: c.df2!))
        case "binom_upper": return scalar(Distributions.binomialUpper(c.k!, n: c.n!, p: c.p!))
        case "binom_lower": return scalar(Distributions.binomialLower(c.k!, n: c.n!, p: c.p!))
        case "binom_pmf": return scalar(Distributions.binomialPMF(c.k!, n: c.n!, p: c.p!))
        case "log_gamma": return scalar(SpecialFunctions.logGamma(c.value!))
        case "log_beta": return scalar(SpecialFunctions.logBeta(c.df!, c.p!))
        case "gamma_q": return scalar(SpecialFunctions.regularizedGammaQ(c.df!, c.value!))
        case "gamma_p": return scalar(SpecialFunctions.regularizedGammaP(c.df!, c.value!))
        case "beta_inc":
            return scalar(SpecialFunctions.regularizedBeta(c.value!, oneMinusX: 1 - c.value!, c.df!, c.df2!))
        // Tests.
        case "chi_square_homogeneity": return ReferenceOutcome(id: id, StatisticalTests.chiSquareHomogeneity(c.table!))
        case "cramers_v":
            guard let v = StatisticalTests.cramersV(c.table!) else { return ReferenceOutcome(id: id, isNull: true) }
            return scalar(v)
        case "fisher_exact": return ReferenceOutcome(id: id, StatisticalTests.fisherExact(c.table!))
        case "mcnemar_midp":
            return ReferenceOutcome(id: id, StatisticalTests.mcnemarMidP(b: c.counts![0], c: c.counts![1]))
        case "stuart_maxwell": return ReferenceOutcome(id: id, StatisticalTests.stuartMaxwell(c.table!))
        case "wilcoxon_signed_rank":
            return ReferenceOutcome(id: id, StatisticalTests.wilcoxonSignedRank(differences: c.x!))
        case "mann_whitney_u": return ReferenceOutcome(id: id, StatisticalTests.mannWhitneyU(c.x!, c.y!))
        // The exact tests' z is the normal approximation's, checked with the asymptotic tests.
        case "wilcoxon_signed_rank_exact":
            return ReferenceOutcome(id: id, StatisticalTests.wilcoxonSignedRankExact(differences: c.x!).map { withoutZ($0) })
        case "mann_whitney_u_exact":
            return ReferenceOutcome(id: id, StatisticalTests.mannWhitneyUExact(c.x!, c.y!).map { withoutZ($0) })
        case "fisher_freeman_halton": return ReferenceOutcome(id: id, StatisticalTests.freemanHalton(c.table!))
        case "chi_square_approximation_holds":
            return scalar(StatisticalTests.chiSquareApproximationHolds(c.table!) ? 1 : 0)
        case "probability_of_superiority":
            guard let v = StatisticalTests.probabilityOfSuperiority(c.x!, c.y!) else {
                return ReferenceOutcome(id: id, isNull: true)
            }
            return scalar(v)
        case "paired_t": return ReferenceOutcome(id: id, StatisticalTests.pairedT(after: c.x!, before: c.y!))
        case "welch_t": return ReferenceOutcome(id: id, StatisticalTests.welchT(c.x!, c.y!))
        case "one_way_anova": return ReferenceOutcome(id: id, StatisticalTests.oneWayANOVA(c.groups!))
        case "heterogeneity_q": return ReferenceOutcome(id: id, StatisticalTests.heterogeneity(estimates: c.x!, variances: c.y!))
        case "fixed_effect":
            guard let fixed = StatisticalTests.fixedEffect(estimates: c.x!, variances: c.y!) else { return ReferenceOutcome(id: id, isNull: true) }
            return ReferenceOutcome(id: id, lower: fixed.lower, upper: fixed.upper, value: fixed.mean)
        case "holm": return ReferenceOutcome(id: id, values: StatisticalTests.holm(c.pValues ?? []))
        // Intervals.
        case "wilson":
            return ReferenceOutcome(id: id, interval: Intervals.wilson(c.counts![0], c.counts![1], confidence: confidence))
        case "newcombe":
            let k = c.counts!
            return ReferenceOutcome(id: id, interval: Intervals.newcombe(
                count1: k[0], n1: k[1], count2: k[2], n2: k[3], confidence: confidence))
        case "newcombe_paired":
            let k = c.counts!
            return ReferenceOutcome(id: id, interval: Intervals.newcombePaired(
                a: k[0], b: k[1], c: k[2], d: k[3], confidence: confidence))
        case "mean_difference":
            return ReferenceOutcome(id: id, interval: Intervals.meanDifference(
                estimate: c.estimate!, standardError: c.standardError!, df: c.df!, confidence: confidence))
        default:
            return ReferenceOutcome(id: id, isNull: true, note: "unknown test \(c.test)")
        }
    }
}
