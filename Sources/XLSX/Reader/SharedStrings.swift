import Spreadsheet
import XMLStream

/// Collects `sharedStrings.xml` into the table cells index with `t="s"`.
///
/// Each `<si>` is exactly one entry, even when empty; rich-text runs are concatenated, phonetic
/// runs (`<rPh>`) skipped, `_xHHHH_` escapes decoded. The part is streamed; only the strings stay.
/// A string longer than a cell holds (`CellValue.maxTextLength`) is refused (`TooLong`): its runs
/// are each within libxml2's 10 MB, but not their sum.
final class SharedStringsParser: XMLEventHandler {
    /// The string at `index` (0-based) holds more than `CellValue.maxTextLength` characters.
    struct TooLong: Error {
        let index: Int

        var reason: String {
            "shared string \(index) is longer than \(CellValue.maxTextLength) characters, the most a spreadsheet cell holds"
        }
    }

    @exclusivity(unchecked) private(set) var strings: [String] = []
    // The parser runs on one thread and never re-enters, so the run-time exclusivity checks on
    // its state (about a tenth of reading time) are switched off per property: a compiler flag
    // would do it too, but SwiftPM refuses unsafe flags in a package others depend on.
    @exclusivity(unchecked) private var text = ScratchBytes()
    @exclusivity(unchecked) private var inItem = false
    @exclusivity(unchecked) private var inText = false
    @exclusivity(unchecked) private var phoneticDepth = 0

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
            text.removeAll()
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("t") && inItem && phoneticDepth == 0 {
            inText = true
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("si") {
            let string = XMLText.string(text.bytes)
            if text.count > CellValue.maxTextLength, string.utf16.count > CellValue.maxTextLength {
                throw TooLong(index: strings.count)
            }
            strings.append(string)
            inItem = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("t") {
            inText = false
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard inText else { return }
        text.append(bytes)
        if text.count > CellValue.maxTextBytes { throw TooLong(index: strings.count) }
    }
}
