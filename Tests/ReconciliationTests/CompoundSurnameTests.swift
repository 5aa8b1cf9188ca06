import Commission
import Foundation
import Ingest
import PlanFile
import Spreadsheet
import Testing
import XLSX

@testable import Reconciliation

/// Names of several words (`María José García López`, `Juan de la Cruz`, `Anna van der Berg`,
/// `Jean-Luc Martin-Dubois`) written with a part of them, on a tab's name or in a rep cell
/// (`García López`, `de la Cruz, Juan`, `van der Berg A.`, `J. García`, `Garcia Lopez`): the one
/// roster rep they fit, and no one when two fit.
@Suite struct CompoundSurnameTests {
    static let names = [
        "María José García López", "Juan de la Cruz", "Anna van der Berg", "Jean-Luc Martin-Dubois", "Ben Okafor",
    ]

    static func words(_ text: String) -> [Substring] {
        RepIdentity.fold(text).split(separator: " ")
    }

    @Test(arguments: [
        ("García López", "María José García López"), ("Garcia Lopez", "María José García López"),
        ("J. García", "María José García López"), ("M. J. García López", "María José García López"),
        ("García López M.", "María José García López"), ("María García", "María José García López"),
        ("van der Berg A.", "Anna van der Berg"), ("A. van der Berg", "Anna van der Berg"),
        ("Anna Berg", "Anna van der Berg"), ("van der Berg", "Anna van der Berg"),
        ("de la Cruz", "Juan de la Cruz"), ("Juan Cruz", "Juan de la Cruz"), ("de la Cruz J.", "Juan de la Cruz"),
        ("J.-L. Martin-Dubois", "Jean-Luc Martin-Dubois"), ("Martin Dubois", "Jean-Luc Martin-Dubois"),
        ("MARTIN-DUBOIS Jean-Luc", "Jean-Luc Martin-Dubois"),
        // A middle initial the roster does not write.
        ("Ben R. Okafor", "Ben Okafor"), ("Ben J Okafor", "Ben Okafor"), ("Anna K. van der Berg", "Anna van der Berg"),
    ])
    func aPartOfACompoundNameIsThatRep(written: String, rep: String) {
        let fitting = Self.names.filter { NameFit.fits(Self.words(written), Self.words($0)) }
        #expect(fitting == [rep], "\(written)")
    }

    @Test(arguments: ["J. Okafor", "García Cruz", "A. B.", "Ana García", "Lopez Garcia Maria X", "B. Okafor R."])
    func aPartOfNoNameIsNoOne(written: String) {
        #expect(Self.names.filter { NameFit.fits(Self.words(written), Self.words($0)) } == [], "\(written)")
    }

    static let roster = """
        id,name
        R1,María José García López
        R2,Juan de la Cruz
        R3,Anna van der Berg
        R4,Jean-Luc Martin-Dubois
        R5,Ben Okafor
        """

    static func reconcile(_ path: String, roster: String = roster, in folder: URL) throws -> Reconciliation {
        let rosterPath = folder.appendingPathComponent("roster.csv").path
        try roster.write(toFile: rosterPath, atomically: true, encoding: .utf8)
        return try Reconciler.reconcile(
            workbook: path, plan: PlanFile.parse(CauseTests.planText, file: "plan.yaml"),
            roster: RosterReader.read(TableFile.open(rosterPath)))
    }

    /// A rep tab's rows: deals of 10,000 at 5%.
    static func tab(_ deals: [String]) -> [[WriteCell]] {
        [["Deal ID", "Close Date", "Amount", "Rate", "Commission"].map { WriteCell.text($0) }]
            + deals.enumerated().map { index, deal in LayoutReadingTests.tabRow(deal, index + 2) }
    }

    @Test func tabsNamedByAPartOfACompoundNameAreThatRepsTabs() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutReadingTests.workbook(
            [
                ("Garcia Lopez", Self.tab(["D1", "D2"])), ("de la Cruz, Juan", Self.tab(["D3"])),
                ("van der Berg A.", Self.tab(["D4"])), ("Martin-Dubois Q1", Self.tab(["D5"])),
            ], in: folder)
        let result = try Self.reconcile(path, in: folder)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.sheet)!\($0.cell) \($0.explanation)" })")
        let reps = Dictionary(
            result.statement.lineGroups.joined().map { ($0.dealID ?? "", $0.rep) },
            uniquingKeysWith: { first, _ in first })
        #expect(reps == ["D1": "R1", "D2": "R1", "D3": "R2", "D4": "R3", "D5": "R4"])
    }

    @Test func repCellsWrittenWithAPartOfACompoundNameAreThatRep() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let written = ["García López", "de la Cruz, Juan", "van der Berg A.", "J. García", "Martin-Dubois, J."]
        let rows = written.enumerated().map { index, rep -> [WriteCell] in
            let row = index + 2
            return [
                .text("D\(row)"), .text(rep), LayoutReadingTests.date("2026-01-15"), .number(10000),
                .number(Decimal(string: "0.05")!), CauseTests.formula("500", "ROUND(D\(row)*E\(row),2)"),
            ]
        }
        let path = try LayoutReadingTests.workbook([("Deals", [header] + rows)], in: folder)
        let result = try Self.reconcile(path, in: folder)
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.cell) \($0.cause) \($0.explanation)" })")
        let reps = result.statement.lineGroups.joined().map { "\($0.dealID ?? "") \($0.rep)" }.sorted()
        #expect(reps == ["D2 R1", "D3 R2", "D4 R3", "D5 R1", "D6 R4"])
    }

    /// Two reps sharing a compound surname: a part both fit is neither, on a tab (the run stops
    /// naming it) and in a rep cell (`wrong_rep`).
    @Test func aPartTwoRepsFitIsNoOne() throws {
        let folder = try LayoutReadingTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = Self.roster + "\nR6,Pedro García López\n"
        let path = try LayoutReadingTests.workbook([("Garcia Lopez", Self.tab(["D1"]))], in: folder)
        #expect {
            try Self.reconcile(path, roster: roster, in: folder)
        } throws: { error in
            "\(error)".contains("'Garcia Lopez'")
        }
        let header: [WriteCell] = ["Deal ID", "Rep", "Close Date", "Amount", "Rate", "Commission"].map { .text($0) }
        let row: [WriteCell] = [
            .text("D1"), .text("García López"), LayoutReadingTests.date("2026-01-15"), .number(10000),
            .number(Decimal(string: "0.05")!), .number(500),
        ]
        let cells = try LayoutReadingTests.workbook([("Deals", [header, row])], in: folder, name: "cells.xlsx")
        let result = try Self.reconcile(cells, roster: roster, in: folder)
        #expect(result.errors.map { "\($0.cell) \($0.cause)" } == ["F2 wrong_rep"])
    }
}
