import Correction
import Foundation
import Ingest
import PlanFile
import Reconciliation
import TestSupport
import Testing
import ZIP

/// Packages `reconcile` reads are corrected too (formats.md "Cells"): without a styles part,
/// written with an `x:` prefix, with cells that carry no `r`. tester6's hand-made packages: four
/// deals at 10%, D-2's commission typed as 2,000 where the plan pays 2,500.05.
@Suite struct MinimalPackageCorrectionTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let plan = """
        plan: min
        currency: USD
        period: quarter
        commission:
          tiers:
            metric: amount
            basis: per_deal
            mode: retroactive
            table:
              - { from: 0, rate: 10% }

        """

    enum Shape: String, CaseIterable {
        /// `x:` prefix, no styles part.
        case prefixedWithoutStyles
        /// `x:` prefix, a styles part.
        case prefixed
        /// The default namespace; the deal rows' cells have no `r` but the commission's.
        case cellsWithoutReferences
    }

    /// The package's parts, by name.
    static func parts(_ shape: Shape) -> [(String, String)] {
        let x = shape == .cellsWithoutReferences ? "" : "x:"
        func text(_ value: String) -> String {
            "<\(x)c t=\"inlineStr\"><\(x)is><\(x)t>\(value)</\(x)t></\(x)is></\(x)c>"
        }
        var rows = [
            "<\(x)row r=\"1\">" + ["Deal ID", "Rep", "Date", "Amount", "Commission"].map(text).joined() + "</\(x)row>"
        ]
        let deals = [
            ("D-1", "Ana", "2026-01-15", "10000", "1000.00"), ("D-2", "Ben", "2026-01-18", "25000.50", nil),
            ("D-3", "Ana", "2026-01-28", "8000", "800.00"), ("D-4", "Ben", "2026-02-10", "12345.67", "1234.57"),
        ]
        for (index, deal) in deals.enumerated() {
            let row = index + 2
            let commission =
                deal.4.map { "<\(x)c r=\"E\(row)\"><\(x)f>ROUND(D\(row)*0.1,2)</\(x)f><\(x)v>\($0)</\(x)v></\(x)c>" }
                ?? "<\(x)c r=\"E\(row)\"><\(x)v>2000</\(x)v></\(x)c>"
            rows.append(
                "<\(x)row r=\"\(row)\">" + text(deal.0) + text(deal.1)
                    + "<\(x)c t=\"str\"><\(x)v>\(deal.2)</\(x)v></\(x)c><\(x)c><\(x)v>\(deal.3)</\(x)v></\(x)c>"
                    + commission + "</\(x)row>")
        }
        rows.append(
            "<\(x)row r=\"6\"><\(x)c r=\"A6\" t=\"inlineStr\"><\(x)is><\(x)t>Total</\(x)t></\(x)is></\(x)c><\(x)c r=\"E6\"><\(x)f>SUM(E2:E5)</\(x)f><\(x)v>5034.57</\(x)v></\(x)c></\(x)row>"
        )
        let declaration = x.isEmpty ? "xmlns=\"\(main)\"" : "xmlns:x=\"\(main)\""
        let sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><\(x)worksheet \(declaration)><\(x)sheetData>"
            + rows.joined() + "</\(x)sheetData></\(x)worksheet>"
        let workbook =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><\(x)workbook \(declaration) xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><\(x)sheets><\(x)sheet name=\"Deals\" sheetId=\"7\" r:id=\"rIdZ\"/></\(x)sheets></\(x)workbook>"
        let styled = shape != .prefixedWithoutStyles
        let types =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/book/wb.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/book/s/one.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + (styled
                ? "<Override PartName=\"/book/st.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                : "") + "</Types>"
        let relationships =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"book/wb.xml\"/></Relationships>"
        let workbookRelationships =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rIdZ\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"s/one.xml\"/>"
            + (styled
                ? "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"st.xml\"/>"
                : "") + "</Relationships>"
        let styles =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"1\"><xf xfId=\"0\"/></cellXfs></styleSheet>"
        return [
            ("[Content_Types].xml", types), ("_rels/.rels", relationships), ("book/wb.xml", workbook),
            ("book/_rels/wb.xml.rels", workbookRelationships), ("book/s/one.xml", sheet),
        ] + (styled ? [("book/st.xml", styles)] : [])
    }

    @Test(arguments: Shape.allCases)
    func aMinimalPackageIsCorrectedAndReadsBackClean(_ shape: Shape) throws {
        let folder = Scratch.folder.appendingPathComponent("trueup-minimal-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("min.xlsx")
        _ = FileManager.default.createFile(atPath: input.path, contents: nil)
        let inputHandle = try FileHandle(forWritingTo: input)
        let writer = ZipWriter(handle: inputHandle)
        for (name, text) in Self.parts(shape) { try writer.addPart(name, Array(text.utf8)) }
        try writer.finish()
        try inputHandle.close()

        let plan = try PlanFile.parse(Self.plan, file: "plan.yaml")
        func reconcile(_ path: String) throws -> Reconciliation {
            try Reconciler.reconcile(
                HandKeptWorkbook.read(TableFile.open(path), plan: plan, roster: [], sheet: "Deals"), plan: plan,
                roster: [])
        }
        let found = try reconcile(input.path)
        #expect(found.findings.filter(\.isError).map { $0.cell.description }.sorted() == ["E3", "E6"])

        let output = folder.appendingPathComponent("fixed.xlsx")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let outcome = try CorrectedWorkbook.write(source: input.path, reconciliation: found, to: handle)
        try handle.close()
        #expect(outcome.correctedCells == 2)
        #expect(try CorrectedTwiceTests.packageProblems(output.path) == [])
        let again = try reconcile(output.path)
        #expect(again.findings.filter(\.isError).isEmpty, "\(again.findings.map(\.cell))")
        let sheet = try ZipArchive(path: output.path)
        let part = String(
            decoding: try sheet.data(of: try #require(sheet.entry(named: "book/s/one.xml"))), as: UTF8.self)
        if shape == .cellsWithoutReferences {
            #expect(part.contains(#"<c r="E3" s="2"><v>2500.05</v></c>"#), "\(part)")
        } else {
            #expect(part.contains(#"<c xmlns="\#(Self.main)" r="E3" s="2"><v>2500.05</v></c></x:row>"#), "\(part)")
        }
    }
}
