// A plugin's manifest: the fields of the table its file returns, read and checked with messages that
// name the file and the field.

import CorpusModel
import Foundation
import ScriptingAPI
import LuaBridge

/// The type of a plugin parameter, as declared in `params = { NAME = { type = "..." } }`.
public enum ParamType: String, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    case string, integer, number, boolean, date, country, person

    public var description: String { rawValue }

    /// What a value of the type looks like, for messages and `dossier info`.
    public var expectation: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean (true or false)"
        case .date: "a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        case .country: "a country (ISO 3166 code or name)"
        case .person: "a person (name or id)"
        }
    }
}

/// A declared parameter. Defaults and choices are kept as text (the form `--param` takes) and resolved
/// like a value given on the command line, so a country default of "Vietnam" resolves through the
/// gazetteer exactly as `--param country=Vietnam` would.
public struct ParamSpec: Sendable, Equatable {
    public var name: String
    public var type: ParamType
    public var defaultText: String?
    public var choices: [String]?
    public var description: String?

    public init(name: String, type: ParamType, defaultText: String? = nil, choices: [String]? = nil,
                description: String? = nil) {
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.choices = choices
        self.description = description
    }
}

/// The manifest of a plugin: the table its file returns, without `run`.
public struct PluginManifest: Sendable, Equatable {
    public var name: String
    public var title: String
    public var description: String?
    public var version: String
    public var author: String?
    public var categories: [String]
    /// The parameters, sorted by name.
    public var params: [ParamSpec]
    /// A report plugin (`run(ctx)`) or an extractor (`extract(sentence, candidates)`, run while the model is built).
    public var kind: PluginManifestKind = .report

    public init(name: String, title: String, description: String? = nil, version: String, author: String? = nil,
                categories: [String] = [], params: [ParamSpec] = []) {
        self.name = name
        self.title = title
        self.description = description
        self.version = version
        self.author = author
        self.categories = categories
        self.params = params
    }

    public func param(named name: String) -> ParamSpec? { params.first { $0.name == name } }

    /// The fields a manifest may have.
    public static let fields = ["name", "title", "description", "version", "author", "categories", "params", "run", "kind", "extract"]
    /// The fields a parameter declaration may have.
    public static let paramFields = ["type", "default", "choices", "description"]
}

/// What a plugin does: the manifest's `kind`.
public enum PluginManifestKind: String, Sendable, Equatable, CaseIterable {
    /// Writes a report from the model: `run = function(ctx) ... end` (the default).
    case report
    /// Reviews each sentence's visit candidates while the model is built: `extract = function(sentence, candidates) ... end`.
    case extractor

    /// The function field this kind of plugin must have.
    public var entryPoint: String { self == .report ? "run" : "extract" }
}

/// One problem in a manifest: `file: message`.
public struct ManifestProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

extension ManifestProblem {
    /// Source text that only a plugin has: a `run` function, or a manifest's `title` and `version`.
    private static let pluginShapes = [#"\brun\s*=\s*function\b"#, #"\bfunction\s+[\w.:]*\brun\s*\("#,
                                       #"(?s)\btitle\s*=\s*["'].*\bversion\s*=\s*["']"#]

    /// For a file that returned no table: the problem when its text looks like a plugin that lost its
    /// `return` (a plain script is a file that never returns a table), or nil.
    static func missingReturn(in file: PluginFile) -> ManifestProblem? {
        guard let text = try? String(contentsOf: file.url, encoding: .utf8) else { return nil }
        let code = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n")
        guard pluginShapes.contains(where: { code.range(of: $0, options: .regularExpression) != nil }) else { return nil }
        return ManifestProblem(file: file.displayPath, message: "the file defines a plugin but returns no manifest: end it with `return { name = ..., title = ..., version = ..., run = function(ctx) ... end }` (a plain script defines no run and returns nothing)")
    }
}

/// Reads a manifest from the table a plugin returned, collecting every problem rather than stopping at
/// the first, so `dossier check` can list them all.
struct ManifestReader {
    let state: LuaState
    let file: PluginFile
    var problems: [ManifestProblem] = []

    init(state: LuaState, file: PluginFile) {
        self.state = state
        self.file = file
    }

    mutating func problem(_ message: String) {
        problems.append(ManifestProblem(file: file.displayPath, message: message))
    }

