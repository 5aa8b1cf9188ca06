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
