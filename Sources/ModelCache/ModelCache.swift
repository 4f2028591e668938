// The persistent model cache (docs/model-cache.md): the first build of a corpus stores the model; later commands
// load it instead of reading the articles again. A changed or added article is analysed again alone; after edits
// alone only the part of the merge they touch is redone (IncrementalRebuild), else the cross-document merge is
// redone over the stored analyses of the others.
//
//   FOLDER/files-CORPUS.idx                   content hashes of the articles, by path, size and time stamp
//   FOLDER/inputs.idx                         the same for the context key's files (gazetteer, lexicon, model...)
//   FOLDER/manifest-PATH.memo                 a corpus manifest's parse, keyed by its bytes (ManifestMemo)
//   FOLDER/models/CORPUS-MODEL.model          the merged model (ModelSnapshot) of one corpus state
//   FOLDER/models/CORPUS-MODEL.merge          its merge index (MergeIndex): a rebuild after edits merges again in part
//   FOLDER/models/CORPUS.lock                 held while a model of that corpus is built
//   FOLDER/analyses/CONTEXT/NAME.seg          per-document analyses (Segments.swift)

import CorpusModel
import Foundation

public struct ModelCache: Sendable {
    public let folder: URL
    /// Where one-line notes go (a damaged file, a rebuild); standard error in the tool.
    public var note: @Sendable (String) -> Void
    /// What happens after a damaged block of a loaded model's texts was found, when a plugin first read a text
    /// in it (the load checks the texts block by block as they are read, not all at once): the damage has been
    /// noted and the model file removed, so the next command rebuilds it; the command cannot go on with the text.
    /// The tool exits with an error.
    public var stopAfterDamage: @Sendable () -> Never
    /// Whether a whole build's model file is completed on another thread while the caller goes on with the
    /// corpus (`BackgroundSave`): its tables encoded and written, the file renamed into place, its merge index
    /// written. The corpus lock is held until then; the next `corpus` or `index` call of the process, and the
    /// process's exit, wait for it. Off by default: the caller sees the file in place when `corpus` returns.
    public var savesInBackground = false

    public init(folder: URL, note: @escaping @Sendable (String) -> Void = { _ in },
                stopAfterDamage: @escaping @Sendable () -> Never = { fatalError("a damaged model file") }) {
        self.folder = folder.standardizedFileURL
        self.note = note
        self.stopAfterDamage = stopAfterDamage
    }

    /// How a model was obtained, for tests and `--verbose` notes.
    public enum Source: Equatable, Sendable {
        /// Loaded whole from a model file.
        case loaded
        /// Built: `analysed` documents read and analysed, `reused` taken from stored analyses, then merged.
        case built(analysed: Int, reused: Int)
    }

    public struct Result {
        public var corpus: Corpus
        public var diagnostics: [Diagnostic]
        public var source: Source
        /// Built from the corpus's earlier model, only what the edited articles touch merged again
        /// (`IncrementalRebuild`), rather than by a whole merge.
        public var mergedIncrementally = false
    }

    /// The corpus of `directories`: loaded when the cache has it, else built (reusing every stored analysis) and stored.
    public func corpus(directories: [URL], inputs: CacheInputs, builder: CorpusBuilder) throws -> Result {
        try corpus(directories: directories, inputs: inputs, gazetteer: builder.gazetteer, makeBuilder: { builder })
    }

