import FileAccess

/// Positioned reads from one open file, failing as `ZipError`.
final class FileReader {
    private let file: ReadableFile
    var size: Int64 { file.size }

    init(path: String) throws(ZipError) {
        do throws(ReadableFile.Failure) { file = try ReadableFile(path: path) } catch { throw .io(error.reason) }
    }

    /// Reads up to `count` bytes at `offset` into `buffer` (retrying an interrupted read);
    /// returns how many were read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ZipError) -> Int {
        do throws(ReadableFile.Failure) { return try file.read(into: buffer, at: offset) } catch {
            throw .io(error.reason)
        }
    }

    /// Reads exactly `count` bytes at `offset`, or fails as truncated.
    func bytes(at offset: Int64, count: Int, what: String) throws(ZipError) -> [UInt8] {
        // Compared without adding: an offset near 2^63 would overflow the sum.
        guard offset >= 0, count >= 0, offset <= size, Int64(count) <= size - offset else {
            throw .truncated("\(what) lies past the end of the file")
        }
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
        defer { raw.deallocate() }
        let n = try read(into: raw, at: offset)
        guard n == count else { throw .truncated("\(what) lies past the end of the file") }
        return [UInt8](raw)
    }
}
