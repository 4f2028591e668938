// The batch's side of a worker process: start `dossier batch-worker` for one report (in a process group
// of its own, Ctrl-C's default restored), hand it the request, read its lines, and end it from outside
// when it outlives its time limit plus a grace period, when the batch stops, or never hear from it
// again when it crashes. However it ends, the outcome says what happened, in words a user can act on.

import Foundation
import TerminalText
#if canImport(Glibc)
import Glibc
#endif

/// How the batch starts and watches its workers.
public struct WorkerSettings: Sendable {
    /// The `dossier` executable and the arguments that make it a worker.
    public var executable: String
    public var arguments: [String]
    /// Past the script's time limit, how long the worker has to stop by itself before it is killed.
    public var graceSeconds: Double
    /// How long a worker may take to build the corpus before it runs the report.
    public var startupSeconds: Double

    public init(executable: String, arguments: [String] = ["batch-worker"], graceSeconds: Double = 2,
                startupSeconds: Double = 60) {
        self.executable = executable
        self.arguments = arguments
        self.graceSeconds = graceSeconds
        self.startupSeconds = startupSeconds
    }
}

/// One worker process, from its start to its end.
struct WorkerProcess {
    /// How a worker ended.
    enum End {
        /// It sent its outcome (which may be the report's own failure).
        case outcome(ReportOutcome)
        /// It died, hung or said nothing useful: why, as the manifest records it.
        case failed(BatchFailure)
        /// The batch stopped it (Ctrl-C, `--fail-fast`).
        case stopped
    }

    let settings: WorkerSettings
    let request: WorkerRequest
    let pluginDisplayPath: String

    /// Starts the worker, waits for it and returns how it ended and the CPU time it used. `started` gets
    /// the process id (to stop it from elsewhere); `shouldStop` is asked every tenth of a second.
    func run(started: (pid_t) -> Void, shouldStop: () -> Bool) -> (End, cpuSeconds: Double) {
        guard let input = try? JSONEncoder().encode(request) else {
            return (.failed(failure("crash", "cannot encode the worker's request")), 0)
        }
        let child: SpawnedChild
        do { child = try SpawnedChild.spawn(settings.executable, settings.arguments) } catch {
            return (.failed(failure("io", "cannot start a worker process (\(settings.executable)): \(error.message)")), 0)
        }
        started(child.pid)
        child.send(input)
        let watch = watchOutput(of: child, shouldStop: shouldStop)
        let (status, usage) = child.wait()
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let output = URL(fileURLWithPath: request.task.output, isDirectory: true)
        // An outcome sent whole counts even when the worker was killed afterwards (it lingered).
        if let line = watch.lines.dropFirst().first, watch.killed != .stop,
           let outcome = try? JSONDecoder().decode(ReportOutcome.self, from: Data(line.utf8)) {
            return (.outcome(outcome), cpu)
        }
        OutputDirectory.removeTemporaries(ofProcess: child.pid, in: output)
        return (end(status: status, maxResidentKiB: Int(usage.ru_maxrss), watch: watch), cpu)
    }

    /// Why the worker gave no outcome, from how it ended.
    private func end(status: Int32, maxResidentKiB: Int, watch: Watch) -> End {
        let detail = watch.errorTail.isEmpty ? "" : " (it said: \(watch.errorTail))"
        switch watch.killed {
        case .stop?:
            return .stopped
        case .time?:
            let limit = request.timeSeconds.map { Self.seconds($0) } ?? "?"
            return .failed(failure("timeLimit", "time limit of \(limit) s exceeded: the report did not stop within the "
                                   + "\(Self.seconds(settings.graceSeconds)) s grace period, so its worker process was killed"))
        case .startup?:
            return .failed(failure("timeLimit", "the worker process did not finish building the corpus within "
                                   + "\(Self.seconds(settings.startupSeconds)) s and was killed"))
        case nil:
            break
        }
        let signal = status & 0x7F
        let code = (status >> 8) & 0xFF
        let backstopMiB = request.memoryBackstopBytes / (1024 * 1024)
        if maxResidentKiB / 1024 >= backstopMiB * 9 / 10 || watch.errorTail.localizedCaseInsensitiveContains("memory") {
            return .failed(failure("memoryLimit", "memory limit exceeded: the worker process reached the OS limit of "
                                   + "\(backstopMiB) MiB and ended\(detail)"))
        }
        if signal != 0 {
            return .failed(failure("crash", "the report's worker process crashed (signal \(signal), \(Self.signalName(signal)))\(detail)"))
        }
        return .failed(failure("crash", "the report's worker process exited with status \(code) without a result\(detail)"))
    }

