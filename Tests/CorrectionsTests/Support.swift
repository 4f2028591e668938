import Foundation
@testable import Corrections
@testable import CorpusModel

/// The bundled sample corpus built once with the repository's gazetteer, and helpers to apply corrections to it.
enum Sample {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let gazetteer = Gazetteer.load(directories: [repository.appendingPathComponent("Data/gazetteer")]).0
    static let corpus: Corpus = CorpusBuilder(gazetteer: gazetteer, jobs: 2).build(directory: repository.appendingPathComponent("Data/corpus")).0

    /// Parses `yaml` as the file `corrections.yaml` and applies it to `corpus`.
    static func apply(_ yaml: String, to corpus: Corpus = Sample.corpus) throws -> (Corpus, [Diagnostic]) {
        var set = CorrectionSet()
        set.corrections = try CorrectionsParser.parse(yaml, file: "corrections.yaml")
        set.digest = 1
        return CorrectionsApplier.apply(set, to: corpus)
    }

    /// The refusal of a malformed file, as a line of text.
    static func refusal(_ yaml: String) -> String? {
        do {
            _ = try CorrectionsParser.parse(yaml, file: "corrections.yaml")
            return nil
        } catch {
            return error.description
        }
    }
}
