// Deadlines, interruption and the memory stop: the watchdog arms the stop hook only when a run must
// stop, and the hook keeps raising the stop's error until the run has ended, so `pcall` cannot swallow
// it. Code the hook cannot reach (a C function's inner loop, a message handler run with hooks off) is
// ended by the backstop, which ends the process (see dossier_backstop in CLuaSupport.h).
#include "context.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/// The line reached: the running function's, or the nearest Lua caller's when a C function runs. Only
/// reads the call stack (no allocation), so it is safe from the allocator too: the VM saves its
/// position before any operation that may allocate.
void dossier_record_location(dossier_context *ctx, lua_State *L) {
    if (ctx->stopLocation[0] != 0) return;
    lua_Debug frame;
    for (int level = 0; lua_getstack(L, level, &frame); level++) {
        if (lua_getinfo(L, "Sl", &frame) && frame.currentline > 0) {
            snprintf(ctx->stopLocation, sizeof ctx->stopLocation, "%s:%d", frame.short_src, frame.currentline);
            return;
        }
    }
}

void dossier_push_stop_message(lua_State *L, dossier_context *ctx, int reason) {
    const char *where = ctx->stopLocation[0] ? ctx->stopLocation : "?";
    if (reason == DOSSIER_STOP_TIMEOUT) {
        char seconds[32];
        snprintf(seconds, sizeof seconds, "%g", ctx->timeLimit);
        lua_pushfstring(L, "%s: time limit of %s s exceeded", where, seconds);
    } else if (reason == DOSSIER_STOP_MEMORY) {
        lua_pushfstring(L, "%s: ", where);
        dossier_push_memory_message(L, ctx);
        lua_concat(L, 2);
    } else {
        lua_pushfstring(L, "%s: interrupted", where);
    }
}

static void stop_hook(lua_State *L, lua_Debug *ar) {
    dossier_context *ctx = context_of(L);
    int reason = atomic_load(&ctx->stopReason);
    if (reason == DOSSIER_STOP_NONE || ctx->inHandler > 0) return;
    if (ar->event == LUA_HOOKCALL) {
        // The message handler is about to run for the error the hook raised: let it.
        lua_getinfo(L, "f", ar);
        int isHandler = lua_tocfunction(L, -1) == dossier_message_handler;
        lua_pop(L, 1);
        if (isHandler) return;
    }
    dossier_record_location(ctx, L);
    ctx->hostDepth++;
    dossier_push_stop_message(L, ctx, reason);
    ctx->hostDepth--;
    lua_error(L);
}

void dossier_arm_hook(lua_State *L) { lua_sethook(L, stop_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1); }

/// Arms the main thread and the running coroutine. Called with the stop lock held.
static void arm_running_threads(dossier_context *ctx) {
    dossier_arm_hook(ctx->mainThread);
    lua_State *current = atomic_load(&ctx->currentThread);
    if (current != NULL && current != ctx->mainThread) dossier_arm_hook(current);
}

void dossier_stop_for_memory(dossier_context *ctx) {
    if (ctx->mainThread == NULL) return;
    lua_State *running = atomic_load(&ctx->currentThread);
    if (ctx->running && running != NULL) dossier_record_location(ctx, running);
    pthread_mutex_lock(&ctx->stopLock);
    if (ctx->running && atomic_load(&ctx->stopReason) == DOSSIER_STOP_NONE) {
        atomic_store(&ctx->stopReason, DOSSIER_STOP_MEMORY);
        arm_running_threads(ctx);
    }
    pthread_mutex_unlock(&ctx->stopLock);
}

static atomic_int backstopEnabled;
static void unblock_backstop_signal(void);

unsigned long dossier_run_begin(lua_State *L, double timeLimitSeconds) {
    dossier_context *ctx = context_of(L);
    pthread_mutex_lock(&ctx->stopLock);
    ctx->generation++;
    ctx->running = 1;
    ctx->runner = pthread_self();
    if (atomic_load(&backstopEnabled)) unblock_backstop_signal();
    ctx->timeLimit = timeLimitSeconds;
    ctx->stopLocation[0] = 0;
    atomic_store(&ctx->stopReason, DOSSIER_STOP_NONE);
    atomic_store(&ctx->currentThread, ctx->mainThread);
    lua_sethook(ctx->mainThread, NULL, 0, 0);
    unsigned long generation = ctx->generation;
    pthread_mutex_unlock(&ctx->stopLock);
    return generation;
}

void dossier_run_end(lua_State *L) {
    dossier_context *ctx = context_of(L);
    pthread_mutex_lock(&ctx->stopLock);
    ctx->running = 0;
    ctx->generation++;
    lua_sethook(ctx->mainThread, NULL, 0, 0);
    pthread_mutex_unlock(&ctx->stopLock);
}

int dossier_stop(dossier_context *ctx, unsigned long generation, int reason) {
    int armed = 0;
    pthread_mutex_lock(&ctx->stopLock);
    if (ctx->running && ctx->generation == generation) {
        // A stop already under way keeps its reason (a memory stop stays one when the deadline passes).
        int none = DOSSIER_STOP_NONE;
        atomic_compare_exchange_strong(&ctx->stopReason, &none, reason);
        // lua_sethook may be called asynchronously.
        arm_running_threads(ctx);
        armed = 1;
    }
    pthread_mutex_unlock(&ctx->stopLock);
    return armed;
}

int dossier_stop_reason(lua_State *L) { return atomic_load(&context_of(L)->stopReason); }
const char *dossier_stop_location(lua_State *L) { return context_of(L)->stopLocation; }

