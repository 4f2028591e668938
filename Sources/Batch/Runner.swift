// Running a batch: up to `jobs` reports at once, each in a worker process of its own (`workers`; the
// `dossier` command always uses them) or else on its own thread in its own Lua state (a fresh
// `PluginHost` per report, so nothing but the read-only corpus is shared), with the time and memory
// limits. A worker that outlives its limits, eats memory or crashes is killed and recorded as failed
// while the others finish. A report's files are rendered and written under temporary names, then renamed
// into place; a failure is recorded (plugin file and line) and the others go on, unless `failFast`,
// which stops the running workers too. Reports whose corpus, plugin and parameters are unchanged since
// the last run are not run again, unless `force`.

import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import Reports
import ScriptingAPI

/// How a batch runs.
public struct BatchSettings: Sendable {
    /// The output folder.
    public var output: URL
    /// Reports run at once.
    public var jobs: Int
    /// Stop starting reports after the first failure.
    public var failFast: Bool
    /// Run every selected report, even one that is up to date.
    public var force: Bool
    public var limits: LuaLimits
    public var profile: LuaProfile
    public var dossierVersion: String
    /// The corpus folder, as given (for the manifest and the reproduce commands).
    public var corpusPath: String
    /// The plan file, if any.
    public var planFile: String?
    /// Options every reproduce command needs besides the plugin's (`--plugins DIR`, `--gazetteer DIR`).
    public var runArguments: [String]
    /// The gazetteer folders, bundled one and overlays in loading order (a worker builds the corpus from them;
    /// empty: the default).
    public var gazetteerPaths: [String] = []
    /// The corrections files applied to the corpus (absolute paths), applied by the workers too.
    public var correctionPaths: [String] = []
    /// The lexicon folder and its overlays, in loading order (empty: the bundled lexicon).
    public var lexiconPaths: [String] = []
    /// The extractor plugins the model is built with, run by the workers too.
    public var extractors = BatchExtractors()
    /// Run each report in a worker process of its own; nil runs them on threads of this process.
    public var workers: WorkerSettings?

    public init(output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, failFast: Bool = false,
                force: Bool = false, limits: LuaLimits = LuaLimits(), profile: LuaProfile = .sandbox,
                dossierVersion: String = "0.1.0", corpusPath: String = "Data/corpus", planFile: String? = nil,
                runArguments: [String] = []) {
        self.output = output
        self.jobs = max(1, jobs)
        self.failFast = failFast
        self.force = force
        self.limits = limits
        self.profile = profile
        self.dossierVersion = dossierVersion
        self.corpusPath = corpusPath
        self.planFile = planFile
        self.runArguments = runArguments
    }
}

/// Where a batch stands.
public struct BatchProgress: Sendable, Equatable {
    /// Reports run and written now.
    public var done = 0
    public var failed = 0
    /// Up to date: not run again.
    public var upToDate = 0
    /// Reports still to run or running.
    public var left = 0
    /// The reports running now.
    public var running: [String] = []
    /// Reports this run had to consider (selected ones).
    public var total = 0
}

/// What a batch reports while it runs; delivered one at a time, from the worker threads.
public enum BatchEvent: Sendable {
    case started(name: String, progress: BatchProgress)
    /// A report finished (`ok` or `failed`), or was found up to date.
    case finished(BatchRecord, progress: BatchProgress)
}

/// What a batch did.
public struct BatchOutcome: Sendable {
    public var manifest: BatchManifest
    public var manifestURL: URL
    public var indexURL: URL
    /// Ctrl-C stopped a report, so the batch stopped.
    public var interrupted: Bool
    /// The failed reports' full errors (with tracebacks), in plan order.
    public var failures: [BatchRecord] { manifest.reports.filter { $0.status == .failed } }
    public var succeeded: Bool { manifest.counts.failed == 0 && manifest.counts.notRun == 0 && !interrupted }
}

public final class BatchRunner: @unchecked Sendable {
    public let searchPath: PluginSearchPath
    public let settings: BatchSettings
    /// The batch running now, for `interrupt()`.
    private var current: RunState?
    private let currentLock = NSLock()

