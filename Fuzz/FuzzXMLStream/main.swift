import FuzzSupport
import XMLStream

/// Touches every event the way the worksheet reader does: names, every attribute, text.
final class TouchingHandler: XMLEventHandler {
    var seen = 0

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        seen &+= name.localName.utf8.count &+ (name.namespaceURI?.utf8.count ?? 0)
        for attribute in attributes.all { seen &+= attribute.value.utf8.count }
        seen &+= attributes.string("r")?.utf8.count ?? 0
    }

    func endElement(_ name: XMLName) throws { seen &+= name.is("row") ? 1 : 0 }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws { seen &+= text.count }
}

// The XML stream: libxml2's push parser behind XMLPushParser, fed in two chunks so that the
// chunk boundary falls inside names, attributes and text as well as between them.
FuzzDriver.run { data, count in
    let bytes = FuzzDriver.bytes(data, count)
    let parser = XMLPushParser(handler: TouchingHandler(), documentName: "fuzz.xml")
    let middle = bytes.count / 2
    do {
        try bytes[..<middle].withUnsafeBytes { try parser.feed($0) }
        try bytes[middle...].withUnsafeBytes { try parser.feed($0) }
        try parser.finish()
    } catch {}
    return 0
}
