// `dossier batch`: many reports in one command, in parallel, written atomically, with an HTML index and
// a manifest (see Sources/Batch).
import ArgumentParser
import Batch
import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import Reports
import ScriptingAPI

extension Dossier {
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch",
            abstract: "Make many reports at once: every plugin, or those of a plan, into one folder with an index.",
            discussion: """
            Without --plan, every plugin on the search path runs once with its defaults. A plan is a YAML \
            file listing reports; it is checked whole before anything runs: an unknown plugin or \
            parameter, or a bad value, is refused with the plan's line and a hint (exit status 64).

              formats: [md, html]                # optional, for every report
              extractors: [my/veto.lua]          # optional: extractor plugins to build the model with
              reports:
                - corpus-summary                 # a plugin with its defaults
                - plugin: visits-per-decade      # one report per parameter set
                  name: decades-{country}        # optional; {param}: its value
                  params: { status: any }        # shared by every set
                  param_sets: [ { country: VNM }, { country: PRK } ]

            Each report runs in a worker process of its own (which builds the corpus for itself), with the \
            --timeout and --memory limits, up to --jobs at once (default: the number of cores; --jobs also \
            sets the threads that build the corpus). A report that outlives its time limit by 2 s is \
            killed; a worker also has an OS memory limit; a crash ends only its report. Files are written \
            whole or not at all; a report that fails leaves no file, its error (plugin file and line) is \
            recorded and the others go on, unless --fail-fast, which also stops the running reports. DIR/index.html links every report; DIR/manifest.json records, for each, the plugin \
            and its version, the parameters, the corpus hash, the time, the status, the files and a \
            'dossier run' command that makes it again. A report whose corpus, plugin file, modules and \
            parameters are unchanged since the last run into DIR is not run again, unless --force.

            Exit status: 0 when every report was made or is up to date; 1 when any failed, --fail-fast \
            stopped the batch, or the output folder cannot be written; 64 for a bad command line or plan; \
            130 after Ctrl-C.
            """)

        @Option(help: ArgumentHelp("A YAML plan of the reports to make (default: every plugin with its defaults).", valueName: "file"))
        var plan: String?

        @Option(help: ArgumentHelp("The folder to write the reports, index.html and manifest.json to.", valueName: "dir"))
        var out: String = "reports"

        @Option(help: ArgumentHelp("Formats of every report, comma-separated: text, md, csv, json, html (default: the plan's, else md,csv,json,html).",
                                   valueName: "list"))
        var formats: String?

        @Option(name: .customLong("select"),
                help: ArgumentHelp("Run only the reports whose name or plugin matches: a name, a glob ('visit-*') or category:NAME; repeat for several. The others keep their last results.",
                                   valueName: "pattern"))
        var select: [String] = []

        @Flag(help: "Stop starting reports after the first failure.")
        var failFast = false

        @Flag(help: "Run every report, even those that are up to date.")
        var force = false

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var pluginPath: PluginPathOptions
        @OptionGroup var lua: LuaRunOptions

        func run() throws {
            let started = Date()
            var corpusOptions = self.corpusOptions
            // Ctrl-C: once the reports run, the workers are killed and the manifest records what was done;
            // before (planning, building the corpus), the command just ends.
            let running = RunningBatch()
            LuaState.installInterruptHandler { if !running.interrupt() { Foundation.exit(ExitStatus.interrupted) } }
            let host = try pluginPath.host(lua: lua)

            // The plan, checked against the plugins before anything is built or run.
            let planner = BatchPlanner(host: host)
            let (batchPlan, plannedJobs) = try planJobs(host: host, planner: planner)
            let extractors = selectExtractors(of: batchPlan, into: &corpusOptions)
            let settings = try batchSettings(corpusOptions: corpusOptions, host: host, extractors: extractors)
            let runner = BatchRunner(searchPath: host.searchPath, settings: settings)
            running.set(runner)
            do { try runner.prepareOutput() } catch {
                standardError("dossier batch: \(error.message)")
                throw ExitCode(ExitStatus.failure)
            }

            // The corpus, built once; then countries and persons of the plan checked against it.
            let corpus = SharedCorpus(try corpusOptions.build(), extractorDigest: extractors?.digest ?? 0)
            let jobs: [BatchJob]
            do { jobs = try planner.resolve(plannedJobs, corpus: corpus.corpus) } catch { refuse(error) }
            let corpusSeconds = Date().timeIntervalSince(started)

            let display = BatchDisplay(terminal: Terminal.isStandardOutput, width: Terminal.width)
            let outcome: BatchOutcome
            do {
                outcome = try runner.run(jobs, corpus: corpus, corpusSeconds: corpusSeconds) { event in display.show(event) }
            } catch {
                display.finish()
                standardError("dossier batch: \(error.message)")
                throw ExitCode(ExitStatus.failure)
            }
            display.finish()
            try finish(with: outcome)
        }

        /// The plan (`--plan`, else every plugin found) and its jobs under `--formats` (else the workspace's formats)
        /// and `--select`; a plan with problems is refused.
        private func planJobs(host: PluginHost, planner: BatchPlanner) throws -> (BatchPlan, [BatchJob]) {
            do {
                var formatOverride: [ReportFormat]?
                if let formats { formatOverride = try BatchFormats.parseList(formats) }
                let batchPlan: BatchPlan
                if let plan {
                    batchPlan = try BatchPlan.load(path: plan)
                } else {
                    let names = host.catalog.plugins.map(\.name)
                    guard !names.isEmpty else {
                        standardError("no plugins found in \(host.searchPath.directories.map { $0.url.path }.joined(separator: ", "))")
                        throw ExitCode(ExitStatus.usage)
                    }
                    batchPlan = BatchPlan.every(names)
                }
                if formatOverride == nil, batchPlan.formats == nil, let workspace = try DossierPaths.workspace(), !workspace.formats.isEmpty {
                    formatOverride = try BatchFormats.parseList(workspace.formats.joined(separator: ","))
                }
                return (batchPlan, try planner.jobs(for: batchPlan, formats: formatOverride, select: select))
            } catch let error as PlanError {
                refuse(error)
            }
        }

        /// The runner's settings: output, limits, every model input, and the reproduce commands' arguments.
        private func batchSettings(corpusOptions: CorpusOptions, host: PluginHost,
                                   extractors: ExtractorRunner?) throws -> BatchSettings {
            let jobCount = corpusOptions.jobs ?? ProcessInfo.processInfo.activeProcessorCount
            let corpusFolders = try corpusOptions.corpusFolders()
            var settings = BatchSettings(output: URL(fileURLWithPath: out, isDirectory: true), jobs: jobCount,
                                         failFast: failFast, force: force, limits: lua.limits, profile: lua.profile,
                                         dossierVersion: DossierVersion.number, corpusPath: corpusFolders[0].path,
                                         planFile: plan,
                                         runArguments: try reproduceArguments(corpusOptions: corpusOptions, host: host,
                                                                              extractors: extractors))
            settings.gazetteerPaths = try corpusOptions.gazetteerFolders().map(\.path)
            let lexicon = try corpusOptions.lexiconLayers()
            if !lexicon.overlays.isEmpty || corpusOptions.noBundledLexicon {
                settings.lexiconPaths = ([lexicon.base] + lexicon.overlays).map(\.path)
            }
            settings.correctionPaths = try corpusOptions.correctionFiles(folders: corpusFolders).map(\.path)
            if let extractors { settings.extractors = BatchExtractors(plugins: extractors.plugins, modulePath: extractors.modulePath) }
            settings.workers = .thisExecutable
            return settings
        }

        /// The options a report's reproduce command needs besides the first corpus folder: every folder absolute,
        /// so the command works from anywhere.
        private func reproduceArguments(corpusOptions: CorpusOptions, host: PluginHost,
                                        extractors: ExtractorRunner?) throws -> [String] {
            var arguments: [String] = []
            for folder in try corpusOptions.corpusFolders().dropFirst() { arguments += ["--corpus", folder.path] }
            for directory in host.searchPath.directories where directory.origin == .option { arguments += ["--plugins", directory.url.path] }
            if corpusOptions.noBundledGazetteer { arguments.append("--no-bundled-gazetteer") }
            for directory in try corpusOptions.gazetteerFolders() { arguments += ["--gazetteer", directory.path] }
            for file in corpusOptions.corrections { arguments += ["--corrections", URL(fileURLWithPath: file).standardizedFileURL.path] }
            if corpusOptions.noBundledLexicon { arguments.append("--no-bundled-lexicon") }
            for directory in corpusOptions.lexicon { arguments += ["--lexicon", URL(fileURLWithPath: directory).standardizedFileURL.path] }
            for plugin in extractors?.plugins ?? [] { arguments += ["--extractors", plugin.file.standardizedFileURL.path] }
            if lua.unsafe { arguments.append("--unsafe") }
            return arguments
        }

        /// The summary, the failures' messages, and the exit status.
        private func finish(with outcome: BatchOutcome) throws {
            print("")
            print(Terminal.align(BatchConsole.summaryRows(outcome.manifest)))
            print("")
            print(BatchConsole.totals(outcome.manifest))
            print("index: \(outcome.indexURL.path)")
            print("manifest: \(outcome.manifestURL.path)")
            fflush(nil)
            for failure in outcome.failures {
                standardError("\n\(failure.name) (\(failure.pluginFile)):\n\(failure.error?.message ?? "failed")"
                              + (failure.error?.traceback.map { "\n" + $0 } ?? ""))
            }
            if outcome.interrupted { throw ExitCode(ExitStatus.interrupted) }
            if !outcome.succeeded {
                if outcome.manifest.counts.notRun > 0 && failFast {
                    standardError("--fail-fast: \(outcome.manifest.counts.notRun) report\(outcome.manifest.counts.notRun == 1 ? "" : "s") not run")
                }
                throw ExitCode(ExitStatus.failure)
            }
        }

        /// The extractor plugins the model is built with: --extractors, else the plan's `extractors` (names, or `.lua`
        /// paths relative to the plan), else the workspace's. A plan's that cannot be used refuses the plan.
        private func selectExtractors(of plan: BatchPlan, into options: inout CorpusOptions) -> ExtractorRunner? {
            if options.extractors.isEmpty, let first = plan.extractors.first {
                options.extractors = plan.extractors.map { value in
                    value.text.hasSuffix(".lua") ? URL(fileURLWithPath: value.text, relativeTo: plan.directory).standardizedFileURL.path : value.text
                }
                do { return try options.extractorRunner() } catch {
                    let message = (error as? ValidationError)?.message ?? "\(error)"
                    refuse(PlanError(first.location ?? PlanLocation(file: plan.file ?? "plan"),
                                     message.replacingOccurrences(of: "--extractors: ", with: "extractors: ")))
                }
            }
            do { return try options.extractorRunner() } catch {
                standardError("dossier batch: \((error as? ValidationError)?.message ?? "\(error)")")
                Foundation.exit(ExitStatus.usage)
            }
        }

        /// Prints every problem of a refused plan and exits with the usage status.
        private func refuse(_ error: PlanError) -> Never {
            for problem in error.problems { standardError(problem.description) }
            let n = error.problems.count
            let what = error.problems.contains { $0.location != nil } ? "the plan was refused" : "refused"
            standardError("dossier batch: \(what) (\(n) problem\(n == 1 ? "" : "s")); nothing was run")
            Foundation.exit(ExitStatus.usage)
        }
    }
}

