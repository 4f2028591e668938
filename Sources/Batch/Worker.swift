// The worker process's side of a batch (`dossier batch-worker`, hidden): it reads one request on
// standard input, sets its own OS memory backstop, builds the corpus, says `ready`, runs the one report
// and writes its outcome as one line of JSON on standard output. Its files are left under temporary
// names; the batch renames them. A worker whose batch has gone (killed with -9) ends itself.

import CorpusModel
import Corrections
import Foundation
import LuaBridge
import PluginHost
import ScriptingAPI
#if canImport(Glibc)
import Glibc
#endif

/// Everything a worker needs to run one report as the batch would.
struct WorkerRequest: Sendable, Codable {
    struct Directory: Sendable, Codable {
        var path: String
        var origin: String
    }

    var task: ReportTask
    var searchPath: [Directory]
    var memoryBytes: Int
    var timeSeconds: Double?
    var trusted: Bool
    var dossierVersion: String
    var corpusPath: String
    var gazetteer: [String]
    /// The lexicon folder and its overlays (empty: the bundled lexicon).
    var lexicon: [String]
    /// The corrections files the batch applied (docs/corrections.md), absolute.
    var corrections: [String] = []
    /// The extractor plugins the batch built the model with.
    var extractors = BatchExtractors()
    /// The worker's RLIMIT_DATA: the script's cap plus the corpus model plus room for the runtime.
    var memoryBackstopBytes: Int

    var limits: LuaLimits { LuaLimits(memoryBytes: memoryBytes, timeSeconds: timeSeconds) }

    var pluginSearchPath: PluginSearchPath {
        PluginSearchPath(directories: searchPath.map {
            PluginDirectory(url: URL(fileURLWithPath: $0.path, isDirectory: true), origin: PluginOrigin(rawValue: $0.origin) ?? .option)
        })
    }
}

/// The extractor plugins of a batch, as its workers load them.
public struct BatchExtractors: Sendable, Codable, Equatable {
    public var plugins: [ExtractorPlugin] = []
    /// The `require` path of their modules.
    public var modulePath: [String] = []

    public init(plugins: [ExtractorPlugin] = [], modulePath: [String] = []) {
        self.plugins = plugins
        self.modulePath = modulePath
    }
}

/// The lines a worker writes on standard output.
enum WorkerProtocol {
    /// Sent once the corpus is built: the report's time limit starts counting from here.
    static let ready = "ready"
}

public enum BatchWorker {
    /// Runs the worker; returns its exit status. `input` is the JSON request.
    public static func main(input: Data) -> Int32 {
        guard let request = try? JSONDecoder().decode(WorkerRequest.self, from: input) else {
            FileHandle.standardError.write(Data("dossier batch-worker: this command is started by 'dossier batch', not by hand\n".utf8))
            return 64
        }
        endWhenOrphaned()
        limitMemory(to: request.memoryBackstopBytes)
        let corpus = buildCorpus(request)
        send(WorkerProtocol.ready)
        let host = PluginHost(searchPath: request.pluginSearchPath,
                              options: PluginHostOptions(profile: request.trusted ? .trusted : .sandbox, limits: request.limits,
                                                         output: { _ in }, dossierVersion: request.dossierVersion))
        let outcome = ReportExecution.run(request.task, host: host, corpus: corpus)
        guard let data = try? JSONEncoder().encode(outcome) else { return 1 }
        send(String(decoding: data, as: UTF8.self))
        return 0
    }

    private static func buildCorpus(_ request: WorkerRequest) -> SharedCorpus {
        let directories = (request.gazetteer.isEmpty ? ["Data/gazetteer"] : request.gazetteer).map { URL(fileURLWithPath: $0) }
        let (gazetteer, _) = Gazetteer.load(directories: directories)
        var builder = CorpusBuilder(gazetteer: gazetteer)
        if let base = request.lexicon.first {
            let folders = request.lexicon.map { URL(fileURLWithPath: $0, isDirectory: true) }
            builder.lexicon = Lexicon.load(directory: URL(fileURLWithPath: base, isDirectory: true), overlays: Array(folders.dropFirst())).0
        }
        builder.jobs = 1
        let extractors = request.extractors.plugins.isEmpty ? nil
            : ExtractorRunner(plugins: request.extractors.plugins, modulePath: request.extractors.modulePath)
        builder.reviewer = extractors
        let (built, _) = builder.build(directory: URL(fileURLWithPath: request.corpusPath))
        // The batch read these files before starting its workers and refused them if they had a mistake.
        let corrections = (try? CorrectionSet.load(files: request.corrections.map { URL(fileURLWithPath: $0) })) ?? CorrectionSet()
        return SharedCorpus(CorrectionsApplier.apply(corrections, to: built).0, extractorDigest: extractors?.digest ?? 0)
    }

    /// One line on standard output, written whole.
    private static func send(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(1, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { _exit(1) }
                done += n
            }
        }
    }

    /// The OS's own cap on the worker's data (heap and private mappings): past it allocation fails and
    /// the worker dies, which the batch records. The Lua cap normally stops a script long before.
    private static func limitMemory(to bytes: Int) {
        guard bytes > 0, !underSanitizer else { return }
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit)
    }

    /// AddressSanitizer and ThreadSanitizer map terabytes of shadow memory, which the OS limit would
    /// count: under them (`make sanitize`) the backstop is left off.
    private static var underSanitizer: Bool {
        let everything = UnsafeMutableRawPointer(bitPattern: 0)
        return dlsym(everything, "__asan_init") != nil || dlsym(everything, "__tsan_init") != nil
    }

    /// Ends the worker when the batch that started it is gone (its parent changes), so that a `kill -9`
    /// of the batch leaves no worker running on.
    private static func endWhenOrphaned() {
        let parent = getppid()
        let thread = Thread {
            while true {
                usleep(200_000)
                if getppid() != parent { _exit(1) }
            }
        }
        thread.stackSize = 64 << 10
        thread.start()
    }
}
