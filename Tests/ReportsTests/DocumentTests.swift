import Foundation
import Reconciliation
import Spreadsheet
import Testing

@testable import Reports

/// The JSON documents: keys in their declared order, nil written as null, decimals as exact text,
/// and what one command writes reading back as the same values.
@Suite struct DocumentTests {
    struct Line: Codable, Equatable {
        var zeta: String
        var alpha: MoneyText
        var missing: String?
        var nested: [String: Int]
    }

    struct Document: Codable, Equatable {
        var title: String
        var lines: [Line]
    }

    @Test func keysComeInTheOrderTheyAreEncodedAndNilIsNull() throws {
        let document = Document(
            title: "t\u{1}\"",
            lines: [
                Line(zeta: "z", alpha: MoneyText(Decimal(string: "1250.5")!), missing: nil, nested: ["k": 1]),
                Line(zeta: "y", alpha: MoneyText(Decimal(string: "-0.125")!), missing: "m", nested: [:]),
            ])
        let text = try OrderedJSONEncoder().encode(document)
        #expect(
            text == """
                {"title": "t\\u0001\\"",
                 "lines": [
                  {"zeta": "z", "alpha": "1250.50", "missing": null, "nested": {"k": 1}},
                  {"zeta": "y", "alpha": "-0.125", "missing": "m", "nested": {}}]}

                """)
        #expect(try JSONDecoder().decode(Document.self, from: Data(text.utf8)) == document)
    }

    struct Defaulted: Codable, Equatable {
        var name: String
        @OmittedWhenDefault var row: Int?
        @OmittedWhenDefault var flags: [String]
        @DefaultWhenAbsent var gated: Bool
    }

    @Test func membersWithADefaultAreLeftOutOrReadBackAsIt() throws {
        let plain = Defaulted(name: "a", row: nil, flags: [], gated: false)
        #expect(try OrderedJSONEncoder().encodeListElement(plain) == #"{"name": "a", "gated": false}"#)
        let full = Defaulted(name: "b", row: 7, flags: ["x"], gated: true)
        let text = try OrderedJSONEncoder().encodeListElement(full)
        #expect(text == #"{"name": "b", "row": 7, "flags": ["x"], "gated": true}"#)
        #expect(try JSONDecoder().decode(Defaulted.self, from: Data(text.utf8)) == full)
        #expect(try JSONDecoder().decode(Defaulted.self, from: Data(#"{"name": "a"}"#.utf8)) == plain)
    }

    @Test func aFindingReadsBackAsItWasWritten() throws {
        let record = FindingsDocument.FindingRecord(
            sheet: "Deals Q3", cell: "G7", row: 7, dealID: "D-1", rep: "R-101", period: "2026-Q3", manual: "7.5%",
            manualIsText: true, expected: MoneyText(Decimal(string: "338.7802")!),
            difference: MoneyText(Decimal(string: "-338.7802")!), cause: .textNumber,
            causes: [.textNumber, .wrongRate], derived: false, explanation: "why", formula: nil)
        let document = FindingsDocument(
            workbook: .init(file: "w.xlsx", sha256: String(repeating: "a", count: 64)), findings: [record],
            summary: .init(errors: 1, rounding: 0, netOverpayment: MoneyText(-1), byCause: ["text_number": 1]),
            currency: "EUR", periodKind: "quarter", fiscalYearStart: 7, reps: [], sheetTotals: [])
        let text = try OrderedJSONEncoder().encode(document)
        let back = try FindingsDocument(json: Data(text.utf8), file: "f.json")
        #expect(back.findings == [record])
        #expect(text.contains(#""cause": "text_number", "causes": ["text_number", "wrong_rate"]"#))
        let findings = try back.domainFindings(file: "f.json")
        #expect(findings.first?.period?.description == "2026-Q3")
        #expect(findings.first?.period?.fiscalYearStart == 7)
        #expect(findings.first?.manualText == "7.5%")
    }

    /// A document of many findings makes their records on all cores: in the findings' order, each
    /// with its own counted difference.
    @Test func manyFindingsKeepTheirOrderAndCountedDifferences() throws {
        let findings = (1...5_000).map { row in
            Finding(
                sheet: "Deals", cell: CellAddress(row: row, column: 7), dealID: "D-\(row)", rep: "R-\(row % 7)",
                period: nil, manual: Decimal(row), manualText: nil, expected: Decimal(row) + 1,
                causes: [.wrongRate], explanation: "row \(row)", isDerived: false)
        }
        let counted = Dictionary(uniqueKeysWithValues: stride(from: 0, to: 5_000, by: 3).map { ($0, Decimal($0)) })
        let records = FindingsDocument.records(of: findings, counted: counted)
        #expect(records == findings.indices.map { FindingsDocument.FindingRecord(findings[$0], counted: counted[$0]) })
        #expect(records.map(\.row) == Array(1...5_000))
    }

    /// A top-level list of findings, written element by element on all cores, reads as the same
    /// list written in one pass (each element through an encoder of its own), empty or long.
    @Test(arguments: [0, 1, 2, 4_999])
    func findingsWrittenApartReadAsOnePass(_ count: Int) throws {
        struct Direct: Encodable {
            let findings: [FindingsDocument.FindingRecord]
            let after = "end"
        }
        struct Passed: Encodable {
            let record: FindingsDocument.FindingRecord
            func encode(to encoder: any Encoder) throws { try record.encode(to: encoder) }
        }
        struct OnePass: Encodable {
            let findings: [Passed]
            let after = "end"
        }
        let records = (0..<count).map { row in
            FindingsDocument.FindingRecord(
                sheet: "Deals", cell: "G\(row + 2)", row: row + 2, dealID: "D-\(row)", rep: nil, period: "2026-Q3",
                manual: "\(row).5", manualIsText: row % 3 == 0, expected: MoneyText(Decimal(row)),
                difference: MoneyText(Decimal(string: "0.5")!), cause: .wrongRate, causes: [.wrongRate],
                derived: false, explanation: "a \"quoted\" word,\nand a line", formula: nil)
        }
        let apart = try OrderedJSONEncoder().encode(Direct(findings: records))
        #expect(apart == (try OrderedJSONEncoder().encode(OnePass(findings: records.map(Passed.init)))))
        #expect(apart.hasSuffix(#""after": "end"}"# + "\n"))
    }

    /// A figure of a year beside a quarterly plan's (a summary of each rep's year) is written with
    /// the year as its period, and reads back as that year: `correct` applies it.
    @Test func aYearsFigureBesideAQuarterlyPlanReadsBack() throws {
        let record = FindingsDocument.FindingRecord(
            sheet: "Annual", cell: "C2", row: 2, dealID: nil, rep: "R-101", period: "2026", manual: "2100",
            manualIsText: false, expected: MoneyText(1500), difference: MoneyText(600), cause: .wrongTier,
            causes: [.wrongTier], derived: true, explanation: "why", formula: nil)
        let document = FindingsDocument(
            workbook: .init(file: "w.xlsx", sha256: String(repeating: "a", count: 64)), findings: [record],
            summary: .init(errors: 1, rounding: 0, netOverpayment: MoneyText(0), byCause: ["wrong_tier": 1]),
            currency: "EUR", periodKind: "quarter", fiscalYearStart: 7, reps: [], sheetTotals: [])
        let period = try #require(try document.domainFindings(file: "f.json").first?.period)
        #expect(period.kind == .year && period.description == "2026" && period.fiscalYearStart == 7)
        #expect(throws: (any Error).self) { try document.period("2026-13", file: "f.json", what: "finding 1") }
    }

    /// An `amount_mismatch` at an amount cell is an input (no money paid); one at a commission
    /// cell, worked out on the wrong amount, is money paid. A document written before amount
    /// cells were marked inputs counted their findings nowhere: they read back as inputs.
    @Test func anAmountMismatchIsPaidAtTheCommissionCellAlone() throws {
        func record(_ cell: String, input: Bool, counted: Decimal?) -> FindingsDocument.FindingRecord {
            FindingsDocument.FindingRecord(
                sheet: "Deals", cell: cell, row: 2, dealID: "D-1", rep: "R-101", period: "2026-Q1", manual: "19000",
                manualIsText: false, expected: MoneyText(10000), difference: MoneyText(9000), cause: .amountMismatch,
                causes: [.amountMismatch], derived: false, explanation: "why", formula: nil, input: input,
                countedDifference: counted.map(MoneyText.init))
        }
        let document = FindingsDocument(
            workbook: .init(file: "w.xlsx", sha256: String(repeating: "a", count: 64)),
            findings: [
                record("D2", input: true, counted: nil), record("H2", input: false, counted: 540),
                record("D3", input: false, counted: nil),
            ],
            summary: .init(errors: 2, rounding: 0, netOverpayment: MoneyText(540), byCause: ["amount_mismatch": 2]),
            currency: "USD", periodKind: "quarter", fiscalYearStart: 1, reps: [], sheetTotals: [])
        let findings = try document.domainFindings(file: "f.json")
        #expect(findings.map(\.isPay) == [false, true, false])
        #expect(findings.map(\.isInput) == [true, false, true])
    }

    @Test func anUnknownCauseOrABadAmountIsRefusedNamingWhere() throws {
        let bad = #"{"workbook": {"file": "w", "sha256": "x"}, "findings": [{"cause": "nope"}]}"#
        #expect(throws: (any Error).self) { try FindingsDocument(json: Data(bad.utf8), file: "f.json") }
        do {
            _ = try FindingsDocument(json: Data(bad.utf8), file: "f.json")
        } catch {
            #expect("\(error)".contains("f.json"))
            #expect("\(error)".contains("findings[0]"))
        }
    }
}