    public init(searchPath: PluginSearchPath, settings: BatchSettings) {
        self.searchPath = searchPath
        self.settings = settings
    }

    /// Checks that the output folder can be written, without running anything.
    public func prepareOutput() throws(OutputError) {
        try OutputDirectory.prepare(settings.output)
    }

    /// Runs `jobs` over `corpus`. Throws only when the output folder cannot be used (before anything
    /// runs) or the manifest and index cannot be written; a report's failure is in its record.
    public func run(_ jobs: [BatchJob], corpus: SharedCorpus, corpusSeconds: Double = 0,
                    events: @escaping @Sendable (BatchEvent) -> Void = { _ in }) throws(OutputError) -> BatchOutcome {
        let started = Date()
        try OutputDirectory.prepare(settings.output)
        OutputDirectory.removeLeftovers(in: settings.output)
        let previous = BatchManifest.previous(in: settings.output)
        var previousByName: [String: BatchRecord] = [:]
        for record in previous?.reports ?? [] { previousByName[record.name] = record }

        let state = RunState(count: jobs.count)
        let queue = triage(jobs, into: state, corpus: corpus, previous: previousByName)
        for index in jobs.indices where state.records[index]?.status == .upToDate {
            events(.finished(state.records[index]!, progress: state.progress))
        }
        state.queue = queue
        currentLock.withLock { current = state }
        defer { currentLock.withLock { current = nil } }

        let reportStart = Date()
        let workers = min(settings.jobs, queue.count)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                work(state: state, corpus: corpus, events: events)
                group.leave()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        group.wait()
        let reportSeconds = Date().timeIntervalSince(reportStart)

        // Reports the batch stopped before.
        for index in jobs.indices where state.records[index] == nil {
            state.records[index] = record(for: state.prepared[index]!, corpus: corpus, status: .notRun, seconds: 0)
        }
        let records = state.records.map { $0! }
        let manifest = try writeManifest(records, corpus: corpus, started: started, corpusSeconds: corpusSeconds,
                                         reportSeconds: reportSeconds)
        return BatchOutcome(manifest: manifest,
                            manifestURL: settings.output.appendingPathComponent(BatchManifest.fileName),
                            indexURL: settings.output.appendingPathComponent(BatchIndex.fileName),
                            interrupted: state.interrupted)
    }

    /// Sorts the jobs into those carried over (not selected), those up to date, and the queue to run, longest
    /// reports of the last run first so that no long one starts last.
    private func triage(_ jobs: [BatchJob], into state: RunState, corpus: SharedCorpus,
                        previous previousByName: [String: BatchRecord]) -> [Int] {
        var queue: [Int] = []
        var libraryHashes: [String: String] = [:]
        for (index, job) in jobs.enumerated() {
            let library = libraryHashes[job.file.directory.path] ?? libraryHash(for: job.file)
            libraryHashes[job.file.directory.path] = library
            let prepared = PreparedJob(job: job, pluginHash: ContentHash.of(file: job.file.url), libraryHash: library,
                                       previous: previousByName[job.name])
            state.prepared[index] = prepared
            if !job.selected {
                state.records[index] = carriedOver(prepared, corpus: corpus)
            } else if !settings.force, let upToDate = upToDate(prepared, corpus: corpus) {
                state.records[index] = upToDate
                state.progress.upToDate += 1
            } else {
                queue.append(index)
            }
        }
        state.progress.total = jobs.filter(\.selected).count
        state.progress.left = queue.count
        queue.sort { a, b in
            let ta = state.prepared[a]?.previous?.seconds ?? 0, tb = state.prepared[b]?.previous?.seconds ?? 0
            return ta != tb ? ta > tb : a < b
        }
        return queue
    }

