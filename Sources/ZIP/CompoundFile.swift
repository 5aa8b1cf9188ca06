/// Recognises OLE2 compound files (CFB), which hold legacy `.xls` workbooks and encrypted packages.
enum CompoundFile {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether the compound file holds an `EncryptedPackage` stream (an encrypted OOXML workbook)
    /// rather than a BIFF `Workbook` stream. The directory sector can be anywhere, so the first
    /// 64 MiB are searched for the stream name in UTF-16LE.
    static func isEncryptedPackage(_ file: FileReader) -> Bool {
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let length = Int(min(file.size, 64 << 20))
        guard let bytes = try? file.bytes(at: 0, count: length, what: "the compound file") else { return false }
        guard bytes.count >= name.count else { return false }
        var i = 0
        let last = bytes.count - name.count
        while i <= last {
            if bytes[i] == name[0] && bytes[i + 1] == 0 && bytes[i..<(i + name.count)].elementsEqual(name) {
                return true
            }
            i += 1
        }
        return false
    }
}
