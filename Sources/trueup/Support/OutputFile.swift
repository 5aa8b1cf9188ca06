import Foundation

/// A file written atomically: bytes go to a temporary file beside the destination, which is
/// renamed into place by `commit()`. Without a commit (an error, a crash) the destination is
/// untouched and the temporary file is removed.
final class OutputFile {
    let path: String
    private let temporaryPath: String
    private let handle: UnsafeMutablePointer<FILE>
    private var committed = false

    /// Refuses a folder, and any path that is one of `inputs` (the same file, by device and inode).
    init(path: String, inputs: [String]) throws {
        self.path = path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw UsageError("\(path): is a folder; give a file name for the output") }
            if inputs.contains(where: { Self.sameFile($0, path) }) {
                throw UsageError("\(path): is an input of this command; refusing to overwrite it")
            }
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".trueup-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw UsageError("\(path): cannot write here (\(String(cString: strerror(errno))))")
        }
        temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let stream = fdopen(descriptor, "wb") else {
            close(descriptor)
            throw UsageError("\(path): cannot write here")
        }
        setvbuf(stream, nil, _IOFBF, 1 << 20)
        handle = stream
    }

    deinit {
        if !committed {
            fclose(handle)
            unlink(temporaryPath)
        }
    }

    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, handle) }
    }

    /// Flushes, syncs and renames the file into place.
    func commit() throws {
        guard fflush(handle) == 0, fsync(fileno(handle)) == 0 else {
            throw UsageError("\(path): write failed (\(String(cString: strerror(errno))))")
        }
        fchmod(fileno(handle), 0o644)
        fclose(handle)
        committed = true
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw UsageError("\(path): cannot rename into place (\(String(cString: strerror(errno))))")
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
