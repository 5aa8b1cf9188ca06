import Foundation
import TestSupport
import Testing

@testable import Commission
@testable import Ingest

/// A line's product, type and status are held apart from the line (`CreditLine.Labels`): they
/// read, change, compare and hash as the fields they were, whether the line holds them as an
/// index in the process's table or, once that is full, apart.
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

    /// The cancel date and quota, held apart from the line, read, change, compare and hash as fields.
    @Test func cancelDateAndQuotaReadChangeAndCompare() {
        let cancel = LocalDate(year: 2026, month: 4, day: 2)!
        var changed = line()
        #expect(changed.cancelDate == nil && changed.quota == nil)
        changed.cancelDate = cancel
        changed.quota = 50_000
        #expect(changed.cancelDate == cancel && changed.quota == 50_000)
        let given = CreditLine(
            row: 7, dealID: "D-1", rep: "ana", date: LocalDate(year: 2026, month: 3, day: 9)!, amount: 1200,
            cancelDate: cancel, quota: 50_000)
        #expect(changed == given)
        #expect(changed.hashValue == given.hashValue)
        var copy = changed
        copy.quota = nil
        #expect(changed.quota == 50_000 && copy.quota == nil && copy.cancelDate == cancel)
        copy.cancelDate = nil
        #expect(copy == line())
        #expect(Set([copy, line(), changed, given]).count == 2)
    }

    /// A line read after another with the same cancel date and quota holds them as that line does.
    @Test func aLineSharesItsPredecessorsCancelDateAndQuota() {
        let date = LocalDate(year: 2026, month: 3, day: 9)!
        func read(_ row: Int, quota: Decimal?, after previous: CreditLine?) -> CreditLine {
            CreditLine(
                row: row, dealID: "D-\(row)", rep: "ana", date: date, amount: 100, split: 1, labels: nil,
                cancelDate: nil, quota: quota, sharingWith: previous)
        }
        let first = read(2, quota: 50_000, after: nil)
        let second = read(3, quota: 50_000, after: first)
        let third = read(4, quota: 60_000, after: second)
        #expect(second.quota == 50_000 && third.quota == 60_000 && read(5, quota: nil, after: third).quota == nil)
        #expect(second.sharesCancelDateAndQuota(with: first))
        #expect(!third.sharesCancelDateAndQuota(with: second))
    }

    /// Rows of reps taking turns (a sheet sorted by date) share each rep's quota with that rep's
    /// earlier rows, not only with the row above.
    @Test func readLinesShareAQuotaMetRowsBefore() throws {
        var text = "Deal ID,Rep,Close Date,Amount,Quota\n"
        for row in 0..<6 {
            text += "D-\(row),\(row % 2 == 0 ? "ana" : "ben"),2026-03-0\(row + 1),100,\(row % 2 == 0 ? 50000 : 60000)\n"
        }
        let file = Scratch.folder.appendingPathComponent("trueup-quota-\(UUID()).csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let lines = try DealsReader.read(TableFile.open(file.path)).lines
        #expect(lines.map(\.quota) == [50_000, 60_000, 50_000, 60_000, 50_000, 60_000])
        for index in 2..<6 { #expect(lines[index].sharesCancelDateAndQuota(with: lines[index % 2])) }
        #expect(!lines[1].sharesCancelDateAndQuota(with: lines[0]))
    }

    @Test func labelsHeldApartAreTheSameAsTheTables() {
        let texts = LabelTexts(product: "Cloud", type: " New ", status: "WON")
        let interned = CreditLine.Labels.of(product: "Cloud", type: " New ", status: "WON")!
        let held = CreditLine.Labels.held(texts)
        #expect(interned.interned != nil)
        #expect(held.interned == nil)
        #expect(held == interned)
        #expect(held.hashValue == interned.hashValue)
        #expect([held.product, held.type, held.status] == ["Cloud", " New ", "WON"])
        #expect([held.keys.product, held.keys.type, held.keys.status] == ["cloud", "new", "won"])
        #expect([interned.keys.product, interned.keys.type, interned.keys.status] == ["cloud", "new", "won"])
        #expect(held != CreditLine.Labels.of(product: "Cloud", type: " New ", status: "won"))
        let lines: Set<CreditLine> = [
            line(product: "Cloud", type: " New ", status: "WON"),
            CreditLine(
                row: 7, dealID: "D-1", rep: "ana", date: LocalDate(year: 2026, month: 3, day: 9)!, amount: 1200,
                split: 1, labels: held, cancelDate: nil, quota: nil),
        ]
        #expect(lines.count == 1)
        #expect(CreditLine.Labels(interned: interned.interned!) == interned)
    }

    /// A table gives each distinct triple one index, and none past its capacity or text budget.
    @Test func aTableGivesOneIndexPerTriple() {
        let table = LabelTable(capacity: 2, textBudget: 100)
        let cloud = LabelTexts(product: "Cloud", type: nil, status: "won")
        let onPrem = LabelTexts(product: "On-prem", type: "new", status: nil)
        #expect(table.index(of: cloud) == 0)
        #expect(table.index(of: onPrem) == 1)
        #expect(table.index(of: cloud) == 0)
        #expect(table.index(of: LabelTexts(product: nil, type: nil, status: "lost")) == nil)
        #expect(table.entry(at: 1).pointee.texts == onPrem)
        #expect(table.entry(at: 0).pointee.keys.product == "cloud")
        let small = LabelTable(capacity: 10, textBudget: 8)
        #expect(small.index(of: LabelTexts(product: "Cloud", type: "new", status: nil)) == 0)
        #expect(small.index(of: LabelTexts(product: nil, type: nil, status: "won")) == nil)
    }

    /// Threads adding and reading the same triples at once agree on their indices and texts.
    @Test func threadsShareTheTable() {
        let table = LabelTable(capacity: 4096, textBudget: 1 << 20)
        let triples = (0..<300).map { LabelTexts(product: "P\($0 % 17)", type: "T\($0)", status: nil) }
        let found = Found(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            // Each thread in its own order, so that they add different triples at once.
            var indices = [UInt32](repeating: .max, count: triples.count)
            for step in triples.indices {
                let place = (step + thread * 37) % triples.count
                guard let index = table.index(of: triples[place]),
                    table.entry(at: index).pointee.texts == triples[place]
                else { return }
                indices[place] = index
            }
            found.set(thread, indices)
        }
        let all = found.all()
        #expect(all.allSatisfy { $0 == all[0] && $0.count == triples.count })
        #expect(Set(all[0]).count == triples.count)
    }

    /// What each thread saw, set under a lock.
    private final class Found: @unchecked Sendable {
        private let lock = NSLock()
        private var byThread: [[UInt32]]

        init(count: Int) { byThread = Array(repeating: [], count: count) }

        func set(_ thread: Int, _ indices: [UInt32]) { lock.withLock { byThread[thread] = indices } }
        func all() -> [[UInt32]] { lock.withLock { byThread } }
    }
}
