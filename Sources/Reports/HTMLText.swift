import XMLStream

/// Text made safe to put in HTML, between tags or in a quoted attribute.
public enum HTMLText {
    /// `text` escaped for HTML text and attribute values. Text holding bidirectional controls
    /// (U+202A–U+202E overrides and embeddings, U+2066–U+2069 isolates, U+200E, U+200F, U+061C)
    /// is wrapped in FSI…PDI, so a name cannot reverse or reorder what follows it on the page.
    public static func escape(_ text: String) -> String {
        let bidi = text.unicodeScalars.contains {
            (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
                || $0.value == 0x200E || $0.value == 0x200F || $0.value == 0x061C
        }
        let out = XMLEscaping.markup(text, apostrophes: true)
        return bidi ? "\u{2068}" + out + "\u{2069}" : out
    }
}