    /// The batch's manifest and index, written together atomically.
    private func writeManifest(_ records: [BatchRecord], corpus: SharedCorpus, started: Date, corpusSeconds: Double,
                               reportSeconds: Double) throws(OutputError) -> BatchManifest {
        var counts = BatchManifest.Counts()
        for record in records { counts.add(record.status) }
        let manifest = BatchManifest(
            dossierVersion: settings.dossierVersion, generatedAt: Timestamp.now(started), plan: settings.planFile,
            jobs: settings.jobs,
            corpus: .init(path: settings.corpusPath, hash: corpus.hash, documents: corpus.corpus.documents.count,
                          visits: corpus.corpus.visits.count),
            seconds: corpusSeconds + Date().timeIntervalSince(started), reportSeconds: reportSeconds,
            reportCPUSeconds: records.filter { $0.status == .ok || $0.status == .failed }.compactMap(\.cpuSeconds).reduce(0, +),
            counts: counts, reports: records)
        let manifestData: Data
        do { manifestData = try manifest.encoded() } catch {
            throw OutputError("cannot encode \(BatchManifest.fileName): \(error)")
        }
        let index = BatchIndex.render(manifest)
        try OutputDirectory.writeAtomically([(BatchManifest.fileName, manifestData), (BatchIndex.fileName, Data(index.utf8))],
                                            in: settings.output)
        return manifest
    }

    /// Ctrl-C: stops the batch (running workers are killed, nothing more starts). Returns false when no
    /// batch is running.
    @discardableResult
    public func interrupt() -> Bool {
        guard let state = currentLock.withLock({ current }) else { return false }
        state.lock.withLock {
            state.interrupted = true
            state.stopping = true
        }
        return true
    }

    // MARK: Workers

    struct PreparedJob: Sendable {
        var job: BatchJob
        var pluginHash: String?
        var libraryHash: String
        var previous: BatchRecord?
    }

    /// What the workers share, behind one lock.
    final class RunState: @unchecked Sendable {
        let lock = NSLock()
        var prepared: [PreparedJob?]
        var records: [BatchRecord?]
        var queue: [Int] = []
        var next = 0
        var stopping = false
        var interrupted = false
        var progress = BatchProgress()

        init(count: Int) {
            prepared = Array(repeating: nil, count: count)
            records = Array(repeating: nil, count: count)
        }
    }

    private func work(state: RunState, corpus: SharedCorpus, events: @Sendable (BatchEvent) -> Void) {
        while true {
            state.lock.lock()
            guard !state.stopping, state.next < state.queue.count else {
                state.lock.unlock()
                return
            }
            let index = state.queue[state.next]
            state.next += 1
            let prepared = state.prepared[index]!
            state.progress.running.append(prepared.job.name)
            events(.started(name: prepared.job.name, progress: state.progress))
            state.lock.unlock()

            let (record, interrupted) = execute(prepared, state: state, corpus: corpus)

            state.lock.lock()
            state.progress.running.removeAll { $0 == prepared.job.name }
            if interrupted {
                state.interrupted = true
                state.stopping = true
            }
            // A report the batch stopped (a killed worker) stays unrecorded: "not run".
            if let record {
                state.records[index] = record
                state.progress.left -= 1
                if record.status == .ok { state.progress.done += 1 } else { state.progress.failed += 1 }
                if record.status == .failed && settings.failFast { state.stopping = true }
                events(.finished(record, progress: state.progress))
            }
            state.lock.unlock()
        }
    }

    /// Runs one report (in a worker process or in this one) and renames its files into place.
    private func execute(_ prepared: PreparedJob, state: RunState, corpus: SharedCorpus) -> (BatchRecord?, interrupted: Bool) {
        let start = Date()
        let task = ReportTask(job: prepared.job, output: settings.output)
        let outcome: ReportOutcome
        let cpuSeconds: Double
        if let workers = settings.workers {
            let (end, cpu) = WorkerProcess(settings: workers, request: workerRequest(task), pluginDisplayPath: prepared.job.file.displayPath)
                .run(started: { _ in }, shouldStop: { state.lock.withLock { state.stopping } })
            cpuSeconds = cpu
            switch end {
            case .outcome(let sent): outcome = sent
            case .failed(let failure): outcome = .failed(failure)
            case .stopped:
                removeFiles(of: prepared, keeping: [])
                return (nil, false)
            }
        } else {
            let cpuStart = Self.threadCPUTime()
            let host = PluginHost(searchPath: searchPath,
                                  options: PluginHostOptions(profile: settings.profile, limits: settings.limits,
                                                             output: { _ in }, dossierVersion: settings.dossierVersion))
            outcome = ReportExecution.run(task, host: host, corpus: corpus, started: start)
            cpuSeconds = Self.threadCPUTime() - cpuStart
        }
        return (finish(prepared, outcome, corpus: corpus, start: start, cpuSeconds: cpuSeconds), outcome.interrupted)
    }

