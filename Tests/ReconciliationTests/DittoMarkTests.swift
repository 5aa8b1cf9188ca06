import Foundation
import Ingest
import Reconciliation
import Spreadsheet
import Testing
import XLSX

/// A rep or product written once and ditto-marked on the rows below while it repeats (`"`,
/// `-do-`, `〃`), as a register is kept by hand: each mark is the value written above it.
@Suite struct DittoMarkTests {
    static let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Product", "Amount", "Rate", "Commission"].map {
        .text($0)
    }

    /// A deal row at 5%.
    static func row(_ deal: String, _ rep: String, _ product: String, _ amount: Decimal, commission: Decimal? = nil)
        -> [WriteCell]
    {
        [
            .text(deal), .text(rep), LayoutReadingTests.date("2026-01-15"), .text(product), .number(amount),
            .number(Decimal(string: "0.05")!), .number(commission ?? amount * Decimal(string: "0.05")!),
        ]
    }

    @Test(arguments: ["\"", "-do-", "〃", "Do.", " ditto "])
    func aDittoMarkIsTheValueWrittenAbove(mark: String) throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.row("D1", "Ana Lima", "Cloud", 10000), Self.row("D2", mark, mark, 20000),
            Self.row("D3", mark, "Support", 4000), Self.row("D4", "Ben Okafor", mark, 10000),
            Self.row("D5", mark, mark, 6000, commission: 400),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [Self.header] + rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.rep) == ["Ana Lima", "Ana Lima", "Ana Lima", "Ben Okafor", "Ben Okafor"])
        #expect(read.lines.map(\.product) == ["Cloud", "Cloud", "Support", "Support", "Support"])
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        // Ben's second deal pays 400 for 300: a wrong figure on a row read as his.
        #expect(result.errors.map { "\($0.cell) \($0.rep ?? "")" } == ["G6 R2"])
        #expect(result.mappingNotes.contains { $0.contains("a ditto mark") })
    }

    /// A mark with nothing written above it is no one: the row's rep stays the mark, a finding,
    /// never a rep guessed; and `do` alone (a name) is no mark.
    @Test func aMarkWithNothingAboveStaysAsWritten() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [
            Self.row("D1", "\"", "Cloud", 10000), Self.row("D2", "Ana Lima", "Cloud", 20000),
            Self.row("D3", "Do", "Cloud", 4000),
        ]
        let path = try LayoutReadingTests.workbook([("Deals", [Self.header] + rows)], in: folder)
        let read = try DealsReader.readWorkbook(TableFile.open(path), knownReps: ["Ana Lima", "Ben Okafor"])
        #expect(read.lines.map(\.rep) == ["\"", "Ana Lima", "Do"])
        let result = try LayoutReadingTests.reconcile(path, in: folder)
        #expect(result.errors.map { "\($0.cell)" }.sorted() == ["G2", "G4"])
        #expect(result.errors.allSatisfy { $0.cause == .wrongRep })
    }
}
