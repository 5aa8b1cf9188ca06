import Commission
import Foundation
import Ingest
import TestSupport
import Testing

/// Properties that hold for any plan and data, checked over seeded random cases.
@Suite struct PropertyTests {
    typealias Generator = SeededGenerator

    static func cents(_ generator: inout Generator, upTo limit: Int) -> Decimal {
        Decimal(Int.random(in: 1...limit, using: &generator)) / 100
    }

    static func ascendingBands(_ generator: inout Generator) -> [TierTable.Band] {
        var from: Decimal = 0
        var rate = Decimal(Int.random(in: 1...5, using: &generator)) / 100
        var bands: [TierTable.Band] = []
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            bands.append(TierTable.Band(from: from, rate: rate))
            from += Decimal(Int.random(in: 10_000...80_000, using: &generator))
            rate += Decimal(Int.random(in: 1...4, using: &generator)) / 100
        }
        return bands
    }

    static func plan(_ bands: [TierTable.Band], _ mode: TierTable.Mode, _ basis: TierTable.Basis = .period) -> Plan {
        Plan(
            name: "p", currency: "USD", period: .quarter,
            commission: CommissionRules(tiers: TierTable(metric: .amount, basis: basis, mode: mode, bands: bands)))
    }

    static func lines(_ generator: inout Generator, count: Int) -> [CreditLine] {
        (0..<count).map { index in
            CreditLine(
                row: index + 2, dealID: "D\(index)", rep: "R\(index % 3)",
                date: LocalDate(year: 2026, month: Int.random(in: 1...12, using: &generator), day: 1)!,
                amount: cents(&generator, upTo: 9_000_000))
        }
    }

    @Test func marginalNeverPaysMoreThanRetroactiveOnAscendingTiers() throws {
        var generator = Generator(state: 1)
        for _ in 0..<200 {
            let bands = Self.ascendingBands(&generator)
            let lines = Self.lines(&generator, count: Int.random(in: 1...12, using: &generator))
            for basis in [TierTable.Basis.perDeal, .period, .ytd] {
                let marginal = try CommissionEngine.calculate(plan: Self.plan(bands, .marginal, basis), lines: lines)
                let retroactive = try CommissionEngine.calculate(
                    plan: Self.plan(bands, .retroactive, basis), lines: lines)
                let paid = { (s: Statement) in s.reps.reduce(Decimal(0)) { $0 + $1.earned } }
                // Per line rounding can move each side by half a cent per line.
                let slack = Decimal(lines.count + 4) / 200
                #expect(paid(marginal) <= paid(retroactive) + slack)
            }
        }
    }

    /// Read through ingestion: a `Split` column of `100%` gives the same statement as no column.
    @Test func aFullSplitEqualsNoSplit() throws {
        var generator = Generator(state: 2)
        let folder = Scratch.folder.appendingPathComponent("trueup-split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<20 {
            let lines = Self.lines(&generator, count: 8)
            var plain = "Deal ID,Rep,Close Date,Amount\n"
            var withSplit = "Deal ID,Rep,Close Date,Amount,Split\n"
            for line in lines {
                plain += "\(line.dealID),\(line.rep),\(line.date),\(line.amount)\n"
                withSplit += "\(line.dealID),\(line.rep),\(line.date),\(line.amount),100%\n"
            }
            let a = folder.appendingPathComponent("plain-\(round).csv")
            let b = folder.appendingPathComponent("split-\(round).csv")
            try plain.write(to: a, atomically: true, encoding: .utf8)
            try withSplit.write(to: b, atomically: true, encoding: .utf8)
            let bands = Self.ascendingBands(&generator)
            for mode in [TierTable.Mode.marginal, .retroactive] {
                let one = try CommissionEngine.calculate(
                    plan: Self.plan(bands, mode), lines: DealsReader.read(TableFile.open(a.path)).lines)
                let two = try CommissionEngine.calculate(
                    plan: Self.plan(bands, mode), lines: DealsReader.read(TableFile.open(b.path)).lines)
                #expect(one == two)
                #expect(one.lines.count == lines.count)
            }
        }
    }

    @Test func splitsOfADealAddUpToTheUnsplitCommission() throws {
        var generator = Generator(state: 3)
        for _ in 0..<200 {
            let rate = Decimal(Int.random(in: 1...25, using: &generator)) / 100
            let bands = [TierTable.Band(from: 0, rate: rate)]
            let amount = Self.cents(&generator, upTo: 10_000_000)
            let date = LocalDate(year: 2026, month: 5, day: 5)!
            let shares = [Decimal(string: "0.5")!, Decimal(string: "0.3")!, Decimal(string: "0.2")!]
            let parts = shares.enumerated().map { index, share in
                CreditLine(row: index + 2, dealID: "D", rep: "R\(index)", date: date, amount: amount, split: share)
            }
            let whole = [CreditLine(row: 2, dealID: "D", rep: "R0", date: date, amount: amount)]
            let plan = Self.plan(bands, .marginal, .perDeal)
            let splitTotal = try CommissionEngine.calculate(plan: plan, lines: parts).lines.reduce(Decimal(0)) {
                $0 + $1.amount
            }
            let unsplit = try CommissionEngine.calculate(plan: plan, lines: whole).lines[0].amount
            let difference = splitTotal - unsplit
            #expect(difference <= Decimal(string: "0.015")! && difference >= Decimal(string: "-0.015")!)
        }
    }

    @Test func lineRoundingLeavesWholeCents() throws {
        var generator = Generator(state: 4)
        for _ in 0..<100 {
            var lines = Self.lines(&generator, count: 10)
            for i in lines.indices { lines[i].split = Decimal(Int.random(in: 1...100, using: &generator)) / 100 }
            let statement = try CommissionEngine.calculate(
                plan: Self.plan(Self.ascendingBands(&generator), .marginal), lines: lines)
            for line in statement.lines {
                #expect(line.amount.rounded(places: 2, mode: .halfUp) == line.amount, "\(line.amount)")
            }
        }
    }
}
