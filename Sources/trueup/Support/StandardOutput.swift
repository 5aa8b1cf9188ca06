import Foundation

/// Buffered writes to standard output for large results, flushed in 1 MiB blocks.
final class StandardOutput {
    private var buffer: [UInt8] = []
    /// Whether any byte has gone to standard output yet.
    private(set) var hasWritten = false

    init() { buffer.reserveCapacity(1 << 20) }

    deinit { flush() }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Writes `bytes` (UTF-8 text) after what is buffered; a large block goes out without being
    /// copied into the buffer.
    func write(bytes: UnsafeRawBufferPointer) {
        if buffer.count + bytes.count < 1 << 20 {
            buffer.append(contentsOf: bytes)
            return
        }
        flush()
        guard bytes.count >= 1 << 19 else {
            buffer.append(contentsOf: bytes)
            return
        }
        writeOut(bytes)
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < raw.count {
            let written = Foundation.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
            if written <= 0 {
                StandardOutputCheck.failed(errno: errno)
                break
            }
            offset += written
        }
        hasWritten = true
    }

    /// Drops what is buffered and not yet written (a result an error cut short).
    func discard() { buffer.removeAll(keepingCapacity: true) }
}
