// Batch plans: which reports to make, read from a YAML file with Yams. Every node keeps its line, so a
// problem found now or later (an unknown plugin or parameter, a bad value) points at the plan's line.
//
//     formats: [md, html]              # optional: the formats of every report (default md, csv, json, html)
//     reports:
//       - corpus-summary               # a plugin with its defaults
//       - plugin: visits-per-decade
//         params: { min_level: minister }
//       - plugin: visits-per-decade    # one report per parameter set
//         name: decades-{country}      # optional output name; {param} is replaced by the value
//         params: { status: any }      # shared by every set
//         param_sets:
//           - { country: VNM }
//           - { country: PRK }
//         formats: [html]

import Foundation
import Reports
import GuardedYAML
import TerminalText
import Yams

/// A place in a plan file: `plan.yaml:12:5`.
public struct PlanLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    init(file: String, mark: Mark?) {
        self.init(file: file, line: mark?.line, column: mark?.column)
    }

    /// `file:line:column`, the file name's control characters escaped.
    public var description: String {
        let file = TerminalText.escaped(self.file)
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

/// One problem of a plan, with where it is.
public struct PlanProblem: Sendable, Equatable, CustomStringConvertible {
    /// `nil` for a problem of the command line (`--select`, `--formats`) rather than of a plan file.
    public var location: PlanLocation?
    public var message: String

    public init(_ location: PlanLocation?, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        let message = TerminalText.escaped(self.message, keepingNewlines: true)
        return location.map { "\($0): \(message)" } ?? message
    }
}

/// A plan refused: every problem found, not only the first.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public var problems: [PlanProblem]

    public init(_ problems: [PlanProblem]) { self.problems = problems }
    public init(_ location: PlanLocation?, _ message: String) { problems = [PlanProblem(location, message)] }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A parameter value as the plan gives it, with its place.
public struct PlanValue: Sendable, Equatable {
    public var text: String
    public var location: PlanLocation?

    public init(_ text: String, location: PlanLocation? = nil) {
        self.text = text
        self.location = location
    }
}

/// One entry of a plan's `reports` list, before it is checked against the plugins.
public struct PlanEntry: Sendable, Equatable {
    /// A plugin name, or a path to a `.lua` file (relative to the plan's folder).
    public var plugin: String
    public var pluginLocation: PlanLocation?
    /// The output name, possibly with `{param}` placeholders; nil to derive it from the plugin and params.
    public var name: String?
    public var nameLocation: PlanLocation?
    /// The parameters shared by every set.
    public var params: [String: PlanValue]
    /// One report per set (each merged over `params`); empty for a single report.
    public var paramSets: [[String: PlanValue]]
    public var paramSetLocations: [PlanLocation?]
    /// The entry's formats; nil for the plan's (or the command line's).
    public var formats: [ReportFormat]?
    public var location: PlanLocation?

    public init(plugin: String, name: String? = nil, params: [String: PlanValue] = [:],
                paramSets: [[String: PlanValue]] = [], formats: [ReportFormat]? = nil,
                location: PlanLocation? = nil) {
        self.plugin = plugin
        self.pluginLocation = location
        self.name = name
        self.nameLocation = location
        self.params = params
        self.paramSets = paramSets
        self.paramSetLocations = paramSets.map { _ in location }
        self.formats = formats
        self.location = location
    }
}

/// A batch plan: the reports to make.
public struct BatchPlan: Sendable, Equatable {
    /// The plan file as given, or nil for the default plan (every plugin with its defaults).
    public var file: String?
    /// The formats of every report that does not name its own.
    public var formats: [ReportFormat]?
    public var formatsLocation: PlanLocation?
    public var reports: [PlanEntry]
    /// Extractor plugins to build the model with (docs/extractors.md): names, or `.lua` paths relative to the plan.
    public var extractors: [PlanValue] = []
    /// Problems that did not keep the rest of the plan from being read (an unknown key or format); the
    /// planner reports them with its own, so one run shows every problem.
    public var problems: [PlanProblem] = []

    public init(file: String? = nil, formats: [ReportFormat]? = nil, reports: [PlanEntry]) {
        self.file = file
        self.formats = formats
        self.reports = reports
    }

    /// The formats of a batch when neither the command line nor the plan names any.
    public static let defaultFormats: [ReportFormat] = [.md, .csv, .json, .html]

    /// The keys a plan may have at the top, and in a report entry.
    static let topKeys = ["formats", "reports", "extractors"]
    static let entryKeys = ["plugin", "name", "params", "param_sets", "formats"]

    /// The default plan: each named plugin once, with its defaults.
    public static func every(_ plugins: [String]) -> BatchPlan {
        BatchPlan(reports: plugins.map { PlanEntry(plugin: $0) })
    }

    /// The folder relative paths of the plan are read from.
    public var directory: URL {
        guard let file else { return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }
        return URL(fileURLWithPath: file).deletingLastPathComponent()
    }

    /// Reads and parses a plan file.
    public static func load(path: String) throws(PlanError) -> BatchPlan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PlanError(PlanLocation(file: path), "no such plan file")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw PlanError(PlanLocation(file: path), isDirectory.boolValue ? "this is a folder, not a plan file" : "cannot read the plan file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanError(PlanLocation(file: path), "the plan is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses a plan; every problem is collected, with its line and column. Throws when the plan cannot
    /// be read at all (malformed YAML, no `reports`); other problems are left in `problems`.
    public static func parse(_ text: String, file: String) throws(PlanError) -> BatchPlan {
        var reader = PlanReader(file: file)
        guard var plan = reader.read(text), !reader.fatal else { throw PlanError(reader.problems) }
        plan.problems = reader.problems
        return plan
    }
}

/// Reads a plan's YAML nodes, collecting problems.
struct PlanReader {
    let file: String
    var problems: [PlanProblem] = []
    /// Set when the plan as a whole cannot be used.
    var fatal = false

    init(file: String) { self.file = file }

    func at(_ node: Node?) -> PlanLocation { PlanLocation(file: file, mark: node?.mark) }

    mutating func problem(_ node: Node?, _ message: String) {
        problems.append(PlanProblem(at(node), message))
    }

    mutating func read(_ text: String) -> BatchPlan? {
        let root: Node?
        do {
            root = try GuardedYAML.compose(yaml: text)
        } catch let error as YAMLAliasError {
            problems.append(PlanProblem(PlanLocation(file: file, line: error.line, column: error.column), error.message))
            fatal = true
            return nil
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                problems.append(PlanProblem(PlanLocation(file: file, mark: mark), "malformed YAML: \(problem)"))
            case let .duplicatedKeysInMapping(duplicates, context):
                problems.append(PlanProblem(PlanLocation(file: file, mark: context.mark),
                                            "a key appears twice in one mapping: \(duplicates.joined(separator: ", "))"))
            case let .reader(problem, offset, _, _):
                problems.append(PlanProblem(PlanLocation(file: file), "malformed YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")"))
            default:
                problems.append(PlanProblem(PlanLocation(file: file), "malformed YAML: \(error)"))
            }
            fatal = true
            return nil
        } catch {
            problems.append(PlanProblem(PlanLocation(file: file), "malformed YAML: \(error)"))
            fatal = true
            return nil
        }
        guard let root else {
            problem(nil, "the plan is empty; it needs a 'reports' list")
            fatal = true
            return nil
        }
        guard let top = root.mapping else {
            problem(root, "a plan is a mapping with a 'reports' list (and optionally 'formats' and 'extractors')")
            fatal = true
            return nil
        }
        var plan = BatchPlan(file: file, reports: [])
        var sawReports = false
        for (keyNode, value) in top {
            guard let key = keyNode.string else { problem(keyNode, "keys must be text"); continue }
            switch key {
            case "formats":
                plan.formats = formats(value)
                plan.formatsLocation = at(value)
            case "extractors":
                plan.extractors = extractors(value)
            case "reports":
                sawReports = true
                guard let list = value.sequence else {
                    problem(value, "'reports' must be a list of reports (a plugin name, or a mapping with 'plugin')")
                    continue
                }
                for item in list { if let entry = entry(item) { plan.reports.append(entry) } }
                if list.isEmpty { problem(value, "'reports' is empty") }
            default:
                problem(keyNode, "unknown key '\(key)'\(hint(key, BatchPlan.topKeys)); a plan has \(BatchPlan.topKeys.joined(separator: ", "))")
            }
        }
        if !sawReports {
            problem(root, "the plan has no 'reports' list")
            fatal = true
        }
        return plan
    }

    /// `extractors: [a, b.lua]` (or one name): each a plugin name or a path to a `.lua` file.
    mutating func extractors(_ node: Node) -> [PlanValue] {
        let items = node.sequence.map(Array.init) ?? [node]
        if node.sequence?.isEmpty == true { problem(node, "'extractors' is empty") }
        return items.compactMap { item in
            nonEmptyString(item, what: "an extractor plugin's name or a path to a .lua file").map { PlanValue($0, location: at(item)) }
        }
    }

    mutating func entry(_ node: Node) -> PlanEntry? {
        if node.scalar != nil, let name = nonEmptyString(node, what: "a plugin name") {
            var entry = PlanEntry(plugin: name, location: at(node))
            entry.pluginLocation = at(node)
            return entry
        }
        guard let map = node.mapping else {
            problem(node, "a report is a plugin name or a mapping with 'plugin', 'params', 'param_sets', 'name' and 'formats'")
            return nil
        }
        var entry = PlanEntry(plugin: "", location: at(node))
        var plugin: String?
        for (keyNode, value) in map {
            guard let key = keyNode.string else { problem(keyNode, "keys must be text"); continue }
            switch key {
            case "plugin":
                plugin = nonEmptyString(value, what: "a plugin name or a path to a .lua file")
                entry.pluginLocation = at(value)
            case "name":
                entry.name = nonEmptyString(value, what: "an output name")
                entry.nameLocation = at(value)
            case "params":
                entry.params = params(value) ?? [:]
            case "param_sets":
                guard let list = value.sequence else {
                    problem(value, "'param_sets' must be a list of parameter mappings, e.g. - { country: VNM }")
                    continue
                }
                if list.isEmpty { problem(value, "'param_sets' is empty") }
                for set in list {
                    if let values = params(set) {
                        entry.paramSets.append(values)
                        entry.paramSetLocations.append(at(set))
                    }
                }
            case "formats":
                entry.formats = formats(value)
            default:
                problem(keyNode, "unknown key '\(key)'\(hint(key, BatchPlan.entryKeys)); a report has \(BatchPlan.entryKeys.joined(separator: ", "))")
            }
        }
        guard let plugin else {
            if !map.keys.contains(where: { $0.string == "plugin" }) { problem(node, "this report has no 'plugin'") }
            return nil
        }
        entry.plugin = plugin
        return entry
    }

    mutating func params(_ node: Node) -> [String: PlanValue]? {
        if node.null != nil, node.scalar != nil { return [:] }
        guard let map = node.mapping else {
            problem(node, "parameters are a mapping of name: value, e.g. { country: VNM, min_level: minister }")
            return nil
        }
        var values: [String: PlanValue] = [:]
        for (keyNode, value) in map {
            guard let key = keyNode.string, !key.isEmpty else { problem(keyNode, "a parameter name must be text"); continue }
            guard let scalar = value.scalar else {
                problem(value, "parameter '\(key)' must be a single value, not a \(value.mapping != nil ? "mapping" : "list")")
                continue
            }
            if value.null != nil && scalar.style == .plain {
                problem(value, "parameter '\(key)' has no value (leave it out to use its default)")
                continue
            }
            values[key] = PlanValue(scalar.string, location: at(value))
        }
        return values
    }

    mutating func formats(_ node: Node) -> [ReportFormat]? {
        var names: [(String, Node)] = []
        if let list = node.sequence {
            for item in list {
                guard let name = item.string, item.scalar != nil else { problem(item, "a format is one of \(formatNames)"); continue }
                names.append((name, item))
            }
        } else if let text = node.string, node.scalar != nil {
            names = text.split(separator: ",").map { (String($0).trimmingCharacters(in: .whitespaces), node) }
        } else {
            problem(node, "'formats' is a list such as [md, html]; one of \(formatNames)")
            return nil
        }
        var result: [ReportFormat] = []
        for (name, item) in names {
            switch BatchFormats.parse(name) {
            case .success(let format): if !result.contains(format) { result.append(format) }
            case .failure(let error): problem(item, error.message)
            }
        }
        if result.isEmpty && !names.isEmpty { return nil }
        if names.isEmpty { problem(node, "'formats' is empty; give at least one of \(formatNames)") }
        return result
    }

    var formatNames: String { BatchFormats.names.joined(separator: ", ") }

    mutating func nonEmptyString(_ node: Node, what: String) -> String? {
        guard node.scalar != nil, let text = node.string,
              !text.trimmingCharacters(in: .whitespaces).isEmpty, node.null == nil || node.scalar?.style != .plain else {
            problem(node, "expected \(what)")
            return nil
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    func hint(_ word: String, _ candidates: [String]) -> String {
        BatchSuggestion.hint(for: word, among: candidates)
    }
}

/// Report formats as a batch names them, and the extension of each.
public enum BatchFormats {
    public static let names = ReportFormat.allCases.map(\.rawValue)

    public static func parse(_ text: String) -> Result<ReportFormat, PlanFormatError> {
        let name = text.lowercased() == "txt" ? "text" : text.lowercased() == "markdown" ? "md" : text.lowercased()
        if let format = ReportFormat(rawValue: name) { return .success(format) }
        return .failure(PlanFormatError("unknown format '\(text)'\(BatchSuggestion.hint(for: text, among: names)); one of \(names.joined(separator: ", "))"))
    }

    /// `md,csv` as given to `--formats`.
    public static func parseList(_ text: String) throws(PlanError) -> [ReportFormat] {
        var result: [ReportFormat] = []
        var problems: [PlanProblem] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.trimmingCharacters(in: .whitespaces)
            switch parse(name) {
            case .success(let format): if !result.contains(format) { result.append(format) }
            case .failure(let error): problems.append(PlanProblem(nil, "--formats: \(error.message)"))
            }
        }
        if !problems.isEmpty { throw PlanError(problems) }
        return result
    }

    /// The file extension of a format.
    public static func fileExtension(_ format: ReportFormat) -> String {
        format == .text ? "txt" : format.rawValue
    }
}

public struct PlanFormatError: Error, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}
