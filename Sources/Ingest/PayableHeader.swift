/// A header of what a row pays out, named by the amount's words and a word for owing (`Amount
/// Payable`, `Amount Due`, `Total Payable`, `Net Due`): beside a column that is the deal's amount,
/// and where no header names the commission, it is the commission, what the sheet pays the rep.
/// Where no other column is the amount it stays the amount, as its first word says.
enum PayableHeader {
    /// Words that say a figure is owed.
    static let owingWords: Set<String> = ["payable", "due", "owed", "owing"]
    /// Words for a figure that, beside a word for owing, name nothing else.
    static let figureWords: Set<String> = ["amount", "amt", "total", "sum", "net"]

    /// Whether `header` is a word for owing with figure words only (`Amount Payable`, `Due`).
    static func names(_ header: String) -> Bool {
        let words = LooseHeaders<String>.terms(header)
        return words.contains(where: owingWords.contains)
            && words.allSatisfy { owingWords.contains($0) || figureWords.contains($0) }
    }
}