/// A finding's `formula` becomes a live formula in the corrected workbook: a document edited by
/// hand may give none that reaches outside the workbook.
@Suite struct RepairedFormulaTests {
    @Test(arguments: [
        "SUM(G2:G9)", "SUBTOTAL(9,G2:G5)", "_xlfn.AGGREGATE(9,4,G2:G5)", "ROUND(SUM(H2:H40),2)",
        "subtotal(9,tblDeals[Commission])", "SUM(Deals!G2:G9)+SUM('Q2 deals'!G2:G9)", #"SUMIFS(G:G,B:B,"a|b")"#,
        "SUMIFS(Deals!H:H,Deals!C:C,\">=\"&DATE(2026,1,1),Deals!B:B,A5)", "ROUND(D5*VLOOKUP(D5,Rates!A:B,2,TRUE),2)",
    ])
    func aTotalsRepairedRangesAreTaken(formula: String) {
        #expect(FindingsDocument.outsideReach(of: formula) == nil)
    }

    @Test(arguments: [
        (#"=HYPERLINK("http://evil.example","x")+cmd|' /C calc'!A0"#, "starts with '='"),
        (#"HYPERLINK("http://evil.example","x")"#, "calls HYPERLINK"), ("cmd|' /C calc'!A0", "'|'"),
        ("SUM([Book.xlsx]Sheet1!A1:A9)", "another workbook"), ("SUM('[1]Deals'!G2:G9)", "another workbook"),
        ("WEBSERVICE(A1)", "calls WEBSERVICE"), ("SUM(A1)+_xlfn.WEBSERVICE(A1)", "calls _xlfn.WEBSERVICE"),
    ])
    func anythingElseIsRefused(formula: String, reason: String) throws {
        let why = try #require(FindingsDocument.outsideReach(of: formula))
        #expect(why.contains(reason), "\(why)")
    }
}

/// The statement document reads the contract's own output: every scenario's `expected.json`.
@Suite struct StatementDocumentTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []).filter { $0.hasPrefix("case-") }
            .sorted()
    }

    @Test(arguments: cases)
    func readsTheExpectedOutputAndWritesItBackTheSame(_ name: String) throws {
        let data = try Data(
            contentsOf: Self.scenarios.appendingPathComponent(name).appendingPathComponent("expected.json"))
        let document = try JSONDecoder().decode(StatementDocument.self, from: data)
        #expect(!document.lines.isEmpty && !document.reps.isEmpty)
        let again = try JSONDecoder().decode(
            StatementDocument.self, from: Data(OrderedJSONEncoder().encode(document).utf8))
        #expect(again.lines == document.lines)
        #expect(again.reps == document.reps)
        #expect(again.issues == document.issues)
    }
}
