import Foundation
import Spreadsheet
import Testing
import XLSX

/// Reads every workbook of `shared/corpus/xlsx` and compares each cell with the values an
/// independent reader saw (`*.expected.json`; format in that folder's README).
@Suite struct CorpusConformanceTests {
    struct Tally {
        var files = 0, filesOpened = 0, cells = 0, agreed = 0, formulas = 0, formulasAgreed = 0
        var explained = 0
        var mismatches: [String] = []
    }

    /// A disagreement the corpus is known to hold, with why: cells of `file` where `fits` holds are
    /// counted as explained; any other difference fails the test.
    struct ExpectedDisagreement: Sendable {
        let file: String
        let why: String
        let fits: @Sendable (_ theirs: [String: Any], _ ours: [String: Any]) -> Bool
    }

    static let expectedDisagreements = [
        ExpectedDisagreement(
            file: "calamine__minimal_package.xlsx",
            why: """
                openpyxl cannot read this file, so python-calamine's values stand; calamine trims the \
                leading spaces of strings ("  SHERMAN"), which trueup keeps as Excel shows them
                """,
            fits: { theirs, ours in
                guard theirs["type"] as? String == "string", ours["type"] as? String == "string",
                    let expected = theirs["value"] as? String, let found = ours["value"] as? String
                else { return false }
                return found != expected && found.drop { $0 == " " } == expected.drop { $0 == " " }
            })
    ]

    @Test func everyCorpusWorkbookOpensAndAgreesWithTheIndependentReaders() throws {
        let files = TestPaths.corpusFiles("xlsx")
        try #require(!files.isEmpty, "no corpus at \(TestPaths.corpus.path)")
        var tally = Tally()
        for path in files {
            tally.files += 1
            let expected = try TestPaths.expected(path)
            let ours: [String: Any]
            do {
                ours = try Self.convertToCorpusJSON(path)
            } catch {
                tally.mismatches.append("\(path): did not open: \(error)")
                continue
            }
            tally.filesOpened += 1
            Self.compare(expected: expected, ours: ours, file: (path as NSString).lastPathComponent, into: &tally)
        }
        let share = Double(tally.agreed) / Double(max(tally.cells, 1)) * 100
        print(
            "corpus/xlsx: \(tally.filesOpened)/\(tally.files) files opened; \(tally.agreed)/\(tally.cells) cells agreed ("
                + String(format: "%.3f", share) + "%); formulas \(tally.formulasAgreed)/\(tally.formulas) agreed")
        print(
            "  \(tally.explained) cells differ as expected: "
                + Self.expectedDisagreements.map(\.file).joined(separator: ", "))
        for line in tally.mismatches { print("  differs: \(line)") }
        #expect(tally.filesOpened == tally.files)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.count) unexpected differences")
        #expect(tally.agreed + tally.explained == tally.cells)
        #expect(tally.formulasAgreed == tally.formulas)
        #expect(share >= 99.5)
    }

    static func convertToCorpusJSON(_ path: String) throws -> [String: Any] {
        let workbook = try XLSXWorkbook(path: path)
        var text = ""
        try workbook.writeCorpusJSON { text += $0 }
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// Compares cell by cell. Cells under `disagree` are skipped. Where python-calamine is the
    /// primary reader it cannot report error cells, formulas without a cached value, or strings
    /// that are empty or only white space, so ours of those kinds are not compared there.
    static func compare(expected: [String: Any], ours: [String: Any], file: String, into tally: inout Tally) {
        let calaminePrimary = expected["primary"] as? String == "python-calamine"
        let ourSheets = Dictionary(
            ((ours["sheets"] as? [[String: Any]]) ?? []).map { ($0["name"] as! String, $0) },
            uniquingKeysWith: { a, _ in a })
        for sheet in (expected["sheets"] as? [[String: Any]]) ?? [] {
            let name = sheet["name"] as! String
            guard let mine = ourSheets[name] else {
                tally.mismatches.append("\(file): sheet '\(name)' missing")
                continue
            }
            let theirCells = sheet["cells"] as? [String: [String: Any]] ?? [:]
            let ourCells = mine["cells"] as? [String: [String: Any]] ?? [:]
            let disagree = sheet["disagree"] as? [String: Any] ?? [:]
            for address in Set(theirCells.keys).union(ourCells.keys) where disagree[address] == nil {
                let theirs = theirCells[address]
                let ours = ourCells[address]
                if calaminePrimary, theirs == nil, let ours, calamineCannotReport(ours) { continue }
                tally.cells += 1
                if let theirs, let ours, sameValue(theirs, ours) {
                    tally.agreed += 1
                } else if let theirs, let ours,
                    expectedDisagreements.contains(where: { $0.file == file && $0.fits(theirs, ours) })
                {
                    tally.explained += 1
                } else {
                    tally.mismatches.append(
                        "\(file) › \(name)!\(address): expected \(theirs ?? [:]) found \(ours ?? [:])")
                }
                if let formula = theirs?["formula"] as? String {
                    tally.formulas += 1
                    if formula == ours?["formula"] as? String { tally.formulasAgreed += 1 }
                }
            }
        }
    }

    static func calamineCannotReport(_ cell: [String: Any]) -> Bool {
        switch cell["type"] as? String {
        case "error", "empty": return true
        case "string":
            return (cell["value"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? false
        default: return false
        }
    }

    /// Numbers compare as doubles; dates in the 1900 system below serial 61 compare by serial.
    static func sameValue(_ theirs: [String: Any], _ ours: [String: Any]) -> Bool {
        let type = theirs["type"] as? String
        if type == "number", ours["type"] as? String == "number" {
            return Double(theirs["value"] as? String ?? "") == Double(ours["value"] as? String ?? "x")
        }
        if let serial = (theirs["serial"] as? String).flatMap(Double.init), serial < 61 {
            return (ours["serial"] as? String).flatMap(Double.init) == serial
        }
        return type == ours["type"] as? String && theirs["value"] as? String == ours["value"] as? String
    }
}