    /// The manifest, or nil when a required field is unusable; `problems` says why.
    mutating func read(_ table: LuaTable) -> PluginManifest? {
        let entries: [(key: LuaValue, value: LuaValue)]
        do { entries = try table.pairs() } catch {
            problem("cannot read the returned table: \(error.message)")
            return nil
        }
        var fields: [String: LuaValue] = [:]
        for (key, value) in entries {
            guard case .string(let name) = key else { continue }
            fields[name] = value
            if !PluginManifest.fields.contains(name) {
                problem("unknown field '\(name)'\(Suggestion.hint(for: name, among: PluginManifest.fields)); a manifest has \(PluginManifest.fields.joined(separator: ", "))")
            }
        }
        let kind = readKind(fields["kind"])
        let other = kind == .report ? "extract" : "run"
        if fields[other] != nil {
            problem("field '\(other)' does not belong in a\(kind == .report ? " report plugin (declare kind = \"extractor\" for an extractor)" : "n extractor (it has extract, not run)")")
        }
        if let entry = fields[kind.entryPoint] {
            if entry.functionValue == nil { problem("field '\(kind.entryPoint)' must be a function, got \(entry.typeName)") }
        } else if kind == .report {
            problem("field 'run' is missing: a plugin returns { ..., run = function(ctx) ... end } (a plain script returns nothing)")
        } else {
            problem("field 'extract' is missing: an extractor returns { ..., kind = \"extractor\", extract = function(sentence, candidates) ... end }")
        }

        var name = file.name
        if let value = fields["name"] {
            if let text = string(value, field: "name") {
                if text != file.name {
                    problem("field 'name': '\(text)' differs from the file name '\(file.name).lua' (plugins are selected by file name)")
                }
                name = text
            }
        }
        let title = requiredString(fields["title"], field: "title")
        let version = requiredString(fields["version"], field: "version")
        let description = fields["description"].flatMap { string($0, field: "description") }
        let author = fields["author"].flatMap { string($0, field: "author") }
        let categories = fields["categories"].map { stringArray($0, field: "categories") } ?? []
        for category in categories where !PluginManifest.isWord(category) {
            problem("field 'categories': '\(category)' is not a valid category (letters, digits, '-' and '_')")
        }
        let params = fields["params"].map { readParams($0) } ?? []
        guard let title, let version else { return nil }
        var manifest = PluginManifest(name: name, title: title, description: description, version: version,
                                      author: author, categories: categories, params: params)
        manifest.kind = kind
        return manifest
    }

    /// The `kind` field: "report" (the default) or "extractor".
    private mutating func readKind(_ value: LuaValue?) -> PluginManifestKind {
        guard let value else { return .report }
        let names = PluginManifestKind.allCases.map(\.rawValue)
        guard case .string(let text) = value else {
            problem("field 'kind' must be a string (\(names.joined(separator: " or "))), got \(value.typeName)")
            return .report
        }
        guard let kind = PluginManifestKind(rawValue: text) else {
            problem("field 'kind': unknown kind '\(text)'\(Suggestion.hint(for: text, among: names)); one of \(names.joined(separator: ", "))")
            return .report
        }
        return kind
    }

    private mutating func string(_ value: LuaValue, field: String) -> String? {
        guard case .string(let text) = value else {
            problem("field '\(field)' must be a string, got \(value.typeName)")
            return nil
        }
        return text
    }

    private mutating func requiredString(_ value: LuaValue?, field: String) -> String? {
        guard let value else {
            problem("field '\(field)' is missing (a string)")
            return nil
        }
        guard let text = string(value, field: field) else { return nil }
        // Not empty once trimmed: a scalar that is not white space (by scalar: no NSString bridge on every start).
        guard text.unicodeScalars.contains(where: { !CharacterSet.whitespaces.contains($0) }) else {
            problem("field '\(field)' is empty")
            return nil
        }
        return text
    }

    private mutating func stringArray(_ value: LuaValue, field: String) -> [String] {
        guard case .table(let table) = value else {
            problem("field '\(field)' must be an array of strings, got \(value.typeName)")
            return []
        }
        guard let entries = try? table.pairs() else { return [] }
        var items: [(Int64, String)] = []
        for (key, item) in entries {
            guard let index = key.integerValue else {
                problem("field '\(field)' must be an array of strings, but has key '\(key)'")
                continue
            }
            guard case .string(let text) = item else {
                problem("field '\(field)' item \(index) must be a string, got \(item.typeName)")
                continue
            }
            items.append((index, text))
        }
        return items.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private mutating func readParams(_ value: LuaValue) -> [ParamSpec] {
        guard case .table(let table) = value else {
            problem("field 'params' must be a table of parameter declarations, got \(value.typeName)")
            return []
        }
        guard let entries = try? table.pairs() else { return [] }
        var specs: [ParamSpec] = []
        for (key, declaration) in entries {
            guard case .string(let name) = key else {
                problem("field 'params': parameter names must be strings, got \(key.typeName) '\(key)'")
                continue
            }
            guard PluginManifest.isIdentifier(name) else {
                problem("params.\(name): not a valid parameter name (letters, digits and '_', not starting with a digit)")
                continue
            }
            if let spec = readParam(name, declaration) { specs.append(spec) }
        }
        return specs.sorted { $0.name < $1.name }
    }

    private mutating func readParam(_ name: String, _ declaration: LuaValue) -> ParamSpec? {
        let field = "params.\(name)"
        guard case .table(let table) = declaration else {
            problem("\(field) must be a table such as { type = \"string\" }, got \(declaration.typeName)")
            return nil
        }
        guard let entries = try? table.pairs() else { return nil }
        var values: [String: LuaValue] = [:]
        for (key, value) in entries {
            guard case .string(let key) = key else {
                problem("\(field): keys must be strings, got \(key.typeName)")
                continue
            }
            if !PluginManifest.paramFields.contains(key) {
                problem("\(field): unknown key '\(key)'\(Suggestion.hint(for: key, among: PluginManifest.paramFields)); a parameter has \(PluginManifest.paramFields.joined(separator: ", "))")
            }
            values[key] = value
        }
        guard let typeValue = values["type"] else {
            problem("\(field).type is missing; one of \(ParamType.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard case .string(let typeName) = typeValue else {
            problem("\(field).type must be a string, got \(typeValue.typeName)")
            return nil
        }
        guard let type = ParamType(rawValue: typeName) else {
            problem("\(field).type: unknown type '\(typeName)'\(Suggestion.hint(for: typeName, among: ParamType.allCases.map(\.rawValue))); one of \(ParamType.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        var description: String?
        if let value = values["description"] {
            if case .string(let text) = value { description = text } else {
                problem("\(field).description must be a string, got \(value.typeName)")
            }
        }
        var choices: [String]?
        if let value = values["choices"] {
            if type == .boolean {
                problem("\(field).choices: a boolean parameter cannot have choices")
            } else if case .table(let list) = value, let items = try? list.pairs() {
                var texts: [(Int64, String)] = []
                for (key, item) in items {
                    guard let index = key.integerValue else {
                        problem("\(field).choices must be an array, but has key '\(key)'")
                        continue
                    }
                    if let text = literal(item, type: type, field: "\(field).choices[\(index)]") {
                        texts.append((index, text))
                    }
                }
                choices = texts.sorted { $0.0 < $1.0 }.map(\.1)
                if choices?.isEmpty == true {
                    problem("\(field).choices is empty")
                    choices = nil
                }
            } else {
                problem("\(field).choices must be an array of \(type) values, got \(value.typeName)")
            }
        }
        var defaultText: String?
        if let value = values["default"] {
            defaultText = literal(value, type: type, field: "\(field).default")
            if let defaultText, let choices, !type.isEntity,
               let value = try? ParamValue.parse(defaultText, as: type),
               !choices.contains(where: { (try? ParamValue.parse($0, as: type)) == value }) {
                problem("\(field).default '\(defaultText)' is not one of its choices: \(choices.joined(separator: ", "))")
            }
        }
        return ParamSpec(name: name, type: type, defaultText: defaultText, choices: choices, description: description)
    }

    /// A default or choice as text, checked against the declared type.
    private mutating func literal(_ value: LuaValue, type: ParamType, field: String) -> String? {
        var text: String?
        switch (type, value) {
        case (.string, .string(let s)), (.country, .string(let s)), (.person, .string(let s)):
            text = s
        case (.integer, .integer(let i)):
            text = String(i)
        case (.integer, .number):
            if let i = value.integerValue { text = String(i) }
        case (.number, .integer), (.number, .number):
            text = value.description
        case (.boolean, .boolean(let b)):
            text = String(b)
        case (.date, .string(let s)):
            text = s
        case (.date, .other):
            text = try? state.tostring(value)
        default:
            break
        }
        guard let text else {
            problem("\(field) must be \(type.expectation), got \(value.typeName) '\(value)'")
            return nil
        }
        if !type.isEntity {
            do { _ = try ParamValue.parse(text, as: type) } catch {
                problem("\(field): \(error.reason)")
                return nil
            }
        }
        return text
    }
}

extension ParamType {
    /// Country and person values are resolved through the corpus's gazetteer.
    var isEntity: Bool { self == .country || self == .person }
}

extension PluginManifest {
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    static func isWord(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy {
            $0 == "_" || $0 == "-" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
        }
    }
}
