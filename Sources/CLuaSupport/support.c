#include "CLuaSupport.h"

#include <lua5.4/lauxlib.h>
#include <lua5.4/lua.h>
#include <lua5.4/lualib.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>

struct dossier_context {
    // Memory.
    size_t used;
    size_t peak;
    size_t limit;
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

    /// The Swift object that owns the state (not retained).
    void *owner;
    /// Greater than zero while the message handler runs: the stop hook then stays quiet.
    int inHandler;

    /// Integer columns of handle properties, by tag (see dossier_set_handle_column).
    struct handle_columns *columns[256];
};

#define DOSSIER_MAX_COLUMNS 32
struct handle_columns {
    const long long *values[DOSSIER_MAX_COLUMNS];
    size_t count[DOSSIER_MAX_COLUMNS];
};

static dossier_call_fn callSwift;
static dossier_get_fn getSwiftProperty;
static dossier_release_fn releaseSwift;

void dossier_install_callbacks(dossier_call_fn call, dossier_get_fn get, dossier_release_fn release) {
    callSwift = call;
    getSwiftProperty = get;
    releaseSwift = release;
}

static inline dossier_context *context_of(lua_State *L) { return *(dossier_context **)lua_getextraspace(L); }

dossier_context *dossier_context_of(lua_State *L) { return context_of(L); }
void dossier_set_owner(lua_State *L, void *owner) { context_of(L)->owner = owner; }
void *dossier_owner(lua_State *L) { return context_of(L)->owner; }

const char *dossier_lua_release(void) { return LUA_RELEASE; }

// MARK: - The capped allocator

static void arm_hook(lua_State *L);
static int message_handler(lua_State *L);

/// After the cap refused an allocation, the hook keeps raising the memory error, so that a script that
/// catches it cannot go on.
static void record_location(dossier_context *ctx, lua_State *L) {
    if (ctx->stopLocation[0] != 0) return;
    // The line reached: the running function's, or the nearest Lua caller's when a C function runs.
    // Only reads the call stack (no allocation), so it is safe from the allocator too: the VM saves
    // its position before any operation that may allocate.
    lua_Debug frame;
    for (int level = 0; lua_getstack(L, level, &frame); level++) {
        if (lua_getinfo(L, "Sl", &frame) && frame.currentline > 0) {
            snprintf(ctx->stopLocation, sizeof ctx->stopLocation, "%s:%d", frame.short_src, frame.currentline);
            return;
        }
    }
}

static void stop_for_memory(dossier_context *ctx) {
    if (ctx->mainThread == NULL) return;
    lua_State *running = atomic_load(&ctx->currentThread);
    if (ctx->running && running != NULL) record_location(ctx, running);
    pthread_mutex_lock(&ctx->stopLock);
    if (ctx->running && atomic_load(&ctx->stopReason) == DOSSIER_STOP_NONE) {
        atomic_store(&ctx->stopReason, DOSSIER_STOP_MEMORY);
        arm_hook(ctx->mainThread);
        lua_State *current = atomic_load(&ctx->currentThread);
        if (current != NULL && current != ctx->mainThread) arm_hook(current);
    }
    pthread_mutex_unlock(&ctx->stopLock);
}

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    dossier_context *ctx = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        ctx->used -= old;
        return NULL;
    }
    if (nsize > old && ctx->hostDepth == 0 && ctx->used - old + nsize > ctx->limit) {
        ctx->limitHit = 1;
        stop_for_memory(ctx);
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) return NULL;
    ctx->used = ctx->used - old + nsize;
    if (ctx->used > ctx->peak) ctx->peak = ctx->used;
    return block;
}

size_t dossier_memory_used(lua_State *L) { return context_of(L)->used; }
size_t dossier_memory_peak(lua_State *L) { return context_of(L)->peak; }
size_t dossier_memory_limit(lua_State *L) { return context_of(L)->limit; }
void dossier_set_memory_limit(lua_State *L, size_t limit) { context_of(L)->limit = limit; }
int dossier_memory_limit_hit(lua_State *L) { return context_of(L)->limitHit; }

