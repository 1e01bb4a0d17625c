import Analysis
import PollCore

/// A knowledge check in plain words, the same in every format.
enum KnowledgeWording {
    /// The thresholds the words use, with their sources.
    static let thresholds = "Normalized gain (Hake 1998): low below 0.3, medium from 0.3, high from 0.7 (0: none; below 0: negative). "
        + "Consistency is Cronbach's α of the right/wrong answers (= KR-20), among those who answered every question of the check; "
        + "below 0.7 it is low (Nunnally 1978): one person's total is then imprecise, so read the questions one by one — the room's "
        + "mean change still holds. A clear change: the paired t test's p below 0.05 and its 95% interval excluding 0. Tests are two-sided."

    /// What the headline rests on: "54 people took the check in the opening round, 54 in the
    /// closing. The 48 who took it in both: +24 points (95% CI +17 to +31, paired t p < 0.001,
    /// Wilcoxon p < 0.001); the mean of each person's own gain 0.34. 34 improved, 10 stayed the
    /// same, 4 got worse."
    static func summary(_ k: KnowledgeAnalysis) -> String {
        guard k.rounds.count == 2 else { return "" }
        let (before, after) = (k.rounds[0], k.rounds[1])
        var text = "\(before.participants) \(before.participants == 1 ? "person" : "people") took the check in the \(before.round) round, "
            + "\(after.participants) in the \(after.round) round."
        if k.scored.count < k.items.count {
            text += " The scores count the \(k.scored.count) question\(k.scored.count == 1 ? "" : "s") asked in both rounds."
        }
        guard k.paired > 0, let change = k.meanChange else { return text + " Nobody took it in both rounds." }
        var paired = "\(sign(change)) points"
        var details: [String] = []
        if let interval = k.meanInterval { details.append("95% CI \(ReportWording.interval(interval))") }
        if let t = k.pairedT { details.append("paired t \(PValue.text(t.pValue))") }
        if let w = k.wilcoxon { details.append("Wilcoxon \(PValue.text(w.pValue))") }
        if !details.isEmpty { paired += " (\(details.joined(separator: ", ")))" }
        text += " The \(k.paired) who took it in both: \(paired)"
        if let individual = k.meanIndividualGain {
            text += "; the mean of each person's own gain \(NumberText.decimal(individual, places: 2))"
                + (k.perfectFirst > 0 ? ", leaving out \(k.perfectFirst) with a perfect first score" : "")
        }
        text += ". \(k.improved) improved, \(k.same) stayed the same, \(k.worse) got worse."
        return text
    }

    /// "Consistency: 0.62 in the opening round (low: the questions may not measure one thing), 0.78 in the closing."
    static func reliability(_ k: KnowledgeAnalysis) -> String? {
        let parts = k.rounds.compactMap { round -> String? in
            guard let alpha = round.reliability else { return nil }
            let low = alpha < KnowledgeAnalysis.lowReliability ? " — low: one person's total is imprecise; read the questions one by one" : ""
            return "\(NumberText.decimal(alpha, places: 2)) in the \(round.round) round (\(round.complete) answered every question\(low))"
        }
        return parts.isEmpty ? nil : "Consistency (KR-20): " + parts.joined(separator: "; ") + "."
    }

    /// "Which is a second factor? (right: “A hardware key”) — 40% → 80%; among the 20 who
    /// answered twice +38 points (95% CI +12 to +55), 8 went from wrong to right, 0 from right to wrong, McNemar p = 0.004"
    static func item(_ item: KnowledgeAnalysis.Item) -> String {
        "\(item.question.ask) (right: \(rightAnswers(item.question).map { "“\($0)”" }.joined(separator: " and "))) — \(numbers(item))"
    }

    /// " · right answer: “A hardware key”" after a knowledge question's id and kind; "" for others.
    static func rightAnswerNote(_ question: Question) -> String {
        question.correct == nil ? "" : " · right answer: " + rightAnswers(question).map { "“\($0)”" }.joined(separator: " and ")
    }

    /// The labels of a question's right options.
    static func rightAnswers(_ question: Question) -> [String] {
        question.correct?.map { question.options[$0] } ?? []
    }

    /// An item's sentence after its question and right answers: "40% → 80%; among the 20 …".
    static func numbers(_ item: KnowledgeAnalysis.Item) -> String {
        var text = item.rounds.map { KnowledgeAnalysis.percentText($0.percent) }.joined(separator: " → ")
        if item.rounds.count == 1, let only = item.rounds.first { text += " (asked in the \(only.round) round only)" }
        if let change = item.pairedChange {
            text += "; among the \(item.paired) who answered twice \(sign(change)) points"
            if let interval = item.pairedInterval { text += " (95% CI \(ReportWording.interval(interval)))" }
            text += ", \(item.gained) went from wrong to right, \(item.lost) from right to wrong"
            if let test = item.test { text += ", McNemar \(PValue.text(test.pValue))" }
        }
        return text
    }

    /// "Of the 23 who took the check twice, 4 had a perfect first score and are not counted."
    static func perfectFirst(_ k: KnowledgeAnalysis) -> String? {
        guard k.perfectFirst > 0 else { return nil }
        return "Of the \(k.paired) who took the check twice, \(k.perfectFirst) had a perfect first score "
            + "(nothing left to learn) and \(k.perfectFirst == 1 ? "is" : "are") not counted."
    }

    static func sign(_ value: Double) -> String {
        let rounded = NumberText.decimal(abs(value), places: abs(value) < 1 && value != 0 ? 1 : 0)
        return (value > 0 ? "+" : value < 0 ? "-" : "±") + rounded
    }
}
