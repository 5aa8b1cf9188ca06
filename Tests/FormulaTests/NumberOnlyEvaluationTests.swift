import Foundation
import Spreadsheet
import TestSupport
import Testing

@testable import Formula

/// `Evaluator.numberOnly`, the short way through formulas of numbers alone, gives what the general
/// evaluation gives, stored alike, and gives up wherever the general evaluation meets anything
/// else: on seeded random formulas over cells of every kind.
@Suite struct NumberOnlyEvaluationTests {
    /// The cells the formulas read: numbers of several sizes and signs, a zero, a blank, text (a
    /// number and a word), a flag, an error.
    private static let cells: [String: CellValue] = [
        "A1": .n("1250.5"), "A2": .n("-3"), "A3": .n("0"), "A4": .n("0.075"),
        "B1": .n("123456789.123"), "B2": .n("1E-12"), "B3": .n("99999999999999999999"), "B4": .n("2.5"),
        "C1": .text("12"), "C2": .text("Acme"), "C3": .bool(true), "C4": .error("#N/A"),
    ]

    @Test func givesTheGeneralEvaluationsValueOrNothing() throws {
        var sheet = Sheet(Self.cells)
        // A formula cell, read as its cached value as other cells are.
        sheet.set("D1", .n("7.25"), formula: "A1*A4")
        let evaluator = Evaluator(workbook: sheet.workbook, options: EvaluationOptions())
        var generator = SeededGenerator(state: 20_261_205)
        var taken = 0
        for _ in 0..<3000 {
            let formula = Self.formula(depth: 3, &generator)
            let tree = try Parser.parse(formula)
            evaluator.cell = CellAddress(row: 1000, column: 26)
            let general: FormulaValue
            do throws(NotEvaluable) {
                general = try evaluator.elements(tree).scalar
            } catch {
                #expect(evaluator.numberOnly(tree) == nil, "\(formula): not evaluable, yet \(error)")
                continue
            }
            guard let number = evaluator.numberOnly(tree) else { continue }
            taken += 1
            guard case .number(let expected) = general else {
                Issue.record("\(formula): \(number) against \(general)")
                continue
            }
            #expect(Self.alike(number, expected), "\(formula): \(number) against \(expected)")
        }
        // Most formulas meet a cell of another kind or an operator it leaves to the general way;
        // enough do not for the comparison to say something.
        #expect(taken > 400, "only \(taken) formulas went the short way")
    }

    /// Moved as a filled-down formula's shape is moved (`Evaluator.moved`), it reads the cells
    /// the general evaluation reads.
    @Test func readsTheMovedCells() throws {
        let evaluator = Evaluator(workbook: Sheet(Self.cells).workbook, options: EvaluationOptions())
        let tree = try Parser.parse("ROUND(A1*A4,2)")
        // A1 and A4 read as B1 and B4: 123456789.123 × 2.5.
        evaluator.moved = (0, 1)
        #expect(evaluator.numberOnly(tree) == Decimal(string: "308641972.81"))
        #expect(try evaluator.elements(tree).scalar == .number(Decimal(string: "308641972.81")!))
    }

    private static func alike(_ a: Decimal, _ b: Decimal) -> Bool {
        a == b && (a == 0 || withUnsafeBytes(of: a, Array.init) == withUnsafeBytes(of: b, Array.init))
    }

    private static let operands = ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "D1", "E9"]
    private static let literals = ["2", "0", "0.5", "100", "-1", "1E+3", "\"7\""]
    private static let operators = ["+", "-", "*", "/", "^", "&", "*", "+"]

    private static func formula(depth: Int, _ generator: inout SeededGenerator) -> String {
        let pick = generator.next() % 10
        if depth == 0 || pick < 3 {
            let pool = generator.next() % 4 == 0 ? literals : operands
            return pool[Int(generator.next() % UInt64(pool.count))]
        }
        let left = formula(depth: depth - 1, &generator)
        switch pick {
        case 3: return "-\(left)"
        case 4: return "\(left)%"
        case 5, 6:
            let places = ["2", "0", "-2", "1.7", "200", "A3", "C1"][Int(generator.next() % 7)]
            return "ROUND(\(left),\(places))"
        default:
            let op = operators[Int(generator.next() % UInt64(operators.count))]
            return "(\(left)\(op)\(formula(depth: depth - 1, &generator)))"
        }
    }
}
