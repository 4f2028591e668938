// The parts of the Lua bridge that must be written in C.
//
// Everything that can raise a Lua error (and so longjmp) lives here, so that no longjmp ever crosses a
// Swift frame: Swift bodies return a status, and these trampolines raise the error once Swift has
// returned. The capped allocator, the deadline hook and the coroutine wrappers that keep the hook
// reaching every running coroutine are here too, one concern a file: state.c (a state's life),
// allocator.c (the cap), calls.c (protected calls, the message handler), limits.c (deadlines, stops and
// the backstop), functions.c and objects.c (Swift functions and classes), handles.c (handles and
// sequences), protected.c (host-side operations that may run metamethods), baselib.c and bounded.c
// (replaced standard functions).
//
// The backstop. Some code cannot be reached by the stop hook: a C function's inner loop (a pattern
// that backtracks, say), or Lua code run while hooks are off. A process that runs scripts for a user
// (the `dossier` command, a batch worker) calls `dossier_backstop_enable()` once; from then on,
// `dossier_backstop(context, generation, reason)`, called by the watchdog a grace period after it
// stopped run `generation`, ends the whole process if that run is still going: it prints one line on
// standard error ("chunk:line: time limit of N s exceeded in the C function 'find' (ended from outside
// the script)") and exits with status 1 (130 for an interruption), writing nothing else. In Swift,
// `LuaBackstop.enable(grace:)` does both: every run of the process is then covered.
#ifndef DOSSIER_CLUASUPPORT_H
#define DOSSIER_CLUASUPPORT_H

#include <stddef.h>
#include <stdint.h>

typedef struct lua_State lua_State;

/// Why a running script was stopped from outside.
enum {
    DOSSIER_STOP_NONE = 0,
    DOSSIER_STOP_TIMEOUT = 1,
    DOSSIER_STOP_INTERRUPT = 2,
    /// The memory cap refused an allocation: the script ends even if it catches the memory error.
    DOSSIER_STOP_MEMORY = 3,
};

/// Status codes a Swift body returns to its trampoline.
enum {
    /// The error value is on top of the stack; raise it as it is.
    DOSSIER_RAISE_VALUE = -1,
    /// A string error is on top of the stack; prefix it with the caller's position, then raise it.
    DOSSIER_RAISE_WITH_POSITION = -2,
};

/// Per-state bookkeeping shared by the allocator, the trampolines, the hook and the watchdog.
typedef struct dossier_context dossier_context;

/// Called by trampolines: run the Swift body `box` with the arguments on `L`'s stack.
/// Returns the number of results pushed, or one of the DOSSIER_RAISE_* codes.
typedef int (*dossier_call_fn)(lua_State *L, void *box);
/// Called by a class's `__index` for a property: push property `property` of `object`.
typedef int (*dossier_get_fn)(lua_State *L, void *classBox, void *object, int property);
/// Releases a retained Swift object or closure box.
typedef void (*dossier_release_fn)(void *box);
/// Receives what `print` writes (one call per `print`, with the trailing newline).
typedef void (*dossier_output_fn)(void *sink, const char *bytes, size_t length);

/// Installs the Swift entry points. Called once, before any state is made.
void dossier_install_callbacks(dossier_call_fn call, dossier_get_fn get, dossier_release_fn release);

/// Creates a state with the capped allocator and a panic handler, and opens the standard libraries
/// under protection. Returns NULL (and writes a message into `error`) when that fails.
lua_State *dossier_newstate(size_t memoryLimit, char *error, size_t errorSize);
/// Closes the state and frees its context.
void dossier_close(lua_State *L);
/// Closes the state (its finalizers run) but keeps its context, so that a watchdog holding it can still
/// end a finalizer that loops (see dossier_backstop); free it with dossier_free_context afterwards.
dossier_context *dossier_close_keeping_context(lua_State *L);
void dossier_free_context(dossier_context *context);
dossier_context *dossier_context_of(lua_State *L);
/// The Swift object that owns the state (not retained), for callbacks that start from a `lua_State`.
void dossier_set_owner(lua_State *L, void *owner);
void *dossier_owner(lua_State *L);

// Memory.
size_t dossier_memory_used(lua_State *L);
size_t dossier_memory_peak(lua_State *L);
size_t dossier_memory_limit(lua_State *L);
void dossier_set_memory_limit(lua_State *L, size_t limit);
/// True when an allocation was refused because of the cap since the last `dossier_pcall`.
int dossier_memory_limit_hit(lua_State *L);
/// Counts `bytes` the host holds on the script's behalf (report data, converted text) against the cap.
/// Returns 1, and stops the running script as the cap does, when the total is past the cap.
int dossier_charge_host_memory(lua_State *L, size_t bytes);
void dossier_release_host_memory(lua_State *L, size_t bytes);

// Calls from the host. `dossier_pcall` runs the function below `nargs` arguments with the message
// handler that turns any error object into text and records a traceback. While Lua runs, the memory
// cap is enforced; host frames around it may overshoot.
int dossier_pcall(lua_State *L, int nargs, int nresults);
/// The traceback recorded by the message handler for the last error (pushed as a string, or nil).
void dossier_push_last_traceback(lua_State *L);
/// Replaces the error object on top by its text: `__tostring` runs as script code (under the cap and
/// the hook); a value that has none, or whose conversion fails, gives "(error object is a T value)".
/// Returns 0 when the value itself gave the text.
int dossier_error_to_text(lua_State *L);