/// The batch runner, once there is one, for the Ctrl-C handler (installed before it exists).
final class RunningBatch: @unchecked Sendable {
    private let lock = NSLock()
    private var runner: BatchRunner?

    func set(_ runner: BatchRunner) { lock.withLock { self.runner = runner } }

    /// Stops the batch; false when none is running (the handler then ends the command).
    func interrupt() -> Bool { lock.withLock { runner }?.interrupt() ?? false }
}

/// The progress display: a bar redrawn in place on a terminal, one line per report otherwise.
final class BatchDisplay: @unchecked Sendable {
    let terminal: Bool
    let width: Int
    private let lock = NSLock()
    private var barShown = false

    init(terminal: Bool, width: Int) {
        self.terminal = terminal
        self.width = width
    }

    func show(_ event: BatchEvent) {
        lock.lock()
        defer { lock.unlock() }
        if terminal {
            switch event {
            case .started(_, let progress):
                draw(progress)
            case .finished(let record, let progress):
                if record.status == .failed {
                    write("\r\u{1B}[K" + BatchConsole.line(record, progress: progress) + "\n")
                }
                draw(progress)
            }
        } else if case .finished(let record, let progress) = event {
            write(BatchConsole.line(record, progress: progress) + "\n")
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if terminal && barShown {
            write("\n")
            barShown = false
        }
    }

    private func draw(_ progress: BatchProgress) {
        write("\r\u{1B}[K" + BatchConsole.progressBar(progress, width: width))
        barShown = true
    }

    private func write(_ text: String) {
        StandardOutput.write(text)
    }
}
