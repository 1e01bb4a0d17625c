import Analysis

extension JSONReport {
    /// The knowledge check in the JSON report (docs/report-schema.md, `knowledge`).
    struct KnowledgeEntry: Encodable {
        struct Round: Encodable {
            var round: String
            var participants: Int
            var mean_percent: Double?
            var reliability: Double?
            var complete: Int
        }
        struct ItemRound: Encodable {
            var round: String
            var correct: Int
            var n: Int
            var percent: Double?
            var interval: Interval?
        }
        struct Item: Encodable {
            var id: String
            var correct: [String]
            var rounds: [ItemRound]
            var right_both: Int, gained: Int, lost: Int, wrong_both: Int
            var paired_change_points: Double?
            var paired_interval: Interval?
            var mcnemar_p: Double?
            var sentence: String
        }
        var rounds: [Round]
        var paired: Int
        /// The questions the scores count (asked in both rounds).
        var scored: [String]
        var clear: Bool
        var mean_change_points: Double?
        var mean_interval: Interval?
        var paired_t: TestValue?
        var wilcoxon: TestValue?
        var class_gain: Double?
        var class_gain_level: String?
        var mean_individual_gain: Double?
        var perfect_first: Int
        var improved: Int, same: Int, worse: Int
        /// How many of the paired participants who could gain fall in each band of own gain.
        var gain_bands: [Band]
        var items: [Item]
        var headline: String
        var sentence: String
        var consistency: String?

        struct Band: Encodable {
            var band: String
            var count: Int
        }

        struct TestValue: Encodable {
            var statistic: Double?
            var df: Double?
            var z: Double?
            var p_value: Double
            var alternative = "two-sided"
            init(_ result: TestResult) {
                statistic = result.statistic
                df = result.df
                z = result.z
                p_value = result.pValue
            }
        }

        init(_ k: KnowledgeAnalysis) {
            rounds = k.rounds.map { Round(round: $0.round, participants: $0.participants, mean_percent: $0.meanPercent,
                                          reliability: $0.reliability, complete: $0.complete) }
            paired = k.paired
            scored = k.scored
            clear = k.isClear
            mean_change_points = k.meanChange
            mean_interval = k.meanInterval.map(Interval.init)
            paired_t = k.pairedT.map(TestValue.init)
            wilcoxon = k.wilcoxon.map(TestValue.init)
            class_gain = k.classGain
            class_gain_level = k.classGain.map(KnowledgeAnalysis.gainLevel)
            mean_individual_gain = k.meanIndividualGain
            perfect_first = k.perfectFirst
            (improved, same, worse) = (k.improved, k.same, k.worse)
            items = k.items.map { item in
                Item(id: item.question.id, correct: (item.question.correct ?? []).map { item.question.options[$0] },
                     rounds: item.rounds.map { ItemRound(round: $0.round, correct: $0.correct, n: $0.respondents, percent: $0.percent,
                                                         interval: $0.interval.map(Interval.init)) },
                     right_both: item.rightBoth, gained: item.gained, lost: item.lost, wrong_both: item.wrongBoth,
                     paired_change_points: item.pairedChange, paired_interval: item.pairedInterval.map(Interval.init),
                     mcnemar_p: item.test?.pValue, sentence: KnowledgeWording.item(item))
            }
            gain_bands = k.individualGains.isEmpty ? [] : GainBand.bands(k.individualGains).map { Band(band: $0.name, count: $0.count) }
            headline = k.headline
            sentence = KnowledgeWording.summary(k)
            consistency = KnowledgeWording.reliability(k)
        }
    }
}