static int memory_limit_error(lua_State *L) {
    dossier_context *ctx = context_of(L);
    ctx->limitHit = 1;
    ctx->hostDepth++; // the message itself may need memory
    lua_pushfstring(L, "memory limit of %d MiB exceeded", (int)(ctx->limit / (1024 * 1024)));
    ctx->hostDepth--;
    return lua_error(L);
}

// MARK: - State

static int on_panic(lua_State *L) {
    const char *message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a string)";
    fprintf(stderr, "dossier: unprotected Lua error (a bug in the host): %s\n", message);
    fflush(stderr);
    abort();
    return 0;
}

static int open_libraries(lua_State *L) {
    luaL_openlibs(L);
    return 0;
}

lua_State *dossier_newstate(size_t memoryLimit, char *error, size_t errorSize) {
    dossier_context *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL) {
        snprintf(error, errorSize, "out of memory");
        return NULL;
    }
    ctx->limit = memoryLimit;
    ctx->hostDepth = 1;
    pthread_mutex_init(&ctx->stopLock, NULL);
    lua_State *L = lua_newstate(capped_alloc, ctx);
    if (L == NULL) {
        pthread_mutex_destroy(&ctx->stopLock);
        free(ctx);
        snprintf(error, errorSize, "cannot create a Lua state");
        return NULL;
    }
    *(dossier_context **)lua_getextraspace(L) = ctx;
    ctx->mainThread = L;
    atomic_store(&ctx->currentThread, L);
    lua_atpanic(L, on_panic);
    lua_pushcfunction(L, open_libraries);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        snprintf(error, errorSize, "cannot open the Lua libraries: %s",
                 lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "unknown error");
        dossier_close(L);
        return NULL;
    }
    return L;
}

void dossier_close(lua_State *L) {
    dossier_context *ctx = context_of(L);
    ctx->hostDepth++;
    lua_close(L);
    pthread_mutex_destroy(&ctx->stopLock);
    for (int tag = 0; tag < 256; tag++) free(ctx->columns[tag]);
    free(ctx);
}

// MARK: - Protected calls from the host

static const char *const tracebackKey = "dossier.traceback";

/// Turns the error object into text. The conversion of a value with `__tostring` runs protected, so a
/// failing `__tostring` gives a fallback text instead of an error in the handler.
static int error_to_text(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

static int message_handler(lua_State *L) {
    dossier_context *ctx = context_of(L);
    ctx->inHandler++;
    ctx->hostDepth++; // the handler's own allocations must not fail on the cap
    int type = lua_type(L, 1);
    if (type != LUA_TSTRING && type != LUA_TNUMBER) {
        int converted = 0;
        if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
            lua_pop(L, 1);
            // __tostring may fail: convert under protection and fall back to the type's name.
            lua_pushcfunction(L, error_to_text);
            lua_pushvalue(L, 1);
            converted = lua_pcall(L, 1, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING;
            if (!converted) lua_pop(L, 1);
        }
        if (!converted) lua_pushfstring(L, "(error object is a %s value)", lua_typename(L, type));
        lua_replace(L, 1);
        lua_settop(L, 1);
    } else if (type == LUA_TNUMBER) {
        lua_pushstring(L, lua_tostring(L, 1));
        lua_replace(L, 1);
        lua_settop(L, 1);
    }
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, tracebackKey);
    ctx->hostDepth--;
    ctx->inHandler--;
    return 1;
}

void dossier_push_last_traceback(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, tracebackKey); }

int dossier_pcall(lua_State *L, int nargs, int nresults) {
    dossier_context *ctx = context_of(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, tracebackKey);
    int savedDepth = ctx->hostDepth;
    ctx->limitHit = 0;
    ctx->hostDepth = 0;
    int status = lua_pcall(L, nargs, nresults, base);
    ctx->hostDepth = savedDepth;
    lua_remove(L, base);
    return status;
}

