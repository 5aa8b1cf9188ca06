import Foundation

/// A percentage as people write it: `8%`, `8 %`, `80`, `0.08`.
public enum PercentText {
    /// `text` without surrounding spaces and without a trailing `%` (and the spaces before it),
    /// and whether it had one: `" 8 % "` → `("8", true)`, `"0.08"` → `("0.08", false)`. What the
    /// number means without a `%` is the caller's rule (a fraction in a plan, 80 = 80% on the
    /// command line).
    public static func split(_ text: String) -> (number: String, isPercent: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("%") else { return (trimmed, false) }
        return (String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces), true)
    }
}