    /// Renames a report's files into place and makes its record; on a failure removes every file of it.
    private func finish(_ prepared: PreparedJob, _ outcome: ReportOutcome, corpus: SharedCorpus, start: Date,
                        cpuSeconds: Double) -> BatchRecord {
        var failure = outcome.failure
        if failure == nil {
            do { try OutputDirectory.commit(outcome.files.map(\.pending)) } catch {
                for file in outcome.files { unlink(file.pending.final) }
                failure = BatchFailure(kind: "io", message: error.message, file: nil, line: nil, traceback: nil)
            }
        }
        if let failure {
            OutputDirectory.discard(outcome.files.map(\.pending))
            removeFiles(of: prepared, keeping: [])
            var record = record(for: prepared, corpus: corpus, status: .failed, seconds: Date().timeIntervalSince(start))
            record.cpuSeconds = cpuSeconds
            record.error = failure
            return record
        }
        let written = outcome.files.map(\.record)
        removeFiles(of: prepared, keeping: Set(written.map(\.path)))
        var record = record(for: prepared, corpus: corpus, status: .ok, seconds: Date().timeIntervalSince(start))
        record.cpuSeconds = cpuSeconds
        record.title = outcome.title ?? record.title
        record.pluginVersion = outcome.pluginVersion ?? record.pluginVersion
        record.params = outcome.params ?? prepared.job.params
        record.generatedAt = outcome.generatedAt ?? Timestamp.now(start)
        record.files = written
        return record
    }

    /// What a worker needs to run `task` as this batch would.
    private func workerRequest(_ task: ReportTask) -> WorkerRequest {
        WorkerRequest(task: task,
                      searchPath: searchPath.directories.map { .init(path: $0.url.path, origin: $0.origin.rawValue) },
                      memoryBytes: settings.limits.memoryBytes, timeSeconds: settings.limits.timeSeconds,
                      trusted: settings.profile == .trusted, dossierVersion: settings.dossierVersion,
                      corpusPath: settings.corpusPath, gazetteer: settings.gazetteerPaths, lexicon: settings.lexiconPaths,
                      corrections: settings.correctionPaths, extractors: settings.extractors,
                      memoryBackstopBytes: settings.limits.memoryBytes + 2 * Self.residentBytes() + (256 << 20))
    }

    /// This process's resident memory now (the corpus model, mostly), in bytes.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 256 << 20 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 256 << 20 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Removes the files an earlier run wrote for this report, except `keeping`: a report that fails now
    /// must not leave an old result that looks current.
    private func removeFiles(of prepared: PreparedJob, keeping: Set<String>) {
        for file in prepared.previous?.files ?? [] where !keeping.contains(file.path) && !file.path.contains("/") {
            unlink(settings.output.appendingPathComponent(file.path).path)
        }
    }

    /// The calling thread's CPU time, in seconds.
    static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    // MARK: Records

    private func record(for prepared: PreparedJob, corpus: SharedCorpus, status: BatchStatus, seconds: Double) -> BatchRecord {
        let job = prepared.job
        return BatchRecord(name: job.name, title: job.title, plugin: job.manifest?.name ?? job.file.name,
                           pluginFile: job.file.displayPath, pluginVersion: job.manifest?.version,
                           pluginHash: prepared.pluginHash, libraryHash: prepared.libraryHash,
                           params: job.resolvedParams ?? job.params, corpusHash: corpus.hash, status: status,
                           seconds: seconds, cpuSeconds: nil, generatedAt: nil, formats: job.formats.map(\.rawValue), files: [],
                           error: nil, command: reproduceCommand(job))
    }

