import Foundation
import LuaBridge
import Testing

@Suite("The sandbox")
struct SandboxTests {
    /// Every escape must fail with a clear error, the way Redis tests its "trick global protection".
    @Test(arguments: [
        ("os.execute('true')", "attempt to call a nil value (field 'execute')"),
        ("os.exit(1)", "attempt to call a nil value (field 'exit')"),
        ("io.open('/etc/passwd')", "attempt to index a nil value (global 'io')"),
        ("require('lpeg')", "module 'lpeg' not found"),
        ("package.loadlib('libc.so.6', 'system')", "attempt to index a nil value (global 'package')"),
        ("assert(load('\\27Lua\\84\\0'))", "attempt to load a binary chunk (mode is 't')"),
        ("load('return 1', 'x', 'b')", "only text chunks can be loaded in the sandbox"),
        ("string.dump(print)", "string.dump is not available in the sandbox: it would hand out bytecode"),
        ("local dump = ('').dump; dump(print)", "string.dump is not available in the sandbox: it would hand out bytecode"),
        ("getmetatable('').__index.rep = nil", "attempt to modify read-only table 'string' (field 'rep')"),
        ("getmetatable('').__index = {}", "attempt to modify read-only table 'string metatable' (field '__index')"),
        ("string.upper = nil", "attempt to modify read-only table 'string' (field 'upper')"),
        ("table.insert = print", "attempt to modify read-only table 'table' (field 'insert')"),
        ("math.pi = 3", "attempt to modify read-only table 'math' (field 'pi')"),
        ("rawset(string, 'rep', print)", "attempt to modify read-only table 'string' (field 'rep')"),
        ("setmetatable(string, {})", "cannot change a protected metatable"),
        ("debug.getregistry()", "attempt to call a nil value (field 'getregistry')"),
        ("debug.sethook()", "attempt to call a nil value (field 'sethook')"),
        ("collectgarbage('stop')", "collectgarbage('stop') is not allowed in the sandbox"),
        ("dofile('/etc/passwd')", "attempt to call a nil value (global 'dofile')"),
        ("loadfile('/etc/passwd')", "attempt to call a nil value (global 'loadfile')"),
        ("setmetatable({}, {__gc = function() while true do end end})", "__gc metamethods are not allowed"),
    ])
    func escapesFailClearly(code: String, expected: String) throws {
        let state = try LuaState()
        let error = try #require(luaError { try state.run(code, name: "=escape.lua") })
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.chunk == "escape.lua")
        // Nothing leaked: the real library is intact for the next chunk.
        #expect(try state.run("return string.rep('ab', 2), ('x'):upper(), math.pi > 3") ==
                [.string("abab"), .string("X"), .boolean(true)])
    }

    @Test func collectgarbageStopCannotLiftTheMemoryCap() throws {
        let state = try LuaState(options: LuaOptions(limits: LuaLimits(memoryMiB: 16, timeSeconds: 10)))
        let error = try #require(luaError {
            try state.run("pcall(collectgarbage, 'stop')\nlocal t = {}\nwhile true do t[#t + 1] = {} end", name: "=gc.lua")
        })
        #expect(error.kind == .memoryLimit)
    }

    @Test func eachChunkHasItsOwnEnvironment() throws {
        let state = try LuaState()
        try state.run("leaked = 'from the first chunk'")
        #expect(try state.run("return leaked") == [.nil])
        let environment = try state.makeEnvironment()
        try state.run("shared = 42", environment: environment)
        #expect(try state.run("return shared", environment: environment) == [.integer(42)])
    }

    @Test func loadDefaultsToTheCallersEnvironment() throws {
        let state = try LuaState()
        #expect(try state.run("x = 5 return load('return x')()") == [.integer(5)])
    }

    @Test func requireFindsPureLuaModulesOnThePluginPathOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-req-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "local M = {} function M.twice(x) return 2 * x end return M".write(
            to: folder.appendingPathComponent("helpers.lua"), atomically: true, encoding: .utf8)
        let state = try LuaState(options: LuaOptions(modulePath: [folder.path + "/?.lua"]))
        #expect(try state.run("local h = require('helpers') return h.twice(21), require('helpers') == h") ==
                [.integer(42), .boolean(true)])
        let missing = try #require(luaError { try state.run("require('nothere')") })
        #expect(missing.message.contains("module 'nothere' not found on the plugin search path"))
    }

    /// The surface a sandboxed script sees. A change here must be deliberate: update the list.
    @Test func globalsSnapshot() throws {
        let state = try LuaState()
        let listing = try state.run("""
            local names = {}
            for k, v in pairs(_ENV) do
              if type(v) == "table" and k ~= "_G" then
                for k2, v2 in pairs(v) do names[#names+1] = k .. "." .. k2 .. ": " .. type(v2) end
              else names[#names+1] = k .. ": " .. type(v) end
            end
            table.sort(names)
            return table.concat(names, "\\n")
            """)
        #expect(listing.first?.stringValue == SandboxTests.expectedGlobals)
    }

    static let expectedGlobals = """
_G: table
_VERSION: string
assert: function
collectgarbage: function
coroutine.close: function
coroutine.create: function
coroutine.isyieldable: function
coroutine.resume: function
coroutine.running: function
coroutine.status: function
coroutine.wrap: function
coroutine.yield: function
debug.traceback: function
error: function
getmetatable: function
ipairs: function
load: function
math.abs: function
math.acos: function
math.asin: function
math.atan2: function
math.atan: function
math.ceil: function
math.cos: function
math.cosh: function
math.deg: function
math.exp: function
math.floor: function
math.fmod: function
math.frexp: function
math.huge: number
math.ldexp: function
math.log10: function
math.log: function
math.max: function
math.maxinteger: number
math.min: function
math.mininteger: number
math.modf: function
math.pi: number
math.pow: function
math.rad: function
math.random: function
math.randomseed: function
math.sin: function
math.sinh: function
math.sqrt: function
math.tan: function
math.tanh: function
math.tointeger: function
math.type: function
math.ult: function
next: function
os.clock: function
os.date: function
os.time: function
pairs: function
pcall: function
print: function
rawequal: function
rawget: function
rawlen: function
rawset: function
require: function
select: function
setmetatable: function
string.byte: function
string.char: function
string.dump: function
string.find: function
string.format: function
string.gmatch: function
string.gsub: function
string.len: function
string.lower: function
string.match: function
string.pack: function
string.packsize: function
string.rep: function
string.reverse: function
string.sub: function
string.unpack: function
string.upper: function
table.concat: function
table.insert: function
table.move: function
table.pack: function
table.remove: function
table.sort: function
table.unpack: function
tonumber: function
tostring: function
type: function
utf8.char: function
utf8.charpattern: string
utf8.codepoint: function
utf8.codes: function
utf8.len: function
utf8.offset: function
xpcall: function
"""
}

