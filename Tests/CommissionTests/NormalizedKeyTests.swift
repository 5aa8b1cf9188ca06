import Commission
import Testing

/// `normalizedKey` trims whitespace and folds case; its byte-wise path for ASCII text gives what
/// the character-wise one gives.
@Suite struct NormalizedKeyTests {
    /// The character-wise definition: trimmed of whitespace characters, then lowercased.
    static func reference(_ text: String) -> String {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start].isWhitespace { start = text.index(after: start) }
        while end > start, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return text[start..<end].lowercased()
    }

    @Test func asciiAndUnicodeTextFoldAsCharactersDo() {
        let samples = [
            "", " ", "\t\r\n", "D-000123", " Ana Lima ", "ana lima", "\r\nR-101\u{0B}", "MIXED case\t", "a",
            " Zoë Ärger ", "\u{00A0}Ana\u{00A0}", "İstanbul", "ÅSA\u{2003}",
            "\u{01}Ana\u{7F}", " A Name Longer Than Fifteen Bytes ", "a longer name, already in form",
        ]
        // Every text of up to four characters over ASCII whitespace, both cases, a digit and a dash.
        var every = [""]
        var layer = [""]
        for _ in 0..<4 {
            layer = layer.flatMap { text in [" ", "\t", "\n", "\r", "\u{0B}", "a", "Z", "0", "-"].map { text + $0 } }
            every += layer
        }
        for text in samples + every {
            #expect(text.normalizedKey == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
