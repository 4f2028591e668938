import CLua
import CLuaSupport
import Dispatch

/// Limits that keep a script from hurting the host.
public struct LuaLimits: Sendable, Equatable {
    /// The cap on the memory the state may hold, in bytes.
    public var memoryBytes: Int
    /// The wall-clock time a call from the host may take, in seconds; `nil` for none.
    public var timeSeconds: Double?

    public static let defaultMemoryMiB = 256
    public static let defaultTimeSeconds = 10.0

    public init(memoryBytes: Int = LuaLimits.defaultMemoryMiB * 1024 * 1024,
                timeSeconds: Double? = LuaLimits.defaultTimeSeconds) {
        self.memoryBytes = memoryBytes
        self.timeSeconds = timeSeconds
    }

    /// A cap in MiB; a cap too large to count in bytes is no cap at all (`Int.max` bytes).
    public init(memoryMiB: Int, timeSeconds: Double?) {
        let (bytes, overflow) = memoryMiB.multipliedReportingOverflow(by: 1024 * 1024)
        self.init(memoryBytes: overflow ? (memoryMiB < 0 ? 1 : Int.max) : bytes, timeSeconds: timeSeconds)
    }
}

/// The hard backstop of a process that runs scripts for a user (the `dossier` command, a batch worker).
///
/// The stop hook cannot reach a C function's inner loop (`string.find` backtracking for minutes) nor Lua
/// code run with hooks off. Once `enable(grace:)` has been called, a run of any state of the process that
/// is still going `grace` seconds after its deadline (or after Ctrl-C, `interruptGrace`) ends the whole
/// process: one line on standard error naming the limit and, when known, the C function
/// (`x.lua:3: time limit of 2 s exceeded in the C function 'find' (ended from outside the script)`), and
/// exit status 1 (130 for Ctrl-C). Nothing else is written, so no partial report is left behind. Tests
/// and other in-process hosts never enable it.
public enum LuaBackstop {
    nonisolated(unsafe) static var grace = 1.0
    /// How long a run may go on after Ctrl-C before the process ends.
    static let interruptGrace = 0.5

    /// Arms the backstop for every run of this process, `grace` seconds past its time limit.
    public static func enable(grace: Double = 1.0) {
        self.grace = max(grace, 0)
        dossier_backstop_enable()
    }

    public static var isEnabled: Bool { dossier_backstop_enabled() != 0 }
}

extension LuaState {
    /// From now on, every call into this state shares one deadline, counted from now: the time limit
    /// covers everything the host runs for the script (its chunk, manifest reads, `run`, conversions of
    /// its report data and errors), not each call afresh.
    public func limitWholeSession() {
        guard let seconds = options.limits.timeSeconds else { return }
        sharedDeadline = .now() + LuaState.boundedSeconds(seconds)
    }

    /// Runs `body`, whose calls into this state (each protected: table reads and writes, chunks, functions)
    /// count as one outermost call: the watchdog is armed once for all of them, at the session's deadline, instead
    /// of once per call (two dispatch timers and a Ctrl-C registration each; a plugin's start made about forty
    /// such calls). A deadline or Ctrl-C that comes while `body` runs Swift code stops the next Lua code it runs,
    /// as it stops the next call otherwise.
    public func asOneRun<T>(_ body: () throws -> T) throws -> T {
        var result: Result<T, any Error>?
        withLimits { result = Result { try body() } }
        return try result!.get()
    }

    /// Counts `bytes` the host keeps for the script (report data, converted text) against its memory cap.
    /// Past the cap, throws the memory-limit error and stops the running script as the cap does.
    public func chargeHostMemory(_ bytes: Int) throws(LuaError) {
        guard bytes > 0, dossier_charge_host_memory(L, bytes) != 0 else { return }
        throw LuaError(kind: .memoryLimit, message: "memory limit of \(memoryMiB) MiB exceeded")
    }

    var memoryMiB: Int { Int(clamping: dossier_memory_limit(L)) / (1024 * 1024) }

    /// Runs a protected operation (it returns a Lua status) within the limits; a failure's error is read
    /// (and its `__tostring` run) within them too.
    func protected(_ body: () -> Int32) throws(LuaError) {
        var failure: LuaError?
        withLimits {
            let status = body()
            if status != LUA_OK { failure = error(status: status) }
        }
        if let failure { throw failure }
    }

    /// Brackets the outermost call into Lua with the deadline: the watchdog arms the stop hook only when
    /// the deadline passes, so nothing runs before then; with the backstop enabled, it ends the process
    /// if the run is still going after the grace period.
    func withLimits(_ body: () -> Void) {
        runDepth += 1
        defer { runDepth -= 1 }
        guard runDepth == 1 else { return body() }
        let generation = dossier_run_begin(L, options.limits.timeSeconds ?? 0)
        let token = StopToken(context: dossier_context_of(L), generation: generation)
        LuaInterrupts.register(token)
        interruptHandle.set(token)
        if let seconds = options.limits.timeSeconds {
            let deadline = sharedDeadline ?? .now() + LuaState.boundedSeconds(seconds)
            if deadline <= .now() {
                token.stop(reason: Int32(DOSSIER_STOP_TIMEOUT))
            } else {
                LuaInterrupts.watchdog.asyncAfter(deadline: deadline) { token.stop(reason: Int32(DOSSIER_STOP_TIMEOUT)) }
            }
            if LuaBackstop.isEnabled {
                LuaInterrupts.watchdog.asyncAfter(deadline: deadline + LuaBackstop.grace) {
                    token.backstop(reason: Int32(DOSSIER_STOP_TIMEOUT))
                }
            }
        }
        body()
        token.invalidate()
        interruptHandle.set(nil)
        LuaInterrupts.unregister(token)
        dossier_run_end(L)
    }

    /// Closes the state; its finalizers run with hooks off, so with the backstop enabled, one that loops
    /// past the time limit and the grace ends the process.
    func closeUnderBackstop() {
        guard LuaBackstop.isEnabled, let seconds = options.limits.timeSeconds else { return dossier_close(L) }
        let generation = dossier_run_begin(L, seconds)
        let token = StopToken(context: dossier_context_of(L), generation: generation)
        LuaInterrupts.watchdog.asyncAfter(deadline: .now() + LuaState.boundedSeconds(seconds) + LuaBackstop.grace) {
            token.backstop(reason: Int32(DOSSIER_STOP_TIMEOUT))
        }
        let context = dossier_close_keeping_context(L)
        token.invalidate()
        dossier_free_context(context)
    }

    /// A time limit the clock can add: at most a year.
    static func boundedSeconds(_ seconds: Double) -> Double { min(max(seconds, 0), 365 * 24 * 3600) }

    /// The string at `index`, its first 64 KiB at most: a message is for reading, and a script must not
    /// make the host copy a huge one.
    static func boundedText(_ stack: LuaStack, at index: Int32) -> String {
        var length = 0
        guard stack.type(at: index) == LUA_TSTRING, let bytes = lua_tolstring(stack.L, index, &length) else {
            return "(error object is a \(stack.typeName(at: index)) value)"
        }
        let shown = min(length, 64 * 1024)
        let text = bytes.withMemoryRebound(to: UInt8.self, capacity: shown) {
            String(decoding: UnsafeBufferPointer(start: $0, count: shown), as: UTF8.self)
        }
        return shown == length ? text : text + "... (\(length) bytes in all)"
    }
}
