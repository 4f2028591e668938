// From a plan to jobs: every entry checked against the plugins before anything runs. Plugins are
// resolved on the search path, parameters checked against their manifests (names with a "did you
// mean" hint, values by type and choices), output names derived and checked for clashes. Countries
// and persons need the corpus, so they are checked in a second step, once it is built, still before
// any report runs. Every problem carries the plan file's line.

import CorpusModel
import Foundation
import PluginHost
import Reports

/// One report to make.
public struct BatchJob: Sendable {
    /// The output name: files are `NAME.md`, `NAME.html` and so on.
    public var name: String
    public var file: PluginFile
    /// The manifest, or nil for a plain script or a plugin that cannot be loaded (it fails when run).
    public var manifest: PluginManifest?
    /// Why the plugin could not be inspected, when it could not.
    public var inspectionProblems: [String]
    /// The parameters as the plan gives them (text, as `--param` takes them).
    public var params: [String: String]
    public var paramLocations: [String: PlanLocation]
    public var formats: [ReportFormat]
    public var location: PlanLocation?
    /// Every parameter with defaults applied, in canonical text (set by `resolve(_:corpus:)`); nil when
    /// the defaults themselves are invalid (the run will say why).
    public var resolvedParams: [String: String]?
    /// False when `--select` leaves the report out of this run.
    public var selected = true

    /// The title to show before the plugin has run.
    public var title: String { manifest?.title ?? file.name }
}

/// Turns plans into jobs and checks them.
public struct BatchPlanner {
    public let host: PluginHost

    public init(host: PluginHost) { self.host = host }

    /// The jobs of `plan`: `formats` (from `--formats`) overrides the plan's; `select` (from
    /// `--select`) marks which run. Throws every problem found.
    public func jobs(for plan: BatchPlan, formats override: [ReportFormat]? = nil,
                     select: [String] = []) throws(PlanError) -> [BatchJob] {
        var problems = plan.problems
        var jobs: [BatchJob] = []
        for entry in plan.reports {
            jobs += entryJobs(entry, of: plan, formats: override, problems: &problems)
        }
        let planLabel = plan.file ?? "the default plan"
        problems += clashingNames(of: jobs, planLabel: planLabel)
        if !select.isEmpty { problems += mark(&jobs, selectedBy: select, planLabel: planLabel) }
        if !problems.isEmpty { throw PlanError(Self.ordered(problems)) }
        return jobs
    }

    /// One job per parameter set of `entry`; a set whose parameters or output name are wrong adds problems instead.
    private func entryJobs(_ entry: PlanEntry, of plan: BatchPlan, formats override: [ReportFormat]?,
                           problems: inout [PlanProblem]) -> [BatchJob] {
        let file: PluginFile
        do {
            file = try resolvePlugin(entry.plugin, in: plan)
        } catch {
            problems.append(PlanProblem(entry.pluginLocation, error.message))
            return []
        }
        let inspection = host.inspect(file)
        let manifest = inspection.manifest
        let sets = entry.paramSets.isEmpty ? [[:]] : entry.paramSets
        var jobs: [BatchJob] = []
        for (index, set) in sets.enumerated() {
            let merged = entry.params.merging(set) { _, new in new }
            let paramProblems = parameterProblems(merged, of: entry, file: file, inspection: inspection)
            guard paramProblems.isEmpty else { problems += paramProblems; continue }
            let setLocation = entry.paramSets.isEmpty ? entry.location : entry.paramSetLocations[index]
            let name: String
            do {
                name = try outputName(entry: entry, file: file, manifest: manifest, params: merged,
                                      own: entry.paramSets.isEmpty ? merged : set)
            } catch {
                problems.append(PlanProblem(entry.nameLocation ?? setLocation, error.message))
                continue
            }
            let formats = override ?? entry.formats ?? plan.formats ?? BatchPlan.defaultFormats
            var locations: [String: PlanLocation] = [:]
            for (key, value) in merged { if let location = value.location { locations[key] = location } }
            jobs.append(BatchJob(name: name, file: file, manifest: manifest, inspectionProblems: inspection.problems,
                                 params: merged.mapValues(\.text), paramLocations: locations, formats: formats,
                                 location: setLocation))
        }
        return jobs
    }

