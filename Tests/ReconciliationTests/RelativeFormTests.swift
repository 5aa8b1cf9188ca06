import TestSupport
import Testing

@testable import Reconciliation

/// A formula's relative form (`FormulaForensics.relativeForm`): read as bytes when it is ASCII,
/// with the result of reading it character by character.
@Suite struct RelativeFormTests {
    @Test func filledDownFormulasReadTheSame() {
        #expect(FormulaForensics.relativeForm("ROUND(B20*E20*K20,2)", row: 20) == "ROUND(B[0]*E[0]*K[0],2)")
        #expect(FormulaForensics.relativeForm("ROUND(B21*E21*K21,2)", row: 21) == "ROUND(B[0]*E[0]*K[0],2)")
        #expect(FormulaForensics.relativeForm("$B$2*C$3+Rates!D4", row: 5) == "$B$2*C$3+Rates!D[-1]")
        #expect(
            FormulaForensics.relativeForm("IF(A1=\"B12\",LOG10(X2),0)", row: 2) == "IF(A[-1]=\"B12\",LOG10(X[0]),0)")
    }

    @Test func asciiFormulasReadAsBytesAsCharacterByCharacter() {
        var generator = SeededGenerator(state: 17)
        let pieces = [
            "A", "B", "Z", "AB", "XFD", "XFDA", "a", "b1", "$", "$A$", "1", "2", "07", "12345678901234567890", "\"",
            "_", "(", ")", "*", "+", ",", "!", ":", " ", ".", "SUM(", "Sheet1!", "'My Sheet'!", "\r\n", "%",
        ]
        for _ in 0..<3000 {
            let formula = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let row = Int.random(in: 1...50, using: &generator)
            var text = formula
            let bytes = text.withUTF8 { FormulaForensics.asciiRelativeForm($0, row: row) }
            #expect(bytes == FormulaForensics.characterRelativeForm(formula, row: row), "\(formula) on row \(row)")
        }
    }

    @Test func otherTextsAreReadCharacterByCharacter() {
        var text = "ÉTÉ2+B3"
        #expect(text.withUTF8 { FormulaForensics.asciiRelativeForm($0, row: 3) } == nil)
        #expect(FormulaForensics.relativeForm(text, row: 3) == "ÉTÉ[-1]+B[0]")
    }
}
