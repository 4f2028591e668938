// A warm load's two halves at once: the corpus's stored model (`models/CORPUS-MODEL.model`, the model key in its
// name) is read and checked on another thread while the articles are listed and their metadata read. The result
// is used only when the model key the articles make is the one in the file's name, which the read checked
// against the file's header: the same check as a load after the listing, so a stale model is never served.
// Anything else (no model, several, another key, a damaged file) leaves the load to `BuildPlan`, which reports
// and rebuilds as before.
//
// When the listing or an article's metadata differs from the files index (`ChangeSignal`), the model is not this
// state's: the read does not decode its tables (or stops between them), and checks the file's texts instead,
// which the rebuild copies for the articles that did not change (`ModelFileTexts`).

import CorpusModel
import Dispatch
import Foundation
import Synchronization

/// Raised, from any thread, when the corpus is seen to differ from the files index; never lowered. Read once
/// per article by the threads that stat them: an atomic load, no lock.
final class ChangeSignal: Sendable {
    private final class Raised: Sendable {}
    private let raised = AtomicLazyReference<Raised>()

    var isRaised: Bool { raised.load() != nil }

    func raise() { _ = raised.storeIfNil(Raised()) }
}

final class EarlyLoad: @unchecked Sendable {
    private let done = DispatchGroup()
    /// The key in the file's name, and what reading it gave (nil when it failed or stopped); written before
    /// `done` leaves.
    private var key: UInt64?
    private var loaded: (Corpus, [Diagnostic])?
    /// The file's texts, checked, when the read stopped because the corpus changed.
    private var texts: ModelFileTexts?

    init(cache: ModelCache, directories: [URL], gazetteer: Gazetteer, changes: ChangeSignal = ChangeSignal()) {
        let folder = cache.folder.appendingPathComponent("models")
        let prefix = String(BuildPlan.corpusID(directories), radix: 16) + "-"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".model") }
        guard names.count == 1, let key = UInt64(names[0].dropFirst(prefix.count).dropLast(".model".count), radix: 16) else { return }
        self.key = key
        let url = folder.appendingPathComponent(names[0])
        self.url = url
        // With its merge index, the model serves a rebuild after edits (`IncrementalRebuild`): read whole even
        // when the corpus changed, its texts checked from it.
        let whole = FileManager.default.fileExists(atPath: BuildPlan.mergeIndexURL(of: url).path)
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer { done.leave() }
            guard let file = try? ModelSnapshot.openVerified(url, key: key) else { return }
            if whole {
                loaded = try? BuildPlan.read(file, url: url, gazetteer: gazetteer, cache: cache)
                if changes.isRaised, let corpus = loaded?.0 { texts = try? ModelFileTexts(corpus: corpus) }
                return
            }
            if changes.isRaised {
                texts = try? ModelFileTexts(file: file)
                return
            }
            do {
                loaded = try BuildPlan.read(file, url: url, gazetteer: gazetteer, cache: cache, proceed: { !changes.isRaised })
            } catch is ModelSnapshot.Stopped {
                texts = try? ModelFileTexts(url: url) // the read gave its file to the stopped model: opened again
            } catch {}
        }
    }

    /// The model file read.
    private var url: URL?

    /// The model read early when it is `plan`'s (waiting for the read to end), else nil.
    func result(for plan: BuildPlan) -> ModelCache.Result? {
        done.wait()
        defer { loaded = nil }
        guard let key, key == plan.modelKey, let (corpus, diagnostics) = loaded else { return nil }
        return ModelCache.Result(corpus: corpus, diagnostics: diagnostics, source: .loaded)
    }

    /// Waits for the read to end and lets its model go; returns the file's texts when the read checked them
    /// instead of decoding the model.
    func discard() -> ModelFileTexts? {
        discardKeepingModel().texts
    }

    /// The same, handing over the model read whole, with its file's name (for a rebuild after edits); its texts
    /// are checked here when the read did not check them.
    func discardKeepingModel() -> (texts: ModelFileTexts?, model: (url: URL, corpus: Corpus, diagnostics: [Diagnostic])?) {
        done.wait()
        defer { texts = nil; loaded = nil }
        guard let url, let (corpus, diagnostics) = loaded else { return (texts, nil) }
        if texts == nil { texts = try? ModelFileTexts(corpus: corpus) }
        return (texts, (url, corpus, diagnostics))
    }

    deinit { done.wait() }
}