// MARK: - Deadlines

static void stop_hook(lua_State *L, lua_Debug *ar) {
    dossier_context *ctx = context_of(L);
    int reason = atomic_load(&ctx->stopReason);
    if (reason == DOSSIER_STOP_NONE || ctx->inHandler > 0) return;
    if (ar->event == LUA_HOOKCALL) {
        // The message handler is about to run for the error the hook raised: let it.
        lua_getinfo(L, "f", ar);
        int isHandler = lua_tocfunction(L, -1) == message_handler;
        lua_pop(L, 1);
        if (isHandler) return;
    }
    record_location(ctx, L);
    (void)ar;
    ctx->hostDepth++;
    if (reason == DOSSIER_STOP_TIMEOUT) {
        char seconds[32];
        snprintf(seconds, sizeof seconds, "%g", ctx->timeLimit);
        lua_pushfstring(L, "%s: time limit of %s s exceeded", ctx->stopLocation[0] ? ctx->stopLocation : "?",
                        seconds);
    } else if (reason == DOSSIER_STOP_MEMORY) {
        lua_pushfstring(L, "%s: memory limit of %d MiB exceeded", ctx->stopLocation[0] ? ctx->stopLocation : "?",
                        (int)(ctx->limit / (1024 * 1024)));
    } else {
        lua_pushfstring(L, "%s: interrupted", ctx->stopLocation[0] ? ctx->stopLocation : "?");
    }
    ctx->hostDepth--;
    lua_error(L);
}

static void arm_hook(lua_State *L) { lua_sethook(L, stop_hook, LUA_MASKCOUNT | LUA_MASKLINE, 1); }

unsigned long dossier_run_begin(lua_State *L, double timeLimitSeconds) {
    dossier_context *ctx = context_of(L);
    pthread_mutex_lock(&ctx->stopLock);
    ctx->generation++;
    ctx->running = 1;
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
        atomic_store(&ctx->stopReason, reason);
        // lua_sethook may be called asynchronously; arm the main thread and the running coroutine.
        arm_hook(ctx->mainThread);
        lua_State *current = atomic_load(&ctx->currentThread);
        if (current != NULL && current != ctx->mainThread) arm_hook(current);
        armed = 1;
    }
    pthread_mutex_unlock(&ctx->stopLock);
    return armed;
}

int dossier_stop_reason(lua_State *L) { return atomic_load(&context_of(L)->stopReason); }
const char *dossier_stop_location(lua_State *L) { return context_of(L)->stopLocation; }

// MARK: - Swift functions

static int release_box(lua_State *L) {
    void **slot = lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL) {
        void *box = *slot;
        *slot = NULL;
        releaseSwift(box);
    }
    return 0;
}

/// Raises the error a Swift body left, or the memory-cap error, now that no Swift frame is live.
static int finish_swift_call(lua_State *L, dossier_context *ctx, int results) {
    if (results >= 0) {
        if (ctx->hostDepth == 0 && ctx->used > ctx->limit) return memory_limit_error(L);
        return results;
    }
    if (results == DOSSIER_RAISE_WITH_POSITION && lua_type(L, -1) == LUA_TSTRING) {
        ctx->hostDepth++;
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        ctx->hostDepth--;
    }
    return lua_error(L);
}

static int swift_function_trampoline(lua_State *L) {
    dossier_context *ctx = context_of(L);
    void *box = *(void **)lua_touserdata(L, lua_upvalueindex(1));
    ctx->hostDepth++;
    int results = callSwift(L, box);
    ctx->hostDepth--;
    return finish_swift_call(L, ctx, results);
}

static const char *const boxMetatableKey = "dossier.box";

