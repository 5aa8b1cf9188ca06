import Testing
import XMLStream

/// A handler that gives libxml2 its own callbacks (`XMLDirectEventHandler`) is parsed under the
/// generic path's rules: its callbacks are the ones called, nothing reaches it after an error,
/// its own error stops the parse, and a document type or malformed markup is still refused.
@Suite struct DirectHandlerTests {
    final class Recorder: XMLDirectEventHandler {
        var events: [String] = []
        /// Calls that came through the direct callbacks rather than the protocol's methods.
        var directCalls = 0
        var failAtStart: String?

        func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
            let id = attributes.string("id").map { "#\($0)" } ?? ""
            events.append("<\(name.localName)\(id)")
            if name.localName == failAtStart { throw Stop.requested }
        }

        func endElement(_ name: XMLName) throws { events.append("</\(name.localName)") }

        /// Text in one event per run, however libxml2 split it.
        func characters(_ text: UnsafeBufferPointer<UInt8>) throws {
            let piece = String(decoding: text, as: UTF8.self)
            if let last = events.last, !last.hasPrefix("<") {
                events[events.count - 1] = last + piece
            } else {
                events.append(piece)
            }
        }

        static var directCallbacks: XMLDirectCallbacks {
            XMLDirectCallbacks(
                startElement: { user, local, _, uri, _, _, count, _, attributes in
                    XMLDirect.with(user, Recorder.self) { recorder in
                        guard let local else { return }
                        recorder.directCalls += 1
                        try recorder.startElement(
                            XMLName(local: local, uri: uri),
                            attributes: XMLAttributes(base: attributes, count: Int(count)))
                    }
                },
                endElement: { user, local, _, uri in
                    XMLDirect.with(user, Recorder.self) { recorder in
                        guard let local else { return }
                        recorder.directCalls += 1
                        try recorder.endElement(XMLName(local: local, uri: uri))
                    }
                },
                characters: { user, text, length in
                    XMLDirect.with(user, Recorder.self) { recorder in
                        guard let text else { return }
                        recorder.directCalls += 1
                        try recorder.characters(UnsafeBufferPointer(start: text, count: Int(length)))
                    }
                })
        }
    }

    enum Stop: Error { case requested }

    /// Parses `text` both ways libxml2 is driven (pushed whole, and pulled in small chunks).
    static func parse(_ text: String, failAtStart: String? = nil) -> [(Recorder, (any Error)?)] {
        let bytes = Array(text.utf8)
        var results: [(Recorder, (any Error)?)] = []
        let pushed = Recorder()
        pushed.failAtStart = failAtStart
        do {
            try XMLPushParser.parse(bytes, handler: pushed, documentName: "test.xml")
            results.append((pushed, nil))
        } catch { results.append((pushed, error)) }
        let pulled = Recorder()
        pulled.failAtStart = failAtStart
        var offset = 0
        do {
            try XMLPushParser(handler: pulled, documentName: "test.xml").parse(pulling: {
                guard offset < bytes.count else { return nil }
                defer { offset += 3 }
                return Array(bytes[offset..<min(offset + 3, bytes.count)])
            })
            results.append((pulled, nil))
        } catch { results.append((pulled, error)) }
        return results
    }

    @Test func theHandlersOwnCallbacksReceiveEveryEvent() {
        for (recorder, error) in Self.parse(#"<a><b id="1">x&amp;y</b><b id="2"/><![CDATA[z]]></a>"#) {
            #expect(error == nil)
            #expect(recorder.events == ["<a", "<b#1", "x&y", "</b", "<b#2", "</b", "z", "</a"])
            #expect(recorder.directCalls >= recorder.events.count)
        }
    }

    @Test func aHandlersErrorStopsTheParseAndNothingReachesItAfter() {
        for (recorder, error) in Self.parse("<a><b/><c><d/></c><e/></a>", failAtStart: "c") {
            #expect(error as? Stop == .requested)
            #expect(recorder.events == ["<a", "<b", "</b", "<c"])
        }
    }

    @Test func aDocumentTypeAndMalformedMarkupAreStillRefused() {
        let entity = #"<!DOCTYPE a [<!ENTITY e "boom">]><a>&e;</a>"#
        for (recorder, error) in Self.parse(entity) {
            #expect(error as? XMLStreamError == .documentTypeDeclaration)
            #expect(!recorder.events.contains("boom"))
        }
        for (_, error) in Self.parse("<a><b></a>") {
            guard case .malformed = error as? XMLStreamError else {
                Issue.record("expected a malformed-markup error, got \(String(describing: error))")
                continue
            }
        }
    }
}