    /// Parameters checked against the plugin's manifest: unknown names (with a "did you mean") and values by type
    /// and choices. Countries and persons wait for the corpus.
    private func parameterProblems(_ params: [String: PlanValue], of entry: PlanEntry, file: PluginFile,
                                   inspection: PluginInspection) -> [PlanProblem] {
        guard let manifest = inspection.manifest else {
            guard !inspection.isScript, !params.isEmpty else { return [] }
            let why = inspection.problems.first ?? "its manifest cannot be read"
            return [PlanProblem(entry.pluginLocation, "cannot check the parameters of '\(file.name)': \(why)")]
        }
        let noEntities = ParamResolver(corpus: Corpus(entities: []))
        let names = manifest.params.map(\.name)
        var problems: [PlanProblem] = []
        for key in params.keys.sorted() {
            let value = params[key]!
            guard let spec = manifest.param(named: key) else {
                let known = names.isEmpty ? "it takes no parameters" : "its parameters are: \(names.joined(separator: ", "))"
                problems.append(PlanProblem(value.location ?? entry.location,
                                            "unknown parameter '\(key)' for plugin '\(manifest.name)'\(BatchSuggestion.hint(for: key, among: names)); \(known)"))
                continue
            }
            if spec.type == .country || spec.type == .person { continue }  // checked with the corpus
            do { _ = try noEntities.resolve(value.text, for: spec) } catch {
                problems.append(PlanProblem(value.location ?? entry.location,
                                            "parameter '\(key)' of plugin '\(manifest.name)': \(error.reason)"))
            }
        }
        return problems
    }

    /// Output names must be unique (case-insensitively: some file systems fold case).
    private func clashingNames(of jobs: [BatchJob], planLabel: String) -> [PlanProblem] {
        var seen: [String: BatchJob] = [:]
        var problems: [PlanProblem] = []
        for job in jobs {
            let key = job.name.lowercased()
            if let first = seen[key] {
                let firstPlace = first.location.map { " (also at \($0))" } ?? ""
                problems.append(PlanProblem(job.location ?? PlanLocation(file: planLabel),
                                            "two reports would both be written as '\(job.name)'\(firstPlace); give one a different 'name' (e.g. name: \(job.file.name)-{param})"))
            } else {
                seen[key] = job
            }
        }
        return problems
    }

    /// `--select`: marks which reports run now; a selector that matches none is a problem.
    private func mark(_ jobs: inout [BatchJob], selectedBy select: [String], planLabel: String) -> [PlanProblem] {
        var matchedAny = Array(repeating: false, count: select.count)
        for index in jobs.indices {
            let categories = jobs[index].manifest?.categories ?? []
            var selected = false
            for (s, text) in select.enumerated() {
                let selector = PluginSelector(text)
                if selector.matches(name: jobs[index].name, categories: categories)
                    || selector.matches(name: jobs[index].file.name, categories: categories) {
                    selected = true
                    matchedAny[s] = true
                }
            }
            jobs[index].selected = selected
        }
        let names = Array(Set(jobs.map(\.name) + jobs.map(\.file.name))).sorted()
        return select.enumerated().filter { !matchedAny[$0.offset] }.map { _, text in
            PlanProblem(nil, "--select \(text): matches no report of \(planLabel)\(BatchSuggestion.hint(for: text, among: names))")
        }
    }

    /// Problems in the order of the plan's lines (command-line problems last), stable otherwise.
    static func ordered(_ problems: [PlanProblem]) -> [PlanProblem] {
        problems.enumerated().sorted { a, b in
            let la = a.element.location?.line ?? Int.max, lb = b.element.location?.line ?? Int.max
            if la != lb { return la < lb }
            let ca = a.element.location?.column ?? 0, cb = b.element.location?.column ?? 0
            return ca != cb ? ca < cb : a.offset < b.offset
        }.map(\.element)
    }