static void push_box_holder(lua_State *L, void *box) {
    void **slot = lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    if (luaL_getmetatable(L, boxMetatableKey) == LUA_TNIL) {
        lua_pop(L, 1);
        luaL_newmetatable(L, boxMetatableKey);
        lua_pushcfunction(L, release_box);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
}

void dossier_push_swift_function(lua_State *L, void *box) {
    push_box_holder(L, box);
    lua_pushcclosure(L, swift_function_trampoline, 1);
}

// MARK: - Swift objects

typedef struct {
    void *object;
    /// Property reads so far, for caching classes (see object_index).
    unsigned reads;
} object_slot;

static int object_gc(lua_State *L) {
    object_slot *slot = lua_touserdata(L, 1);
    if (slot != NULL && slot->object != NULL) {
        void *object = slot->object;
        slot->object = NULL;
        releaseSwift(object);
    }
    return 0;
}

static const char *const objectMarkerKey = "__dossier_object";
static const char *const classKey = "__dossier_class";
/// The key under which an object's cache table keeps the object itself.
static const char cacheOwnerKey = 0;

/// Reads member `key` of the object at `object`: a method, or a property from Swift. Leaves the value
/// on top and returns 1, or returns 0 (nothing pushed) for an unknown member. Sets *cacheable when
/// the value is a property (or method) that may be cached.
/// Upvalues of the caller: 1 members (method or property id), 2 the class box holder.
static int read_member(lua_State *L, int object, int key, int *isProperty) {
    *isProperty = 0;
    lua_pushvalue(L, key);
    /* Not raw: a strict class's members table raises on a miss (LuaStrictMembers.swift). */
    int type = lua_gettable(L, lua_upvalueindex(1));
    if (type == LUA_TNIL) { lua_pop(L, 1); return 0; }
    if (type != LUA_TNUMBER) return 1; /* a method */
    int property = (int)lua_tointegerx(L, -1, NULL);
    lua_pop(L, 1);
    object_slot *slot = lua_touserdata(L, object);
    if (slot == NULL || slot->object == NULL) return 0;
    void *classBox = *(void **)lua_touserdata(L, lua_upvalueindex(2));
    dossier_context *ctx = context_of(L);
    int top = lua_gettop(L);
    ctx->hostDepth++;
    int results = getSwiftProperty(L, classBox, slot->object, property);
    ctx->hostDepth--;
    results = finish_swift_call(L, ctx, results);
    if (results < 1) { lua_settop(L, top); return 0; }
    lua_settop(L, top + 1);
    *isProperty = 1;
    return 1;
}

/// Gives the object at index 1 a metatable of its own whose `__index` is a table caching its members,
/// so later reads are table reads. The cache table's own metatable (upvalue 4) fetches misses.
static void promote(lua_State *L) {
    lua_getmetatable(L, 1);                         /* class metatable */
    int classMeta = lua_gettop(L);
    lua_createtable(L, 0, 16);                      /* the object's own metatable */
    lua_pushnil(L);
    while (lua_next(L, classMeta) != 0) {           /* copy every metamethod */
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_createtable(L, 0, 8);                       /* the cache */
    lua_pushvalue(L, 1);
    lua_rawsetp(L, -2, &cacheOwnerKey);
    lua_pushvalue(L, lua_upvalueindex(4));
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, 1);
    lua_settop(L, classMeta - 1);
}

/// `__index` of an object: a method, or a property from Swift. For a caching class, after a few reads
/// the object is promoted (see promote). Upvalues: 1 members, 2 class box holder, 3 reads before
/// promotion (0: never), 4 the cache tables' metatable.
static int object_index(lua_State *L) {
    lua_settop(L, 2);
    int isProperty;
    if (!read_member(L, 1, 2, &isProperty)) return 0;
    lua_Integer promoteAfter = lua_tointegerx(L, lua_upvalueindex(3), NULL);
    if (promoteAfter > 0) {
        object_slot *slot = lua_touserdata(L, 1);
        if (++slot->reads >= (unsigned)promoteAfter) {
            dossier_context *ctx = context_of(L);
            ctx->hostDepth++;
            promote(L);
            ctx->hostDepth--;
        }
    }
    return 1;
}

/// `__index` of an object's cache table: fetches the member and keeps it (nil is not kept).
/// Arguments: the cache table, the key. Upvalues as object_index's.
static int cache_index(lua_State *L) {
    lua_settop(L, 2);
    lua_rawgetp(L, 1, &cacheOwnerKey);              /* 3: the object */
    int isProperty;
    if (!read_member(L, 3, 2, &isProperty)) return 0;
    if (!lua_isnil(L, -1)) {
        dossier_context *ctx = context_of(L);
        ctx->hostDepth++;
        lua_pushvalue(L, 2);
        lua_pushvalue(L, -2);
        lua_rawset(L, 1);
        ctx->hostDepth--;
    }
    return 1;
}

static int object_newindex(lua_State *L) {
    const char *name = lua_type(L, lua_upvalueindex(1)) == LUA_TSTRING ? lua_tostring(L, lua_upvalueindex(1)) : "object";
    if (lua_type(L, 2) == LUA_TSTRING) {
        return luaL_error(L, "cannot set field '%s' of a %s: its fields are read-only", lua_tostring(L, 2), name);
    }
    return luaL_error(L, "cannot set a field of a %s: its fields are read-only", name);
}

void dossier_new_class_metatable(lua_State *L, int membersIndex, void *classBox, const char *name, int cacheAfter) {
    membersIndex = lua_absindex(L, membersIndex);
    lua_createtable(L, 0, 12);
    int meta = lua_gettop(L);
    push_box_holder(L, classBox);
    int holder = lua_gettop(L);
    /* The cache tables' metatable: misses go to cache_index. */
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, membersIndex);
    lua_pushvalue(L, holder);
    lua_pushinteger(L, cacheAfter);
    lua_pushnil(L);
    lua_pushcclosure(L, cache_index, 4);
    lua_setfield(L, -2, "__index");
    int cacheMeta = lua_gettop(L);
    lua_pushvalue(L, membersIndex);
    lua_pushvalue(L, holder);
    lua_pushinteger(L, cacheAfter);
    lua_pushvalue(L, cacheMeta);
    lua_pushcclosure(L, object_index, 4);
    lua_setfield(L, meta, "__index");
    lua_settop(L, meta);
    lua_pushstring(L, name);
    lua_pushcclosure(L, object_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, object_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__name");
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__metatable");
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, objectMarkerKey);
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, classKey);
}

