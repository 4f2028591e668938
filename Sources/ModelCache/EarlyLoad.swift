// A warm load's two halves at once: the corpus's stored model (`models/CORPUS-MODEL.model`, the model key in its
// name) is read and checked on another thread while the articles are listed and their metadata read. The result
// is used only when the model key the articles make is the one in the file's name, which the read checked
// against the file's header: the same check as a load after the listing, so a stale model is never served.
// Anything else (no model, several, another key, a damaged file) leaves the load to `BuildPlan`, which reports
// and rebuilds as before.

import CorpusModel
import Dispatch
import Foundation

final class EarlyLoad: @unchecked Sendable {
    private let done = DispatchGroup()
    /// The key in the file's name, and what reading it gave (nil when it failed); written before `done` leaves.
    private var key: UInt64?
    private var loaded: (Corpus, [Diagnostic])?

    init(cache: ModelCache, directories: [URL], gazetteer: Gazetteer) {
        let folder = cache.folder.appendingPathComponent("models")
        let prefix = String(BuildPlan.corpusID(directories), radix: 16) + "-"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".model") }
        guard names.count == 1, let key = UInt64(names[0].dropFirst(prefix.count).dropLast(".model".count), radix: 16) else { return }
        self.key = key
        let url = folder.appendingPathComponent(names[0])
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            loaded = try? BuildPlan.read(url, key: key, gazetteer: gazetteer, cache: cache)
            done.leave()
        }
    }

    /// The model read early when it is `plan`'s (waiting for the read to end), else nil.
    func result(for plan: BuildPlan) -> ModelCache.Result? {
        done.wait()
        defer { loaded = nil }
        guard let key, key == plan.modelKey, let (corpus, diagnostics) = loaded else { return nil }
        return ModelCache.Result(corpus: corpus, diagnostics: diagnostics, source: .loaded)
    }

    /// Waits for the read to end and lets its model go.
    func discard() {
        done.wait()
        loaded = nil
    }

    deinit { done.wait() }
}
