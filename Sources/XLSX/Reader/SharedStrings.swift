import XMLStream

/// Collects `sharedStrings.xml` into the table cells index with `t="s"`.
///
/// Each `<si>` is exactly one entry, even when empty; rich-text runs are concatenated, phonetic
/// runs (`<rPh>`) skipped, `_xHHHH_` escapes decoded. The part is streamed; only the strings stay.
final class SharedStringsParser: XMLEventHandler {
    private(set) var strings: [String] = []
    private var text: [UInt8] = []
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    func startElement(_ name: XMLName, attributes: XMLAttributes) {
        if name.is("si") {
            inItem = true
            text.removeAll(keepingCapacity: true)
        } else if name.is("rPh") {
            phoneticDepth += 1
        } else if name.is("t") && inItem && phoneticDepth == 0 {
            inText = true
        }
    }

    func endElement(_ name: XMLName) {
        if name.is("si") {
            strings.append(text.withUnsafeBufferPointer { XMLText.string($0) })
            inItem = false
        } else if name.is("rPh") {
            phoneticDepth -= 1
        } else if name.is("t") {
            inText = false
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        if inText { text.append(contentsOf: bytes) }
    }
}
