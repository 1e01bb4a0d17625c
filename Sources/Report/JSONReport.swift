import Analysis
import Foundation
import PollCore

/// The machine-readable report, schema `roompoll.report/2` (documented in docs/report-schema.md).
public struct JSONReport: ReportFormat {
    public static let schema = "roompoll.report/2"

    public init() {}

    public func render(_ report: ShiftReport) -> String {
        Self.encode(Document(report))
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    static func encode(_ document: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The analysis never produces NaN or infinity; should one slip through, it is written as
        // null rather than failing the whole document.
        let marker = "\u{1}non-finite\u{1}"   // control characters never reach poll or participant text
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: marker, negativeInfinity: marker, nan: marker)
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"\\u0001non-finite\\u0001\"", with: "null") + "\n"
    }

    struct Document: Encodable {
        var schema = JSONReport.schema
        var session: Session
        var rounds: [String]
        var compared: [String]
        var participants: [String: Int]
        var paired_participants: Int
        var caveat: String?
        var questions: [QuestionEntry]
        var segments: [SegmentSummary]
        var qanda: QandAEntry?
        var agenda: [AgendaEntry]?
        /// The language the poll's text is written in here (nil: its main language).
        var language: String?
        /// A translated poll: the languages its answers came in, per round.
        var answer_languages: [LanguageEntry]?
        /// The poll's knowledge check (docs/report-schema.md).
        var knowledge: KnowledgeEntry?

        struct LanguageEntry: Encodable {
            var round: String
            var language: String?
            var answers: Int
            var participants: Int
        }

        init(_ report: ShiftReport) {
            language = report.language
            knowledge = report.knowledge.map(KnowledgeEntry.init)
            answer_languages = report.answerLanguages?.map {
                LanguageEntry(round: $0.round, language: $0.language, answers: $0.answers, participants: $0.participants)
            }
            session = Session(name: report.session.name, poll_title: report.session.pollTitle,
                              event: report.session.event, created: Timestamp.format(report.session.createdAt))
            rounds = report.rounds
            compared = report.rounds.count >= 2 ? [report.rounds.first!, report.rounds.last!] : report.rounds
            participants = report.participants
            paired_participants = report.pairedParticipants
            caveat = report.caveat
            questions = report.questions.map { shift in
                var entry = QuestionEntry(shift)
                entry.segments = report.segments.filter { $0.segment.id != shift.question.id }.map { breakdown in
                    SegmentEntry(segment: breakdown.segment.id, groups: breakdown.groups.map { group in
                        GroupEntry(label: group.label, size: group.size,
                                   shift: group.shifts.first { $0.question.id == shift.question.id }.map(QuestionEntry.init))
                    }, comparison: breakdown.comparisons.first { $0.question.id == shift.question.id }.map(ComparisonEntry.init))
                }
                return entry
            }
            segments = report.segments.map { SegmentSummary(id: $0.segment.id, groups: $0.groups.map { GroupSize(label: $0.label, size: $0.size) }) }
            qanda = report.qandA.map(QandAEntry.init)
            agenda = report.agenda?.parts.map { AgendaEntry(part: $0.name, planned_minutes: $0.plannedMinutes,
                                                            took_minutes: $0.tookMinutes.map { ($0 * 10).rounded() / 10 },
                                                            ended: $0.running ? false : $0.tookMinutes == nil ? nil : true) }
        }
    }

    /// A part of the agenda: planned and actual minutes (null when never reached); `ended`
    /// false for the part running when the agenda was never ended (counted to the session's
    /// last recorded activity), absent when never reached.
    struct AgendaEntry: Encodable {
        var part: String
        var planned_minutes: Int
        var took_minutes: Double?
        var ended: Bool?
    }

    /// The audience Q&A: answered questions in order, unanswered by votes, the time split.
    struct QandAEntry: Encodable {
        struct Item: Encodable {
            var id: Int64
            var text: String
            var name: String?
            var side: String
            var channel: String
            var state: String
            var votes: Int
            var seconds: Double
        }

        struct Side: Encodable {
            var asked: Int
            var answered: Int
            var seconds: Double
        }

        var answered: [Item]
        var unanswered: [Item]
        var room: Side
        var online: Side
        var never_approved: Int
        var hidden: Int
        var split: String

        init(_ summary: QandASummary) {
            func item(_ i: QandASummary.Item) -> Item {
                Item(id: i.id, text: i.text, name: i.name, side: i.side.rawValue, channel: i.channel.rawValue, state: i.state.rawValue,
                     votes: i.votes, seconds: (i.seconds * 10).rounded() / 10)
            }
            func side(_ s: QandASummary.Side) -> Side { Side(asked: s.asked, answered: s.answered, seconds: (s.seconds * 10).rounded() / 10) }
            answered = summary.answered.map(item)
            unanswered = summary.unanswered.map(item)
            room = side(summary.room)
            online = side(summary.online)
            never_approved = summary.waiting
            hidden = summary.hidden
            split = summary.split
        }
    }

    struct Session: Encodable {
        var name: String
        var poll_title: String
        var event: String?
        var created: String
    }

    struct QuestionEntry: Encodable {
        var id: String
        var kind: String
        var ask: String
        var segment: Bool
        var options: [String]
        var rounds: [String: RoundEntry]
        var change_points: [Double]?
        var intervals: [Interval?]?
        var paired: Paired?
        var agreement: Agreement?
        var mean_change: Double?
        var mean_interval: Interval?
        var consensus: [String: [String]]?
        var new_words: [String]?
        var vanished_words: [String]?
        var design: String?
        var tests: [Test]
        var headline: String
        var verdict: String
        var clear_shift: Bool
        var note: String?
        var segments: [SegmentEntry]?

        init(_ shift: QuestionShift) {
            id = shift.question.id
            kind = shift.question.kind.rawValue
            ask = shift.question.ask
            segment = shift.question.segment
            options = shift.rounds.first?.rows.map(\.label) ?? []
            rounds = Dictionary(uniqueKeysWithValues: shift.rounds.map { ($0.round, RoundEntry($0)) })
            change_points = shift.changePoints
            intervals = shift.intervals?.map { $0.map(Interval.init) }
            paired = shift.paired.map(Paired.init)
            agreement = shift.agreement.map(Agreement.init)
            mean_change = shift.meanChange
            mean_interval = shift.meanInterval.map(Interval.init)
            consensus = shift.consensus.map { orders in
                Dictionary(uniqueKeysWithValues: zip(shift.rounds.map(\.round), orders).map { ($0, $1) })
            }
            new_words = shift.newWords
            vanished_words = shift.vanishedWords
            design = shift.design?.rawValue
            tests = shift.tests.map(Test.init)
            headline = shift.headline
            verdict = shift.verdictText
            clear_shift = shift.verdict == .clearShift
            note = shift.note
        }
    }

    struct Interval: Encodable {
        var lower: Double
        var upper: Double
        init(_ interval: ConfidenceInterval) {
            lower = interval.lower
            upper = interval.upper
        }
    }

    struct Paired: Encodable {
        var n: Int
        var differently: Int
        var transitions: [[Int]]?
        var up: Int?
        var down: Int?
        var same: Int?
        var change_points: [Double]?
        var intervals: [Interval?]?
        var mean_difference: Double?
        var mean_interval: Interval?

        init(_ paired: PairedChange) {
            n = paired.n
            differently = paired.differently
            transitions = paired.transitions
            up = paired.up
            down = paired.down
            same = paired.same
            change_points = paired.changePoints
            intervals = paired.intervals?.map { $0.map(Interval.init) }
            mean_difference = paired.meanDifference
            mean_interval = paired.meanInterval.map(Interval.init)
        }
    }

    struct Agreement: Encodable {
        var labels: [String]
        var percent: [Double]
        var change_points: Double
        var interval: Interval?
        var paired_change_points: Double?
        var paired_interval: Interval?
        var disagreement_labels: [String]?
        var disagreement_percent: [Double]?
        var polarised: Bool

        init(_ agreement: AgreementShift) {
            disagreement_labels = agreement.disagreementLabels.isEmpty ? nil : agreement.disagreementLabels
            disagreement_percent = agreement.disagreementPercent.isEmpty ? nil : agreement.disagreementPercent
            polarised = agreement.polarised
            labels = agreement.labels
            percent = agreement.percent
            change_points = agreement.changePoints
            interval = agreement.interval.map(Interval.init)
            paired_change_points = agreement.pairedChangePoints
            paired_interval = agreement.pairedInterval.map(Interval.init)
        }
    }

    struct Test: Encodable {
        var name: String
        var statistic: Double?
        var df: Double?
        var z: Double?
        var p_value: Double
        var exact: Bool
        var alternative = "two-sided"
        var switched_to: Int?
        var switched_from: Int?
        var p_adjusted: Double?
        var primary: Bool
        var paired: Bool
        var option: String?
        var effect: Effect?
        var interval: Interval?

        init(_ test: ShiftTest) {
            name = test.result.name
            statistic = test.result.statistic
            df = test.result.df
            z = test.result.z
            p_value = test.result.pValue
            exact = test.result.exact
            switched_to = test.result.switchedTo
            switched_from = test.result.switchedFrom
            p_adjusted = test.pAdjusted
            primary = test.primary
            paired = test.paired
            option = test.option
            effect = test.effect.map { Effect(name: $0.name, value: $0.value) }
            interval = test.interval.map(Interval.init)
        }
    }

    struct Effect: Encodable {
        var name: String
        var value: Double
    }

    struct RoundEntry: Encodable {
        var n: Int
        var hands: Int
        var counts: [Int]
        var percent: [Double]
        var mean: Double?
        var median: Double?
        var sd: Double?
        var mean_rank: [Double?]?
        var leading: Leading?
        var texts: [String]?

        init(_ round: RoundDistribution) {
            n = round.n
            hands = round.hands
            counts = round.rows.map(\.count)
            percent = round.rows.map(\.percent)
            mean = round.mean
            median = round.median
            sd = round.sd
            mean_rank = round.rows.contains { $0.meanRank != nil } ? round.rows.map(\.meanRank) : nil
            leading = round.leading.map { Leading(label: $0.label, percent: $0.percent, strength: $0.strength.rawValue) }
            texts = round.texts.isEmpty ? nil : round.texts
        }
    }

    struct Leading: Encodable {
        var label: String
        var percent: Double
        var strength: String
    }

    struct SegmentEntry: Encodable {
        var segment: String
        var groups: [GroupEntry]
        var comparison: ComparisonEntry?
    }

    /// Did the segment's groups move differently on this question (exploratory)?
    struct ComparisonEntry: Encodable {
        var exploratory = true
        var measure: String
        var unit: String
        var design: String
        var groups: [ComparedGroup]
        var gap_before: Double
        var gap_after: Double
        var test: ComparisonTest?
        var untested: String?
        var p_adjusted: Double?

        init(_ comparison: GroupComparison) {
            untested = comparison.untested
            measure = comparison.measure
            unit = comparison.unit.rawValue
            design = comparison.design.rawValue
            groups = comparison.groups.map {
                ComparedGroup(label: $0.label, n: $0.n, before: $0.before, after: $0.after, change: $0.change, interval: $0.interval.map(Interval.init))
            }
            gap_before = comparison.gapBefore
            gap_after = comparison.gapAfter
            test = comparison.test.map { ComparisonTest(name: $0.name, statistic: $0.statistic, df: $0.df, df2: $0.df2, p_value: $0.pValue) }
            p_adjusted = comparison.pAdjusted
        }
    }

    struct ComparedGroup: Encodable {
        var label: String
        var n: Int
        var before: Double
        var after: Double
        var change: Double
        var interval: Interval?
    }

    struct ComparisonTest: Encodable {
        var name: String
        var statistic: Double?
        var df: Double?
        var df2: Double?
        var p_value: Double
    }

    struct GroupEntry: Encodable {
        var label: String
        var size: Int
        var shift: QuestionEntry?
    }

    struct SegmentSummary: Encodable {
        var id: String
        var groups: [GroupSize]
    }

    struct GroupSize: Encodable {
        var label: String
        var size: Int
    }
}
