// Applies corrections to a model built from the articles, in file order. Each entry that matches nothing, or
// more than one thing, is reported with its file and line and left out; the others apply.
import CorpusModel

public enum CorrectionsApplier {
    public static func apply(_ set: CorrectionSet, to corpus: Corpus) -> (Corpus, [Diagnostic]) {
        if set.corrections.isEmpty && set.digest == 0 { return (corpus, []) }
        var model = WorkingModel(corpus)
        var diagnostics: [Diagnostic] = []
        for correction in set.corrections {
            switch apply(correction, to: &model) {
            case .success: model.applied += 1
            case .failure(let why):
                diagnostics.append(Diagnostic(file: correction.file, line: correction.line, severity: .error,
                                              message: "correction not applied: \(why.message)"))
            }
        }
        return (model.corpus(digest: set.digest), diagnostics)
    }

    static func apply(_ correction: Correction, to model: inout WorkingModel) -> Result<Void, Unmatched> {
        switch correction.action {
        case .reject(let reference): return model.reject(reference, correction)
        case .accept(let reference): return model.accept(reference, correction)
        case let .amend(reference, changes): return model.amend(reference, changes, correction)
        case .add(let visit): return model.add(visit, correction)
        case let .merge(person, into): return model.merge(person, into: into, correction)
        case .split(let split): return model.split(split, correction)
        case let .alias(alias, entity): return model.alias(alias, of: entity, correction)
        }
    }
}