lua_State *dossier_enter_thread(dossier_context *ctx, lua_State *co) {
    // The watchdog reads the running thread under the same lock, so it never arms a thread that has
    // stopped running (and may be collected).
    pthread_mutex_lock(&ctx->stopLock);
    lua_State *previous = atomic_exchange(&ctx->currentThread, co);
    if (atomic_load(&ctx->stopReason) != DOSSIER_STOP_NONE) dossier_arm_hook(co);
    pthread_mutex_unlock(&ctx->stopLock);
    return previous;
}

void dossier_leave_thread(dossier_context *ctx, lua_State *L, lua_State *previous) {
    pthread_mutex_lock(&ctx->stopLock);
    atomic_store(&ctx->currentThread, previous);
    pthread_mutex_unlock(&ctx->stopLock);
    if (atomic_load(&ctx->stopReason) != DOSSIER_STOP_NONE) dossier_arm_hook(L);
}

// MARK: - The backstop

static atomic_int processEnding;
static _Atomic(dossier_context *) backstopTarget;
static atomic_int backstopReason;

/// Writes `line` to standard error and ends the process. A second caller waits for the first; the
/// watchdog (`mayWait` false) does not wait long: if the first caller is stuck (a signal handler that
/// interrupted a lock holder), it ends the process itself.
static void end_process(const char *line, size_t length, int status, int mayWait) {
    if (atomic_exchange(&processEnding, 1)) {
        if (mayWait) for (;;) pause();
        struct timespec moment = {0, 200 * 1000 * 1000};
        nanosleep(&moment, NULL);
        _exit(status);
    }
    while (length > 0) {
        ssize_t written = write(2, line, length);
        if (written <= 0) break;
        line += written;
        length -= (size_t)written;
    }
    _exit(status);
}

static int exit_status_for(int reason) { return reason == DOSSIER_STOP_INTERRUPT ? 130 : 1; }

/// The one line the backstop prints. `L` is the running thread, read from the thread that runs it
/// (the signal handler), or NULL when that thread did not answer.
static size_t backstop_line(char *line, size_t size, dossier_context *ctx, lua_State *L, int reason) {
    char where[256] = "";
    const char *function = NULL;
    lua_Debug frame;
    if (L != NULL && lua_getstack(L, 0, &frame) && lua_getinfo(L, "Sn", &frame) && strcmp(frame.what, "C") == 0) {
        function = frame.name;
    }
    if (L != NULL) {
        for (int level = 0; lua_getstack(L, level, &frame); level++) {
            if (lua_getinfo(L, "Sl", &frame) && frame.currentline > 0) {
                snprintf(where, sizeof where, "%s:%d: ", frame.short_src, frame.currentline);
                break;
            }
        }
    }
    if (where[0] == 0 && ctx->stopLocation[0] != 0) snprintf(where, sizeof where, "%s: ", ctx->stopLocation);
    char what[128];
    if (reason == DOSSIER_STOP_INTERRUPT) {
        snprintf(what, sizeof what, "interrupted");
    } else if (reason == DOSSIER_STOP_MEMORY) {
        snprintf(what, sizeof what, "memory limit of %zu MiB exceeded", ctx->limit / (1024 * 1024));
    } else {
        snprintf(what, sizeof what, "time limit of %g s exceeded", ctx->timeLimit);
    }
    int length;
    if (ctx->closing) {
        length = snprintf(line, size, "%s in a finalizer (__gc) as the state closed (ended from outside the script)\n", what);
    } else if (function != NULL) {
        length = snprintf(line, size, "%s%s in the C function '%s' (ended from outside the script)\n", where, what, function);
    } else {
        length = snprintf(line, size, "%s%s (ended from outside the script)\n", where, what);
    }
    return length < 0 ? 0 : ((size_t)length < size ? (size_t)length : size - 1);
}

static void backstop_signal(int signal) {
    (void)signal;
    dossier_context *ctx = atomic_load(&backstopTarget);
    if (ctx == NULL) return;
    char line[600];
    int reason = atomic_load(&backstopReason);
    size_t length = backstop_line(line, sizeof line, ctx, atomic_load(&ctx->currentThread), reason);
    end_process(line, length, exit_status_for(reason), 1);
}

/// The thread that runs a script must receive the backstop's signal, whatever mask it inherited.
static void unblock_backstop_signal(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

void dossier_backstop_enable(void) {
    if (atomic_exchange(&backstopEnabled, 1)) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = backstop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGUSR2, &action, NULL);
}

int dossier_backstop_enabled(void) { return atomic_load(&backstopEnabled); }

int dossier_backstop(dossier_context *ctx, unsigned long generation, int reason) {
    if (!atomic_load(&backstopEnabled)) return 0;
    pthread_mutex_lock(&ctx->stopLock);
    int stuck = ctx->running && ctx->generation == generation;
    pthread_t runner = ctx->runner;
    if (stuck) {
        atomic_store(&backstopReason, reason);
        atomic_store(&backstopTarget, ctx);
    }
    pthread_mutex_unlock(&ctx->stopLock);
    if (!stuck) return 0;
    // The thread that runs the script names the function it is in (its own stack is stable there);
    // if it does not answer at once, end the process from here.
    pthread_kill(runner, SIGUSR2);
    struct timespec moment = {0, 300 * 1000 * 1000};
    nanosleep(&moment, NULL);
    char line[600];
    size_t length = backstop_line(line, sizeof line, ctx, NULL, reason);
    end_process(line, length, exit_status_for(reason), 0);
    return 1;
}

void dossier_end_process(const char *line, int status) {
    end_process(line, strlen(line), status, 0);
}
