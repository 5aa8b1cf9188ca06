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
}
