// Replacements of standard functions: `print` (to the host's sink), and the coroutine functions that
// keep the stop hook reaching the running coroutine (`resume`, `wrap`, `close`, whose `__close`
// metamethods run in the coroutine). They are C functions without upvalues, keeping what they need in
// the state's context, so `debug.getinfo` sees them as it sees the standard ones. In the sandbox,
// `xpcall` runs the script's message handler only while no stop is under way (a handler run for the
// stop's own error would run with hooks off, where nothing could stop it).
#include "context.h"

#include <stdio.h>

static int host_print(lua_State *L) {
    dossier_context *ctx = context_of(L);
    int n = lua_gettop(L);
    luaL_Buffer buffer;
    luaL_buffinit(L, &buffer);
    for (int i = 1; i <= n; i++) {
        luaL_tolstring(L, i, NULL);
        if (i > 1) luaL_addchar(&buffer, '\t');
        luaL_addvalue(&buffer);
    }
    luaL_addchar(&buffer, '\n');
    luaL_pushresult(&buffer);
    size_t length;
    const char *line = lua_tolstring(L, -1, &length);
    if (ctx->output != NULL) {
        ctx->output(ctx->sink, line, length);
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
    if (!lua_checkstack(co, nargs)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, nargs);
    lua_State *previous = dossier_enter_thread(ctx, co);
    int nresults = 0;
    int status = lua_resume(co, L, nargs, &nresults);
    dossier_leave_thread(ctx, L, previous);
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

/// Closes `co`'s pending to-be-closed variables with `co` tracked as the running thread.
static int reset_tracked(lua_State *L, lua_State *co) {
    dossier_context *ctx = context_of(L);
    lua_State *previous = dossier_enter_thread(ctx, co);
    int status = lua_resetthread(co);
    dossier_leave_thread(ctx, L, previous);
    return status;
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
        status = reset_tracked(L, co);
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

/// `coroutine.close`: only a suspended or dead coroutine can be closed.
static int coroutine_close(lua_State *L) {
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co != NULL, 1, "thread");
    const char *refusal = NULL;
    if (co == L) {
        refusal = "running";
    } else if (lua_status(co) == LUA_OK) {
        lua_Debug frame;
        if (lua_getstack(co, 0, &frame)) refusal = "normal"; /* it resumed another coroutine */
    }
    if (refusal != NULL) return luaL_error(L, "cannot close a %s coroutine", refusal);
    if (reset_tracked(L, co) == LUA_OK) {
        lua_pushboolean(L, 1);
        return 1;
    }
    lua_pushboolean(L, 0);
    lua_xmove(co, L, 1);
    return 2;
}

void dossier_install_base_overrides(lua_State *L, dossier_output_fn output, void *sink) {
    dossier_context *ctx = context_of(L);
    ctx->output = output;
    ctx->sink = sink;
    lua_pushglobaltable(L);
    lua_pushcfunction(L, host_print);
    lua_setfield(L, -2, "print");
    if (lua_getfield(L, -1, "coroutine") == LUA_TTABLE) {
        lua_pushcfunction(L, coroutine_resume);
        lua_setfield(L, -2, "resume");
        lua_pushcfunction(L, coroutine_wrap);
        lua_setfield(L, -2, "wrap");
        lua_pushcfunction(L, coroutine_close);
        lua_setfield(L, -2, "close");
    }
    lua_pop(L, 2);
    dossier_install_bounded_functions(L);
}

// MARK: - xpcall in the sandbox

/// The message handler xpcall installs: the script's (upvalue 1), unless a stop is under way.
static int guarded_handler(lua_State *L) {
    if (atomic_load(&context_of(L)->stopReason) != DOSSIER_STOP_NONE) return lua_gettop(L) > 0 ? 1 : 0;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static int finish_xpcall(lua_State *L, int status, lua_KContext base) {
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)base;
}

static int sandbox_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);                  /* the first result when all goes well */
    lua_pushvalue(L, 1);                    /* the function */
    lua_rotate(L, 3, 2);                    /* both below the arguments */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_xpcall);
    return finish_xpcall(L, status, 2);
}

void dossier_install_sandbox_overrides(lua_State *L) {
    lua_pushglobaltable(L);
    lua_pushcfunction(L, sandbox_xpcall);
    lua_setfield(L, -2, "xpcall");
    lua_pop(L, 1);
}
