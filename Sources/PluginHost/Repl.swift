// The evaluation side of `dossier repl`: a state with the corpus preloaded and the API installed, and
// the rules of the lua5.4 REPL (an expression's values are printed; `=expr` works; an incomplete
// statement asks for more). The terminal side (prompt, line editing, history) is the CLI's.

import Foundation
import LuaBridge
import Reports
import ScriptingAPI

public final class LuaRepl {
    public let state: LuaState
    public let environment: LuaTable
    public let collector: ReportCollector

    public enum Outcome: Equatable {
        /// The values of an expression, each as `tostring` gives it, tab-separated (empty for a
        /// statement).
        case values(String)
        /// The chunk is not finished: read another line and try again with both.
        case incomplete
        /// The chunk failed: the message, with its traceback.
        case error(String)
    }

    /// A state with `corpus`, `report`, `dates`, `dossier` and an empty `params` as globals.
    public init(options: LuaOptions, corpus: SharedCorpus) throws(LuaError) {
        state = try LuaState(options: options)
        environment = try state.makeEnvironment()
        collector = ReportCollector(title: "REPL")
        try DossierAPI.install(into: environment, state: state, corpus: corpus, report: collector)
        try environment.set("params", state.value([String: String]()))
    }

    /// What the inputs have put in `report` so far.
    public var report: Report { collector.report }

    /// Evaluates one chunk (one line, or several lines of an unfinished statement).
    public func evaluate(_ source: String) -> Outcome {
        var code = source
        if code.hasPrefix("=") { code = "return " + code.dropFirst() }
        let function: LuaFunction
        if let expression = try? state.load(string: "return " + code, name: "=stdin", environment: environment) {
            function = expression
        } else {
            do {
                function = try state.load(string: code, name: "=stdin", environment: environment)
            } catch {
                if error.kind == .syntax && error.message.hasSuffix("<eof>") { return .incomplete }
                return .error(error.description)
            }
        }
        do {
            let results = try function.call()
            var texts: [String] = []
            for value in results { texts.append(try state.tostring(value)) }
            return .values(texts.joined(separator: "\t"))
        } catch {
            return .error(error.description)
        }
    }
}
