import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Hostile scripts and plugins run by the built `dossier`, as a user would run them: every case ends with
/// a clear message and the promised exit status, within the time limit and the backstop's grace, with
/// its peak resident memory under the cap plus the corpus model plus 32 MiB.
@Suite("Hostile cases: the dossier process ends them", .serialized)
struct HostileProcessTests {
    /// Startup (debug build, loaded machine) on top of the limit and the grace.
    static let slack = 3.0
    static let limit = 1.0
    static let grace = 1.0
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(getpid())")
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try? """
            Vietnam and Laos sign agreement
             date 2024-03-05 HANOI — President Vo Van Thuong met Lao President Thongloun Sisoulith in Hanoi.
            """.write(to: folder.appendingPathComponent("corpus/2024-03-05-a.txt"), atomically: true, encoding: .utf8)
        return folder
    }()

    func write(_ name: String, _ code: String) throws -> String {
        let url = HostileProcessTests.folder.appendingPathComponent(name)
        try code.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func eval(_ name: String, _ code: String, unsafe: Bool = false, timeout: Double = limit) throws -> ProcessRun {
        let path = try write(name + ".lua", code)
        return try ProcessRun.dossier(["eval", "--timeout", "\(timeout)", "--memory", "64"] + (unsafe ? ["--unsafe"] : []) + [path])
    }

    func run(_ name: String, _ code: String, timeout: Double = limit, out: String? = nil) throws -> ProcessRun {
        let path = try write(name + ".lua", code)
        let corpus = HostileProcessTests.folder.appendingPathComponent("corpus").path
        return try ProcessRun.dossier(["run", path, "--timeout", "\(timeout)", "--memory", "64", "--corpus", corpus,
                                       "--gazetteer", ProcessRun.repository + "/Data/gazetteer"]
                                      + (out.map { ["--out", $0] } ?? []))
    }

    /// The peak resident memory a hostile case may reach: the cap, the corpus model (a harmless plugin's
    /// peak over the same corpus), and 32 MiB.
    static let memoryTarget: Int = {
        let harmless = try? HostileProcessTests().run("harmless", "report.paragraph('fine')", timeout: 30)
        return (harmless?.peakKiB ?? 0) + 64 * 1024 + 32 * 1024
    }()

    func expectTimeLimit(_ result: ProcessRun, _ detail: String = "") {
        #expect(result.status == 1, "status \(result.status): \(result.stderr.prefix(300))")
        #expect(result.stderr.contains("time limit of 1 s exceeded\(detail)"), "\(result.stderr.prefix(300))")
        #expect(result.seconds < HostileProcessTests.limit + HostileProcessTests.grace + HostileProcessTests.slack, "took \(result.seconds) s")
    }

    func expectMemoryLimit(_ result: ProcessRun) {
        #expect(result.status == 1, "status \(result.status): \(result.stderr.prefix(300))")
        #expect(result.stderr.contains("memory limit of 64 MiB exceeded"), "\(result.stderr.prefix(300))")
        #expect(result.peakKiB < HostileProcessTests.memoryTarget, "peak \(result.peakKiB) KiB, target \(HostileProcessTests.memoryTarget) KiB")
    }

    // MARK: Code only the backstop can end

    @Test func aPatternThatBacktracksForMinutes() throws {
        let result = try eval("find", "return string.find(('a'):rep(5000), ('a-'):rep(40) .. 'b')")
        expectTimeLimit(result, " in the C function 'find' (ended from outside the script)")
        #expect(result.stderr.hasPrefix(HostileProcessTests.folder.appendingPathComponent("find.lua").path + ":1: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
    }

    /// `list`, `info` and `check` load a plugin to read its manifest (under the inspection's 5 s limit):
    /// one stuck in C at the top of its file is ended by the backstop too.
    @Test(arguments: ["list", "info", "check"])
    func inspectingAPluginStuckInCAtTheTopOfItsFileEnds(command: String) throws {
        let folder = HostileProcessTests.folder.appendingPathComponent("stuck-at-top")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("stuck-top.lua").path
        try """
            string.find(("a"):rep(5000), ("a-"):rep(40) .. "b")
            return { name = "stuck-top", title = "Stuck", version = "1.0.0", run = function(ctx) end }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ProcessRun.dossier(command == "list" ? ["list", "--plugins", folder.path, "stuck-top"] : [command, path])
        #expect(result.status == 1, "status \(result.status): \(result.stderr.prefix(300))")
        #expect(result.stderr.contains("stuck-top.lua:1: time limit of 5 s exceeded in the C function 'find'"), "\(result.stderr.prefix(300))")
        #expect(result.seconds < 5 + HostileProcessTests.grace + HostileProcessTests.slack, "took \(result.seconds) s")
    }

    @Test func aMessageHandlerLoopingWithHooksOffInTheTrustedProfile() throws {
        let result = try eval("handler", "xpcall(function() while true do end end, function() while true do end end)", unsafe: true)
        expectTimeLimit(result, " (ended from outside the script)")
    }

    @Test func aFinalizerLoopingAsTheStateClosesInTheTrustedProfile() throws {
        let result = try eval("finalizer", "setmetatable({}, {__gc = function() while true do end end}) print('done')", unsafe: true)
        #expect(result.stdout == "done\n")
        expectTimeLimit(result, " in a finalizer (__gc) as the state closed (ended from outside the script)")
    }

    @Test func aStuckRunLeavesNoOutputFile() throws {
        let out = HostileProcessTests.folder.appendingPathComponent("stuck.md").path
        let result = try run("stuck", """
            return { name = "stuck", title = "Stuck", version = "1.0.0", run = function(ctx)
              ctx.report.paragraph("partial")
              string.find(("a"):rep(5000), ("a-"):rep(40) .. "b")
            end }
            """, out: out)
        expectTimeLimit(result, " in the C function 'find'")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    // MARK: Code the hook reaches now

    @Test(arguments: [
        ("error-tostring", "error(setmetatable({}, {__tostring = function() while true do end end}))"),
        ("xpcall-loop", "xpcall(function() while true do end end, function() while true do end end)"),
        ("xpcall-error", "xpcall(function() error('x') end, function() while true do end end)"),
        ("close", "local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) coroutine.yield() end)\ncoroutine.resume(co) coroutine.close(co)"),
        ("wrap", "coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) error('fail') end)()"),
        ("move", "table.move({}, 1, 2^40, 2)"),
    ])
    func scriptsStopAtTheDeadline(name: String, code: String) throws {
        expectTimeLimit(try eval(name, code))
    }

    @Test func anEmptyRepeatEndsAtOnce() throws {
        let result = try eval("rep", "print(#string.rep('', math.maxinteger))")
        #expect(result.status == 0 && result.stdout == "0\n", "\(result.stderr.prefix(300))")
        #expect(result.seconds < HostileProcessTests.limit + HostileProcessTests.slack)
    }

    @Test(arguments: [
        ("cell", """
            return { name = "cell", title = "Cell", version = "1.0.0", run = function(ctx)
              ctx.report.table{columns = {"a"}, rows = {{setmetatable({}, {__tostring = function() while true do end end})}}}
            end }
            """),
    ])
    func pluginCodeTheHostRunsStopsAtTheDeadline(name: String, code: String) throws {
        expectTimeLimit(try run(name, code))
    }

    // MARK: A manifest is read raw

    /// The host reads the table a plugin returns without its metamethods: an `__index` that loops or
    /// allocates (or a `__pairs` that loops) never runs, and the table is refused at once for the fields
    /// it lacks. The limits are generous so that a metamethod that did run would show in the time or
    /// the memory.
    @Test(arguments: [
        ("manifest-loop", "return setmetatable({}, {__index = function() while true do end end})"),
        ("manifest-alloc", """
            local kept = {}
            return setmetatable({}, {__index = function() while true do kept[#kept + 1] = ("z"):rep(64) .. #kept end end})
            """),
        ("manifest-pairs", """
            return setmetatable({ title = "T", version = "1" },
              {__pairs = function() while true do end end, __index = function() return function() end end})
            """),
    ])
    func aManifestsMetamethodsNeverRun(name: String, code: String) throws {
        let result = try run(name, code, timeout: 30)
        let file = HostileProcessTests.folder.appendingPathComponent(name + ".lua").path
        #expect(result.status == 1, "status \(result.status): \(result.stderr.prefix(300))")
        #expect(result.stderr.hasPrefix("\(file): field 'run' is missing: a plugin returns { ..., run = function(ctx) ... end }"),
                "\(result.stderr.prefix(300))")
        #expect(result.seconds < HostileProcessTests.slack, "took \(result.seconds) s")
        #expect(result.peakKiB < HostileProcessTests.memoryTarget, "peak \(result.peakKiB) KiB, target \(HostileProcessTests.memoryTarget) KiB")
    }

    // MARK: Memory the host holds

    @Test(arguments: [
        ("report-rows", """
            local s = ("r"):rep(65536)
            local i = 0
            while true do i = i + 1 report.table{columns = {"a", "b"}, rows = {{s .. i, i}, {s, i}, {s, i}, {s, i}}} end
            """),
        ("huge-cell", "report.table{columns = {'a'}, rows = {{setmetatable({}, {__tostring = function() local s = 'x' while true do s = s .. s end end})}}}"),
        ("error-alloc", "error(setmetatable({}, {__tostring = function() local t = {} for i = 1, 1e9 do t[i] = i end end}))"),
    ])
    func whatTheHostHoldsCountsAgainstTheCap(name: String, code: String) throws {
        expectMemoryLimit(try run(name, code, timeout: 60))
    }

    @Test func aHugeMemoryOptionDoesNotCrash() throws {
        let result = try ProcessRun.dossier(["eval", "--memory", "9000000000000", "print(1 + 1)"])
        #expect(!result.signaled)
        #expect(result.status == 0 || result.status == 64, "status \(result.status): \(result.stderr.prefix(300))")
    }

    // MARK: The foundation issue's hostile cases, run by the process

    /// The escapes and exhaustions the bridge was first built against (the foundation issue), run here as a
    /// user runs them: each ends with its own clear message and exit status 1, within the limit and the
    /// grace, under the memory target.
    @Test(arguments: [
        ("loop", "while true do end", "time limit of 1 s exceeded"),
        ("pcall-loop", "while true do pcall(function() while true do end end) end", "time limit of 1 s exceeded"),
        ("coroutine-loop", "coroutine.wrap(function() while true do end end)()", "time limit of 1 s exceeded"),
        ("rep-2-31", "local s = string.rep('x', 2^31)", "resulting string too large"),
        ("grow", "local t, i = {}, 0 while true do i = i + 1 t[i] = {i} end", "memory limit of 64 MiB exceeded"),
        ("recursion", "local function f(n) return 1 + f(n + 1) end f(1)", "stack overflow"),
        ("os-execute", "os.execute('true')", "os.execute is not available in the sandbox"),
        ("io-open", "io.open('/etc/passwd')", "io is not available in the sandbox"),
        ("require-c", "require('socket.core')", "the sandbox loads Lua modules from the plugin folders only, never C modules"),
        ("bytecode", "assert(load('\\27Lua\\84\\0'))", "attempt to load a binary chunk (mode is 't')"),
        ("string-dump", "string.dump(function() end)", "string.dump is not available in the sandbox"),
        ("string-metatable", "getmetatable('').__index.rep = nil", "attempt to modify read-only table 'string' (field 'rep')"),
        ("write-string", "string.upper = nil", "attempt to modify read-only table 'string' (field 'upper')"),
        ("write-table", "table.insert = print", "attempt to modify read-only table 'table' (field 'insert')"),
        ("write-math", "math.floor = nil", "attempt to modify read-only table 'math' (field 'floor')"),
        ("registry", "debug.getregistry()", "debug.getregistry is not available in the sandbox"),
        ("loadlib", "package.loadlib('libc.so.6', 'system')", "package is not available in the sandbox"),
        ("gc-stop", "collectgarbage('stop')", "collectgarbage('stop') is not allowed in the sandbox"),
    ])
    func theFoundationCasesEndClearly(name: String, code: String, message: String) throws {
        // Time-limit cases get 1 s; the others a generous limit, so that they end by their own error.
        let timed = message.hasPrefix("time limit")
        let result = try eval(name, code, timeout: timed ? HostileProcessTests.limit : 30)
        let file = HostileProcessTests.folder.appendingPathComponent(name + ".lua").path
        #expect(result.status == 1, "status \(result.status): \(result.stderr.prefix(300))")
        #expect(result.stderr.hasPrefix(file + ":"), "names the file: \(result.stderr.prefix(300))")
        #expect(result.stderr.contains(message), "\(result.stderr.prefix(300))")
        #expect(result.seconds < HostileProcessTests.limit + HostileProcessTests.grace + HostileProcessTests.slack,
                "took \(result.seconds) s")
        #expect(result.peakKiB < HostileProcessTests.memoryTarget, "peak \(result.peakKiB) KiB, target \(HostileProcessTests.memoryTarget) KiB")
    }

    // MARK: Ctrl-C

    @Test func ctrlCEndsAStuckRunWithinASecond() throws {
        let result = try ProcessRun.dossier(["eval", "--timeout", "60", "return string.find(('a'):rep(5000), ('a-'):rep(40) .. 'b')"],
                                            interruptsAt: [1.0])
        #expect(result.status == 130, "status \(result.status): \(result.stderr.prefix(300))")
        #expect(result.stderr.contains("interrupted"))
        #expect(result.seconds < 1.0 + 1.0, "took \(result.seconds) s")
    }

    @Test func aSecondCtrlCEndsItAtOnce() throws {
        let result = try ProcessRun.dossier(["eval", "--unsafe", "--timeout", "60",
                                             "xpcall(function() while true do end end, function() while true do end end)"],
                                            interruptsAt: [1.0, 1.1])
        #expect(result.status == 130, "status \(result.status): \(result.stderr.prefix(300))")
        #expect(result.seconds < 1.1 + 1.0, "took \(result.seconds) s")
    }
}

/// One run of the built `dossier`, with its peak resident memory (from `wait4`).
struct ProcessRun {
    var status: Int32
    var signaled: Bool
    var seconds: Double
    var peakKiB: Int
    var stdout: String
    var stderr: String

    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("dossier").path
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs `dossier` with `arguments`, sending SIGINT at the given seconds; a run
    /// still going after `limit` seconds is killed (and the test fails on its status).
    static func dossier(_ arguments: [String], interruptsAt interrupts: [Double] = [], limit: Double = 120) throws -> ProcessRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // The child starts with no signal blocked and the default dispositions, as from a shell.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGUSR2, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        guard posix_spawn(&pid, executable, &actions, &attributes, argv, environ) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        var usage = rusage()
        var pending = interrupts.sorted()
        while wait4(pid, &status, WNOHANG, &usage) == 0 {
            let elapsed = Date().timeIntervalSince(started)
            if let next = pending.first, elapsed >= next {
                kill(pid, SIGINT)
                pending.removeFirst()
            }
            if elapsed > limit { kill(pid, SIGKILL) }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let signal = status & 0x7f
        return ProcessRun(status: signal == 0 ? (status >> 8) & 0xff : -1, signaled: signal != 0, seconds: seconds,
                          peakKiB: usage.ru_maxrss, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                          stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }
}