    /// The same, with the builder made only when something is to be built: a load needs the gazetteer alone (the
    /// model's entities start with its entries), not the lexicon, the scorer or the extractors, whose bytes are
    /// in the context key all the same. `makeBuilder` is called at most once; its error is thrown as it is.
    public func corpus(directories: [URL], inputs: CacheInputs, gazetteer: Gazetteer,
                       makeBuilder: () throws -> CorpusBuilder) throws -> Result {
        // The corpus's stored model is read and checked while the articles are listed and stat'ed; it is used
        // only if the key the articles make is the one its name and header carry.
        // When an article turns out changed, the early read stops before it decodes the tables, and checks the
        // texts of that file instead: a rebuild copies them (`ModelFileTexts`).
        // A model of this process still being saved is waited for: it may be the one to load.
        BackgroundSave.waitForAll()
        let changes = ChangeSignal()
        let early = EarlyLoad(cache: self, directories: directories, gazetteer: gazetteer, changes: changes)
        var plan = try BuildPlan(cache: self, directories: directories, inputs: inputs, changes: changes)
        if plan.isComplete, let loaded = early.result(for: plan) ?? plan.load(gazetteer: gazetteer) { return loaded }
        // Another state of the corpus: its model is kept for a rebuild after edits alone, never during a whole build.
        var (earlyTexts, earlyModel) = early.discardKeepingModel()
        // One builder at a time per corpus: the others wait, then find the model (and the hashes) it wrote.
        let lock = try FileLock(url: plan.lockURL)
        var lockHandedOver = false
        defer { if !lockHandedOver { lock.release() } }
        if !plan.isComplete { plan = try BuildPlan(cache: self, directories: directories, inputs: inputs) }
        // A model of this corpus exists (another builder's, or an earlier state): the articles not hashed yet
        // are read to know whether it is this one. Without one, they are hashed as the build reads them.
        if !plan.isComplete && !plan.earlierModelURLs().isEmpty { plan.hashUnhashed() }
        if plan.isComplete, let loaded = plan.load(gazetteer: gazetteer) { return loaded }
        let builder = try makeBuilder()
        // Reused analyses take their texts from the corpus's earlier model; the new model's texts are written
        // into its file as the build goes. Articles not hashed yet are hashed as the build reads them.
        let store = plan.segments(earlierTexts: earlyTexts ?? plan.earlierModel())
        // Edited articles alone: only what they touch is merged again (`IncrementalRebuild`); else a whole build.
        if let rebuilt = plan.rebuildIncrementally(builder: builder, store: store, gazetteer: gazetteer, early: earlyModel) { return rebuilt }
        earlyModel = nil
        earlyTexts = nil
        let draft = try? ModelFileDraft(url: AtomicFile.temporary(beside: plan.modelURL))
        let (corpus, diagnostics) = builder.build(files: plan.listing.files, store: store, draft: draft)
        plan.learn(byteHashes: store.byteHashes, stamps: store.stamps)
        try? store.finish(name: "build-\(String(plan.modelKey, radix: 16))-\(getpid())")
        if let draft {
            let stored = diagnostics + plan.listing.diagnostics
            if savesInBackground {
                // The texts are sealed here, before the command reads them on this thread; the rest is the save's.
                draft.sealTexts()
                let plan = plan
                lockHandedOver = true
                BackgroundSave.start {
                    plan.save(corpus, diagnostics: stored, draft: draft)
                    lock.release()
                }
            } else {
                plan.save(corpus, diagnostics: stored, draft: draft)
            }
        }
        return Result(corpus: corpus, diagnostics: plan.listing.diagnostics + diagnostics,
                      source: .built(analysed: store.made, reused: store.reused))
    }

    /// Analyses shard `shard` (1-based) of `count` of the corpus into a segment of its own, without building a
    /// model: documents whose position in the listing is `shard - 1` modulo `count`. Returns the diagnostics and
    /// the number of documents analysed.
    public func index(directories: [URL], inputs: CacheInputs, builder: CorpusBuilder, shard: Int, of count: Int) throws
        -> (diagnostics: [Diagnostic], analysed: Int) {
        BackgroundSave.waitForAll()
        var plan = try BuildPlan(cache: self, directories: directories, inputs: inputs)
        let store = plan.segments()
        let selected = plan.listing.files.indices.filter { $0 % count == shard - 1 && !store.has($0) }
        let diagnostics = builder.analyze(files: plan.listing.files, selected: selected, store: store)
        plan.learn(byteHashes: store.byteHashes, stamps: store.stamps)
        try store.finish(name: "shard-\(shard)-of-\(count)-\(String(plan.listingKey, radix: 16))")
        return (diagnostics, store.made)
    }
}

