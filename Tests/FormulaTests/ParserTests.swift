import Formula
import Foundation
import Spreadsheet
import Testing

@Suite struct ParserTests {
    private func reference(_ sheet: String?, _ range: String) -> FormulaExpression {
        let parsed = CellRange(range)!
        return .reference(
            Reference(
                sheet: sheet, firstRow: parsed.first.row, firstColumn: parsed.first.column, lastRow: parsed.last.row,
                lastColumn: parsed.last.column))
    }

    @Test func referencesRangesAndSheets() throws {
        #expect(try Parser.parse("=$B$7") == reference(nil, "B7"))
        #expect(try Parser.parse("Deals!A1:C3") == reference("Deals", "A1:C3"))
        #expect(try Parser.parse("'Q3 ''Deals'''!B2") == reference("Q3 'Deals'", "B2"))
        #expect(
            try Parser.parse("A:C")
                == .reference(Reference(sheet: nil, firstRow: 1, firstColumn: 1, lastRow: 1_048_576, lastColumn: 3)))
        #expect(
            try Parser.parse("Deals!2:4")
                == .reference(Reference(sheet: "Deals", firstRow: 2, firstColumn: 1, lastRow: 4, lastColumn: 16_384)))
        #expect(try Parser.parse("Rate*2") == .binary(.multiply, .name("Rate"), .number(2)))
        if case .reference(let external) = try Parser.parse("[1]Feuil8!A1") {
            #expect(external.sheet == "[1]Feuil8")
        } else {
            Issue.record("an external reference should parse as a reference to a sheet no workbook has")
        }
    }

    @Test func precedenceFollowsExcel() throws {
        // Negation binds tighter than ^: -2^2 is 4; ^ is left-associative; & after +; = last.
        #expect(try Parser.parse("-2^2") == .binary(.power, .negate(.number(2)), .number(2)))
        #expect(try Parser.parse("2^3^2") == .binary(.power, .binary(.power, .number(2), .number(3)), .number(2)))
        #expect(
            try Parser.parse("1+2&3=\"33\"")
                == .binary(
                    .equal, .binary(.concatenate, .binary(.add, .number(1), .number(2)), .number(3)), .text("33")))
        #expect(try Parser.parse("50%*2") == .binary(.multiply, .percent(.number(50)), .number(2)))
        #expect(
            try Parser.parse("_xlfn.IFS(A1>1,1,TRUE,2)")
                == .call(
                    "IFS", [.binary(.greater, reference(nil, "A1"), .number(1)), .number(1), .bool(true), .number(2)]))
        #expect(try Parser.parse("IF(A1,,2)") == .call("IF", [reference(nil, "A1"), .missing, .number(2)]))
        #expect(try Parser.parse("{1,2;3,4}") == .array([[.number(1), .number(2)], [.number(3), .number(4)]]))
        #expect(try Parser.parse("#N/A") == .error(.notAvailable))
    }

    @Test func structuredReferences() throws {
        #expect(
            try Parser.parse("SUM(tblDeals[Commission])")
                == .call(
                    "SUM",
                    [
                        .structured(
                            StructuredReference(
                                table: "tblDeals", areas: [.data], firstColumn: "Commission", lastColumn: "Commission"))
                    ]
                ))
        #expect(
            try Parser.parse("[@Amount]*2")
                == .binary(
                    .multiply,
                    .structured(
                        StructuredReference(table: nil, areas: [.thisRow], firstColumn: "Amount", lastColumn: "Amount")),
                    .number(2)))
        #expect(
            try Parser.parse("Table1[[#This Row],[Net Amount]]")
                == .structured(
                    StructuredReference(
                        table: "Table1", areas: [.thisRow], firstColumn: "Net Amount", lastColumn: "Net Amount")))
        #expect(
            try Parser.parse("Table1[[#Totals],[A]:[C]]")
                == .structured(
                    StructuredReference(table: "Table1", areas: [.totals], firstColumn: "A", lastColumn: "C")))
        #expect(
            try Parser.parse("Table1[#All]")
                == .structured(StructuredReference(table: "Table1", areas: [.all], firstColumn: nil, lastColumn: nil)))
    }

    @Test func theTreeNamesWhatAFormulaReads() throws {
        let tree = try Parser.parse("SUMIFS(Deals!F:F,Deals!B:B,A2)+ROUND(Rate*C2,2)")
        #expect(tree.functionNames == ["SUMIFS", "ROUND"])
        #expect(tree.references.count == 5)
    }

    /// A hostile file's formula nested thousands deep, or longer than Excel writes, is refused
    /// before any walk over its tree.
    @Test(arguments: [
        String(repeating: "(", count: Parser.maximumNesting + 1) + "1"
            + String(repeating: ")", count: Parser.maximumNesting + 1),
        String(repeating: "ROUND(", count: Parser.maximumNesting + 1) + "1"
            + String(repeating: ",2)", count: Parser.maximumNesting + 1),
        String(repeating: "-", count: Parser.maximumNesting + 1) + "1",
        "1" + String(repeating: "+1", count: Parser.maximumDepth + 1),
        "1" + String(repeating: "+1", count: Parser.maximumLength / 2),
    ])
    func formulasBeyondExcelsLimitsAreRefused(_ text: String) throws {
        #expect(throws: FormulaSyntaxError.self) { try Parser.parse(text) }
        #expect(throws: NotEvaluable.self) { try Sheet().evaluate(text).get() }
    }

    /// The deepest and the longest formulas within the limits evaluate.
    @Test(arguments: [
        String(repeating: "(", count: Parser.maximumNesting) + "1"
            + String(repeating: ")", count: Parser.maximumNesting),
        String(repeating: "ROUND(", count: Parser.maximumNesting) + "1"
            + String(repeating: ",2)", count: Parser.maximumNesting),
        String(repeating: "-", count: Parser.maximumNesting) + "1",
        "1" + String(repeating: "+1", count: Parser.maximumDepth - 1),
        "SUM(" + Array(repeating: "1+1", count: Parser.maximumLength / 8).joined(separator: ",") + ")",
    ])
    func formulasWithinExcelsLimitsEvaluate(_ text: String) throws {
        let value = try Sheet().evaluate(text).get()
        let sum = text.hasPrefix("1") ? Parser.maximumDepth : text.hasPrefix("SUM") ? Parser.maximumLength / 4 : 1
        #expect(value == .number(Decimal(sum)))
    }

    @Test func malformedFormulasAreErrorsNotCrashes() {
        for text in ["SUM(A1", "1+", "\"open", "A1 B1 )", "{1,2;3}", "#BOGUS!"] {
            #expect(throws: FormulaSyntaxError.self) { try Parser.parse(text) }
        }
    }
}
