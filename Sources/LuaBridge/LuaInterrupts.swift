import CLuaSupport
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One run's right to stop its state: valid from the start of a run until its end, so a late watchdog
/// or Ctrl-C never reaches a state that has moved on (or been closed).
final class StopToken: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var context: OpaquePointer?
    private let generation: UInt

    init(context: OpaquePointer?, generation: UInt) {
        self.context = context
        self.generation = generation
    }

    func stop(reason: Int32) {
        lock.wait()
        defer { lock.signal() }
        if let context { _ = dossier_stop(context, generation, reason) }
    }

    /// Ends the process if the run is still going (see `LuaBackstop`).
    func backstop(reason: Int32) {
        lock.wait()
        defer { lock.signal() }
        if let context { _ = dossier_backstop(context, generation, reason) }
    }

    /// Set by the first Ctrl-C that reaches the run.
    var interrupted = false

    func invalidate() {
        lock.wait()
        context = nil
        lock.signal()
    }
}

/// Ctrl-C: stops every running script the way the deadline does; with none running, `onIdle` runs. A
/// second Ctrl-C while a stopped script is still running ends the process at once, and with the
/// backstop enabled, a script still running half a second after Ctrl-C ends it too.
enum LuaInterrupts {
    /// The watchdog's own serial queue. Queues made this way get a thread even when every core is busy
    /// running scripts (the global concurrent queue would wait for one).
    static let watchdog = DispatchQueue(label: "dossier.lua.watchdog", qos: .userInitiated)

    nonisolated(unsafe) private static var running: [ObjectIdentifier: StopToken] = [:]
    private static let lock = DispatchSemaphore(value: 1)
    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    static func register(_ token: StopToken) {
        lock.wait()
        running[ObjectIdentifier(token)] = token
        lock.signal()
    }

    static func unregister(_ token: StopToken) {
        lock.wait()
        running[ObjectIdentifier(token)] = nil
        lock.signal()
    }

    /// Stops every running script, as Ctrl-C does. Returns how many were running.
    @discardableResult
    static func stopAll() -> Int {
        lock.wait()
        let tokens = Array(running.values)
        lock.signal()
        for token in tokens { token.stop(reason: Int32(DOSSIER_STOP_INTERRUPT)) }
        return tokens.count
    }

    static func install(onIdle: @escaping @Sendable () -> Void) {
        lock.wait()
        defer { lock.signal() }
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)
        let signalSource = DispatchSource.makeSignalSource(signal: SIGINT, queue: watchdog)
        signalSource.setEventHandler {
            lock.wait()
            let tokens = Array(running.values)
            lock.signal()
            if tokens.isEmpty { return onIdle() }
            if tokens.contains(where: \.interrupted) { dossier_end_process("interrupted\n", 130) }
            for token in tokens {
                token.interrupted = true
                token.stop(reason: Int32(DOSSIER_STOP_INTERRUPT))
                if LuaBackstop.isEnabled {
                    watchdog.asyncAfter(deadline: .now() + LuaBackstop.interruptGrace) {
                        token.backstop(reason: Int32(DOSSIER_STOP_INTERRUPT))
                    }
                }
            }
        }
        signalSource.resume()
        source = signalSource
    }
}

/// Stops whatever a state is running, from any thread: `state.interruptHandle.interrupt()`.
public final class LuaInterruptHandle: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var token: StopToken?

    init() {}

    func set(_ token: StopToken?) {
        lock.wait()
        self.token = token
        lock.signal()
    }

    /// Stops the state's running script as Ctrl-C does (the script sees an "interrupted" error).
    /// Does nothing when the state is idle.
    public func interrupt() {
        lock.wait()
        let token = self.token
        lock.signal()
        token?.stop(reason: Int32(DOSSIER_STOP_INTERRUPT))
    }
}
