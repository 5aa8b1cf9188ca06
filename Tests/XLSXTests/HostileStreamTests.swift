import Foundation
import Spreadsheet
import Testing
import XLSX
import XMLStream

/// The writer and the XML stream on input that once trapped or hung them (issue 13).
@Suite struct HostileStreamTests {
    final class Counting: XMLEventHandler {
        var elements = 0
        func startElement(_ name: XMLName, attributes: XMLAttributes) throws { elements += 1 }
        func endElement(_ name: XMLName) throws {}
        func characters(_ text: UnsafeBufferPointer<UInt8>) throws {}
    }

    static func parse(_ text: String) throws -> Int {
        let handler = Counting()
        try XMLPushParser.parse(Array(text.utf8), handler: handler, documentName: "test.xml")
        return handler.elements
    }

    @Test func rowsOutOfOrderRepeatedOrPastTheLastAreErrorsNotTraps() throws {
        var failures: [String] = []
        _ = try WriterRoundTripTests.write("rows.xlsx") { writer in
            try writer.beginSheet("Data")
            try writer.writeRow([.number(1)], index: 8)
            for index in [8, 3, CellAddress.maxRow + 1] {
                do { try writer.writeRow([.number(2)], index: index) } catch { failures.append("\(error)") }
            }
            try writer.writeRow([.number(3)], index: CellAddress.maxRow)
            do { try writer.writeRow([.number(4)]) } catch { failures.append("\(error)") }
            try writer.endSheet()
        }
        #expect(
            failures == [
                "workbook › Data: row 8 comes after row 8; rows are written once each, in order",
                "workbook › Data: row 3 comes after row 8; rows are written once each, in order",
                "workbook › Data: more than 1048576 rows, the most a sheet holds",
                "workbook › Data: more than 1048576 rows, the most a sheet holds",
            ])
    }

    @Test func anElementWithTooManyAttributesIsRefusedBeforeLibxml2ParsesIt() throws {
        let attributes = (0..<100_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let start = Date()
        #expect(throws: XMLStreamError.tooManyAttributes(limit: 1_000)) {
            try Self.parse("<root><c \(attributes)/></root>")
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func attributesAreCountedPerTagAndNotInTextQuotesOrComments() throws {
        let many = (0..<1_000).map { "a\($0)=\"x>'=\"" }.joined(separator: " ")
        let text = String(repeating: "a=b ", count: 5_000)
        let document = "<root><!-- \(text) --><c \(many)/><t>\(text)</t><c \(many)/></root>"
        #expect(try Self.parse(document) == 4)
    }

    @Test func attributesAreCountedAcrossChunkBoundaries() throws {
        func feed(_ text: String, chunk: Int) throws {
            let parser = XMLPushParser(handler: Counting(), documentName: "test.xml")
            let bytes = Array(text.utf8)
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                try bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { try parser.feed($0) }
            }
            try parser.finish()
        }
        let allowed = (0..<1_000).map { "a\($0)=\"'\"" }.joined(separator: " ")
        let refused = allowed + " b=\"1\""
        for chunk in [1, 7, 4096] {
            let parsers: [(String, Int) throws -> Void] = [
                { try feed($0, chunk: $1) }, { try Self.pull($0, chunk: $1) },
            ]
            for parse in parsers {
                try parse("<root><c \(allowed)/><t>\(String(repeating: "=", count: 9_000))</t></root>", chunk)
                #expect(throws: XMLStreamError.tooManyAttributes(limit: 1_000)) {
                    try parse("<root><c \(refused)/></root>", chunk)
                }
            }
        }
    }

    /// Random documents of dense cells, long texts full of `=` and quotes, comments and tags near
    /// the limit, fed and pulled in chunks of every awkward size: refused exactly when a tag
    /// carries more than the limit, wherever the chunks cut its span.
    @Test func attributeCountsAgreeWithTheDocumentsTruthAtAnyChunking() throws {
        var generator = SystemRandomNumberGenerator()
        func piece(_ random: inout SystemRandomNumberGenerator) -> (xml: String, refused: Bool) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                let count = Int.random(in: 995...1_003, using: &random)
                let attributes = (0..<count).map { "a\($0)=\"\($0 % 3 == 0 ? "x>='" : "1")\"" }
                return ("<c \(attributes.joined(separator: " "))/>", count > 1_000)
            case 1:
                let length = Int.random(in: 1...12_000, using: &random)
                return ("<t>\(String(repeating: "a=\"b' ", count: length / 6))</t>", false)
            case 2:
                return (
                    "<!-- \(String(repeating: "x=1 ", count: Int.random(in: 1...2_000, using: &random))) -->", false
                )
            default:
                return (
                    String(repeating: "<c r=\"A1\"><v>1</v></c>", count: Int.random(in: 1...400, using: &random)), false
                )
            }
        }
        for _ in 0..<12 {
            var body = ""
            var refused = false
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let (xml, tooMany) = piece(&generator)
                body += xml
                refused = refused || tooMany
            }
            let document = Array("<root>\(body)</root>".utf8)
            for chunk in [1, 5, 4_999, 5_005, 5_006, 5_007, Int.random(in: 2...20_000, using: &generator)] {
                var outcome: Bool?
                let parser = XMLPushParser(handler: Counting(), documentName: "test.xml")
                do {
                    for start in stride(from: 0, to: document.count, by: chunk) {
                        try document[start..<min(start + chunk, document.count)].withUnsafeBytes { try parser.feed($0) }
                    }
                    try parser.finish()
                    outcome = false
                } catch XMLStreamError.tooManyAttributes {
                    outcome = true
                }
                #expect(outcome == refused, "chunks of \(chunk), \(document.count) bytes")
            }
        }
    }

    /// Parses `text` with libxml2 pulling it in chunks of `chunk` bytes; returns the elements seen.
    @discardableResult
    static func pull(_ text: String, chunk: Int) throws -> Int {
        let handler = Counting()
        let parser = XMLPushParser(handler: handler, documentName: "test.xml")
        let bytes = Array(text.utf8)
        var start = 0
        try parser.parse {
            guard start < bytes.count else { return nil }
            defer { start += chunk }
            return Array(bytes[start..<min(start + chunk, bytes.count)])
        }
        return handler.elements
    }

    @Test func pulledChunksParseAsFedOnes() throws {
        struct Unreadable: Error {}
        let document = "<root>" + String(repeating: "<row a=\"1\"><c>x</c></row>", count: 500) + "</root>"
        for chunk in [1, 7, 4096] {
            #expect(try Self.pull(document, chunk: chunk) == Self.parse(document))
            for bad in ["<root>\n<a></b>\n</root>", "<!DOCTYPE root [<!ENTITY a \"b\">]><root/>", ""] {
                var fed: (any Error)?
                do { _ = try Self.parse(bad) } catch { fed = error }
                #expect(throws: (fed as? XMLStreamError)!) { try Self.pull(bad, chunk: chunk) }
            }
            // An unclosed root: libxml2 words this one differently when pulling.
            #expect {
                try Self.pull("<root>", chunk: chunk)
            } throws: { error in
                if case .malformed = error as? XMLStreamError { true } else { false }
            }
        }
        let parser = XMLPushParser(handler: Counting(), documentName: "test.xml")
        var calls = 0
        #expect(throws: Unreadable.self) {
            try parser.parse {
                calls += 1
                if calls == 1 { return Array("<root><a/>".utf8) }
                throw Unreadable()
            }
        }
    }

    @Test func libxml2MessagesAreOneLine() throws {
        do {
            _ = try Self.parse("<root>\n<a></b>\n</root>")
            Issue.record("a mismatched tag was accepted")
        } catch let error as XMLStreamError {
            #expect(!error.description.contains("\n"), "\(error)")
        }
    }
}