/// One corpus state: its listing, keys and file names. An article whose hash the files index does not remember
/// is not read here: its key stays 0 until the build reads it (`learn`), so that it is read once.
struct BuildPlan {
    let cache: ModelCache
    let listing: CorpusListing
    let context: UInt64
    private(set) var keys: [UInt64]
    let corpusID: UInt64
    let listingKey: UInt64
    /// Meaningful once `isComplete`.
    private(set) var modelKey: UInt64 = 0
    private let correctionsKey: UInt64
    private var index: FileIndex
    private let indexURL: URL
    /// The articles not hashed yet, with their metadata as taken before they are read (nil: not taken, the
    /// stamp of the build's own read is remembered instead).
    private var unhashed: [(position: Int, metadata: FileIndex.Entry?)] = []

    /// `changes` is raised as soon as the listing or an article's metadata differs from the files index (the
    /// stored model is then not this state's, and the early read stops: `EarlyLoad`).
    init(cache: ModelCache, directories: [URL], inputs: CacheInputs, changes: ChangeSignal? = nil) throws {
        self.cache = cache
        try FileManager.default.createDirectory(at: cache.folder.appendingPathComponent("models"), withIntermediateDirectories: true)
        context = inputs.contextKey(index: cache.folder.appendingPathComponent("inputs.idx"))
        let id = Self.corpusID(directories)
        // One index per corpus: a small corpus does not read the hashes of a large one sharing the cache folder.
        // It is read on another core while the folders are listed.
        let indexURL = cache.folder.appendingPathComponent("files-\(String(id, radix: 16)).idx")
        let storedIndex = BackgroundWork { FileIndex(url: indexURL) }
        // The manifests' parses remembered under the context key (Dossier's build, the lexicon) and their bytes.
        listing = CorpusListing(directories: directories, manifestMemo: ManifestMemo(folder: cache.folder, salt: context))
        correctionsKey = inputs.correctionsKey()
        var names = Checksum()
        self.indexURL = indexURL
        index = storedIndex.take()
        let paths = listing.files.map(\.path)
        if let changes, paths.count != index.storedCount { changes.raise() }
        corpusID = id
        // A cold build (no files index, no model of this corpus): there is nothing to compare the articles'
        // metadata with, and the build reads every article; each one's stamp is taken (`fstat`) on the descriptor
        // it is read through, before its bytes, as a `stat` here would take it.
        if index.storedCount == 0 && !Self.hasModel(in: cache.folder.appendingPathComponent("models"), corpusID: id) {
            unhashed = paths.indices.map { ($0, nil) }
            keys = [UInt64](repeating: 0, count: paths.count)
            index.finish(count: paths.count)
            for path in paths { Self.add(path, to: &names) }
            listingKey = names.value
            if isComplete { finishKeys() } // an empty corpus
            return
        }
        let folders = FolderStat(directories: directories)
        var seen: (@Sendable (Int, FileIndex.Entry?) -> Void)?
        if let changes {
            let stored = index
            seen = { position, metadata in
                guard !changes.isRaised else { return }
                if let metadata, stored.isUnchanged(paths[position], at: position, metadata: metadata) { return }
                changes.raise()
            }
        }
        let metadata = folders.metadata(ofEach: paths, each: seen)
        folders.close()
        var keys = [UInt64](repeating: 0, count: listing.files.count)
        for (position, file) in listing.files.enumerated() {
            guard let metadata = metadata[position] else { continue }
            if let hash = index.remembered(file.path, at: position, metadata: metadata) {
                keys[position] = DocumentKey.of(rawHash: hash, entry: file.entry, context: context)
            } else {
                unhashed.append((position, metadata))
            }
        }
        self.keys = keys
        index.finish(count: listing.files.count)
        for file in listing.files { Self.add(file.path, to: &names) }
        listingKey = names.value
        if isComplete { finishKeys() }
    }

