internal import CLibXML2

/// The bytes libxml2 pulls during `XMLPushParser.parse(pulling:)`: chunks taken from the
/// caller's source as libxml2 asks for more, each checked by `AttributeCounter` before libxml2
/// sees any of it (unless the chunks come already checked, `CheckedChunk`). A failure (the source's error, or too many attributes) is kept for the parser
/// to throw; libxml2 sees an I/O error and stops.
final class PulledInput {
    private let next: () throws -> [UInt8]?
    private var attributes = AttributeCounter()
    private let scans: Bool
    private var chunk: [UInt8] = []
    private var offset = 0
    private var ended = false
    private(set) var failure: (any Error)?
    /// Whether the source handed over no bytes at all.
    private(set) var isEmpty = true

    /// `scans: false` is for chunks that passed an `AttributeCheck` already.
    init(next: @escaping () throws -> [UInt8]?, scans: Bool) {
        self.next = next
        self.scans = scans
    }

    /// libxml2's read callback: copies up to `capacity` bytes into `buffer`; 0 at the end, -1 on failure.
    static let read: xmlInputReadCallback = { context, buffer, capacity in
        guard let context, let buffer else { return -1 }
        let input = Unmanaged<PulledInput>.fromOpaque(context).takeUnretainedValue()
        return input.read(into: buffer, capacity: Int(capacity))
    }

    /// Fills `buffer` whole unless the source ends: libxml2's pull parser reads a short count
    /// as the end of what there is (a tag split across two short reads fails to parse).
    private func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        guard failure == nil else { return -1 }
        var filled = 0
        while filled < capacity {
            if offset == chunk.count {
                if ended { break }
                do {
                    guard let taken = try next() else {
                        ended = true
                        break
                    }
                    guard !scans || taken.withUnsafeBytes({ attributes.scan($0) }) else {
                        failure = XMLStreamError.tooManyAttributes(limit: AttributeCounter.limit)
                        return -1
                    }
                    chunk = taken
                    offset = 0
                    if !taken.isEmpty { isEmpty = false }
                } catch {
                    failure = error
                    return -1
                }
                continue
            }
            let count = min(capacity - filled, chunk.count - offset)
            chunk.withUnsafeBytes { bytes in
                UnsafeMutableRawPointer(buffer + filled).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
            }
            offset += count
            filled += count
        }
        return Int32(filled)
    }
}
