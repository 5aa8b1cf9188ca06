import SystemPackage

/// Positioned reads from one open file; the descriptor closes with the value.
final class FileReader {
    private let descriptor: FileDescriptor
    let size: Int64

    init(path: String) throws(ZipError) {
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw .io("\(error)")
        }
        do {
            let status = try descriptor.stat()
            guard status.type != .directory else {
                try? descriptor.close()
                throw ZipError.io("is a folder, not a file")
            }
            size = status.size
        } catch let error as ZipError {
            throw error
        } catch {
            try? descriptor.close()
            throw .io("\(error)")
        }
    }

    deinit { try? descriptor.close() }

    /// Reads up to `count` bytes at `offset` into `buffer` (retrying an interrupted read);
    /// returns how many were read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(ZipError) -> Int {
        var done = 0
        while done < buffer.count {
            let n: Int
            do {
                n = try descriptor.read(
                    fromAbsoluteOffset: offset + Int64(done),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[done...]))
            } catch {
                throw .io("\(error)")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads exactly `count` bytes at `offset`, or fails as truncated.
    func bytes(at offset: Int64, count: Int, what: String) throws(ZipError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset + Int64(count) <= size else {
            throw .truncated("\(what) lies past the end of the file")
        }
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
        defer { raw.deallocate() }
        let n = try read(into: raw, at: offset)
        guard n == count else { throw .truncated("\(what) lies past the end of the file") }
        return [UInt8](raw)
    }
}
