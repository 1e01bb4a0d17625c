import Analysis
import PollCore

/// Rows of "from → to" dots: per row a track spanning every value the measure can take, a
/// hollow dot at the first round's value, a line to a filled dot at the last round's, and a
/// band for the 95% interval of the change, drawn around the last dot. The report's overview
/// draws one row per question; the segments' small multiples one row per group.
struct ShiftDots {
    struct Row {
        var label: String
        var value: HeadlineValue?
        /// Said in place of the track when there is no value.
        var note: String
        var colour: String
        /// Said at the row's right end, e.g. the verdict.
        var tag: String?
    }

    /// The chart's width in its own coordinates.
    var width: Double
    /// Labels on their own line above each track (question texts), else left of it (group names).
    var labelsAbove: Bool

    var trackStart: Double { labelsAbove ? 40 : 118 }
    var trackEnd: Double { width - (labelsAbove ? 124 : 76) }
    var rowHeight: Double { labelsAbove ? 52 : 26 }
    /// How many terminal columns a label may take (the overview's leaves room for the verdict).
    var labelColumns: Int { labelsAbove ? Int((width - 100) / 7.6) : 16 }

    /// The rows' SVG body and its height. Without labels above, an axis line on top names the
    /// ends of the (shared) range.
    func render(_ rows: [Row]) -> (body: String, height: Double) {
        var body = ""
        var y = 0.0
        if !labelsAbove, let value = rows.lazy.compactMap(\.value).first {
            body += SVGChart.text(ReportWording.value(value.range.lowerBound, value.unit), x: trackStart, y: y + 8, fill: SVGChart.muted, size: 11)
            body += SVGChart.text(ReportWording.value(value.range.upperBound, value.unit), x: trackEnd, y: y + 8, anchor: "end",
                                  fill: SVGChart.muted, size: 11)
            y += 18
        }
        for row in rows {
            let track: Double
            if labelsAbove {
                body += SVGChart.text(SVGChart.isolated(SVGChart.fit(row.label, labelColumns)), x: 0, y: y + 10, bold: true)
                if let tag = row.tag { body += SVGChart.text(tag, x: width, y: y + 10, anchor: "end", fill: row.colour, bold: true) }
                track = y + 33
            } else {
                body += SVGChart.text(SVGChart.isolated(SVGChart.fit(row.label, labelColumns)), x: 0, y: y + 12, size: 12)
                track = y + 12
            }
            body += self.row(row, y: track)
            y += rowHeight
        }
        return (body, y)
    }

    /// One track with its dots, band and numbers, centred on `y`.
    func row(_ row: Row, y: Double) -> String {
        guard let value = row.value else {
            return SVGChart.text(row.note, x: trackStart, y: y, fill: SVGChart.muted, size: 12)
        }
        let range = value.range
        func x(_ v: Double) -> Double {
            let span = range.upperBound - range.lowerBound
            let share = span > 0 ? (min(max(v, range.lowerBound), range.upperBound) - range.lowerBound) / span : 0.5
            return trackStart + share * (trackEnd - trackStart)
        }
        var svg = SVGChart.line(x1: trackStart, y1: y, x2: trackEnd, y2: y, stroke: "#8c8c8c")
        if labelsAbove {
            svg += SVGChart.text(ReportWording.value(range.lowerBound, value.unit), x: trackStart - 6, y: y, anchor: "end", fill: SVGChart.muted, size: 11)
            svg += SVGChart.text(ReportWording.value(range.upperBound, value.unit), x: trackEnd + 6, y: y, fill: SVGChart.muted, size: 11)
        }
        if let interval = value.interval {
            // The interval of the change, moved so that its estimate sits on the last round's dot.
            let low = x(value.after + interval.lower - value.change), high = x(value.after + interval.upper - value.change)
            svg += "<rect x=\"\(SVGChart.number(low))\" y=\"\(SVGChart.number(y - 6))\" width=\"\(SVGChart.number(max(high - low, 1)))\" "
                + "height=\"12\" fill=\"\(row.colour)\" fill-opacity=\"0.25\"/>\n"
        }
        let (from, to) = (x(value.before), x(value.after))
        svg += SVGChart.line(x1: from, y1: y, x2: to, y2: y, stroke: row.colour, width: 2)
        svg += "<circle cx=\"\(SVGChart.number(from))\" cy=\"\(SVGChart.number(y))\" r=\"4.5\" fill=\"#fff\" stroke=\"\(SVGChart.muted)\" stroke-width=\"2\"/>\n"
        svg += "<circle cx=\"\(SVGChart.number(to))\" cy=\"\(SVGChart.number(y))\" r=\"5.5\" fill=\"\(row.colour)\"/>\n"
        svg += SVGChart.text(ReportWording.fromTo(value), x: width, y: y, anchor: "end", size: labelsAbove ? 12 : 11)
        return svg
    }
}
