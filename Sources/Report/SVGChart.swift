import Foundation
import PollCore

/// What every inline chart of the HTML report shares: the accessible `<svg role="img">` frame
/// with a title and a description in words, coordinates written through `NumberText`, labels cut
/// to fit, the palettes, and text colours that keep WCAG AA contrast on any fill.
enum SVGChart {
    /// The width of every chart's coordinate system; charts scale down with the page.
    static let width = 640.0
    /// One colour per round position: first, middle ones, last (each at least 4.5:1 on white).
    static let roundColours = ["#5f6b7a", "#6a3d8f", "#1f4e99"]
    /// Likert's disagree side from the strongest outwards to the mildest, and the agree side
    /// from the mildest to the strongest; the middle label is neutral grey.
    static let disagreeColours = ["#7f2704", "#b3541e", "#e08a4f", "#f6c9a4"]
    static let agreeColours = ["#a8cfe8", "#4a98c9", "#1f6aa5", "#08306b"]
    static let neutralColour = "#d4d4d4"
    static let ink = "#111"
    static let muted = "#444"

    /// The `<svg>` element: `id` names its title and description for `aria-labelledby`.
    static func frame(id: String, title: String, description: String, height: Double, width: Double = width, body: String) -> String {
        """
        <svg class="chart" id="\(id)" role="img" aria-labelledby="\(id)-title \(id)-desc" \
        viewBox="0 0 \(number(width)) \(number(height))" width="\(number(width))" height="\(number(height))" \
        font-size="13">
        <title id="\(id)-title">\(HTMLText.escape(title))</title>
        <desc id="\(id)-desc">\(HTMLText.escape(description))</desc>
        \(body)</svg>

        """
    }

    /// A coordinate or length with one decimal; never NaN or infinite (those become 0).
    static func number(_ value: Double) -> String {
        NumberText.decimal(value.isFinite ? value : 0, places: 1)
    }

    /// A `<text>` element; `content` is plain text and is escaped here.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", fill: String = ink,
                     size: Double? = nil, bold: Bool = false) -> String {
        var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" dominant-baseline=\"middle\" fill=\"\(fill)\""
        if let size { attributes += " font-size=\"\(number(size))\"" }
        if bold { attributes += " font-weight=\"700\"" }
        return "<text \(attributes)>\(HTMLText.escape(content))</text>\n"
    }

    /// A filled rectangle; nothing when it would have no width.
    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil) -> String {
        guard width.isFinite, height.isFinite, width > 0, height > 0 else { return "" }
        let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
        return "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(fill)\"\(outline)/>\n"
    }

    /// A straight line.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) -> String {
        "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"\(number(width))\"/>\n"
    }

    /// `label` cut to at most `columns` terminal columns (ending in "…" when cut); the full
    /// label is in the chart's description and table.
    static func fit(_ label: String, _ columns: Int) -> String {
        DisplayWidth.trimTrailing(DisplayWidth.fit(label, columns))
    }

    /// Poll text between Unicode's first-strong isolate and pop-directional isolate, so that a
    /// right-to-left label keeps its place next to the numbers after it (SVG text has no `dir`).
    static func isolated(_ label: String) -> String {
        "\u{2068}" + label + "\u{2069}"
    }

    /// The colour of round `index` of `count`: the first, the last, or a middle one.
    static func roundColour(_ index: Int, of count: Int) -> String {
        if index == count - 1 { return roundColours[2] }
        return index == 0 ? roundColours[0] : roundColours[1]
    }

    /// Each likert label's colour, from the first (most disagreeing) label to the last.
    static func likertColours(_ count: Int) -> [String] {
        let side = count / 2
        func pick(_ palette: [String], _ i: Int) -> String {
            side <= 1 ? palette[palette.count / 2] : palette[(i * (palette.count - 1) + (side - 1) / 2) / (side - 1)]
        }
        let disagree = (0..<side).map { pick(disagreeColours, $0) }
        let agree = (0..<side).map { pick(agreeColours, $0) }
        return disagree + (count % 2 == 1 ? [neutralColour] : []) + agree
    }

    /// Black-ish or white text, whichever contrasts more with `fill` (a `#rrggbb` colour).
    static func textColour(on fill: String) -> String {
        let background = luminance(fill)
        let onWhite = 1.05 / (background + 0.05), onInk = (background + 0.05) / (luminance(ink) + 0.05)
        return onWhite >= onInk ? "#fff" : ink
    }

    /// WCAG relative luminance of `#rgb` or `#rrggbb` (0 for anything else).
    static func luminance(_ colour: String) -> Double {
        var hex = String(colour.drop { $0 == "#" })
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return 0 }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// A legend: each entry a colour swatch and its label (HTML already escaped).
    static func legend(_ entries: [(label: String, fill: String, opacity: Double)]) -> String {
        var html = "<ul class=\"legend\">\n"
        for entry in entries {
            html += "<li><svg class=\"swatch\" width=\"14\" height=\"14\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect width=\"14\" height=\"14\" fill=\"\(entry.fill)\" fill-opacity=\"\(NumberText.decimal(entry.opacity, places: 2))\" "
                + "stroke=\"\(ink)\" stroke-width=\"1\"/></svg> \(entry.label)</li>\n"
        }
        return html + "</ul>\n"
    }
}
