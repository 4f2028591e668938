// The corrections of one build: every entry of every file, in order, and a checksum of the files.
import CorpusModel
import Foundation

public struct CorrectionSet: Sendable {
    public var corrections: [Correction] = []
    /// The files read, in order.
    public var files: [String] = []
    /// A checksum of the files' contents (0 when there are none).
    public var digest: UInt64 = 0

    public init() {}

    /// Reads `files` in order. A file that cannot be read or is malformed is refused whole (the first error thrown).
    public static func load(files: [URL]) throws(CorrectionsError) -> CorrectionSet {
        var set = CorrectionSet()
        var sum = Checksum()
        for url in files {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CorrectionsError(file: url.path, message: "cannot read the corrections file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CorrectionsError(file: url.path, message: "the corrections file is not UTF-8 text")
            }
            set.corrections += try CorrectionsParser.parse(text, file: url.path)
            set.files.append(url.path)
            sum.add(Array(url.path.utf8) + [0])
            sum.add(Array(data))
        }
        set.digest = files.isEmpty ? 0 : sum.value
        return set
    }
}
