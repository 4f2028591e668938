import CLua
import CLuaSupport
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// What a script may reach.
public enum LuaProfile: Sendable {
    /// The default for plugins: each chunk gets its own environment built from an allow-list, the
    /// libraries are read-only, and only text chunks load.
    case sandbox
    /// For the user's own scripts (`--unsafe`): the standard Lua environment, as the `lua5.4`
    /// interpreter gives it. Limits still apply.
    case trusted
}

public struct LuaOptions {
    public var profile: LuaProfile
    public var limits: LuaLimits
    /// Where `require` looks for pure-Lua modules, as `package.path` templates (`dir/?.lua`).
    public var modulePath: [String]
    /// Receives each line `print` writes; `nil` writes to standard output.
    public var output: ((String) -> Void)?

    public init(profile: LuaProfile = .sandbox, limits: LuaLimits = LuaLimits(), modulePath: [String] = [],
                output: ((String) -> Void)? = nil) {
        self.profile = profile
        self.limits = limits
        self.modulePath = modulePath
        self.output = output
    }
}

/// One Lua state: created with a capped allocator, owned by one thread at a time, never shared.
///
/// Every call from Swift into Lua runs protected, with the memory cap enforced while Lua runs and a
/// watchdog that stops the script when its deadline passes. Lua errors come back as `LuaError`.
public final class LuaState {
    /// What references hold: the raw state while it is open.
    final class Handle {
        var L: OpaquePointer?
        weak var owner: LuaState?
        init(_ L: OpaquePointer) { self.L = L }

        func state() throws(LuaError) -> LuaState {
            guard L != nil, let owner else {
                throw LuaError(kind: .runtime, message: "the Lua state has been closed")
            }
            return owner
        }
    }

    let handle: Handle
    /// The raw state. Valid until `close()`.
    public let L: OpaquePointer
    public let options: LuaOptions
    public var profile: LuaProfile { options.profile }
    public var limits: LuaLimits { options.limits }

    private var outputBox: Unmanaged<OutputBox>?
    var classes: [ObjectIdentifier: Int32] = [:]
    var classNames: [ObjectIdentifier: String] = [:]
    /// Handle kinds by tag, for messages ("Visit expected, got Entity").
    var handleNames: [Int: String] = [:]
    var runDepth = 0
    /// The deadline every call shares, once `limitWholeSession()` has set it.
    var sharedDeadline: DispatchTime?
    /// Whatever the host attaches to the state (the API layer keeps its context here).
    public var hostContext: AnyObject?
    /// Stops this state's running script from another thread.
    public let interruptHandle = LuaInterruptHandle()
    /// The source of the outermost function being run, to place errors that carry no position.
    var topChunk: String?
    private var closed = false
    private var makeEnvironmentRef: Int32 = 0