@Suite("The trusted profile")
struct TrustedProfileTests {
    @Test func hasTheFullStandardLibrary() throws {
        let state = try LuaState(options: LuaOptions(profile: .trusted))
        let results = try state.run("return type(io.open), type(os.execute), type(string.dump), type(debug.getregistry), type(package.loadlib)")
        #expect(results == Array(repeating: .string("function"), count: 5))
    }

    /// Standard Lua programs print the same as under the `lua5.4` interpreter.
    @Test(arguments: TrustedProfileTests.programs)
    func behavesLikeTheLuaInterpreter(program: String) throws {
        let interpreter = ["/usr/bin/lua5.4", "/usr/local/bin/lua5.4"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(interpreter != nil, "lua5.4 is not installed (make test installs it)")
        let expected = try TrustedProfileTests.runInterpreter(interpreter!, program)
        let captured = try CapturedState(profile: .trusted)
        let failure = luaError { try captured.state.run(program, name: "=stdin") }
        #expect(failure == nil)
        #expect(captured.output == expected)
    }

    static func runInterpreter(_ path: String, _ program: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(program.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static let programs = [
        "print(1, 2.0, -0.0, 1e100, 2^53, 7 // 2, 7.0 // 2, 7 % -3, 1/0, math.maxinteger + 1 == math.mininteger)",
        "print(string.format('%q %5.2f %x %s %d', 'a\\nb', 3.14159, 255, nil, 3))",
        "local t = {5, 3, 8, 1} table.sort(t, function(a, b) return a > b end) print(table.concat(t, ','))",
        "print(select('#', nil, nil), select(2, 'a', 'b', 'c'))",
        "print(select('#', pcall(error, {code = 1})), type(select(2, pcall(error, {})))) print(pcall(error, 'msg', 0)) print(select(2, pcall(error, 'lvl')))",
        "local co = coroutine.create(function(a, b) local c = coroutine.yield(a + b) local d, e = coroutine.yield(c * 2) return d + e end) print(coroutine.resume(co, 1, 2)) print(coroutine.resume(co, 10)) print(coroutine.resume(co, 3, 4)) print(coroutine.resume(co)) print(coroutine.status(co))",
        "local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) print(gen(), gen(), gen())",
        "local w = coroutine.wrap(function() error('inside') end) print(pcall(w))",
        "local w = coroutine.wrap(function() error({}) end) local ok, e = pcall(w) print(ok, type(e))",
        "local co = coroutine.create(function() error('boom') end) print(coroutine.resume(co)) print(coroutine.resume(co)) print(coroutine.close(co))",
        "print(coroutine.resume(coroutine.running()))",
        "print(pcall(coroutine.resume, 42))",
        "local mt = {__index = function(t, k) return k .. '!' end, __call = function(self, x) return x * 2 end} local o = setmetatable({}, mt) print(o.hi, o(21))",
        "local words = {} for w in string.gmatch('one two three', '%a+') do words[#words + 1] = w end print(table.concat(words, '.'))",
        "print(utf8.len('Việt Nam'), utf8.char(272, 7879), #'Đ')",
        "goto skip print('not printed') ::skip:: print('after goto')",
        "print(tostring(nil), tostring(true), tonumber('0x10'), tonumber('10', 2), tonumber('z', 36), math.type(1), math.type(1.0))",
        "local t = setmetatable({}, {__close = function() print('closed') end}) do local x <close> = t end print('done')",
        "print(string.rep('ab', 3, '-'), ('x'):rep(2), #string.pack('i4', 7))",
        "print(next({}), rawlen({1, 2}), rawequal('a', 'a'), type(print))",
    ]
}
