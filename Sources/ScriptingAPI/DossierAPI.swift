import CorpusModel
import Foundation
import LuaBridge
import Synchronization
import Reports

/// The corpus model, built once and shared read-only by every script and plugin run.
public final class SharedCorpus: @unchecked Sendable {
    public let corpus: Corpus
    /// A hash of the corpus content (documents' content hashes, in order, the corrections and the extractor plugins),
    /// for reproducible reports.
    public let hash: String
    /// The visits' years and decades as integer columns (`Int64.min` for none), read by Lua without a
    /// call into Swift. Written once here, read-only after.
    let visitYears: UnsafeMutableBufferPointer<Int64>
    let visitDecades: UnsafeMutableBufferPointer<Int64>
    /// Every event, visits included, in chronological order (`Corpus.timeline`, built on first use: a plugin that
    /// reads only visits never pays for sorting the events or deriving their stable ids).
    public var events: [Event] { timeline.events }
    /// Each timeline event's stable id and corrections, by position in `events`.
    public var eventIDs: [String] { timeline.ids }
    var eventCorrections: [[CorrectionNote]] { timeline.corrections }
    /// How many events `events` holds (every event and every visit), without building it.
    public var eventCount: Int { corpus.eventCount + corpus.visits.count }
    /// How many times the articles mention each entity, as a column (counted on first use: it reads every
    /// document's mentions).
    var entityMentionCounts: UnsafeMutableBufferPointer<Int64> { mentionCounts.counts }

    private let timelineSlot = AtomicLazyReference<TimelineColumns>()
    private let mentionCountsSlot = AtomicLazyReference<MentionCounts>()

    private var timeline: TimelineColumns {
        if let built = timelineSlot.load() { return built }
        return timelineSlot.storeIfNil(TimelineColumns(corpus))
    }

    private var mentionCounts: MentionCounts {
        if let built = mentionCountsSlot.load() { return built }
        return mentionCountsSlot.storeIfNil(MentionCounts(corpus))
    }

    /// `extractorDigest`: a checksum of the extractor plugins the model was built with (0: none).
    public init(_ corpus: Corpus, extractorDigest: UInt64 = 0) {
        self.corpus = corpus
        var hasher = FNV1a()
        for document in corpus.documents { hasher.add(document.contentHash) }
        // Corrections and extractors change the facts: a report from a corrected model has another hash.
        if corpus.corrections.digest != 0 { hasher.add(corpus.corrections.digest) }
        if extractorDigest != 0 { hasher.add(extractorDigest) }
        hash = String(format: "%016llx", hasher.value)
        let count = max(corpus.visits.count, 1)
        visitYears = .allocate(capacity: count)
        visitDecades = .allocate(capacity: count)
        visitYears.initialize(repeating: Int64.min)
        visitDecades.initialize(repeating: Int64.min)
        for index in corpus.visits.indices {
            if let start = corpus.visits[index].start {
                visitYears[index] = Int64(start.year)
                visitDecades[index] = Int64(start.decade)
            }
        }
    }

    deinit {
        visitYears.deallocate()
        visitDecades.deallocate()
    }
}

/// The corpus's timeline as the scripting layer reads it: events, their stable ids and corrections, by position.
final class TimelineColumns: Sendable {
    let events: [Event]
    let ids: [String]
    let corrections: [[CorrectionNote]]

    init(_ corpus: Corpus) {
        let timeline = corpus.identifiedTimeline
        events = timeline.map(\.event)
        ids = timeline.map(\.stableID)
        corrections = timeline.map(\.corrections)
    }
}

/// How many times the articles mention each entity, as a column read by Lua.
final class MentionCounts: @unchecked Sendable {
    let counts: UnsafeMutableBufferPointer<Int64>

    init(_ corpus: Corpus) {
        counts = .allocate(capacity: max(corpus.entities.count, 1))
        counts.initialize(repeating: 0)
        for document in corpus.documents {
            for mention in document.mentions where mention.entity >= 0 && mention.entity < corpus.entities.count {
                counts[mention.entity] += 1
            }
        }
    }

    deinit { counts.deallocate() }
}

/// 64-bit FNV-1a over a stream of 64-bit words: stable across runs and machines.
struct FNV1a {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ word: UInt64) {
        var word = word
        for _ in 0..<8 {
            value ^= word & 0xff
            value = value &* 0x0000_0100_0000_01b3
            word >>= 8
        }
    }
}

/// The Lua API of Dossier: the one place it is declared (see `APICatalog`), from which registration,
/// the editor stubs, the API reference and the lint configuration are all generated.
public enum DossierAPI {
    /// The API version plugins can check (`dossier.api_version`).
    public static let version = "1.0"
    /// Today, or `$DOSSIER_TODAY` (an ISO date) when set: plugins that look ahead from today stay
    /// reproducible in tests and batch runs.
    public static var today: PartialDate {
        if let text = ProcessEnvironment.value("DOSSIER_TODAY"), let date = PartialDate(iso: text) { return date }
        // The C library's calendar: Foundation's starts ICU, a cost on every start of a command.
        var now = time(nil), parts = tm()
        gmtime_r(&now, &parts)
        return PartialDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
    }

    /// Dossier's own version (`dossier --version`, `dossier.version`).
    public static let dossierVersion = "0.1.0"
}

/// Collects what a script puts in its report (`report.heading(...)`, `report.table{...}`, ...).
public final class ReportCollector {
    public var builder: ReportBuilder
    public init(title: String, provenance: Provenance? = nil) {
        builder = ReportBuilder(title: title, provenance: provenance)
    }
    /// The report as built so far.
    public var report: Report { builder.build() }
}

extension DossierAPI {
    /// Installs the API's globals (`corpus`, `report`, `dates`, `dossier`) into `environment`.
    /// `params` is set by the caller (the plugin host), not here.
    public static func install(into environment: LuaTable, state: LuaState, corpus: SharedCorpus,
                               report: ReportCollector) throws(LuaError) {
        try APIRegistry.install(into: environment, state: state, corpus: corpus, report: report)
    }

    /// The globals a script sees besides the sandbox's.
    public static var globalNames: [String] { ["corpus", "dates", "dossier", "params", "report"] }

    /// A partial date as a Lua `Date` object.
    public static func value(date: PartialDate, in state: LuaState) throws(LuaError) -> LuaValue {
        try APIRegistry.value(date: date, in: state)
    }

    /// An entity of the corpus as a Lua `Entity` object (the API must be installed in `state`).
    public static func value(entity index: Int, in state: LuaState) throws(LuaError) -> LuaValue {
        try APIRegistry.value(entity: index, in: state)
    }

    /// An entity of `corpus` as a Lua `Entity` object.
    public static func value(entity index: Int, corpus: SharedCorpus, in state: LuaState) throws(LuaError) -> LuaValue {
        try APIRegistry.value(entity: index, corpus: corpus, in: state)
    }

    /// The LuaLS `---@meta` file for editors.
    public static func stubs() -> String { StubWriter.write() }
    /// The API reference in Markdown (docs/lua-api.md).
    /// With `toolkit` (the text of `Plugins/lib/dossier_data.lua`), the reference ends with the data
    /// toolkit's functions, made from their doc comments.
    public static func markdown(toolkit: String? = nil) -> String {
        DocsWriter.write() + (toolkit.map(ToolkitDocs.markdown(source:)) ?? "")
    }
    /// `.luacheckrc` declaring the host's globals.
    public static func luacheckrc() -> String { LintConfigWriter.luacheckrc() }
    /// `.luarc.json` for the Lua language server.
    public static func luarc() -> String { LintConfigWriter.luarc() }
}