    public init(options: LuaOptions = LuaOptions()) throws(LuaError) {
        LuaState.installCallbacks()
        var message = [CChar](repeating: 0, count: 256)
        guard let L = dossier_newstate(max(options.limits.memoryBytes, 1), &message, message.count) else {
            throw LuaError(kind: .memoryLimit, message: String(decoding: message.prefix { $0 != 0 }.map {
                UInt8(bitPattern: $0)
            }, as: UTF8.self))
        }
        self.L = L
        self.options = options
        self.handle = Handle(L)
        handle.owner = self
        dossier_set_owner(L, Unmanaged.passUnretained(self).toOpaque())
        if let output = options.output {
            let box = Unmanaged.passRetained(OutputBox(output))
            outputBox = box
            dossier_install_base_overrides(L, { sink, bytes, length in
                guard let sink, let bytes else { return }
                let text = bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
                    String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
                }
                Unmanaged<OutputBox>.fromOpaque(sink).takeUnretainedValue().write(text)
            }, box.toOpaque())
        } else {
            dossier_install_base_overrides(L, nil, nil)
        }
        if options.profile == .sandbox {
            dossier_install_sandbox_overrides(L)
            do {
                try installSandbox()
            } catch {
                close()
                throw error
            }
        }
    }

    deinit { close() }

    /// Closes the state: every Swift object and closure handed to Lua is released.
    public func close() {
        guard !closed else { return }
        closed = true
        handle.L = nil
        closeUnderBackstop()
        outputBox?.release()
        outputBox = nil
    }

    /// Bytes the state holds now, and at most so far.
    public var memoryUsed: Int { Int(dossier_memory_used(L)) }
    public var memoryPeak: Int { Int(dossier_memory_peak(L)) }

    static func owner(of L: OpaquePointer) -> LuaState {
        Unmanaged<LuaState>.fromOpaque(dossier_owner(L)).takeUnretainedValue()
    }

    /// Runs `body` with the stack, and puts the stack back as it was.
    func withStack<T>(_ body: (LuaStack) throws(LuaError) -> T) throws(LuaError) -> T {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        guard lua_checkstack(L, 8) != 0 else {
            throw LuaError(kind: .runtime, message: "Lua stack overflow")
        }
        return try body(LuaStack(L))
    }

    // MARK: Loading and running

    /// Compiles a chunk from text. `name` is the chunk name as Lua wants it (`=label` or `@path`);
    /// without one, Lua names it after its first line.
    public func load(string code: String, name: String? = nil,
                     environment: LuaTable? = nil) throws(LuaError) -> LuaFunction {
        try withStack { stack throws(LuaError) in
            var text = code
            let chunkName = name ?? code
            let status = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    luaL_loadbufferx(L, chars.baseAddress, chars.count, chunkName, chunkMode)
                }
            }
            return try finishLoad(status: status, environment: environment, stack: stack)
        }
    }

    /// Compiles a chunk from a file. Its chunk name is `@` and the path relative to the working
    /// directory, so errors read `Plugins/x.lua:12: ...`.
    public func load(file path: String, environment: LuaTable? = nil) throws(LuaError) -> LuaFunction {
        try withStack { stack throws(LuaError) in
            let status = luaL_loadfilex(L, LuaState.displayPath(path), chunkMode)
            do throws(LuaError) { return try finishLoad(status: status, environment: environment, stack: stack) } catch {
                // "attempt to load a binary chunk" names no file: say which.
                guard error.chunk == nil, !error.message.contains(LuaState.displayPath(path)) else { throw error }
                throw LuaError(kind: error.kind, message: "\(LuaState.displayPath(path)): \(error.message)")
            }
        }
    }

    private var chunkMode: String { profile == .sandbox ? "t" : "bt" }

    private func finishLoad(status: Int32, environment: LuaTable?, stack: LuaStack) throws(LuaError) -> LuaFunction {
        guard status == LUA_OK else {
            let message = stack.string(at: -1) ?? "cannot load the chunk"
            throw LuaError(kind: status == LUA_ERRSYNTAX ? .syntax : status == LUA_ERRMEM ? .memoryLimit : .file,
                           message: message)
        }
        let chunk = lua_absindex(L, -1)
        if let environment {
            environment.reference.push(onto: stack)
            lua_setupvalue(L, chunk, 1)
        } else if profile == .sandbox {
            try pushNewEnvironment()
            lua_setupvalue(L, chunk, 1)
        }
        return LuaFunction(reference: LuaReference(L, chunk))
    }

    /// Runs `code` and returns its results.
    @discardableResult
    public func run(_ code: String, name: String? = nil, environment: LuaTable? = nil) throws(LuaError) -> [LuaValue] {
        try load(string: code, name: name, environment: environment).call()
    }

    /// Runs the file at `path` and returns its results.
    @discardableResult
    public func run(file path: String, environment: LuaTable? = nil) throws(LuaError) -> [LuaValue] {
        try load(file: path, environment: environment).call()
    }

    /// Calls a Lua function under the limits. Nested calls (from a Swift function Lua called) share the
    /// outer call's deadline.
    func call(_ function: LuaReference, arguments: [any LuaPushable]) throws(LuaError) -> [LuaValue] {
        try withStack { stack throws(LuaError) in
            let base = lua_gettop(L)
            try stack.reserve(Int32(arguments.count + 2))
            function.push(onto: stack)
            if runDepth == 0 { topChunk = LuaState.sourceName(of: L) }
            for argument in arguments { argument.push(onto: stack) }
            do throws(LuaError) {
                try protected { dossier_pcall(L, Int32(arguments.count), CLUA_MULTRET) }
            } catch {
                // What the script held is garbage now: collect it from the host (where allocations may
                // overshoot), so the state is usable again at once.
                if error.kind == .memoryLimit && runDepth == 0 { _ = clua_gc_collect(L) }
                throw error
            }
            let top = lua_gettop(L)
            return top > base ? (base + 1...top).map { stack.value(at: $0) } : []
        }
    }

    /// Builds the Swift error for a failed protected call whose error value is on top of the stack.
    func error(status: Int32) -> LuaError {
        let stack = LuaStack(L)
        _ = dossier_error_to_text(L)
        var message = LuaState.boundedText(stack, at: -1)
        dossier_push_last_traceback(L)
        let traceback = stack.string(at: -1)
        lua_pop(L, 1)
        var kind = LuaError.Kind.runtime
        switch Int32(dossier_stop_reason(L)) {
        case Int32(DOSSIER_STOP_TIMEOUT):
            kind = .timeLimit
            if !message.contains("time limit of") { message = stopMessage(reason: "time limit of \(secondsText) s exceeded") }
        case Int32(DOSSIER_STOP_MEMORY):
            kind = .memoryLimit
            if !message.contains("memory limit of") { message = stopMessage(reason: "memory limit of \(memoryMiB) MiB exceeded") }
        case Int32(DOSSIER_STOP_INTERRUPT):
            kind = .interrupted
            if !message.contains("interrupted") { message = stopMessage(reason: "interrupted") }
        default:
            if status == LUA_ERRMEM || (dossier_memory_limit_hit(L) != 0 && message.hasSuffix("not enough memory")) {
                kind = .memoryLimit
                message = (topChunk.map { "\($0): " } ?? "") + "memory limit of \(memoryMiB) MiB exceeded"
            } else if message.hasSuffix("memory limit of \(memoryMiB) MiB exceeded") {
                kind = .memoryLimit
            }
        }
        return LuaError(kind: kind, message: message, traceback: traceback)
    }

    private var secondsText: String { String(format14g: options.limits.timeSeconds ?? 0) }

    /// The message for a stop: at the line reached, else at the chunk that was running.
    private func stopMessage(reason: String) -> String {
        let location = String(cString: dossier_stop_location(L))
        if !location.isEmpty { return "\(location): \(reason)" }
        return (topChunk.map { "\($0): " } ?? "") + reason
    }

    // MARK: Globals and environments

    /// The global table (in the sandbox, the host's own; scripts see their environments instead).
    public var globals: LuaTable {
        lua_rawgeti(L, CLUA_REGISTRYINDEX, CLUA_RIDX_GLOBALS)
        defer { lua_pop(L, 1) }
        return LuaTable(reference: LuaReference(L, -1))
    }

    /// A fresh environment for a chunk: the sandbox's allow-list, or the global table when trusted.
    public func makeEnvironment() throws(LuaError) -> LuaTable {
        try withStack { stack throws(LuaError) in
            if profile == .sandbox {
                try pushNewEnvironment()
            } else {
                lua_rawgeti(L, CLUA_REGISTRYINDEX, CLUA_RIDX_GLOBALS)
            }
            return LuaTable(reference: LuaReference(L, -1))
        }
    }

    private func pushNewEnvironment() throws(LuaError) {
        lua_rawgeti(L, CLUA_REGISTRYINDEX, lua_Integer(makeEnvironmentRef))
        try protected { dossier_pcall(L, 0, 1) }
    }

    private func installSandbox() throws(LuaError) {
        try withStack { stack throws(LuaError) in
            let setup = try load(string: LuaSandbox.setupSource, name: "=(sandbox setup)",
                                 environment: globals)
            let results = try setup.call(options.modulePath.joined(separator: ";"))
            guard case .function(let make)? = results.first else {
                throw LuaError(kind: .runtime, message: "the sandbox setup returned no environment builder")
            }
            make.reference.push(onto: stack)
            makeEnvironmentRef = luaL_ref(L, CLUA_REGISTRYINDEX)
        }
    }

    /// Sets a global of the host's table.
    public func setGlobal(_ name: String, _ value: some LuaPushable) throws(LuaError) {
        try globals.set(name, value)
    }

    public func global(_ name: String) throws(LuaError) -> LuaValue {
        try globals.get(name)
    }

    // MARK: Values

    /// Converts a Swift value to a Lua value held by reference.
    public func value(_ value: some LuaPushable) -> LuaValue {
        let stack = LuaStack(L)
        value.push(onto: stack)
        defer { lua_pop(L, 1) }
        return stack.value(at: -1)
    }

    // MARK: Interruption

    /// Stops the running script from another thread, as Ctrl-C does.
    public static func installInterruptHandler(onIdle: @escaping @Sendable () -> Void) {
        LuaInterrupts.install(onIdle: onIdle)
    }

    /// Stops every script running in this process, as Ctrl-C does; returns how many were running.
    @discardableResult
    public static func interruptAllRunning() -> Int { LuaInterrupts.stopAll() }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        guard hasSuffix(suffix) else { return self }
        return String(dropLast(suffix.count)) + replacement
    }
}

