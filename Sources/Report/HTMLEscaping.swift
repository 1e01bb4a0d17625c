import PollCore
/// Poll text in the HTML report: escaped (`HTMLText`), isolated by direction, or made into ids.
enum HTMLEscaping {
    /// Poll text of unknown direction, escaped and isolated with `dir="auto"` so that
    /// right-to-left scripts display correctly inside English sentences.
    static func pollText(_ text: String) -> String {
        "<span dir=\"auto\">\(HTMLText.escape(text))</span>"
    }

    /// A piece of an element id made from poll text: ASCII letters, digits, `-` and `_` are
    /// kept, anything else becomes `-`. Callers prefix an index, so ids stay unique.
    static func idFragment(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_": return Character(scalar)
            default: return "-"
            }
        })
    }
}
