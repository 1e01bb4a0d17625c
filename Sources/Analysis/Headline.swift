import PollCore

/// The sentences a report leads with: what changed, in plain words, and whether it is a clear
/// shift. Switching is "answered differently", never "changed their mind".
enum Headline {
    static func sentence(_ shift: QuestionShift) -> String {
        guard shift.note == nil, let first = shift.rounds.first, let last = shift.rounds.last else {
            return "No change measured: \(shift.note ?? "nothing to compare")."
        }
        var text: String
        switch shift.question.kind {
        case .single, .multi:
            let k = ChoiceAnalysis.headlineOption(shift)
            text = moved("“\(first.rows[k].label)”", from: first.rows[k].percent, to: last.rows[k].percent,
                         interval: shift.primary?.interval ?? shift.intervals?[k] ?? nil)
        case .likert:
            if let agreement = shift.agreement {
                let who = agreement.labels.map { "“\($0)”" }.joined(separator: " or ")
                text = moved("Agreement (\(who))", from: agreement.percent.first!, to: agreement.percent.last!,
                             interval: shift.paired.map { $0.n >= ShiftAnalysis.minimumPairs } == true
                                 ? agreement.pairedInterval : agreement.interval)
            } else {
                text = "No agreement measured"
            }
            if let before = first.mean, let after = last.mean {
                text += "; mean \(NumberText.decimal(before, places: 1)) → \(NumberText.decimal(after, places: 1))"
            }
        case .scale:
            let before = first.mean ?? 0, after = last.mean ?? 0
            let verb = after > before ? "rose" : after < before ? "fell" : "stayed"
            let interval = shift.primary?.interval ?? shift.meanInterval
            text = "The mean \(verb) " + (verb == "stayed" ? "at \(NumberText.decimal(before, places: 1))"
                : "from \(NumberText.decimal(before, places: 1)) to \(NumberText.decimal(after, places: 1))")
            text += " (\(signed(after - before))" + (interval.map { ", 95% CI \(signed($0.lower)) to \(signed($0.upper))" } ?? "") + ")"
        case .ranking:
            let order = shift.consensus ?? []
            if let now = order.last?.first {
                text = "“\(now)” is ranked first by the room"
                if let was = order.first, was != order.last! {
                    text += "; order now \(list(order.last!)) (was \(list(was)))"
                } else {
                    text += "; the order did not change"
                }
            } else {
                text = "Nobody ranked the options"
            }
        case .words:
            let fresh = (shift.newWords ?? []).prefix(5), gone = (shift.vanishedWords ?? []).prefix(5)
            text = fresh.isEmpty ? "No new words" : "New words: " + fresh.joined(separator: ", ")
            text += gone.isEmpty ? "; none dropped out" : "; no longer used: " + gone.joined(separator: ", ")
        case .text:
            text = "Free text is shown, not measured"
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

    /// "“Agree” rose from 41% to 68% (+27 points, 95% CI +9 to +44)".
    static func moved(_ what: String, from before: Double, to after: Double, interval: ConfidenceInterval?) -> String {
        let b = NumberText.percent(before), a = NumberText.percent(after)
        let change = after - before
        let ci = interval.map { ", 95% CI \(points($0.lower)) to \(points($0.upper))" } ?? ""
        if b == a { return "\(what) stayed at \(a) (\(points(change)) points\(ci))" }
        return "\(what) \(change > 0 ? "rose" : "fell") from \(b) to \(a) (\(points(change)) points\(ci))"
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

    static func pText(_ test: ShiftTest) -> String {
        var text = "\(test.title), " + PValue.text(test.result.pValue)
        if let adjusted = test.pAdjusted, adjusted != test.result.pValue {
            text += ", " + PValue.text(adjusted, name: "Holm-adjusted p")
        }
        return text
    }

    /// Whole points with a sign: "+27", "-9", "±0".
    static func points(_ value: Double) -> String {
        let text = NumberText.decimal(value, places: 0)
        if text == "0" { return "±0" }
        return value > 0 ? "+" + text : text
    }

    static func signed(_ value: Double) -> String {
        let text = NumberText.decimal(value, places: 1)
        if text == "0.0" { return "±0.0" }
        return value > 0 ? "+" + text : text
    }

    static func list(_ items: [String]) -> String { items.joined(separator: " > ") }
}

/// How p-values are written: three significant decimals, and "p < 0.001" below that.
public enum PValue {
    public static func text(_ p: Double, name: String = "p") -> String {
        p < 0.001 ? "\(name) < 0.001" : "\(name) = \(NumberText.decimal(p, places: 3))"
    }
}
