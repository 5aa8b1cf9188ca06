import Foundation
import Spreadsheet
import Testing

@testable import Formula

/// Formulas evaluated in chunks on every core (`EvaluationOptions.evaluatedInChunksFrom`) when
/// each reads cached values only: the same outcomes as one by one in dependency order. On one
/// core there is one chunk, and nothing here to test.
@Suite(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "chunks need two cores"))
struct ChunkedEvaluationTests {
    /// Formulas on two sheets, written before the cells they read: stale cached values read by
    /// other formulas, a cycle, an unknown function, and, when `withoutCachedValue`, a formula
    /// saved without a value that another formula reads.
    private func workbook(withoutCachedValue: Bool) -> FormulaWorkbook {
        var book = Sheet()
        book.workbook.addSheet(named: "Totals")
        for row in 1...40 {
            book.set("A\(row)", .n("\(row * 10)"))
            book.set("B\(row)", .n("\(row * 20)"), formula: "A\(row)*2")  // agrees
        }
        book.set("C1", .n("999"), formula: "B1*2")  // stale: B1's cached 20 gives 40
        book.set("D1", .n("1"), formula: "SUM(B1:B40)")  // stale: 16400
        book.set("E1", .n("3"), formula: "FANCY(A1)")  // not evaluable
        book.set("F1", withoutCachedValue ? .empty : .n("11"), formula: "A1+1")  // 11
        book.set("G1", .n("0"), formula: "F1*2")  // 22: F1's cached value, or its evaluated one
        book.set("A1", .n("7"), formula: "B1+1", sheet: 1)  // a cycle with B1
        book.set("B1", .n("6"), formula: "A1+1", sheet: 1)
        book.set("C1", .n("300"), formula: "Sheet1!D1", sheet: 1)  // stale: reads D1's cached 1
        // Stale: 12200.
        book.set("D1", .n("20"), formula: "SUMIFS(Sheet1!B1:B40,Sheet1!A1:A40,\">200\")", sheet: 1)
        return book.workbook
    }

    private func outcomes(_ workbook: FormulaWorkbook, chunkedFrom threshold: Int) -> [String] {
        var options = EvaluationOptions()
        options.evaluatedInChunksFrom = threshold
        return workbook.evaluate(precedents: .cachedWhereAvailable, options: options).map { result in
            let shown =
                switch result.outcome {
                case .success(let value): value.displayText
                case .failure(let reason): reason.category
                }
            return "\(result.sheet)!\(result.cell.address)=\(shown)"
        }
    }

    @Test func chunksGiveWhatOneByOneGives() {
        let workbook = workbook(withoutCachedValue: false)
        let chunked = outcomes(workbook, chunkedFrom: 2)
        #expect(chunked == outcomes(workbook, chunkedFrom: .max))
        #expect(chunked.count == 49)
        #expect(
            Array(chunked.suffix(9)) == [
                "Sheet1!C1=40", "Sheet1!D1=16400", "Sheet1!E1=FANCY", "Sheet1!F1=11", "Sheet1!G1=22",
                "Totals!A1=circular reference", "Totals!B1=circular reference", "Totals!C1=1", "Totals!D1=12200",
            ])
    }

    /// A formula saved without a value is evaluated before the formulas that read it: no chunks.
    @Test func aFormulaWithoutACachedValueIsEvaluatedFirst() {
        let chunked = outcomes(workbook(withoutCachedValue: true), chunkedFrom: 2)
        #expect(chunked.contains("Sheet1!G1=22"))
        #expect(chunked == outcomes(workbook(withoutCachedValue: true), chunkedFrom: .max))
    }

    /// A formula a thousand additions deep is evaluated on a worker thread as on the calling one
    /// (one stands in each half of the list, so that each chunk has one).
    @Test func aDeepFormulaIsEvaluatedInEitherChunk() {
        var book = Sheet()
        let terms = (1...1000).map { "A\($0)" }.joined(separator: "+")
        for row in 1...1000 { book.set("A\(row)", .n("1")) }
        book.set("B1", .n("1000"), formula: terms)
        for row in 2...40 { book.set("B\(row)", .n("\(row)"), formula: "A\(row)*\(row)") }
        book.set("C1", .n("1000"), formula: terms)
        let chunked = outcomes(book.workbook, chunkedFrom: 2)
        #expect(chunked.filter { $0.hasSuffix("=1000") }.count == 2)
        #expect(chunked == outcomes(book.workbook, chunkedFrom: .max))
    }
}