final class OutputBox {
    let write: (String) -> Void
    init(_ write: @escaping (String) -> Void) { self.write = write }
}

extension LuaState {
    /// A path as the user would type it from the working directory.
    static func displayPath(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let cwd = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

extension LuaState {
    /// The Lua release the bridge is linked with ("Lua 5.4.4").
    public static var luaRelease: String { String(cString: dossier_lua_release()) }
}

extension LuaState {
    /// The short source name (`Plugins/x.lua`) of the function on top of the stack.
    static func sourceName(of L: OpaquePointer) -> String? {
        var record = lua_Debug()
        lua_pushvalue(L, -1)
        guard lua_getinfo(L, ">S", &record) != 0 else { return nil }
        let name = withUnsafeBytes(of: record.short_src) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return name == "[C]" ? nil : name
    }
}

extension LuaState {
    /// `tostring(value)`, metamethods included, run protected and within the limits: a failing `__tostring`
    /// is an error here, never a crash, and one that loops or allocates without end meets the limits.
    public func tostring(_ value: some LuaPushable) throws(LuaError) -> String {
        try withStack { stack throws(LuaError) in
            value.push(onto: stack)
            try protected { dossier_ptostring(L, -1) }
            return stack.string(at: -1) ?? ""
        }
    }

    /// `a .. b .. ...`, metamethods included, run protected.
    public func concat(_ values: [any LuaPushable]) throws(LuaError) -> LuaValue {
        guard !values.isEmpty else { return .string("") }
        return try withStack { stack throws(LuaError) in
            try stack.reserve(Int32(values.count + 2))
            for value in values { value.push(onto: stack) }
            try protected { dossier_pconcat(L, Int32(values.count)) }
            return stack.value(at: -1)
        }
    }
}

extension LuaState {
    /// A new empty table.
    public func makeTable() throws(LuaError) -> LuaTable {
        try withStack { stack in
            stack.newTable()
            return LuaTable(reference: LuaReference(L, -1))
        }
    }
}