    /// Whether `folder` holds a model file of the corpus `corpusID` (any state).
    static func hasModel(in folder: URL, corpusID: UInt64) -> Bool {
        let prefix = String(corpusID, radix: 16) + "-"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains { $0.hasPrefix(prefix) && $0.hasSuffix(".model") }
    }

    /// The corpus's identity: its folders' paths (the prefix of its files index and model files' names).
    static func corpusID(_ directories: [URL]) -> UInt64 {
        var id = Checksum()
        for directory in directories { add(directory.standardizedFileURL.path, to: &id) }
        return id.value
    }

    /// True when every readable article's key is known (the model's key with them).
    var isComplete: Bool { unhashed.isEmpty }

    /// An input's key from the checksum of its bytes.
    func keyOf(_ position: Int, byteHash: UInt64) -> UInt64 {
        DocumentKey.of(rawHash: byteHash, entry: listing.files[position].entry, context: context)
    }

    /// Takes the hashes of the articles the build read (those it could not read keep key 0), remembers them in
    /// the files index under the metadata taken before (or the stamps of the build's reads), and makes the model key.
    mutating func learn(byteHashes: [Int: UInt64], stamps: [Int: FileStamp] = [:]) {
        for (position, metadata) in unhashed {
            guard let hash = byteHashes[position] else { continue }
            keys[position] = keyOf(position, byteHash: hash)
            if let metadata = metadata ?? stamps[position].map(FileIndex.Entry.init) {
                index.remember(hash, at: position, metadata: metadata)
            }
        }
        unhashed = []
        finishKeys()
    }

    /// Reads and hashes the articles not hashed yet.
    mutating func hashUnhashed() {
        var hashes: [Int: UInt64] = [:], stamps: [Int: FileStamp] = [:]
        for (position, _) in unhashed {
            guard let (data, stamp) = ArticleBytes.read(listing.files[position].path) else { continue }
            hashes[position] = data.withUnsafeBytes { Checksum.of($0) }
            stamps[position] = stamp
        }
        learn(byteHashes: hashes, stamps: stamps)
    }

    /// Writes the files index when it changed, and makes the model key.
    private mutating func finishKeys() {
        if index.changed { try? index.write(paths: listing.files.map { $0.path }, to: indexURL) }
        var model = Checksum()
        Self.add(String(context), to: &model)
        Self.add("corrections \(correctionsKey)", to: &model)
        for (file, key) in zip(listing.files, keys) {
            Self.add(file.path, to: &model)
            // An unreadable file has no key: the model of a corpus holding one is never stored.
            Self.add(key == 0 ? UInt64.random(in: 1...UInt64.max) : key, to: &model)
        }
        modelKey = model.value
    }

