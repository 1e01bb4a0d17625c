/// Language tags (BCP 47) as roompoll uses them: checked in poll files, matched against what a
/// browser asks for, and told apart by writing direction.
public enum LanguageTag {
    /// ISO 639-1: the two-letter codes a tag's first part may be (three-letter ISO 639-2/3
    /// codes are taken as written: there are thousands).
    static let twoLetterCodes: Set<String> = Set("""
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el \
        en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu \
        ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na \
        nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so \
        sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.split(separator: " ").map(String.init))

    /// Languages written right to left (by first part), and scripts that are.
    static let rightToLeftLanguages: Set<String> = ["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"]
    static let rightToLeftScripts: Set<String> = ["arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"]

    /// Why `tag` is not a language tag roompoll accepts, or nil when it is one.
    public static func problem(_ tag: String) -> String? {
        guard tag.count <= 35, tag.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"#, options: .regularExpression) != nil else {
            return "`\(tag.prefix(40))` is not a language tag: use a tag such as en, fr, ar or zh-Hans"
        }
        let first = primary(tag)
        if first.count == 2, !twoLetterCodes.contains(first) {
            let near = twoLetterCodes.sorted().first { EditDistance.between($0, first) == 1 && commonMistakes[first] == nil }
            let hint = commonMistakes[first] ?? near
            return "`\(tag)` is not a known language (ISO 639-1)" + (hint.map { " — did you mean `\($0)`?" } ?? "")
        }
        return nil
    }

    /// Codes people write for a language whose code is another one.
    static let commonMistakes = ["sp": "es", "dk": "da", "jp": "ja", "cn": "zh", "gr": "el", "se": "sv", "ua": "uk", "cz": "cs", "kr": "ko", "po": "pl", "ge": "ka"]

    /// The language part of a tag, lower-cased: `zh` of `zh-Hans`.
    public static func primary(_ tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }

    /// Whether text in `tag` is written right to left.
    public static func isRightToLeft(_ tag: String) -> Bool {
        let parts = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        if let script = parts.dropFirst().first(where: { $0.count == 4 }) { return rightToLeftScripts.contains(script) }
        return parts.first.map(rightToLeftLanguages.contains) ?? false
    }

    /// `ltr` or `rtl`, for an HTML `dir` attribute.
    public static func direction(_ tag: String) -> String { isRightToLeft(tag) ? "rtl" : "ltr" }

    /// Whether a text in `available` serves someone asking for `wanted`: the same tag, or the
    /// same language where one of them names no more than the language (`fr` serves `fr-CA`).
    /// Chinese in simplified and in traditional characters are not the same text: `zh` and
    /// `zh-Hans` never serve `zh-Hant`, `zh-TW` or `zh-HK`.
    public static func serves(_ available: String, _ wanted: String) -> Bool {
        let a = available.lowercased(), w = wanted.lowercased()
        if a == w { return true }
        guard primary(a) == primary(w) else { return false }
        if primary(a) == "zh" { return isTraditionalChinese(a) == isTraditionalChinese(w) }
        return !a.contains("-") || !w.contains("-")
    }

    static func isTraditionalChinese(_ tag: String) -> Bool {
        let parts = tag.lowercased().split(separator: "-")
        return parts.contains("hant") || (!parts.contains("hans") && (parts.contains("tw") || parts.contains("hk") || parts.contains("mo")))
    }

    /// The first of `available` that serves one of `wanted` (most wanted first), if any.
    public static func bestMatch(for wanted: [String], in available: [String]) -> String? {
        for tag in wanted {
            if let exact = available.first(where: { $0.lowercased() == tag.lowercased() }) { return exact }
            if let near = available.first(where: { serves($0, tag) }) { return near }
        }
        return nil
    }

    /// The language's name in itself, for a language switcher: "Français", "العربية".
    public static func autonym(_ tag: String) -> String {
        autonyms[tag.lowercased()] ?? autonyms[primary(tag)] ?? tag
    }

    static let autonyms = [
        "en": "English", "fr": "Français", "es": "Español", "ar": "العربية", "zh": "中文", "zh-hans": "简体中文",
        "zh-hant": "繁體中文", "ru": "Русский", "pt": "Português", "de": "Deutsch", "it": "Italiano", "sw": "Kiswahili",
        "hi": "हिन्दी", "bn": "বাংলা", "ur": "اردو", "fa": "فارسی", "he": "עברית", "tr": "Türkçe", "uk": "Українська",
        "pl": "Polski", "nl": "Nederlands", "id": "Bahasa Indonesia", "ms": "Bahasa Melayu", "ja": "日本語", "ko": "한국어",
        "vi": "Tiếng Việt", "th": "ไทย", "am": "አማርኛ", "ha": "Hausa", "yo": "Yorùbá", "ig": "Igbo", "zu": "isiZulu",
        "so": "Soomaali", "ps": "پښتو", "ku": "Kurdî", "ckb": "کوردی", "my": "မြန်မာ", "km": "ខ្មែរ", "ne": "नेपाली",
        "ta": "தமிழ்", "si": "සිංහල", "tl": "Tagalog", "ro": "Română", "el": "Ελληνικά", "hu": "Magyar", "cs": "Čeština",
        "sv": "Svenska", "da": "Dansk", "nb": "Norsk bokmål", "fi": "Suomi", "ka": "ქართული", "hy": "Հայերեն", "az": "Azərbaycan",
        "kk": "Қазақ", "uz": "Oʻzbek", "sr": "Српски", "hr": "Hrvatski", "bs": "Bosanski", "sq": "Shqip", "mk": "Македонски",
        "bg": "Български", "ca": "Català", "eu": "Euskara", "gl": "Galego", "qu": "Runasimi", "gn": "Avañe'ẽ", "ht": "Kreyòl ayisyen",
    ]
}
