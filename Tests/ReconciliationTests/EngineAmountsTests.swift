import Commission
import Foundation
import Ingest
import Spreadsheet
import Testing

@testable import Reconciliation

/// The amounts a reconcile gathers from the engine's lines as they are computed (so that it need
/// not keep them) are the lines' own: every row's commission, bonus and commission line, and
/// every rep-period's sums by kind, the same whether the lines are kept or let go a window at a time.
@Suite struct EngineAmountsTests {
    /// Each scenario's deals (with clawbacks, bonuses, splits and true-ups among them): the gathered
    /// amounts against amounts worked out here from the kept statement's lines, with slots for
    /// every other row only (the rest are held apart), in windows of 7 lines and in one.
    @Test(arguments: ScenarioReconciliationTests.cases)
    func gatheredAmountsAreTheLinesOwn(_ name: String) throws {
        let (_, plan, roster) = try ScenarioReconciliationTests.inputs(name)
        let deals = ScenarioReconciliationTests.folder.appendingPathComponent(name).appendingPathComponent("deals.csv")
        let lines = try DealsReader.read(TableFile.open(deals.path)).lines
        let run = try CommissionEngine.run(plan: plan, roster: roster, lines: lines)
        let slotted = lines.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let (statement, kept) = try EngineAmounts.calculate(run, rows: slotted, keepingLines: true)
        let (bare, windowed) = try EngineAmounts.calculate(run, rows: slotted, keepingLines: false, windowLines: 7)
        #expect(bare.lineGroups.isEmpty && !statement.lineGroups.isEmpty)
        #expect(bare.reps == statement.reps)

        var rows: [Int: RowAmounts] = [:]
        /// Per rep-period: commission, commission and true-ups, true-up, bonus, row bonus, clawback.
        var sums: [RepPeriod: [Decimal]] = [:]
        var clawedBack: [RepPeriod: [Int]] = [:]
        for line in statement.lineGroups.joined() {
            let key = RepPeriod(rep: line.rep.normalizedKey, period: line.period)
            var figures = sums[key] ?? [Decimal](repeating: 0, count: 6)
            switch line.kind {
            case .commission:
                figures[0] += line.amount
                figures[1] += line.amount
            case .trueUp:
                figures[1] += line.amount
                figures[2] += line.amount
            case .bonus:
                figures[3] += line.amount
                if line.row != nil { figures[4] += line.amount }
            case .clawback:
                figures[5] += line.amount
                if let row = line.row, line.amount != 0 { clawedBack[key, default: []].append(row) }
            }
            sums[key] = figures
            guard let row = line.row else { continue }
            if line.kind == .commission {
                rows[row, default: RowAmounts()].commission += line.amount
                rows[row, default: RowAmounts()].line = LineReference(line)
                #expect(rows[row]?.line?.rates == line.rates)
            } else if line.kind == .bonus {
                rows[row, default: RowAmounts()].bonus += line.amount
            }
        }
        #expect(!rows.isEmpty)
        for amounts in [kept, windowed] {
            for line in lines {
                #expect(amounts.rows[line.row] == rows[line.row], "\(name) row \(line.row)")
                #expect(amounts.rows.commission(ofRow: line.row) == rows[line.row]?.commission, "\(name) \(line.row)")
            }
            #expect(amounts.rows[-7] == nil && amounts.rows.commission(ofRow: -7) == nil)
            #expect(Set(amounts.repPeriods.keys) == Set(sums.keys), "\(name)")
            for (key, gathered) in amounts.repPeriods {
                let figures = [
                    gathered.commission, gathered.commissionAndTrueUp, gathered.trueUp, gathered.bonus,
                    gathered.rowBonus, gathered.clawback,
                ]
                #expect(figures == sums[key], "\(name) \(key.rep) \(key.period)")
                #expect(gathered.clawedBackRows == clawedBack[key] ?? [], "\(name) \(key.rep) \(key.period)")
            }
        }
        // The rows of each rep-period's commission lines, as the summary's range checks read them.
        let positions = kept.rows.commissionLines(of: lines)
        for (index, line) in lines.enumerated() {
            guard let reference = rows[line.row]?.line else { continue }
            let key = RepPeriod(rep: reference.rep.normalizedKey, period: reference.period)
            #expect(positions[key]?.contains(Int32(index)) == true, "\(name) row \(line.row)")
        }
        #expect(positions.values.reduce(0) { $0 + $1.count } == rows.values.filter { $0.line != nil }.count)
    }
}

