// A fast path for the commonest command line, `dossier run NAME` with a few plain options, read without
// ArgumentParser: its parse reflects every option of the command through `Mirror`, and each first cast of a
// property wrapper's type scans the binary's protocol conformances, a tenth of a warm run on a small corpus.
//
// ArgumentParser stays the source of truth. The fast path takes only what it reads exactly as the parser
// would (each value converted by the type's own `init(argument:)` or the option's transform) and declines
// everything else: any other option, `--opt=value`, a value that starts with '-', an option given twice that
// is not repeatable, help, `--`, a second positional argument, a failed conversion or validation. Declined
// command lines go through `parseAsRoot`, which parses them and reports their mistakes as always. Debug builds
// parse every fast-path command line with ArgumentParser too and stop when the two commands differ, so the
// command-line tests check the fast path against the parser on every run.
import ArgumentParser
import Foundation
import Reports

enum FastCommandLine {
    /// The `run` command for `arguments` (without the program's name), or nil when the parser must read them.
    static func command(_ arguments: [String]) -> Dossier.Run? {
        guard arguments.first == "run", let reader = RunArguments(Array(arguments.dropFirst())) else { return nil }
        guard let command = reader.command() else { return nil }
        #if DEBUG
        confirm(command, against: arguments)
        #endif
        return command
    }

    #if DEBUG
    /// Stops when ArgumentParser reads `arguments` into another command than the fast path did.
    static func confirm(_ command: Dossier.Run, against arguments: [String]) {
        let parsed: ParsableCommand
        do { parsed = try Dossier.parseAsRoot(arguments) } catch {
            fatalError("the fast command line took \(arguments), which ArgumentParser refuses: \(error)")
        }
        var fast = "", reference = ""
        dump(command, to: &fast)
        dump(parsed, to: &reference)
        if fast != reference {
            fatalError("the fast command line read \(arguments) otherwise than ArgumentParser:\n\(fast)\nArgumentParser:\n\(reference)")
        }
    }
    #endif
}

/// The arguments after `run`, read into the options the fast path knows.
private struct RunArguments {
    private var plugin: String?
    private var params: [ParamAssignment] = []
    private var format: ReportFormat?
    private var out: String?
    private var corpus: [String] = []
    private var cache: String?
    private var noCache = false
    private var quiet = false
    private var timeout: Double?
    private var memory: Int?

    /// The options read, or nil at the first argument the fast path does not take.
    init?(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if !argument.hasPrefix("-") {
                if plugin != nil || argument == "help" { return nil }
                plugin = argument
                continue
            }
            let known = ["--quiet", "--no-cache", "--format", "--out", "--corpus", "--cache", "--param", "--timeout", "--memory"]
            guard known.contains(argument) else { return nil }
            if argument == "--quiet" || argument == "--no-cache" {
                guard take(flag: argument) else { return nil }
                continue
            }
            guard let value = rest.popFirst(), !value.hasPrefix("-"), take(option: argument, value: value) else { return nil }
        }
        if plugin == nil { return nil }
    }

    private mutating func take(flag: String) -> Bool {
        if flag == "--quiet" {
            if quiet { return false }
            quiet = true
        } else {
            if noCache { return false }
            noCache = true
        }
        return true
    }

    /// Takes one option's value as the parser would convert it; false when it is refused or given twice.
    private mutating func take(option: String, value: String) -> Bool {
        switch option {
        case "--format":
            guard format == nil, let parsed = ReportFormat(argument: value) else { return false }
            format = parsed
        case "--out":
            guard out == nil else { return false }
            out = value
        case "--cache":
            guard cache == nil else { return false }
            cache = value
        case "--corpus":
            corpus.append(value)
        case "--param":
            guard let parsed = try? ParamAssignment.parse(value) else { return false }
            params.append(parsed)
        case "--timeout":
            guard timeout == nil, let parsed = Double(argument: value) else { return false }
            timeout = parsed
        case "--memory":
            guard memory == nil, let parsed = Int(argument: value) else { return false }
            memory = parsed
        default:
            return false
        }
        return true
    }

    /// The command with every option set (those not given to their defaults), validated as the parser
    /// validates it; nil when a validation fails (the parser then reports it).
    func command() -> Dossier.Run? {
        guard let plugin else { return nil }
        var run = Dossier.Run()
        run.plugin = plugin
        run.params = params
        run.format = format
        run.out = out
        run.csv = CSVOptions.defaults
        var corpusOptions = CorpusOptions.defaults
        corpusOptions.corpus = corpus
        corpusOptions.cache = cache
        corpusOptions.noCache = noCache
        corpusOptions.quiet = quiet
        run.corpusOptions = corpusOptions
        run.pluginPath = PluginPathOptions.defaults
        var lua = LuaRunOptions.defaults
        if let timeout { lua.timeout = timeout }
        if let memory { lua.memory = memory }
        run.lua = lua
        do {
            try run.csv.validate()
            try run.corpusOptions.validate()
            try run.pluginPath.validate()
            try run.lua.validate()
            try run.validate()
        } catch {
            return nil
        }
        return run
    }
}
