#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment variables, read one at a time.
///
/// `ProcessInfo.processInfo.environment` makes a dictionary of the whole environment on every read; a warm run read it
/// a dozen times (about 2.5% of the run). `getenv` reads one variable where it is, and sees what `setenv` changed, as
/// that dictionary did.
public enum ProcessEnvironment {
    /// The running binary's size and modification time: a rebuilt Dossier (new rules in Swift, names indexed
    /// otherwise) is a new key of every cache (model, gazetteer snapshot) even when its version number is the same.
    public static let buildIdentity: String = {
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "unknown build" }
        return "build \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }()

    /// The value of `name`, or nil when it is not set.
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The value of `name` in `given` when given (a test's environment), else the process's.
    public static func value(_ name: String, in given: [String: String]?) -> String? {
        given.map { $0[name] } ?? value(name)
    }
}
