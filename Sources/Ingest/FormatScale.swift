import Foundation

/// The scale a number format shows its figures at: Excel divides a number by a thousand for each
/// comma that follows the format's last digit placeholder (`#,##0,` and `#,##0.0,"K"` show
/// thousands, `$#,##0.0,,"M"` millions), while a comma between placeholders (`#,##0`) only groups
/// thousands. A figure so formatted is kept in full: a header naming the scale it is shown at
/// (`Amount ($K)` over `#,##0.0,"K"`) describes the display, not the figure.
enum FormatScale {
    /// 1000 for each comma after the last digit placeholder of `format`'s first section (the one
    /// positive numbers are shown in), quoted text, escaped characters, brackets (`[Red]`,
    /// `[$€-407]`) and padding (`_)`, `* `) aside; 1 for a format that shows figures as they are.
    static func of(_ format: String) -> Decimal {
        var placeholders: [Character] = []
        var characters = format.makeIterator()
        while let character = characters.next() {
            switch character {
            case ";": return scale(placeholders)
            case "\"":
                while let quoted = characters.next(), quoted != "\"" {}
            case "[":
                while let bracketed = characters.next(), bracketed != "]" {}
            case "\\", "_", "*":
                _ = characters.next()
            case "0", "#", "?", ",", ".": placeholders.append(character)
            default: continue
            }
        }
        return scale(placeholders)
    }

    /// 1000 to the power of the commas closing `placeholders` after its last digit placeholder.
    private static func scale(_ placeholders: [Character]) -> Decimal {
        guard let last = placeholders.lastIndex(where: { $0 == "0" || $0 == "#" || $0 == "?" }) else { return 1 }
        let commas = placeholders[(last + 1)...].prefix { $0 == "," }.count
        return (0..<commas).reduce(Decimal(1)) { product, _ in product * 1000 }
    }
}
