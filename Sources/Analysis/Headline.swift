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
        let pairedDesign = shift.design == .paired
        let pairs = shift.paired?.n ?? 0
        // No interval is printed for a round of one answer: there is nothing to be uncertain about.
        let intervals = first.n >= 2 && last.n >= 2
        var text: String
        switch shift.question.kind {
        case .single, .multi:
            let k = ChoiceAnalysis.headlineOption(shift)
            text = moved("“\(first.rows[k].label)”", from: first.rows[k].percent, to: last.rows[k].percent,
                         interval: pairedDesign || !intervals ? nil : shift.intervals?[k] ?? nil,
                         paired: pairedDesign ? (pairs, shift.paired?.changePoints?[k], intervals ? shift.paired?.intervals?[k] ?? nil : nil) : nil)
        case .likert:
            // The primary test is about the answers' positions, so the mean leads; agreement follows.
            text = meanSentence(shift, pairedDesign: pairedDesign, intervals: intervals)
            let agreement = shift.agreement!
            let agreeing = "agreement (\(quoted(agreement.labels)))"
            if agreement.polarised {
                text += "; the room polarised: " + moved(agreeing, from: agreement.percent.first!, to: agreement.percent.last!,
                                                          interval: intervals ? agreement.interval : nil, paired: nil)
                text += " and disagreement (\(quoted(agreement.disagreementLabels))) from "
                    + "\(NumberText.percent(agreement.disagreementPercent.first!)) to \(NumberText.percent(agreement.disagreementPercent.last!))"
            } else {
                text += "; " + moved(agreeing, from: agreement.percent.first!, to: agreement.percent.last!,
                                     interval: intervals ? agreement.interval : nil, paired: nil)
            }
        case .scale:
            text = meanSentence(shift, pairedDesign: pairedDesign, intervals: intervals)
        case .ranking:
            let order = shift.consensus ?? []
            guard let now = order.last?.first, let k = shift.question.options.firstIndex(of: now) else {
                text = "Nobody ranked the options"
                break
            }
            let shared = sharedFirstPlace(shift)
            text = shared.count > 1 ? "\(quoted(shared, and: true)) share first place in the room’s ranking"
                : "“\(now)” is ranked first by the room"
            if let before = first.rows[k].meanRank, let after = last.rows[k].meanRank {
                let interval = intervals ? shift.primary?.interval : nil
                text += " (mean rank \(NumberText.decimal(before, places: 1)) → \(NumberText.decimal(after, places: 1))"
                    + (interval.map { ", 95% CI of the change \(ConfidenceInterval.text($0, places: 1))" } ?? "") + ")"
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
    /// The verb and the change come from the unrounded shares (a change under a point shows a
    /// decimal: "+0.3 points"); the shares show a decimal when they would otherwise print alike.
    static func moved(_ what: String, from before: Double, to after: Double, interval: ConfidenceInterval?,
                      paired: (n: Int, change: Double?, interval: ConfidenceInterval?)?) -> String {
        let change = after - before
        let changeText = NumberText.change(change, places: 0)
        var detail = changeText + (["+1", "-1"].contains(changeText) ? " point" : " points")
        if let interval { detail += ", 95% CI \(ConfidenceInterval.text(interval))" }
        if let paired, let pairedChange = paired.change {
            detail += "; among the \(paired.n) paired participants \(NumberText.change(pairedChange, places: 0))"
                + (paired.interval.map { ", 95% CI \(ConfidenceInterval.text($0))" } ?? "")
        }
        let places = change != 0 && NumberText.percent(before) == NumberText.percent(after) ? 1 : 0
        let (b, a) = (NumberText.decimal(before, places: places) + "%", NumberText.decimal(after, places: places) + "%")
        let verb = change > 0 ? "rose from \(b) to" : change < 0 ? "fell from \(b) to" : "stayed at"
        return "\(what) \(verb) \(a) (\(detail))"
    }

    /// "The mean rose from 2.6 to 3.4 (+0.8; among the 30 paired participants +0.8, 95% CI +0.4
    /// to +1.2)": the paired participants' mean change and its interval when the design is paired.
    static func meanSentence(_ shift: QuestionShift, pairedDesign: Bool, intervals: Bool) -> String {
        guard let before = shift.rounds.first?.mean, let after = shift.rounds.last?.mean else { return "No mean to compare" }
        let change = after - before
        let places = change != 0 && NumberText.decimal(before, places: 1) == NumberText.decimal(after, places: 1) ? 2 : 1
        let (b, a) = (NumberText.decimal(before, places: places), NumberText.decimal(after, places: places))
        var text = "The mean " + (change > 0 ? "rose from \(b) to \(a)" : change < 0 ? "fell from \(b) to \(a)" : "stayed at \(a)")
        let all = shift.meanChange ?? change
        if pairedDesign, let pairedChange = shift.paired?.meanDifference, let n = shift.paired?.n {
            if n > 1, let same = shift.paired?.meanInterval, same.lower == same.upper {
                // No spread to make an interval of: say what happened.
                return text + " (\(NumberText.change(all, places: 1)); every one of the \(n) paired participants moved "
                    + "\(NumberText.change(pairedChange, places: 1)))"
            }
            let ci = intervals ? shift.paired?.meanInterval.map { ", 95% CI \(ConfidenceInterval.text($0, places: 1))" } ?? "" : ""
            text += " (\(NumberText.change(all, places: 1)); among the \(n) paired participants "
                + "\(NumberText.change(pairedChange, places: 1))\(ci))"
        } else {
            let ci = intervals ? shift.meanInterval.map { ", 95% CI \(ConfidenceInterval.text($0, places: 1))" } ?? "" : ""
            text += " (\(NumberText.change(all, places: 1))\(ci))"
        }
        return text
    }

    /// The options sharing the best mean rank in the last round (one, unless tied).
    static func sharedFirstPlace(_ shift: QuestionShift) -> [String] {
        guard let rows = shift.rounds.last?.rows, let best = rows.compactMap(\.meanRank).min() else { return [] }
        return rows.filter { $0.meanRank == best }.map(\.label)
    }

    /// What the primary test's interval is about, for the verdict: "the paired participants’ mean change".
    static func intervalSubject(_ shift: QuestionShift) -> String? {
        guard let primary = shift.primary, primary.interval != nil else { return nil }
        let whose = primary.paired ? "the paired participants’ " : "the "
        switch shift.question.kind {
        case .single, .multi: return whose + "change in “\(primary.option ?? "")”"
        case .likert, .scale: return whose + "mean change"
        case .ranking: return whose + "change in “\(primary.option ?? "")”’s mean rank"
        case .words, .text: return nil
        }
    }

    static func quoted(_ labels: [String], and: Bool = false) -> String {
        let items = labels.map { "“\($0)”" }
        guard and, items.count > 1 else { return items.joined(separator: " or ") }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// The verdict in words.
    static func verdict(_ shift: QuestionShift) -> String {
        switch shift.verdict {
        case .clearShift:
            let decided = intervalSubject(shift).map { "; the 95% CI of \($0) excludes 0" } ?? ""
            return "A clear shift (\(shift.primary.map(pText) ?? "")\(decided))."
        case .notClear:
            // Significant but with an interval that still holds 0: say which interval decided.
            let adjusted = shift.primary?.pAdjusted ?? 1
            let decided = adjusted < ShiftAnalysis.alpha ? intervalSubject(shift).map { "; but the 95% CI of \($0) includes 0" } ?? "" : ""
            return "Not a clear shift (\(shift.primary.map(pText) ?? "")\(decided))."
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
