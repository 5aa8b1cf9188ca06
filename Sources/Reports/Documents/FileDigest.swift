import Crypto
import Foundation
import Spreadsheet

/// The SHA-256 of a file's bytes, read in chunks: what identifies an input in a findings document
/// (and so what `trueup correct` checks before it touches a workbook).
public enum FileDigest {
    /// Lowercase hex of the SHA-256 of the file at `path`.
    public static func sha256(of path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SpreadsheetError(Location(file: path), "cannot be read")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw SpreadsheetError(Location(file: path), "cannot be read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
