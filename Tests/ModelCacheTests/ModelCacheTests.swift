import Foundation
import Testing
@testable import CorpusModel
@testable import ModelCache

/// The model cache: a model loaded from it is the model built, field for field; every part of the key invalidates
/// it; damage is reported and rebuilt; concurrent builders and shards give the same model.
@Suite("model cache", .serialized)
struct ModelCacheTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let gazetteerFolder = repository.appendingPathComponent("Data/gazetteer")
    static let gazetteer = Gazetteer.load(directories: [gazetteerFolder]).0

    /// A scratch folder with a copy of the sample and test corpora (35 articles) and an empty cache folder.
    final class Scratch: @unchecked Sendable {
        let root: URL
        var corpus: URL { root.appendingPathComponent("corpus") }
        var cache: URL { root.appendingPathComponent("cache") }
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("model-cache-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            for folder in ["Data/corpus", "Data/testcorpus"] {
                let from = ModelCacheTests.repository.appendingPathComponent(folder)
                for name in try FileManager.default.contentsOfDirectory(atPath: from.path) where name.hasSuffix(".txt") {
                    try FileManager.default.copyItem(at: from.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
                }
            }
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        var articles: [URL] {
            ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted().map { corpus.appendingPathComponent($0) }
        }
    }

    static func inputs(_ gazetteer: [URL] = [gazetteerFolder], lexicon: [URL] = [], corrections: [URL] = [], extractors: [URL] = [],
                       version: String = "test 1") -> CacheInputs {
        CacheInputs(gazetteer: gazetteer, lexicon: lexicon, corrections: corrections, extractors: extractors, version: version)
    }

    static func cached(_ scratch: Scratch, _ inputs: CacheInputs = inputs(), notes: NoteLog = NoteLog(),
                       gazetteer: Gazetteer = gazetteer) throws -> ModelCache.Result {
        let cache = ModelCache(folder: scratch.cache, note: { notes.add($0) })
        return try cache.corpus(directories: [scratch.corpus], inputs: inputs, builder: CorpusBuilder(gazetteer: gazetteer, jobs: 2))
    }

    static func uncached(_ scratch: Scratch) -> Corpus {
        CorpusBuilder(gazetteer: gazetteer, jobs: 2).build(directory: scratch.corpus).0
    }

    /// Every stored field of the model, by reflection (a field the cache forgets shows here), then every export.
    static func everything(_ corpus: Corpus) throws -> String {
        var out = ""
        dump(corpus.entities, to: &out)
        dump(corpus.visits, to: &out)
        dump(corpus.events, to: &out)
        if let tables = corpus.tables {
            // The document keys are the cache's own (0 without it), compared by `modelFileBytes` instead.
            // The sentences, mentions, times and strings are read through their accessors (a loaded model reads
            // them from its file), the other fields by reflection.
            let accessed: Set = ["texts", "documentKeys", "builtSentences", "builtMentions", "builtTimes", "stored",
                                 "builtStrings", "mappedStrings"]
            for child in Mirror(reflecting: tables).children where !accessed.contains(child.label ?? "") {
                dump(child.value, to: &out)
            }
            dump(tables.sentences, to: &out)
            dump(tables.mentions, to: &out)
            dump(tables.times, to: &out)
            dump(tables.strings, to: &out)
        }
        for document in corpus.documents { out += document.path + "\n" + document.text + "\n" + document.original + "\n" }
        for table in ExportTable.allCases { out += try Exporter.render(table, of: corpus, format: .json) }
        return out
    }

    final class NoteLog: @unchecked Sendable {
        private let lock = NSLock()
        private var notes: [String] = []
        func add(_ note: String) { lock.lock(); notes.append(note); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return notes }
    }

    /// A loaded model decodes its other events only when they are first read (a report of visits never does),
    /// and then gives the events built.
    @Test func aLoadedModelDecodesItsEventsWhenFirstRead() throws {
        let scratch = try Scratch()
        let built = try Self.cached(scratch)
        #expect(built.corpus.eventList.isDecoded)
        let loaded = try Self.cached(scratch)
        #expect(loaded.source == .loaded)
        #expect(!loaded.corpus.eventList.isDecoded, "loading leaves the events in the file")
        #expect(!loaded.corpus.visits.isEmpty)
        #expect(loaded.corpus.eventCount == built.corpus.events.count)
        #expect(!loaded.corpus.eventList.isDecoded, "reading the visits or counting the events does not decode them")
        #expect(!built.corpus.events.isEmpty, "the corpus has events to compare")
        #expect(loaded.corpus.events == built.corpus.events)
        #expect(loaded.corpus.eventList.isDecoded)
    }

    @Test func aLoadedModelIsTheBuiltModelFieldForField() throws {
        let scratch = try Scratch()
        let reference = try Self.everything(Self.uncached(scratch))
        let first = try Self.cached(scratch)
        #expect(first.source == .built(analysed: 35, reused: 0))
        let second = try Self.cached(scratch)
        #expect(second.source == .loaded)
        #expect(try Self.everything(first.corpus) == reference)
        let loaded = try Self.everything(second.corpus)
        #expect(loaded == reference)
        #expect(second.corpus.visits.contains { !$0.hosts.isEmpty }, "the comparison covers the visits' hosts")
        #expect(second.diagnostics == first.diagnostics)
    }

    @Test func changingOrAddingArticlesAnalysesThoseAlone() throws {
        let scratch = try Scratch()
        _ = try Self.cached(scratch)
        let article = scratch.articles[3]
        try (String(contentsOf: article, encoding: .utf8) + "\nThe visit was described as a success.\n")
            .write(to: article, atomically: true, encoding: .utf8)
        try "BEIJING, August 18, 2024 — President Xi Jinping met Prime Minister Pham Minh Chinh.\n"
            .write(to: scratch.corpus.appendingPathComponent("zz-new.txt"), atomically: true, encoding: .utf8)
        let changed = try Self.cached(scratch)
        #expect(changed.source == .built(analysed: 2, reused: 34))
        #expect(try Self.everything(changed.corpus) == Self.everything(Self.uncached(scratch)))
        #expect(try Self.cached(scratch).source == .loaded)
    }

    /// A load needs only the gazetteer: the builder (the lexicon, read and parsed, the scorer, the extractors) is
    /// made when something is analysed, once, and its error reaches the caller as it is.
    @Test func theBuilderIsMadeOnlyWhenSomethingIsAnalysed() throws {
        struct LexiconMistake: Error {}
        let scratch = try Scratch()
        let cache = ModelCache(folder: scratch.cache)
        var made = 0
        func load(failing: Bool = false) throws -> ModelCache.Result {
            try cache.corpus(directories: [scratch.corpus], inputs: Self.inputs(), gazetteer: Self.gazetteer) {
                made += 1
                if failing { throw LexiconMistake() }
                return CorpusBuilder(gazetteer: Self.gazetteer, jobs: 2)
            }
        }
        #expect(try load().source == .built(analysed: 35, reused: 0))
        #expect(made == 1)
        #expect(try load(failing: true).source == .loaded)
        #expect(made == 1, "a warm load made no builder")
        let article = scratch.articles[0]
        try (String(contentsOf: article, encoding: .utf8) + "\nThe talks were described as productive.\n")
            .write(to: article, atomically: true, encoding: .utf8)
        #expect(throws: LexiconMistake.self) { try load(failing: true) }
        #expect(made == 2)
        #expect(try load().source == .built(analysed: 1, reused: 34))
        #expect(made == 3)
    }

    /// The model read while the articles are stat'ed is used only when their key is the one it carries: after an
    /// edit it is not, and a model file renamed to the new key is refused by its header and rebuilt.
    @Test func theModelReadEarlyIsUsedOnlyForItsOwnKey() throws {
        let scratch = try Scratch()
        let cache = ModelCache(folder: scratch.cache)
        _ = try Self.cached(scratch)
        // The articles were just written, so the files index does not remember them: hashed here, as a command does.
        func plan() throws -> BuildPlan {
            var plan = try BuildPlan(cache: cache, directories: [scratch.corpus], inputs: Self.inputs())
            plan.hashUnhashed()
            return plan
        }
        let warm = try plan()
        let early = try #require(EarlyLoad(cache: cache, directories: [scratch.corpus], gazetteer: Self.gazetteer).result(for: warm))
        #expect(try Self.everything(early.corpus) == Self.everything(Self.uncached(scratch)))
        let article = scratch.articles[5]
        try (String(contentsOf: article, encoding: .utf8) + "\nThe visit was postponed.\n").write(to: article, atomically: true, encoding: .utf8)
        let edited = try plan()
        #expect(edited.modelKey != warm.modelKey)
        #expect(EarlyLoad(cache: cache, directories: [scratch.corpus], gazetteer: Self.gazetteer).result(for: edited) == nil)
        // The old model under the new key's name: the header's key differs, so neither read takes it.
        try FileManager.default.moveItem(at: warm.modelURL, to: edited.modelURL)
        #expect(EarlyLoad(cache: cache, directories: [scratch.corpus], gazetteer: Self.gazetteer).result(for: edited) == nil)
        let rebuilt = try Self.cached(scratch)
        #expect(rebuilt.source == .built(analysed: 1, reused: 34))
        #expect(try Self.everything(rebuilt.corpus) == Self.everything(Self.uncached(scratch)))
        #expect(try Self.cached(scratch).source == .loaded)
    }

    /// The listing's stat raises the change signal as soon as an article differs from the files index (an edit,
    /// an addition), never when nothing changed; the early read then decodes no model but checks the file's
    /// texts, which the rebuild copies: the rebuild is the build from nothing, byte for byte.
    @Test func anEditStopsTheEarlyReadWhichHandsTheTextsToTheRebuild() throws {
        let scratch = try Scratch()
        // Old enough to be remembered by the files index (a file changed in the last two seconds never is).
        func age(_ article: URL) throws {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: article.path)
        }
        for article in scratch.articles { try age(article) }
        let cache = ModelCache(folder: scratch.cache)
        _ = try Self.cached(scratch)
        func signal() throws -> ChangeSignal {
            let changes = ChangeSignal()
            _ = try BuildPlan(cache: cache, directories: [scratch.corpus], inputs: Self.inputs(), changes: changes)
            return changes
        }
        #expect(try !signal().isRaised, "nothing changed")
        let unchanged = ChangeSignal()
        let warm = try BuildPlan(cache: cache, directories: [scratch.corpus], inputs: Self.inputs(), changes: unchanged)
        #expect(EarlyLoad(cache: cache, directories: [scratch.corpus], gazetteer: Self.gazetteer, changes: unchanged).result(for: warm) != nil)

        let article = scratch.articles[7]
        try (String(contentsOf: article, encoding: .utf8) + "\nThe visit was postponed.\n").write(to: article, atomically: true, encoding: .utf8)
        try age(article)
        #expect(try signal().isRaised, "an edited article")
        let raised = ChangeSignal()
        raised.raise()
        // With its merge index, the model is read whole for a rebuild after edits (`IncrementalRebuildTests`),
        // its texts checked from it.
        let whole = EarlyLoad(cache: cache, directories: [scratch.corpus], gazetteer: Self.gazetteer, changes: raised).discardKeepingModel()
        #expect(whole.model != nil && whole.texts != nil)
        // Without one, nothing is decoded once the corpus changed.
        let models = scratch.cache.appendingPathComponent("models")
        for name in try FileManager.default.contentsOfDirectory(atPath: models.path) where name.hasSuffix(".merge") {
            try FileManager.default.removeItem(at: models.appendingPathComponent(name))
        }
        let early = EarlyLoad(cache: cache, directories: [scratch.corpus], gazetteer: Self.gazetteer, changes: raised)
        #expect(early.result(for: warm) == nil, "no model decoded once the corpus changed")
        let texts = try #require(early.discard(), "the earlier model's texts, checked")
        let built = try Self.cached(scratch)
        #expect(built.source == .built(analysed: 1, reused: 34))
        let keys = try #require(built.corpus.tables?.documentKeys)
        let copied = zip(built.corpus.documents, keys).filter { texts.texts(key: $0.1) != nil }
        #expect(copied.count == 34 && copied.allSatisfy { texts.store.string(texts.texts(key: $0.1)!.text) == $0.0.text })
        #expect(try Self.modelFileBytes(scratch.cache) == Self.fullBuildBytes(scratch))

        try "HANOI, May 2, 2024 — Prime Minister Anthony Albanese arrived in Hanoi.\n"
            .write(to: scratch.corpus.appendingPathComponent("zz-added.txt"), atomically: true, encoding: .utf8)
        try age(scratch.corpus.appendingPathComponent("zz-added.txt"))
        #expect(try signal().isRaised, "an added article")
    }

    @Test func everyPartOfTheKeyInvalidates() throws {
        let scratch = try Scratch()
        let extra = scratch.root.appendingPathComponent("extra", isDirectory: true)
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        let gazetteerCopy = scratch.root.appendingPathComponent("gazetteer", isDirectory: true)
        try FileManager.default.copyItem(at: Self.gazetteerFolder, to: gazetteerCopy)
        let lexicon = extra.appendingPathComponent("lexicon", isDirectory: true)
        let corrections = extra.appendingPathComponent("corrections.yaml")
        let extractors = extra.appendingPathComponent("extractors", isDirectory: true)
        func inputs(version: String = "test 1") -> CacheInputs {
            Self.inputs([gazetteerCopy], lexicon: [lexicon], corrections: [corrections], extractors: [extractors], version: version)
        }
        #expect(try Self.cached(scratch, inputs()).source == .built(analysed: 35, reused: 0))
        #expect(try Self.cached(scratch, inputs()).source == .loaded)
        let changes: [(String, () throws -> Void)] = [
            ("gazetteer", { try (String(contentsOf: gazetteerCopy.appendingPathComponent("FORMAT.md"), encoding: .utf8) + "\n")
                .write(to: gazetteerCopy.appendingPathComponent("FORMAT.md"), atomically: true, encoding: .utf8) }),
            ("lexicon", {
                try FileManager.default.createDirectory(at: lexicon.appendingPathComponent("en"), withIntermediateDirectories: true)
                try "visit\n".write(to: lexicon.appendingPathComponent("en/cues.txt"), atomically: true, encoding: .utf8)
            }),
            ("lexicon file", { try "visit\ntrip\n".write(to: lexicon.appendingPathComponent("en/cues.txt"), atomically: true, encoding: .utf8) }),
            ("extractors", {
                try FileManager.default.createDirectory(at: extractors, withIntermediateDirectories: true)
                try "return {}\n".write(to: extractors.appendingPathComponent("x.lua"), atomically: true, encoding: .utf8)
            }),
        ]
        for (part, change) in changes {
            try change()
            let gazetteer = Gazetteer.load(directories: [gazetteerCopy]).0
            let rebuilt = try Self.cached(scratch, inputs(), gazetteer: gazetteer)
            #expect(rebuilt.source == .built(analysed: 35, reused: 0), "after changing the \(part)")
            #expect(try Self.cached(scratch, inputs(), gazetteer: gazetteer).source == .loaded, "after changing the \(part)")
        }
        let gazetteer = Gazetteer.load(directories: [gazetteerCopy]).0
        // Corrections change the merged model, not the analyses: a new model from the stored analyses.
        try "corrections: []\n".write(to: corrections, atomically: true, encoding: .utf8)
        #expect(try Self.cached(scratch, inputs(), gazetteer: gazetteer).source == .built(analysed: 0, reused: 35))
        #expect(try Self.cached(scratch, inputs(), gazetteer: gazetteer).source == .loaded)
        try "corrections:\n  - reject: v-x-PRK-2019-abcdef\n".write(to: corrections, atomically: true, encoding: .utf8)
        #expect(try Self.cached(scratch, inputs(), gazetteer: gazetteer).source == .built(analysed: 0, reused: 35))
        #expect(inputs().correctionsKey() != Self.inputs(corrections: []).correctionsKey())
        #expect(inputs().contextKey() == Self.inputs([gazetteerCopy], lexicon: [lexicon], extractors: [extractors]).contextKey())
        #expect(try Self.cached(scratch, inputs(version: "test 2"), gazetteer: gazetteer).source == .built(analysed: 35, reused: 0))
        // A different build of the same version is a different key too.
        #expect(inputs().contextKey(buildIdentity: "a") != inputs().contextKey(buildIdentity: "b"))
    }

    /// Vetoes every visit candidate (stands for an extractor plugin).
    struct VetoAll: CandidateReviewer {
        func review(_ document: ReviewedDocument) -> CandidateReview {
            var review = CandidateReview()
            for (i, candidates) in document.candidates.enumerated() where !candidates.isEmpty { review.changed[i] = [] }
            return review
        }
    }

    @Test func changingAnExtractorPluginRebuildsWithIt() throws {
        let scratch = try Scratch()
        let plugin = scratch.root.appendingPathComponent("veto-all.lua")
        try "-- version 1\n".write(to: plugin, atomically: true, encoding: .utf8)
        let cache = ModelCache(folder: scratch.cache, note: { _ in })
        var builder = CorpusBuilder(gazetteer: Self.gazetteer, jobs: 2)
        let first = try cache.corpus(directories: [scratch.corpus], inputs: Self.inputs(extractors: [plugin]), builder: builder)
        #expect(first.source == .built(analysed: 35, reused: 0))
        #expect(!first.corpus.visits.isEmpty)
        #expect(try cache.corpus(directories: [scratch.corpus], inputs: Self.inputs(extractors: [plugin]), builder: builder).source == .loaded)
        // The plugin's content changes: every document is analysed again, with the new reviewer.
        try "-- version 2: vetoes everything\n".write(to: plugin, atomically: true, encoding: .utf8)
        builder.reviewer = VetoAll()
        let second = try cache.corpus(directories: [scratch.corpus], inputs: Self.inputs(extractors: [plugin]), builder: builder)
        #expect(second.source == .built(analysed: 35, reused: 0))
        #expect(second.corpus.visits.isEmpty)
    }

    @Test func aDamagedModelIsReportedInOneLineAndRebuilt() throws {
        let scratch = try Scratch()
        let reference = try Self.everything(Self.cached(scratch).corpus)
        let models = scratch.cache.appendingPathComponent("models")
        func modelFile() throws -> URL {
            let name = try #require(FileManager.default.contentsOfDirectory(atPath: models.path).first { $0.hasSuffix(".model") })
            return models.appendingPathComponent(name)
        }
        // One byte flipped in the tables (in the description of the sentences, mentions and times they begin with,
        // then in the texts' block checksums), then the file cut short; then a file of another format version (out
        // of date, not damaged: said so). A flipped byte in the texts or in the sentences, mentions and times is
        // found when they are first read (`aDamagedTextsBlockIsFoundWhenFirstReadAndTheLazyLoadIsTheBuild`).
        for damage in ["tables", "block checksums", "truncated", "version"] {
            let url = try modelFile()
            var bytes = try Data(contentsOf: url)
            switch damage {
            // The description of the sentences, mentions and times (the sentences' count), then a texts block's checksum.
            case "tables": bytes[ModelSnapshot.headerSize + Self.textsLength(bytes) + 1] ^= 0x01
            case "block checksums": bytes[ModelSnapshot.headerSize + Self.textsLength(bytes) + ModelSnapshot.columnsDescriptionSize + 5] ^= 0x01
            case "version":
                // The u32 after the 8-byte magic, and the header's checksum of its first 56 bytes made again.
                bytes[8] ^= 0x01
                let sum = bytes.prefix(56).withUnsafeBytes { Checksum.of($0) }
                withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(56..<64, with: $0) }
            default: bytes = bytes.prefix(bytes.count / 2)
            }
            try bytes.write(to: url)
            let notes = NoteLog()
            let rebuilt = try Self.cached(scratch, notes: notes)
            #expect(rebuilt.source == .built(analysed: 0, reused: 35), "\(damage)")
            let state = damage == "version" ? "is out of date (format version" : "is damaged"
            #expect(notes.all.count == 1 && notes.all[0].contains(state) && !notes.all[0].contains("\n"), "\(notes.all)")
            #expect(try Self.everything(rebuilt.corpus) == reference)
        }
        // A damaged analysis segment: reported, removed, its documents analysed again.
        let segments = try #require(FileManager.default.enumerator(atPath: scratch.cache.appendingPathComponent("analyses").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".seg") })
        for segment in segments {
            let url = scratch.cache.appendingPathComponent("analyses").appendingPathComponent(segment)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x01
            try bytes.write(to: url)
        }
        try FileManager.default.removeItem(at: try modelFile())
        let notes = NoteLog()
        let rebuilt = try Self.cached(scratch, notes: notes)
        #expect(rebuilt.source == .built(analysed: 35, reused: 0))
        #expect(notes.all.count == segments.count && notes.all.allSatisfy { $0.contains("is damaged") })
        #expect(try Self.everything(rebuilt.corpus) == reference)
    }

    /// The texts' length in a model file's header (the u64 after magic, version, kind, key and the tables' two).
    static func textsLength(_ bytes: Data) -> Int {
        Int(bytes.subdata(in: 40..<48).withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
    }

    @Test func aDamagedTextsBlockIsFoundWhenFirstReadAndTheLazyLoadIsTheBuild() throws {
        let scratch = try Scratch()
        // Blocks of 4 KB, so that the 35 articles' texts make many.
        let url = scratch.root.appendingPathComponent("small-blocks.model")
        let draft = try ModelFileDraft(url: url, textBlockSize: 4096)
        let files = scratch.articles.map { (path: $0.path, entry: ManifestEntry?.none) }
        let (built, diagnostics) = CorpusBuilder(gazetteer: Self.gazetteer, jobs: 2).build(files: files, store: nil, draft: draft)
        try draft.complete(built, diagnostics: diagnostics, key: 42)
        let reference = try Self.everything(Self.uncached(scratch))
        let (loaded, loadedDiagnostics) = try ModelSnapshot.read(url, key: 42, gazetteer: Self.gazetteer)
        #expect(try Self.everything(loaded) == reference, "every text read block by block is the text built")
        #expect(loadedDiagnostics == diagnostics)
        var bytes = try Data(contentsOf: url)
        let length = Self.textsLength(bytes)
        #expect(length > 3 * 4096, "the texts make several blocks (\(length) bytes)")
        // A byte of the second block flipped: the load does not read the texts, so it does not see it; the
        // first block is still good, the second is refused when first read.
        let flipped = 4096 + 100
        bytes[ModelSnapshot.headerSize + flipped] ^= 0x40
        try bytes.write(to: url)
        _ = try ModelSnapshot.read(url, key: 42, gazetteer: Self.gazetteer)
        let store = try ModelSnapshot.openVerified(url, key: nil).texts()
        #expect(throws: Never.self) { try store.checkBlocks(0..<100) }
        #expect(throws: CacheFormatError.self) { try store.checkBlocks(flipped..<(flipped + 1)) }
        #expect(throws: CacheFormatError.self) { try store.checkAllBlocks() }
        // An earlier model whose texts a build would copy is checked whole, so this one is refused.
        #expect(throws: CacheFormatError.self) { try ModelFileTexts(url: url) }
        bytes[ModelSnapshot.headerSize + flipped] ^= 0x40
        // The sentences, mentions and times come last: a byte of the times flipped is found when they are read.
        bytes[bytes.count - 3] ^= 0x04
        try bytes.write(to: url)
        #expect(throws: Never.self) { try ModelSnapshot.openVerified(url, key: nil).texts().checkAllBlocks() }
        _ = try ModelSnapshot.read(url, key: 42, gazetteer: Self.gazetteer)
        let columns = try ModelSnapshot.openVerified(url, key: nil).storedColumns(damaged: TextStore.stop)
        #expect(throws: CacheFormatError.self) { try columns.read() }
        bytes[bytes.count - 3] ^= 0x04
        try bytes.write(to: url)
        let intact = try ModelSnapshot.openVerified(url, key: nil).storedColumns(damaged: TextStore.stop).read()
        #expect(intact.sentences == built.tables?.sentences && intact.times == built.tables?.times)
    }

    @Test func textBlocksSplitTheChecksumsAtTheSameBytesHoweverTheyAreAdded() {
        let bytes = (0..<(2 * TextBlocks.defaultSize + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        var whole = TextBlocks(size: TextBlocks.defaultSize)
        bytes.withUnsafeBytes { whole.add($0) }
        var pieces = TextBlocks(size: TextBlocks.defaultSize)
        var at = 0
        for size in [1, 7, TextBlocks.defaultSize - 8, 3, TextBlocks.defaultSize, 100_000] where at < bytes.count {
            let end = min(at + size, bytes.count)
            bytes[at..<end].withUnsafeBytes { pieces.add($0) }
            at = end
        }
        bytes[at...].withUnsafeBytes { pieces.add($0) }
        #expect(whole.sums.count == 3 && whole.count(length: bytes.count) == 3)
        #expect(whole.sums == pieces.sums)
        let second = bytes[TextBlocks.defaultSize..<(2 * TextBlocks.defaultSize)].withUnsafeBytes { WideChecksum.of($0) }
        #expect(whole.sums[1] == second)
    }

    @Test func concurrentBuildersAgreeAndLeaveOneGoodModel() throws {
        let scratch = try Scratch()
        let reference = try Self.everything(Self.uncached(scratch))
        let results = NoteLog()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            do {
                let result = try Self.cached(scratch)
                results.add((try Self.everything(result.corpus) == reference ? "same " : "different ") + "\(result.source)")
            } catch {
                results.add("error \(error)")
            }
        }
        #expect(results.all.allSatisfy { $0.hasPrefix("same") }, "\(results.all)")
        // One built it; the others waited and loaded what it wrote.
        #expect(results.all.filter { $0.contains("loaded") }.count == 2, "\(results.all)")
        #expect(try Self.cached(scratch).source == .loaded)
    }

    /// A build whose model file is completed on another thread (as the command line does) while the corpus is read:
    /// the same file as a save that the build waits for, the lock held until it is in place, and the process's
    /// next call waits for it and loads it.
    @Test func aModelSavedInTheBackgroundIsTheSameFileAndIsWaitedFor() throws {
        let scratch = try Scratch()
        let reference = try Self.everything(Self.uncached(scratch))
        var cache = ModelCache(folder: scratch.cache)
        cache.savesInBackground = true
        func corpus() throws -> ModelCache.Result {
            try cache.corpus(directories: [scratch.corpus], inputs: Self.inputs(), builder: CorpusBuilder(gazetteer: Self.gazetteer, jobs: 2))
        }
        let built = try corpus()
        #expect(built.source == .built(analysed: 35, reused: 0))
        // Read whole, its texts from the file being completed, while the save may still run.
        #expect(try Self.everything(built.corpus) == reference)
        let loaded = try corpus()
        #expect(loaded.source == .loaded)
        #expect(try Self.everything(loaded.corpus) == reference)
        BackgroundSave.waitForAll()
        let models = scratch.cache.appendingPathComponent("models")
        let names = try FileManager.default.contentsOfDirectory(atPath: models.path)
        #expect(names.filter { $0.hasSuffix(".merge") }.count == 1, "the merge index is written too: \(names)")
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
        // The lock is free.
        let lockName = try #require(names.first { $0.hasSuffix(".lock") })
        let fd = open(models.appendingPathComponent(lockName).path, O_RDWR)
        defer { close(fd) }
        #expect(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
        flock(fd, LOCK_UN)
        #expect(try Self.modelFileBytes(scratch.cache) == Self.fullBuildBytes(scratch))
    }

    @Test func concurrentBuildersWaitForAModelSavedInTheBackground() throws {
        let scratch = try Scratch()
        let reference = try Self.everything(Self.uncached(scratch))
        let results = NoteLog()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            do {
                var cache = ModelCache(folder: scratch.cache)
                cache.savesInBackground = true
                let result = try cache.corpus(directories: [scratch.corpus], inputs: Self.inputs(), builder: CorpusBuilder(gazetteer: Self.gazetteer, jobs: 2))
                results.add((try Self.everything(result.corpus) == reference ? "same " : "different ") + "\(result.source)")
            } catch {
                results.add("error \(error)")
            }
        }
        #expect(results.all.allSatisfy { $0.hasPrefix("same") }, "\(results.all)")
        // One built it; the others waited for its lock, held until the file was in place, and loaded it.
        #expect(results.all.filter { $0.contains("loaded") }.count == 2, "\(results.all)")
        BackgroundSave.waitForAll()
        #expect(try Self.cached(scratch).source == .loaded)
    }

    @Test func fourShardsMergeToTheModelOfOneBuild() throws {
        let scratch = try Scratch()
        let reference = try Self.everything(Self.uncached(scratch))
        let cache = ModelCache(folder: scratch.cache)
        var analysed = 0
        for shard in 1...4 {
            analysed += try cache.index(directories: [scratch.corpus], inputs: Self.inputs(), builder: CorpusBuilder(gazetteer: Self.gazetteer),
                                        shard: shard, of: 4).analysed
        }
        #expect(analysed == 35)
        let segments = try FileManager.default.subpathsOfDirectory(atPath: scratch.cache.appendingPathComponent("analyses").path)
        #expect(segments.filter { $0.hasSuffix(".seg") && $0.contains("shard-") }.count == 4)
        let merged = try Self.cached(scratch)
        #expect(merged.source == .built(analysed: 0, reused: 35))
        #expect(try Self.everything(merged.corpus) == reference)
    }

    /// The bytes of the one model file in `cache`.
    static func modelFileBytes(_ cache: URL) throws -> Data {
        let models = cache.appendingPathComponent("models")
        let names = try FileManager.default.contentsOfDirectory(atPath: models.path).filter { $0.hasSuffix(".model") }
        #expect(names.count == 1, "\(names)")
        return try Data(contentsOf: models.appendingPathComponent(try #require(names.first)))
    }

    /// The model file a build from nothing (a new cache folder) writes for the corpus as it is now.
    static func fullBuildBytes(_ scratch: Scratch, _ inputs: CacheInputs = inputs()) throws -> Data {
        let folder = scratch.root.appendingPathComponent("fresh-\(UUID().uuidString.prefix(8))")
        let result = try ModelCache(folder: folder).corpus(directories: [scratch.corpus], inputs: inputs,
                                                           builder: CorpusBuilder(gazetteer: gazetteer, jobs: 2))
        #expect(result.source == .built(analysed: scratch.articles.count, reused: 0))
        return try modelFileBytes(folder)
    }

    @Test func aModelBuiltFromAnEarlierOneIsTheFileOfAFullBuild() throws {
        let scratch = try Scratch()
        _ = try Self.cached(scratch)
        // One article changed, one removed, one added: two analysed, the texts of the 33 others copied from the
        // earlier model's file.
        let article = scratch.articles[3]
        try (String(contentsOf: article, encoding: .utf8) + "\nThe visit was described as a success.\n")
            .write(to: article, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: scratch.articles[5])
        try "HANOI, May 2, 2024 — Prime Minister Anthony Albanese arrived in Hanoi for an official visit.\n"
            .write(to: scratch.corpus.appendingPathComponent("zz-new.txt"), atomically: true, encoding: .utf8)
        let changed = try Self.cached(scratch)
        #expect(changed.source == .built(analysed: 2, reused: 33))
        let incremental = try Self.modelFileBytes(scratch.cache)
        #expect(incremental == (try Self.fullBuildBytes(scratch)))
        #expect(try Self.everything(changed.corpus) == Self.everything(Self.uncached(scratch)))
        #expect(try Self.everything(Self.cached(scratch).corpus) == Self.everything(changed.corpus), "loaded as built")

        // A corrections file: a new model of the same analyses, every text copied; the file a full build writes.
        let corrections = scratch.root.appendingPathComponent("corrections.yaml")
        try "corrections:\n  - reject: v-x-PRK-2019-abcdef\n".write(to: corrections, atomically: true, encoding: .utf8)
        let corrected = try Self.cached(scratch, Self.inputs(corrections: [corrections]))
        #expect(corrected.source == .built(analysed: 0, reused: 35))
        #expect(try Self.modelFileBytes(scratch.cache) == Self.fullBuildBytes(scratch, Self.inputs(corrections: [corrections])))
    }

    @Test func withoutAnEarlierModelTheTextsAreReadAgainAndChecked() throws {
        let scratch = try Scratch()
        _ = try Self.cached(scratch)
        try FileManager.default.removeItem(at: scratch.cache.appendingPathComponent("models"))
        let rebuilt = try Self.cached(scratch)
        #expect(rebuilt.source == .built(analysed: 0, reused: 35))
        #expect(try Self.modelFileBytes(scratch.cache) == Self.fullBuildBytes(scratch))
    }

    @Test func theEarlierModelsTextsAreFoundByDocumentKey() throws {
        let scratch = try Scratch()
        let built = try Self.cached(scratch).corpus
        let models = scratch.cache.appendingPathComponent("models")
        let name = try #require(FileManager.default.contentsOfDirectory(atPath: models.path).first { $0.hasSuffix(".model") })
        let earlier = try ModelFileTexts(url: models.appendingPathComponent(name))
        let tables = try #require(built.tables)
        #expect(Set(tables.documentKeys).count == built.documents.count && !tables.documentKeys.contains(0))
        let copy = TextStore(memoryLimit: 0)
        var copied: [(TextRef, TextRef?)] = []
        for (document, key) in zip(built.documents, tables.documentKeys) {
            let texts = try #require(earlier.texts(key: key))
            #expect(earlier.store.string(texts.text) == document.text)
            copied.append((copy.copy(texts.text, from: earlier.store), texts.original.map { copy.copy($0, from: earlier.store) }))
        }
        #expect(earlier.texts(key: 12345) == nil)
        copy.seal()
        #expect(copied.map { copy.string($0.0) } == built.documents.map(\.text), "consecutive copies read as one run")
        #expect(copied.map { $0.1.map(copy.string) ?? "" } == built.documents.map { $0.original == $0.text ? "" : $0.original })
    }

    @Test func aColdBuildHashesEachArticleAsItReadsIt() throws {
        let scratch = try Scratch()
        // Old enough to be remembered (a file changed in the last two seconds never is).
        for article in scratch.articles {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: article.path)
        }
        let cache = ModelCache(folder: scratch.cache)
        let before = try BuildPlan(cache: cache, directories: [scratch.corpus], inputs: Self.inputs())
        #expect(!before.isComplete && before.keys.allSatisfy { $0 == 0 }, "no article is read before the build")
        #expect(try Self.cached(scratch).source == .built(analysed: 35, reused: 0))
        let after = try BuildPlan(cache: cache, directories: [scratch.corpus], inputs: Self.inputs())
        #expect(after.isComplete && !after.keys.contains(0), "the hashes of the build's reads are remembered")
        #expect(try Self.cached(scratch).source == .loaded, "under the model key the remembered hashes give")
        // Under the metadata a stat gives: the stamps of the build's own reads (no stat before a cold build).
        let paths = CorpusListing(directories: [scratch.corpus]).files.map(\.path)
        let index = FileIndex(url: scratch.cache.appendingPathComponent("files-\(String(BuildPlan.corpusID([scratch.corpus]), radix: 16)).idx"))
        var folders = FolderStat(directories: [scratch.corpus])
        defer { folders.close() }
        #expect(index.storedCount == 35)
        for (position, path) in paths.enumerated() {
            let stat = folders.metadata(of: path)
            let metadata = try #require(stat)
            #expect(index.isUnchanged(path, at: position, metadata: metadata), "\(path)")
        }
    }

    /// A cold build takes each article's stamp from its own read; an article edited after the build is read again.
    @Test func anArticleEditedAfterAColdBuildIsSeen() throws {
        let scratch = try Scratch()
        for article in scratch.articles {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: article.path)
        }
        #expect(try Self.cached(scratch).source == .built(analysed: 35, reused: 0))
        let edited = scratch.articles[3]
        try (String(contentsOf: edited, encoding: .utf8) + "\nThe talks were described as productive.\n").write(to: edited, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -1800)], ofItemAtPath: edited.path)
        #expect(try Self.cached(scratch).source == .built(analysed: 1, reused: 34))
    }
}