    /// A text and a 0 byte (the checksum is the same however its bytes are split, so nothing is copied).
    static func add(_ text: String, to sum: inout Checksum) {
        var text = text
        text.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0)) { sum.add($0) }
    }

    /// A number's decimal digits and a 0 byte, as `add(String(number))` adds them, without making the String.
    static func add(_ number: UInt64, to sum: inout Checksum) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // 24 bytes: 20 digits and the 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var at = buffer.count - 1
            buffer[at] = 0
            var rest = number
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            sum.add(UnsafeRawBufferPointer(rebasing: buffer[at...]))
        }
    }

    var hex: (String, String) { (String(corpusID, radix: 16), String(modelKey, radix: 16)) }
    var modelURL: URL { cache.folder.appendingPathComponent("models/\(hex.0)-\(hex.1).model") }
    var lockURL: URL { cache.folder.appendingPathComponent("models/\(hex.0).lock") }

    func segments(earlierTexts: ModelFileTexts? = nil) -> SegmentStore {
        let files = listing.files, context = self.context
        let store = SegmentStore(folder: cache.folder.appendingPathComponent("analyses/\(String(context, radix: 16))"),
                                 context: context, keys: keys, keyOf: { DocumentKey.of(rawHash: $1, entry: files[$0].entry, context: context) },
                                 earlierTexts: earlierTexts)
        for (url, why) in store.damaged { cache.note("model cache: \(url.path) is damaged (\(why)); removed, its documents are analysed again") }
        return store
    }

    /// The stored model, or nil; a damaged one is reported in one line and removed.
    func load(gazetteer: Gazetteer) -> ModelCache.Result? {
        guard FileManager.default.fileExists(atPath: modelURL.path) else { return nil }
        do {
            let (corpus, diagnostics) = try Self.read(modelURL, key: modelKey, gazetteer: gazetteer, cache: cache)
            return ModelCache.Result(corpus: corpus, diagnostics: diagnostics, source: .loaded)
        } catch {
            cache.note("model cache: \(modelURL.path) is \(CacheFormatError.state(of: error)); rebuilding")
            try? FileManager.default.removeItem(at: modelURL)
            return nil
        }
    }

    /// The model file `url` of key `key`, checked as it is loaded. A damaged texts block found later, when a
    /// command first reads it, is reported in one line, the file removed, and the command stopped.
    static func read(_ url: URL, key: UInt64, gazetteer: Gazetteer, cache: ModelCache) throws -> (Corpus, [Diagnostic]) {
        try read(ModelSnapshot.openVerified(url, key: key), url: url, gazetteer: gazetteer, cache: cache)
    }

    /// The same, of the file `url` opened and checked already; `proceed` can stop the read between its tables.
    static func read(_ file: ModelSnapshot.VerifiedFile, url: URL, gazetteer: Gazetteer, cache: ModelCache,
                     proceed: () -> Bool = { true }) throws -> (Corpus, [Diagnostic]) {
        try ModelSnapshot.read(file, gazetteer: gazetteer, damaged: { error in
            cache.note("model cache: \(url.path) is damaged (\(error)); removed, run the command again to rebuild it")
            unlink(url.path)
            cache.stopAfterDamage()
        }, proceed: proceed)
    }

    /// The other model files of this corpus (earlier states), newest first.
    func earlierModelURLs() -> [URL] {
        let folder = modelURL.deletingLastPathComponent()
        let prefix = hex.0 + "-"
        let urls = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".model") && $0 != modelURL.lastPathComponent }
            .map { folder.appendingPathComponent($0) }
        func modified(_ url: URL) -> Date { (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate ?? .distantPast }
        return urls.sorted { modified($0) > modified($1) }
    }

    /// The texts of the newest earlier model of this corpus, checked as a load checks it; a damaged one is
    /// reported in one line and removed.
    func earlierModel() -> ModelFileTexts? {
        guard let url = earlierModelURLs().first else { return nil }
        do {
            return try ModelFileTexts(url: url)
        } catch {
            cache.note("model cache: \(url.path) is \(CacheFormatError.state(of: error)); removed, its texts are read again")
            try? FileManager.default.removeItem(at: url)
            return nil
        }
    }

    /// Completes the model built into `draft` and renames it into place (whole or not at all), writes its merge
    /// index beside it, then removes the older models of the same corpus and their indexes.
    func save(_ corpus: Corpus, diagnostics: [Diagnostic], draft: ModelFileDraft) {
        guard !keys.contains(0) else { draft.discard(); return } // an unreadable article: its next read may differ
        do {
            try draft.complete(corpus, diagnostics: diagnostics, key: modelKey)
            try AtomicFile.rename(draft.url, to: modelURL)
        } catch {
            draft.discard()
            cache.note("model cache: cannot write \(modelURL.path) (\(error)); the model is not cached")
            return
        }
        // Without it the next edit is built whole: nothing is lost but time.
        if let index = draft.mergeIndex { try? AtomicFile.write(Data(index.encoded(modelKey: modelKey)), to: Self.mergeIndexURL(of: modelURL)) }
        for url in earlierModelURLs() { try? FileManager.default.removeItem(at: url) }
        // The earlier models' indexes, and any left without their model (one removed as damaged).
        let folder = modelURL.deletingLastPathComponent(), kept = Self.mergeIndexURL(of: modelURL).lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(hex.0 + "-") && name.hasSuffix(".merge") && name != kept {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Where a model file's merge index is kept (`MergeIndex`).
    static func mergeIndexURL(of model: URL) -> URL { model.deletingPathExtension().appendingPathExtension("merge") }

    /// After edits to some articles alone: the model made from the corpus's earlier model by merging again only
    /// what they touch (`IncrementalRebuild`), saved; nil when that does not apply (the caller builds as usual).
    func rebuildIncrementally(builder: CorpusBuilder, store: SegmentStore, gazetteer: Gazetteer,
                              early: (url: URL, corpus: Corpus, diagnostics: [Diagnostic])?) -> ModelCache.Result? {
        guard isComplete, !keys.contains(0), let earlier = earlierForRebuild(gazetteer: gazetteer, early: early) else {
            if IncrementalRebuild.trace { FileHandle.standardError.write(Data("incremental rebuild: no earlier model with its merge index\n".utf8)) }
            return nil
        }
        guard
              earlier.diagnostics.suffix(listing.diagnostics.count) == listing.diagnostics[...],
              let rebuild = IncrementalRebuild.plan(earlier: earlier, builder: builder, files: listing.files, store: store,
                                                     listingDiagnostics: listing.diagnostics.count),
              let draft = try? ModelFileDraft(url: AtomicFile.temporary(beside: modelURL)) else { return nil }
        guard let (corpus, stored) = rebuild.build(into: draft, texts: store.earlierTexts, store: store) else {
            draft.discard()
            return nil
        }
        try? store.finish(name: "build-\(String(modelKey, radix: 16))-\(getpid())")
        save(corpus, diagnostics: stored, draft: draft)
        let built = Array(stored.dropLast(listing.diagnostics.count))
        return ModelCache.Result(corpus: corpus, diagnostics: listing.diagnostics + built,
                                 source: .built(analysed: store.made, reused: listing.files.count - store.made), mergedIncrementally: true)
    }

    /// The corpus's one earlier model with its merge index, read and checked (the one `early` read, when it is
    /// that file); nil when there is none (or several).
    func earlierForRebuild(gazetteer: Gazetteer, early: (url: URL, corpus: Corpus, diagnostics: [Diagnostic])? = nil) -> EarlierModel? {
        let urls = earlierModelURLs()
        guard urls.count == 1, let url = urls.first,
              let key = UInt64(url.deletingPathExtension().lastPathComponent.dropFirst(hex.0.count + 1), radix: 16),
              let data = try? Data(contentsOf: Self.mergeIndexURL(of: url)),
              let index = try? data.withUnsafeBytes({ try MergeIndex(decoding: $0, modelKey: key) }) else { return nil }
        let earlier: (corpus: Corpus, diagnostics: [Diagnostic])
        if let early, early.url.standardizedFileURL == url.standardizedFileURL {
            earlier = (early.corpus, early.diagnostics)
        } else {
            guard let read = try? Self.read(url, key: key, gazetteer: gazetteer, cache: cache) else { return nil }
            earlier = read
        }
        // Its rows are copied: checked now, so that damage makes a whole rebuild rather than stop the command.
        do {
            try earlier.corpus.checkStoredColumns()
        } catch {
            cache.note("model cache: \(url.path) is damaged (\(error)); the model is built again whole")
            return nil
        }
        return EarlierModel(corpus: earlier.corpus, diagnostics: earlier.diagnostics, index: index)
    }
}

/// An exclusive lock on a file (flock): held by one process (or thread) at a time, released when it ends.
final class FileLock {
    private var fd: Int32

    init(url: URL) throws {
        fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CacheFormatError("cannot open \(url.path): \(String(cString: strerror(errno)))") }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { close(fd); throw CacheFormatError("cannot lock \(url.path)") }
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
