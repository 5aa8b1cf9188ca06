import Foundation
import Spreadsheet
import Testing

@testable import Ingest

/// Of columns that tie for a field (under one header twice, or under headers naming it alike
/// among other words), the one the sheet shows is read where it hides the others: last year's
/// `Rate | Commission` kept out of sight beside this year's. The mapping says which hidden headers
/// were passed over; two shown columns still tie, and the hidden columns are read only on a tie.
@Suite struct ShownColumnsTests {
    /// The mapping of a header row of `headers` over one deal row, the sheet hiding `hidden`.
    static func map(_ headers: [String], hidden: [ClosedRange<Int>], asked: (() -> Void)? = nil) throws
        -> ColumnMapping<Field>?
    {
        let header = Row(index: 1, cells: headers.enumerated().map { Cell(column: $0 + 1, value: .text($1)) })
        let values: [CellValue] = [.text("D-1"), .text("Ana Lima"), .text("2026-01-15"), .number(10000)]
        let figures = headers.dropFirst(values.count).map { _ in CellValue.number(500) }
        let deal = Row(index: 2, cells: (values + figures).enumerated().map { Cell(column: $0 + 1, value: $1) })
        return try ColumnMatcher.map(
            row: header, words: Field.headerWords, required: Field.required, pins: [:], sample: [deal],
            hidden: {
                asked?()
                return hidden
            })
    }

    static let base = ["Deal ID", "Rep", "Close Date", "Amount"]

    @Test(arguments: [
        (["Commission", "Commission"], 5...5, 6),
        (["Commission", "Commission"], 6...6, 5),
        (["Commission (2025 plan)", "Commission (2026 plan)"], 5...5, 6),
        (["Old Commission", "Commission"], 5...5, 6),
    ])
    func theShownColumnOfATieIsRead(figures: [String], hidden: ClosedRange<Int>, read: Int) throws {
        let mapping = try #require(try Self.map(Self.base + figures, hidden: [hidden]))
        #expect(mapping.columns[.commission] == read)
        #expect(mapping.tied[.commission] == nil)
        if figures[0] != "Old Commission" {
            #expect(mapping.chosenAsShown[.commission]?.map(\.text) == [figures[hidden.lowerBound - 5]])
            #expect(mapping.chosenAsShown[.commission]?.map(\.column) == [hidden.lowerBound])
        }
    }

    @Test func twoShownColumnsStillTie() throws {
        let alike = try #require(
            try Self.map(Self.base + ["Commission (2025 plan)", "Commission (2026 plan)", "Notes"], hidden: [7...7]))
        #expect(alike.columns[.commission] == nil)
        #expect(alike.tied[.commission] == ["Commission (2025 plan)", "Commission (2026 plan)"])
        #expect(throws: MappingFailure.self) {
            _ = try Self.map(Self.base + ["Commission", "Commission"], hidden: [])
        }
    }

    @Test func theHiddenColumnsAreAskedOnlyOnATie() throws {
        var asked = 0
        _ = try Self.map(Self.base + ["Rate", "Commission"], hidden: [5...5]) { asked += 1 }
        #expect(asked == 0)
    }

    /// A header search's mappings share one read of the hidden columns (`ShownColumns.once`).
    @Test func theHiddenColumnsAreReadOnceForASearch() throws {
        var reads = 0
        let hidden = ShownColumns.once {
            reads += 1
            return [5...5]
        }
        let headers = Self.base + ["Commission", "Commission"]
        let row = Row(index: 1, cells: headers.enumerated().map { Cell(column: $0 + 1, value: .text($1)) })
        for _ in 0..<3 {
            let mapping = try #require(
                try ColumnMatcher.map(
                    row: row, words: Field.headerWords, required: Field.required, pins: [:], sample: [], hidden: hidden)
            )
            #expect(mapping.columns[.commission] == 6)
        }
        #expect(reads == 1)
    }
}
