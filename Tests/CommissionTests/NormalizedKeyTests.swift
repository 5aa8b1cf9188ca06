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

    static let samples = [
        "", " ", "\t\r\n", "D-000123", " Ana Lima ", "ana lima", "\r\nR-101\u{0B}", "MIXED case\t", "a",
        " Zoë Ärger ", "\u{00A0}Ana\u{00A0}", "İstanbul", "ÅSA\u{2003}",
        "\u{01}Ana\u{7F}", " A Name Longer Than Fifteen Bytes ", "a longer name, already in form",
    ]

    /// Every text of up to four characters over ASCII whitespace, both cases, a digit and a dash.
    static let every: [String] = {
        var every = [""]
        var layer = [""]
        for _ in 0..<4 {
            layer = layer.flatMap { text in [" ", "\t", "\n", "\r", "\u{0B}", "a", "Z", "0", "-"].map { text + $0 } }
            every += layer
        }
        return every
    }()

    @Test func asciiAndUnicodeTextFoldAsCharactersDo() {
        for text in Self.samples + Self.every {
            #expect(text.normalizedKey == Self.reference(text), "\(text.debugDescription)")
        }
    }

    static func keyHash(_ text: String) -> Int {
        var hasher = Hasher()
        text.hashNormalizedKey(into: &hasher)
        return hasher.finalize()
    }

    /// `hashNormalizedKey` hashes the key, not the text: a text and its key (ASCII or not, with
    /// spaces or capitals to drop) hash alike, and so do texts with one key.
    @Test func textsWithOneKeyHashAlike() {
        for text in Self.samples + Self.every {
            #expect(Self.keyHash(text) == Self.keyHash(text.normalizedKey), "\(text.debugDescription)")
        }
        #expect(Self.keyHash("\u{00A0}Ana\u{00A0}") == Self.keyHash(" ANA\t"))
        // Texts `==` takes as equal (canonically equivalent) hash alike, composed or not.
        #expect("Cafe\u{301}".normalizedKey == "CAF\u{C9}".normalizedKey)
        #expect(Self.keyHash("Cafe\u{301}") == Self.keyHash("CAF\u{C9}"))
        #expect(Self.keyHash("\u{37E}") == Self.keyHash(";"))
        #expect(Self.keyHash(" A Name Longer Than Fifteen Bytes ") == Self.keyHash("a name longer than fifteen bytes"))
        // Keys that differ (by order, length or a byte past the first eight) hash apart here.
        let distinct = ["ab", "ba", "a", "aa", "abcdefgh", "abcdefghi", "abcdefgi", "r00001", "r00010"]
        #expect(Set(distinct.map(Self.keyHash)).count == distinct.count)
    }
}
