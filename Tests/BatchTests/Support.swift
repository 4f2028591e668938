import Batch
import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import Reports
import ScriptingAPI

/// The repository root (Tests/BatchTests/../..).
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The bundled corpus and gazetteer, built once for every test.
let bundledCorpus: SharedCorpus = {
    let (gazetteer, _) = Gazetteer.load(directories: [repository.appendingPathComponent("Data/gazetteer")])
    let (corpus, _) = CorpusBuilder(gazetteer: gazetteer).build(directory: repository.appendingPathComponent("Data/corpus"))
    return SharedCorpus(corpus)
}()

/// Test plugins, written into a fresh folder per test.
enum TestPlugins {
    /// A good plugin: a table and a bar chart with `bars` bars.
    static let good = """
    return {
      name = "good",
      title = "A good report",
      version = "1.2.0",
      params = {
        bars = { type = "integer", default = 3, description = "How many bars." },
        country = { type = "country", default = "VNM" },
        label = { type = "string", default = "x", choices = { "x", "y", "z" } },
      },
      run = function(ctx)
        local p = ctx.params
        ctx.report.heading("Bars for " .. p.country, 1)
        local categories, values, rows = {}, {}, {}
        for i = 1, p.bars do
          categories[i] = p.label .. i
          values[i] = i * 10
          rows[i] = { p.label .. i, i * 10 }
        end
        ctx.report.table{ columns = { "Label", "Value" }, rows = rows }
        ctx.report.chart{ type = "bar", title = "Bars", categories = categories,
                          series = { { name = "Value", values = values } } }
      end,
    }
    """

    /// Fails on line 6.
    static let failing = """
    return {
      name = "failing",
      title = "A failing report",
      version = "0.1.0",
      run = function(ctx)
        error("deliberate failure in the plugin")
      end,
    }
    """

    /// Never ends: the time limit stops it.
    static let loop = """
    return {
      name = "loop",
      title = "A report that never ends",
      version = "0.1.0",
      run = function(ctx)
        local n = 0
        while true do n = n + 1 end
      end,
    }
    """

    /// Takes memory until the cap stops it.
    static let hog = """
    return {
      name = "hog",
      title = "A report that eats memory",
      version = "0.1.0",
      run = function(ctx)
        local t = {}
        for i = 1, 1e9 do t[i] = string.rep("x", 100000) .. i end
      end,
    }
    """
}

/// A fresh folder under the temporary directory, removed by `cleanUp()`.
final class Scratch {
    let root: URL

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-batch-tests-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var plugins: URL { root.appendingPathComponent("plugins", isDirectory: true) }
    var out: URL { root.appendingPathComponent("out", isDirectory: true) }

    /// Writes `plugins/NAME.lua` for each entry.
    func writePlugins(_ files: [String: String]) {
        try! FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        for (name, text) in files {
            try! Data(text.utf8).write(to: plugins.appendingPathComponent("\(name).lua"))
        }
    }

    /// Writes a plan file and returns its path.
    func writePlan(_ text: String, name: String = "plan.yaml") -> String {
        let url = root.appendingPathComponent(name)
        try! Data(text.utf8).write(to: url)
        return url.path
    }

    func files(in directory: URL? = nil) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: (directory ?? out).path)) ?? []).sorted()
    }

    func text(_ name: String) -> String? {
        (try? Data(contentsOf: out.appendingPathComponent(name))).map { String(decoding: $0, as: UTF8.self) }
    }

    func searchPath() -> PluginSearchPath {
        PluginSearchPath(directories: [PluginDirectory(url: plugins, origin: .bundled)])
    }

    func host(limits: LuaLimits = LuaLimits()) -> PluginHost {
        PluginHost(searchPath: searchPath(), options: PluginHostOptions(limits: limits, output: { _ in }))
    }

    /// Plans, checks and runs a batch as `dossier batch` does.
    func batch(plan text: String, limits: LuaLimits = LuaLimits(memoryMiB: 64, timeSeconds: 5), jobs: Int = 2,
               failFast: Bool = false, force: Bool = false, select: [String] = [],
               formats: [ReportFormat]? = nil, out: URL? = nil) throws -> BatchOutcome {
        let path = writePlan(text)
        let plan = try BatchPlan.load(path: path)
        let host = host(limits: limits)
        let planner = BatchPlanner(host: host)
        var jobsList = try planner.jobs(for: plan, formats: formats, select: select)
        jobsList = try planner.resolve(jobsList, corpus: bundledCorpus.corpus)
        let settings = BatchSettings(output: out ?? self.out, jobs: jobs, failFast: failFast, force: force,
                                     limits: limits, dossierVersion: "9.9.9", planFile: path)
        return try BatchRunner(searchPath: searchPath(), settings: settings).run(jobsList, corpus: bundledCorpus)
    }
}

/// The problems of a refused plan.
func planProblems(_ body: () throws -> Void) -> [PlanProblem]? {
    do {
        try body()
        return nil
    } catch let error as PlanError {
        return error.problems
    } catch {
        return nil
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
