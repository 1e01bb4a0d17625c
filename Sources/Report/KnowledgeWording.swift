import Analysis
import PollCore

/// A knowledge check in plain words, the same in every format.
enum KnowledgeWording {
    /// The thresholds the words use, with their sources.
    static let thresholds = "Normalized gain (Hake 1998): low below 0.3, medium from 0.3, high from 0.7 (below 0: negative). Consistency is "
        + "Cronbach's α of the right/wrong answers (= KR-20), among those who answered every question of the check; below "
        + "0.7 it is low (Nunnally 1978) and the total score says little. Tests are two-sided."

    static func percent(_ value: Double?) -> String {
        value.map { "\(NumberText.decimal($0, places: 0))%" } ?? "–"
    }

    /// "Right answers rose from 41% to 73% (the 23 people who took the check twice: +32 points,
    /// 95% CI +25 to +39, paired t p < 0.001); normalized gain 0.54 (medium)…"
    static func summary(_ k: KnowledgeAnalysis) -> String {
        guard k.rounds.count == 2 else { return "" }
        let (before, after) = (k.rounds[0], k.rounds[1])
        let verb = (after.meanPercent ?? 0) > (before.meanPercent ?? 0) ? "rose" : (after.meanPercent ?? 0) < (before.meanPercent ?? 0) ? "fell" : "stayed"
        var text = "Right answers \(verb) from \(percent(before.meanPercent)) in the \(before.round) round (\(before.participants) people) "
            + "to \(percent(after.meanPercent)) in the \(after.round) round (\(after.participants))"
        guard k.paired > 0, let change = k.meanChange else { return text + "; nobody took the check in both rounds." }
        var paired = "among the \(k.paired) who took it in both: \(sign(change)) points"
        if let interval = k.meanInterval { paired += ", 95% CI \(ReportWording.interval(interval))" }
        if let t = k.pairedT { paired += ", paired t \(PValue.text(t.pValue))" }
        if let w = k.wilcoxon { paired += ", Wilcoxon \(PValue.text(w.pValue))" }
        text += " (\(paired))."
        if let gain = k.classGain {
            text += " Normalized gain \(NumberText.decimal(gain, places: 2)) (\(KnowledgeAnalysis.gainLevel(gain)))"
            if let individual = k.meanIndividualGain {
                text += "; the mean of each person's gain \(NumberText.decimal(individual, places: 2))"
                    + (k.perfectFirst > 0 ? ", leaving out \(k.perfectFirst) with a perfect first score" : "")
            }
            text += "."
        }
        text += " \(k.improved) improved, \(k.same) stayed the same, \(k.worse) got worse."
        return text
    }

    /// "Consistency: 0.62 in the opening round (low: the questions may not measure one thing), 0.78 in the closing."
    static func reliability(_ k: KnowledgeAnalysis) -> String? {
        let parts = k.rounds.compactMap { round -> String? in
            guard let alpha = round.reliability else { return nil }
            let low = alpha < KnowledgeAnalysis.lowReliability ? " — low: the questions may not measure one thing" : ""
            return "\(NumberText.decimal(alpha, places: 2)) in the \(round.round) round (\(round.complete) answered every question\(low))"
        }
        return parts.isEmpty ? nil : "Consistency (KR-20): " + parts.joined(separator: "; ") + "."
    }

    /// "Which is a second factor? — right: 40% → 80%; paired +38 points (95% CI +12 to +55), McNemar p = 0.004"
    static func item(_ item: KnowledgeAnalysis.Item) -> String {
        let correct = item.question.correct?.map { "“\(item.question.options[$0])”" }.joined(separator: " and ") ?? ""
        var text = "\(item.question.ask) (right: \(correct)) — " + item.rounds.map { percent($0.percent) }.joined(separator: " → ")
        if let change = item.pairedChange {
            text += "; among the \(item.paired) who answered twice \(sign(change)) points"
            if let interval = item.pairedInterval { text += " (95% CI \(ReportWording.interval(interval)))" }
            text += ", \(item.gained) learned it, \(item.lost) lost it"
            if let test = item.test { text += ", McNemar \(PValue.text(test.pValue))" }
        }
        return text
    }

    static func sign(_ value: Double) -> String {
        let rounded = NumberText.decimal(abs(value), places: abs(value) < 1 && value != 0 ? 1 : 0)
        return (value > 0 ? "+" : value < 0 ? "−" : "±") + rounded
    }
}