    /// The last run's record, when corpus, plugin file, modules, parameters and formats are the same and
    /// its files are all there, unchanged.
    private func upToDate(_ prepared: PreparedJob, corpus: SharedCorpus) -> BatchRecord? {
        guard var old = prepared.previous, old.status.hasFiles || old.status == .notSelected,
              !old.files.isEmpty, let params = prepared.job.resolvedParams,
              old.corpusHash == corpus.hash, old.pluginHash != nil, old.pluginHash == prepared.pluginHash,
              old.libraryHash == prepared.libraryHash, old.params == params,
              old.formats == prepared.job.formats.map(\.rawValue), filesIntact(old.files) else { return nil }
        old.status = .upToDate
        old.command = reproduceCommand(prepared.job)
        old.pluginFile = prepared.job.file.displayPath
        old.error = nil
        return old
    }

    /// A report `--select` left out: its last record, with the files that are still there.
    private func carriedOver(_ prepared: PreparedJob, corpus: SharedCorpus) -> BatchRecord {
        guard var old = prepared.previous else {
            return record(for: prepared, corpus: corpus, status: .notSelected, seconds: 0)
        }
        old.status = .notSelected
        old.files = filesIntact(old.files) ? old.files : []
        return old
    }

    private func filesIntact(_ files: [BatchFileRecord]) -> Bool {
        files.allSatisfy { file in
            !file.path.contains("/") && ContentHash.of(file: settings.output.appendingPathComponent(file.path)) == file.hash
        }
    }

    /// One hash over every Lua module a plugin may `require` (the `lib/` folders of the search path and
    /// of the plugin's own folder): a change to a shared module makes every report out of date.
    private func libraryHash(for file: PluginFile) -> String {
        var folders = searchPath.directories.map(\.library)
        folders.append(file.directory.appendingPathComponent("lib", isDirectory: true))
        var seen = Set<String>()
        var hash = ContentHash()
        for folder in folders where seen.insert(folder.standardizedFileURL.path).inserted {
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
            var paths: [String] = []
            while let path = enumerator.nextObject() as? String { if path.hasSuffix(".lua") { paths.append(path) } }
            for path in paths.sorted() {
                hash.add(folder.path + "/" + path + "\n")
                if let data = try? Data(contentsOf: folder.appendingPathComponent(path)) { hash.add(data) }
            }
        }
        return hash.hex
    }

    /// `dossier run ... --format F --out DIR/NAME.F` for the report's first format.
    func reproduceCommand(_ job: BatchJob) -> String {
        var words = ["dossier", "run", job.file.origin == .bundled || job.file.origin == .option || job.file.origin == .environment
                        ? job.file.name : job.file.displayPath]
        let params = job.resolvedParams ?? job.params
        for key in params.keys.sorted() { words += ["--param", "\(key)=\(params[key]!)"] }
        if settings.corpusPath != "Data/corpus" { words += ["--corpus", settings.corpusPath] }
        words += settings.runArguments
        if settings.limits.timeSeconds != LuaLimits.defaultTimeSeconds, let seconds = settings.limits.timeSeconds {
            words += ["--timeout", LuaValue.number(seconds).description]
        }
        if settings.limits.memoryBytes != LuaLimits().memoryBytes {
            words += ["--memory", String(settings.limits.memoryBytes / (1024 * 1024))]
        }
        if let format = job.formats.first {
            let name = "\(job.name).\(BatchFormats.fileExtension(format))"
            words += ["--format", format.rawValue, "--out", PluginFile(url: settings.output.appendingPathComponent(name), origin: .path).displayPath]
        }
        return words.map(Shell.quote).joined(separator: " ")
    }
}

enum Shell {
    /// A word as a POSIX shell reads it back.
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./=:,@%+".unicodeScalars.contains($0))
        }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
