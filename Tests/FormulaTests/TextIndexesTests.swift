import Foundation
import Spreadsheet
import Testing

@testable import Formula

/// A long criteria column indexed by its cells' words (`TextIndexes`): each spelling of a name is
/// one word, and the lists of a name's spellings, joined, are in row order whatever order the
/// words are met in.
@Suite struct TextIndexesTests {
    @Test func aNamesSpellingsAreJoinedInRowOrder() throws {
        let spellings = ["Ana", "ana", "aNa", "ANA", "Bo"]
        var sheet = SheetGrid(name: "Deals")
        for row in 1...TextIndexes.indexedAtFirstUse {
            sheet[row, 1] = row % 7 == 6 ? .number(7) : .text(spellings[row % spellings.count])
        }
        let reference = Reference(
            sheet: nil, firstRow: 1, firstColumn: 1, lastRow: TextIndexes.indexedAtFirstUse, lastColumn: 1)
        let grid = ValueGrid(sheet: sheet, reference: reference, extent: (TextIndexes.indexedAtFirstUse, 1))
        var indexes = TextIndexes()
        let found = try #require(try indexes.positions(of: "ana", in: grid, sheet: 0, reference: reference))
        let expected = (1...TextIndexes.indexedAtFirstUse).filter { $0 % 7 != 6 && $0 % spellings.count < 4 }
            .map { $0 - 1 }
        #expect(found == expected)
        #expect(
            try indexes.positions(of: "bo", in: grid, sheet: 0, reference: reference)?.count
                == (1...TextIndexes.indexedAtFirstUse).count { $0 % 7 != 6 && $0 % spellings.count == 4 })
        #expect(try indexes.positions(of: "7", in: grid, sheet: 0, reference: reference) == [])
    }
}
