import XMLStream

/// Collects `sharedStrings.xml` into the table cells index with `t="s"`.
///
/// Each `<si>` is exactly one entry, even when empty; rich-text runs are concatenated, phonetic
/// runs (`<rPh>`) skipped, `_xHHHH_` escapes decoded. The part is streamed; only the strings stay.
final class SharedStringsParser: XMLEventHandler {
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

    func endElement(_ name: XMLName) {
        if name.is("si") {
            strings.append(XMLText.string(text.bytes))
            inItem = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("t") {
            inText = false
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText { text.append(bytes) }
    }
}
