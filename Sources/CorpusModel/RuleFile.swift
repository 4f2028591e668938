import Foundation
import Yams

// Reading `rules.yaml` of a lexicon: each trigger rule's id, pattern, bounds, examples and counter-examples.
// Mistakes are reported with the file, line and column (Yams' marks).

/// One rule as the rules file declares it.
struct RuleSpec: Sendable {
    enum Token: Sendable, Equatable {
        case set(String)
        case place
        case gap(Int, Int)
    }

    var rule: Rule
    /// Nil: the rule is code; the file lists it for its examples.
    var pattern: [Token]?
    var within: Int?
    var unlessSets: [String] = []
    var unlessWithin = 0
    var spanFirstToken = false
    var examples: [String] = []
    var counterExamples: [String] = []
    /// The line of its `id` in the rules file.
    var line = 0
}

extension Lexicon {
    static let ruleFields: Set<String> = ["id", "pattern", "within", "unless", "span", "examples", "counter_examples"]

    /// The rules of `path` and the problems found; rules with a mistake are left out.
    static func readRules(path: String, patternSets: Set<String>, suggest: (String, [String]) -> String?) -> ([RuleSpec], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func report(_ mark: Mark?, _ message: String, column offset: Int = 0) {
            diagnostics.append(Diagnostic(file: path, line: mark?.line, column: mark.map { $0.column + offset },
                                          severity: .error, message: message))
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return ([], [Diagnostic(file: path, severity: .error, message: "cannot read the rules file")])
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return ([], [Diagnostic(file: path, severity: .error, message: "malformed YAML: \(error)")])
        }
        guard let list = root?.mapping?["rules"]?.sequence else {
            report(root?.mark, "the rules file must be a mapping with a 'rules' list")
            return ([], diagnostics)
        }
        var specs: [RuleSpec] = []
        var seen = Set<String>()
        for node in list {
            guard let map = node.mapping else { report(node.mark, "a rule must be a mapping; skipped"); continue }
            for (k, _) in map where !ruleFields.contains(k.string ?? "") {
                report(k.mark, "unknown field '\(k.string ?? "")'" + (suggest(k.string ?? "", ruleFields.sorted()).map { " (did you mean '\($0)'?)" } ?? ""))
            }
            guard let idNode = map["id"], let id = idNode.string else { report(node.mark, "rule without 'id'; skipped"); continue }
            guard let rule = Rule(id: id) else {
                report(idNode.mark, "unknown rule id '\(id)'" + (suggest(id, Rule.allCases.map(\.id)).map { " (did you mean '\($0)'?)" } ?? "") + "; skipped")
                continue
            }
            if !seen.insert(id).inserted { report(idNode.mark, "rule '\(id)' declared twice; the second is skipped"); continue }
            var spec = RuleSpec(rule: rule)
            spec.line = idNode.mark?.line ?? 0
            var ok = true
            if let p = map["pattern"], Trigger.Form(rule: rule) == nil {
                report(p.mark, "rule '\(id)' is code (it weighs persons): it takes no pattern"); ok = false
            } else if let p = map["pattern"] {
                spec.pattern = parsePattern(p.string ?? "", patternSets: patternSets, suggest: suggest) { offset, message in
                    report(p.mark, message, column: offset + (p.scalar?.style == .plain ? 0 : 1)); ok = false
                }
            }
            if let w = map["within"] { if let n = w.int, n > 0 { spec.within = n } else { report(w.mark, "'within' must be a positive number"); ok = false } }
            if let s = map["span"] { if s.string == "first-token" { spec.spanFirstToken = true } else { report(s.mark, "'span' must be 'first-token'"); ok = false } }
            if let u = map["unless"] {
                spec.unlessWithin = u.mapping?["within"]?.int ?? 0
                spec.unlessSets = u.mapping?["sets"]?.sequence?.compactMap(\.string) ?? []
                for name in spec.unlessSets where !patternSets.contains(name) { report(u.mark, "unknown word set '\(name)' in 'unless'"); ok = false }
                if spec.unlessWithin <= 0 || spec.unlessSets.isEmpty { report(u.mark, "'unless' needs 'within' (a positive number) and 'sets' (word sets)"); ok = false }
            }
            spec.examples = map["examples"]?.sequence?.compactMap(\.string) ?? []
            spec.counterExamples = map["counter_examples"]?.sequence?.compactMap(\.string) ?? []
            if spec.examples.isEmpty { report(node.mark, "rule '\(id)' has no examples") ; ok = false }
            if ok { specs.append(spec) }
        }
        return (specs, diagnostics)
    }

    /// `@set`, `PLACE` and `_{m,n}` separated by spaces; `fail` gets the offset of a bad element.
    static func parsePattern(_ text: String, patternSets: Set<String>, suggest: (String, [String]) -> String?,
                             fail: (Int, String) -> Void) -> [RuleSpec.Token]? {
        var tokens: [RuleSpec.Token] = []
        var offset = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += word.count + 1 }
            if word == "PLACE" { tokens.append(.place); continue }
            if word.hasPrefix("@") {
                let name = String(word.dropFirst())
                guard patternSets.contains(name) else {
                    fail(offset, "unknown word set '\(name)'" + (suggest(name, patternSets.sorted()).map { " (did you mean '\($0)'?)" } ?? "")
                         + " (a set of words or phrases)")
                    return nil
                }
                tokens.append(.set(name)); continue
            }
            if word.hasPrefix("_{"), word.hasSuffix("}") {
                let bounds = word.dropFirst(2).dropLast().split(separator: ",").map { Int($0) }
                if bounds.count == 2, let lo = bounds[0], let hi = bounds[1], lo >= 0, lo <= hi, hi <= 40 {
                    tokens.append(.gap(lo, hi)); continue
                }
            }
            fail(offset, "'\(word)' is not @set, PLACE or _{m,n}")
            return nil
        }
        guard case .set = tokens.first else { fail(0, "a pattern starts with a word set"); return nil }
        return tokens
    }
}