void dossier_push_object(lua_State *L, void *object, int metatableIndex) {
    metatableIndex = lua_absindex(L, metatableIndex);
    object_slot *slot = lua_newuserdatauv(L, sizeof(object_slot), 0);
    slot->object = object;
    slot->reads = 0;
    lua_pushvalue(L, metatableIndex);
    lua_setmetatable(L, -2);
}

void *dossier_to_object(lua_State *L, int index, int metatableIndex) {
    metatableIndex = lua_absindex(L, metatableIndex);
    object_slot *slot = lua_touserdata(L, index);
    if (slot == NULL || lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return NULL;
    /* A promoted object has a metatable of its own: compare the class it records. */
    int same = lua_rawequal(L, -1, metatableIndex);
    if (!same) {
        lua_pushstring(L, classKey);
        lua_rawget(L, -2);
        same = lua_rawequal(L, -1, metatableIndex);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return same ? slot->object : NULL;
}

void *dossier_to_self_object(lua_State *L) {
    if (lua_type(L, 1) != LUA_TUSERDATA) return NULL;
    object_slot *slot = lua_touserdata(L, 1);
    return slot->object;
}

void *dossier_to_any_object(lua_State *L, int index) {
    if (lua_type(L, index) != LUA_TUSERDATA || !lua_getmetatable(L, index)) return NULL;
    lua_pushstring(L, objectMarkerKey);
    int marked = lua_rawget(L, -2) == LUA_TBOOLEAN;
    lua_pop(L, 2);
    if (!marked) return NULL;
    object_slot *slot = lua_touserdata(L, index);
    return slot->object;
}

// MARK: - Handles

static dossier_handle_get_fn getHandleProperty;

void dossier_install_handle_callback(dossier_handle_get_fn get) { getHandleProperty = get; }

void dossier_push_handle(lua_State *L, int tag, long long index) {
    uintptr_t bits = ((uintptr_t)index << 8) | (uintptr_t)(tag & 0xff);
    lua_pushlightuserdata(L, (void *)bits);
}

int dossier_to_handle(lua_State *L, int index, int *tag, long long *item) {
    if (lua_type(L, index) != LUA_TLIGHTUSERDATA) return 0;
    uintptr_t bits = (uintptr_t)lua_touserdata(L, index);
    *tag = (int)(bits & 0xff);
    *item = (long long)(bits >> 8);
    return *tag != 0;
}

/// Upvalues: 1 members by tag (each a table from name to a method, or to a property id), 2 the
/// provider's holder.
static int handle_index(lua_State *L) {
    uintptr_t bits = (uintptr_t)lua_touserdata(L, 1);
    int tag = (int)(bits & 0xff);
    if (lua_rawgeti(L, lua_upvalueindex(1), tag) != LUA_TTABLE) return 0;
    lua_pushvalue(L, 2);
    /* Not raw: a strict kind's members table raises on a miss (LuaStrictMembers.swift). */
    int type = lua_gettable(L, -2);
    if (type != LUA_TNUMBER) return type == LUA_TNIL ? 0 : 1; /* a method, or nothing */
    int property = (int)lua_tointegerx(L, -1, NULL);
    dossier_context *ctx = context_of(L);
    struct handle_columns *columns = ctx->columns[tag];
    size_t item = (size_t)(bits >> 8);
    if (columns != NULL && property >= 0 && property < DOSSIER_MAX_COLUMNS && columns->values[property] != NULL
        && item < columns->count[property]) {
        long long value = columns->values[property][item];
        if (value == LLONG_MIN) lua_pushnil(L); else lua_pushinteger(L, (lua_Integer)value);
        return 1;
    }
    lua_settop(L, 2);
    void *provider = *(void **)lua_touserdata(L, lua_upvalueindex(2));
    ctx->hostDepth++;
    int results = getHandleProperty(L, provider, tag, (long long)(bits >> 8), property);
    ctx->hostDepth--;
    return finish_swift_call(L, ctx, results);
}

static int handle_newindex(lua_State *L) {
    if (lua_type(L, 2) == LUA_TSTRING) {
        return luaL_error(L, "cannot set field '%s': the model's objects are read-only", lua_tostring(L, 2));
    }
    return luaL_error(L, "cannot set a field: the model's objects are read-only");
}

void dossier_new_handle_metatable(lua_State *L, int membersIndex, void *provider) {
    membersIndex = lua_absindex(L, membersIndex);
    lua_createtable(L, 0, 10);
    lua_pushvalue(L, membersIndex);
    push_box_holder(L, provider);
    lua_pushcclosure(L, handle_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, handle_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "object");
    lua_setfield(L, -2, "__metatable");
    lua_pushlightuserdata(L, NULL);
    lua_pushvalue(L, -2);
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
}

void dossier_set_handle_column(lua_State *L, int tag, int property, const long long *values, size_t count) {
    dossier_context *ctx = context_of(L);
    if (tag < 0 || tag > 255 || property < 0 || property >= DOSSIER_MAX_COLUMNS) return;
    if (ctx->columns[tag] == NULL) ctx->columns[tag] = calloc(1, sizeof(struct handle_columns));
    if (ctx->columns[tag] == NULL) return;
    ctx->columns[tag]->values[property] = values;
    ctx->columns[tag]->count[property] = count;
}

typedef struct {
    void *object; /* first, as in object_slot */
    unsigned reads;
    const long long *items;
    size_t count;
    size_t cursor;
    int tag;
} sequence_slot;

void dossier_push_sequence(lua_State *L, void *object, int metatableIndex, const long long *items, size_t count, int tag) {
    metatableIndex = lua_absindex(L, metatableIndex);
    sequence_slot *slot = lua_newuserdatauv(L, sizeof(sequence_slot), 0);
    slot->object = object;
    slot->reads = 0;
    slot->items = items;
    slot->count = count;
    slot->cursor = 0;
    slot->tag = tag;
    lua_pushvalue(L, metatableIndex);
    lua_setmetatable(L, -2);
}

static inline uintptr_t handle_bits(int tag, long long index) { return ((uintptr_t)index << 8) | (uintptr_t)(tag & 0xff); }

/// Item `position` of a sequence: its list, or the position itself when it has none (every item).
static inline long long sequence_item(const sequence_slot *slot, size_t position) {
    return slot->items != NULL ? slot->items[position] : (long long)position;
}

int dossier_sequence_call(lua_State *L) {
    sequence_slot *slot = lua_touserdata(L, 1);
    if (slot == NULL || slot->object == NULL) return 0;
    size_t next;
    if (lua_type(L, 3) <= LUA_TNIL) {
        next = 0;
    } else {
        uintptr_t previous = (uintptr_t)lua_touserdata(L, 3);
        if (slot->cursor > 0 && slot->cursor <= slot->count
            && handle_bits(slot->tag, sequence_item(slot, slot->cursor - 1)) == previous) {
            next = slot->cursor;
        } else {
            // Not the item this sequence handed out last (nested loops over one query): find it.
            next = slot->count;
            for (size_t i = 0; i < slot->count; i++) {
                if (handle_bits(slot->tag, sequence_item(slot, i)) == previous) { next = i + 1; break; }
            }
        }
    }
    if (next >= slot->count) {
        lua_pushnil(L);
        return 1;
    }
    slot->cursor = next + 1;
    lua_pushlightuserdata(L, (void *)handle_bits(slot->tag, sequence_item(slot, next)));
    return 1;
}

// MARK: - Protected host-side operations

static int do_gettable(lua_State *L) {
    lua_gettable(L, 1);
    return 1;
}

int dossier_pgettable(lua_State *L, int tableIndex) {
    tableIndex = lua_absindex(L, tableIndex);
    lua_pushcfunction(L, do_gettable);
    lua_pushvalue(L, tableIndex);
    lua_pushvalue(L, -3);
    int status = lua_pcall(L, 2, 1, 0);
    lua_remove(L, -2); // the key
    return status;
}

static int do_settable(lua_State *L) {
    lua_settable(L, 1);
    return 0;
}

int dossier_psettable(lua_State *L, int tableIndex) {
    tableIndex = lua_absindex(L, tableIndex);
    lua_pushcfunction(L, do_settable);
    lua_pushvalue(L, tableIndex);
    lua_pushvalue(L, -4);
    lua_pushvalue(L, -4);
    int status = lua_pcall(L, 3, 0, 0);
    if (status == LUA_OK) {
        lua_pop(L, 2);
    } else {
        lua_rotate(L, -3, 1); // the error below key and value
        lua_pop(L, 2);
    }
    return status;
}

static int do_tostring(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

int dossier_ptostring(lua_State *L, int index) {
    index = lua_absindex(L, index);
    lua_pushcfunction(L, do_tostring);
    lua_pushvalue(L, index);
    return lua_pcall(L, 1, 1, 0);
}

static int do_concat(lua_State *L) {
    lua_concat(L, lua_gettop(L));
    return 1;
}

int dossier_pconcat(lua_State *L, int n) {
    lua_pushcfunction(L, do_concat);
    lua_insert(L, -(n + 1));
    return lua_pcall(L, n, 1, 0);
}

// MARK: - print and coroutines

static int host_print(lua_State *L) {
    int n = lua_gettop(L);
    dossier_output_fn output = (dossier_output_fn)lua_touserdata(L, lua_upvalueindex(1));
    void *sink = lua_touserdata(L, lua_upvalueindex(2));
    luaL_Buffer buffer;
    luaL_buffinit(L, &buffer);
    for (int i = 1; i <= n; i++) {
        size_t length;
        const char *text = luaL_tolstring(L, i, &length);
        if (i > 1) luaL_addchar(&buffer, '\t');
        luaL_addvalue(&buffer);
        (void)text;
        (void)length;
    }
    luaL_addchar(&buffer, '\n');
    luaL_pushresult(&buffer);
    size_t length;
    const char *line = lua_tolstring(L, -1, &length);
    if (output != NULL) {
        output(sink, line, length);
    } else {
        fwrite(line, 1, length, stdout);
        fflush(stdout);
    }
    return 0;
}

/// Resumes `co` with `nargs` values taken from `L`, keeping the context's record of the running
/// thread current so that a stop reaches a coroutine that never yields. Returns the number of results
/// moved to `L`, or -1 with the error value on top of `L`.
static int resume_tracked(lua_State *L, lua_State *co, int nargs) {
    dossier_context *ctx = context_of(L);
    int status;
    if (!lua_checkstack(co, nargs)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, nargs);
    // The watchdog reads the running thread under the same lock, so it never arms a thread that has
    // stopped running (and may be collected).
    pthread_mutex_lock(&ctx->stopLock);
    lua_State *previous = atomic_exchange(&ctx->currentThread, co);
    if (atomic_load(&ctx->stopReason) != DOSSIER_STOP_NONE) arm_hook(co);
    pthread_mutex_unlock(&ctx->stopLock);
    int nresults = 0;
    status = lua_resume(co, L, nargs, &nresults);
    pthread_mutex_lock(&ctx->stopLock);
    atomic_store(&ctx->currentThread, previous);
    pthread_mutex_unlock(&ctx->stopLock);
    if (atomic_load(&ctx->stopReason) != DOSSIER_STOP_NONE) arm_hook(L);
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nresults + 1)) {
            lua_pop(co, nresults);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nresults);
        return nresults;
    }
    lua_xmove(co, L, 1);
    return -1;
}

