import PollCore

/// The sentences a report leads with: what changed, in plain words, and whether it is a clear
/// shift. Switching is "answered differently", never "changed their mind". Every interval is
/// printed next to the estimate it belongs to: all respondents' change with its interval, and
/// when the primary test is paired, the paired participants' change with theirs.
enum Headline {
    static func sentence(_ shift: QuestionShift) -> String {
        guard shift.note == nil, let first = shift.rounds.first, let last = shift.rounds.last else {
            return "No change measured: \(shift.note ?? "nothing to compare")."
        }
        let primary = shift.primary
        let pairedPrimary = primary?.paired == true
        let pairs = shift.paired?.n ?? 0
        var text: String
        switch shift.question.kind {
        case .single, .multi:
            let k = ChoiceAnalysis.headlineOption(shift)
            text = moved("“\(first.rows[k].label)”", from: first.rows[k].percent, to: last.rows[k].percent,
                         interval: pairedPrimary ? nil : shift.intervals?[k] ?? nil,
                         paired: pairedPrimary ? (pairs, shift.paired?.changePoints?[k], primary?.interval) : nil)
        case .likert:
            let agreement = shift.agreement!
            let who = agreement.labels.map { "“\($0)”" }.joined(separator: " or ")
            text = moved("Agreement (\(who))", from: agreement.percent.first!, to: agreement.percent.last!,
                         interval: agreement.interval, paired: nil)
            if let before = first.mean, let after = last.mean {
                text += "; mean \(NumberText.decimal(before, places: 1)) → \(NumberText.decimal(after, places: 1))"
                text += meanChange(all: shift.meanChange, pairedPrimary ? (pairs, shift.paired?.meanDifference) : nil, primary?.interval)
            }
        case .scale:
            let before = NumberText.decimal(first.mean ?? 0, places: 1), after = NumberText.decimal(last.mean ?? 0, places: 1)
            let verb = before == after ? "stayed" : (last.mean ?? 0) > (first.mean ?? 0) ? "rose" : "fell"
            text = "The mean \(verb) " + (verb == "stayed" ? "at \(after)" : "from \(before) to \(after)")
            text += meanChange(all: shift.meanChange, pairedPrimary ? (pairs, shift.paired?.meanDifference) : nil, primary?.interval)
        case .ranking:
            let order = shift.consensus ?? []
            guard let now = order.last?.first, let k = shift.question.options.firstIndex(of: now) else {
                text = "Nobody ranked the options"
                break
            }
            text = "“\(now)” is ranked first by the room"
            if let before = first.rows[k].meanRank, let after = last.rows[k].meanRank {
                text += " (mean rank \(NumberText.decimal(before, places: 1)) → \(NumberText.decimal(after, places: 1))"
                    + (primary?.interval.map { ", 95% CI of the change \(ConfidenceInterval.text($0, places: 1))" } ?? "") + ")"
            }
            if let was = order.first, was != order.last! {
                text += "; order now \(list(order.last!)) (was \(list(was)))"
            } else {
                text += "; the order did not change"
            }
        case .words:
            let fresh = (shift.newWords ?? []).prefix(5), gone = (shift.vanishedWords ?? []).prefix(5)
            text = fresh.isEmpty ? "No new words" : "New words: " + fresh.joined(separator: ", ")
            text += gone.isEmpty ? "; none dropped out" : "; no longer used: " + gone.joined(separator: ", ")
        case .text:
            text = ""
        }
        if let paired = shift.paired, paired.n > 0, shift.question.kind != .words {
            if let up = paired.up, let down = paired.down, let same = paired.same {
                text += "; of \(paired.n) paired participants \(up) moved up, \(down) down, \(same) stayed"
            } else {
                text += "; \(paired.differently) of \(paired.n) paired participants answered differently"
            }
        }
        return text + "."
    }

    /// "“Agree” rose from 41% to 68% (+27 points, 95% CI +9 to +44)", or with the paired
    /// participants' change: "(+27 points; among the 30 paired participants +25, 95% CI +9 to +44)".
    /// The verb and the printed change come from the printed (rounded) percentages.
    static func moved(_ what: String, from before: Double, to after: Double, interval: ConfidenceInterval?,
                      paired: (n: Int, change: Double?, interval: ConfidenceInterval?)?) -> String {
        let b = before.rounded(.toNearestOrAwayFromZero), a = after.rounded(.toNearestOrAwayFromZero)
        let change = a - b
        var detail = NumberText.signed(change, places: 0) + (abs(change) == 1 ? " point" : " points")
        if let interval { detail += ", 95% CI \(ConfidenceInterval.text(interval))" }
        if let paired, let pairedChange = paired.change {
            detail += "; among the \(paired.n) paired participants \(NumberText.signed(pairedChange, places: 0))"
                + (paired.interval.map { ", 95% CI \(ConfidenceInterval.text($0))" } ?? "")
        }
        let verb = change > 0 ? "rose from \(NumberText.percent(b)) to" : change < 0 ? "fell from \(NumberText.percent(b)) to" : "stayed at"
        return "\(what) \(verb) \(NumberText.percent(a)) (\(detail))"
    }

    /// " (+1.6, 95% CI +0.9 to +2.3)" for all respondents, or with the paired participants'
    /// mean change when the primary test is paired.
    static func meanChange(all: Double?, _ paired: (n: Int, change: Double?)?, _ interval: ConfidenceInterval?) -> String {
        let ci = interval.map { ", 95% CI \(ConfidenceInterval.text($0, places: 1))" } ?? ""
        if let paired, let change = paired.change {
            return " (" + (all.map { NumberText.signed($0, places: 1) + "; " } ?? "")
                + "among the \(paired.n) paired participants \(NumberText.signed(change, places: 1))\(ci))"
        }
        return all.map { " (\(NumberText.signed($0, places: 1))\(ci))" } ?? ""
    }

    /// The verdict in words.
    static func verdict(_ shift: QuestionShift) -> String {
        switch shift.verdict {
        case .clearShift:
            return "A clear shift (\(shift.primary.map(pText) ?? ""))."
        case .notClear:
            return "Not a clear shift (\(shift.primary.map(pText) ?? ""))."
        case .notTested(let why):
            return "Not tested: \(why)."
        }
    }

    /// "McNemar mid-p test on “Yes”, p = 0.017, Holm-adjusted p = 0.034".
    static func pText(_ test: ShiftTest) -> String {
        var text = test.title + (test.option.map { " on “\($0)”" } ?? "") + ", " + PValue.text(test.result.pValue)
        if let adjusted = test.pAdjusted { text += ", " + PValue.text(adjusted, name: "Holm-adjusted p") }
        return text
    }

    static func list(_ items: [String]) -> String { items.joined(separator: " > ") }
}
