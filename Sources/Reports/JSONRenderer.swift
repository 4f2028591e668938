// JSON: the `Report` itself, pretty-printed with sorted keys (stable output, easy diffs), slashes
// unescaped. `Report.init(from:)` reads it back to an equal value.

import Foundation

enum JSONRenderer {
    static func render(_ report: Report) -> String {
        // The same text as the encoder below, without its cost on every run (`JSONText`); a number that is not
        // finite is left to the encoder, which reports it.
        if let text = try? JSONText.encode(report) { return text + "\n" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        } catch {
            // Only a non-finite number can fail (validation refuses them); say so in valid JSON.
            let message = "the report could not be encoded: \(error)"
            let quoted = (try? JSONEncoder().encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
            return "{\"error\": \(quoted)}\n"
        }
    }
}

extension Report {
    /// Reads a report from the JSON the `json` format writes.
    public static func decode(json: String) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(json.utf8))
    }
}