    private func failure(_ kind: String, _ message: String) -> BatchFailure {
        BatchFailure(kind: kind, message: "\(pluginDisplayPath): \(message)", file: pluginDisplayPath, line: nil, traceback: nil)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGABRT: "SIGABRT"
        case SIGILL: "SIGILL"
        case SIGKILL: "SIGKILL"
        case SIGTERM: "SIGTERM"
        case SIGFPE: "SIGFPE"
        case SIGTRAP: "SIGTRAP"
        default: "signal \(signal)"
        }
    }

    // MARK: Watching

    enum Kill { case time, startup, stop }

    struct Watch {
        var lines: [String] = []
        /// The first lines the worker wrote on standard error (a crash's reason), escaped, on one line.
        var errorTail = ""
        var killed: Kill?
    }

    /// Reads the worker's output until it closes both pipes, killing it when a deadline passes or the
    /// batch stops.
    private func watchOutput(of child: SpawnedChild, shouldStop: () -> Bool) -> Watch {
        var watch = Watch()
        var out = Data(), err = Data()
        var deadline = Self.now() + settings.startupSeconds
        var ready = false
        var open: [Int32] = [child.output, child.error]
        while !open.isEmpty {
            if watch.killed == nil {
                if shouldStop() { watch.killed = .stop } else if Self.now() > deadline { watch.killed = ready ? .time : .startup }
                if watch.killed != nil { child.kill() }
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready_ = poll(&fds, nfds_t(fds.count), 100)
            if ready_ < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let n = read(entry.fd, &buffer, buffer.count)
                if n > 0 {
                    if entry.fd == child.output { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
                    if err.count > 64 << 10 { err = err.prefix(64 << 10) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
            if !ready, out.contains(0x0A) {
                ready = true
                deadline = request.timeSeconds.map { Self.now() + $0 + settings.graceSeconds } ?? .infinity
            }
        }
        watch.lines = String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
        // The line that says what went wrong ("Fatal error: ...", a sanitizer's "ERROR: ..."), else the first two.
        let errorLines = String(decoding: err.prefix(4096), as: UTF8.self).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.allSatisfy { $0 == "=" } }
        let telling = errorLines.first { $0.localizedCaseInsensitiveContains("error") }.map { [$0] } ?? Array(errorLines.prefix(2))
        watch.errorTail = TerminalText.escaped(String(telling.joined(separator: " / ").prefix(300)))
        return watch
    }

    /// `2`, `0.5`: seconds as a user wrote them.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A child process with its standard input, output and error on pipes, alone in its process group.
struct SpawnedChild {
    let pid: pid_t
    let input: Int32
    let output: Int32
    let error: Int32

    /// Pipes are made close-on-exec and children started under one lock, so no child inherits the pipes
    /// of another (which would hold them open after that one ends).
    private static let spawnLock = NSLock()

    static func spawn(_ executable: String, _ arguments: [String]) throws(OutputError) -> SpawnedChild {
        spawnLock.lock()
        defer { spawnLock.unlock() }
        var stdinPipe: [Int32] = [0, 0], stdoutPipe: [Int32] = [0, 0], stderrPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0, pipe(&stderrPipe) == 0 else {
            throw OutputError(String(cString: strerror(errno)))
        }
        for fd in stdinPipe + stdoutPipe + stderrPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGPIPE, SIGTERM, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        // A crash ends the worker at once: Swift's backtracer would otherwise spend seconds on it.
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(stdinPipe[0]); close(stdoutPipe[1]); close(stderrPipe[1])
        guard result == 0 else {
            close(stdinPipe[1]); close(stdoutPipe[0]); close(stderrPipe[0])
            throw OutputError(String(cString: strerror(result)))
        }
        return SpawnedChild(pid: pid, input: stdinPipe[1], output: stdoutPipe[0], error: stderrPipe[0])
    }

    /// Writes `data` to the child's standard input and closes it.
    func send(_ data: Data) {
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(input, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                done += n
            }
        }
        close(input)
    }

    /// Kills the child and everything it started.
    func kill() {
        Glibc.kill(-pid, SIGKILL)
        Glibc.kill(pid, SIGKILL)
    }

    /// Waits for the child to end (killing it when it lingers 5 s after closing its output); closes the
    /// pipes. Returns the wait status and its resource usage.
    func wait() -> (status: Int32, usage: rusage) {
        close(output)
        close(error)
        var status: Int32 = 0
        var usage = rusage()
        let patience = WorkerProcess.now() + 5
        while true {
            let result = wait4(pid, &status, WNOHANG, &usage)
            if result == pid || (result < 0 && errno != EINTR) { break }
            if WorkerProcess.now() > patience { kill() }
            usleep(2_000)
        }
        return (status, usage)
    }
}
