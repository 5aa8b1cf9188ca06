import Commission
import Foundation
import Testing

/// A line's product, type and status are held apart from the line (`CreditLine.Labels`): they
/// read, change, compare and hash as the fields they were.
@Suite struct CreditLineLabelsTests {
    private func line(product: String? = nil, type: String? = nil, status: String? = nil) -> CreditLine {
        CreditLine(
            row: 7, dealID: "D-1", rep: "ana", date: LocalDate(year: 2026, month: 3, day: 9)!, amount: 1200,
            product: product, type: type, status: status)
    }

    @Test func eachLabelReadsAndChangesOnItsOwn() {
        var changed = line(product: "Cloud", type: "new", status: "won")
        #expect([changed.product, changed.type, changed.status] == ["Cloud", "new", "won"])
        changed.type = "renewal"
        #expect([changed.product, changed.type, changed.status] == ["Cloud", "renewal", "won"])
        changed.product = nil
        changed.status = "lost"
        #expect([changed.product, changed.type, changed.status] == [nil, "renewal", "lost"])
        #expect(changed == line(type: "renewal", status: "lost"))
    }

    @Test func linesCompareAndHashByTheirLabels() {
        var emptied = line(status: "won")
        emptied.status = nil
        var given = line()
        given.product = "Cloud"
        given.status = "won"
        let lines: Set<CreditLine> = [line(), emptied, line(product: "Cloud", status: "won"), given]
        #expect(lines.count == 2)
        #expect(emptied == line())
        #expect(given == line(product: "Cloud", status: "won"))
        #expect(line(status: "won") != line(status: "lost"))
        #expect(line(product: "won") != line(status: "won"))
    }
}
