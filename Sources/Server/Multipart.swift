import Foundation
import Primitives

/// One part of a `multipart/form-data` body: a form field or an uploaded file.
struct FormPart: Sendable {
    var name: String
    /// The name the browser gave the file; nil for a plain field.
    var filename: String?
    var data: Data

    var text: String { String(decoding: data, as: UTF8.self) }
}

/// A request's form, from `multipart/form-data` or `application/x-www-form-urlencoded`.
struct FormData: Sendable {
    var parts: [FormPart]

    func part(_ name: String) -> FormPart? { parts.first { $0.name == name } }
    func value(_ name: String) -> String? { part(name)?.text }
    func values(_ name: String) -> [String] { parts.filter { $0.name == name }.map(\.text) }
    /// An uploaded file: nil when the field is absent or the file chosen was empty.
    func file(_ name: String) -> FormPart? {
        guard let part = part(name), !part.data.isEmpty else { return nil }
        return part
    }

    /// Reads `body` by its content type; throws a one-line reason when it is neither form.
    init(body: Data, contentType: String?) throws(RequestProblem) {
        let type = contentType ?? ""
        let lowered = type.lowercased()
        if lowered.hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: type), !boundary.isEmpty else {
                throw RequestProblem(.badRequest, "the multipart body has no boundary")
            }
            parts = try Self.multipart(body, boundary: boundary)
        } else if lowered.hasPrefix("application/x-www-form-urlencoded") {
            parts = Self.urlEncoded(String(decoding: body, as: UTF8.self))
        } else {
            throw RequestProblem(.badRequest, "expected a form (multipart/form-data), not '\(type)'")
        }
    }

    init(parts: [FormPart]) { self.parts = parts }

    /// `a=1&b=x+y` → parts; also reads a URL's query.
    static func urlEncoded(_ text: String) -> [FormPart] {
        text.split(separator: "&").compactMap { pair in
            let halves = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = halves.first, !name.isEmpty else { return nil }
            return FormPart(name: name, filename: nil, data: Data((halves.count > 1 ? halves[1] : "").utf8))
        }
    }

    private static func parameter(_ name: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            return pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
        }
        return nil
    }

    private static func multipart(_ body: Data, boundary: String) throws(RequestProblem) -> [FormPart] {
        let bytes = [UInt8](body)
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        guard var cursor = bytes.firstIndex(of: delimiter, from: 0) else {
            throw RequestProblem(.badRequest, "the multipart body has no parts")
        }
        var parts: [FormPart] = []
        while true {
            cursor += delimiter.count
            if bytes[cursor...].starts(with: Array("--".utf8)) { return parts }
            guard bytes[cursor...].starts(with: Array("\r\n".utf8)) else { break }
            cursor += 2
            guard let headersEnd = bytes.firstIndex(of: headerEnd, from: cursor) else { break }
            let headers = String(decoding: bytes[cursor..<headersEnd], as: UTF8.self)
            let start = headersEnd + headerEnd.count
            guard let next = bytes.firstIndex(of: Array("\r\n".utf8) + delimiter, from: start) else { break }
            var name: String?
            var filename: String?
            for line in headers.components(separatedBy: "\r\n")
            where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            }
            guard let name else { throw RequestProblem(.badRequest, "a multipart part has no field name") }
            parts.append(FormPart(name: name, filename: filename, data: Data(bytes[start..<next])))
            cursor = next + 2
        }
        throw RequestProblem(.badRequest, "the multipart body is cut short or malformed")
    }
}
