import Commission
import Foundation
import Reconciliation
import Reports
import Spreadsheet
import XLSX
import ZIP

/// The Findings, Summary and Payroll sheets of a corrected workbook, and where they go.
enum AddedSheets {
    static func build(_ input: CorrectionInput, workbook: XLSXWorkbook) -> [AddedSheet] {
        [findings(input, workbook: workbook), summary(input, workbook: workbook), payroll(input.payroll)]
    }

    /// One row per finding, ranked by money, each linking to its cell when it is in the workbook.
    static func findings(_ input: CorrectionInput, workbook: XLSXWorkbook) -> AddedSheet {
        var sheet = AddedSheet(
            name: "Findings",
            header: ["Cell", "Rep", "Deal", "Period", "Manual", "Correct", "Difference", "Cause", "Action", "Why"],
            rows: [], columnWidths: [16, 10, 12, 10, 14, 14, 14, 22, 12, 90])
        for (index, finding) in input.findings.enumerated() {
            let inWorkbook = workbook.sheets.contains { $0.name == finding.sheet }
            let place = "\(Location.quotedSheetName(finding.sheet))!\(finding.cell)"
            if inWorkbook { sheet.links[index] = place }
            let action =
                !finding.isError
                ? "none (rounding)"
                : !inWorkbook
                    ? "add to workbook"
                    : finding.isPay ? (finding.isDerived ? "recalculated" : "corrected") : "check the data"
            sheet.rows.append([
                .text(place), .text(finding.rep ?? ""), .text(finding.dealID ?? ""),
                .text(finding.period?.description ?? ""),
                finding.manual.map { .money($0) } ?? finding.manualText.map { .text($0) } ?? .empty,
                .money(finding.expected), .money(finding.difference), .text(finding.cause.rawValue), .text(action),
                .text(finding.explanation),
            ])
        }
        return sheet
    }

    /// Per rep and period: what the sheet pays (its summary sheet's figure when it has one, else
    /// its rows'), what the plan pays for the same deals, and the difference. Deals another source says are missing are in Findings, not here: the
    /// workbook pays nothing for them and the engine, paying the workbook's deals, neither.
    static func summary(_ input: CorrectionInput, workbook: XLSXWorkbook) -> AddedSheet {
        var differences: [RepPeriod: Decimal] = [:]
        let sheets = Set(workbook.sheets.map(\.name))
        for finding in input.findings
        where finding.isPay && !finding.isDerived && sheets.contains(finding.sheet) {
            guard let rep = finding.rep, let period = finding.period else { continue }
            differences[RepPeriod(rep: rep, period: period), default: 0] += finding.difference
        }
        var sheet = AddedSheet(
            name: "Summary", header: ["Rep", "Name", "Period", "Manual", "Correct", "Difference", "Status"], rows: [],
            columnWidths: [10, 22, 10, 14, 14, 14, 12])
        for total in input.repPeriods {
            let key = RepPeriod(rep: total.rep, period: total.period)
            let rowDifference = differences[key] ?? 0
            var figures =
                input.sheetTotals[key] ?? SheetTotal(manual: total.earned + rowDifference, expected: total.earned)
            // A declined correction leaves the workbook paying its own figure.
            figures.expected += total.declined
            let difference = figures.manual - figures.expected
            let status = difference > 0 ? "overpaid" : difference < 0 ? "underpaid" : "correct"
            sheet.rows.append([
                .text(total.rep), .text(total.name), .text(total.period.description), .money(figures.manual),
                .money(figures.expected), .money(difference), .text(status),
            ])
        }
        return sheet
    }

    static func payroll(_ lines: [PayrollLine]) -> AddedSheet {
        AddedSheet(
            name: "Payroll", header: PayrollExport.header,
            rows: lines.map {
                [.text($0.rep), .text($0.name), .text($0.period.description), .money($0.payable), .text($0.currency)]
            }, columnWidths: [10, 22, 10, 14, 10])
    }

    /// Names (a suffix when the workbook has the name already), part names, sheet ids and
    /// relationship ids that collide with nothing in the package.
    static func place(
        _ sheets: [AddedSheet], workbook: XLSXWorkbook, workbookBytes: [UInt8], archive: ZipArchive
    ) -> [PackagePatch.NewSheet] {
        var takenNames = Set(workbook.sheets.map { $0.name.lowercased() })
        var sheetID = maxSheetID(workbookBytes)
        let folder = workbook.workbookPartName.split(separator: "/").dropLast().joined(separator: "/")
        var placed: [PackagePatch.NewSheet] = []
        for (index, sheet) in sheets.enumerated() {
            var name = sheet.name
            var suffix = 2
            while takenNames.contains(name.lowercased()) {
                name = "\(sheet.name) (\(suffix))"
                suffix += 1
            }
            takenNames.insert(name.lowercased())
            var target = "worksheets/trueup-\(sheet.name.lowercased()).xml"
            var number = 2
            while archive.entry(named: (folder.isEmpty ? "" : folder + "/") + target) != nil {
                target = "worksheets/trueup-\(sheet.name.lowercased())-\(number).xml"
                number += 1
            }
            sheetID += 1
            placed.append(
                PackagePatch.NewSheet(
                    name: name, sheetID: sheetID, relationshipID: "rIdTrueup\(index + 1)", target: target,
                    partName: (folder.isEmpty ? "" : folder + "/") + target))
        }
        return placed
    }

    private static func maxSheetID(_ bytes: [UInt8]) -> Int {
        var highest = 0
        var position = 0
        while let start = XMLBytes.startTag("sheet", in: bytes, from: position),
            let end = XMLBytes.tagEnd(in: bytes, at: start)
        {
            highest = max(highest, XMLBytes.attribute("sheetId", in: bytes, start, end).flatMap { Int($0) } ?? 0)
            position = end
        }
        return highest
    }
}