/// Amounts held in a word each read back as the Decimal stored, those too long for a word too.
@Suite struct AmountWordsTests {
    @Test func everyAmountReadsBackBitForBit() throws {
        let amounts = try ["0", "12.34", "-5", "0.000001", "123456789012345678.9", "-98765432109876543210", "7.50"]
            .map { try #require(Decimal(string: $0)) }
        var words = AmountWords(count: amounts.count)
        #expect((0..<amounts.count).allSatisfy { words[$0] == 0 })
        for (position, amount) in amounts.enumerated() { words[position] = amount }
        for (position, amount) in amounts.enumerated() {
            #expect(words[position] == amount)
            #expect(words[position].description == amount.description)
        }
        // A slot given another amount, long or short, reads the new one; the others are kept.
        words[4] = 1
        words[1] = try #require(Decimal(string: "11111111111111111111.5"))
        #expect(words[4] == 1)
        #expect(words[1].description == "11111111111111111111.5")
        #expect(words[5] == amounts[5])
    }

    /// Amounts that fit four bytes and those that do not, side by side: each reads back with the
    /// very storage it was given (`Decimal.sameStorage`), whichever way it is held.
    @Test func narrowAndWideAmountsKeepTheirStorage() throws {
        var generator = SystemRandomNumberGenerator()
        var amounts: [Decimal] = []
        for _ in 0..<5_000 {
            let mantissa = UInt64.random(in: 0..<(1 << UInt64.random(in: 1...50, using: &generator)), using: &generator)
            let exponent = Int.random(in: -12...10, using: &generator)
            let sign: FloatingPointSign = Bool.random(using: &generator) ? .minus : .plus
            amounts.append(Decimal(sign: sign, exponent: exponent, significand: Decimal(mantissa)))
        }
        // The edges of the narrow form: its longest mantissa, its exponents, and one past each.
        for (mantissa, exponent) in [(8_388_607, -8), (8_388_607, 7), (8_388_608, 0), (5, -9), (5, 8), (1, -2)] {
            amounts.append(Decimal(sign: .minus, exponent: exponent, significand: Decimal(mantissa)))
            amounts.append(Decimal(sign: .plus, exponent: exponent, significand: Decimal(mantissa)))
        }
        amounts.append(try #require(Decimal(string: "-98765432109876543210.123")))
        var words = AmountWords(count: amounts.count)
        for (position, amount) in amounts.enumerated() { words[position] = amount }
        for (position, amount) in amounts.enumerated() {
            #expect(Decimal.sameStorage(words[position], amount), "\(amount)")
        }
        // Every packed word that has a narrow form widens back to itself.
        for amount in amounts {
            guard let word = amount.packedStorage, let narrow = AmountWords.narrow(word) else { continue }
            #expect(narrow < 1 << 31)
            #expect(AmountWords.widened(narrow) == word, "\(amount)")
        }
        #expect(AmountWords.narrow(try #require(Decimal(string: "83886.07")?.packedStorage)) != nil)
        #expect(AmountWords.narrow(try #require(Decimal(string: "83886.08")?.packedStorage)) == nil)
    }
}

/// Rows' slots found by counting bits: every row given once has its own slot, numbered in order
/// of sheet and sheet row; rows of a sheet past the budget, of no sheet, or never given have none.
@Suite struct RowSlotsTests {
    @Test func everyRowGivenHasItsOwnSlotInSheetAndRowOrder() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            // Rows across sheets 0–3 with gaps (subtotals, rows taken out), given out of order, some twice.
            var rows: [Int] = []
            for sheet in 0..<4 {
                let last = Int.random(in: 2..<400, using: &generator)
                for own in 1..<last where Int.random(in: 0..<4, using: &generator) > 0 {
                    rows.append(DealsTable.rowKey(sheet: sheet, row: own))
                }
            }
            let given = (rows + rows.prefix(5)).shuffled(using: &generator)
            let slots = RowSlots(rows: given, count: given.count)
            #expect(slots.count == rows.count)
            // In sheet and row order: the position of each among the rows sorted.
            for (position, row) in rows.sorted().enumerated() { #expect(slots.slot(row) == position) }
            #expect(slots.slot(DealsTable.rowKey(sheet: 0, row: 0)) == nil)
            #expect(slots.slot(DealsTable.rowKey(sheet: 9, row: 1)) == nil)
            #expect(slots.slot(-1) == nil)
        }
        // A sheet reaching far past four times the rows given has no slots: its row is held otherwise.
        let far = DealsTable.rowKey(sheet: 1, row: 1 << 20)
        let slots = RowSlots(rows: [DealsTable.rowKey(sheet: 0, row: 3), far], count: 2)
        #expect(slots.slot(DealsTable.rowKey(sheet: 0, row: 3)) == 0 && slots.slot(far) == nil && slots.count == 1)
    }

    @Test func referencesReadBackNarrowAndWidened() {
        var column = ReferenceColumn(count: 4)
        #expect((0..<4).allSatisfy { column[$0] == ReferenceColumn.noLine })
        column[0] = ReferenceColumn.noCommission
        column[1] = 65_532
        #expect(column[0] == ReferenceColumn.noCommission && column[1] == 65_532 && column[2] == ReferenceColumn.noLine)
        // Past what 16 bits hold beside the two marks: every slot read as before.
        column[2] = 65_534
        column[3] = 1 << 30
        #expect(column[0] == ReferenceColumn.noCommission && column[1] == 65_532)
        #expect(column[2] == 65_534 && column[3] == 1 << 30)
    }

    /// The manual figures read by row through the slots are those a table by row holds, for rows
    /// in order, out of order, met twice or far apart, and for rows of no deal.
    @Test func manualFiguresByRowAreATableOfThem() {
        func cells(_ row: Int, _ figure: Int?) -> ManualCells {
            ManualCells(
                row: row, rate: nil, commission: figure.map { Cell(column: 5, value: .number(Decimal($0))) },
                bonus: figure.map { .number(Decimal($0) / 10) } ?? .empty)
        }
        let key = DealsTable.rowKey
        let inOrder = (2..<40).map { cells(key(0, $0), $0 % 5 == 0 ? nil : $0) } + [cells(key(2, 7), 700)]
        let outOfOrder = inOrder.reversed() + [cells(key(1, 3), 13)]
        let farApart = inOrder + [cells(key(3, 1 << 20), 99)]
        let metTwice = inOrder + [cells(key(0, 4), 444)]
        for rows in [inOrder, Array(outOfOrder), farApart, metTwice] {
            var commissions: [Int: Decimal] = [:]
            var bonuses: [Int: Decimal] = [:]
            for row in rows {
                commissions[row.row] = row.commission.flatMap { Decimal.fromCell($0.value).number }
                bonuses[row.row] = row.bonus.flatMap { Decimal.fromCell($0).number }
            }
            let figures = ManualFigures(ManualColumn(rows))
            for row in rows.map(\.row) + [key(0, 1), key(0, 41), key(5, 2)] {
                #expect(figures.commission(ofRow: row) == commissions[row], "commission of row \(row)")
                #expect(figures.bonus(ofRow: row) == bonuses[row], "bonus of row \(row)")
            }
        }
    }
}
