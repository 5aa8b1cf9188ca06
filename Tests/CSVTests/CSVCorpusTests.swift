import CSV
import Foundation
import Spreadsheet
import Testing

/// Reads every file of `shared/corpus/csv` and compares its records with what Python's `csv`
/// module returns for the file's dialect (`*.expected.json`). The delimiter and encoding are
/// detected; an escape or comment character, which cannot be sniffed, is passed in.
@Suite struct CSVCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/csv")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.sorted().map {
            corpus.appendingPathComponent(String($0.dropLast(".expected.json".count))).path
        }
    }()

    @Test func theCSVCorpusIsThere() {
        #expect(Self.files.count >= 30)
    }

    @Test(arguments: files)
    func recordsMatch(_ path: String) throws {
        let expected =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path + ".expected.json")))
            as! [String: Any]
        let options = CSVOptions(
            escape: (expected["escapechar"] as? String)?.utf8.first,
            comment: (expected["comment"] as? String)?.utf8.first)
        let reader = try CSVReader(path: path, options: options)
        var rows: [[String]] = []
        try reader.forEachRecord { rows.append($0.fields) }
        #expect(rows == expected["rows"] as! [[String]])
        #expect(String(UnicodeScalar(reader.dialect.delimiter)) == expected["delimiter"] as! String)
        let encoding = expected["encoding"] as! String
        let sameBytes = encoding == "ISO-8859-1" ? "windows-1252" : encoding
        #expect(reader.encoding.rawValue.lowercased() == sameBytes.lowercased())
    }
}
