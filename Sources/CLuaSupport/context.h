// What the C files of the bridge share and nothing else sees: the per-state context, the handle bit
// packing, and the few internal functions one concern calls in another.
#ifndef DOSSIER_CLUASUPPORT_CONTEXT_H
#define DOSSIER_CLUASUPPORT_CONTEXT_H

#include "CLuaSupport.h"

#include <lua5.4/lauxlib.h>
#include <lua5.4/lua.h>
#include <lua5.4/lualib.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#define DOSSIER_MAX_COLUMNS 32
struct handle_columns {
    const long long *values[DOSSIER_MAX_COLUMNS];
    size_t count[DOSSIER_MAX_COLUMNS];
};

struct dossier_context {
    // Memory.
    size_t used;
    size_t peak;
    size_t limit;
    /// Bytes the host holds on the script's behalf (report data, converted text), counted with `used`.
    size_t hostHeld;
    int limitHit;
    /// Greater than zero while a host (Swift) frame is live: allocations may then overshoot the cap.
    int hostDepth;

    // Deadline and interruption.
    pthread_mutex_t stopLock;
    unsigned long generation;
    int running;
    atomic_int stopReason;
    double timeLimit;
    char stopLocation[256];
    lua_State *mainThread;
    _Atomic(lua_State *) currentThread;
    /// The thread that runs the current run (for the backstop).
    pthread_t runner;
    /// Set while the state closes (its finalizers run).
    int closing;

    /// The Swift object that owns the state (not retained).
    void *owner;
    /// Where `print` writes (NULL: standard output).
    dossier_output_fn output;
    void *sink;
    /// Greater than zero while the message handler runs: the stop hook then stays quiet.
    int inHandler;

    /// Integer columns of handle properties, by tag (see dossier_set_handle_column).
    struct handle_columns *columns[256];
};

static inline dossier_context *context_of(lua_State *L) { return *(dossier_context **)lua_getextraspace(L); }

/// The total the cap is compared with: what Lua holds and what the host holds for the script.
static inline size_t charged_bytes(const dossier_context *ctx) { return ctx->used + ctx->hostHeld; }

// Handles: a light userdata whose low 8 bits are the kind's tag and whose other bits are the index.
static inline uintptr_t handle_bits(int tag, long long index) { return ((uintptr_t)index << 8) | (uintptr_t)(tag & 0xff); }
static inline int handle_tag(uintptr_t bits) { return (int)(bits & 0xff); }
static inline long long handle_index_of(uintptr_t bits) { return (long long)(bits >> 8); }

// The Swift entry points (state.c).
extern dossier_call_fn dossier_callSwift;
extern dossier_get_fn dossier_getSwiftProperty;
extern dossier_release_fn dossier_releaseSwift;

// allocator.c
void *dossier_capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize);
int dossier_memory_limit_error(lua_State *L);
/// Pushes "memory limit of N MiB exceeded".
void dossier_push_memory_message(lua_State *L, dossier_context *ctx);

// calls.c
int dossier_message_handler(lua_State *L);
/// Runs `lua_pcall` as Lua code (the cap enforced, the host's depth saved and put back).
int dossier_pcall_as_script(lua_State *L, int nargs, int nresults, int handler);

// limits.c
void dossier_arm_hook(lua_State *L);
void dossier_record_location(dossier_context *ctx, lua_State *L);
/// Arms the hook for a memory stop (the cap refused an allocation).
void dossier_stop_for_memory(dossier_context *ctx);
/// Pushes the stop's message: "chunk:line: time limit of N s exceeded" and the like.
void dossier_push_stop_message(lua_State *L, dossier_context *ctx, int reason);
/// Makes `co` the running thread (arming it when a stop is pending); returns the previous one.
lua_State *dossier_enter_thread(dossier_context *ctx, lua_State *co);
void dossier_leave_thread(dossier_context *ctx, lua_State *L, lua_State *previous);

// bounded.c
void dossier_install_bounded_functions(lua_State *L);

// functions.c
int dossier_finish_swift_call(lua_State *L, dossier_context *ctx, int results);
void dossier_push_box_holder(lua_State *L, void *box);

#endif