// Deadlines and interruption. A run is bracketed by begin/end; the watchdog calls `dossier_stop`
// with the generation it was armed for, and the hook is armed only then.
unsigned long dossier_run_begin(lua_State *L, double timeLimitSeconds);
void dossier_run_end(lua_State *L);
/// Arms the stop hook if run `generation` is still the current one. Safe from any thread.
int dossier_stop(dossier_context *context, unsigned long generation, int reason);
/// Why the current or last run was stopped (DOSSIER_STOP_*), and where ("chunk:line").
int dossier_stop_reason(lua_State *L);
const char *dossier_stop_location(lua_State *L);

/// Lets `dossier_backstop` end the process (see the backstop above). Call once, before any run.
void dossier_backstop_enable(void);
int dossier_backstop_enabled(void);
/// If run `generation` still runs, ends the process with the message for `reason`; returns 0 when the
/// run has ended (or the backstop is not enabled). Called by the watchdog, from any thread.
int dossier_backstop(dossier_context *context, unsigned long generation, int reason);
/// Writes `line` to standard error and ends the process with `status` at once (a second Ctrl-C).
void dossier_end_process(const char *line, int status);

// Swift functions and objects.
/// Pushes a Lua function that calls the Swift body `box` (retained by the caller, released by
/// `__gc` of its upvalue exactly once).
void dossier_push_swift_function(lua_State *L, void *box);
/// Creates the metatable of a Swift class: `__index` looks the key up in `members` (at `membersIndex`:
/// a method, or a property id) and asks Swift for a property. With `cacheAfter` > 0, an object read that
/// many times gets a metatable of its own whose `__index` is a table caching its members, so later
/// reads are plain table reads (for classes whose properties do not change). Leaves the metatable on
/// the stack.
void dossier_new_class_metatable(lua_State *L, int membersIndex, void *classBox, const char *name, int cacheAfter);
/// Pushes a userdata holding `object` (already retained) with the metatable at `metatableIndex`.
void dossier_push_object(lua_State *L, void *object, int metatableIndex);
/// The object of the userdata at `index` if its metatable is the one at `metatableIndex`, else NULL.
void *dossier_to_object(lua_State *L, int index, int metatableIndex);
/// The object of the userdata at index 1 of a metamethod reached through its own metatable (no check).
void *dossier_to_self_object(lua_State *L);
/// The object of a Dossier userdata at `index` whatever its class, or NULL.
void *dossier_to_any_object(lua_State *L, int index);

// Handles: light userdata that name an item by kind (a tag, 1-255) and index, with no allocation and no
// finalizer. All handles share the light-userdata metatable, whose `__index` looks the key up in the
// kind's members (a method, or a property id) and asks Swift for a property (or reads its column).
typedef int (*dossier_handle_get_fn)(lua_State *L, void *provider, int tag, long long index, int property);
void dossier_install_handle_callback(dossier_handle_get_fn get);
/// Makes the metatable of every light userdata: `__index` as above, with `members` (at the given
/// index) holding, per tag, a table from member name to a method or a property id. The other
/// metamethods are set by the caller on the table left on the stack.
void dossier_new_handle_metatable(lua_State *L, int membersIndex, void *provider);
void dossier_push_handle(lua_State *L, int tag, long long index);
/// The tag and index of the handle at `index`; returns 0 when the value is not a handle.
int dossier_to_handle(lua_State *L, int index, int *tag, long long *item);

/// Publishes a column of integer values (LLONG_MIN meaning nil) for property `property` of handle kind
/// `tag`: `__index` then reads it in C, without calling Swift. The values must outlive the state.
void dossier_set_handle_column(lua_State *L, int tag, int property, const long long *values, size_t count);

/// Pushes a userdata for a Swift object that is also a sequence of handles of kind `tag` (a query):
/// its metatable's `__call` may be `dossier_sequence_call`, which steps through `items` in C (NULL
/// items: the indexes 0..<count).
void dossier_push_sequence(lua_State *L, void *object, int metatableIndex, const long long *items, size_t count, int tag);
/// `for item in sequence do`: the generic-for step of a sequence userdata.
int dossier_sequence_call(lua_State *L);

// Protected host-side operations (each runs under lua_pcall; 0 means success).
/// t[k] where the table is at `tableIndex` and the key on top: replaces the key by the value.
int dossier_pgettable(lua_State *L, int tableIndex);
/// t[k] = v with key and value on top: pops both.
int dossier_psettable(lua_State *L, int tableIndex);
/// Converts the value at `index` to text like `tostring` does; pushes the result (or the error).
int dossier_ptostring(lua_State *L, int index);
/// Concatenates the `n` values on top like `..` does; leaves the result (or the error).
int dossier_pconcat(lua_State *L, int n);

// Standard library pieces.
/// Replaces `print` with one that sends its line to `sink` (or to stdout when `output` is NULL),
/// `coroutine.resume`/`wrap`/`close` with versions that keep the stop hook reaching coroutines, and
/// `string.rep`/`table.move` with versions whose loops a stop reaches. All are C functions without
/// upvalues, like the standard ones.
void dossier_install_base_overrides(lua_State *L, dossier_output_fn output, void *sink);
/// The sandbox's `xpcall`: the script's message handler does not run once a stop is under way.
void dossier_install_sandbox_overrides(lua_State *L);

/// Lua's own version text ("Lua 5.4.4").
const char *dossier_lua_release(void);

#endif
