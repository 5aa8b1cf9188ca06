extension XMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` as entities, and `'` as `&#39;` when `apostrophes`:
    /// plain markup escaping, without SpreadsheetML's `_xHHHH_` escapes, for the attributes of
    /// package parts (`.rels`, `[Content_Types].xml`) and for HTML.
    public static func markup(_ text: String, apostrophes: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'" where apostrophes: out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
