// Calls from the host into Lua: the message handler that records a traceback, `dossier_pcall`, and the
// conversion of an error object to text. Plugin code the host runs (a `__tostring` of an error object
// included) runs as script code: under the cap, and where the stop hook reaches it.
#include "context.h"

static const char *const tracebackKey = "dossier.traceback";

/// Records the traceback where the error was raised. The error object stays as it is: a `__tostring`
/// must not run here, where the hook may be off (an error the hook raised runs its handler with hooks
/// disabled) and where the cap is lifted. The host converts it afterwards (dossier_error_to_text).
int dossier_message_handler(lua_State *L) {
    dossier_context *ctx = context_of(L);
    ctx->inHandler++;
    ctx->hostDepth++; // the handler's own allocations must not fail on the cap
    if (lua_type(L, 1) == LUA_TNUMBER) {
        lua_pushstring(L, lua_tostring(L, 1));
        lua_replace(L, 1);
    }
    lua_settop(L, 1);
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, tracebackKey);
    ctx->hostDepth--;
    ctx->inHandler--;
    return 1;
}

void dossier_push_last_traceback(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, tracebackKey); }

int dossier_pcall_as_script(lua_State *L, int nargs, int nresults, int handler) {
    dossier_context *ctx = context_of(L);
    int savedDepth = ctx->hostDepth;
    ctx->hostDepth = 0;
    int status = lua_pcall(L, nargs, nresults, handler);
    ctx->hostDepth = savedDepth;
    return status;
}

int dossier_pcall(lua_State *L, int nargs, int nresults) {
    dossier_context *ctx = context_of(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, dossier_message_handler);
    lua_insert(L, base);
    lua_pushnil(L);
    lua_setfield(L, LUA_REGISTRYINDEX, tracebackKey);
    ctx->limitHit = 0;
    int status = dossier_pcall_as_script(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

static int error_to_text(lua_State *L) {
    luaL_tolstring(L, 1, NULL);
    return 1;
}

int dossier_error_to_text(lua_State *L) {
    int type = lua_type(L, -1);
    if (type == LUA_TSTRING) return 0;
    if (type == LUA_TNUMBER) {
        lua_pushstring(L, lua_tostring(L, -1));
        lua_remove(L, -2);
        return 0;
    }
    int converted = 0;
    if (luaL_getmetafield(L, -1, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushcfunction(L, error_to_text);
        lua_pushvalue(L, -2);
        converted = dossier_pcall_as_script(L, 1, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING;
        if (!converted) lua_pop(L, 1);
    }
    context_of(L)->hostDepth++;
    if (!converted) lua_pushfstring(L, "(error object is a %s value)", lua_typename(L, type));
    context_of(L)->hostDepth--;
    lua_remove(L, -2);
    return converted ? 0 : 1;
}
