import Foundation

/// How trueup compares the words of a sheet's name, a title or a header with its word lists
/// (summary words, copy words, quota words…): accents and case folded (`Übersicht` is
/// `ubersicht`), split at anything not a letter or digit.
public enum FoldedWords {
    /// The words of `text`, folded.
    public static func of(_ text: some StringProtocol) -> [String] {
        fold(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// `text` with accents and case folded.
    public static func fold(_ text: some StringProtocol) -> String {
        String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// `text` (folded, lower case) with the letters folding keeps as they are written plainly, as a
    /// sheet without the keyboard writes them: `ı` `ł` `ø` `đ` `ð` as `i` `l` `o` `d` `d`, `æ`
    /// `œ` `þ` as `ae` `oe` `th` (`Ayşe Yılmaz` is `AYSE YILMAZ`, `Søren Ørsted` is `Soren Orsted`).
    /// For names: a rep's on the roster against one a sheet writes.
    public static func plainLetters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { plain[$0] != nil }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let written = plain[scalar] {
                result.append(contentsOf: written.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static let plain: [Unicode.Scalar: String] = [
        "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe", "þ": "th",
        "ß": "ss",
    ]
}
