import Spreadsheet

/// Gathers many small writes (one CSV line each) into large blocks for the output file.
///
/// One `fwrite` per line costs a lock and a call per line; a block of `capacity` bytes costs
/// one. `flush()` must be called after the last write.
final class OutputBuffer {
    private let destination: AtomicOutputFile
    private let capacity: Int
    private var bytes: [UInt8] = []

    init(_ destination: AtomicOutputFile, capacity: Int = 1 << 20) {
        self.destination = destination
        self.capacity = capacity
        bytes.reserveCapacity(capacity)
    }

    func write(_ line: [UInt8]) {
        bytes.append(contentsOf: line)
        if bytes.count >= capacity { flush() }
    }

    func flush() {
        guard !bytes.isEmpty else { return }
        destination.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
