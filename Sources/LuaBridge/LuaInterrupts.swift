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

    func invalidate() {
        lock.wait()
        context = nil
        lock.signal()
    }
}

/// Ctrl-C: stops every running script the way the deadline does; with none running, `onIdle` runs.
enum LuaInterrupts {
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

    static func install(onIdle: @escaping @Sendable () -> Void) {
        lock.wait()
        defer { lock.signal() }
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)
        let signalSource = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        signalSource.setEventHandler {
            lock.wait()
            let tokens = Array(running.values)
            lock.signal()
            if tokens.isEmpty {
                onIdle()
            } else {
                for token in tokens { token.stop(reason: Int32(DOSSIER_STOP_INTERRUPT)) }
            }
        }
        signalSource.resume()
        source = signalSource
    }
}