    /// Checks countries and persons against the corpus and fills in `resolvedParams`.
    public func resolve(_ jobs: [BatchJob], corpus: Corpus) throws(PlanError) -> [BatchJob] {
        let resolver = ParamResolver(corpus: corpus)
        var problems: [PlanProblem] = []
        var result = jobs
        for index in result.indices {
            let job = result[index]
            guard let manifest = job.manifest else {
                result[index].resolvedParams = job.params
                continue
            }
            var ok = true
            for key in job.params.keys.sorted() {
                guard let spec = manifest.param(named: key), spec.type == .country || spec.type == .person else { continue }
                do { _ = try resolver.resolve(job.params[key]!, for: spec) } catch {
                    problems.append(PlanProblem(job.paramLocations[key] ?? job.location,
                                                "parameter '\(key)' of plugin '\(manifest.name)': \(error.reason)"))
                    ok = false
                }
            }
            guard ok else { continue }
            if let values = try? resolver.resolve(job.params, for: manifest, file: job.file) {
                result[index].resolvedParams = values.mapValues(\.description)
            }
        }
        if !problems.isEmpty { throw PlanError(Self.ordered(problems)) }
        return result
    }

    struct NameError: Error { var message: String }

    /// The plugin a plan entry names: a path (relative to the plan's folder) or a name on the search path.
    func resolvePlugin(_ text: String, in plan: BatchPlan) throws(NameError) -> PluginFile {
        var argument = text
        if text.hasSuffix(".lua") || text.contains("/") {
            if !text.hasPrefix("/") {
                argument = plan.directory.appendingPathComponent(text).standardizedFileURL.path
            }
        }
        do {
            return try host.resolve(argument)
        } catch {
            if argument != text {
                throw NameError(message: "\(text): no such plugin file (looked for \(argument))")
            }
            throw NameError(message: "unknown plugin '\(text)'\(BatchSuggestion.hint(for: text, among: host.catalog.plugins.map(\.name)))" + searchPathNote)
        }
    }

    private var searchPathNote: String {
        let folders = host.searchPath.directories.map { $0.url.path }
        return folders.isEmpty ? "; the plugin search path is empty" : "; looked in \(folders.joined(separator: ", "))"
    }

    /// The output name: the entry's `name` with `{param}` replaced, or the plugin's name followed by the
    /// report's own parameters (`visits-per-decade_country-VNM`).
    func outputName(entry: PlanEntry, file: PluginFile, manifest: PluginManifest?, params: [String: PlanValue],
                    own: [String: PlanValue]) throws(NameError) -> String {
        var name: String
        if let template = entry.name {
            name = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                name += rest[..<open]
                guard let close = rest[open...].firstIndex(of: "}") else {
                    throw NameError(message: "name '\(template)': '{' without '}'")
                }
                let key = String(rest[rest.index(after: open)..<close])
                if let value = params[key] {
                    name += value.text
                } else if let value = manifest?.param(named: key)?.defaultText {
                    name += value
                } else {
                    let known = Array(Set(params.keys).union(manifest?.params.map(\.name) ?? [])).sorted()
                    throw NameError(message: "name '\(template)': no parameter '\(key)' to fill '{\(key)}' with\(BatchSuggestion.hint(for: key, among: known))")
                }
                rest = rest[rest.index(after: close)...]
            }
            name += rest
            if !entry.paramSets.isEmpty, entry.paramSets.count > 1, !template.contains("{") {
                throw NameError(message: "name '\(template)' is the same for each of the \(entry.paramSets.count) parameter sets; add a {param} placeholder")
            }
        } else {
            name = file.name
            for key in own.keys.sorted() { name += "_\(key)-\(own[key]!.text)" }
        }
        let safe = BatchNames.sanitize(name)
        guard !safe.isEmpty else { throw NameError(message: "name '\(name)' has no usable characters") }
        if BatchNames.reserved.contains(safe.lowercased()) {
            throw NameError(message: "name '\(safe)' is reserved for the batch's own \(safe.lowercased() == "index" ? "index.html" : "manifest.json"); choose another")
        }
        return safe
    }
}

/// Output names: file-system and URL safe.
public enum BatchNames {
    static let reserved: Set<String> = ["index", "manifest"]

    /// Letters and digits (diacritics dropped), `.`, `_` and `-`; anything else becomes `-`.
    public static func sanitize(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
        var out = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasPrefix(".") || out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return String(out.prefix(120))
    }
}
