// Plugin parameters: `--param key=value` checked against the declarations before anything runs, with
// "did you mean" hints; defaults fill the rest; values become Lua values.

import CorpusModel
import Foundation
import LuaBridge
import ScriptingAPI

/// A parameter value, typed and resolved.
public enum ParamValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    case date(PartialDate)
    /// A country, by its ISO 3166 alpha-3 code.
    case country(String)
    /// A person of the corpus: its entity index and id.
    case person(index: Int, id: String)

    /// The canonical text: what `--param` would take to give this value again (used in provenance).
    public var description: String {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let d): LuaValue.number(d).description
        case .boolean(let b): String(b)
        case .date(let d): d.iso
        case .country(let code): code
        case .person(_, let id): id
        }
    }

    /// Parses `text` as a value of a type that needs no corpus (all but country and person).
    public static func parse(_ text: String, as type: ParamType) throws(ParamProblem) -> ParamValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case .string:
            return .string(text)
        case .integer:
            guard let value = Int64(trimmed) else { throw ParamProblem("expected \(type.expectation), got '\(text)'") }
            return .integer(value)
        case .number:
            guard let value = Double(trimmed), value.isFinite else {
                throw ParamProblem("expected \(type.expectation), got '\(text)'")
            }
            return .number(value)
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "yes", "on", "1": return .boolean(true)
            case "false", "no", "off", "0": return .boolean(false)
            default: throw ParamProblem("expected \(type.expectation), got '\(text)'")
            }
        case .date:
            guard let date = PartialDate(iso: trimmed) else {
                throw ParamProblem("expected \(type.expectation), got '\(text)'")
            }
            return .date(date)
        case .country, .person:
            throw ParamProblem("\(type) values are resolved through the corpus")
        }
    }

    /// The value as Lua sees it: dates as `Date` objects, persons as `Entity` objects, countries as
    /// their ISO3 code.
    public func luaValue(in state: LuaState) throws(LuaError) -> LuaValue {
        switch self {
        case .string(let s): .string(s)
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        case .boolean(let b): .boolean(b)
        case .date(let d): try DossierAPI.value(date: d, in: state)
        case .country(let code): .string(code)
        case .person(let index, _): try DossierAPI.value(entity: index, in: state)
        }
    }
}

/// Why a value does not fit its parameter (without the parameter's name).
public struct ParamProblem: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Resolves parameter values: types checked, countries and persons looked up in the corpus.
public struct ParamResolver {
    public let corpus: Corpus

    public init(corpus: Corpus) { self.corpus = corpus }

    /// The typed values for `given` (from `--param`), defaults filling the rest. Throws, naming the file,
    /// for an unknown key (with a "did you mean" hint) or a value that does not fit its declaration.
    public func resolve(_ given: [String: String], for manifest: PluginManifest,
                        file: PluginFile) throws(PluginError) -> [String: ParamValue] {
        let names = manifest.params.map(\.name)
        for key in given.keys.sorted() where manifest.param(named: key) == nil {
            let known = names.isEmpty ? "it takes no parameters" : "its parameters are: \(names.joined(separator: ", "))"
            throw PluginError(.params, "\(file.displayPath): unknown parameter '\(key)' for plugin '\(manifest.name)'\(Suggestion.hint(for: key, among: names)); \(known)")
        }
        var values: [String: ParamValue] = [:]
        for spec in manifest.params {
            let text: String
            let isDefault: Bool
            if let given = given[spec.name] {
                (text, isDefault) = (given, false)
            } else if let fallback = spec.defaultText {
                (text, isDefault) = (fallback, true)
            } else {
                continue
            }
            do {
                values[spec.name] = try resolve(text, for: spec)
            } catch {
                let what = isDefault ? "the default of parameter '\(spec.name)'" : "parameter '\(spec.name)'"
                throw PluginError(isDefault ? .manifest : .params, "\(file.displayPath): \(what): \(error.reason)")
            }
        }
        return values
    }

    /// One value, checked against the parameter's type and choices.
    public func resolve(_ text: String, for spec: ParamSpec) throws(ParamProblem) -> ParamValue {
        let value: ParamValue
        switch spec.type {
        case .country: value = try country(text)
        case .person: value = try person(text)
        default: value = try ParamValue.parse(text, as: spec.type)
        }
        if let choices = spec.choices {
            var allowed: [ParamValue] = []
            for choice in choices {
                if let choiceValue = try? resolve(choice, for: ParamSpec(name: spec.name, type: spec.type)) {
                    allowed.append(choiceValue)
                }
            }
            if !allowed.contains(value) {
                throw ParamProblem("'\(text)' is not one of \(choices.joined(separator: ", "))\(Suggestion.hint(for: text, among: choices))")
            }
        }
        return value
    }

    /// A country given by ISO code (alpha-3 or alpha-2) or by any of its names.
    public func country(_ text: String) throws(ParamProblem) -> ParamValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let index = corpus.entityIndex(id: trimmed.uppercased()), corpus.entities[index].kind == .country {
            return .country(corpus.entities[index].id)
        }
        let matches = Set(corpus.entities(named: trimmed).filter { corpus.entities[$0].kind == .country })
        if matches.count == 1, let index = matches.first { return .country(corpus.entities[index].id) }
        if let index = corpus.entities.firstIndex(where: {
            $0.kind == .country && $0.alpha2?.caseInsensitiveCompare(trimmed) == .orderedSame
        }) {
            return .country(corpus.entities[index].id)
        }
        if matches.count > 1 {
            let ids = matches.sorted().map { corpus.entities[$0].id }
            throw ParamProblem("'\(text)' names several countries (\(ids.joined(separator: ", "))); give the ISO code")
        }
        let names = corpus.entities.filter { $0.kind == .country }.flatMap { [$0.name] + $0.aliases }
        throw ParamProblem("expected \(ParamType.country.expectation), got '\(text)', which is not a country of the gazetteer\(Suggestion.hint(for: trimmed, among: names))")
    }

    /// A person of the corpus, given by id or by any of its names.
    public func person(_ text: String) throws(ParamProblem) -> ParamValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let index = corpus.entityIndex(id: trimmed), corpus.entities[index].kind == .person {
            return .person(index: index, id: corpus.entities[index].id)
        }
        let matches = Set(corpus.entities(named: trimmed).filter { corpus.entities[$0].kind == .person })
        if matches.count == 1, let index = matches.first {
            return .person(index: index, id: corpus.entities[index].id)
        }
        if matches.count > 1 {
            let ids = matches.sorted().map { corpus.entities[$0].id }
            throw ParamProblem("'\(text)' names several persons (\(ids.joined(separator: ", "))); give the id")
        }
        let names = corpus.entities.filter { $0.kind == .person }.flatMap { [$0.name] + $0.aliases }
        throw ParamProblem("expected \(ParamType.person.expectation), got '\(text)', which is not a person of the corpus\(Suggestion.hint(for: trimmed, among: names))")
    }
}