static int coroutine_resume(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "thread");
    int results = resume_tracked(L, co, lua_gettop(L) - 1);
    if (results < 0) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    lua_pushboolean(L, 1);
    lua_insert(L, -(results + 1));
    return results + 1;
}

static int coroutine_wrapped_call(lua_State *L) {
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int results = resume_tracked(L, co, lua_gettop(L));
    if (results >= 0) return results;
    int status = lua_status(co);
    if (status != LUA_OK && status != LUA_YIELD) {
        // The coroutine died: close its pending to-be-closed variables; their error, if any, wins.
        status = lua_resetthread(co);
        lua_xmove(co, L, 1);
    }
    // A stop's message already names the line reached.
    if (status != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING
        && atomic_load(&context_of(L)->stopReason) == DOSSIER_STOP_NONE) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int coroutine_wrap(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, coroutine_wrapped_call, 1);
    return 1;
}

void dossier_install_base_overrides(lua_State *L, dossier_output_fn output, void *sink) {
    lua_pushglobaltable(L);
    lua_pushlightuserdata(L, (void *)output);
    lua_pushlightuserdata(L, sink);
    lua_pushcclosure(L, host_print, 2);
    lua_setfield(L, -2, "print");
    if (lua_getfield(L, -1, "coroutine") == LUA_TTABLE) {
        lua_pushcfunction(L, coroutine_resume);
        lua_setfield(L, -2, "resume");
        lua_pushcfunction(L, coroutine_wrap);
        lua_setfield(L, -2, "wrap");
    }
    lua_pop(L, 2);
}

// MARK: - Benchmarks

int dossier_bench_c_function(lua_State *L) {
    lua_Integer value = lua_tointegerx(L, 1, NULL);
    lua_Integer total = lua_tointegerx(L, lua_upvalueindex(1), NULL) + value;
    lua_pushinteger(L, total);
    lua_copy(L, -1, lua_upvalueindex(1));
    return 1;
}
