// A state's life: the Swift entry points, creation with the capped allocator and a panic handler (the
// standard libraries opened under protection), the owner, and closing.
#include "context.h"

#include <stdio.h>
#include <stdlib.h>

dossier_call_fn dossier_callSwift;
dossier_get_fn dossier_getSwiftProperty;
dossier_release_fn dossier_releaseSwift;

void dossier_install_callbacks(dossier_call_fn call, dossier_get_fn get, dossier_release_fn release) {
    dossier_callSwift = call;
    dossier_getSwiftProperty = get;
    dossier_releaseSwift = release;
}

dossier_context *dossier_context_of(lua_State *L) { return context_of(L); }
void dossier_set_owner(lua_State *L, void *owner) { context_of(L)->owner = owner; }
void *dossier_owner(lua_State *L) { return context_of(L)->owner; }

const char *dossier_lua_release(void) { return LUA_RELEASE; }

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
    lua_State *L = lua_newstate(dossier_capped_alloc, ctx);
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

void dossier_close(lua_State *L) { dossier_free_context(dossier_close_keeping_context(L)); }

dossier_context *dossier_close_keeping_context(lua_State *L) {
    dossier_context *ctx = context_of(L);
    ctx->hostDepth++;
    // Finalizers run now, with hooks off; only the backstop can end one that loops, and it must not
    // read a state being closed.
    pthread_mutex_lock(&ctx->stopLock);
    atomic_store(&ctx->currentThread, NULL);
    ctx->closing = 1;
    pthread_mutex_unlock(&ctx->stopLock);
    lua_close(L);
    ctx->mainThread = NULL;
    return ctx;
}

void dossier_free_context(dossier_context *ctx) {
    pthread_mutex_destroy(&ctx->stopLock);
    for (int tag = 0; tag < 256; tag++) free(ctx->columns[tag]);
    free(ctx);
}
