import Spreadsheet
import Testing

@testable import Formula

/// Filled-down formulas share one parsed shape; each moved tree is the one the text parses to.
@Suite struct ShapeCacheTests {
    @Test func movedShapesAreTheTreesTheirTextsParseTo() throws {
        var cache = ShapeCache()
        for row in 2...6 {
            let text = "ROUND(D\(row)*E\(row)*F\(row),2)+'Rates'!B\(row + 1)"
            let address = CellAddress(row: row, column: 7)
            let parsed = try cache.parsed(text, at: address)
            if case .shared(let shape, let rows, _) = parsed {
                #expect(shape == 0)
                #expect(Int(rows) == row - 2)
            } else {
                Issue.record("row \(row): a filled-down formula should share the first one's shape")
            }
            #expect(cache.tree(parsed) == (try Parser.parse(text)))
            // Met again, the shape is found and the same tree comes back.
            #expect(cache.tree(try cache.parsed(text, at: address)) == (try Parser.parse(text)))
        }
        // Anchored references are parsed one by one.
        let anchored = try cache.parsed("D2*$B$1", at: CellAddress(row: 2, column: 7))
        if case .shared = anchored { Issue.record("an anchored reference should not share a shape") }
        #expect(cache.tree(anchored) == (try Parser.parse("D2*$B$1")))
    }
}
